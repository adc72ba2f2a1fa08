from __future__ import annotations

import pytest

from factcheck.text.terms import are_antonyms, content_terms, stem, term_of


def _term(word: str) -> str:
    term = term_of(word)
    assert term is not None
    return term


@pytest.mark.parametrize(
    ("forms"),
    [
        ("froze", "frozen", "freeze", "freezes", "freezing"),
        ("rose", "risen", "rise", "rises"),
        ("fell", "fallen", "falls"),
        ("grew", "grown", "grow"),
        ("spoke", "spoken", "speak", "speaks"),
        ("won", "win", "wins"),
        ("made", "make"),
        ("totalled", "total", "totalling"),  # British double l
        ("travelled", "travel", "travelling"),
        ("fuelled", "fuel"),
        ("introduction", "introduced", "introduce"),
        ("construction", "constructed"),
        ("approval", "approved"),
        ("publication", "published"),
        ("axed", "cut"),
        ("expenditure", "spending"),
        ("ex", "former"),
        ("subscriber", "subscribers", "subscription", "subscriptions", "subscribed", "subscribe"),
        ("prescription", "prescribed"),
        ("probe", "investigation", "inquiry"),
        ("secured", "obtained"),
        ("praised", "hailed"),
        ("allowed", "permitted"),
        ("bosses", "executives"),
    ],
)
def test_forms_meet(forms: tuple[str, ...]) -> None:
    assert len({_term(f) for f in forms}) == 1, {f: term_of(f) for f in forms}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("wine", "win"),  # a silent e on a four-letter word stays: wine is not victory
        ("left", "leave"),  # "left" is as often the side or the Left: not in the table
        ("threshold", "level"),  # only "the level at which" is a threshold
        ("description", "describe"),  # too short a root for the "-scription" family
        ("script", "subscribe"),
    ],
)
def test_forms_do_not_meet(a: str, b: str) -> None:
    assert term_of(a) != term_of(b)


def test_failing_to_is_negation_not_content() -> None:
    # "failed to meet" is read as a negation of "meet" (see text/cues.py), like "did not meet":
    # the phrase itself is no content word, while "failed" alone still is one.
    assert content_terms("the firm failed to meet its targets") == content_terms("the firm did not meet its targets")
    assert content_terms("it fails to pay") == content_terms("it does not pay")
    assert "fail" in content_terms("the firm failed the test")
    assert "failur" in content_terms("the plan was a failure")


def test_stem_of_irregular_forms() -> None:
    assert stem("froze") == stem("freeze") == stem("frozen")
    assert stem("totalled") == "total"
    assert stem("installed") == stem("install")
    # One-syllable stems keep their double l.
    assert stem("called") == stem("call") == "call"
    assert stem("spelled") == "spell"
    assert stem("instruction") == stem("instructed") == "instruct"


def test_phrase_synonyms() -> None:
    assert content_terms("the level at which buyers pay stamp duty") == content_terms(
        "the threshold buyers pay stamp duty")
    assert "~consecutive" in content_terms("50 quarters in a row")
    assert "~consecutive" in content_terms("50 consecutive quarters")
    assert "~threshold" not in content_terms("the level of tax")
    assert "~accelerate" in content_terms("the euro zone is expected to pick up speed")


