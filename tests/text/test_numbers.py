"""Tests for factcheck.text.numbers.extract_quantities."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from factcheck.models import Bound, Direction, Quantity
from factcheck.text.numbers import AGE_UNIT, APPROX_TOLERANCE, FRACTION_UNIT, extract_quantities, parse_number

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "000_6a66de03a92d95d0.txt"
BBC = SHARED / "corpus" / "bbc"


def _by_text(sentence: str, text: str) -> Quantity:
    found = extract_quantities(sentence)
    matches = [q for q in found if q.text == text]
    assert matches, f"{text!r} not among {[q.text for q in found]}"
    return matches[0]


# sentence, quantity text, expected fields
POSITIVE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "Currently, there are 28,500 US troops stationed there.",
        "28,500",
        {"value": 28500, "counted": "troops", "bound": Bound.EXACT, "unit": None},
    ),
    (
        "The US was considering removing approximately 4,500 troops from the region.",
        "approximately 4,500",
        {"value": 4500, "bound": Bound.APPROXIMATE, "counted": "troops"},
    ),
    ("US weighs pulling 4.5k troops", "4.5k", {"value": 4500, "bound": Bound.EXACT}),
    ("The deal is worth $1.75bn.", "$1.75bn", {"value": 1.75e9, "unit": "USD"}),
    ("Profit was HK$327m last year.", "HK$327m", {"value": 3.27e8, "unit": "HKD"}),
    (
        "The city has 2.3 million residents.",
        "2.3 million",
        {"value": 2.3e6, "counted": "residents"},
    ),
    (
        "He counted four thousand five hundred ballots.",
        "four thousand five hundred",
        {"value": 4500, "counted": "ballots"},
    ),
    ("There were twenty-eight candidates.", "twenty-eight", {"value": 28, "counted": "candidates"}),
    (
        "One hundred and twenty people came.",
        "One hundred and twenty",
        {"value": 120, "counted": "people"},
    ),
    ("A quarter of employers agree.", "A quarter", {"value": 0.25, "unit": FRACTION_UNIT}),
    ("Only a fifth of firms replied.", "a fifth", {"value": 0.2, "unit": FRACTION_UNIT}),
    ("Two-thirds of voters backed it.", "Two-thirds", {"value": 2 / 3, "unit": FRACTION_UNIT}),
    ("Half of all firms said so.", "Half", {"value": 0.5, "unit": FRACTION_UNIT}),
    ("Prices were cut by half.", "half", {"value": 0.5, "unit": FRACTION_UNIT}),
    (
        "Inflation was one point three per cent.",
        "one point three per cent",
        {"value": 1.3, "unit": "%"},
    ),
    ("Growth was nine per cent.", "nine per cent", {"value": 9, "unit": "%"}),
    ("Sales rose 3.7% in May.", "3.7%", {"value": 3.7, "unit": "%", "direction": Direction.UP}),
    ("Turnout was 62 percent.", "62 percent", {"value": 62, "unit": "%"}),
    (
        "Rates went up 0.25 percentage points.",
        "0.25 percentage points",
        {"value": 0.25, "unit": "pp", "direction": Direction.UP},
    ),
    ("It cost 1.5bn euros.", "1.5bn euros", {"value": 1.5e9, "unit": "EUR"}),
    ("It sold for 5m pounds.", "5m pounds", {"value": 5e6, "unit": "GBP"}),
    ("It was worth €40m and ¥300bn.", "€40m", {"value": 4e7, "unit": "EUR"}),
    ("It was worth €40m and ¥300bn.", "¥300bn", {"value": 3e11, "unit": "JPY"}),
    ("A$5m and C$2bn were raised.", "A$5m", {"value": 5e6, "unit": "AUD"}),
    ("A$5m and C$2bn were raised.", "C$2bn", {"value": 2e9, "unit": "CAD"}),
    ("Shares closed at 345p.", "345p", {"value": 345, "unit": "GBX"}),
    ("a dozen eggs were broken", "a dozen", {"value": 12, "counted": "eggs"}),
    (
        "They agreed a five-year plan for defence.",
        "five-year",
        {"value": 5, "unit": "year", "counted": "plan"},
    ),
    ("He served 5 years in jail.", "5 years", {"value": 5, "unit": "year", "counted": None}),
    (
        "A 45-year-old man was arrested.",
        "45-year-old",
        {"value": 45, "unit": AGE_UNIT, "counted": "man"},
    ),
    ("The pipeline is 300km long.", "300km", {"value": 300, "unit": "km"}),
    (
        "It produces 793,000 barrels of oil a day.",
        "793,000 barrels",
        {"value": 793000, "unit": "barrel"},
    ),
    ("The town is 3 miles away.", "3 miles", {"value": 3, "unit": "mile"}),
    # bounds
    (
        "There are more than 28,000 troops.",
        "more than 28,000",
        {"bound": Bound.MORE_THAN, "low": 28000, "high": None},
    ),
    ("Over 300 jobs went.", "Over 300", {"bound": Bound.MORE_THAN, "counted": "jobs"}),
    ("In excess of £2m was paid.", "In excess of £2m", {"bound": Bound.MORE_THAN, "unit": "GBP"}),
    ("At least 5 people died.", "At least 5", {"bound": Bound.AT_LEAST, "low": 5, "high": None}),
    # Verbs of passing a mark bound the figure after them.
    (
        "Sales topped 47bn euros in 2004.",
        "topped 47bn euros",
        {"bound": Bound.MORE_THAN, "low": 47e9, "high": None, "unit": "EUR"},
    ),
    ("Growth exceeded 9% last year.", "exceeded 9%", {"bound": Bound.MORE_THAN, "low": 9}),
    ("Losses surpassed £2m.", "surpassed £2m", {"bound": Bound.MORE_THAN, "unit": "GBP"}),
    ("No fewer than 12 ministers quit.", "No fewer than 12", {"bound": Bound.AT_LEAST}),
    ("Less than 10% voted.", "Less than 10%", {"bound": Bound.LESS_THAN, "low": None, "high": 10}),
    ("Fewer than 40 firms replied.", "Fewer than 40", {"bound": Bound.LESS_THAN}),
    (
        "Employers get up to £2,500 for employers.",
        "up to £2,500",
        {"bound": Bound.AT_MOST, "high": 2500, "low": None, "unit": "GBP", "counted": None},
    ),
    ("No more than 3 bids count.", "No more than 3", {"bound": Bound.AT_MOST}),
    ("Some 4,500 soldiers left.", "Some 4,500", {"bound": Bound.APPROXIMATE}),
    ("Roughly 30% agreed.", "Roughly 30%", {"bound": Bound.APPROXIMATE}),
    ("Nearly £12m was given.", "Nearly £12m", {"bound": Bound.APPROXIMATE, "unit": "GBP"}),
    ("An estimated 500 homes flooded.", "An estimated 500", {"bound": Bound.APPROXIMATE}),
    ("Output is ~40 units.", "~40", {"bound": Bound.APPROXIMATE}),
    # ranges: value = low end, low/high = the two ends
    (
        "Unemployment is between 3% and 5%.",
        "between 3% and 5%",
        {"value": 3, "low": 3, "high": 5, "unit": "%", "bound": Bound.EXACT},
    ),
    ("Expect growth of 3-5%.", "3-5%", {"value": 3, "low": 3, "high": 5, "unit": "%"}),
    ("It costs £1m to £2m.", "£1m to £2m", {"low": 1e6, "high": 2e6, "unit": "GBP"}),
    ("Oil may fall to $30-35 a barrel.", "$30-35", {"low": 30, "high": 35, "unit": "USD"}),
    (
        "between 3 and 5 million people",
        "between 3 and 5 million",
        {"low": 3e6, "high": 5e6, "counted": "people"},
    ),
    # vague plurals: [2 × scale, 10 × scale]
    (
        "Hundreds of people gathered.",
        "Hundreds",
        {"value": 200, "low": 200, "high": 1000, "bound": Bound.APPROXIMATE, "counted": "people"},
    ),
    (
        "Tens of thousands of workers marched.",
        "Tens of thousands",
        {"low": 20000, "high": 100000, "counted": "workers"},
    ),
    ("several thousand jobs", "several thousand", {"low": 2000, "high": 10000, "counted": "jobs"}),
    ("Half a million visitors came.", "Half a million", {"value": 5e5, "counted": "visitors"}),
    ("Two and a half million homes", "Two and a half million", {"value": 2.5e6}),
    # directions
    ("Profits jumped 76% to $1.13bn.", "76%", {"direction": Direction.UP}),
    ("Profits jumped 76% to $1.13bn.", "$1.13bn", {"direction": None}),
    ("Sales rose 2% to $11.1bn from $10.9bn.", "$10.9bn", {"direction": None}),
    ("Output fell by 2% last year.", "2%", {"direction": Direction.DOWN}),
    ("Prices were up 3.7%.", "3.7%", {"direction": Direction.UP}),
    ("Shares were down 0.67% at noon.", "0.67%", {"direction": Direction.DOWN}),
    ("It reported a 26% rise in profits.", "26%", {"direction": Direction.UP}),
    ("It reported a 5% fall in sales.", "5%", {"direction": Direction.DOWN}),
    ("Costs were cut by nearly $1bn.", "nearly $1bn", {"direction": Direction.DOWN}),
    ("Shares closed 15 points higher.", "15", {"direction": Direction.UP, "counted": "points"}),
    ("It set up 5 new firms.", "5", {"direction": None, "counted": "firms"}),
    ("Unemployment fell to 5%.", "5%", {"direction": None}),
    ("She lost her £7.5m case.", "£7.5m", {"direction": None}),
    ("Boeing lost a $23bn contract.", "$23bn", {"direction": None, "counted": "contract"}),
    ("Prices rose by a further 5%.", "5%", {"direction": Direction.UP}),
    ("Brown must raise about $10bn a year.", "about $10bn", {"direction": None}),
    ("It saw the last two significant increases.", "two", {"direction": None}),
    # counted nouns
    (
        "It lost 464,000 subscribers in the quarter.",
        "464,000",
        {"counted": "subscribers", "direction": Direction.DOWN},
    ),
    ("They created 2,000 new jobs.", "2,000", {"counted": "jobs"}),
    ("Some 5,000 extra staff were hired.", "Some 5,000", {"counted": "staff"}),
    ("It bought 8% of the company.", "8%", {"counted": None}),
    ("It hired 300 skilled workers.", "300", {"counted": "workers"}),
    ("a 20-strong team", "20", {"counted": "team"}),
    ("One potential option was Guam.", "One", {"counted": "option", "value": 1}),
    ("The cut affects 700 people, officials said.", "700", {"counted": "people"}),
    # years that count things
    ("About 2000 people came.", "About 2000", {"value": 2000, "counted": "people"}),
    ("The firm will cut 2000 jobs.", "2000", {"counted": "jobs"}),
    ("Over 2,004 votes were cast.", "Over 2,004", {"counted": "votes"}),
    # lower-case input
    ("the firm made hk$6.31bn and us$42m.", "hk$6.31bn", {"value": 6.31e9, "unit": "HKD"}),
    ("the firm made hk$6.31bn and us$42m.", "us$42m", {"value": 4.2e7, "unit": "USD"}),
]


@pytest.mark.parametrize(("sentence", "text", "expected"), POSITIVE)
def test_quantity_fields(sentence: str, text: str, expected: dict[str, Any]) -> None:
    q = _by_text(sentence, text)
    assert sentence[q.start : q.end] == q.text
    for name, want in expected.items():
        got = getattr(q, name)
        if isinstance(want, float | int) and not isinstance(want, bool) and got is not None:
            assert got == pytest.approx(want), name
        else:
            assert got == want, name


def test_approximate_band_uses_documented_tolerance() -> None:
    q = _by_text("about 1,000 people", "about 1,000")
    assert q.low == pytest.approx(1000 * (1 - APPROX_TOLERANCE))
    assert q.high == pytest.approx(1000 * (1 + APPROX_TOLERANCE))


def test_exact_has_point_interval() -> None:
    q = _by_text("There are 28,500 troops.", "28,500")
    assert q.low == q.high == 28500


def test_money_with_parenthetical_conversions() -> None:
    found = extract_quantities("Profit was HK$327m (US$42m; £22m) last year.")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("HK$327m", 3.27e8, "HKD"),
        ("US$42m", 4.2e7, "USD"),
        ("£22m", 2.2e7, "GBP"),
    ]


# sentence, text that must NOT appear among the extracted quantities (None: nothing at all)
NEGATIVE: list[tuple[str, str | None]] = [
    ("The law was passed in 2004.", None),
    ("Results for the 2004-05 season are out.", None),
    ("He said 2003 results were poor.", None),
    ("Firms must restate 2000 and 2003 results.", None),
    ("Sales peaked in the 1990s.", None),
    ("The meeting is on May 23rd.", None),
    ("The meeting is on May 23.", None),
    ("The vote is on 3 June.", None),
    ("The vote is on the 3rd of June.", None),
    ("He arrived on Friday, May 23rd, 2025.", None),
    ("Trading closed at 10:30.", None),
    ("The shop opens at 9am.", None),
    ("Shares fell by 1830 GMT.", None),
    ("Call 0800 123 4567 for details.", None),
    ("Call +44 20 7946 0958 now.", None),
    ("It came first and second in the race.", None),
    ("He won his second term.", None),
    ("They want a third runway.", None),
    ("Profits rose in the fourth quarter.", None),
    ("Profits fell in the first half of the year.", None),
    ("The Formula 1 team won.", None),
    ("Leaders met at the G8 summit.", None),
    ("Covid-19 spread fast.", None),
    ("He drives a 4x4 car.", None),
    ("She flew on a Boeing 747 jet.", None),
    ("The FTSE 100 index rose.", "100"),
    ("Watch it on Channel 4 tonight.", None),
    ("He is the former number two at the firm.", None),
    ("It is one of the largest banks.", None),
    ("No one was hurt.", None),
    ("He left three years ago.", None),
    ("Formula One teams met.", None),
    ("A one-off payment was made.", None),
    ("They won 2-1 at home.", None),
    ("The quarter ended well.", None),
]


def test_passing_verbs_bound_only_the_figure_right_after_them() -> None:
    # A verb of passing bounds a figure written right after it, not one further on ("topped the
    # poll with 40%"), and "passed"/"broke" are no bound cues ("was passed 8-1", "broke 3 records").
    def bound_of(sentence: str, text: str) -> Bound:
        return next(q.bound for q in extract_quantities(sentence) if q.text.endswith(text))

    assert bound_of("He topped the poll with 40% of the vote.", "40%") is Bound.EXACT
    assert bound_of("Sales exceeded forecasts of 3% growth.", "3%") is Bound.EXACT
    assert bound_of("The decision was passed 8 to 1 by the board.", "8") is Bound.EXACT
    assert bound_of("The runner broke 3 records this year.", "3") is Bound.EXACT
    assert bound_of("Sales were 47bn euros, said the firm.", "47bn euros") is Bound.EXACT


@pytest.mark.parametrize(
    ("sentence", "text", "counted"),
    [
        ("And the 101-year-old Torao Toshitsune has eaten raw fish.", "101-year-old", "toshitsune"),
        ("Torao Toshitsune, 101, has eaten raw fish.", "101", None),
        ("Two men -- James Chmela, 43, and James Kalamaras, 41 -- were named.", "41", None),
        ("durst, 71, is accused of possessing a revolver.", "71", None),
        ("A 71-year-old man was arrested.", "71-year-old", "man"),
        ("He was 71 years old when he retired.", "71 years old", None),
        ("The man, aged 71, was arrested.", "71", None),
        ("Bell dies aged 44", "44", None),
        ("It polled people aged between 18 and 24.", "between 18 and 24", None),
    ],
)
def test_ages_share_one_unit(sentence: str, text: str, counted: str | None) -> None:
    # However an age is written, it is the same kind of quantity, so "Smith, 71," meets "the
    # 71-year-old Smith".
    found = {q.text: q for q in extract_quantities(sentence)}
    assert found[text].unit == AGE_UNIT
    assert found[text].counted == counted


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Of the seats, 45, went to Labour.", "45"),  # a count after a lower-case word
        ("The project ran for 71 years, old hands said.", "71 years"),  # a duration
        ("Prices rose 5%, 10, then 15 points.", "10"),
        ("In 2004, Smith, 1,500, won.", "1,500"),  # no age has a thousands comma
        ("Smith, 71.5, was there.", "71.5"),
        ("Smith, 130, was there.", "130"),  # beyond any age
    ],
)
def test_not_ages(sentence: str, text: str) -> None:
    found = {q.text: q for q in extract_quantities(sentence)}
    assert found[text].unit != AGE_UNIT


@pytest.mark.parametrize(("sentence", "absent"), NEGATIVE)
def test_not_quantities(sentence: str, absent: str | None) -> None:
    found = extract_quantities(sentence)
    if absent is None:
        assert found == []
    else:
        assert absent not in [q.text for q in found]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("They cut 2000 jobs.", [2000]),
        ("There were 1999 troops on the base.", [1999]),
        ("About 2004 votes were spoiled.", [2004]),
        ("Voters in the 2000 elections were angry.", []),
        ("Its 2004 profits fell.", []),
        ("Full year 2004 gains were smaller.", []),
        ("Demand for December 2004 continues to be weak.", []),
        ("The 2005 year was good.", []),
    ],
)
def test_year_or_count(sentence: str, values: list[float]) -> None:
    assert [q.value for q in extract_quantities(sentence)] == values


@pytest.mark.parametrize(
    ("sentence", "text", "value", "counted"),
    [
        ("One in five people agreed.", "One in five", 0.2, "people"),
        ("It hit 1 in 10 firms.", "1 in 10", 0.1, "firms"),
        ("One in every three adults smokes.", "One in every three", 1 / 3, "adults"),
    ],
)
def test_ratios_are_fractions(sentence: str, text: str, value: float, counted: str) -> None:
    q = _by_text(sentence, text)
    assert (q.unit, q.counted) == (FRACTION_UNIT, counted)
    assert q.value == pytest.approx(value)


def test_scaled_values_have_no_binary_noise() -> None:
    q = _by_text("around 28,500 troops and 4.5k more", "around 28,500")
    assert (q.low, q.high) == (25650.0, 31350.0)
    assert _by_text("around 28,500 troops and 4.5k more", "4.5k").value == 4500.0


@pytest.mark.parametrize(
    ("sentence", "text", "counted", "unit"),
    [
        ("The Pacers have one regular-season game left.", "one", "game", None),
        ("It owns 5 high-rise blocks.", "5", "blocks", None),
        ("It backed 3 start-ups.", "3", "start-ups", None),
        ("They live hundreds of miles away.", "hundreds", None, "mile"),
        ("It cost millions of dollars.", "millions", None, "USD"),
    ],
)
def test_compounds_and_units_after_of(
    sentence: str, text: str, counted: str | None, unit: str | None
) -> None:
    q = _by_text(sentence, text)
    assert (q.counted, q.unit) == (counted, unit)


LOWERCASE_SENTENCES = [
    "Currently, there are 28,500 US troops stationed in South Korea.",
    "The US was considering removing approximately 4,500 troops.",
    "Profit was HK$327m (US$42m; £22m) last year.",
    "Two-thirds of voters backed a five-year plan.",
    "Sales rose 3.7% to $11.1bn, up from $10.9bn.",
    "Between 3% and 5% of staff, or more than 2,000 workers, quit.",
    "Hundreds of people saw nine per cent growth.",
]


@pytest.mark.parametrize("sentence", LOWERCASE_SENTENCES)
def test_lowercase_input_gives_the_same_quantities(sentence: str) -> None:
    def key(q: Quantity) -> tuple[Any, ...]:
        return (q.value, q.low, q.high, q.bound, q.unit, q.counted, q.direction, q.start, q.end)

    cased = extract_quantities(sentence)
    assert cased
    assert [key(q) for q in extract_quantities(sentence.lower())] == [key(q) for q in cased]


def test_offsets_cover_text_in_order() -> None:
    sentence = "About 2,000 staff, up to £5m and 3-5% of 1.2 million homes rose 4%."
    found = extract_quantities(sentence)
    assert [q.text for q in found] == ["About 2,000", "up to £5m", "3-5%", "1.2 million", "4%"]
    starts = [q.start for q in found]
    assert starts == sorted(starts)
    for q in found:
        assert sentence[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "value"),
    [("28,500", 28500), ("4.5k", 4500), ("twenty-eight", 28), ("a quarter", 0.25), ("G8", None)],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_empty_and_numberless_sentences() -> None:
    assert extract_quantities("") == []
    assert extract_quantities("No talks were held, the ministry said.") == []


# ---------------------------------------------------------------- real data


def test_seed_article_key_quantities() -> None:
    if not SEED.exists():
        pytest.skip(f"../shared not present: {SEED}")
    text = SEED.read_text(encoding="utf-8")
    found = [q for line in text.splitlines() for q in extract_quantities(line)]
    by_value = {q.value: q for q in found}
    troops = by_value[28500]
    assert (troops.counted, troops.bound, troops.unit) == ("troops", Bound.EXACT, None)
    approx = by_value[4500]
    assert approx.text == "approximately 4,500"
    assert (approx.counted, approx.bound) == ("troops", Bound.APPROXIMATE)
    plan = by_value[5]
    assert (plan.text, plan.unit, plan.counted) == ("five-year", "year", "plan")
    # "Friday, May 23rd", "June 3rd", "Indo-Pacific" must not yield numbers
    assert set(by_value) == {28500, 4500, 5}


def _bbc_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted(BBC.glob("*/*.txt")):
        for para in path.read_text(encoding="utf-8", errors="replace").splitlines():
            sentences.extend(s for s in para.split(". ") if s.strip())
    return sentences


def test_bbc_corpus_smoke() -> None:
    if not BBC.exists():
        pytest.skip(f"../shared not present: {BBC}")
    sentences = _bbc_sentences()
    assert len(sentences) > 10000
    total = 0
    year_like: list[str] = []
    with_units = 0
    for sentence in sentences:
        for q in extract_quantities(sentence):
            total += 1
            assert sentence[q.start : q.end] == q.text
            assert q.low is None or q.high is None or q.low <= q.high
            if q.unit is not None:
                with_units += 1
            if (
                q.unit is None
                and q.counted is None
                and q.bound == Bound.EXACT
                and q.value.is_integer()
                and 1990 <= q.value <= 2030
                and re.fullmatch(r"\d{4}", q.text)
            ):
                year_like.append(sentence)
    assert total > 5000
    assert with_units > total / 2
    assert year_like == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A partitive shares the noun counted by the figure after it.
        ("Seventeen of the 30 counts were capital charges.", [("Seventeen", "counts"), ("30", "counts")]),
        ("Five out of six people were injured.", [("Five", "people"), ("six", "people")]),
        ("He sold 5 of his 30 shares.", [("5", "shares"), ("30", "shares")]),
        # An irregular plural modifying a plural head: the head is counted.
        ("Two police officers and a guard were hurt.", [("Two", "officers")]),
        ("12,000 police officers were deployed.", [("12,000", "officers")]),
        # Negatives: no figure after "of", or an irregular plural that is the head itself.
        ("Two of them were hurt.", [("Two", None)]),
        ("Three people were killed and five others were wounded.", [("Three", "people"), ("five", "others")]),
        ("500 people were evacuated.", [("500", "people")]),
    ],
)
def test_counted_noun_of_partitives_and_compounds(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(q.text, q.counted) for q in extract_quantities(sentence)] == expected
    # Lower-cased input gives the same nouns.
    assert [q.counted for q in extract_quantities(sentence.lower())] == [c for _, c in expected]


def test_a_bare_scaled_figure_counts_in_the_currency_before_it() -> None:
    found = extract_quantities("Net income was 4.3bn rupees ($98m; £52m), against 2.7bn a year earlier.")
    assert [(q.text, q.unit) for q in found] == [("4.3bn rupees", "INR"), ("$98m", "USD"), ("£52m", "GBP"),
                                                 ("2.7bn", "INR")]
    # A plain count takes no currency.
    assert [q.unit for q in extract_quantities("Sales were $3bn across 12 stores.")] == ["USD", None]


def test_a_precise_figure_is_approximate_only_narrowly() -> None:
    [precise] = extract_quantities("Some 487,939 people had voted.")
    assert precise.low is not None and precise.high is not None
    assert 480_000 < precise.low < precise.high < 495_000
    [round_] = extract_quantities("about 28,500 troops")
    assert (round_.low, round_.high) == (25_650, 31_350)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Leave will go from six months to nine.", [("six months", "month"), ("nine", "month")]),
    ("Leave will go from six to nine months.", [("six", "month"), ("nine months", "month")]),
    ("Inflation rose from 5 to 7%.", [("5", "%"), ("7%", "%")]),
    ("Output rose from 1.5m to 2m tonnes.", [("1.5m", "tonne"), ("2m tonnes", "tonne")]),
    # Without "from", two figures share nothing.
    ("Sales of 20 rose to 30 tonnes.", [("20", None), ("30 tonnes", "tonne")]),
])
def test_the_ends_of_from_to_share_a_unit(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(q.text, q.unit) for q in extract_quantities(sentence)] == expected


def test_a_figure_dashed_to_a_number_word_is_a_name() -> None:
    # "7-eleven" (the shop) is the figure the cased "7-Eleven" gives, not a range from 7 to 11.
    assert [(q.text, q.low, q.high) for q in extract_quantities("7-eleven is hosting the day.")] == [("7", 7, 7)]
    assert [(q.text, q.value) for q in extract_quantities("Between 10-12 people came.")] == [("10-12", 10)]


def test_a_figure_inside_a_groups_name_is_no_quantity() -> None:
    assert extract_quantities("The Votes at 16 alliance said so.") == []
    assert [q.text for q in extract_quantities("Sales at 16 stores rose.")] == ["16"]


@pytest.mark.parametrize(("sentence", "text", "bound", "value"), [
    ("Payments of £50 go to the over-70s this winter.", "over-70s", Bound.MORE_THAN, 70),
    ("A ban on sales to the under-16s was proposed.", "under-16s", Bound.LESS_THAN, 16),
    ("Pensioners over 70 will get £100.", "over 70", Bound.MORE_THAN, 70),
    ("Children under 16 will travel free.", "under 16", Bound.LESS_THAN, 16),
])
def test_an_age_group_is_an_age(sentence: str, text: str, bound: Bound, value: float) -> None:
    q = _by_text(sentence, text)
    assert (q.unit, q.bound, q.value) == (AGE_UNIT, bound, value)


@pytest.mark.parametrize(("sentence", "text"), [
    ("Sales over 70 units were lost.", "over 70"),  # a count: what it counts comes after it
    ("Prices rose over 70% last year.", "over 70%"),
    ("The fighter jet was an F-16.", None),  # a name with a hyphen, no figure
    ("House prices fell in the 1970s.", None),  # a decade
])
def test_not_an_age_group(sentence: str, text: str | None) -> None:
    found = extract_quantities(sentence)
    assert all(q.unit != AGE_UNIT for q in found)
    assert [q.text for q in found] == ([text] if text else [])
