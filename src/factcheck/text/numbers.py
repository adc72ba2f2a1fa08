"""Quantities in English news sentences: numbers bound to units, bounds, directions and nouns.

``extract_quantities`` is pure and works on one sentence. Matching is done on a lower-cased copy
of the sentence (same length, same offsets), so lower-cased input gives the same quantities; the
only case-dependent rule is the "capitalised word before a bare number is a name" rule
(``Formula 1``), which lower-cased input replaces by the word list in ``data/units.toml``.

Conventions (the checker relies on them):

* ``value`` has the scale applied ("$1.75bn" → 1.75e9, "2.5k" → 2500).
* ``low``/``high``: exact → ``low == high == value``; approximate → ``value`` ±
  ``APPROX_TOLERANCE`` (relative); more_than/at_least → ``low=value, high=None``;
  less_than/at_most → ``low=None, high=value``.
* Ranges ("between 3% and 5%", "3-5%", "£1m to £2m") are one quantity: ``value`` = the low end,
  ``bound`` from any cue before the range (exact otherwise), ``low``/``high`` = the two ends
  (widened by the tolerance when approximate).
* Vague plurals ("hundreds of", "tens of thousands of", "several thousand") are approximate with
  the interval [2 × scale, 10 × scale] ("hundreds" → [200, 1000]) and ``value`` = the low end.
* Fractions ("a quarter", "two-thirds", "half of", "one in five") have unit ``"fraction"`` and
  a value in (0, 1]. "quarter" needs "of" ("a quarter of staff"; "three quarters" is a time
  span), ordinals stay out ("a third runway", "the first half").
* The single word "one" is a quantity only when a counted noun follows ("one option"), never
  as a pronoun ("one of the", "no one") or in "one-off".
* Durations followed by "ago" ("three years ago") are dates, left to ``factcheck.text.dates``.
* ``direction`` is set only for a change amount: a rise/fall cue before the number in the same
  clause ("rose 3.7%", "was cut by 5%") or a change noun right after it ("a 5% rise"). A number
  after "to"/"from" is a level, not a change ("rose 2% to $11.1bn": only the 2% is UP).
* ``counted``: see ``_counted_noun``.

Not quantities: years ("in 2004", "2004-05"), decades ("1990s"), days of month next to a month
name ("March 14th", "3 June"), ordinals ("23rd"), times ("10:30", "3pm"), phone numbers, and
numbers that are part of names ("Covid-19", "G8", "4x4", "Formula 1", "Boeing 747").
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from typing import Any

from factcheck import lazy_re
from factcheck.models import Bound, Direction, Quantity
from factcheck.tables import load_table

__all__ = [
    "AGE_UNIT",
    "APPROX_TOLERANCE",
    "FRACTION_UNIT",
    "extract_quantities",
    "load_units",
    "parse_number",
    "year_end",
]

# "approximately 2,000" allows 1,800–2,200: a reporter rounding to two significant figures.
APPROX_TOLERANCE = 0.10
FRACTION_UNIT = "fraction"


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_WEEKDAYS = _wordset("monday tuesday wednesday thursday friday saturday sunday")
_MONTH_WORDS = frozenset(_MONTHS.split("|"))

# Words with "." inside ("u.s.") stay one token; digits keep their separators.
_TOKEN_RE = lazy_re.compile(r"(?:[a-z]\.){2,}|[a-z]+(?:['’][a-z]+)*|\d+(?:[.,:]\d+)*|\S")
_NUMERIC_RE = lazy_re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+(?![\d])|\d+)(\.\d+)?(?!,\d{3})")
_GLUED_RE = lazy_re.compile(r"[a-z]+|%")
_TIME_RE = lazy_re.compile(
    r"(?<![\d.,])\d{1,2}(?::\d{2}(?::\d{2})?(?:\s?[ap]\.?m\b\.?)?"
    r"|(?:\.\d{2})?\s?(?:[ap]\.m\.|[ap]m\b|gmt\b|bst\b|hrs\b|est\b|cet\b))"
    r"|(?<![\d.,])[0-2]\d[0-5]\d\s?(?:gmt|bst|hrs|est|cet)\b"
)
_PHONE_RE = lazy_re.compile(
    r"(?<![\w.,])(?:\+\d[\d\s()-]{7,}\d"
    r"|\(?0\d{2,5}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d))"
)
_SEASON_RE = lazy_re.compile(r"[-/–](?:\d{2}|\d{4})(?![\d,])")
_MONTH_BEFORE_RE = lazy_re.compile(rf"(?<![a-z])(?:{_MONTHS})\.?\s+\Z")
_MONTH_AFTER_RE = lazy_re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b")
_HYPHEN_NAME_RE = lazy_re.compile(r"[a-z]-\Z")
_SPACES_RE = lazy_re.compile(r"\s+")
_BETWEEN_RE = lazy_re.compile(r"(?<![a-z])between\s+\Z")
_FROM_RE = lazy_re.compile(r"(?<![a-z])from\s+\Z")
_AND_GAP_RE = lazy_re.compile(r"\s+and\s+\Z")
_DASH_GAP_RE = lazy_re.compile(r"\s*[-–—]\s*\Z")
_TO_GAP_RE = lazy_re.compile(r"\s+to\s+\Z")
_IN_GAP_RE = lazy_re.compile(r"\s+in\s+(?:every\s+)?\Z")
_OLD_RE = lazy_re.compile(r"-old\b")
# Ages: "71 years old", "aged 71", "aged just over 60", and the appositive "Durst, 71, was …".
_SPACED_OLD_RE = lazy_re.compile(r"\s+old\b")
_AGED_RE = lazy_re.compile(r"(?<![a-z])aged\s+(?:[a-z]+\s+){0,2}\Z")
_APPOSITIVE_BEFORE_RE = lazy_re.compile(r"[a-z]\s*,\s+\Z")
_APPOSITIVE_AFTER_RE = lazy_re.compile(r"\s*(?:[,;)–—]|--?\s|\.(?!\d))")
_LAST_WORD_RE = lazy_re.compile(r"[a-z]+\Z")
AGE_UNIT = "age"
_MAX_AGE = 120
_COHORT_RE = lazy_re.compile(r"(?<![a-z])(over|under)-\Z")
# "pensioners over 70": a noun for people, then a bound cue of age, before the figure.
_COHORT_BEFORE_RE = lazy_re.compile(r"([a-z]+)\s+(?:aged\s+)?(?:over|under|above|below)\s+\Z")
_AGO_RE = lazy_re.compile(r"\s+ago\b")
_PREV_WORD_RE = lazy_re.compile(r"([a-z]+)\s+\Z")
_NEXT_WORD_RE = lazy_re.compile(r"\s+([a-z]+(?:['’][a-z]+)*)")
_PARTITIVE_RE = lazy_re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|our|all)\s+)?")
_SENTENCE_START_RE = lazy_re.compile(r"(?:\A|[.!?:;]\s+|[\"'“‘(\[]\s*)\Z")

_BIG_PLURALS = _wordset("thousands millions billions")
_BEFORE_SCALE = _wordset("ones teen tens ones_after_tens hundred point")
# "the one", "no one", "one of", "one day": the pronoun or idiom, not a count.
_ONE_PRONOUN_BEFORE = _wordset("the no any every each this that which at only another")
_ONE_PRONOUN_AFTER = _wordset("of another - 's way day time thing point")
_OLD_YEAR_INTRODUCERS = _wordset("in since until till from year")
_YEAR_INTRODUCERS = _wordset(
    "the in since of from until by to and for its their his her our year fiscal financial "
    "calendar early late mid during throughout spring summer autumn winter"
)

_PERCENT_UNIT = "%"
_PP_UNIT = "pp"
_BP_UNIT = "bp"
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century"})


def load_units() -> dict[str, Any]:
    """The parsed ``data/units.toml`` (cached); shared with ``factcheck.text.dates``."""
    return load_table("units")


def _alternation(words: list[str]) -> str:
    """A regex alternation of literal phrases, longest first, with flexible inner spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@dataclass(frozen=True, slots=True)