def test_paraphrase_groups_meet_and_stay_apart() -> None:
    # Naming what something is.
    assert content_terms("analysts called the results modest") == content_terms(
        "analysts described the results as modest")
    # "call for" asks for something and "call off" cancels it: neither is describing.
    assert "~describe" not in content_terms("unions called for a strike")
    assert "~describe" not in content_terms("unions called off the strike")
    assert content_terms("unions called for a strike") == content_terms("unions demanded a strike")
    # Doing better than a mark.
    assert content_terms("profits beat forecasts") == content_terms("profits were better than forecasts")
    assert "~beat" not in content_terms("profits were better")
    # Phrasal rises and falls: "up" alone is a stop word, so the verb must carry the direction.
    assert content_terms("prices edged up") == content_terms("prices rose")
    assert content_terms("taxes must go up") == content_terms("taxes must rise")
    assert content_terms("sales went down") == content_terms("sales fell")
    assert "~rise" not in content_terms("the firm went on")
    # The civil service is its staff; the job group covers posts.
    assert content_terms("civil service jobs") == content_terms("civil servant posts")
    assert content_terms("civil service jobs") != content_terms("service jobs")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("unlawful", "lawful"),
        ("illegal", "lawful"),  # through the legal/lawful group
        ("illegal", "legal"),
        ("irregular", "regular"),
        ("inadequate", "adequate"),
        ("incorrect", "correct"),
        ("unemployed", "employed"),
        ("optimistic", "pessimistic"),
        ("raised", "cut"),
        ("backed", "rejected"),
        ("accelerate", "slowed"),
        ("major", "limited"),
    ],
)
def test_antonyms(a: str, b: str) -> None:
    assert are_antonyms(_term(a), _term(b))
    assert are_antonyms(_term(b), _term(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("unrest", "rest"),  # listed in not_negative
        ("income", "come"),  # "in-" before a plain word
        ("inform", "form"),
        ("inside", "side"),
        ("increase", "crease"),
        ("intent", "tent"),  # listed in not_negative
        ("lawful", "legal"),  # synonyms, not antonyms
        ("unlawful", "illegal"),
    ],
)
def test_not_antonyms(a: str, b: str) -> None:
    assert not are_antonyms(_term(a), _term(b))


@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        ("GDP is tipped to reach 4.2% in 2006", "reach", "tip"),
        ("Borrowing came in at £37bn", "came", "borrow"),
        ("Unemployment stood at about 5%", "stood", "unemploy"),
        # Without a figure after it, the verb is an ordinary word.
        ("The storm hit Florida", None, "hit"),
        ("They reached an agreement", None, "reach"),
    ],
)
def test_a_verb_that_only_states_a_figures_level(text: str, dropped: str | None, kept: str) -> None:
    terms = content_terms(text)
    assert kept in terms
    if dropped is not None:
        assert stem(dropped) not in terms and term_of(dropped) not in terms


def test_growth_beside_a_verb_of_change_is_no_rise() -> None:
    assert "~rise" in content_terms("Export growth of 5% in May")
    terms = content_terms("Economic growth fell to 2.1%")
    assert "~rise" not in terms and "growth" in terms and "~fall" in terms


def test_phrases_that_set_up_a_comparison_or_a_time() -> None:
    assert content_terms("0.1% higher compared with the previous quarter") == content_terms(
        "0.1% higher than the previous quarter")
    assert content_terms("ahead of the election") == content_terms("in the run-up to the election")
    assert content_terms("growth across its members") == content_terms("growth for its members")


def test_given_and_presented_are_one_act() -> None:
    assert content_terms("a statement was given in a written answer") == content_terms(
        "a statement was presented in a written answer")


def test_phrasal_paraphrases_and_new_as_fresh() -> None:
    assert content_terms("paid tribute to the staff") == content_terms("praised the staff")
    assert content_terms("looked at the accounts") == content_terms("examined the accounts")
    # "a fresh low" is "a new low": neither word is content.
    assert content_terms("a fresh low") == content_terms("a new low")


def test_more_paraphrases_meet() -> None:
    assert content_terms("couples settle disputes every year") == content_terms("couples resolve disputes each year")
    assert content_terms("observers think it close") == content_terms("observers believe it close")
    assert content_terms("the largest player") == content_terms("the biggest player")
    # A firm that posted a rise reported it; it has no post (job).
    assert content_terms("Wipro posted a 60% jump in profit") == content_terms("Wipro a 60% jump in profit")


def test_posts_before_a_figure_reports_a_result() -> None:
    # "posts 122% jump" states a result; "300 posts" are jobs.
    assert "~job" not in content_terms("Umbro posts 122% jump in annual profit")
    assert "~job" in content_terms("Some 300 posts will go")
