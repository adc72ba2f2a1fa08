"""Fast YAML for big knowledge bases: a dumper byte-identical to ruamel and a subset parser.

ruamel.yaml is pure Python: round-trip dumping a knowledge base of ~18,000 claims takes tens of
seconds, parsing it longer. The files factcheck writes use a small block-style subset of YAML,
so both directions can be done here with string operations, while ruamel stays the reference:

- :func:`dump_tree` writes exactly the bytes ruamel writes with the settings of ``kb._yaml()``
  (indent mapping=2, sequence=4, offset=2, unbounded width, unicode, YAML 1.2). It decides the
  style of ordinary scalars itself; a string it cannot decide with certainty is emitted by ruamel
  alone, and a tree holding anything unusual (comments, anchors, flow style, ruamel's own scalar
  types, nested lists, long keys, …) is handed to ruamel whole.
- :func:`load_plain` parses the subset :func:`dump_tree` writes plus what people keep when they
  edit it by hand, into plain Python values equal to ruamel's round-trip load; for anything
  outside the subset it returns None and the caller falls back to ruamel, which also produces
  the precise error messages.

Only the standard library is imported at module level; ruamel is imported when it is needed.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

__all__ = ["dump_tree", "load_plain", "misread_by_yaml11"]

_STR = "str"

# YAML 1.2 implicit resolvers of ruamel.yaml (resolver.implicit_resolvers), in ruamel's order,
# keyed by first character as ruamel does: a plain scalar is a string unless one matches.
# ruamel uses re.match with ^…$, so $ also matches before a final newline; scalars reaching
# these never hold a newline.
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_FLOAT = re.compile(
    r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
_MERGE = re.compile(r"^(?:<<)$")
_NULL = re.compile(r"^(?: ~ |null|Null|NULL | )$", re.X)
_TIMESTAMP = re.compile(
    r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
    (?:[Tt]|[ \t]+)[0-9][0-9]?
    :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
    (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
    re.X,
)
_VALUE = re.compile(r"^(?:=)$")
_YAMLTAG = re.compile(r"^(?:!|&|\*)$")


# The YAML 1.1 rules (booleans yes/no/on/off, sexagesimals, octals without 0o), which older
# readers (PyYAML, many editors) still apply.
_BOOL11 = re.compile(
    r"""^(?:y|Y|yes|Yes|YES|n|N|no|No|NO
    |true|True|TRUE|false|False|FALSE
    |on|On|ON|off|Off|OFF)$""",
    re.X,
)
_FLOAT11 = re.compile(
    r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT11 = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0?[0-7_]+
    |[-+]?(?:0|[1-9][0-9_]*)
    |[-+]?0x[0-9a-fA-F_]+
    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
    re.X,
)

_Resolvers = dict[str, list[tuple[str, "re.Pattern[str]"]]]


def _resolvers(version: tuple[int, int]) -> _Resolvers:
    rules: tuple[tuple[str, re.Pattern[str], str], ...]
    if version == (1, 2):
        rules = (
            ("bool", _BOOL, "tTfF"),
            ("float", _FLOAT, "-+0123456789."),
            ("int", _INT, "-+0123456789"),
        )
    else:
        rules = (
            ("bool", _BOOL11, "yYnNtTfFoO"),
            ("float", _FLOAT11, "-+0123456789."),
            ("int", _INT11, "-+0123456789"),
        )
    rules += (
        ("merge", _MERGE, "<"),
        ("null", _NULL, "~nN"),
        ("timestamp", _TIMESTAMP, "0123456789"),
        ("value", _VALUE, "="),
        ("yaml", _YAMLTAG, "!&*"),
    )
    table: _Resolvers = {}
    for tag, regexp, first in rules:
        for char in first:
            table.setdefault(char, []).append((tag, regexp))
    return table


_RESOLVERS = _resolvers((1, 2))
_RESOLVERS11 = _resolvers((1, 1))


def _resolve(text: str, table: _Resolvers = _RESOLVERS) -> str:
    """The tag ruamel's resolver gives the plain scalar ``text`` (short name; YAML 1.2 unless
    another table is given)."""
    if not text:
        return "null"
    for tag, regexp in table.get(text[0], ()):
        if regexp.match(text):
            return tag
    return _STR


def misread_by_yaml11(text: str) -> bool:
    """Whether a YAML 1.1 reader takes the plain scalar ``text`` for something other than a
    string (``NO``, ``on``, ``1:20``, ``010``, ``~``, ``2024-01-02``, ``""``…).

    The same answer as ruamel's ``VersionedResolver(version=(1, 1))`` (the rules of
    ``kb._misread_by_yaml11``), without importing ruamel.
    """
    return _resolve(text, _RESOLVERS11) != _STR


# ------------------------------------------------------------------ dumping


class _Delegate(Exception):
    """The tree holds something only ruamel itself can be trusted to write."""


# Characters every ruamel style writes verbatim with allow_unicode (printable ASCII and the
# printable non-ASCII ranges, which exclude the byte-order mark and the Unicode line breaks).
# A string with any other character (tab, newline, control, NEL, U+2028…) goes to ruamel.
_DUMP_UNSAFE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# Emitter.analyze_scalar: what forbids a plain scalar in block context (YAML 1.2), for strings
# without line breaks or special characters.
_NOT_BLOCK_PLAIN = re.compile(r"^(?:[-?:](?: |$)|[#,\[\]{}&*!|>'\"%@`]|---|\.\.\.| )|: |:$| #| $")
# ruamel writes a mapping key longer than this (or multi-line) as an explicit "? key".
_MAX_SIMPLE_KEY = 128
_INF = float("inf")
# What ruamel's emitter takes for line breaks; a scalar written across lines depends on its
# indentation.
_LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")


def dump_tree(tree: Any) -> str:
    """The YAML text ruamel writes for ``tree`` with the settings of ``kb._yaml()``, byte for byte.

    ``tree`` is what ``kb._kb_tree`` or ``kb._to_yaml`` builds: mappings (dict or ruamel
    CommentedMap) and lists (list or CommentedSeq) of str, SingleQuotedScalarString, int,
    float, bool, None and datetime.date. A tree that holds anything else, or that ruamel would
    write with anchors, comments, flow style or other layouts not reproduced here, is dumped by
    ruamel itself, so the result is always ruamel's.
    """
    if not _is_mapping(tree) or not tree:
        return _ruamel_dump(tree)
    out: list[str] = []
    try:
        _emit_mapping(tree, "", out, set())
    except _Delegate:
        return _ruamel_dump(tree)
    return "".join(out)


@cache
def _container_types() -> tuple[type, type, type]:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    return CommentedMap, CommentedSeq, SingleQuotedScalarString


def _is_mapping(node: Any) -> bool:
    kind = type(node)
    return kind is dict or kind is _container_types()[0]


# Attributes ruamel keeps on containers that change what it writes (comments, anchors, tags,
# merges); formats are checked separately: only flow style matters.
_RUAMEL_EXTRAS = ("_yaml_comment", "_yaml_anchor", "_yaml_tag", "_yaml_merge")


def _check_container(node: Any, seen: set[int]) -> None:
    if id(node) in seen:  # the same object twice: ruamel writes an anchor and an alias
        raise _Delegate
    seen.add(id(node))
    if type(node) is dict or type(node) is list:
        return
    for name in _RUAMEL_EXTRAS:
        if getattr(node, name, None) is not None:
            raise _Delegate
    fmt = getattr(node, "_yaml_format", None)
    if fmt is not None and getattr(fmt, "_flow_style", None):
        raise _Delegate


def _emit_mapping(node: Any, indent: str, out: list[str], seen: set[int]) -> None:
    """Write a non-empty mapping whose keys sit at ``indent``; the first key's indent is already
    written when the mapping opens a sequence item."""
    _check_container(node, seen)
    first = True
    child = indent + "  "
    for key, value in node.items():
        if type(key) is not str or len(key) >= _MAX_SIMPLE_KEY:
            raise _Delegate
        text = _str_text(key, allow_ruamel=False)
        if first:
            out.append(text)
            first = False
        else:
            out.append(indent + text)
        kind = type(value)
        if kind is dict or kind is list or _is_container(value):
            if not value:
                _check_container(value, seen)
                out.append(": {}\n" if _is_mapping(value) else ": []\n")
            elif _is_mapping(value):
                out.append(":\n" + child)
                _emit_mapping(value, child, out, seen)
            else:
                out.append(":\n")
                _emit_sequence(value, child, out, seen)
        elif value is None:
            out.append(":\n")
        else:
            out.append(": " + _scalar_text(value, seen) + "\n")


def _is_container(node: Any) -> bool:
    kind = type(node)
    types = _container_types()
    return kind is types[0] or kind is types[1]


def _emit_sequence(node: Any, indent: str, out: list[str], seen: set[int]) -> None:
    """Write a non-empty sequence whose dashes sit at ``indent``."""
    _check_container(node, seen)
    child = indent + "  "
    for item in node:
        kind = type(item)
        if kind is dict or kind is list or _is_container(item):
            if not item:
                _check_container(item, seen)
                out.append(indent + ("- {}\n" if _is_mapping(item) else "- []\n"))
            elif _is_mapping(item):
                out.append(indent + "- ")
                _emit_mapping(item, child, out, seen)
            else:  # ruamel's layout of a list directly in a list is not reproduced here
                raise _Delegate
        elif item is None:
            out.append(indent + "- \n")
        else:
            out.append(indent + "- " + _scalar_text(item, seen) + "\n")


def _scalar_text(value: Any, seen: set[int]) -> str:
    kind = type(value)
    if kind is str:
        return _str_text(value, allow_ruamel=True)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is float:
        if value != value:
            return ".nan"
        if value == _INF:
            return ".inf"
        if value == -_INF:
            return "-.inf"
        text = repr(value).lower()
        if _resolve(text) != "float":
            raise _Delegate
        return text
    if kind is date:
        if id(value) in seen:  # ruamel anchors a date object met twice
            raise _Delegate
        seen.add(id(value))
        return str(value.isoformat())
    if kind is _container_types()[2]:
        quoted = str(value)
        if not quoted or _DUMP_UNSAFE.search(quoted):
            return _ruamel_scalar(value)
        return "'" + quoted.replace("'", "''") + "'"
    raise _Delegate


def _str_text(text: str, *, allow_ruamel: bool) -> str:
    """A plain str as ruamel's Emitter.choose_scalar_style writes it (block context)."""
    if not text or _DUMP_UNSAFE.search(text):
        if not allow_ruamel:
            raise _Delegate
        return _ruamel_scalar(text)
    if not _NOT_BLOCK_PLAIN.search(text) and _resolve(text) == _STR:
        return text
    if "'" in text:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "'" + text + "'"


