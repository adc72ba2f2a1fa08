"""Drafts → checkable sentences with their locations in the original file.

Two halves. :func:`draft_sentences` is pure: it turns the text of a Markdown or
plain-text draft into sentences, dropping what is not prose (front matter, code,
URLs, link targets, markup), and keeps an offset map so that every kept
character points back to its line and column in the original text.
:func:`read_document` and :func:`iter_document_paths` are the file edge.

Locations are 1-based. ``column`` is the first character of the sentence;
``end_line``/``end_column`` point just past its last character (the column is
exclusive, as SARIF's ``endColumn``), so a one-line sentence spans
``end_column - column`` characters. Columns count characters (code points) of
the original line, after the reader has normalised line endings.

Suppressions are HTML comments, invisible in rendered Markdown::

    <!-- factcheck: ignore -->               the next sentence
    <!-- factcheck: ignore quoted from AP --> the next sentence, with a reason
    <!-- factcheck: off reason -->  …  <!-- factcheck: on -->   a region

They work in plain-text drafts too. Suppressed sentences are still returned,
flagged, so that callers can count them.
"""

from __future__ import annotations

import fnmatch
import html
import os
import re
import stat
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import InputError
from factcheck.text.segment import LineIndex, line_spans, split_sentences

__all__ = [
    "DEFAULT_INCLUDE",
    "MARKDOWN_SUFFIXES",
    "Document",
    "DraftSentence",
    "decode_document",
    "draft_sentences",
    "is_markdown_path",
    "iter_document_paths",
    "read_document",
]

DEFAULT_INCLUDE: tuple[str, ...] = ("*.md", "*.markdown", "*.txt")
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
_BINARY_SNIFF = 8192


@dataclass(slots=True, frozen=True)
class DraftSentence:
    """One sentence of a draft, as the checker should read it, and where it stands."""

    text: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive: the column just past the last character
    suppressed: bool = False
    suppress_reason: str | None = None


@dataclass(slots=True, frozen=True)
class _Directive:
    kind: str  # "ignore", "off" or "on"
    reason: str | None
    start: int  # offsets of the comment in the original text
    end: int


# ------------------------------------------------------------------ sentences


def draft_sentences(text: str, *, markdown: bool) -> list[DraftSentence]:
    """Split a draft into sentences located in ``text`` (see the module docstring).

    With ``markdown`` the text is read as CommonMark-ish Markdown: front matter,
    fenced and indented code, inline code, URLs, HTML comments and tags, images,
    link targets (the link text stays), reference definitions, table rules and
    the markers of headings, lists, block quotes and emphasis are not prose.
    Struck-through text (``~~…~~``) is deleted text and is dropped too. Without
    ``markdown`` the text is taken as it is, except for suppression comments.
    """
    blocks = _markdown_blocks(text) if markdown else [(text, list(range(len(text))))]
    directives: list[_Directive] = []
    parts: list[str] = []
    offsets: list[int] = []
    for block_text, block_offsets in blocks:
        clean, clean_offsets = _inline(block_text, block_offsets, directives, markdown=markdown)
        if not clean.strip():
            continue
        if parts:
            # A paragraph break the segmenter always honours; mapped onto the last real character.
            parts.append("\n\n")
            offsets.extend((offsets[-1], offsets[-1]))
        parts.append(clean)
        offsets.extend(clean_offsets)
    flat = "".join(parts)
    index = LineIndex(text)
    sentences: list[DraftSentence] = []
    starts: list[int] = []
    for seg in split_sentences(flat):
        first = offsets[seg.start]
        last = offsets[seg.end - 1]
        line, column = index.line_col(first)
        end_line, end_col = index.line_col(last)
        sentences.append(DraftSentence(text=_tidy(seg.text), line=line, column=column,
                                       end_line=end_line, end_column=end_col + 1))
        starts.append(first)
    if directives:
        _apply_directives(sentences, starts, directives)
    return sentences


_SPACES = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")


