from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from factcheck.text.segment import (
    LineIndex,
    Segment,
    coordinated_clause,
    embedded_spans,
    line_col,
    split_clauses,
    split_sentences,
)

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "000_6a66de03a92d95d0.txt"
BBC = SHARED / "corpus" / "bbc"


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def assert_offsets(source: str, segments: list[Segment]) -> None:
    for seg in segments:
        assert source[seg.start : seg.end] == seg.text
        assert seg.text == seg.text.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Titles before names never end a sentence.
        (
            "Mr. Smith met Dr. Jones and Prof. Lee. Gen. Ward and Sen. Kerr arrived later.",
            ["Mr. Smith met Dr. Jones and Prof. Lee.", "Gen. Ward and Sen. Kerr arrived later."],
        ),
        (
            "Gov. Baker and Rep. Pelosi spoke on St. Patrick's Day. Mrs. and Ms. Doe agreed.",
            ["Gov. Baker and Rep. Pelosi spoke on St. Patrick's Day.", "Mrs. and Ms. Doe agreed."],
        ),
        # Company suffixes: continue before an ordinary word, split before a sentence starter.
        (
            "Apple Inc. said profits rose. Shares of Acme Corp. The firm fell.",
            ["Apple Inc. said profits rose.", "Shares of Acme Corp.", "The firm fell."],
        ),
        (
            "Tesco plc. and Ford Motor Co. both reported. "
            "Sales fell at Barclays Ltd. It blamed rates.",
            [
                "Tesco plc. and Ford Motor Co. both reported.",
                "Sales fell at Barclays Ltd.",
                "It blamed rates.",
            ],
        ),
        (
            "Martin Luther King Jr. spoke. He was joined by John Smith Sr. and others.",
            ["Martin Luther King Jr. spoke.", "He was joined by John Smith Sr. and others."],
        ),
        (
            "Oil, gas, coal, etc. were traded, e.g. in London, i.e. the City. "
            "Spain vs. Italy ended 1-1.",
            [
                "Oil, gas, coal, etc. were traded, e.g. in London, i.e. the City.",
                "Spain vs. Italy ended 1-1.",
            ],
        ),
        (
            "He sold etc. The end came soon.",
            ["He sold etc.", "The end came soon."],
        ),
        # Number abbreviations and months before digits.
        (
            "No. 10 said on Jan. 5 that Feb. 28 and Dec. 31 were deadlines. "
            "Talks start in Sept. 2025.",
            [
                "No. 10 said on Jan. 5 that Feb. 28 and Dec. 31 were deadlines.",
                "Talks start in Sept. 2025.",
            ],
        ),
        (
            "Trading opened at 9 a.m. and closed at 4 p.m. on Friday. Volumes were thin.",
            ["Trading opened at 9 a.m. and closed at 4 p.m. on Friday.", "Volumes were thin."],
        ),
        (
            "The vote ends at 10 p.m. The result is due later.",
            ["The vote ends at 10 p.m.", "The result is due later."],
        ),
        # Dotted acronyms: continue inside the sentence, split when a new one visibly starts.
        (
            "U.S. troops and U.N. staff left the U.K. base on Monday.",
            ["U.S. troops and U.N. staff left the U.K. base on Monday."],
        ),
        (
            "He was born in the U.S. The next year he moved to the U.K. But he came back.",
            ["He was born in the U.S.", "The next year he moved to the U.K.", "But he came back."],
        ),
        (
            "The U.S.A. Today is Friday.",
            ["The U.S.A. Today is Friday."],
        ),
        # Initials.
        (
            "George W. Bush met officials from S. Korea. J. K. Rowling was not there.",
            ["George W. Bush met officials from S. Korea.", "J. K. Rowling was not there."],
        ),
        # Decimals, currency and percentages.
        (
            "Profits rose 3.5% to $1.13bn. Shares were up 0.7 points at 2.45.",
            ["Profits rose 3.5% to $1.13bn.", "Shares were up 0.7 points at 2.45."],
        ),
        # Ellipses.
        (
            "He paused... and then he spoke. The talks stalled… Nobody moved.",
            ["He paused... and then he spoke.", "The talks stalled…", "Nobody moved."],
        ),
        # Quotes and brackets after the full stop.
        (
            '"We will not leave," he said. "The alliance is strong." Next came the vote.',
            ['"We will not leave," he said.', '"The alliance is strong."', "Next came the vote."],
        ),
        (
            "“No talks were held.” The ministry said so. (It gave no detail.) Markets rose.",
            [
                "“No talks were held.”",
                "The ministry said so.",
                "(It gave no detail.)",
                "Markets rose.",
            ],
        ),
        (
            "The firm (which is based in Leeds.) said no. Then it closed.",
            ["The firm (which is based in Leeds.) said no.", "Then it closed."],
        ),
        # Question and exclamation marks.
        (
            '"Why now?" he asked. Is it over? Yes! It is.',
            ['"Why now?" he asked.', "Is it over?", "Yes!", "It is."],
        ),
        # Missing final full stop, headline line, blank lines.
        (
            "Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76%. Sales rose 2%",
            ["Ad sales boost Time Warner profit", "Quarterly profits jumped 76%.", "Sales rose 2%"],
        ),
        (
            "Troops to stay, Seoul says\nThe ministry denied the report.",
            ["Troops to stay, Seoul says", "The ministry denied the report."],
        ),
        # Hard-wrapped lines join; a line ending in a stop does not.
        (
            "The ministry said on Friday that\nno talks had been held with\nWashington. Next.",
            ["The ministry said on Friday that\nno talks had been held with\nWashington.", "Next."],
        ),
        (
            "Shares rose sharply,\nanalysts said.\nThe index fell.",
            ["Shares rose sharply,\nanalysts said.", "The index fell."],
        ),
        # Bulleted and numbered lists: each item its own sentence, marker excluded.
        (
            "The plans include:\n- cutting taxes\n* raising spending\n• a new tax credit\n"
            "1. first point\n2) second point",
            [
                "The plans include:",
                "cutting taxes",
                "raising spending",
                "a new tax credit",
                "first point",
                "second point",
            ],
        ),
        # Lines without any word are not sentences.
        ("First part.\n\n***\n\nSecond part.", ["First part.", "Second part."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    segments = split_sentences(text)
    assert_offsets(text, segments)
    assert [s.text for s in segments] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the ministry said no talks had been held. mr. smith disagreed. it was 3 p.m. the end",
            [
                "the ministry said no talks had been held.",
                "mr. smith disagreed.",
                "it was 3 p.m.",
                "the end",
            ],
        ),
        (
            "u.s. troops stayed in s. korea. george w. bush visited the u.s. base. "
            "profits rose 3.5%.",
            [
                "u.s. troops stayed in s. korea.",
                "george w. bush visited the u.s. base.",
                "profits rose 3.5%.",
            ],
        ),
        (
            "shares rose. analysts were surprised. no. 10 declined to comment.",
            ["shares rose.", "analysts were surprised.", "no. 10 declined to comment."],
        ),
        (
            "he was born in the u.s. the next year he moved.",
            ["he was born in the u.s.", "the next year he moved."],
        ),
    ],
)
def test_split_sentences_lower_case(text: str, expected: list[str]) -> None:
    segments = split_sentences(text)
    assert_offsets(text, segments)
    assert [s.text for s in segments] == expected