@cache
def _ruamel_yaml() -> Any:
    # The settings of kb._yaml() that matter for writing (the constructor only affects reading).
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def _ruamel_dump(tree: Any) -> str:
    import io

    out = io.StringIO()
    _ruamel_yaml().dump(tree, out)
    return out.getvalue()


def _ruamel_scalar(value: str) -> str:
    """One string scalar as ruamel writes it as a mapping value; styles do not depend on the
    place of a value in block context, only the indentation of continuation lines does, so a
    scalar ruamel writes on several lines sends the whole tree to ruamel."""
    text = _ruamel_dump({"k": value})
    if not text.startswith("k: ") or not text.endswith("\n") or _LINE_BREAK.search(text, 0, len(text) - 1):
        raise _Delegate
    return text[3:-1]


# ------------------------------------------------------------------ parsing


class _Unsupported(Exception):
    """Outside the subset parsed here: the caller must use ruamel."""


# Characters after which the subset parser gives up: tabs, carriage returns left after CRLF
# normalisation, control characters, the byte-order mark, NEL and the Unicode line and
# paragraph separators (YAML line breaks), surrogates and what ruamel's reader rejects.
_LOAD_UNSAFE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# A block mapping key as the dump writes it (field names), followed by ": " or the line end.
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)")
_DOC_START = re.compile(r"---(?: +#.*)?")
# A line with content: its indentation and its text without trailing blanks (blank lines and
# comment lines do not match).
_CONTENT_LINE = re.compile(r"^( *)([^ \n#](?:[^\n]*[^ \n])?) *$", re.M)
# Document markers and directives, which only count at the start of a line.
_MARKER = re.compile(r"^(?:---|\.\.\.|%)", re.M)
_PLAIN_DECIMAL = re.compile(r"[-+]?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SPECIAL_FLOAT = {".inf": _INF, "+.inf": _INF, "-.inf": -_INF}
_DQ_ESCAPES = {
    "0": "\0", "a": "\x07", "b": "\x08", "t": "\x09", "n": "\x0a", "v": "\x0b", "f": "\x0c",
    "r": "\x0d", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
    "_": "\xa0", "L": "\u2028", "P": "\u2029",
}
_DQ_CODES = {"x": 2, "u": 4, "U": 8}
_HEX = frozenset("0123456789abcdefABCDEF")
# First characters that make a value something other than a plain scalar in block context
# (flow collections, anchors, aliases, tags, block scalars, reserved and directive characters).
_VALUE_INDICATORS = frozenset(",[]{}&*!|>%@`")


def load_plain(text: str, *, iso_dates: bool = False) -> Any | None:
    """Parse the block-style YAML subset :func:`dump_tree` writes, or return None.

    The result is plain Python data (dict, list, str, int, float, bool, None, datetime.date),
    equal to what the knowledge-base loader (ruamel round-trip, YAML 1.2, impossible dates kept
    as strings) gives after converting ruamel's own types to plain ones. Supported: comments on
    their own lines and after values, blank lines, a leading ``---``, block mappings with
    identifier-like keys, block sequences (also at the indentation of their parent key), plain,
    single-quoted and double-quoted scalars on one line, ``[]`` and ``{}``. Anything else
    (flow collections, anchors, aliases, tags, block or multi-line scalars, directives, several
    documents, tabs, duplicate keys, odd indentation, syntax errors, unusual characters,
    timestamps with a time, numbers with underscores or in base 2, 8 or 16, an empty document, a
    top level that is not a mapping) gives None.

    With ``iso_dates``, dates stay the ISO text they are written as, as ``kb._plain`` turns them
    before validation (a string field holding an unquoted date stays valid).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if _LOAD_UNSAFE.search(text):
        return None
    lines = _content_lines(text)
    if lines is None or not lines or lines[0][0] != 0 or not _KEY.match(lines[0][1]):
        return None
    try:
        position, tree = _parse_mapping(lines, 0, 0, iso_dates)
    except (_Unsupported, RecursionError):
        return None
    if position != len(lines):
        return None
    return tree


def _content_lines(text: str) -> list[list[Any]] | None:
    """[indent, content] of each line holding more than blanks or a comment, or None when the
    document has markers or directives beyond a first ``---``."""
    lines = [[len(indent), content] for indent, content in _CONTENT_LINE.findall(text)]
    markers = len(_MARKER.findall(text))
    if markers:
        if markers > 1 or not lines or lines[0][0] or not _DOC_START.fullmatch(lines[0][1]):
            return None
        del lines[0]
    return lines


def _parse_node(lines: list[list[Any]], position: int, iso: bool) -> tuple[int, Any]:
    indent, content = lines[position]
    if content[0] == "-" and (len(content) == 1 or content[1] == " "):
        return _parse_sequence(lines, position, indent, iso)
    if _KEY.match(content):
        return _parse_mapping(lines, position, indent, iso)
    raise _Unsupported  # e.g. a scalar on its own line below its key


def _parse_mapping(lines: list[list[Any]], position: int, indent: int, iso: bool) -> tuple[int, Any]:
    result: dict[str, Any] = {}
    count = len(lines)
    while position < count:
        line_indent, content = lines[position]
        if line_indent < indent:
            break
        if line_indent > indent:
            raise _Unsupported
        match = _KEY.match(content)
        if match is None:
            raise _Unsupported
        key = match.group(1)
        if key in result or _resolve(key) != _STR:
            raise _Unsupported
        rest = content[match.end():]
        position += 1
        if rest and rest[0] != "#":
            result[key] = _inline_value(rest, iso)
            if position < count and lines[position][0] > indent:
                raise _Unsupported  # a continuation line: multi-line scalar or an error
            continue
        if position < count:
            next_indent, next_content = lines[position]
            if next_indent > indent or (
                next_indent == indent
                and next_content[0] == "-"
                and (len(next_content) == 1 or next_content[1] == " ")
            ):
                position, result[key] = _parse_node(lines, position, iso)
                continue
        result[key] = None
    return position, result


def _parse_sequence(lines: list[list[Any]], position: int, indent: int, iso: bool) -> tuple[int, Any]:
    result: list[Any] = []
    count = len(lines)
    while position < count:
        line_indent, content = lines[position]
        if line_indent < indent:
            break
        if line_indent > indent:
            raise _Unsupported
        if content[0] != "-" or (len(content) > 1 and content[1] != " "):
            break  # a key after an indentless sequence; the parent decides
        rest = content[1:].lstrip(" ")
        if rest and rest[0] != "#":
            column = indent + len(content) - len(rest)
            if (rest[0] == "-" and (len(rest) == 1 or rest[1] == " ")) or _KEY.match(rest):
                # "- key: value" or "- - item": a node starting on the dash's line
                lines[position] = [column, rest]
                position, item = _parse_node(lines, position, iso)
                result.append(item)
                continue
            result.append(_inline_value(rest, iso))
            position += 1
            if position < count and lines[position][0] > indent:
                raise _Unsupported
            continue
        position += 1
        if position < count and lines[position][0] > indent:
            position, item = _parse_node(lines, position, iso)
            result.append(item)
        else:
            result.append(None)
    return position, result


def _inline_value(text: str, iso: bool) -> Any:
    """A scalar (or ``[]`` / ``{}``) after ``key: `` or ``- ``, with an optional comment;
    ``text`` starts with a non-space and has no trailing spaces."""
    first = text[0]
    if first == "'":
        return _single_quoted(text)
    if first == '"':
        return _double_quoted(text)
    if first in "[{":
        body = _strip_comment(text)
        if body == "[]":
            return []
        if body == "{}":
            return {}
        raise _Unsupported
    if first in _VALUE_INDICATORS:
        raise _Unsupported
    if first in "-?:" and (len(text) == 1 or text[1] == " "):
        raise _Unsupported
    value = _strip_comment(text)
    if ": " in value or value[-1] == ":":
        raise _Unsupported
    return _plain_value(value, iso)


def _strip_comment(text: str) -> str:
    cut = text.find(" #")
    return text if cut < 0 else text[:cut].rstrip(" ")


def _after_quoted(rest: str) -> None:
    """What may follow a closing quote on its line: nothing, or spaces and a comment."""
    if rest and (rest[0] != " " or rest.lstrip(" ")[0] != "#"):
        raise _Unsupported


def _single_quoted(text: str) -> str:
    parts: list[str] = []
    start = 1
    while True:
        end = text.find("'", start)
        if end < 0:
            raise _Unsupported  # continues on the next line
        parts.append(text[start:end])
        if text.startswith("''", end):
            parts.append("'")
            start = end + 2
            continue
        _after_quoted(text[end + 1:])
        return "".join(parts)


def _double_quoted(text: str) -> str:
    parts: list[str] = []
    index = 1
    length = len(text)
    while True:
        quote = text.find('"', index)
        slash = text.find("\\", index)
        if quote < 0:
            raise _Unsupported
        if slash < 0 or quote < slash:
            parts.append(text[index:quote])
            _after_quoted(text[quote + 1:])
            return "".join(parts)
        parts.append(text[index:slash])
        if slash + 1 >= length:
            raise _Unsupported  # an escaped line break
        code = text[slash + 1]
        if code in _DQ_ESCAPES:
            parts.append(_DQ_ESCAPES[code])
            index = slash + 2
        elif code in _DQ_CODES:
            digits = text[slash + 2: slash + 2 + _DQ_CODES[code]]
            if len(digits) != _DQ_CODES[code] or not _HEX.issuperset(digits):
                raise _Unsupported
            parts.append(chr(int(digits, 16)))
            index = slash + 2 + len(digits)
        else:
            raise _Unsupported


def _plain_value(text: str, iso: bool) -> Any:
    """A one-line plain scalar resolved like ruamel's round-trip loader (YAML 1.2)."""
    tag = _resolve(text)
    if tag == _STR:
        return text
    if tag == "int":
        if _PLAIN_DECIMAL.fullmatch(text):
            return int(text)
    elif tag == "float":
        special = _SPECIAL_FLOAT.get(text.lower())
        if special is not None:
            return special
        if text.lower() == ".nan":
            return float("nan")
        if "_" not in text:
            return float(text)
    elif tag == "bool":
        return text[0] in "tT"
    elif tag == "null":
        return None
    elif tag == "timestamp" and _DATE.fullmatch(text):
        if iso:  # date.isoformat() of a YYYY-MM-DD date is that very text
            return text
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text  # kb's constructor keeps an impossible date as a string
    raise _Unsupported