class _Tables:
    ones: dict[str, float]
    tens: dict[str, float]
    multipliers: dict[str, float]
    fractions: dict[str, int]
    vague: dict[str, float]
    glued_scales: dict[str, float]
    spaced_scales: dict[str, float]
    glued_units: dict[str, str]
    currency_prefix: dict[str, str]
    currency_words: dict[str, str]
    unit_words: dict[str, str]
    bound_of: dict[str, Bound]
    up: frozenset[str]
    down: frozenset[str]
    after_up: frozenset[str]
    after_down: frozenset[str]
    bridge: frozenset[str]
    skip: frozenset[str]
    stop: frozenset[str]
    irregular_plurals: frozenset[str]
    age_cohorts: frozenset[str]
    year_nouns: frozenset[str]
    name_prefixes: frozenset[str]
    not_name: frozenset[str]
    word_starts: frozenset[str]
    any_re: re.Pattern[str]
    currency_re: re.Pattern[str]
    bound_re: re.Pattern[str]
    spaced_scale_re: re.Pattern[str]
    unit_after_re: re.Pattern[str]


@functools.cache
def _tables() -> _Tables:
    data = load_units()
    nw = data["number_words"]
    cur = data["currency"]
    units = data["units"]
    bounds = data["bounds"]
    direction = data["direction"]
    counted = data["counted"]
    names = data["names"]

    ones = {k: float(v) for k, v in nw["ones"].items()}
    tens = {k: float(v) for k, v in nw["tens"].items()}
    multipliers = {k: float(v) for k, v in nw["multipliers"].items()}
    fractions = {k: int(v) for k, v in nw["fractions"].items()}
    for word, den in list(fractions.items()):
        if not word.endswith("s") and word != "half":
            fractions.setdefault(word + "s", den)
    vague = {k: float(v) for k, v in nw["vague"].items()}

    bound_of: dict[str, Bound] = {}
    for name, bound in (
        ("approximate", Bound.APPROXIMATE),
        ("more_than", Bound.MORE_THAN),
        ("at_least", Bound.AT_LEAST),
        ("less_than", Bound.LESS_THAN),
        ("at_most", Bound.AT_MOST),
    ):
        for cue in bounds[name]:
            bound_of[_SPACES_RE.sub(" ", cue)] = bound
    word_cues = [c for c in bound_of if c[0].isalpha()]
    sym_cues = [c for c in bound_of if not c[0].isalpha()]
    bound_re = re.compile(
        rf"(?:(?<![a-z\-])(?:{_alternation(word_cues)})\s+|(?:{_alternation(sym_cues)})\s*)\Z"
    )

    prefixes = dict(cur["prefix"])
    symbol_prefixes = [p for p in prefixes if not p[0].isalpha()]
    word_prefixes = [p for p in prefixes if p[0].isalpha()]
    codes = list(cur["codes"])
    currency_re = re.compile(
        rf"(?:(?<![a-z])(?:{_alternation(word_prefixes)})\s?"
        rf"|(?<![a-z])(?:{_alternation(codes)})\s"
        rf"|(?:{_alternation(symbol_prefixes)}))\Z"
    )
    for code in codes:
        prefixes[code] = code.upper()
    currency_words = dict(cur["words"])
    for code in codes:
        currency_words.setdefault(code, code.upper())

    spaced = {k: float(v) for k, v in data["scales"]["spaced"].items()}
    spaced_scale_re = re.compile(rf"\s+({_alternation(list(spaced))})\b")

    unit_words: dict[str, str] = {}
    for w in units["percent"]:
        unit_words[_SPACES_RE.sub(" ", w)] = _PERCENT_UNIT
    for w in units["percentage_points"]:
        unit_words[_SPACES_RE.sub(" ", w)] = _PP_UNIT
    for w in units["basis_points"]:
        unit_words[_SPACES_RE.sub(" ", w)] = _BP_UNIT
    for w, norm in units["words"].items():
        unit_words[w] = norm
    for w, code in currency_words.items():
        unit_words[w] = code
    word_units = [w for w in unit_words if w != "%"]
    unit_after_re = re.compile(rf"(?:\s?(%)|(?:\s+|-)({_alternation(word_units)})(?![a-z]))")

    glued_scales = {k: float(v) for k, v in data["scales"]["glued"].items()}
    glued_units = dict(units["glued"])

    word_starts = frozenset([*ones, *tens, *vague, "a", "an", "half", "several", "few", "tens"])
    num_words = sorted({*ones, *tens, *vague, *multipliers, *fractions, "tens"})
    any_re = re.compile(rf"\d|\b(?:{'|'.join(num_words)})\b")

    return _Tables(
        ones=ones,
        tens=tens,
        multipliers=multipliers,
        fractions=fractions,
        vague=vague,
        glued_scales=glued_scales,
        spaced_scales=spaced,
        glued_units=glued_units,
        currency_prefix={_SPACES_RE.sub("", k): v for k, v in prefixes.items()},
        currency_words=currency_words,
        unit_words=unit_words,
        bound_of=bound_of,
        up=frozenset(direction["up"]),
        down=frozenset(direction["down"]),
        after_up=frozenset(direction["after_up"]),
        after_down=frozenset(direction["after_down"]),
        bridge=frozenset(direction["bridge"]),
        skip=frozenset(counted["skip"]),
        stop=frozenset(counted["stop"]),
        irregular_plurals=frozenset(counted["irregular_plurals"]),
        age_cohorts=frozenset(counted["age_cohorts"]),
        year_nouns=frozenset(counted["year_nouns"]),
        name_prefixes=frozenset(names["prefixes"]),
        not_name=frozenset(names["not_name"]) | _WEEKDAYS | _MONTH_WORDS,
        word_starts=word_starts,
        any_re=any_re,
        currency_re=currency_re,
        bound_re=bound_re,
        spaced_scale_re=spaced_scale_re,
        unit_after_re=unit_after_re,
    )