def _tidy(sentence: str) -> str:
    # NUL bytes stay in the text so that locations match the file, but are no part of a word:
    # "fo\0o" reads as "foo", as it does on stdin and in extracted articles.
    if "\x00" in sentence:
        sentence = sentence.replace("\x00", "")
    # Removed markup leaves runs of spaces ("Set  in the file"); the checker reads words.
    if "  " in sentence or "\t" in sentence or "\u00a0" in sentence:
        return _SPACES.sub(" ", sentence)
    return sentence


def _apply_directives(sentences: list[DraftSentence], starts: list[int],
                      directives: Sequence[_Directive]) -> None:
    reasons: dict[int, str | None] = {}
    region: _Directive | None = None
    for directive in directives:
        if directive.kind == "ignore":
            i = bisect_left(starts, directive.end)
            if i < len(sentences) and i not in reasons:
                reasons[i] = directive.reason
        elif directive.kind == "off":
            if region is None:
                region = directive
        elif region is not None:  # "on" closes the open region
            _suppress_between(starts, region.end, directive.start, region.reason, reasons)
            region = None
    if region is not None and starts:  # an unclosed region runs to the end of the draft
        _suppress_between(starts, region.end, starts[-1] + 1, region.reason, reasons)
    for i, reason in reasons.items():
        s = sentences[i]
        sentences[i] = DraftSentence(text=s.text, line=s.line, column=s.column,
                                     end_line=s.end_line, end_column=s.end_column,
                                     suppressed=True, suppress_reason=reason)


def _suppress_between(starts: list[int], begin: int, end: int, reason: str | None,
                      reasons: dict[int, str | None]) -> None:
    for i in range(bisect_left(starts, begin), bisect_left(starts, end)):
        reasons.setdefault(i, reason)


# ------------------------------------------------------------------ Markdown blocks

_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})(.*)")
_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r" {0,3}>[ \t]?")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?:\[[ xX]\][ \t]+)?|$)")
_REF_DEF = re.compile(r" {0,3}\[(?!\^)(?:[^\]\\]|\\.)+\]:[ \t]*\S")
_FOOTNOTE_DEF = re.compile(r" {0,3}\[\^[^\]\s]+\]:[ \t]*")
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def _indent_width(line: str) -> int:
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _front_matter_end(text: str, lines: list[tuple[int, int]]) -> int:
    """Index of the first line after YAML (---) or TOML (+++) front matter, else 0."""
    if not lines:
        return 0
    first = text[lines[0][0] : lines[0][1]].rstrip()
    closers = {"---": ("---", "..."), "+++": ("+++",)}.get(first)
    if closers is None:
        return 0
    for i in range(1, len(lines)):
        if text[lines[i][0] : lines[i][1]].rstrip() in closers:
            return i + 1
    return 0


class _Blocks:
    """Accumulates paragraphs (text plus the original offset of every character)."""

    __slots__ = ("blocks", "chars", "offsets")

    def __init__(self) -> None:
        self.blocks: list[tuple[str, list[int]]] = []
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, start: int, end: int, joint: int) -> None:
        """Append text[start:end]; a soft line break before it reads as a space."""
        if start >= end:
            return
        if self.chars:
            self.chars.append(" ")
            self.offsets.append(joint)
        self.chars.append(text[start:end])
        self.offsets.extend(range(start, end))

    def open(self) -> bool:
        return bool(self.chars)

    def close(self) -> None:
        if self.chars:
            self.blocks.append(("".join(self.chars), self.offsets))
            self.chars = []
            self.offsets = []


