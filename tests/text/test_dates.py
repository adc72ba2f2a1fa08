"""Tests for factcheck.text.dates."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from factcheck.models import DateRef, Granularity
from factcheck.text.dates import date_contains, extract_dates, parse_iso_partial
from factcheck.text.numbers import extract_quantities

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "000_6a66de03a92d95d0.txt"
BBC = SHARED / "corpus" / "bbc"

REF = datetime.date(2025, 5, 23)  # a Friday
DAY, MONTH, YEAR = Granularity.DAY, Granularity.MONTH, Granularity.YEAR


def _dates(sentence: str, ref: datetime.date | None = REF) -> list[tuple[str, str | None, str]]:
    return [(d.text, d.value, d.granularity.value) for d in extract_dates(sentence, ref)]


def _one(sentence: str, ref: datetime.date | None = REF) -> DateRef:
    found = extract_dates(sentence, ref)
    assert len(found) == 1, [d.text for d in found]
    assert sentence[found[0].start : found[0].end] == found[0].text
    return found[0]


EXPLICIT = [
    ("It opened on May 23, 2025.", "May 23, 2025", "2025-05-23", DAY),
    ("It opened on 23 May 2025.", "23 May 2025", "2025-05-23", DAY),
    ("It opened on 2025-05-23.", "2025-05-23", "2025-05-23", DAY),
    ("It opened on Friday, 23 May 2025.", "Friday, 23 May 2025", "2025-05-23", DAY),
    ("It closed in December 2024.", "December 2024", "2024-12", MONTH),
    ("It closed in Dec 2024.", "Dec 2024", "2024-12", MONTH),
    ("The law was passed in 2004.", "2004", "2004", YEAR),
    ("The 2004-05 season was long.", "2004-05", "2004", YEAR),
    ("Results for 2004/05 were poor.", "2004/05", "2004", YEAR),
    ("The Act comes into force in mid-2005.", "2005", "2005", YEAR),
    ("Records go back to 1497.", None, None, None),  # 1000–1799 only after in/since/until/from
    ("Copies of acts passed since 1497 survive.", "1497", "1497", YEAR),
    ("It was leap day, 29 February 2024.", "29 February 2024", "2024-02-29", DAY),
    ("The 2005's budget was tight.", "2005", "2005", YEAR),
    ("Sales peaked in September 2004, then fell.", "September 2004", "2004-09", MONTH),
    ("It was 30 February.", None, None, None),  # no such day
]


@pytest.mark.parametrize(("sentence", "text", "value", "granularity"), EXPLICIT)
def test_explicit_dates(
    sentence: str, text: str | None, value: str | None, granularity: Granularity | None
) -> None:
    if text is None:
        assert extract_dates(sentence, REF) == []
        return
    d = _one(sentence)
    assert (d.text, d.value, d.granularity) == (text, value, granularity)


# sentence, published, text, expected value
YEARLESS = [
    # weekday + date picks the year in which the weekday fits
    (
        "It announced on Friday, May 23rd, that talks had ended.",
        REF,
        "Friday, May 23rd",
        "2025-05-23",
    ),
    (
        "It announced on Friday, May 23rd, that talks had ended.",
        datetime.date(2026, 1, 10),
        "Friday, May 23rd",
        "2025-05-23",
    ),
    ("The vote was on Thursday, May 23rd.", REF, "Thursday, May 23rd", "2024-05-23"),
    ("It opens on Saturday, May 23.", REF, "Saturday, May 23", "2026-05-23"),
    # no fitting year within ±1: the reference year
    ("The event is on Wednesday, March 3rd.", REF, "Wednesday, March 3rd", "2025-03-03"),
    # tense picks the occurrence
    (
        "South Korea is scheduled to elect a new president on June 3rd.",
        REF,
        "June 3rd",
        "2025-06-03",
    ),
    ("The election will be held on 3 June.", REF, "3 June", "2025-06-03"),
    ("The ministry said talks were held on June 3.", REF, "June 3", "2024-06-03"),
    ("He resigned on Jun. 3.", REF, "Jun. 3", "2024-06-03"),
    ("The firm reports on June 3.", REF, "June 3", "2025-06-03"),  # no cue: nearest
    ("The firm reports on 23rd May.", REF, "23rd May", "2025-05-23"),
    ("Elections are due on May 20.", datetime.date(2025, 12, 30), "May 20", "2026-05-20"),
    ("The result came on January 5.", datetime.date(2025, 1, 2), "January 5", "2024-01-05"),
]


@pytest.mark.parametrize(("sentence", "ref", "text", "value"), YEARLESS)
def test_yearless_dates_use_reference_and_tense(
    sentence: str, ref: datetime.date, text: str, value: str
) -> None:
    d = _one(sentence, ref)
    assert (d.text, d.value, d.granularity) == (text, value, DAY)


MONTHS = [
    ("He failed in his attempt at declaring martial law in December.", REF, "December", "2024-12"),
    ("Sales will rise in August.", REF, "August", "2025-08"),
    ("Sales fell in March.", REF, "March", "2025-03"),
    ("Sales fell in May.", REF, "May", "2025-05"),
    ("The talks start in June.", REF, "June", "2025-06"),  # present: nearest
    ("Prices jumped in November.", REF, "November", "2024-11"),
    ("It happened last December.", REF, "last December", "2024-12"),
    ("It happened last May.", REF, "last May", "2024-05"),
    ("They meet next March.", REF, "next March", "2026-03"),
    ("It opens this September.", REF, "this September", "2025-09"),
    ("December's figures were weak.", REF, "December", "2024-12"),
    ("Prices peaked in mid-March.", REF, "March", "2025-03"),
    ("Shares hit a high at the end of January.", REF, "January", "2025-01"),
]


@pytest.mark.parametrize(("sentence", "ref", "text", "value"), MONTHS)
def test_month_names_alone(sentence: str, ref: datetime.date, text: str, value: str) -> None:
    d = _one(sentence, ref)
    assert (d.text, d.value, d.granularity) == (text, value, MONTH)


RELATIVE = [
    ("They agreed on a plan last year.", "last year", "2024", YEAR),
    ("Growth will slow this year.", "this year", "2025", YEAR),
    ("Growth will slow next year.", "next year", "2026", YEAR),
    ("Prices rose last month.", "last month", "2025-04", MONTH),
    ("Prices will rise next month.", "next month", "2025-06", MONTH),
    ("He said so yesterday.", "yesterday", "2025-05-22", DAY),
    ("He says so today.", "today", "2025-05-23", DAY),
    ("He will say so tomorrow.", "tomorrow", "2025-05-24", DAY),
    ("He spoke this morning.", "this morning", "2025-05-23", DAY),
    ("It closed two months ago.", "two months ago", "2025-03", MONTH),
    ("It closed three years ago.", "three years ago", "2022", YEAR),
    ("It closed 5 days ago.", "5 days ago", "2025-05-18", DAY),
    ("It closed a decade ago.", "a decade ago", "2015", YEAR),
    # weekdays: REF is a Friday
    ("The ministry announced on Friday that talks had ended.", "Friday", "2025-05-23", DAY),
    ("The ministry announced on Tuesday that talks had ended.", "Tuesday", "2025-05-20", DAY),
    ("Officials will meet on Tuesday.", "Tuesday", "2025-05-27", DAY),
    ("Officials will meet on Friday.", "Friday", "2025-05-30", DAY),
    ("Officials met last Friday.", "last Friday", "2025-05-16", DAY),
    ("Officials meet next Monday.", "next Monday", "2025-05-26", DAY),
    ("Monday's talks were tense.", "Monday", "2025-05-19", DAY),  # no cue: the latest
]


@pytest.mark.parametrize(("sentence", "text", "value", "granularity"), RELATIVE)
def test_relative_dates(sentence: str, text: str, value: str, granularity: Granularity) -> None:
    d = _one(sentence)
    assert (d.text, d.value, d.granularity) == (text, value, granularity)


@pytest.mark.parametrize(
    ("sentence", "granularity"),
    [
        ("They agreed on a plan last year.", YEAR),
        ("Elections are on June 3rd.", DAY),
        ("It happened in December.", MONTH),
        ("The ministry announced on Friday that talks had ended.", DAY),
        ("It closed two months ago.", MONTH),
        ("He said so yesterday.", DAY),
        ("It opened on Friday, May 23rd.", DAY),
    ],
)
def test_no_reference_date_never_invents_a_year(sentence: str, granularity: Granularity) -> None:
    d = _one(sentence, None)
    assert d.value is None
    assert d.granularity == granularity


def test_explicit_year_needs_no_reference() -> None:
    assert _dates("It opened on May 23, 2025, not in 2024.", None) == [
        ("May 23, 2025", "2025-05-23", "day"),
        ("2024", "2024", "year"),
    ]


NOT_DATES = [
    "They agreed a five-year plan.",
    "The boat may have capsized.",
    "Theresa May said no.",
    "Prime Minister Theresa May spoke in London.",
    "Mrs May agreed.",
    "Thousands joined a march on the capital.",
    "Protesters marched to the square.",
    "Protesters plan to march on the capital.",
    "It cut 2,000 jobs.",
    "It took 24 hours.",
    "Inflation hit 2004% in the crisis.",  # a number with a unit, not a year
    "The firm made $2004 in profit.",
    "Sales rose 5%.",
    "The Sunday Times reported the deal.",
    "He signed the Good Friday Agreement.",
    "It was popular in the 1990s.",
    "The 1990's boom ended.",
    "He cut 2000 jobs.",
    "Sales fell last week.",
    "Sales fell two weeks ago.",
    "Sales fell over the last year.",
    "He told BBC Radio 4's Today programme he would stay.",
    "Call 0800 123 4567.",
    "Shares closed at 10:30.",
    "The march was peaceful.",
    "You may 23 times try.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_dates(sentence: str) -> None:
    assert _dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "ref", "expected"),
    [
        # the first of two coordinated dates takes the year the second states
        (
            "The banks held talks in October and November 2004.",
            REF,
            [("October", "2004-10"), ("November 2004", "2004-11")],
        ),
        (
            "Sales between December and January 2005 rose.",
            REF,
            [("December", "2004-12"), ("January 2005", "2005-01")],
        ),
        (
            "Prices rose from 3 March to 5 April 2004.",
            REF,
            [("3 March", "2004-03-03"), ("5 April 2004", "2004-04-05")],
        ),
        # a listed cue ("upcoming") beats a participle guessed as past ("tipped")
        (
            "The upcoming election, widely tipped for 5 May, will be close.",
            datetime.date(2005, 3, 1),
            [("5 May", "2005-05-05")],
        ),
        # "plans" as a noun is no future cue
        (
            "The party announced its support for the plans on Monday.",
            datetime.date(2005, 3, 1),
            [("Monday", "2005-02-28")],
        ),
        # a future auxiliary governs the participle after it
        ("The vote is to be held on 3 June.", REF, [("3 June", "2025-06-03")]),
    ],
)
def test_context_rules(sentence: str, ref: datetime.date, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in extract_dates(sentence, ref)] == expected


def test_lowercase_input_resolves_the_same() -> None:
    cased = "South Korea is scheduled to elect a president on June 3rd, after a vote last year."
    assert _dates(cased.lower()) == [(t.lower(), v, g) for t, v, g in _dates(cased)]
    assert _dates("on june 3 the vote will be held") == [("june 3", "2025-06-03", "day")]
    assert _dates("they met last year") == [("last year", "2024", "year")]
    assert _dates("it was agreed in december") == [("december", "2024-12", "month")]
    # lower-case "may" is only a month when written like a date
    assert _dates("it may be held in may") == [("may", "2025-05", "month")]
    assert _dates("this may involve closing breweries") == []
    assert _dates("doctors and nurses may lay themselves open") == []
    assert _dates("the vote is in may and june") == [
        ("may", "2025-05", "month"),
        ("june", "2025-06", "month"),
    ]


def test_several_dates_in_order_with_offsets() -> None:
    sentence = "Talks held on 3 June 2024 failed; new ones are due in December, or next year."
    found = extract_dates(sentence, REF)
    assert [(d.text, d.value) for d in found] == [
        ("3 June 2024", "2024-06-03"),
        ("December", "2025-12"),
        ("next year", "2026"),
    ]
    for d in found:
        assert sentence[d.start : d.end] == d.text


def test_datetime_reference_is_accepted() -> None:
    d = _one("He said so yesterday.", datetime.datetime(2025, 5, 23, 14, 0))
    assert d.value == "2025-05-22"


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("value", "parts"),
    [("2025", (2025, None, None)), ("2025-06", (2025, 6, None)), ("2025-06-03", (2025, 6, 3))],
)
def test_parse_iso_partial(value: str, parts: tuple[int, int | None, int | None]) -> None:
    assert parse_iso_partial(value) == parts


@pytest.mark.parametrize("value", ["", "June", "2025-13", "2025-02-30", "2025-06-03-01"])
def test_parse_iso_partial_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        parse_iso_partial(value)


def _ref(value: str | None, granularity: Granularity = DAY) -> DateRef:
    return DateRef(text="x", value=value, granularity=granularity)


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("2025-06", "2025-06-03", True),
        ("2025", "2025-06-03", True),
        ("2025", "2025-06", True),
        ("2025-06-03", "2025-06-03", True),
        ("2025-06", "2025-07-03", False),
        ("2024", "2025-06", False),
        ("2025-06-03", "2025-06", False),  # finer does not contain coarser
        ("2025-06-03", "2025-06-04", False),
        (None, "2025-06-03", False),
        ("2025", None, False),
    ],
)
def test_date_contains(outer: str | None, inner: str | None, expected: bool) -> None:
    assert date_contains(_ref(outer), _ref(inner)) is expected


# ---------------------------------------------------------------- real data


def test_seed_article_dates() -> None:
    if not SEED.exists():
        pytest.skip(f"../shared not present: {SEED}")
    published = datetime.date(2025, 5, 23)
    found = {
        d.text: d.value
        for line in SEED.read_text(encoding="utf-8").splitlines()
        for d in extract_dates(line, published)
    }
    assert found["Friday, May 23rd"] == "2025-05-23"
    assert found["June 3rd"] == "2025-06-03"
    assert found["December"] == "2024-12"
    assert found["last year"] == "2024"
    assert "five-year" not in found


def _bbc_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted(BBC.glob("*/*.txt")):
        for para in path.read_text(encoding="utf-8", errors="replace").splitlines():
            sentences.extend(s for s in para.split(". ") if s.strip())
    return sentences


def test_bbc_corpus_smoke() -> None:
    if not BBC.exists():
        pytest.skip(f"../shared not present: {BBC}")
    ref = datetime.date(2005, 3, 1)
    total = 0
    resolved = 0
    overlaps: list[tuple[str, str, str]] = []
    for sentence in _bbc_sentences():
        found = extract_dates(sentence, ref)
        unresolved = extract_dates(sentence, None)
        assert len(unresolved) == len(found)
        for d, u in zip(found, unresolved, strict=True):
            assert sentence[d.start : d.end] == d.text
            if d.value is not None:
                resolved += 1
                parse_iso_partial(d.value)
            # without a reference only years the sentence itself gives survive
            if u.value is not None:
                assert u.value == d.value
                assert u.value[:4] in sentence
        total += len(found)
        # a span is a date or a quantity, never both
        quantities = extract_quantities(sentence)
        for d in found:
            for q in quantities:
                if q.start < d.end and d.start < q.end:
                    overlaps.append((sentence, d.text, q.text))
    assert total > 2500
    assert resolved == total
    assert overlaps == []