def test_offsets_with_crlf_and_indentation() -> None:
    text = "  Title line\r\n\r\n   First sentence. Second one.\r\n"
    segments = split_sentences(text)
    assert_offsets(text, segments)
    assert [s.text for s in segments] == ["Title line", "First sentence.", "Second one."]
    assert segments[1].start == text.index("First")


def test_seed_article() -> None:
    if not SEED.exists():
        pytest.skip(f"../shared not present: {SEED}")
    text = SEED.read_text(encoding="utf-8")
    segments = split_sentences(text)
    assert_offsets(text, segments)
    got = [s.text for s in segments]
    title = "US Troop Withdrawal from South Korea: No Talks Held, Says Seoul"
    assert got[0] == title
    assert got[1].startswith("Amidst reports of potential troop reductions")
    assert got[1].endswith("regarding a withdrawal.")
    assert got[2] == title
    assert got[3].startswith("SEOUL: South Korea's defence ministry announced on Friday, May 23rd,")
    assert got[3].endswith("stationed in the country.")
    assert "Currently, there are 28,500 US troops stationed in South Korea." in got
    assert any(s.startswith("The report indicated that one potential option") for s in got)
    assert (
        "South Korea is scheduled to elect a new president in a snap election on June 3rd." in got
    )
    assert got[-1] == "Sponsor"
    assert len(got) == 15


def _bbc_texts() -> list[str]:
    if not BBC.exists():
        pytest.skip(f"../shared not present: {BBC}")
    return [p.read_text(encoding="utf-8") for p in sorted(BBC.glob("*/*.txt"))]


def test_bbc_corpus_offsets() -> None:
    # Speed is measured by benchmarks/speed.py, not asserted here.
    texts_ = _bbc_texts()
    all_segments = [split_sentences(t) for t in texts_]
    count = sum(len(s) for s in all_segments)
    assert count > 10_000
    for text, segments in zip(texts_, all_segments, strict=True):
        assert_offsets(text, segments)
        # The title line is its own sentence in every story.
        assert segments[0].text == text.split("\n", 1)[0].strip()