def _markdown_blocks(text: str) -> list[tuple[str, list[int]]]:
    lines = line_spans(text)
    out = _Blocks()
    fence: str | None = None  # the opening fence while inside fenced code
    in_comment = False  # inside an HTML comment that spans lines
    in_list = False
    in_table = False
    prev_blank = True
    indented_code = False
    quote_depth = 0
    i = _front_matter_end(text, lines)
    n = len(lines)
    while i < n:
        ls, le = lines[i]
        line = text[ls:le]
        i += 1
        if in_comment:
            out.add(text, ls, le, ls - 1)
            closed = line.find("-->")
            in_comment = closed < 0 or _opens_comment(line[closed + 3 :])
            continue
        p = 0
        depth = 0
        while m := _QUOTE.match(line, p):
            p = m.end()
            depth += 1
        if fence is not None:
            stripped = line[p:].strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        if depth != quote_depth:
            out.close()
            quote_depth = depth
        rest = line[p:]
        if not rest.strip():
            out.close()
            prev_blank = True
            in_table = False
            continue
        width = _indent_width(rest)
        if width >= 4 and not in_list and (indented_code or (prev_blank and not out.open())):
            indented_code = True
            continue
        indented_code = False
        if (fm := _FENCE.match(rest)) and (fm.group(1)[0] == "~" or "`" not in fm.group(2)):
            out.close()
            fence = fm.group(1)
            continue
        if _ATX.match(rest):
            out.close()
            body = rest.lstrip(" ").lstrip("#")
            start = len(rest) - len(body)
            close = _ATX_CLOSE.search(rest, start)
            end = close.start() if close else len(rest)
            out.add(text, ls + p + start, ls + p + end, ls - 1)
            out.close()
            prev_blank = False
            continue
        if out.open() and not prev_blank and _SETEXT.match(rest):
            out.close()  # the paragraph above was a heading
            continue
        if _THEMATIC.match(rest) or _REF_DEF.match(rest):
            out.close()
            prev_blank = False
            continue
        if in_table or ("|" in rest and i < n and _is_table_rule(text, lines[i], p)):
            in_table = True
            out.close()
            if not _TABLE_RULE.match(rest):
                _add_cells(out, text, ls + p, rest)
            prev_blank = False
            continue
        if m := (_LIST_ITEM.match(rest) or _FOOTNOTE_DEF.match(rest)):
            out.close()
            in_list = in_list or m.re is _LIST_ITEM
            start = m.end()
        else:
            if prev_blank and width == 0:
                in_list = False
            start = len(rest) - len(rest.lstrip())
        end = len(rest.rstrip())
        if rest.endswith("\\", 0, end):
            end -= 1  # a hard line break, read as a space
        out.add(text, ls + p + start, ls + p + end, ls - 1)
        in_comment = _opens_comment(rest)
        prev_blank = False
    out.close()
    return out.blocks


def _is_table_rule(text: str, span: tuple[int, int], quote_prefix: int) -> bool:
    line = text[span[0] : span[1]]
    return "|" in line and bool(_TABLE_RULE.match(line, min(quote_prefix, len(line))))


def _add_cells(out: _Blocks, text: str, base: int, row: str) -> None:
    pos = 0
    for m in [*_CELL_SPLIT.finditer(row), None]:
        end = m.start() if m else len(row)
        cell = row[pos:end]
        lead = len(cell) - len(cell.lstrip())
        out.add(text, base + pos + lead, base + pos + len(cell.rstrip()), base)
        out.close()
        pos = end + 1


def _opens_comment(line: str) -> bool:
    """Does the line leave an HTML comment open?"""
    opened = line.rfind("<!--")
    return opened >= 0 and line.find("-->", opened + 4) < 0


# ------------------------------------------------------------------ inline markup

_DIRECTIVE = re.compile(r"\s*factcheck\s*:\s*(ignore|off|on)\b[\s:—–-]*(.*?)\s*$", re.I | re.S)
_COMMENT_ONLY = re.compile(r"<!--(.*?)-->", re.S)
_INLINE = re.compile(
    r"""
    # Every alternative starts with one of these: most positions fail here, fast.
    (?=[<`!\[*_~\\&hfw])
    (?:
    (?P<comment><!--(?P<body>.*?)-->)
  | (?P<code>(?P<ticks>`+)(?!`).*?(?<!`)(?P=ticks)(?!`))
  | (?P<image>!\[(?:[^\]\\]|\\.)*\]
        (?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)|\[[^\]]*\])?)
  | (?P<link>\[(?P<label>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]
        (?:\((?:<[^>]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)|\[[^\]]*\]))
  | (?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>)
  | (?P<url>(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"]*[^\s<>"'.,;:!?)\]*_])
  | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)
  | (?P<strike>~~(?=\S).*?(?<=\S)~~)
  | (?P<footnote>\[\^[^\]\s]+\])
  | (?P<escape>\\[!-/:-@\[-`{-~])
  | (?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
  | (?P<emph>\*+|_+)
    )
    """,
    re.X | re.S,
)
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»…—–")