@dataclass(slots=True)
class _Raw:
    """A number found in the sentence before bounds, ranges and nouns are settled."""

    start: int  # of the number itself (after currency and cue)
    end: int  # after scale and unit
    value: float
    unit: str | None = None
    scale: float = 1.0
    has_comma: bool = False
    has_decimal: bool = False
    digits: str | None = None  # the digit string when written in digits
    is_word: bool = False
    currency_start: int | None = None
    cue_start: int | None = None
    bound: Bound = Bound.EXACT
    low: float | None = None
    high: float | None = None
    vague: bool = False
    one: bool = False  # the single word "one": a quantity only with a counted noun
    skip_of: bool = False  # "hundreds of jobs": the counted noun comes after "of"
    range_end: _Raw | None = None
    direction: Direction | None = None

    @property
    def span_start(self) -> int:
        if self.cue_start is not None:
            return self.cue_start
        if self.currency_start is not None:
            return self.currency_start
        return self.start

    @property
    def bare(self) -> bool:
        """Digits only: no comma, currency, scale or unit (so it might be a year or a name)."""
        return (
            self.digits is not None
            and not self.has_comma
            and self.currency_start is None
            and self.scale == 1.0
            and self.unit is None
        )


@dataclass(slots=True)
class _Ctx:
    text: str
    low: str
    toks: list[tuple[str, int, int]]
    starts: list[int]
    title_case: bool
    t: _Tables

    def tok_index_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)


def parse_number(text: str) -> float | None:
    """Parse one written number ("12,400", "2.5k", "twenty-eight", "a quarter") or None."""
    found = extract_quantities(text.strip())
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip()):
        return found[0].value
    return None


def extract_quantities(sentence: str) -> list[Quantity]:
    """Every quantity in ``sentence``, in order, with offsets into it (see the module docs)."""
    t = _tables()
    low = sentence.lower()
    if len(low) != len(sentence):  # a few non-ASCII capitals change length when lowered
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in sentence)
    if not t.any_re.search(low):
        return []
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(low)]
    ctx = _Ctx(
        text=sentence,
        low=low,
        toks=toks,
        starts=[s for _, s, _ in toks],
        title_case=_is_title_case(sentence),
        t=t,
    )
    blocked = _blocked_spans(low)
    raws = _numeric_raws(ctx, blocked)
    raws.extend(_word_raws(ctx, {r.start for r in raws}))
    raws.sort(key=lambda r: r.start)
    for raw in raws:
        _extend_left(ctx, raw)
    kept: list[_Raw] = []
    skip_until = -1
    for raw in raws:
        if raw.start < skip_until:
            continue  # the second half of "2004-05"
        if _excluded(ctx, raw):
            skip_until = raw.end
            continue
        kept.append(raw)
    raws = kept
    for raw in raws:
        raw.direction = _direction(ctx, raw)
    raws = _merge_ranges(ctx, raws)
    counts = [_counted_noun(ctx, raw) for raw in raws]
    for k in range(len(raws) - 1):
        if counts[k] is None and _PARTITIVE_RE.fullmatch(low, raws[k].end, raws[k + 1].span_start):
            # "Seventeen of the 30 counts", "five out of six people": both figures count one noun.
            counts[k] = counts[k + 1]
    out: list[Quantity] = []
    for raw, counted in zip(raws, counts, strict=True):
        if raw.one and counted is None:
            continue
        if _is_age(ctx, raw, counted):
            # One unit for every way of writing an age, so "Smith, 71," meets "the 71-year-old".
            raw.unit = AGE_UNIT
            if counted == "old":
                counted = None
        out.append(_to_quantity(ctx, raw, counted))
    return _carry_currency(sentence, _share_change_unit(sentence, out))


_FROM_BEFORE_RE = lazy_re.compile(r"\bfrom\s+$", re.I)
_TO_BETWEEN_RE = lazy_re.compile(r"\s+to\s+", re.I)
_BARE_FIGURE_RE = lazy_re.compile(r"[\d.,]+(?:\s*(?:m|bn|tn|k|million|billion|trillion))?|[a-z]+(?:[ -][a-z]+)?", re.I)