def test_linear_time_on_a_single_long_line() -> None:
    line = "Shares rose 3.5% at Acme Inc. on Monday. " * 25_000  # ~1 MB, one line
    t0 = time.perf_counter()
    segments = split_sentences(line)
    assert time.perf_counter() - t0 < 2.0
    assert len(segments) == 25_000
    t0 = time.perf_counter()
    assert len(split_sentences("x" * 1_000_000)) == 1
    assert len(split_sentences("a." * 500_000)) == 1
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Seoul and Washington agreed on a plan last year, however, US President Donald Trump "
            "has indicated that costs could be revisited.",
            [
                "Seoul and Washington agreed on a plan last year",
                "US President Donald Trump has indicated that costs could be revisited.",
            ],
        ),
        (
            "The ministry confirmed the talks; it denied any withdrawal.",
            ["The ministry confirmed the talks", "it denied any withdrawal."],
        ),
        (
            "Profits rose 8%, but sales fell 1,000 units.",
            ["Profits rose 8%", "sales fell 1,000 units."],
        ),
        (
            "The ministry confirmed the report but denied any withdrawal.",
            ["The ministry confirmed the report", "denied any withdrawal."],
        ),
        (
            "Labour said taxes would rise, while the Tories promised cuts.",
            ["Labour said taxes would rise", "the Tories promised cuts."],
        ),
        (
            "Exports grew, whereas imports shrank sharply.",
            ["Exports grew", "imports shrank sharply."],
        ),
        (
            "The bank held rates, although two members voted for a rise.",
            ["The bank held rates", "two members voted for a rise."],
        ),
        (
            "Growth slowed; however, the outlook improved.",
            ["Growth slowed", "the outlook improved."],
        ),
        (
            "Profits beat forecasts, and it expects a rise in sales.",
            ["Profits beat forecasts", "it expects a rise in sales."],
        ),
        # A coordinated predicate with a hedge of its own: the hedge scopes that predicate only.
        (
            "Profits rose, and were expected to rise again.",
            ["Profits rose", "were expected to rise again."],
        ),
        (
            "Profits rose 3% and are expected to rise again.",
            ["Profits rose 3%", "are expected to rise again."],
        ),
        (
            "The economy grew for 50 quarters, he said, and was forecast to keep growing.",
            ["The economy grew for 50 quarters, he said", "was forecast to keep growing."],
        ),
        (
            "Sales of beer and wine fell, and could fall further.",
            ["Sales of beer and wine fell", "could fall further."],
        ),
        # An absolute phrase: "with" + its own subject and an -ing verb.
        (
            "The outlook was worst for the bloc, with growth forecasts slipping to 1.8%.",
            ["The outlook was worst for the bloc", "with growth forecasts slipping to 1.8%."],
        ),
    ],
)
def test_split_clauses(sentence: str, expected: list[str]) -> None:
    segments = split_clauses(sentence)
    assert_offsets(sentence, segments)
    assert [s.text for s in segments] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The firm sold 1,000,000 shares at 1,250p each.",
        '"We agree, but not now; later," he said.',
        "The deal (signed in May; ratified in June, but delayed) was approved.",
        "Victory is all but certain for the party.",
        "Not only exports but also imports rose.",
        "It was small but significant.",
        "But the ministry said nothing.",
        "Prices rose, yet",
        # "and" without a subject or a hedge of its own continues the same clause.
        "Profits rose, and were higher than a year ago.",
        "Sales of beer, and its price, fell.",
        # "and" joining subjects, not predicates; "with" without an -ing verb is no clause.
        "Profits and sales are expected to rise.",
        "Prices rose, with sales up 3% in May.",
        "The firm, with its rivals, is set to cut prices.",
        # "but" before the rest of the same predicate: by how much, or a figure.
        "Prices rose 15.1% over 2004, but by only 2.8% in the second half of the year.",
        "Sales rose in May but 3% less than in April.",
        "",
    ],
)
def test_split_clauses_keeps_whole(sentence: str) -> None:
    segments = split_clauses(sentence)
    assert_offsets(sentence, segments)
    assert [s.text for s in segments] == [sentence.strip()]