def _inline(text: str, offsets: list[int], directives: list[_Directive], *,
            markdown: bool) -> tuple[str, list[int]]:
    """Remove inline markup from one block; return the prose and its offset map."""
    pattern = _INLINE if markdown else _COMMENT_ONLY
    chars: list[str] = []
    out: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        kind = m.lastgroup if markdown else "comment"
        if kind == "emph" and not _is_delimiter(text, m.start(), m.end()):
            continue
        if kind == "comment":
            body = m.group(1) if not markdown else m.group("body")
            directive = _DIRECTIVE.match(body)
            if directive is None and not markdown:
                continue  # plain text: only our own comments are markup
            if directive is not None:
                reason = directive.group(2).strip() or None
                directives.append(_Directive(kind=directive.group(1).lower(), reason=reason,
                                             start=offsets[m.start()],
                                             end=offsets[m.end() - 1] + 1))
        chars.append(text[pos : m.start()])
        out.extend(offsets[pos : m.start()])
        pos = m.end()
        if kind in {"comment", "tag"}:
            # Keeps "said.<!-- x -->Next" two sentences.
            chars.append(" ")
            out.append(offsets[m.start()])
        elif kind == "link":
            inner_start = m.start("label")
            inner, inner_offsets = _inline(m.group("label"), offsets[inner_start : m.end("label")],
                                           directives, markdown=True)
            chars.append(inner)
            out.extend(inner_offsets)
        elif kind == "escape":
            chars.append(text[m.start() + 1])
            out.append(offsets[m.start() + 1])
        elif kind == "entity":
            decoded = html.unescape(m.group())
            chars.append(decoded)
            out.extend([offsets[m.start()]] * len(decoded))
    if pos == 0:
        return text, offsets
    chars.append(text[pos:])
    out.extend(offsets[pos:])
    return "".join(chars), out


def _is_delimiter(text: str, start: int, end: int) -> bool:
    """Is this run of * or _ an emphasis marker (CommonMark's flanking rules, simplified)?"""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    left = not after.isspace() and (after not in _PUNCT or before.isspace() or before in _PUNCT)
    right = not before.isspace() and (before not in _PUNCT or after.isspace() or after in _PUNCT)
    if not (left or right):
        return False
    # snake_case and 2_000 keep their underscores.
    return not (text[start] == "_" and before.isalnum() and after.isalnum())


# ------------------------------------------------------------------ files


@dataclass(slots=True, frozen=True)
class Document:
    """A draft as read from disk: its text, or None when it was skipped, and what went wrong."""

    text: str | None
    warnings: tuple[str, ...] = ()

    @property
    def skipped(self) -> bool:
        return self.text is None


def decode_document(data: bytes, name: str) -> Document:
    """Decode a draft's bytes: UTF-8 (BOM stripped), UTF-16 with a BOM, else UTF-8 with replacement.

    Binary data is skipped with a warning: a NUL byte in the first 8 KiB, unless the
    file is valid UTF-8 with a few stray NULs (more than one in ten bytes is binary,
    or UTF-16/32 without a byte-order mark, which is not readable either).
    Stray NULs are kept in the text, so locations stay exact, with a warning;
    :func:`draft_sentences` leaves them out of sentence text. Line endings are
    normalised to ``\\n``. Warnings name the file (and the line of the first
    undecodable or NUL byte); they are returned, never printed.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Document(_normalise(data.decode("utf-16")))
        except UnicodeDecodeError:
            warning = f"{name}: not valid UTF-16 despite its byte-order mark; skipped"
            return Document(None, (warning,))
    warnings: list[str] = []
    # A stray NUL (a bad copy, a broken editor) must not cost the whole draft its check.
    if b"\x00" in data[:_BINARY_SNIFF] and (data.count(b"\x00") > 1 + len(data) // 10
                                            or not is_utf8(data)):
        return Document(None, (f"{name}: binary file skipped",))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        warnings.append(f"{name}:{line}: NUL bytes ignored")
    try:
        return Document(_normalise(data.decode("utf-8")), tuple(warnings))
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        warnings.insert(0, f"{name}:{line}: not valid UTF-8; undecodable bytes replaced with U+FFFD")
        return Document(_normalise(data.decode("utf-8", errors="replace")), tuple(warnings))


def is_utf8(data: bytes) -> bool:
    """Do the bytes decode as UTF-8?"""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _normalise(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_document(path: Path) -> Document:
    """Read a draft from disk (see :func:`decode_document`); unreadable files raise InputError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    return decode_document(data, str(path))


