"""Sentence and clause segmentation with character offsets.

Rule-based and linear: every decision looks at a bounded window around a
candidate boundary, so a megabyte on a single line costs one regex pass. The
word lists here are part of the splitter's grammar (English orthography), not
knowledge about any article, and are kept in code so that importing the module
costs nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from factcheck import lazy_re

__all__ = ["LineIndex", "Segment", "coordinated_clause", "embedded_spans", "fronted_clause", "line_col",
           "split_clauses", "split_sentences"]


@dataclass(slots=True, frozen=True)
class Segment:
    """A span of the input: ``text == source[start:end]``, without surrounding whitespace."""

    text: str
    start: int
    end: int


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Abbreviations that precede a name or a word, so they never end a sentence ("Mr. Smith").
_NEVER_END = _wordset(
    """mr mrs ms messrs mme dr prof gen sen rep gov lt col capt cmdr sgt cpl adm maj rev
    hon pres supt insp st mt ft ave blvd e.g i.e vs cf viz approx esp incl dept
    fig figs vol nos pp"""
)
# Abbreviations that can close a sentence ("… Apple Inc. The firm …"); a sentence break is
# assumed only before a word that typically starts a sentence.
_MAY_END = _wordset(
    """jr sr inc ltd co corp plc llc llp bros etc al no jan feb mar apr jun jul aug sep sept
    oct nov dec mon tue tues wed thu thur thurs fri sat sun a.m p.m"""
)
# Before a digit these abbreviations introduce the number ("No. 10", "Jan. 5", "pp. 4").
_BEFORE_NUMBER = _wordset(
    """no nos jan feb mar apr jun jul aug sep sept oct nov dec fig figs vol p pp art ch
    sec para approx ca c"""
)
# Words that usually open a sentence: the evidence that "U.S." or "Inc." ended one.
_STARTERS = _wordset(
    """the a an he she it they we i you his her its their our my your this that these
    those there here then but and or so yet however meanwhile also in on at for by from with
    as after before when while if although though since because despite during under
    over many some most all both each no none not officials analysts critics
    mr mrs ms dr"""
)
# A line ending in one of these words continues on the next line (hard-wrapped text).
_CONTINUES = _wordset(
    """the a an of to and or but in on at for by with from that which who whose as than
    into onto about over under between his her its their our"""
)

# Terminal punctuation, closing quotes/brackets, whitespace, then the next character.
_BOUNDARY = lazy_re.compile(r"(\.{2,}|…|[.!?]+)([\"'”’»)\]]*)(\s+)(?=\S)")
_NEXT_WORD = lazy_re.compile(r"[\"'“‘«(\[]*([^\W_][\w'’.\-]*)?")
_ACRONYM = lazy_re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_LIST_MARKER = lazy_re.compile(r"(?:[-*+•‣◦▪–—]|\(?\d{1,3}[.)]|\(?[a-zA-Z][)])[ \t]+")
_LINE_END_TERMINAL = lazy_re.compile(r"(?:\.{2,}|…|[.!?:;])[\"'”’»)\]]*$")
_HAS_WORD = lazy_re.compile(r"[^\W_]")
_LOOKBACK = 40


def split_sentences(text: str) -> list[Segment]:
    """Split ``text`` into sentences with offsets into ``text``.

    A blank line always ends a sentence; a single newline does too unless the
    text is plainly hard-wrapped (the next line starts in lower case, or the
    line ends with a comma, a hyphen or a word such as "the"). Leading list
    markers ("- ", "1. ", "•") are not part of a sentence, and spans without
    any letter or digit (rules such as "***") are dropped. Text written
    entirely in lower case is split at ". " unless an abbreviation precedes.
    """
    lower_mode = text == text.lower()
    segments: list[Segment] = []
    for block_start, block_end in _blocks(text, lower_mode):
        _split_block(text, block_start, block_end, lower_mode, segments)
    return segments


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every line, without its newline; an empty text has one empty line."""
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        spans.append((pos, nl))
        pos = nl + 1
    return spans