def _share_change_unit(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """The two ends of "from X to Y" share the unit written on one of them: "from six months to
    nine" is nine months, "from six to nine months" six months, "from 5 to 7%" 5%."""
    out = list(quantities)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if (a.unit is None) == (b.unit is None) or not _TO_BETWEEN_RE.fullmatch(sentence, a.end, b.start) \
                or not _FROM_BEFORE_RE.search(sentence, max(0, a.start - 8), a.start):
            continue
        bare, unit = (a, b.unit) if a.unit is None else (b, a.unit)
        if _BARE_FIGURE_RE.fullmatch(bare.text) and bare.direction is None:
            out[k if bare is a else k + 1] = replace(bare, unit=unit)
    return out


_SCALED_RE = lazy_re.compile(r"[\d.,]+\s*(?:bn|m|tn|k|million|billion|trillion)\b", re.I)


def _carry_currency(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """A bare scaled figure after a currency figure counts in that currency: "net income was
    4.3bn rupees ($98m; £52m), against 2.7bn a year earlier" gives 2.7bn rupees. Conversions in
    brackets are not the sentence's own currency."""
    last: Quantity | None = None
    out: list[Quantity] = []
    for q in quantities:
        bracketed = sentence.count("(", 0, q.start) > sentence.count(")", 0, q.start)
        if q.unit is None and last is not None and not bracketed and _SCALED_RE.fullmatch(q.text) \
                and _SCALED_RE.search(last.text):
            q = replace(q, unit=last.unit)
        if q.unit is not None and len(q.unit) == 3 and q.unit.isupper() and not bracketed:
            last = q
        out.append(q)
    return out


def _is_age(ctx: _Ctx, raw: _Raw, counted: str | None) -> bool:
    """Is the figure a person's (or a thing's) age? Extends "71 years" over a following "old"."""
    low = ctx.low
    if raw.unit == "year" and raw.range_end is None:
        if low.endswith("-old", 0, raw.end):
            return True  # "a 71-year-old man"
        m = _SPACED_OLD_RE.match(low, raw.end)
        if m is not None and counted in {None, "old"}:
            raw.end = m.end()  # "he was 71 years old"
            return True
    if raw.unit not in {None, "year"} or raw.scale != 1.0 or raw.has_decimal or raw.vague:
        return False
    if _AGED_RE.search(low, max(0, raw.span_start - 24), raw.span_start):
        return True
    if raw.bound in {Bound.MORE_THAN, Bound.LESS_THAN} and counted is None and raw.range_end is None \
            and raw.bare and 0 < raw.value <= _MAX_AGE:
        m = _COHORT_BEFORE_RE.search(low, max(0, raw.start - 40), raw.start)
        if m is not None and m.group(1) in ctx.t.age_cohorts:
            return True  # "pensioners over 70", "children under 16"
    # "Durst, 71, was arrested": a small whole number between commas right after a name (a
    # capitalised word, unless the whole sentence is in lower case): "Of the seats, 45, went to
    # Labour" is a count.
    if not (raw.bare and raw.bound == Bound.EXACT and counted is None and raw.range_end is None
            and 0 < raw.value <= _MAX_AGE and _APPOSITIVE_AFTER_RE.match(low, raw.end)):
        return False
    m = _APPOSITIVE_BEFORE_RE.search(low, max(0, raw.start - 40), raw.start)
    if m is None:
        return False
    word = _LAST_WORD_RE.search(low, max(0, m.start() - 30), m.start() + 1)
    return word is not None and (ctx.text[word.start()].isupper() or ctx.text == low)


# ---------------------------------------------------------------- finding numbers


def _is_title_case(sentence: str) -> bool:
    words = [w for w in sentence.split() if len(w) > 3 and w[0].isalpha()]
    if len(words) < 3:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) > 0.6


def _blocked_spans(low: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _TIME_RE.finditer(low)]
    spans.extend(m.span() for m in _PHONE_RE.finditer(low))
    return spans


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _numeric_raws(ctx: _Ctx, blocked: list[tuple[int, int]]) -> list[_Raw]:
    t = ctx.t
    low = ctx.low
    out: list[_Raw] = []
    for m in _NUMERIC_RE.finditer(low):
        if blocked and _in_spans(m.start(), blocked):
            continue
        int_part, dec_part = m.group(1), m.group(2)
        value = float(int_part.replace(",", "") + (dec_part or ""))
        raw = _Raw(
            start=m.start(),
            end=m.end(),
            value=value,
            has_comma="," in int_part,
            has_decimal=dec_part is not None,
            digits=int_part,
        )
        g = _GLUED_RE.match(low, m.end())
        if g:
            suffix = g.group()
            after = low[g.end() : g.end() + 1]
            cohort = _COHORT_RE.search(low, max(0, m.start() - 6), m.start()) if suffix == "s" else None
            if cohort is not None and not after.isalpha() and 0 < value <= _MAX_AGE and dec_part is None:
                # "the over-70s", "the under-16s": people older (younger) than that age.
                raw.unit = AGE_UNIT
                raw.bound = Bound.MORE_THAN if cohort.group(1) == "over" else Bound.LESS_THAN
                raw.cue_start = cohort.start()
                raw.end = g.end()
                out.append(raw)
                continue
            if after.isdigit() or suffix in ("st", "nd", "rd", "th", "s", "am", "pm"):
                continue  # "4x4", ordinals, decades, times
            if suffix in t.glued_scales:
                raw.scale = t.glued_scales[suffix]
            elif suffix in t.glued_units:
                raw.unit = t.glued_units[suffix]
            elif suffix == "%" or t.unit_words.get(suffix) in (_PERCENT_UNIT, _PP_UNIT, _BP_UNIT):
                raw.unit = t.unit_words.get(suffix, _PERCENT_UNIT)
            elif suffix == "p":
                raw.unit = "GBX"
            else:
                continue  # "3g", "4wd", "a380"-like codes: part of a name
            raw.end = g.end()
        raw.value *= raw.scale
        _extend_right(ctx, raw)
        out.append(raw)
    return out


def _extend_right(ctx: _Ctx, raw: _Raw) -> None:
    """Spaced scale word ("2.3 million"), then a unit ("%", "per cent", "pounds", "-year")."""
    t = ctx.t
    low = ctx.low
    if raw.scale == 1.0 and raw.unit is None:
        m = t.spaced_scale_re.match(low, raw.end)
        if m:
            scale = t.spaced_scales[_SPACES_RE.sub(" ", m.group(1))]
            raw.scale = scale
            raw.value *= scale
            raw.end = m.end()
    if raw.unit is None:
        m = t.unit_after_re.match(low, raw.end)
        if m:
            word = m.group(1) or _SPACES_RE.sub(" ", m.group(2))
            unit = t.unit_words.get(word, _PERCENT_UNIT if word == "%" else None)
            if unit is not None and not (unit == "GBX" and raw.has_decimal and raw.scale > 1):
                raw.unit = unit
                raw.end = m.end()
                if unit in _TIME_UNITS and low[m.start()] == "-":
                    old = _OLD_RE.match(low, raw.end)
                    if old:
                        raw.end = old.end()


def _word_raws(ctx: _Ctx, taken: set[int]) -> list[_Raw]:
    t = ctx.t
    toks = ctx.toks
    out: list[_Raw] = []
    i = 0
    n = len(toks)
    while i < n:
        word = toks[i][0]
        if word not in t.word_starts or toks[i][1] in taken:
            i += 1
            continue
        raw, nxt = _parse_word_quantity(ctx, i)
        if raw is None:
            i += 1
            continue
        _extend_right(ctx, raw)
        out.append(raw)
        i = max(nxt, ctx.tok_index_at(raw.end))
    return out


def _joined(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Is token i a hyphen written tight between two words ("twenty-eight")?"""
    return (
        toks[i][0] in ("-", "‐")
        and 0 < i < len(toks) - 1
        and toks[i - 1][2] == toks[i][1]
        and toks[i + 1][1] == toks[i][2]
    )


def _parse_word_quantity(ctx: _Ctx, i: int) -> tuple[_Raw | None, int]:
    t = ctx.t
    toks = ctx.toks
    n = len(toks)

    def tok(k: int) -> str:
        return toks[k][0] if 0 <= k < n else ""

    word = tok(i)
    prev = tok(i - 1)
    # Vague plurals: "hundreds of", "tens of thousands of", "several hundred".
    if word == "tens" and tok(i + 1) == "of" and tok(i + 2) in _BIG_PLURALS:
        if tok(i + 3) == "of":
            scale = 10 * t.vague[tok(i + 2)]
            return _vague(toks, i, i + 2, scale), i + 3
        return None, i + 1
    if word in t.vague and tok(i + 1) == "of":
        scale = t.vague[word]
        last = i
        if word == "hundreds" and tok(i + 2) in ("thousands", "millions") and tok(i + 3) == "of":
            scale *= t.vague[tok(i + 2)]
            last = i + 2
        return _vague(toks, i, last, scale), last + 1
    if word in ("several", "few") and tok(i + 1) in ("hundred", "thousand", "million", "billion"):
        start_i = i - 1 if word == "few" and prev == "a" else i
        if word == "few" and prev != "a":
            return None, i + 1
        return _vague(toks, start_i, i + 1, t.multipliers[tok(i + 1)]), i + 2
    # "half a million"
    if word == "half" and tok(i + 1) == "a" and tok(i + 2) in t.multipliers:
        value = 0.5 * t.multipliers[tok(i + 2)]
        return _Raw(start=toks[i][1], end=toks[i + 2][2], value=value, is_word=True), i + 3
    if word == "half":
        half = _half(ctx, i)
        return half, i + 1
    # Fractions: "a quarter", "two-thirds", "one fifth".
    num: float | None = None
    if word in ("a", "an"):
        num = 1.0
    elif word in t.ones and 1 <= t.ones[word] <= 10:
        num = t.ones[word]
    if num is not None:
        j = i + 1
        if tok(j) == "-" and _joined(toks, j):
            j += 1
        den_word = tok(j)
        if (
            den_word in t.fractions
            and not (den_word == "half" and num != 1.0)
            and not (
                den_word.startswith("quarter")
                and j == i + 1
                and tok(j + 1) != "of"
                and (prev not in _QUARTER_CUES or tok(j + 1)[:1].isalnum())
                and not (i == 0 and j + 1 == n)  # the whole text is "a quarter"
            )
        ):
            plural = den_word.endswith("s")
            if plural == (num > 1) or den_word == "half":
                raw = _fraction(ctx, i, j, num / t.fractions[den_word], hyphen=j == i + 2)
                return raw, j + 1
    if word in ("a", "an"):
        if tok(i + 1) in t.multipliers:
            value, end_i = _parse_cardinal(ctx, i + 1, start_value=1.0)
            return _Raw(start=toks[i][1], end=toks[end_i - 1][2], value=value, is_word=True), end_i
        return None, i + 1
    if word not in t.ones and word not in t.tens:
        return None, i + 1
    value, end_i = _parse_cardinal(ctx, i, start_value=None)
    if end_i == i:
        return None, i + 1
    raw = _Raw(start=toks[i][1], end=toks[end_i - 1][2], value=value, is_word=True)
    if end_i == i + 1 and word == "one":
        nxt = tok(i + 1)
        if prev in _ONE_PRONOUN_BEFORE or nxt in _ONE_PRONOUN_AFTER:
            return None, i + 1
        raw.one = True
    # A capitalised number word inside a sentence is a name ("Formula One", "BBC One").
    if (
        ctx.text[toks[i][1]].isupper()
        and not ctx.title_case
        and not _SENTENCE_START_RE.search(ctx.low, 0, toks[i][1])
    ):
        return None, end_i
    return raw, end_i


def _parse_cardinal(ctx: _Ctx, i: int, start_value: float | None) -> tuple[float, int]:
    """Parse number words from token i; returns (value, index after the last token used)."""
    t = ctx.t
    toks = ctx.toks
    n = len(toks)
    total = 0.0
    cur = start_value or 0.0
    last = "ones" if start_value is not None else ""
    last_scale = float("inf")
    j = i
    end = i
    while j < n:
        w = toks[j][0]
        if w in ("-", "‐") and _joined(toks, j) and last == "tens":
            j += 1
            continue
        if w in t.ones:
            v = t.ones[w]
            if last in ("", "hundred", "scale", "and") or (last == "tens" and 1 <= v <= 9):
                if last == "tens":
                    cur += v
                    last = "ones_after_tens"
                else:
                    cur += v
                    last = "ones" if v < 10 else "teen"
                j += 1
                end = j
                continue
            break
        if w in t.tens:
            if last in ("", "hundred", "scale", "and"):
                cur += t.tens[w]
                last = "tens"
                j += 1
                end = j
                continue
            break
        if w in ("hundred", "dozen"):
            if last in ("ones", "teen", "tens", "ones_after_tens") and cur < 100:
                cur = cur * t.multipliers[w]
                last = "hundred"
                j += 1
                end = j
                continue
            break
        if w in t.multipliers:
            scale = t.multipliers[w]
            if last in _BEFORE_SCALE and scale < last_scale:
                total += (cur or 1.0) * scale
                cur = 0.0
                last_scale = scale
                last = "scale"
                j += 1
                end = j
                continue
            break
        if w == "and":
            nxt = toks[j + 1][0] if j + 1 < n else ""
            if last in ("hundred", "scale") and (nxt in t.ones or nxt in t.tens):
                last = "and"
                j += 1
                continue
            if (
                last in ("ones", "teen", "tens", "ones_after_tens")
                and nxt == "a"
                and j + 2 < n
                and toks[j + 2][0] == "half"
            ):
                cur += 0.5
                last = "point"
                j += 3
                end = j
                continue
            break
        if w == "point" and last in ("ones", "teen", "tens", "ones_after_tens") and total == 0:
            k = j + 1
            digits = ""
            while k < n and toks[k][0] in t.ones and t.ones[toks[k][0]] <= 9:
                digits += str(int(t.ones[toks[k][0]]))
                k += 1
            if not digits:
                break
            cur += float("0." + digits)
            last = "point"
            j = k
            end = j
            continue
        break
    return total + cur, end


def _vague(toks: list[tuple[str, int, int]], i: int, last: int, scale: float) -> _Raw:
    return _Raw(
        start=toks[i][1],
        end=toks[last][2],
        value=2 * scale,
        is_word=True,
        vague=True,
        low=2 * scale,
        high=10 * scale,
        bound=Bound.APPROXIMATE,
        skip_of=True,
    )


# "cut by a quarter." is a fraction; "the preceding three quarters." is a time span.
_QUARTER_CUES = _wordset("by almost nearly about around roughly than over under")
_FRACTION_BLOCKERS = _wordset("in per each every this last next that first second third fourth the")
_HALF_DETERMINERS = _wordset("of the its their his her our your all this that these those")
_ORDINALS = _wordset("first second third fourth final last the a latter former other")


def _fraction(ctx: _Ctx, i: int, j: int, value: float, *, hyphen: bool) -> _Raw | None:
    """A fraction is kept only where it cannot be an ordinal ("a third runway")."""
    toks = ctx.toks
    nxt = toks[j + 1][0] if j + 1 < len(toks) else ""
    prev = toks[i - 1][0] if i > 0 else ""
    if not hyphen:
        ends = nxt == "" or not nxt[0].isalnum()
        if nxt != "of" and not (ends and prev not in _FRACTION_BLOCKERS):
            return None
    if nxt == "-" and j + 2 < len(toks) and toks[j + 2][0] not in ("of",):
        return None  # "a quarter-point", "one-third-owned": a modifier, not a fraction
    return _Raw(start=toks[i][1], end=toks[j][2], value=value, unit=FRACTION_UNIT, is_word=True)


def _half(ctx: _Ctx, i: int) -> _Raw | None:
    toks = ctx.toks
    prev = toks[i - 1][0] if i > 0 else ""
    nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
    if prev in _ORDINALS or nxt == "-":
        return None
    if nxt in _HALF_DETERMINERS or (prev == "by" and (nxt == "" or not nxt[0].isalnum())):
        return _Raw(start=toks[i][1], end=toks[i][2], value=0.5, unit=FRACTION_UNIT, is_word=True)
    return None


# ---------------------------------------------------------------- context rules


def _extend_left(ctx: _Ctx, raw: _Raw) -> None:
    """Attach a currency symbol and a bound cue written before the number."""
    t = ctx.t
    low = ctx.low
    pos = raw.start
    if not raw.vague and raw.unit != FRACTION_UNIT:
        m = t.currency_re.search(low, max(0, pos - 8), pos)
        if m:
            code = t.currency_prefix.get(_SPACES_RE.sub("", m.group()).strip())
            if code and raw.unit in (None, "GBX"):
                raw.unit = code
                raw.currency_start = m.start()
                pos = m.start()
    m = t.bound_re.search(low, max(0, pos - 32), pos)
    if m:
        cue = _SPACES_RE.sub(" ", m.group().strip())
        bound = t.bound_of.get(cue)
        if bound is not None:
            raw.cue_start = m.start()
            raw.bound = bound


# A figure inside a group's name: a capitalised word and "at"/"for"/"of" before it, and the kind of
# group after it ("the Votes at 16 alliance", "the Health for 2000 campaign").
_IN_A_NAME_BEFORE = lazy_re.compile(r"\b[A-Z][a-z]+\s+(?:at|for|of)\s+$")
_IN_A_NAME_AFTER = lazy_re.compile(r"\s+(?:alliance|campaign|coalition|group|movement|project|initiative|"
                                   r"network|association|club)\b")


def _excluded(ctx: _Ctx, raw: _Raw) -> bool:
    """Years, days of month, names: numbers that are not quantities."""
    low = ctx.low
    if raw.unit in _TIME_UNITS and _AGO_RE.match(low, raw.end):
        return True  # "three years ago" is a date (see factcheck.text.dates)
    if raw.is_word:
        k = ctx.tok_index_at(raw.start) - 1
        return k >= 0 and ctx.toks[k][0] in ctx.t.name_prefixes  # "number two", "formula one"
    if _IN_A_NAME_BEFORE.search(ctx.text, 0, raw.start) and _IN_A_NAME_AFTER.match(ctx.low, raw.end):
        return True  # "the Votes at 16 alliance": the figure is a word of the group's name
    before = low[max(0, raw.start - 16) : raw.start]
    if (
        raw.unit in _TIME_UNITS
        and raw.digits is not None
        and len(raw.digits) == 4
        and raw.scale == 1.0
        and not raw.has_decimal
        and 1800 <= raw.value <= 2099
        and not low[: raw.end].endswith("s")
    ):
        return True  # "the 2005 year": a year, not a duration of 2005 years
    if raw.bare and not raw.has_decimal:
        v = raw.value
        if len(raw.digits or "") == 4 and 1000 <= v <= 2099 and _is_year(ctx, raw):
            return True
        if 1 <= v <= 31 and (
            _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(low, raw.end)
        ):
            return True
    if _HYPHEN_NAME_RE.search(before) and raw.currency_start is None and raw.unit != AGE_UNIT:
        return True  # "Covid-19", "F-16"
    if (
        raw.digits is not None
        and not raw.has_comma
        and raw.currency_start is None
        and raw.scale == 1.0
        and raw.unit not in (_PERCENT_UNIT, _PP_UNIT, _BP_UNIT)
    ):
        k = ctx.tok_index_at(raw.start) - 1
        if k >= 0:
            word, s, e = ctx.toks[k]
            if e < raw.start and low[e : raw.start].strip() == "":
                if word in ctx.t.name_prefixes:
                    return True
                if (
                    not ctx.title_case
                    and word[0].isalpha()
                    and ctx.text[s].isupper()
                    and word not in ctx.t.not_name
                    and "'" not in word
                    and "’" not in word
                    and not _SENTENCE_START_RE.search(low, 0, s)
                ):
                    return True  # "Formula 1", "Boeing 747", "Windows 95"
    return False


def _is_year(ctx: _Ctx, raw: _Raw) -> bool:
    end = year_end(ctx.low, raw.start, raw.end)
    if end is None:
        return False
    raw.end = end
    return True


def year_end(low: str, start: int, end: int) -> int | None:
    """Is the comma-less four-digit number ``low[start:end]`` a year? Its end if so, else None.

    ``low`` is the lower-cased sentence; the number must have no currency, unit or scale (the
    caller checks). The returned end covers a season or financial year ("2004-05").
    1800–2099 is a year unless a plural noun follows and it plainly counts it: a bound cue
    precedes it ("about 2000 people"), or it is not introduced like a year ("the", "in",
    "its", …) and the noun is not one that years commonly modify (``counted.year_nouns``:
    "2003 results", "2005 elections"). So "cut 2000 jobs" and "1999 troops" are counts.
    1000–1799 is a year only after "in", "since", "until", "from" ("since 1497").
    """
    t = _tables()
    digits = low[start:end]
    if len(digits) != 4 or not digits.isdigit():
        return None
    value = int(digits)
    if not 1000 <= value <= 2099:
        return None
    prev_m = _PREV_WORD_RE.search(low, max(0, start - 24), start)
    prev = prev_m.group(1) if prev_m else ""
    if value < 1800 and prev not in _OLD_YEAR_INTRODUCERS:
        return None
    season = _SEASON_RE.match(low, end)
    if season:
        return season.end()
    next_m = _NEXT_WORD_RE.match(low, end)
    nxt = next_m.group(1) if next_m else ""
    if not _is_plural(t, nxt) or nxt in _MONTH_WORDS:
        return end
    if t.bound_re.search(low, max(0, start - 32), start):
        return None
    if prev in _YEAR_INTRODUCERS or prev in _MONTH_WORDS or nxt in t.year_nouns:
        return end
    return None


def _is_plural(t: _Tables, word: str) -> bool:
    if word in t.irregular_plurals:
        return True
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "’s"))
        and word.isalpha()
    )


# ---------------------------------------------------------------- ranges, direction, nouns


def _merge_ranges(ctx: _Ctx, raws: list[_Raw]) -> list[_Raw]:
    low = ctx.low
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        b = raws[i + 1] if i + 1 < len(raws) else None
        if b is not None and not a.vague and not b.vague and b.cue_start is None:
            gap_end = b.span_start
            gap = low[a.end : gap_end]
            kind = ""
            if _AND_GAP_RE.fullmatch(gap):
                if _BETWEEN_RE.search(low, 0, a.span_start):
                    kind = "between"
            elif _IN_GAP_RE.fullmatch(gap):
                if _ratio(a, b):
                    a.value, a.unit, a.one, a.end = a.value / b.value, FRACTION_UNIT, False, b.end
                    a.digits = None
                    out.append(a)
                    i += 2
                    continue
            elif _DASH_GAP_RE.fullmatch(gap):
                kind = "dash"
            elif (
                _TO_GAP_RE.fullmatch(gap)
                and a.direction is None
                and not _FROM_RE.search(low, 0, a.span_start)
            ):
                kind = "to"
            if kind == "dash" and a.is_word != b.is_word:
                # A figure dashed to a number word ("7-eleven", "3-four") is a name, not a range:
                # keep the figure as written in digits, as the cased "7-Eleven" gives it.
                out.append(a if not a.is_word else b)
                i += 2
                continue
            if kind and _compatible(a, b, kind):
                low_v = a.value
                if a.scale == 1.0 and b.scale > 1.0 and a.unit is None and not a.has_decimal:
                    low_v = a.value * b.scale
                if low_v < b.value:
                    a.value = low_v
                    a.unit = a.unit or b.unit
                    b.unit = a.unit
                    a.range_end = b
                    a.end = b.end
                    if kind == "between":
                        m = _BETWEEN_RE.search(low, 0, a.span_start)
                        assert m is not None
                        a.cue_start = m.start() if a.cue_start is None else a.cue_start
                    out.append(a)
                    i += 2
                    continue
                if kind == "dash" and a.bare and b.bare:
                    i += 2  # "a 2-1 win": a score, not a range
                    continue
        out.append(a)
        i += 1
    return out


def _ratio(a: _Raw, b: _Raw) -> bool:
    """ "one in five", "1 in 10": a whole-number share written as a ratio."""
    return (
        a.unit is None
        and b.unit is None
        and a.scale == 1.0
        and b.scale == 1.0
        and a.bound == Bound.EXACT
        and a.value.is_integer()
        and b.value.is_integer()
        and 0 < a.value < b.value <= 1000
    )


def _compatible(a: _Raw, b: _Raw, kind: str) -> bool:
    """Can a and b be the two ends of one range? "$30-35" (b inherits the unit) can."""
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return False

    if a.unit is not None and b.unit is None:
        return kind == "dash" and b.value < 1000 * a.value
    return True


_BREAKERS = _wordset("to from than and or but while which at after before as")
_PHRASAL = _wordset(
    "set sets setting pick picks picked take takes took taken make makes made sign signs signed "
    "add adds added turn turns turned build built put give gave given shut break broke broken "
    "back come came comes open opened call called line lined sum summed round rounded"
)


def _direction(ctx: _Ctx, raw: _Raw) -> Direction | None:
    """UP/DOWN for a change amount: a cue shortly before the number, or a change noun after it."""
    t = ctx.t
    toks = ctx.toks
    k = ctx.tok_index_at(raw.span_start) - 1
    seen_by = False
    steps = 0
    while k >= 0 and steps < 5:
        word = toks[k][0]
        if word in t.up or word in t.down:
            if word in ("up", "down"):
                before = toks[k - 1][0] if k > 0 else ""
                if (
                    steps > (1 if seen_by else 0)
                    or before in _PHRASAL
                    or (k + 1 < len(toks) and toks[k + 1][0] == "to")
                ):
                    break
            return Direction.UP if word in t.up else Direction.DOWN
        if word == "by":
            seen_by = True
        elif word in ("a", "an") and toks[k + 1][0] in t.bridge:
            pass  # "rose by a further 5%"
        elif (
            word in _BREAKERS
            or not word[0].isalpha()
            or (word not in t.bridge and not (seen_by and steps < 4))
        ):
            break
        k -= 1
        steps += 1
    j = ctx.tok_index_at(raw.end)
    if j < len(toks) and toks[j][0] == "-" and j + 1 < len(toks):
        j += 1  # "a 5%-rise"
    # "a 5% rise", "15 points higher": the change word right after the number, or right after
    # a plural noun that ends its noun phrase ("two significant increases" is no change).
    for k in (j, j + 1):
        if k >= len(toks):
            break
        word = toks[k][0]
        if word in t.after_up:
            return Direction.UP
        if word in t.after_down:
            return Direction.DOWN
        if not word[0].isalpha() or word in t.stop or not _is_plural(t, word):
            break
    return None


def _counted_noun(ctx: _Ctx, raw: _Raw) -> str | None:
    """The noun the number counts: the last content word of the 1–3 words after it.

    The scan starts after the number and its unit and looks at up to three words. It stops at
    punctuation, digits, function words and common verbs (``counted.stop``), month names and
    change nouns ("a 5% rise"); it passes over modifiers (``counted.skip``: "US", "new",
    "extra") and participles before the noun ("the 5,000 remaining troops"); it stops after a
    plural noun, which ends an English noun phrase ("12,400 UK jobs created" → "jobs").
    A hyphenated word glued to the number ("a 20-strong team") is a modifier; a hyphenated
    compound counts as one word ("one regular-season game" → "game", "5 high-rise blocks" →
    "blocks", "3 start-ups" → "start-ups"). After "hundreds of" a unit or currency word becomes
    the unit ("millions of dollars" → USD).
    """
    t = ctx.t
    toks = ctx.toks
    j = ctx.tok_index_at(raw.end)
    n = len(toks)
    if raw.skip_of and j < n and toks[j][0] == "of":
        j += 1
    if j < n and toks[j][0] == "-" and toks[j][1] == raw.end and j + 1 < n:
        j += 2  # "20-strong"
    candidate: str | None = None
    words = 0
    while j < n and words < 3:
        word = toks[j][0]
        if not word[0].isalpha():
            break
        if word in t.stop or word in _MONTH_WORDS or word in _WEEKDAYS or "'" in word:
            break
        if word in t.after_up or word in t.after_down:
            break
        if raw.skip_of and raw.unit is None and word in t.unit_words:
            raw.unit = t.unit_words[word]  # "millions of dollars", "hundreds of miles"
            break
        words += 1
        if word in t.skip:
            j += 1
            continue
        if j + 2 < n and _joined(toks, j + 1) and toks[j + 2][0][0].isalpha():
            # "regular-season game": a hyphenated compound; the next word may be its head
            candidate = f"{word}-{toks[j + 2][0]}"
            j += 3
            if _is_plural(t, toks[j - 1][0]):
                break
            continue
        if word.endswith("ly") and len(word) > 4:
            break
        if (word.endswith("ed") or word.endswith("ing")) and len(word) > 4:
            if candidate is not None:
                break
            j += 1
            continue
        candidate = word
        if _is_plural(t, word):
            if word in t.irregular_plurals and j + 1 < n:
                # "12,000 police officers", "two staff members": the irregular plural modifies
                # a plural head noun after it.
                head = toks[j + 1][0]
                if head[0].isalpha() and head not in t.stop and head not in t.irregular_plurals \
                        and _is_plural(t, head):
                    candidate = head
            break
        j += 1
    return candidate


def _tidy(value: float) -> float:
    """Drop binary noise from scaled values (2.5 * 1e3, 12400 * 1.1) so they print cleanly."""
    return float(f"{value:.12g}")


def _significant_digits(value: float) -> int:
    digits = f"{abs(value):.6f}".replace(".", "").strip("0")
    return len(digits)


def _to_quantity(ctx: _Ctx, raw: _Raw, counted: str | None) -> Quantity:
    value = _tidy(raw.value)
    lo = raw.low if raw.low is not None else value
    hi = raw.high if raw.high is not None else value
    if raw.range_end is not None:
        lo, hi = value, _tidy(raw.range_end.value)
    bound = raw.bound
    low_out: float | None
    high_out: float | None
    if bound == Bound.EXACT:
        low_out, high_out = lo, hi
    elif bound == Bound.APPROXIMATE:
        if raw.vague:
            low_out, high_out = lo, hi
        else:
            # "some 487,939" is hedged by far less than "about 30,000": a figure given to four or
            # more significant digits is approximate only to about 1%.
            tolerance = APPROX_TOLERANCE / 10 if _significant_digits(value) >= 4 else APPROX_TOLERANCE
            low_out = _tidy(lo * (1 - tolerance))
            high_out = _tidy(hi * (1 + tolerance))
    elif bound in (Bound.MORE_THAN, Bound.AT_LEAST):
        low_out, high_out = lo, None
    else:
        low_out, high_out = None, hi
    start = raw.span_start
    return Quantity(
        text=ctx.text[start : raw.end],
        value=value,
        low=low_out,
        high=high_out,
        bound=bound,
        unit=raw.unit,
        counted=counted,
        direction=raw.direction,
        start=start,
        end=raw.end,
    )