def is_markdown_path(path: Path) -> bool:
    """Should this file be read as Markdown (by its suffix)?"""
    return path.suffix.lower() in MARKDOWN_SUFFIXES


def iter_document_paths(paths: Iterable[str | Path], include: Sequence[str] = DEFAULT_INCLUDE,
                        exclude: Sequence[str] = (), *, base: Path | None = None) -> Iterator[Path]:
    """The draft files named by ``paths``: files as given, folders searched recursively.

    Folders yield the files matching an ``include`` pattern, in sorted order,
    skipping hidden folders. ``exclude`` patterns drop files and whole folders,
    also among files named explicitly (so that a configured exclude holds under
    pre-commit). A pattern without "/" matches any single path component
    ("*.draft.md", "archive"); one with "/" matches the path relative to
    ``base`` (default: the working folder), e.g. "docs/old/*". Each file is
    yielded once. A path that does not exist raises InputError before anything
    is yielded. ``-`` (stdin) is the caller's business and is not accepted here.
    A folder that cannot be searched (no permission), given or met on the way,
    raises InputError too: skipping it would pass its drafts off as checked.
    """
    given = [Path(p) for p in paths]
    is_folder: list[bool] = []
    for p in given:
        if str(p) == "-":
            raise InputError("'-' (stdin) cannot be mixed into a list of paths here")
        is_folder.append(_is_folder(p))
    root = (base or Path.cwd()).resolve()
    seen: set[Path] = set()
    for p, folder in zip(given, is_folder, strict=True):
        if folder:
            candidates: Iterable[Path] = _walk(p, include, exclude, root)
        elif _excluded(p, exclude, root):
            continue
        else:
            candidates = (p,)
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                yield candidate


def _is_folder(path: Path) -> bool:
    """Is ``path`` a folder (else a file)? InputError when it is missing or cannot be reached."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file or folder", path=str(path)) from None
    except OSError as exc:  # a folder on the way without search permission, a symlink loop, …
        raise InputError(f"cannot access: {exc.strerror or exc}", path=str(path)) from None
    return stat.S_ISDIR(info.st_mode)


def _unreadable_folder(error: OSError) -> None:
    raise InputError(f"cannot read folder: {error.strerror or error}",
                     path=error.filename if error.filename is not None else None) from None


def _walk(folder: Path, include: Sequence[str], exclude: Sequence[str],
          root: Path) -> Iterator[Path]:
    for current, dirs, files in os.walk(folder, onerror=_unreadable_folder):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs
                         if not d.startswith(".") and not _excluded(here / d, exclude, root))
        for name in sorted(files):
            if any(fnmatch.fnmatch(name, pat) for pat in include):
                path = here / name
                if not _excluded(path, exclude, root):
                    yield path


def _excluded(path: Path, patterns: Sequence[str], root: Path) -> bool:
    if not patterns:
        return False
    resolved = path.resolve()
    try:
        rel = resolved.relative_to(root).as_posix()
    except ValueError:
        rel = resolved.as_posix()
    parts = rel.split("/")
    for pattern in patterns:
        pat = pattern.strip().removeprefix("./").rstrip("/")
        if not pat:
            continue
        if "/" in pat:
            if any(fnmatch.fnmatch("/".join(parts[:k]), pat) for k in range(1, len(parts) + 1)):
                return True
        elif any(fnmatch.fnmatch(part, pat) for part in parts):
            return True
    return False