def _blocks(text: str, lower_mode: bool) -> list[tuple[int, int]]:
    """Group lines into runs that may hold one sentence across a line break."""
    lines = line_spans(text)
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for i, (ls, le) in enumerate(lines):
        if not text[ls:le].strip():
            if current is not None:
                blocks.append(current)
                current = None
            continue
        current = (ls, le) if current is None else (current[0], le)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is None or not _joins(text, ls, le, nxt[0], nxt[1], lower_mode):
            blocks.append(current)
            current = None
    if current is not None:
        blocks.append(current)
    return blocks


def _joins(text: str, ls: int, le: int, ns: int, ne: int, lower_mode: bool) -> bool:
    line = text[max(ls, le - _LOOKBACK) : le].rstrip()
    following = text[ns : min(ne, ns + _LOOKBACK)].lstrip()
    if not following or not line or _LIST_MARKER.match(following):
        return False
    if _LINE_END_TERMINAL.search(line):
        return False
    if line.endswith((",", "-")):
        return True
    words = line.split()
    if words and words[-1].lower() in _CONTINUES:
        return True
    return not lower_mode and following[0].islower()


def _split_block(text: str, start: int, end: int, lower_mode: bool, out: list[Segment]) -> None:
    first = start
    while first < end and text[first].isspace():
        first += 1
    marker = _LIST_MARKER.match(text, first, end)
    if marker is not None and marker.end() < end:
        start = marker.end()
    seg_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m, seg_start, end, lower_mode):
            _emit(text, seg_start, m.end(2), out)
            seg_start = m.end()
    _emit(text, seg_start, end, out)