def test_line_col_and_index_agree() -> None:
    text = "first line\nsecond\n\nfourth line here\n"
    index = LineIndex(text)
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, text.index("second")) == (2, 1)
    assert line_col(text, text.index("line here")) == (4, 8)
    assert index.line_col(text.index("\n")) == (1, 11)
    assert index.line_col(len(text)) == (5, 1)
    rng = random.Random(7)
    for offset in (rng.randrange(len(text) + 1) for _ in range(200)):
        assert index.line_col(offset) == line_col(text, offset)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Durst is accused of possessing a revolver, which police allegedly found in his room.",
     ["which police allegedly found in his room"]),
    ("Getty is a son of J. Paul Getty, the oil baron who was thought to be the richest man.",
     ["who was thought to be the richest man"]),
    # A relative clause closed by a comma before the main verb ends there.
    ("Haleigh, who has been the face of the bill, was having seizures.", ["who has been the face of the bill"]),
    # A comma inside a trailing relative clause does not close it.
    ("He will report to Cerveny, who will make a finding, probably by late summer.",
     ["who will make a finding, probably by late summer"]),
    ("Two boys are in a coma -- perhaps from pesticide exposure, officials say -- during a trip.",
     ["perhaps from pesticide exposure, officials say"]),
    ("The plan (which may yet change) was approved.", ["which may yet change"]),
    ("Politicians underestimated the pushback, including companies with no record of support.",
     ["including companies with no record of support"]),
    ("The bill fixes the 'doc fix,' a method the government has used to keep pay up with inflation.",
     ["a method the government has used to keep pay up with inflation"]),
    ("He was freed after 30 years on death row for murders he says he didn't commit.", ["he says he didn't commit"]),
    ("They were detained shortly before events they had planned for the day.", ["they had planned for the day"]),
    # Commentary after a dash or comma: "-- something Clinton failed to do in 2008".
    ("Mook set out how they plan to win -- something Clinton failed to do in 2008.",
     ["something Clinton failed to do in 2008"]),
    ("He paid the fine in full, something he had not done before.", ["something he had not done before"]),
])
def test_embedded_spans(sentence: str, expected: list[str]) -> None:
    assert [sentence[a:b] for a, b in embedded_spans(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "Sales rose 5% last year, the firm said.",
    "Last week they said profits had risen.",  # a time noun before the pronoun: a main clause
    "Over the years he said little.",
    'He said "the firm, which is expected to grow, is sound".',  # inside a quote
    "It was a good year.",
    "He said something had gone wrong.",  # "something" as a subject, after no comma or dash
])
def test_embedded_spans_none(sentence: str) -> None:
    assert embedded_spans(sentence) == []


def test_split_clauses_at_a_dash_before_a_new_subject_and_a_second_that_clause() -> None:
    assert [s.text for s in split_clauses("The show was a hit — a first for TV — and it looks likely to return.")] \
        == ["The show was a hit — a first for TV", "it looks likely to return."]
    assert [s.text for s in split_clauses("He said his words were in jest, and that he meant no harm.")] \
        == ["He said his words were in jest", "that he meant no harm."]
    # "and that" without a subject after it stays whole.
    assert len(split_clauses("Evidence that sales rose and that profits fell was found.")) == 1


def test_fronted_time_and_concession_clauses() -> None:
    sentence = "When police answered the call last November, they found an alleged crime scene."
    assert [sentence[a:b] for a, b in embedded_spans(sentence)] == ["When police answered the call last November"]
    sentence = "The firm signed the deal in January, when it also accepted alleged debts."
    assert [sentence[a:b] for a, b in embedded_spans(sentence)] == ["when it also accepted alleged debts"]
    # Not a fronted clause: a short opener, or "when" inside the main clause.
    assert embedded_spans("When asked, he declined.") == []
    assert embedded_spans("Shares fell when the market opened.") == []


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        ("She was having seizures a day and the drugs meant to control them weren't helping her.",
         "the drugs meant to control them weren't helping her."),
        ("Profits rose 4% and the firm will not pay a dividend this year.",
         "the firm will not pay a dividend this year."),
        ("The Tories say the party would raise tax and Labour says the sums do not add up.",
         "Labour says the sums do not add up."),
        ("Investors in the UK, Holland and Luxembourg have 1% each and the remainder were not counted.",
         "the remainder were not counted."),
    ],
)
def test_coordinated_clause(sentence: str, second: str) -> None:
    cut = coordinated_clause(sentence, frozenset({"rose"}))
    assert cut is not None and sentence[cut[1]:] == second


@pytest.mark.parametrize(
    "sentence",
    [
        "Sales of cars and trucks were not strong in March.",  # a compound subject: no verb before "and"
        "Analysts said that the figures and the weak dollar may delay a rate rise.",
        "He said he and the other protesters would plead not guilty.",
        "Mr Kinnock said Mr Blair and Mr Brown could not deal with the frenzy.",
        "The gap between imports and exports was not closed last year.",
        "Profits rose 4% and fell again in May.",  # no subject of its own
        'He said "prices rose and the firm did not care" on Monday.',  # inside a quote
        "Prices rose and costs fell.",  # no auxiliary: nothing to hold a negation or hedge
    ],
)
def test_coordinated_clause_none(sentence: str) -> None:
    assert coordinated_clause(sentence, frozenset({"rose"})) is None


def test_coordinated_clause_needs_a_verb_in_the_first_clause() -> None:
    # "rose" is an irregular past form: without it the first clause shows no finite verb.
    assert coordinated_clause("Profits rose 4% and the firm will not pay a dividend.") is None
