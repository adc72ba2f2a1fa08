"""Date expressions in English news sentences, resolved against the article's date.

``extract_dates`` is pure and works on one sentence; matching is done on a lower-cased copy of
the sentence, so lower-cased input gives the same dates (the capital-letter cues that tell the
month "May"/"March" from the modal verb or the verb "march" only apply when the sentence has
capitals at all).

Conventions (the checker relies on them):

* ``value`` is ISO at the granularity: day "2025-06-03", month "2025-12", year "2024";
  ``None`` when the text does not give the year and there is no reference date (a year is
  never invented), or for a weekday plus month and day without a reference date (some 16
  years of 1990–2100 fit any such combination).
* ``text`` covers the date words and their modifiers ("Friday, March 14th", "last year",
  "last December", "two months ago"), not a preceding preposition ("on", "in").
* A year-less date is placed by the tense of its clause: the nearest cue word (``dates.future``
  / ``dates.past`` in ``data/units.toml``; unlisted "-ed" words count as past) picks the next
  occurrence on/after the reference date or the latest one on/before it; with no cue, the
  occurrence nearest to the reference date, the past one on a tie (news reports the past).
* A weekday with a month and day but no year takes the year within ±1 of the reference year
  in which the weekday fits (nearest to the reference); if none fits, the reference year.
* A bare weekday ("on Friday") is the nearest such day in the direction of the tense; with no
  cue, the latest one on/before the reference date. "last Friday" is strictly before it,
  "next Friday" strictly after, "this Friday" on/after.
* Seasons and financial years ("2004-05", "2004/05") are the first year, year granularity.
* Coordinated dates share the stated year: "in October and November 2004" → 2004-10, 2004-11
  ("December and January 2005" → 2004-12).
* Numeric dates other than ISO ("5/23/2025", "23/05/2025") are not read: day and month order
  differ between US and UK copy.
* Not extracted: weeks ("last week": a week is not a day, month or year), decades ("1990s"),
  durations ("five-year"), "May" the modal verb or surname, "march" the verb or noun,
  "Sunday Times"-like names, "Good Friday", bare numbers.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import functools
import itertools
import re
from dataclasses import dataclass

from factcheck import lazy_re
from factcheck.models import DateRef, Granularity
from factcheck.text.numbers import load_units, year_end

__all__ = [
    "date_contains",
    "extract_dates",
    "parse_iso_partial",
]

_MONTH_NUMBER = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAY_NUMBER = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
# Month names that are also ordinary words: in a sentence with capitals they must be capitalised.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "august"})
_SMALL_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": -1,
    "few": -1,
}

_MON = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_MON_FULL = "|".join(n for n in _MONTH_NUMBER if len(n) > 4 or n in ("may", "june", "july"))
_WD = "|".join(_WEEKDAY_NUMBER)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>[12]\d{3})(?!\d|[,.]\d)"
_WD_PREFIX = rf"(?:(?P<wd>{_WD}),?\s+(?:the\s+)?)?"

_MDY_RE = lazy_re.compile(
    rf"(?<![a-z]){_WD_PREFIX}(?P<mon>{_MON})\.?\s+{_DAY}(?![\d:%]|[.,]\d|[a-z])"
    rf"(?:,?\s+{_YEAR})?"
)
_DMY_RE = lazy_re.compile(
    rf"(?<![a-z]){_WD_PREFIX}(?<![\d,.$£€¥]){_DAY}\s+(?:of\s+)?(?P<mon>{_MON})(?![a-z])\.?"
    rf"(?:,?\s+{_YEAR})?"
)
_MY_RE = lazy_re.compile(rf"(?<![a-z])(?P<mon>{_MON})\.?,?\s+(?:of\s+)?{_YEAR}")
_ISO_RE = lazy_re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?![\d-])")
_MON_RE = lazy_re.compile(
    rf"(?<![a-z])(?:(?P<mod>last|next|this)\s+)?(?P<mon>{_MON_FULL})(?![a-z])(?P<poss>['’]s)?"
)
_BARE_YEAR_RE = lazy_re.compile(r"(?<![\w$£€¥.,])(?P<year>[12]\d{3})(?!\d|[,.]\d|[a-z%])")
_NOT_YEAR_AFTER_RE = lazy_re.compile(
    r"\s*(?:per\s*cent|percent|pc\b|million|billion|bn\b|trillion|gmt\b|bst\b|hrs\b)"
)
_CURRENCY_BEFORE_RE = lazy_re.compile(r"(?:[$£€¥₹]|\b(?:rs|usd|gbp|eur))\s?\Z")
_WEEKDAY_RE = lazy_re.compile(rf"(?<![a-z])(?:(?P<mod>last|next|this)\s+)?(?P<wd>{_WD})(?![a-z])")
_RELATIVE_RE = lazy_re.compile(
    r"(?<![a-z])(?:(?P<word>yesterday|today|tomorrow|tonight)"
    r"|(?P<mod>this|last|next)\s+(?P<unit>year|month|week)"
    r"|this\s+(?P<part>morning|afternoon|evening))(?![a-z])"
)
_AGO_RE = lazy_re.compile(
    rf"(?<![a-z])(?P<n>{'|'.join(_SMALL_NUMBERS)}|\d{{1,3}})\s+"
    r"(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago(?![a-z])"
)
_THE_BEFORE_RE = lazy_re.compile(r"(?<![a-z])(?:the|over|in\s+the|for\s+the)\s+\Z")
# Every pattern below needs one of these; most sentences have none and are rejected at once.
_ANY_RE = lazy_re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|tomorrow|tonight|year|month|ago"
    r"|morning|afternoon|evening"
)
_COORDINATION_RE = lazy_re.compile(r"\s*(?:,?\s*(?:and|or|to|until|till|through)|[-–—/])\s*")
_WORD_RE = lazy_re.compile(r"[a-z]+(?:['’][a-z]+)*|[;:.!?]")
_PREV_WORD_RE = lazy_re.compile(r"([a-z]+)[\s-]+\Z")
_NEXT_WORD_RE = lazy_re.compile(r"\s+([a-z]+)")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MAY_INTRODUCERS = _wordset(
    "in since until till by from during early late mid end beginning start middle of"
)
_MAY_FOLLOWERS = _wordset(
    "and or to when as after before of for in at on with while but the this that last next "
    "until since from by"
)

_FUTURE = "future"
_FUTURE_AUX = frozenset({"will", "shall", "to", "won't"})
# Words between a future auxiliary and the past form it governs: "will not be held".
_AUX_BRIDGE = frozenset({"be", "been", "have", "not", "also", "then", "now", "only", "still"})
_PAST = "past"


@dataclass(frozen=True, slots=True)
class _DateTables:
    future: frozenset[str]
    past: frozenset[str]
    weekday_after: frozenset[str]
    weekday_before: frozenset[str]
    month_introducers: frozenset[str]
    modal_followers: frozenset[str]


@functools.cache
def _tables() -> _DateTables:
    data = load_units()["dates"]
    return _DateTables(
        future=frozenset(data["future"]),
        past=frozenset(data["past"]),
        weekday_after=frozenset(data["weekday_names_after"]),
        weekday_before=frozenset(data["weekday_names_before"]),
        month_introducers=frozenset(data["month_introducers"]),
        modal_followers=frozenset(data["modal_followers"]),
    )


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    value: str | None
    granularity: Granularity
    month: int | None = None  # for month and day dates
    day: int | None = None
    stated_year: int | None = None  # the year the text itself gives


def parse_iso_partial(value: str) -> tuple[int, int | None, int | None]:
    """Split "2025", "2025-06" or "2025-06-03" into (year, month or None, day or None)."""
    parts = value.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a partial ISO date: {value!r}")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else None
    day = int(parts[2]) if len(parts) > 2 else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"not a partial ISO date: {value!r}")
    if month is not None and day is not None:
        datetime.date(year, month, day)  # raises ValueError when the day does not exist
    return year, month, day


def date_contains(outer: DateRef, inner: DateRef) -> bool:
    """Does ``outer`` contain ``inner``? "2025-06" contains "2025-06-03"; a date contains itself.

    False when either value is unresolved (None) or ``inner`` is coarser than ``outer``.
    """
    if outer.value is None or inner.value is None:
        return False
    oy, om, od = parse_iso_partial(outer.value)
    iy, im, idd = parse_iso_partial(inner.value)
    if oy != iy:
        return False
    if om is None:
        return True
    if im is None or om != im:
        return False
    if od is None:
        return True
    return idd == od


def extract_dates(sentence: str, published: datetime.date | None) -> list[DateRef]:
    """Every date expression in ``sentence``, in order, resolved against ``published``."""
    low = sentence.lower()
    if len(low) != len(sentence):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in sentence)
    if not _ANY_RE.search(low):
        return []
    ref = published
    if isinstance(ref, datetime.datetime):
        ref = ref.date()
    ctx = _Ctx(sentence, low, ref)
    candidates: list[tuple[int, int, re.Match[str], str]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(low):
            candidates.append((m.start(), m.end(), m, kind))
    # Longest first at each start; a longer expression beats the parts inside it.
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0]), _PRIORITY[c[3]]))
    founds: list[_Found] = []
    taken_until = -1
    for start, _end, m, kind in candidates:
        if start < taken_until:
            continue
        found = _HANDLERS[kind](ctx, m)
        if found is None:
            continue
        taken_until = found.end
        founds.append(found)
    _borrow_years(low, founds)
    return [
        DateRef(
            text=sentence[f.start : f.end],
            value=f.value,
            granularity=f.granularity,
            start=f.start,
            end=f.end,
        )
        for f in founds
    ]


def _borrow_years(low: str, founds: list[_Found]) -> None:
    """ "in October and November 2004": the first month takes the year the second states."""
    for first, second in itertools.pairwise(founds):
        if (
            first.month is None
            or first.stated_year is not None
            or second.stated_year is None
            or second.month is None
            or not _COORDINATION_RE.fullmatch(low, first.end, second.start)
        ):
            continue
        year = second.stated_year - (1 if first.month > second.month else 0)
        if first.day is None:
            first.value = _fmt_month(year, first.month)
        elif _valid_day(year, first.month, first.day):
            first.value = _fmt_day(datetime.date(year, first.month, first.day))


# ---------------------------------------------------------------- context


class _Ctx:
    __slots__ = ("_words", "cased", "low", "ref", "text")

    def __init__(self, text: str, low: str, ref: datetime.date | None) -> None:
        self.text = text
        self.low = low
        self.ref = ref
        self.cased = low != text
        self._words: list[tuple[str, int, int]] | None = None

    @property
    def words(self) -> list[tuple[str, int, int]]:
        if self._words is None:
            self._words = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(self.low)]
        return self._words

    def prev_word(self, pos: int) -> str:
        m = _PREV_WORD_RE.search(self.low, max(0, pos - 24), pos)
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD_RE.match(self.low, pos)
        return m.group(1) if m else ""

    def capitalised(self, pos: int) -> bool:
        return self.text[pos].isupper()

    def sentence_initial(self, pos: int) -> bool:
        return self.low[:pos].strip(" \"'“‘([") == "" or self.low[:pos].rstrip()[-1:] in ".!?:;"

    def tense(self, start: int, end: int) -> str | None:
        """The tense cue nearest to [start, end) in the same clause, if any.

        Listed cue words beat the "-ed means past" guess (participles such as "tipped" or
        "balloted" mislead it), then the nearer cue wins, then the one before the date. A past
        form right after a future auxiliary is part of a future verb group ("will be held",
        "is to be held"), so the auxiliary decides.
        """
        words = self.words
        first_after = bisect.bisect_left([w[1] for w in words], end)
        last_before = bisect.bisect_right([w[2] for w in words], start)
        cues: list[tuple[bool, int, int, str]] = []  # (guessed, distance, side, tense)
        sides = (
            range(last_before - 1, max(-1, last_before - 16), -1),
            range(first_after, min(len(words), first_after + 8)),
        )
        for side, indices in enumerate(sides):
            for dist, k in enumerate(indices):
                word, pos, _ = words[k]
                if word in ";:.!?":
                    break
                cue, guessed = self._cue(k, word, pos)
                if cue:
                    cues.append((guessed, dist, side, cue))
                    if not guessed:
                        break
        if not cues:
            return None
        return min(cues)[3]

    def _cue(self, k: int, word: str, pos: int) -> tuple[str | None, bool]:
        """(tense, guessed) for the word at index k; guessed when only its "-ed" says past."""
        t = _tables()
        if word in t.future or word.endswith("'ll"):
            return _FUTURE, False
        guessed = False
        if word in t.past:
            cue: str | None = _PAST
        elif (
            len(word) > 4
            and word.endswith("ed")
            and not word.endswith("eed")
            and not (self.cased and self.capitalised(pos) and not self.sentence_initial(pos))
        ):
            cue, guessed = _PAST, True
        else:
            return None, False
        for j in range(k - 1, max(-1, k - 4), -1):
            aux = self.words[j][0]
            if aux in _FUTURE_AUX or aux.endswith("'ll"):
                return _FUTURE, False
            if aux not in _AUX_BRIDGE:
                break
        return cue, guessed

    def month_word_ok(self, mon_word: str, pos: int) -> bool:
        """Is this month word a month (not "may" the verb, "March" a person, "Theresa May")?"""
        if mon_word in _AMBIGUOUS_MONTHS and self.cased and not self.capitalised(pos):
            return False
        if mon_word == "may" and self.cased:
            k = pos - 1
            while k >= 0 and self.text[k] == " ":
                k -= 1
            prev = self.prev_word(pos)
            prev_start = k - len(prev) + 1
            if (
                prev
                and prev_start >= 0
                and self.text[prev_start].isupper()
                and prev not in _tables().month_introducers
                and prev not in _WEEKDAY_NUMBER
                and not self.sentence_initial(prev_start)
            ):
                return False  # "Theresa May", "Mrs May"
        return True


# ---------------------------------------------------------------- resolution


def _fmt_day(d: datetime.date) -> str:
    return d.isoformat()


def _fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _pick(candidates: list[datetime.date], ref: datetime.date, tense: str | None) -> datetime.date:
    if tense == _FUTURE:
        later = [c for c in candidates if c >= ref]
        if later:
            return min(later)
    elif tense == _PAST:
        earlier = [c for c in candidates if c <= ref]
        if earlier:
            return max(earlier)
    return min(candidates, key=lambda c: (abs((c - ref).days), c > ref))


def _resolve_day(
    ctx: _Ctx, month: int, day: int, start: int, end: int, weekday: int | None
) -> str | None:
    ref = ctx.ref
    if ref is None:
        return None
    years = [y for y in (ref.year - 1, ref.year, ref.year + 1) if _valid_day(y, month, day)]
    if not years:
        return None
    if weekday is not None:
        fitting = [
            datetime.date(y, month, day)
            for y in years
            if datetime.date(y, month, day).weekday() == weekday
        ]
        if fitting:
            return _fmt_day(min(fitting, key=lambda c: abs((c - ref).days)))
        if _valid_day(ref.year, month, day):
            return _fmt_day(datetime.date(ref.year, month, day))
        return None
    candidates = [datetime.date(y, month, day) for y in years]
    return _fmt_day(_pick(candidates, ref, ctx.tense(start, end)))


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# ---------------------------------------------------------------- handlers


def _explicit_year(m: re.Match[str]) -> int | None:
    year = m.group("year")
    return int(year) if year else None


def _weekday_of(m: re.Match[str]) -> int | None:
    wd = m.group("wd")
    return _WEEKDAY_NUMBER[wd] if wd else None


def _handle_day_month(ctx: _Ctx, m: re.Match[str]) -> _Found | None:
    mon_word = m.group("mon")
    month = _MONTH_NUMBER[mon_word]
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    if not ctx.month_word_ok(mon_word, m.start("mon")):
        return None
    year = _explicit_year(m)
    weekday = _weekday_of(m)
    start, end = m.start(), m.end()
    if ctx.low[end - 1] == ".":
        end -= 1  # "on 3 June." ends the sentence; the dot of "3 Jun." is dropped too
    if weekday is not None and _named_weekday(ctx, m.start("wd"), m.end("wd")):
        start = m.start("mon") if m.start("mon") < m.start("day") else m.start("day")
        weekday = None
    if year is not None:
        if not _valid_day(year, month, day):
            return None
        stated = _fmt_day(datetime.date(year, month, day))
        return _Found(start, end, stated, Granularity.DAY, month, day, stated_year=year)
    if not _valid_day(2000, month, day):  # 2000 is a leap year: allows 29 February
        return None
    resolved = _resolve_day(ctx, month, day, start, end, weekday)
    return _Found(start, end, resolved, Granularity.DAY, month, day)


def _handle_iso(ctx: _Ctx, m: re.Match[str]) -> _Found | None:
    year, month, day = int(m.group("year")), int(m.group("mon")), int(m.group("day"))
    if not 1 <= month <= 12 or not _valid_day(year, month, day):
        return None
    value = _fmt_day(datetime.date(year, month, day))
    return _Found(m.start(), m.end(), value, Granularity.DAY, month, day, stated_year=year)


def _handle_month_year(ctx: _Ctx, m: re.Match[str]) -> _Found | None:
    mon_word = m.group("mon")
    if not ctx.month_word_ok(mon_word, m.start("mon")):
        return None
    if mon_word == "may" and ctx.next_word(m.end("mon")) in _tables().modal_followers:
        return None
    year = int(m.group("year"))
    month = _MONTH_NUMBER[mon_word]
    value = _fmt_month(year, month)
    return _Found(m.start(), m.end(), value, Granularity.MONTH, month, stated_year=year)


def _handle_month(ctx: _Ctx, m: re.Match[str]) -> _Found | None:
    t = _tables()
    mon_word = m.group("mon")
    mod = m.group("mod")
    start_mon = m.start("mon")
    if not ctx.month_word_ok(mon_word, start_mon):
        return None
    if mon_word == "may" and ctx.next_word(m.end("mon")) in t.modal_followers:
        return None
    if mon_word == "may" and not ctx.capitalised(start_mon) and not _lower_may_is_month(ctx, m):
        return None
    if mod is None:
        prev = ctx.prev_word(start_mon)
        possessive = m.group("poss") is not None and mon_word != "may"
        if prev not in t.month_introducers and not possessive:
            return None
    end = m.end("mon")
    ref = ctx.ref
    month = _MONTH_NUMBER[mon_word]
    if ref is None:
        return _Found(m.start(), end, None, Granularity.MONTH, month)
    ref_index = ref.year * 12 + ref.month - 1
    candidates = [(y * 12 + month - 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if mod == "last":
        index = max(c for c in candidates if c < ref_index)
    elif mod == "next":
        index = min(c for c in candidates if c > ref_index)
    elif mod == "this":
        index = ref.year * 12 + month - 1
    else:
        tense = ctx.tense(m.start(), end)
        later = [c for c in candidates if c >= ref_index]
        earlier = [c for c in candidates if c <= ref_index]
        if tense == _FUTURE:
            index = min(later)
        elif tense == _PAST:
            index = max(earlier)
        else:
            index = min(candidates, key=lambda c: (abs(c - ref_index), c > ref_index))
    value = _fmt_month(index // 12, index % 12 + 1)
    return _Found(m.start(), end, value, Granularity.MONTH, month if mod is None else None)


def _lower_may_is_month(ctx: _Ctx, m: re.Match[str]) -> bool:
    """Lower-case "may" alone ("in may", "last may.") is a month only in a month's slot.

    Without the capital letter, "this may involve" and "and may lay" read like "this May" and
    "and May": so a strong introducer must precede it and a function word or punctuation
    follow it.
    """
    if m.group("mod") is None and ctx.prev_word(m.start("mon")) not in _MAY_INTRODUCERS:
        return False
    rest = ctx.low[m.end("mon") :].lstrip()
    if rest == "" or not rest[0].isalpha():
        return True
    return ctx.next_word(m.end("mon")) in _MAY_FOLLOWERS


def _handle_bare_year(ctx: _Ctx, m: re.Match[str]) -> _Found | None:
    start, end = m.start("year"), m.end("year")
    if _NOT_YEAR_AFTER_RE.match(ctx.low, end):
        return None
    if _CURRENCY_BEFORE_RE.search(ctx.low, max(0, start - 5), start):
        return None
    after = ctx.low[end : end + 2]
    if after[:1] == "s" or (after in ("'s", "’s") and ctx.low[end - 1] == "0"):
        return None  # "1990s", "1990's": a decade ("2000's" is read as one too)
    full_end = year_end(ctx.low, start, end)
    if full_end is None:
        return None
    return _Found(start, full_end, ctx.low[start:end], Granularity.YEAR)


def _named_weekday(ctx: _Ctx, start: int, end: int) -> bool:
    """ "Sunday Times", "Good Friday": a name, not a date."""
    t = _tables()
    if ctx.prev_word(start) in t.weekday_before:
        return True
    return ctx.next_word(end) in t.weekday_after


def _handle_weekday(ctx: _Ctx, m: re.Match[str]) -> _Found | None:
    if _named_weekday(ctx, m.start("wd"), m.end("wd")):
        return None
    mod = m.group("mod")
    ref = ctx.ref
    if ref is None:
        return _Found(m.start(), m.end(), None, Granularity.DAY)
    weekday = _WEEKDAY_NUMBER[m.group("wd")]
    back = (ref.weekday() - weekday) % 7
    forward = (weekday - ref.weekday()) % 7
    if mod == "last":
        day = ref - datetime.timedelta(days=back or 7)
    elif mod == "next":
        day = ref + datetime.timedelta(days=forward or 7)
    elif mod == "this":
        day = ref + datetime.timedelta(days=forward)
    elif ctx.tense(m.start(), m.end()) == _FUTURE:
        day = ref + datetime.timedelta(days=forward or 7)
    else:
        day = ref - datetime.timedelta(days=back)
    return _Found(m.start(), m.end(), _fmt_day(day), Granularity.DAY)


def _handle_relative(ctx: _Ctx, m: re.Match[str]) -> _Found | None:
    unit = m.group("unit")
    if unit == "week":
        return None
    if m.group("word") == "today" and (
        ctx.next_word(m.end()) == "programme"
        or (ctx.cased and ctx.capitalised(m.start()) and not ctx.sentence_initial(m.start()))
    ):
        return None  # BBC Radio 4's "Today" programme
    if unit is not None and _THE_BEFORE_RE.search(ctx.low, max(0, m.start() - 12), m.start()):
        return None  # "over the last year": a span, not the calendar year
    ref = ctx.ref
    granularity = Granularity.DAY
    if unit == "year":
        granularity = Granularity.YEAR
    elif unit == "month":
        granularity = Granularity.MONTH
    if ref is None:
        return _Found(m.start(), m.end(), None, granularity)
    shift = {"last": -1, "next": 1, "this": 0}
    word = m.group("word")
    if word is not None or m.group("part") is not None:
        days = {"yesterday": -1, "tomorrow": 1}.get(word or "", 0)
        value = _fmt_day(ref + datetime.timedelta(days=days))
    elif unit == "year":
        value = f"{ref.year + shift[m.group('mod')]:04d}"
    else:
        value = _fmt_month(*_add_months(ref.year, ref.month, shift[m.group("mod")]))
    return _Found(m.start(), m.end(), value, granularity)


def _handle_ago(ctx: _Ctx, m: re.Match[str]) -> _Found | None:
    unit = m.group("unit").rstrip("s")
    raw_n = m.group("n")
    n = int(raw_n) if raw_n.isdigit() else _SMALL_NUMBERS[raw_n]
    if unit == "week" or n < 0:
        return None  # weeks have no granularity; "several years ago" has no number
    if unit == "day":
        granularity = Granularity.DAY
    elif unit == "month":
        granularity = Granularity.MONTH
    else:
        granularity = Granularity.YEAR
    ref = ctx.ref
    if ref is None:
        return _Found(m.start(), m.end(), None, granularity)
    if unit == "day":
        value = _fmt_day(ref - datetime.timedelta(days=n))
    elif unit == "month":
        value = _fmt_month(*_add_months(ref.year, ref.month, -n))
    else:
        value = f"{ref.year - n * (10 if unit == 'decade' else 1):04d}"
    return _Found(m.start(), m.end(), value, granularity)


_PATTERNS: list[tuple[str, lazy_re.LazyPattern]] = [
    ("iso", _ISO_RE),
    ("mdy", _MDY_RE),
    ("dmy", _DMY_RE),
    ("my", _MY_RE),
    ("ago", _AGO_RE),
    ("relative", _RELATIVE_RE),
    ("month", _MON_RE),
    ("weekday", _WEEKDAY_RE),
    ("year", _BARE_YEAR_RE),
]
_PRIORITY = {kind: i for i, (kind, _) in enumerate(_PATTERNS)}
_HANDLERS = {
    "iso": _handle_iso,
    "mdy": _handle_day_month,
    "dmy": _handle_day_month,
    "my": _handle_month_year,
    "ago": _handle_ago,
    "relative": _handle_relative,
    "month": _handle_month,
    "weekday": _handle_weekday,
    "year": _handle_bare_year,
}