def _emit(text: str, start: int, end: int, out: list[Segment]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not _HAS_WORD.search(stripped):
        return
    s = start + (len(chunk) - len(chunk.lstrip()))
    out.append(Segment(stripped, s, s + len(stripped)))


def _is_boundary(text: str, m: re.Match[str], seg_start: int, end: int, lower_mode: bool) -> bool:
    punct, closing = m.group(1), m.group(2)
    nxt = _NEXT_WORD.match(text, m.end(), min(end, m.end() + _LOOKBACK))
    next_word = (nxt.group(1) or "") if nxt else ""
    first = text[m.end()]
    next_lower = (next_word[:1] or first).islower()
    if lower_mode:
        is_starter = next_word.lower().rstrip(".") in _STARTERS
    else:
        is_starter = next_word[:1].isupper() and next_word.lower() in _STARTERS

    if "." not in punct or "?" in punct or "!" in punct:
        # "?" / "!": a quoted question followed by "he asked" continues the sentence.
        return not next_lower or (lower_mode and not closing)
    if punct == "…" or len(punct) >= 3:
        return is_starter if lower_mode else not next_lower and next_word[:1].isupper()
    if closing:
        return lower_mode or not next_lower

    lookback = text[max(seg_start, m.start() - _LOOKBACK) : m.start()]
    if not lookback or lookback[-1].isspace():
        return lower_mode or not next_lower
    token = lookback.split()[-1].lstrip("\"'“‘«([")
    key = token.lower()
    if next_word[:1].isdigit() and key in _BEFORE_NUMBER:
        return False
    if key in _NEVER_END:
        return False
    if key in _MAY_END or _ACRONYM.fullmatch(token):
        return is_starter
    if len(token) == 1 and token.isalpha() and (token.isupper() or lower_mode):
        # An initial: "George W. Bush", "S. Korea".
        return is_starter
    return lower_mode or not next_lower


def split_clauses(sentence: str) -> list[Segment]:
    """Split a sentence into main clauses where stance or attribution may change.

    Splits at "; ", at contrastive connectives (", however, ", " but ",
    ", while ", ", whereas ", ", although ", ", though ", ", yet "), at ", and"
    before a subject pronoun (", and it expects …"), at "and" before a hedged
    predicate (", and is expected to …", ", and could …") and before an absolute
    phrase (", with sales slipping …", which keeps its "with"), never inside quotes
    or brackets. The connective itself belongs to no clause.
    Offsets are relative to ``sentence``. Returns the whole sentence as one
    segment when nothing splits it.
    """
    cuts: list[tuple[int, int]] = []
    for m in _CLAUSE_SPLIT.finditer(sentence):
        if _inside_quote_or_bracket(sentence, m.start()):
            continue
        word = (m.group("word") or m.group("but") or "").lower()
        if word == "but" and not _but_splits(sentence, m):
            continue
        cuts.append((m.start(), m.end()))
    pieces: list[tuple[int, int]] = []
    pos = 0
    for a, b in cuts:
        pieces.append((pos, a))
        pos = b
    pieces.append((pos, len(sentence)))
    # Each side must look like a clause, or the cut is undone.
    result: list[tuple[int, int]] = []
    for a, b in pieces:
        if result and (_word_count(sentence, a, b) < 2 or _word_count(sentence, *result[-1]) < 2):
            result[-1] = (result[-1][0], b)
        else:
            result.append((a, b))
    segments: list[Segment] = []
    for a, b in result:
        chunk = sentence[a:b]
        stripped = chunk.strip()
        if not stripped:
            continue
        s = a + len(chunk) - len(chunk.lstrip())
        segments.append(Segment(stripped, s, s + len(stripped)))
    if not segments:
        stripped = sentence.strip()
        s = len(sentence) - len(sentence.lstrip())
        return [Segment(stripped, s, s + len(stripped))]
    return segments


_CLAUSE_SPLIT = lazy_re.compile(
    r";\s+(?:(?P<w1>however|but|yet|while|whereas|although|though),?\s+)?"
    r"|,\s+(?P<word>however|but|while|whereas|although|though|yet)(?:,\s+|\s+)"
    r"|\s+(?P<but>but)\s+"
    # ", and it expects …": a coordinated clause with a subject of its own may carry its own
    # stance ("expects", "may"); "and" without a new subject joins a predicate to the same one.
    r"|(?:,|\s+--|\s*[—–])\s+and\s+(?=(?:it|he|she|they|we)\s)"
    # "… said his words were in jest, and that he meant no harm": a second reported clause.
    r"|,?\s+and\s+(?=that\s+(?:it|he|she|they|we|the)\s)"
    # "… rose 3%, and is expected to rise again": a coordinated predicate with a hedge of its own.
    # The hedge governs that predicate only, so it becomes a clause (its subject is the first one's).
    r"|,?\s+and\s+(?=(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?"
    r"(?:expected|forecast|predicted|projected|tipped|likely|unlikely|set|thought|believed|estimated)"
    r"\s+to\s))"
    r"|,\s+and\s+(?=(?:will|could|might|may|would|should)\s+(?:also\s+|still\s+)?[a-z]+)"
    # "…, with growth forecasts slipping to 1.8%": an absolute phrase adds a fact of its own
    # (its stance may differ from the main clause's).
    r"|,\s+(?=with\s+(?:[\w'’%.-]+\s+){1,6}?[a-z]+ing\s)",
    re.IGNORECASE,
)
_BUT_NO_SPLIT_BEFORE = frozenset({"all", "anything", "nothing", "everything", "none", "last"})
# After these the words that follow continue the same predicate ("rose 15% over the year, but by
# only 2.8% in the second half"): no clause of their own to hold another stance.
_BUT_NO_SPLIT_AFTER = frozenset({"also", "not", "rather", "instead", "only", "by", "just", "barely", "merely"})
_WORD = lazy_re.compile(r"[^\W_]+")
_QUOTES_OPEN = "“‘«"
_QUOTES_CLOSE = "”’»"


def _but_splits(sentence: str, m: re.Match[str]) -> bool:
    before = sentence[max(0, m.start() - 20) : m.start()].split()
    after = sentence[m.end() : m.end() + 20].split()
    if before and before[-1].lower().strip(",") in _BUT_NO_SPLIT_BEFORE:
        return False
    return not (after and (after[0].lower().strip(",") in _BUT_NO_SPLIT_AFTER or after[0][:1].isdigit()
                           or after[0][:1] in "£$€¥"))


def _inside_quote_or_bracket(sentence: str, pos: int) -> bool:
    head = sentence[:pos]
    if head.count('"') % 2 == 1:
        return True
    if head.count("“") > head.count("”"):
        return True
    return head.count("(") > head.count(")") or head.count("[") > head.count("]")


def _word_count(sentence: str, a: int, b: int) -> int:
    return sum(1 for _ in _WORD.finditer(sentence, a, b))


# Subordinate material whose hedge or negation is its own, not the main clause's.
# A relative clause: ", which authorities allegedly found …", "the baron who was thought to …".
_RELATIVE = lazy_re.compile(r"(?:,\s+|(?<=[a-z])\s+)(?=(?:which|who|whom|whose)\s)|,\s+(?=when\s)", re.I)
# A fronted time or concession clause states its content as background fact: "When police
# answered the call, they found …", "Although sales rose, profits may fall".
_FRONTED = lazy_re.compile(r"(?:When|After|Before|Once|While|Although|Though)\s[^,;:\"“”()—–]{8,200}?(?=,\s)")
# A parenthetical between dashes or brackets: "— perhaps from exposure, officials say —".
_DASHED = lazy_re.compile(r"\s(?:--|—|–)\s(.{3,200}?)\s(?:--|—|–)\s|\s\(([^()]{3,200})\)")
# A trailing phrase of examples or commentary: ", including firms with no record …",
# ", a method the government has used to …", " -- something Clinton failed to do in 2008".
_TRAILING = lazy_re.compile(r"(?:,['’\"”]?|\s(?:--|—|–))\s+(?=including\s|something\s|(?:a|an)\s+[a-z]+\s+"
                            r"(?:the|that|which|who|he|she|they|we|it)\s)", re.I)
# A relative clause without a pronoun after a plural noun: "murders he says he did not commit",
# "events they had planned for …".
_REDUCED = lazy_re.compile(r"(?<=[a-z]s)\s+(?=(?:he|she|they|we|i)\s+(?:had\s+|have\s+|has\s+)?"
                      r"(?:says|said|claims|claimed|insists|insisted|planned|hoped|thought|believed|"
                      r"expected)\b)")
_TIME_PLURALS = frozenset(["years", "days", "weeks", "months", "times", "hours", "minutes", "decades", "seconds"])
# Words after a relative clause's closing comma that show the main clause resumes ("Smith, who is
# 34, was arrested"): otherwise the relative clause runs to the end of the sentence.
_RESUMES = frozenset(["is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can",
                     "may", "might", "said", "says", "told", "did", "does", "remains", "remained"])
_SPAN_END = lazy_re.compile(r"[;:]|\s(?:--|—|–)\s|,\s+")


# "…, and the five drugs meant to control them weren't working": a second clause with a noun
# subject of its own and a finite auxiliary, whose negation or hedge is its own. The subject is a
# short run of words without punctuation or clause words, opened by a determiner or a capital.
_AUX = ("was|were|is|are|has|have|had|did|does|do|will|would|could|can|may|might|should|must|"
        "never|wasn't|weren't|isn't|aren't|hasn't|haven't|hadn't|didn't|doesn't|don't|won't|"
        "wouldn't|couldn't|can't|cannot|mightn't|shouldn't|mustn't")
_COORDINATED = lazy_re.compile(
    r",?\s+and\s+(?=(?:(?:the|a|an|his|her|its|their|this|these|those|some|many|most|other|several|"
    r"both|no|each|every|[A-Z][\w'’.-]*)\s+)"
    r"(?:(?!(?:that|which|who|whom|whose|than|and|or|as)\s)[\w'’%.-]+\s+){0,8}?"
    rf"(?:{_AUX})(?:\s+not|\s+never|\s+also|\s+still)?\b)"
)
_SUBJECT_END_BLOCK = frozenset(["than", "as", "between", "of", "from", "with", "by", "and", "or", "both", "either",
                                "he", "she", "i", "we", "they", "you", "it", "him", "her", "them", "us", "me"])
# Words after which a new clause or a noun list starts ("said that the figures and …", "between
# X and Y"): the first clause's verb must come after the last of them, or "and" joins two subjects.
_OPENS_CLAUSE = lazy_re.compile(r"\b(?:that|whether|if|as|said|says|say|saying|claiming|told|between|among|"
                           r"insisted|thought|think|believes?|suggested|reported|warned)\b", re.I)
# A finite verb the first clause needs, so that "cars and trucks were …" (one subject) is not cut.
_FINITE = lazy_re.compile(r"\b(?:" + _AUX + r"|says|said|[a-z]{2,}ed)\b", re.I)


def coordinated_clause(clause: str, past_forms: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Where a second coordinated clause with its own noun subject starts: (end of the first
    clause, start of the second), or None.

    "X was having seizures and the drugs weren't helping" → the cut before "and". Only a
    second clause with an auxiliary (or "never") counts, since a negation or hedge needs one;
    the first clause must have a finite verb of its own (an auxiliary, "-ed", or one of
    ``past_forms``), so "Sales of cars and trucks were not …" (a compound subject) is not cut.
    """
    if " and " not in clause:
        return None
    for m in _COORDINATED.finditer(clause):
        if _inside_quote_or_bracket(clause, m.start()):
            continue
        before = clause[:m.start()].split()
        last = before[-1].strip(",\"'”’") if before else ""
        # "Mr Blair and Mr Brown were …", "Somerset and Hampshire": names joined in one subject.
        if len(before) < 3 or not last or last.lower() in _SUBJECT_END_BLOCK or last[0].isupper():
            continue
        head = 0
        for opener in _OPENS_CLAUSE.finditer(clause, 0, m.start()):
            head = opener.end()
        if not (_FINITE.search(clause, head, m.start())
                or any(w.lower().strip(",.") in past_forms for w in clause[head:m.start()].split())):
            continue
        if _word_count(clause, m.end(), len(clause)) < 3:
            continue
        return m.start(), m.end()
    return None


def fronted_clause(clause: str) -> int:
    """End of a fronted time or concession clause ("When police arrived, …"), else 0."""
    m = _FRONTED.match(clause)
    return m.end() if m is not None else 0


def embedded_spans(clause: str) -> list[tuple[int, int]]:
    """Spans of ``clause`` that are subordinate to its main predicate, in order, not overlapping.

    A fronted time or concession clause ("When …,", "Although …,"), a relative clause
    (", which …", ", when …", "the man who …", "murders he says …"), a parenthetical between
    dashes or brackets, and a trailing ", including …" or appositive commentary. A hedge or
    negation inside one of them qualifies that span only. Quotes are left whole.
    """
    spans: list[tuple[int, int]] = []
    n = len(clause)
    fronted = _FRONTED.match(clause)
    if fronted is not None:
        spans.append((0, fronted.end()))
    for m in _DASHED.finditer(clause):
        group = 1 if m.group(1) is not None else 2
        if not _inside_quote_or_bracket(clause, m.start()):
            spans.append((m.start(group), m.end(group)))
    for m in _RELATIVE.finditer(clause):
        if m.end() < 3 or _inside_quote_or_bracket(clause, m.start()):
            continue
        spans.append((m.end(), _relative_end(clause, m.end())))
    for m in _TRAILING.finditer(clause):
        if not _inside_quote_or_bracket(clause, m.start()):
            spans.append((m.end(), _phrase_end(clause, m.end())))
    for m in _REDUCED.finditer(clause):
        before = clause[max(0, m.start() - 12):m.start()].split()
        if before and before[-1].lower() not in _TIME_PLURALS \
                and not _inside_quote_or_bracket(clause, m.start()):
            spans.append((m.end(), _phrase_end(clause, m.end())))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a < merged[-1][1]:
            continue  # inside an earlier span: the outer one decides
        if b > a and _word_count(clause, a, b) >= 2 and (a > 0 or fronted is not None) and b <= n:
            merged.append((a, b))
    return merged


def _phrase_end(clause: str, start: int) -> int:
    m = _SPAN_END.search(clause, start)
    if m is None or m.group().startswith(","):
        # A comma inside a trailing phrase does not close it ("…, probably by late summer").
        m2 = re.compile(r"[;:]|\s(?:--|—|–)\s").search(clause, start)
        return m2.start() if m2 else len(clause.rstrip(" .!?\"'”’"))
    return m.start()


def _relative_end(clause: str, start: int) -> int:
    pos = start
    while True:
        m = _SPAN_END.search(clause, pos)
        if m is None:
            return len(clause.rstrip(" .!?\"'”’"))
        if not m.group().startswith(","):
            return m.start()
        nxt = clause[m.end():m.end() + 20].split()
        if nxt and (nxt[0].lower() in _RESUMES or nxt[0].lower().endswith("ed")):
            return m.start()
        pos = m.end()


class LineIndex:
    """Maps character offsets of one text to 1-based (line, column) in O(log lines)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self._starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of ``offset``."""
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of ``offset`` in ``text``.

    Counts newlines up to the offset; for many look-ups on one text use :class:`LineIndex`.
    """
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
