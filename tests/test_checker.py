"""Rules of the checker on the seed knowledge base: each verdict, with the detail that decides it."""

from __future__ import annotations

import time

import pytest

from factcheck.api import checker_for, load_claims
from factcheck.checker import MAX_ASSERTION_CHARS, Checker
from factcheck.models import KnowledgeBase, Verdict
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def checker() -> Checker:
    return checker_for(load_claims(ROOT / "claims.yaml"))


@pytest.mark.parametrize(("text", "verdict", "kinds"), [
    # Bounds: the source's 28,500 satisfies "more than 28,000" and "about 28,500", not "more than 30,000".
    ("There are more than 28,000 US troops in South Korea", "supported", []),
    ("About 28,500 US troops are stationed in South Korea", "supported", []),
    ("There are more than 30,000 US troops in South Korea", "contradicted", ["number"]),
    ("45,000 US troops stationed in South Korea", "contradicted", ["number"]),
    # A figure the source gives about another place is not evidence.
    ("28,500 US troops stationed in Japan", "unverified", ["entity"]),
    # Stated as done what the source only reports as considered, by the WSJ.
    ("US withdrawing 4,500 troops", "unverified", ["certainty", "attribution"]),
    ("WSJ: US weighs pulling 4,500 troops from South Korea", "supported", []),
    ("NYT: US weighs pulling 4,500 troops from South Korea", "contradicted", ["attribution"]),
    # Roles, polarity, antonyms, dates.
    ("State Department spokesperson Sean Parnell denied the report", "contradicted", ["role"]),
    ("Seoul confirms talks with US on troop withdrawal", "contradicted", ["negation"]),
    ("Parnell confirmed the report", "contradicted", ["negation"]),
    ("South Korea will hold a snap election on June 4", "contradicted", ["date"]),
    ("No talks held on US troop withdrawal, says Seoul", "supported", []),
])
def test_rules(checker: Checker, text: str, verdict: str, kinds: list[str]) -> None:
    result = checker.check(text)
    assert result.verdict.value == verdict, result.reason
    found = {d.kind.value for d in result.differences}
    assert set(kinds) <= found, (found, result.reason)
    if verdict != "unverified" or kinds:
        assert result.evidence and result.claim_id and result.source is not None
        assert result.source.line > 0


def test_contradiction_suggests_the_source_figure(checker: Checker) -> None:
    result = checker.check("45,000 US troops stationed in South Korea")
    assert result.suggestion == "28,500 US troops stationed in South Korea"


def test_certainty_gap_names_the_report_and_its_denial(checker: Checker) -> None:
    reason = checker.check("US withdrawing 4,500 troops").reason
    assert "Wall Street Journal" in reason
    assert "denied by Sean Parnell" in reason


def test_unrelated_assertion_has_no_evidence(checker: Checker) -> None:
    result = checker.check("The Bank of England raised interest rates to 5%")
    assert result.verdict.value == "unverified"
    assert result.evidence is None


def test_overlong_input_is_answered_quickly_and_never_supported(checker: Checker) -> None:
    text = "There are 28,500 US troops stationed in South Korea and " * 20_000
    assert len(text) > MAX_ASSERTION_CHARS
    start = time.perf_counter()
    result = checker.check(text)
    assert time.perf_counter() - start < 1.0
    assert result.verdict.value == "unverified"


def test_empty_knowledge_base_leaves_everything_unverified() -> None:
    result = Checker(KnowledgeBase()).check("There are 28,500 US troops in South Korea")
    assert result.verdict.value == "unverified"


def test_indexed_antonym_lookup_agrees_with_are_antonyms(checker: Checker) -> None:
    # The aligner finds a flipping word by set lookups; it must name exactly the term a test of
    # every claim term with are_antonyms would (the first in sorted order), including prefix forms.
    from factcheck.checker import _antonym_in
    from factcheck.models import Claim, Source
    from factcheck.text.terms import are_antonyms, content_terms

    words = " ".join(claim.sentence for claim in checker.kb.claims)
    words += " unlawful illegal inadequate irregular rose fell confirmed denied won lost agreed rejected"
    prepared = checker._prepare(Claim(id="x", source="s", sentence=words, line=1), Source(id="s", title=""))
    probes = sorted(prepared.terms) + content_terms("lawful legal adequate regular rise fall confirm deny win lose")
    found = 0
    for term in probes:
        expected = next((t for t in sorted(prepared.terms) if are_antonyms(term, t)), None)
        assert _antonym_in(term, prepared) == expected, term
        found += expected is not None
    assert found >= 10  # the probes do meet antonyms, so the comparison is not vacuous


# ---------------------------------------------------------------- rules on small invented articles


def _expect(text: str, verdict: str, body: str, title: str = "Council budget agreed") -> None:
    """Check ``text`` against a one-story knowledge base of ``body`` and assert the verdict."""
    result = _checker_of(body, title=title).check(text)
    assert result.verdict.value == verdict, result.reason


def _checker_of(body: str, title: str = "Council budget agreed") -> Checker:
    from factcheck.api import build_kb

    return Checker(build_kb([("art", "art.txt", f"{title}\n\n{body}\n")]))


@pytest.mark.parametrize(("text", "verdict"), [
    # No publication date: the months stay unresolved, yet they are still compared.
    ("The mayor froze parking fees until October.", "contradicted"),
    ("The mayor froze parking fees until March.", "supported"),
    # Day and month, unresolved: another day of the same month is a conflict, the same day a match.
    ("On 14 May the council approved the new library.", "contradicted"),
    ("On 12 May the council approved the new library.", "supported"),
    # A month-only assertion is matched by the source's more precise day of that month.
    ("In May the council approved the new library.", "supported"),
    # "N years ago" against another count of years.
    ("The tram line was opened four years ago.", "contradicted"),
    ("The tram line was opened six years ago.", "supported"),
    # A date the source does not give at all stays unverified.
    ("The council approved the new library last week.", "unverified"),
])
def test_unresolved_dates_are_compared_by_what_they_name(text: str, verdict: str) -> None:
    checker = _checker_of("The mayor froze parking fees until March. "
                          "On 12 May the council approved the new library. "
                          "The tram line was opened six years ago.")
    result = checker.check(text)
    assert result.verdict.value == verdict, result.reason
    if verdict == "contradicted":
        assert "date" in {d.kind.value for d in result.differences}


@pytest.mark.parametrize(("text", "verdict"), [
    # Another office named for the same post, in an otherwise identical sentence.
    ("The country will elect a new prime minister in a snap election.", "contradicted"),
    ("The country will elect a new president in a snap election.", "supported"),
    # A generic word that covers the office is no swap ("minister" is not an office of its own).
    ("Lord Smith met Home Secretary Jane Doe on Tuesday.", "contradicted"),
    ("Lord Smith met Home Office Minister Jane Doe on Tuesday.", "supported"),
])
def test_another_office_for_the_same_post_is_contradicted(text: str, verdict: str) -> None:
    checker = _checker_of("The country will elect a new president in a snap election. "
                          "Lord Smith met Home Office Minister Jane Doe on Tuesday.")
    result = checker.check(text)
    assert result.verdict.value == verdict, result.reason
    if verdict == "contradicted":
        assert "role" in {d.kind.value for d in result.differences}


def test_a_wrong_role_is_contradicted_not_left_unverified_for_its_missing_words() -> None:
    checker = _checker_of("Sir Tom Jones, head of the Audit Office, said the rules had not been applied.")
    wrong = checker.check("Sir Tom Jones, head of the Housing Agency, said the rules had not been applied.")
    assert wrong.verdict.value == "contradicted", wrong.reason
    assert "role" in {d.kind.value for d in wrong.differences}
    # The right role, and an assertion off the topic of the sentence, are not contradicted.
    assert checker.check("Sir Tom Jones, head of the Audit Office, said the rules had not been "
                         "applied.").verdict.value == "supported"
    assert checker.check("Sir Tom Jones, head of the Housing Agency, opened a new bridge in "
                         "Leeds.").verdict.value == "unverified"


def test_a_lower_case_name_is_looked_up_among_the_claim_names() -> None:
    checker = _checker_of("Vincent Cable, for the Liberal Democrats, accused Mr Brown of ducking tough choices.")
    result = checker.check("vincent cable of the liberal democrats accused brown of ducking tough choices")
    assert result.verdict.value == "supported", result.reason
    # The raw word only counts where the claim's names hold it, not as any word of the sentence.
    other = checker.check("vincent cables of the liberal democrats accused brown of ducking tough choices")
    assert other.verdict.value != "supported", other.reason


def test_a_negation_inside_a_reason_clause_does_not_flip_the_main_predicate() -> None:
    checker = _checker_of("Party leader Anna Berg said the mayor had failed the housing test as there "
                          "were no measures to build new homes.")
    assert checker.check("Party leader Anna Berg said the mayor had failed the housing test.").verdict.value \
        == "supported"
    # The clause the negation belongs to still carries it: affirming it contradicts the source.
    flipped = checker.check("Party leader Anna Berg said there were measures to build new homes.")
    assert flipped.verdict.value == "contradicted", flipped.reason
    # And the main predicate negated is still the opposite of the source.
    negated = checker.check("Party leader Anna Berg said the mayor had not failed the housing test.")
    assert negated.verdict.value == "contradicted", negated.reason


def test_the_speaker_counts_as_an_entity_of_the_claim() -> None:
    checker = _checker_of("Gordon Green is the finance chief of the city. "
                          "The budget had balanced for 12 consecutive years, he said.")
    result = checker.check("Green said the budget had balanced for 12 consecutive years.")
    assert result.verdict.value == "supported", result.reason
    other = checker.check("Smith said the budget had balanced for 12 consecutive years.")
    assert other.verdict.value != "supported", other.reason


def test_a_clause_borrows_the_subject_of_its_sentence_only_when_it_names_none() -> None:
    checker = _checker_of("Mr Green put 2p on a litre of diesel but froze parking fees until March. "
                          "Mrs Brown raised bus fares but Mr White cut tram fares by 10%.")
    result = checker.check("Green froze parking fees until March.")
    assert result.verdict.value == "supported", result.reason
    # The second clause names its own person: the first clause's subject is not its subject.
    other = checker.check("Brown cut tram fares by 10%.")
    assert other.verdict.value != "supported", other.reason


def test_a_lower_case_first_word_of_a_longer_name_is_that_name() -> None:
    checker = _checker_of("British Airways has blamed high fuel prices for a 40% drop in profits.")
    result = checker.check("british airways blamed high fuel prices for a 40% drop in profits")
    assert result.verdict.value == "supported", result.reason
    # The demonym alone, followed by other words, is not the airline.
    other = checker.check("british officials blamed high fuel prices for a 40% drop in profits")
    assert other.verdict.value != "supported", other.reason


def test_a_title_and_a_name_are_not_a_conflict_of_speakers() -> None:
    checker = _checker_of("Some 400 council posts have been axed, the mayor said.")
    # The source does not say who the mayor is: naming someone is unverified, not contradicted.
    named = checker.check("Some 400 council posts have been axed, Jane Hill said.")
    assert named.verdict.value == "unverified", named.reason
    assert checker.check("Some 400 council jobs have been cut, the mayor said.").verdict.value == "supported"
    # Two different titles, or two different names, still conflict.
    other = checker.check("Some 400 council posts have been axed, the governor said.")
    assert other.verdict.value == "contradicted", other.reason


def test_a_claim_without_a_company_borrows_the_one_the_article_opens_with() -> None:
    checker = _checker_of("Acme Corp has reported record sales for the Christmas period. "
                          "Turnover for the quarter was up 4.3% on a year ago.", title="Acme sales rise")
    result = checker.check("Acme Corp said turnover for the quarter was up 4.3% on a year ago.")
    assert result.verdict.value != "contradicted"
    result = checker.check("Acme Corp turnover for the quarter was up 4.3% on a year ago.")
    assert result.verdict.value == "supported", result.reason
    other = checker.check("Bolt Group turnover for the quarter was up 4.3% on a year ago.")
    assert other.verdict.value != "supported", other.reason


def test_no_company_is_borrowed_when_the_opening_names_two() -> None:
    checker = _checker_of("Acme Corp has agreed to buy Bolt Group for £2bn. "
                          "Turnover for the quarter was up 4.3% on a year ago.", title="Acme buys Bolt")
    result = checker.check("Acme Corp turnover for the quarter was up 4.3% on a year ago.")
    assert result.verdict.value != "supported", result.reason


def test_a_claim_naming_another_company_borrows_none() -> None:
    checker = _checker_of("Acme Corp has reported record sales for the Christmas period. "
                          "Bolt Group said turnover for the quarter was up 4.3% on a year ago.",
                          title="Acme sales rise")
    result = checker.check("Acme Corp said turnover for the quarter was up 4.3% on a year ago.")
    assert result.verdict.value != "supported", result.reason


def test_a_figure_a_hedge_binds_is_no_evidence_for_a_plain_statement() -> None:
    checker = _checker_of("Borrowing for the year was £35bn, £2.5bn less than the £37.5bn predicted "
                          "in the spring budget.")
    assert checker.check("Borrowing for the year was £35bn.").verdict.value == "supported"
    result = checker.check("Borrowing for the year was £37.5bn.")
    assert result.verdict.value == "contradicted", result.reason
    assert result.differences and result.differences[0].source == "£35bn"


# ---------------------------------------------------------------- lower-cased copy, speakers, schedules

_HARBOUR = ("The Harbour Department of Transport said the new ferry will enter service on 3 June. "
            "Sky watchers in western North America saw the comet on Tuesday. "
            "A survey by Green Ports found that 40% of ferries run late. "
            "The Marine Board insists it does not need approval for the new pier. "
            "Mr Dale said he was set to meet his targets this year. "
            "Readers of Paris Match voted for the old harbour.")


@pytest.mark.parametrize(("text", "verdict"), [
    # Lower-cased words that the source has inside a name are its words.
    ("the harbour department of transport said the new ferry will enter service on 3 june.", "supported"),
    ("sky watchers in western north america saw the comet on tuesday.", "supported"),
    # ... but a part of a longer name is not that name.
    ("readers of paris voted for the old harbour.", "unverified"),
    # A schedule an authority announces is a statement of record: dropping who said it is fine ...
    ("The new ferry will enter service on 3 June.", "supported"),
    ("The new ferry will enter service on 4 June.", "contradicted"),
    # ... a speaker's promise about his own conduct is not.
    ("Mr Dale will meet his targets this year.", "unverified"),
    # A speaker written in lower case is the same speaker.
    ("the marine board says it does not need approval for the new pier.", "supported"),
    # The subject a sentence opens with may be named as the speaker of a headline.
    ("Survey: 40% of ferries run late", "supported"),
    ("Survey: 50% of ferries run late", "contradicted"),
    ("Ministers: 40% of ferries run late", "unverified"),
])
def test_lower_case_names_speakers_and_schedules(text: str, verdict: str) -> None:
    result = _checker_of(_HARBOUR, title="Harbour news").check(text)
    assert result.verdict.value == verdict, result.reason


@pytest.mark.parametrize("speaker", ["the group", "the singer", "his lawyer"])
def test_a_described_speaker_is_not_contradicted_by_a_named_one(speaker: str) -> None:
    checker = _checker_of("Ms Vale said the festival would return in August.", title="Festival news")
    result = checker.check(f"{speaker} said the festival would return in August.")
    assert result.verdict.value == "unverified", result.reason
    named = checker.check("Mr Cole said the festival would return in August.")
    assert named.verdict.value == "contradicted", named.reason


@pytest.mark.parametrize(("text", "verdict"), [
    ("aaron hale pleaded guilty to the charge.", "supported"),
    ("aaron hale pleaded not guilty to the charge.", "contradicted"),
    # Two people of one surname: the short form could be either.
    ("jane marsh was released on bail.", "unverified"),
])
def test_a_lower_case_full_name_meets_the_surname_the_article_uses(text: str, verdict: str) -> None:
    _expect(text, verdict, "Aaron Hale, a singer, was charged in May. Hale pleaded guilty to the charge. "
            "Tom Marsh and Jane Marsh were arrested. Marsh was released on bail.",
            title="Court news")


@pytest.mark.parametrize(("text", "verdict"), [
    ("Harbour traffic rose 12% in 2004.", "supported"),
    ("Harbour traffic rose 15% in 2004.", "contradicted"),
    ("Harbour traffic rose 12% in 2003.", "contradicted"),
    # Another year and another figure: another period of the series, not a dispute.
    ("Harbour traffic rose 15% in 2003.", "unverified"),
    # A plan is another event than a deed.
    ("The port plans to cut 500 jobs.", "unverified"),
    ("The port has cut 400 jobs.", "contradicted"),
])
def test_a_figure_of_another_occasion_is_no_contradiction(text: str, verdict: str) -> None:
    _expect(text, verdict, "Harbour traffic rose 12% in 2004. The port has cut 300 jobs since 2001.",
            title="Port results")


@pytest.mark.parametrize(("text", "verdict"), [
    # A rival named elsewhere in the same story, put in the place of the source's actor.
    ("Ann Lowe attacked the tram plan, dubbing it a folly.", "contradicted"),
    ("Ann Lowe called the tram plan a folly.", "contradicted"),
    # A person the story never names is unknown, not a rival.
    ("Bob Stone attacked the tram plan, dubbing it a folly.", "unverified"),
    ("The Greens attacked the tram plan, dubbing it a folly.", "supported"),
])
def test_a_rival_from_the_same_story_contradicts(text: str, verdict: str) -> None:
    _expect(text, verdict, "The Greens attacked the tram plan, dubbing it a folly. "
            "Ann Lowe praised the mayor's budget.", title="Tram plan row")


_STUDIO = ("The studio decided to sell the film to a cable channel rather than book it into cinemas. "
           "Can the council sue the builder for the delays? "
           "Mayor Alan Price praised the decision by Judge Mary Holt.")


@pytest.mark.parametrize(("text", "verdict"), [
    ("The studio decided to sell the film to a cable channel.", "supported"),
    # The alternative the source turns down, stated as what was done.
    ("The studio decided to book the film into cinemas.", "contradicted"),
    ("The studio chose a cable channel rather than cinemas.", "unverified"),
    # A question states nothing.
    ("The council can sue the builder for the delays.", "unverified"),
    # A name given twice where the source gives it once.
    ("Mayor Alan Price praised the decision by Judge Mary Holt.", "supported"),
    ("alan price praised the decision by alan price.", "unverified"),
])
def test_rejected_alternatives_questions_and_doubled_names(text: str, verdict: str) -> None:
    result = _checker_of(_STUDIO, title="Studio news").check(text)
    assert result.verdict.value == verdict, result.reason


_LOANS = ("Mortgage approvals slowed sharply last month, the central bank said. "
          "New loans in November fell to 7,000, from 8,500 in October, the bank said. "
          "Lenders in Leeds reported strong demand.")


@pytest.mark.parametrize(("text", "verdict"), [
    # The topic word comes from the sentence before.
    ("New mortgage loans fell to 7,000 in November, the bank said.", "supported"),
    # The starting figure's month is not the month of the new figure.
    ("New mortgage loans fell to 7,000 in October, the bank said.", "contradicted"),
    # A place named in a neighbouring sentence is a detail, not topic to borrow.
    ("new loans in leeds fell to 7,000 in november, the bank said.", "unverified"),
    # Two words the sentence lacks are more than topic.
    ("New mortgage loans to landlords fell to 7,000 in November, the bank said.", "unverified"),
])
def test_neighbouring_sentences_lend_the_topic_not_the_details(text: str, verdict: str) -> None:
    result = _checker_of(_LOANS, title="Lending news").check(text)
    assert result.verdict.value == verdict, result.reason


_AIRLINE = ("Northern Airways has reported a 20% drop in profits. "
            "Turnover for the quarter was up 4.3% to £1.9bn, helped by a rise in cargo revenue. "
            "Fuel costs rose by £106m or 47.3% in the quarter. "
            "At least four people were hurt and 18 injured in the storm.")


@pytest.mark.parametrize(("text", "verdict"), [
    # The company the story is about, by its initials, for a sentence that does not name it.
    ("NA's quarterly turnover rose 4.3% to £1.9bn.", "supported"),
    # A figure the source gives for another thing ("fuel costs") is no contradiction ...
    ("NA's quarterly turnover rose 5.1%.", "contradicted"),
    ("Fuel costs rose by 40% in the quarter.", "contradicted"),
    # ... nor support for a subject the source ties to another clause.
    ("NA's cargo revenue rose 4.3% in the quarter.", "unverified"),
    # The same figure first: 18 is the source's 18, not its "at least four".
    ("18 injured in the storm.", "supported"),
])
def test_figures_are_bound_to_what_they_count(text: str, verdict: str) -> None:
    result = _checker_of(_AIRLINE, title="Northern Airways profits fall").check(text)
    assert result.verdict.value == verdict, result.reason
    if "turnover" in text:
        assert result.evidence is not None and result.evidence.startswith("Turnover"), result.reason


@pytest.mark.parametrize(("text", "verdict"), [
    ("seventeen of the 30 counts were capital charges.", "supported"),
    ("Twenty of the 30 counts were capital charges.", "contradicted"),
    # Two figures of one noun with words of their own are not a partitive: each keeps its words.
    ("The draft has 237 lines of typed text.", "contradicted"),
    ("The draft has 26 lines of typed text.", "supported"),
])
def test_a_partitive_shares_its_noun(text: str, verdict: str) -> None:
    _expect(text, verdict, "Seventeen of the 30 counts were capital charges. "
            "The draft has 237 lines of manuscript and 26 lines of typed text.", title="Court")


_SHOOTING = ("Mr Lane was shot and wounded by police officers, but his injuries are not life threatening, "
             "a spokesman said. Two other men were arrested at the scene.")


@pytest.mark.parametrize(("text", "verdict"), [
    # Each clause of a compound assertion stated in the source.
    ("Mr Lane was shot and wounded by police officers, but his injuries are not life threatening.", "supported"),
    ("Mr Lane was shot by police officers, and two other men were arrested at the scene.", "supported"),
    # One clause wrong makes the whole wrong, and the reason says which.
    ("Mr Lane was shot by police officers, but his injuries are life threatening.", "contradicted"),
    ("Mr Lane was shot by police officers, and three other men were arrested at the scene.", "contradicted"),
    # One clause the source does not give leaves it unverified.
    ("Mr Lane was shot by police officers, and the city declared a day of mourning.", "unverified"),
])
def test_a_compound_assertion_is_checked_clause_by_clause(text: str, verdict: str) -> None:
    result = _checker_of(_SHOOTING, title="Shooting").check(text)
    assert result.verdict.value == verdict, result.reason
    assert result.text == text
    if verdict == "contradicted":
        assert result.reason.startswith("In '") or result.suggestion, result.reason


@pytest.mark.parametrize(("text", "verdict"), [
    ("Mr King was back home resting, his publicist said.", "supported"),
    ("Mr King was back home resting.", "supported"),
    # The speaker made the subject of what she said.
    ("Angela Moore was back home resting.", "unverified"),
    ("angela moore was back home resting.", "unverified"),
])
def test_the_speaker_is_not_the_subject_of_what_she_said(text: str, verdict: str) -> None:
    _expect(text, verdict, "Blues singer Ben King fell ill on Monday. Angela Moore, a publicist for Mr King, "
            "said later that he was back home resting.", title="Singer recovering")


@pytest.mark.parametrize(("text", "verdict"), [
    ("Strong growth at Nova Mobile has boosted profits at its owner, Telco Group.", "supported"),
    # Who owns whom, swapped: every word and name is there.
    ("Strong growth at Telco Group has boosted profits at its owner, Nova Mobile.", "contradicted"),
])
def test_which_side_of_a_relation_a_name_is_on(text: str, verdict: str) -> None:
    _expect(text, verdict, "Strong growth at mobile network Nova Mobile has helped boost profits at owner "
            "Telco Group.", title="Telco results")


@pytest.mark.parametrize(("text", "verdict"), [
    # A name before the counted noun does not replace it.
    ("Telco to sell 8% Pagina stake", "supported"),
    ("Telco to sell 9% Pagina stake", "contradicted"),
    ("Telco has taken delivery of six Airbus A321 aircraft.", "supported"),
    ("Telco has taken delivery of 13 Airbus A321 aircraft.", "contradicted"),
    # A relative clause's figure is about the noun before it ("profits, which showed a 5.5% rise").
    ("Telco profits up 8.5% at 18.3bn euros", "contradicted"),
    ("Telco profits up 5.5% at 18.3bn euros", "supported"),
])
def test_what_a_figure_counts_reads_past_names_and_relative_clauses(text: str, verdict: str) -> None:
    _expect(text, verdict, "Telco said it would fund the deal by selling an 8% stake in directory firm Pagina. "
            "Broadband take-up boosted Telco's profits, which showed a 5.5% rise to 18.3bn euros. "
            "Telco has taken delivery of six Airbus A321 aircraft.", title="Telco results")


@pytest.mark.parametrize(("text", "verdict"), [
    # "The firm" is the company the story is about.
    ("Nova Telecom said it had met its main objectives.", "supported"),
    ("Acme Holdings said it had met its main objectives.", "contradicted"),
    # The employer in the asserted role, where the article is about it.
    ("Nova Telecom chief executive Tom Hale said costs were falling.", "supported"),
    ("Nova Telecom finance director Tom Hale said costs were falling.", "contradicted"),
])
def test_described_speakers_and_roles_with_the_employer(text: str, verdict: str) -> None:
    _expect(text, verdict, "Nova Telecom reported higher profits. The firm said it had met its main "
            "objectives. Chief executive Tom Hale said costs were falling.",
            title="Nova Telecom results")


@pytest.mark.parametrize(("text", "verdict"), [
    # A prediction against a forecast: no fact to contradict it with.
    ("Port revenue will rise by 6% next year.", "unverified"),
    # A figure stated as done against a considered report still meets the report's figure.
    ("The port is cutting 900 jobs.", "contradicted"),
    # Figures of another thing, and their words of change, answer nothing.
    ("Port profits will fall 40%.", "unverified"),
])
def test_predictions_forecasts_and_other_things(text: str, verdict: str) -> None:
    _expect(text, verdict, "The port had previously forecast a 2% to 3% rise in revenue next year. "
            "The port is considering cutting 450 jobs, a newspaper reported.", title="Port outlook")


@pytest.mark.parametrize(("text", "verdict"), [
    # The headline's country, for a sentence that names no place but a comparison.
    ("Norwegian women can expect to live to 85.", "supported"),
    # The figure of another subject in the same sentence ("men until 78").
    ("Norwegian men can expect to live until 85.", "contradicted"),
    ("Swedish women can expect to live to 85.", "unverified"),
])
def test_the_headline_place_and_a_figure_of_another_subject(text: str, verdict: str) -> None:
    _expect(text, verdict, "Women can expect to live until 85, men until 78, four years longer than Americans.",
            title="Norway's ageing workforce")


@pytest.mark.parametrize(("text", "verdict"), [
    ("Inflation will be under 2% next year, the minister forecast.", "supported"),
    # "under 2%" is not met by 2%.
    ("Inflation will be under 2% in the years to follow, the minister forecast.", "contradicted"),
    ("Inflation will be more than 2% in the years to follow, the minister forecast.", "contradicted"),
    ("Inflation will be 2% in the years to follow, the minister forecast.", "supported"),
])
def test_strict_bounds_exclude_their_own_figure(text: str, verdict: str) -> None:
    _expect(text, verdict, "Inflation would be 1.75% next year and 2% in the years to follow, the minister forecast.",
            title="Budget outlook")


@pytest.mark.parametrize(("text", "verdict"), [
    # The rejection belongs to the second clause only.
    ("The Greens have unveiled a points system for migrants who want to work in the region but have rejected "
     "migration quotas.", "supported"),
    ("The Greens have rejected a points system for migrants who want to work in the region.", "contradicted"),
])
def test_a_negation_in_one_clause_of_a_compound_assertion(text: str, verdict: str) -> None:
    _expect(text, verdict, "The Greens have unveiled their own \"points system\" for ensuring migrants who want to "
            "work in the region have skills that are required, but have rejected migration quotas.",
            title="Migration plan")


@pytest.mark.parametrize(("text", "verdict"), [
    ("Seoul and Washington agreed on a five-year plan for defence cost sharing.", "supported"),
    ("south korea and washington agreed on a five-year plan for defence cost sharing.", "supported"),
    # "South" alone is no name of the claim's "Seoul", though "South Korea" is.
    ("Seoul and South agreed on a five-year plan for defence cost sharing.", "unverified"),
])
def test_a_word_of_a_name_needs_the_rest_of_the_name(text: str, verdict: str) -> None:
    _expect(text, verdict, "Seoul and Washington agreed on a five-year plan for defence cost sharing last year.",
            title="South Korea defence talks")


@pytest.mark.parametrize(("text", "verdict"), [
    ("A report said moving some units to the coast was one option being considered.", "supported"),
    ("A report said moving some units to the coast was two options being considered.", "unverified"),
])
def test_the_word_one_where_the_source_reads_it_as_no_figure(text: str, verdict: str) -> None:
    _expect(text, verdict, "The report said that one potential option under consideration was moving some units "
            "to the coast.", title="Army review")


@pytest.mark.parametrize(("text", "verdict"), [
    # "the report" is the one the article named before.
    ("Army spokesman John Reed denied the Daily Post report.", "supported"),
    ("Army spokesman John Reed confirmed the Daily Post report.", "contradicted"),
    # Another outlet's report is not that one.
    ("Army spokesman John Reed denied the New York Times report.", "unverified"),
])
def test_the_report_is_the_one_named_before(text: str, verdict: str) -> None:
    _expect(text, verdict, "The Daily Post reported that the army was considering closing two bases. "
            "Army spokesman John Reed later denied the report.", title="Army bases")


@pytest.mark.parametrize(("text", "verdict"), [
    # Each asserted figure is bound by its own words, not by the other figure's.
    ("Women can expect to live to 85 and men to 78.", "supported"),
    ("Women can expect to live to 78 and men to 85.", "contradicted"),
])
def test_each_of_two_asserted_figures_keeps_its_own_words(text: str, verdict: str) -> None:
    _expect(text, verdict, "Women can expect to live until 85, men until 78, four years longer than Americans.",
            title="Ageing workforce")


@pytest.mark.parametrize(("text", "verdict"), [
    ("The moon began moving into Earth's shadow.", "supported"),
    # The head the source's word only modifies is left out: another thing.
    ("The moon began moving into Earth.", "unverified"),
    ("Payments to Medicare providers have been a thorny issue for years.", "supported"),
    ("Payments to Medicare have been a thorny issue for years.", "unverified"),
    # A possessive before a figure, or a verb after a name, is no such head.
    ("Japan has 23,000 centenarians.", "supported"),
])
def test_a_word_that_only_modifies_a_left_out_head(text: str, verdict: str) -> None:
    _expect(text, verdict, "It started at 3:16 a.m., when the moon began moving into Earth's shadow. "
            "Payments to Medicare providers have been a thorny issue for years. "
            "Japan's 23,000 centenarians are growing in number.", title="Sky and health")


def test_a_year_brings_forward_the_claim_that_gives_it() -> None:
    fillers = " ".join(f"House prices in region {n} fell by {n}.5% in December, the lender said." for n in range(12))
    checker = _checker_of(fillers + " The bank stood by its prediction that prices would fall by 2% in 2005.",
                          title="House prices")
    result = checker.check("The lender predicts house prices will fall by 5% in 2005.")
    assert result.evidence is not None and "2005" in result.evidence, result.reason


@pytest.mark.parametrize(("text", "verdict"), [
    # Each year keeps its own figure: both details being in the sentence is not enough.
    ("Output growth is expected at 2.4% in 2022.", "contradicted"),
    ("Output growth is expected at 1.9% in 2023.", "supported"),
    # "growth" names the rate the figure measures; bounds are read against that year's figure.
    ("Output growth is expected to exceed 2% in 2021.", "supported"),
    ("Output growth is expected to be below 2% in 2023.", "supported"),
    ("Output growth is expected to exceed 2% in 2022.", "contradicted"),
    # A verb joined to its figure by "to" is that figure's, and "reach" only states the level.
    ("Sales are forecast to fall to 5% in 2022.", "supported"),
    ("Sales are forecast to rise to 5% in 2022.", "contradicted"),
    ("Sales are tipped to reach 5.5% in 2023.", "supported"),
    # One change's two ends share its date.
    ("Forecasts for Italian growth were cut to 1.2% in 2022 from 1.6%.", "supported"),
    ("New orders fell to 41,000 in May from 44,000 in April, the agency said.", "supported"),
    ("New orders fell to 44,000 in May, the agency said.", "contradicted"),
])
def test_a_year_keeps_its_own_figure(text: str, verdict: str) -> None:
    _expect(text, verdict, "Output is expected at 2.4% in 2021, and 1.9% in both 2022 and 2023. "
            "Sales are forecast to be 6.1% this year, falling to 5% in 2022, before rising again to "
            "5.5% in 2023. Forecasts for Italian growth were cut to 1.2% from 1.6% in 2022. "
            "New orders in May fell to 41,000, from 44,000 in April, the agency said.",
            title="Economic outlook")


@pytest.mark.parametrize(("text", "verdict"), [
    ("Borrowing came in at more than £30bn.", "supported"),
    ("Borrowing came in at more than £40bn.", "contradicted"),
    ("Delays on the projects came to more than 50 months.", "supported"),
])
def test_a_verb_that_only_states_a_level(text: str, verdict: str) -> None:
    _expect(text, verdict, "Borrowing was £35bn last year. Delays on the projects totalled 62 months.",
            title="Public finances")


@pytest.mark.parametrize(("text", "verdict"), [
    # A place written before a name is that name's ("Dublin-based Arvana"), not the partner's.
    ("Shares in Dublin-based Arvana fell 30%.", "supported"),
    ("Shares in US-based Arvana fell 30%.", "contradicted"),
    # Clauses set against each other ("…, while …") each keep their figure and their names.
    ("Korvex shed 12%.", "supported"),
    ("shares in arvana fell 12% on the stock exchange", "contradicted"),
    ("Shares in Korvex fell 30%.", "unverified"),
])
def test_names_and_places_bind_to_their_own_figures(text: str, verdict: str) -> None:
    _expect(text, verdict, "On the stock exchange, shares in Dublin-based Arvana fell 30% while its US partner "
            "Korvex shed 12%.", title="Drug shares slump")


@pytest.mark.parametrize(("text", "verdict"), [
    # "unlikely" negates what it hedges.
    ("Analysts said the figures were unlikely to change the bank's policy.", "supported"),
    ("Analysts said the figures were likely to change the bank's policy.", "contradicted"),
    # Two people's descriptions exchanged.
    ("Ex-Labour MP Jane Roe has appealed for the release of aid worker John Doe.", "supported"),
    ("Aid worker Jane Roe has appealed for the release of ex-Labour MP John Doe.", "contradicted"),
    # An indirect question asks; it states nothing.
    ("Patients will still be charged for parking.", "unverified"),
    # A share is a share of something: "60% of drivers" is not "60% of Scots".
    ("The plan helps the 60% of drivers who want to switch to electric cars.", "supported"),
    ("About 60% of Scots are drivers.", "unverified"),
    # The subject of what was said: "it" (Calder) is not Mirova.
    ("Calder said Mirova was likely to end the supply deal.", "supported"),
    ("Calder said it was likely to end the supply deal with Mirova Pharmaceutical.", "contradicted"),
])
def test_who_is_said_to_do_what(text: str, verdict: str) -> None:
    _expect(text, verdict, "Analysts said the figures were unlikely to change the bank's policy. "
            "Ex-Labour MP Jane Roe has appealed for the release of aid worker John Doe, kidnapped in "
            "Iraq. She asked whether patients would still be charged for parking. "
            "The plan helps the 60% of drivers who want to switch to electric cars. "
            "Calder said Mirova Pharmaceutical was likely to end the supply deal.",
            title="Scots drivers plan")


@pytest.mark.parametrize(("text", "verdict"), [
    # "growth" beside a verb of change names the rate; the verb says which way it went.
    ("Spanish growth fell to 2.1% last year.", "supported"),
    ("Economic growth in Spain rose to 2.1% last year.", "contradicted"),
    # The level the rate came to.
    ("Economic growth in Spain was 2.1% last year.", "supported"),
    # Alone, "growth" is a rise.
    ("Export growth of 5% in May.", "supported"),
    ("Exports fell 5% in May.", "contradicted"),
    # A change made and a change undergone go the same way.
    ("The bank cut its forecast for output to 1.5%.", "supported"),
    ("The firm raised the fee to £10.", "supported"),
])
def test_growth_names_a_rate_beside_a_verb_of_change(text: str, verdict: str) -> None:
    _expect(text, verdict, "Economic growth in Spain fell to 2.1% last year. Exports grew 5% in May. "
            "The bank's forecast for output fell to 1.5%. The firm's fee increased to £10.", title="Spain")


@pytest.mark.parametrize(("text", "verdict"), [
    # A ceiling ("up to", "just under") names a level and compares as a figure.
    ("Entry could take up to 15 years.", "supported"),
    ("Entry could take up to 52 years.", "contradicted"),
    ("Growth is likely to peak at just under 13%.", "contradicted"),
    ("Growth is likely to peak at just under 2%.", "supported"),
    # A floor keeps its logic.
    ("More than 20,000 fans attended.", "supported"),
    ("More than 30,000 fans attended.", "contradicted"),
    # Words of order are content.
    ("The announcement came hours after Acme Holdings accused Globex Partners of fraud.", "contradicted"),
    ("Revenues were £6bn above estimates.", "contradicted"),
    # Which side of a relation or an action a name is on.
    ("Bram Okafor's nephew Lord Tenby said the peer would be sadly missed.", "contradicted"),
    ("Tarvik Group acquired Mendel Labs in March.", "supported"),
    ("Mendel Labs was acquired by Tarvik Group in March.", "supported"),
    ("Mendel Labs acquired Tarvik Group in March.", "contradicted"),
    ("Tarvik Group was acquired by Mendel Labs in March.", "contradicted"),
])
def test_who_did_what_and_which_way(text: str, verdict: str) -> None:
    _expect(text, verdict, "It could take up to 15 years before entry. Growth is likely to peak at just under 2%. "
            "More than 28,000 fans attended. "
            "The announcement came hours before Acme Holdings accused Globex Partners of fraud. "
            "Revenues were £6bn below estimates. Lord Tenby's nephew Bram Okafor said the peer would be sadly "
            "missed. In March, Tarvik Group acquired Mendel Labs.", title="Round-up")


@pytest.mark.parametrize(("text", "verdict"), [
    # The source has a word and its opposite: which goes with the asserted neighbour?
    ("Sir Edward had received fewer votes.", "contradicted"),
    ("Sir Edward had received more votes.", "supported"),
    ("There was a decrease in the working population.", "contradicted"),
    ("There was a rise in those who are economically inactive.", "contradicted"),
    # Each of several figures keeps its own direction.
    ("Of the companies surveyed, 30% saw orders fall.", "contradicted"),
    ("Of the companies surveyed, 30% saw orders rise.", "supported"),
    # A loss is not a profit; weak is not strong; losing is not gaining.
    ("Its film division saw losses slump 27%.", "contradicted"),
    ("A weak dollar helps boost exports.", "contradicted"),
    ("He lost a reputation as a firebrand.", "contradicted"),
    # A clause with one content word matches anything: no support for the whole.
    ("The Tories have promised tax cuts but have yet to say where they will rise.", "contradicted"),
])
def test_a_word_and_its_opposite_in_one_sentence(text: str, verdict: str) -> None:
    _expect(text, verdict, "Sir Edward, who had received more votes but had fewer MPs, stayed on. "
            "It is explained by an increase in the working population and a fall in those who are economically "
            "inactive. Of the companies surveyed, 30% saw orders rise and 27% saw them fall. "
            "Its film division saw profits slump 27%. A strong dollar helps boost exports. "
            "He gained a reputation as a firebrand. The Tories have promised tax cuts but have yet to say where "
            "they will fall. Labour will need to increase taxes.", title="Round-up")


@pytest.mark.parametrize(("text", "verdict"), [
    # The verb right after a name is that name's.
    ("Riggs Bank pleaded guilty to failing to report accounts held by Gen Pinochet.", "supported"),
    ("Gen Pinochet pleaded guilty to failing to report accounts held by Riggs Bank.", "contradicted"),
    ("Gordon Brown has criticised a union leader.", "supported"),
    ("Tony Blair has criticised a union leader who spoke of a conflict between himself and Gordon Brown.",
     "contradicted"),
    # A passive names no doer before its verb.
    ("Al Mahdi TV has broadcast videos of Mrs Hassan.", "supported"),
    # A role the source gives another person.
    ("The BBC's home affairs correspondent, David Blunkett, said Mr Clarke was stressing deportation.",
     "contradicted"),
    ("The BBC's home affairs correspondent, Daniel Sandford, said Mr Clarke was stressing deportation.",
     "supported"),
])
def test_the_doer_of_a_verb_and_the_holder_of_a_role(text: str, verdict: str) -> None:
    _expect(text, verdict, "Last month Riggs Bank pleaded guilty to failing to report accounts held by Gen Pinochet. "
            "Gordon Brown has criticised a union leader who spoke of a conflict between himself and Tony Blair. "
            "Since then, videos of Mrs Hassan have been broadcast by Al Mahdi TV. "
            "The BBC's home affairs correspondent, Daniel Sandford, said Mr Clarke was stressing deportation, "
            "unlike his predecessor, David Blunkett.", title="Round-up")


@pytest.mark.parametrize(("text", "verdict"), [
    # Both sentences negated, but not the same word.
    ("That claim was repeated in Ann Lowe's book, a book which is nowhere near its final act.", "supported"),
    ("That claim was not repeated in Ann Lowe's book, a book which is nowhere near its final act.", "contradicted"),
    # Not ruling something out is the opposite of ruling it out.
    ("The government has ruled out amending the present law.", "supported"),
    ("The government has not ruled out amending the present law.", "contradicted"),
    ("The government is considering amending the present law.", "contradicted"),
])
def test_what_a_negation_governs(text: str, verdict: str) -> None:
    _expect(text, verdict, "That claim was repeated in Ann Lowe's book, a book which is nowhere near its final act. "
            "The government has ruled out amending the present law.", title="Round-up")


@pytest.mark.parametrize(("text", "verdict"), [
    # A typing slip in the source is the word it meant; a word of other first letters is not.
    ("All parties are stepping up campaigning ahead of the general election.", "supported"),
    ("The firm blamed external problems for the delay.", "unverified"),
    # Words that only set up a comparison or an extent.
    ("Prices rose 0.1% in the final quarter compared with the previous quarter.", "supported"),
])
def test_slips_and_setting_words(text: str, verdict: str) -> None:
    _expect(text, verdict, "All parties are stepping up campaiging in the run-up to the general election. "
            "The firm blamed internal problems for the delay. "
            "Prices in the final quarter were 0.1% higher than in the previous quarter.", title="Round-up")


@pytest.mark.parametrize(("text", "verdict"), [
    # A place in a verb's object slot is a detail of the fact; after "in" it is another subject.
    ("The ministry said it would keep working with Norway to deter Russia.", "supported"),
    ("The ministry said it would keep working with Norway to deter China.", "contradicted"),
    ("There are 2,000 Danish troops in Sweden.", "unverified"),
    # Cutting a number of things is removing them.
    ("The army mulls cutting about 300 troops.", "supported"),
    # A preposition before the verb: no doer and deed ("talks with Oslo on withdrawing troops").
    ("No talks were held with Oslo on withdrawing Danish troops.", "supported"),
])
def test_places_in_a_verbs_slot_and_paraphrased_cuts(text: str, verdict: str) -> None:
    _expect(text, verdict, "The ministry said it would continue its work with Norway to deter Russia. "
            "There are 2,000 Danish troops in Finland. The army is considering removing about "
            "300 troops. No talks were held with Oslo on the withdrawal of Danish troops.", title="Danish troops")


@pytest.mark.parametrize(("text", "verdict"), [
    # A report the source says was denied refutes no plain statement with its polarity…
    ("The army has ruled out closing any bases.", "unverified"),
    # …while its own speaker is still held to what it reported.
    ("The Daily Post reported that the army was considering closing three bases.", "contradicted"),
])
def test_a_denied_report_refutes_no_plain_statement(text: str, verdict: str) -> None:
    _expect(text, verdict, "The Daily Post reported that the army was considering closing two bases. "
            "Army spokesman John Reed later denied the report.", title="Army bases")


@pytest.mark.parametrize(("body", "text", "verdict"), [
    # "it" and "this" stand for what the sentence before names: two words may come from there.
    ("Skyline Airways introduced a fuel surcharge in May. In October, it increased this from £6 to £10 one-way.",
     "In October Skyline Airways raised its fuel surcharge from £6 to £10.", "supported"),
    ("Skyline Airways introduced a fuel surcharge in May. In October, it increased this from £6 to £10.",
     "In October Skyline Airways raised its fuel surcharge from £6 to £12.", "contradicted"),
    # Without a word that points back, the sentence is about something else.
    ("Skyline Airways introduced a fuel surcharge in May. In October, the fare increased from £6 to £10 one-way.",
     "In October Skyline Airways raised its fuel surcharge from £6 to £10.", "unverified"),
])
def test_pronouns_borrow_their_words_from_the_sentence_before(body: str, text: str, verdict: str) -> None:
    _expect(text, verdict, body, title="Skyline Airways raises fares")


@pytest.mark.parametrize(("text", "verdict"), [
    ("John Price was thrown out of the party over his opposition to the plan.", "supported"),
    ("John Price was expelled from the party over his support for the plan.", "contradicted"),
    ("John Price said he had deliberately not involved himself in such disputes.", "supported"),
    ("The latest video showed John Price asking for an inquiry.", "supported"),
    ("A spokesman said John Price was willing to act as an intermediary.", "supported"),
    ("The charity has since expanded its operations in Peru.", "contradicted"),
])
def test_paraphrases_of_everyday_news_verbs(text: str, verdict: str) -> None:
    _expect(text, verdict, "John Price was expelled from the party because of his staunch opposition to the plan. "
            "He said: \"I have deliberately not involved myself in any of these disputes.\" "
            "The latest footage showed John Price calling for an inquiry. "
            "A spokesman said John Price was willing to be an intermediary. "
            "The charity has since closed all its operations in Peru.", title="Party row")


@pytest.mark.parametrize(("text", "verdict"), [
    # A figure dated relative to another ("a year later") has no date of its own to contradict.
    ("Sales grew 2.5% in 2002.", "unverified"),
    ("Sales grew 2.9% in 2001.", "supported"),
    ("Sales grew 2.9% in 2003.", "contradicted"),
])
def test_a_figure_dated_relative_to_another(text: str, verdict: str) -> None:
    _expect(text, verdict, "During that time, sales grew a lacklustre 2.9% in 2001 and 2.5% a year later.",
            title="Retail sales")


@pytest.mark.parametrize(("text", "verdict"), [
    # An acronym of the party a role spells out is the same role.
    ("SNP Holyrood leader Ailsa Reid welcomed the move.", "supported"),
    # "and" before a new named subject opens the next figure's clause.
    ("On the stock exchange, Arvana shares lost 70% and Korvex shares shed 43%.", "supported"),
    ("On the stock exchange, Arvana shares lost 43% and Korvex shares shed 70%.", "contradicted"),
    # Losing or shedding a share of value is falling; halting is suspending.
    ("Korvex shares fell by more than 40%.", "supported"),
    ("Arvana and Korvex halted sales of the drug.", "supported"),
    # Names cut at other places are the same name, not a rival.
    ("The ban will be brought in through the Health Service (Miscellaneous Provisions) Bill.", "supported"),
])
def test_acronyms_clauses_and_names_cut_differently(text: str, verdict: str) -> None:
    _expect(text, verdict, "The Scottish National Party's Holyrood leader, Ailsa Reid, welcomed the move. "
            "On the stock exchange, shares in Dublin-based Arvana lost 70% while its partner Korvex shed 43%. "
            "Arvana and Korvex suspended sales of the drug. The ban will be introduced as part of the Health "
            "Service (Miscellaneous Provisions) Bill. Ministers want a Health Service Bill by May.",
            title="Drug and health round-up")


@pytest.mark.parametrize(("text", "verdict"), [
    # A request is not the deed.
    ("Mara Keane urged Helpwell Trust to close its office in Lima.", "supported"),
    ("Helpwell Trust closed its office in Lima.", "unverified"),
    # A name the article shortens after first mention, in full or typed in lower case.
    ("Helpwell Trust has closed down all its operations in Peru.", "supported"),
    ("helpwell trust has closed down all its operations in peru", "supported"),
    ("Helpwell Partners has closed down all its operations in Peru.", "unverified"),
])
def test_requests_and_names_shortened_after_first_mention(text: str, verdict: str) -> None:
    _expect(text, verdict, "Mara Keane urged Helpwell Trust, the charity she works for, to close its office in "
            "Lima. Helpwell has since closed down all its operations in Peru.", title="Charity news")


@pytest.mark.parametrize(("text", "verdict"), [
    # What has happened says nothing of what will.
    ("The peso will fall even further.", "unverified"),
    ("The peso has tumbled to a new low.", "supported"),
    # Others' fears and suggestions are not facts.
    ("The army is preparing for strikes against its neighbour.", "unverified"),
])
def test_the_future_and_others_suggestions(text: str, verdict: str) -> None:
    _expect(text, verdict, "The peso has tumbled to a new low against the dollar. Turning to critics' fears, the "
            "minister refused to give succour to suggestions the army was preparing for strikes against its "
            "neighbour.", title="Peso slides")


@pytest.mark.parametrize(("text", "verdict"), [
    ("The vote follows the removal of the veteran Han Do Yun after his failed coup in May.", "supported"),
    # Another person in the very same place.
    ("The vote follows the removal of Park Min-jun after his failed coup in May.", "contradicted"),
])
def test_a_person_in_the_place_of_a_name_of_no_known_kind(text: str, verdict: str) -> None:
    _expect(text, verdict, "The vote follows the removal of the veteran Han Do Yun after his failed coup in May.",
            title="Snap vote")


@pytest.mark.parametrize(("text", "verdict"), [
    # Saying something, named as an act: its date and speaker are what can be checked.
    ("The Lima ministry made the statement on Tuesday, March 4.", "supported"),
    ("The Lima ministry made the statement on Tuesday, March 11.", "contradicted"),
])
def test_a_statement_named_as_an_act(text: str, verdict: str) -> None:
    _expect(text, verdict, "The Lima ministry announced on Tuesday, March 4, that no talks had been held.",
            title="No talks")


@pytest.mark.parametrize(("text", "verdict"), [
    # "denied the report" stands for the report described before; an assertion may describe it too.
    ("John Reed denied the Daily Post report on closing bases in Norway.", "supported"),
    ("John Reed denied the Daily Post report on closing bases in Sweden.", "unverified"),
    ("John Reed confirmed the Daily Post report on closing bases in Norway.", "contradicted"),
])
def test_an_assertion_may_describe_the_report_denied(text: str, verdict: str) -> None:
    _expect(text, verdict, "The Daily Post reported that the army was considering closing two bases in Norway. "
            "Army spokesman John Reed later denied the report.", title="Army bases")


@pytest.mark.parametrize(("text", "verdict"), [
    # "a pint of cider and 9p": the noun before "of" is the first item's, not the next figure's.
    ("Mr Price put 2p on a pint of cider and 9p on 20 cigars.", "supported"),
    ("Mr Price put 9p on a bottle of wine.", "contradicted"),
])
def test_a_list_of_figures_keeps_each_items_noun(text: str, verdict: str) -> None:
    _expect(text, verdict, "Mr Price put 2p a pint on cider, 5p on a bottle of wine and 9p on 20 cigars.",
            title="Budget duties")


@pytest.mark.parametrize(("text", "verdict"), [
    # "it" may stand for "the Budget" of the sentence before: an event, not a person or place.
    ("the greens branded the budget a sticking plaster", "supported"),
    ("the greens branded the treasury a sticking plaster", "unverified"),
])
def test_it_may_stand_for_a_definite_institution_or_event(text: str, verdict: str) -> None:
    _expect(text, verdict, "Ms Hale predicted the Budget would do nothing for savers. The Greens branded it a "
            "\"sticking plaster\".", title="Savers react")


@pytest.mark.parametrize(("text", "verdict"), [
    # "them" stands for the claims of the sentence before.
    ("Lord Vane denied the claims, saying he was not pressured in any way.", "supported"),
    ("Lord Vane denied the reports, saying he was not pressured in any way.", "unverified"),
])
def test_them_borrows_a_word_from_the_sentence_before(text: str, verdict: str) -> None:
    _expect(text, verdict, "The ministry has denied the claims, made in a new book. Lord Vane also denied them, "
            "saying he was not pressured in any way.", title="Book row")


@pytest.mark.parametrize(("text", "verdict"), [
    # As a place, a capital is the city, not the country whose government it stands for.
    ("House prices in Madrid rose by 1.1% in May.", "unverified"),
    ("House prices in Spain rose by 1.1% in May.", "supported"),
    # As a government, it is the country.
    ("Madrid said talks with Rabat had failed.", "supported"),
])
def test_a_capital_as_a_place_is_the_city(text: str, verdict: str) -> None:
    _expect(text, verdict, "House prices in Spain rose by 1.1% in May, the bank said. Spain said talks with Rabat "
            "had failed.", title="Spanish housing")


_HEDGED_BODY = ("The union's strike was a response to a Herald report suggesting the council was considering "
                "closing three depots. Shares in Brenford rose 5% on Monday amid speculation of a takeover bid by "
                "Kestrel. A sale of the Leeds unit is being considered by the board. Analysts said profits at "
                "Dunmore were likely to rise 8% next year.")


@pytest.mark.parametrize(("text", "verdict"), [
    # What the sentence states outside its hedge is a statement of record.
    ("The strike was a response to a Herald report.", "supported"),
    ("Shares in Brenford rose 5% on Monday.", "supported"),
    ("Shares in Brenford rose 6% on Monday.", "contradicted"),
    # What the hedge governs stays hedged, with or without the report named.
    ("The council was closing three depots.", "unverified"),
    ("The Herald reported the council was closing three depots.", "unverified"),
    ("Kestrel made a takeover bid for Brenford.", "unverified"),
    # A hedge after what it governs governs all of it.
    ("The board is selling the Leeds unit.", "unverified"),
    ("Profits at Dunmore rose 8%.", "unverified"),
])
def test_a_hedge_governs_what_it_opens_not_what_comes_before(text: str, verdict: str) -> None:
    _expect(text, verdict, _HEDGED_BODY, title="Council and markets")


def test_the_same_figure_the_other_way_is_named_once_and_not_half_corrected() -> None:
    checker = _checker_of("Shares in Brenford rose 5% on Monday.", title="Markets")
    same = checker.check("Shares in Brenford fell 5%.")
    assert same.verdict == Verdict.CONTRADICTED
    assert "5%, not 5%" not in same.reason
    assert same.suggestion is None
    both = checker.check("Shares in Brenford fell 6%.")
    assert both.verdict == Verdict.CONTRADICTED
    # Replacing only the figure would leave "fell": another wrong sentence.
    assert both.suggestion is None
    figure = checker.check("Shares in Brenford rose 6%.")
    assert figure.suggestion == "Shares in Brenford rose 5%."


@pytest.mark.parametrize(("text", "verdict"), [
    ("Investors were impressed by the merger.", "contradicted"),
    ("Investors were less than impressed by the merger.", "supported"),
    ("Regulators were sure the deal would go ahead.", "contradicted"),
])
def test_understatement_negates(text: str, verdict: str) -> None:
    _expect(text, verdict, "Investors were less than impressed by the merger. Regulators were far from sure the "
            "deal would go ahead.", title="Merger doubts")


def test_the_lede_after_a_dateline_is_cited_before_the_standfirst() -> None:
    # Both sentences state the fact; the standfirst even shares more words with the assertion.
    checker = _checker_of("Amid a row over pay, the Ruritanian rail union says no strike has been called for June.\n\n"
                          "VALDORIA (Wire) - The rail union said on Monday that no strike had been called for "
                          "June, after talks with operators.", title="Rail union: no strike called")
    result = checker.check("The rail union says no strike has been called for June.")
    assert result.verdict == Verdict.SUPPORTED
    assert result.evidence is not None and result.evidence.startswith("VALDORIA (Wire) -")


@pytest.mark.parametrize(("text", "verdict"), [
    # A condition dropped overstates; kept, it is the source's own statement.
    ("The council will scrap the charge.", "unverified"),
    ("The council will scrap the charge if it is not approved by March.", "supported"),
    ("The council will scrap the charge if it is approved by March.", "contradicted"),
    # A negation inside the condition does not negate the main clause.
    ("The airline's losses will be cut within two years.", "unverified"),
])
def test_a_condition_hedges_its_clause_and_keeps_its_own_negation(text: str, verdict: str) -> None:
    _expect(text, verdict, "If fuel prices do not rise any further, the airline thinks its losses can be cut within "
            "two years, its chief said. The council will scrap the charge if it is not approved by March.",
            title="Airline and council")


@pytest.mark.parametrize(("text", "verdict"), [
    # A sentence whose subject is "it" is about what the sentence before names.
    ("The krona has fallen 6% this year.", "supported"),
    ("The krona has risen 6% this year.", "contradicted"),
    # Not a word the sentence before lacks.
    ("The crown has fallen 6% this year.", "unverified"),
])
def test_an_it_subject_borrows_its_noun_from_the_sentence_before(text: str, verdict: str) -> None:
    _expect(text, verdict, "The krona has weakened sharply since May. It has lost 6% this year, traders said.",
            title="Currency slide")


@pytest.mark.parametrize(("text", "verdict"), [
    # Without a publication date a weekday resolves to no calendar day, yet two disagree.
    ("The mayor was sworn in at a ceremony in Valdoria on Wednesday.", "contradicted"),
    ("The mayor was sworn in at a ceremony in Valdoria on Thursday.", "supported"),
])
def test_unresolved_weekdays_are_compared(text: str, verdict: str) -> None:
    _expect(text, verdict, "The mayor was sworn in at a ceremony in Valdoria on Thursday.", title="New mayor")


@pytest.mark.parametrize(("text", "verdict"), [
    # The assertion's own "cut" (of crime) accounts for the source's: no flip of "raising".
    ("The party will cut crime without raising taxes.", "unverified"),
    # A real flip still counts, and the excused word is not borrowed from the sentences around.
    ("The party can increase crime without asking people to pay more taxes.", "contradicted"),
    ("The party can cut crime without asking people to pay more taxes.", "supported"),
])
def test_an_opposite_the_assertion_itself_uses_is_no_flip(text: str, verdict: str) -> None:
    _expect(text, verdict, "Taxes will rise under Labour, he said. The party can cut crime without asking people "
            "to pay more taxes, he said.", title="Crime and taxes")


@pytest.mark.parametrize(("text", "verdict"), [
    # "isn't the only contingent of Western forces" says it is one of them.
    ("The Ruritanian navy isn't a Western force in the region.", "unverified"),
    ("The Ruritanian navy isn't the only Western force in the region.", "supported"),
])
def test_not_the_only_needs_its_only(text: str, verdict: str) -> None:
    _expect(text, verdict, "But the Ruritanian navy isn't the only contingent of Western forces in the region, "
            "officials said.", title="Naval patrols")


@pytest.mark.parametrize(("text", "verdict"), [
    # The name after the subject's head is not the one who acts.
    ("The Valdoria Hawks described his injury as serious.", "unverified"),
    ("The guard for the Valdoria Hawks described his injury as serious.", "supported"),
    ("Brenford Bank resigned on Monday.", "unverified"),
    # A body's government is the body; a gerund after "of" is the name's own act.
    ("Kesteven district passed an ordinance on Wednesday.", "supported"),
    ("Officer Jo Pym firing eight shots at the car.", "supported"),
    # A quoted title after "versions of".
    ("\"The Grey Valley\" comes from 1969.", "unverified"),
    ("One version of \"The Grey Valley\" comes from 1969.", "supported"),
])
def test_a_name_after_the_subjects_head_is_not_the_subject(text: str, verdict: str) -> None:
    _expect(text, verdict, "In a statement on Tuesday, the guard for the Valdoria Hawks described his injury as "
            "serious. The chairman of Brenford Bank resigned on Monday. The government of Kesteven district passed "
            "an ordinance on Wednesday. We saw the video of Officer Jo Pym firing eight shots at the car. One of the "
            "best-known versions of \"The Grey Valley\" comes from 1969.",
            title="Round-up")


@pytest.mark.parametrize(("text", "verdict"), [
    # The relative clause has its own subject.
    ("Film-maker Jo Pym was shot in the back.", "unverified"),
    ("Walter Dunne was shot in the back.", "supported"),
    ("Jo Pym grew up in the neighbourhood.", "supported"),
])
def test_a_relative_clause_keeps_its_own_subject(text: str, verdict: str) -> None:
    _expect(text, verdict, "Film-maker Jo Pym grew up in the neighbourhood where Walter Dunne, an unarmed man, was "
            "shot in the back by a police officer.", title="Shooting")


@pytest.mark.parametrize(("text", "verdict"), [
    # A name inside ", who …," is not the subject of the predicate after it.
    ("The track \"Grey Valley\" has been charged with possession of drugs.", "unverified"),
    ("The rapper has been charged with possession of drugs.", "supported"),
    # "whose real name is" names the same person.
    ("Jon Tarr was believed by the police to be a member of the gang.", "supported"),
])
def test_a_name_inside_a_who_clause_is_not_the_main_subject(text: str, verdict: str) -> None:
    _expect(text, verdict, "The 40-year-old rapper from Valdoria, who shot to fame with the track \"Grey Valley,\" "
            "has been charged with possession of drugs, police said. Marek, whose real name is Jon Tarr, was "
            "believed by the police to be a member of the gang.", title="Rapper charged")


@pytest.mark.parametrize(("text", "verdict"), [
    # Where a named person did something is a detail of the deed, known place or not.
    ("Jo Pym was abducted in Valdoria.", "contradicted"),
    ("Mrs Pym was abducted in Kabul.", "contradicted"),
    ("Mrs Pym was abducted in Baghdad.", "supported"),
    # Troops elsewhere are other troops.
    ("There are 28,000 US troops stationed in Japan.", "unverified"),
    ("There are 28,000 US troops stationed in Valdoria.", "unverified"),
])
def test_the_place_of_a_named_persons_deed_is_a_detail(text: str, verdict: str) -> None:
    _expect(text, verdict, "Aid worker Jo Pym has been held since October. Mrs Pym, 59, who led Care International "
            "operations in Iraq, was abducted in Baghdad on 19 October. There are 28,000 US troops stationed in "
            "Germany.", title="Aid worker held")


@pytest.mark.parametrize(("text", "verdict"), [
    # To boost is to raise: "boosted by strong car sales" is a rise the sales gave.
    ("Strong car sales boost retail sales in December", "supported"),
    ("Strong car sales cut retail sales in December", "contradicted"),
])
def test_boost_goes_the_way_of_a_rise(text: str, verdict: str) -> None:
    _expect(text, verdict, "Retail sales rose in December, boosted by strong car sales.", title="Retail sales")


@pytest.mark.parametrize(("text", "verdict"), [
    # A clause that opens with its verb has the sentence's subject.
    ("The Valdorian cabinet agreed unanimously to introduce a smoking ban.", "supported"),
    ("The Valdorian senate agreed unanimously to introduce a smoking ban.", "unverified"),
    ("Export growth will fall to 2.1% next year.", "supported"),
])
def test_a_clause_without_a_subject_has_the_sentences(text: str, verdict: str) -> None:
    _expect(text, verdict, "Earlier, the Valdorian cabinet considered a range of options but agreed unanimously to "
            "introduce a smoking ban. Export growth would reach 3.4% this year, but fall to 2.1% next year, the "
            "bank said.", title="Cabinet and economy")


@pytest.mark.parametrize(("text", "verdict"), [
    # "The country" is the place the sentence before names, not the headline's.
    ("Kenya exported more than $1.2bn worth of tea in 2003-04.", "unverified"),
])
def test_the_country_is_not_lent_the_headlines_place(text: str, verdict: str) -> None:
    _expect(text, verdict, "The government of Kenya has launched a plan to boost tea output. Meanwhile Uganda, the "
            "second largest exporter, said revenues had broken records. The country saw more than $1.2bn worth of "
            "tea exported during 2003-04.", title="Kenya to boost tea production")


def test_a_headline_name_is_not_lent_to_the_country() -> None:
    _expect("Valdoria exported more than $1.2bn worth of cocoa in 2003-04.", "unverified",
            "Valdoria has launched a plan to boost cocoa output. Marovia, the second largest exporter, said revenues "
            "had broken records. The country saw more than $1.2bn worth of cocoa exported during 2003-04.",
            title="Valdoria to boost cocoa production")


@pytest.mark.parametrize(("text", "verdict"), [
    # An onlooker's "will" is a forecast: it stays theirs.
    ("The subsidy will be hijacked by people who do not farm.", "unverified"),
    ("Jo Pym said people who are not farming will hijack the subsidy.", "supported"),
    ("Shares will fall further.", "unverified"),
    # An authority's own plan is a statement of record.
    ("The council will close the depot in May.", "supported"),
])
def test_an_onlookers_will_is_a_forecast(text: str, verdict: str) -> None:
    _expect(text, verdict, "\"People who are not farming will hijack the subsidy,\" said Jo Pym, a cocoa farmer from "
            "the east. The council will close the depot in May, its leader said. Analysts said shares would fall "
            "further.", title="Subsidy fears")


@pytest.mark.parametrize(("text", "verdict"), [
    # What follows "said" is what was said: "people" is nobody's act.
    ("Jo Pym said people in the North East did not want an assembly.", "supported"),
    ("Jo Pym said people in the North East wanted an assembly.", "contradicted"),
])
def test_words_after_said_are_not_the_speakers_act(text: str, verdict: str) -> None:
    _expect(text, verdict, "Campaigner Jo Pym opposes the plan. But Mr Pym said North East people did not want an "
            "assembly.", title="Assembly vote")


@pytest.mark.parametrize(("text", "verdict"), [
    # A range names its two ends.
    ("Between 15,000 and 20,000 couples go to court each year.", "supported"),
    ("Between 15,000 and 25,000 couples go to court each year.", "contradicted"),
    ("More than 10,000 couples go to court each year.", "supported"),
])
def test_a_range_names_its_two_ends(text: str, verdict: str) -> None:
    _expect(text, verdict, "Between 15,000 and 20,000 couples go to court each year.", title="Family courts")


@pytest.mark.parametrize(("text", "verdict"), [
    # "down 3.7%" carries the fall the assertion's verb names.
    ("Lenvar's sales fell 3.7% to HK$6.31bn.", "supported"),
    ("Lenvar's sales rose 3.7% to HK$6.31bn.", "contradicted"),
])
def test_a_figures_direction_meets_the_verb_of_change(text: str, verdict: str) -> None:
    _expect(text, verdict, "Lenvar's sales were down 3.7% by revenue to HK$6.31bn.", title="Lenvar results")


def test_a_region_is_no_rival_person() -> None:
    _expect("An assembly would improve transport links in the North East.", "unverified",
            "He hit back at Mr Pym's claim that an assembly would improve transport links in the region. The North "
            "East votes next week.", title="Assembly vote")


@pytest.mark.parametrize(("text", "verdict"), [
    # "little evidence" is next to none; what "despite …" states stands.
    ("The watchdog says the ministry's performance has clearly improved.", "contradicted"),
    ("The smart buying policy was introduced six years ago.", "supported"),
])
def test_little_evidence_negates_and_despite_states(text: str, verdict: str) -> None:
    _expect(text, verdict, "The watchdog says there is \"little evidence\" the ministry's performance had improved, "
            "despite the introduction of a \"smart buying\" policy six years ago.", title="Watchdog report")


@pytest.mark.parametrize(("text", "verdict"), [
    # A fraction of a whole and its percentage are one share.
    ("The company has more than 25% of the market.", "supported"),
    ("33% of staff were sacked.", "supported"),
    ("40% of staff were sacked.", "contradicted"),
    # A rate of change is no share: "grew 60.7%" is not "more than half of the surplus".
    ("Exports grew 60.7% last year.", "contradicted"),
])
def test_a_fraction_of_a_whole_is_its_percentage(text: str, verdict: str) -> None:
    _expect(text, verdict, "The company is still by far the biggest player, with more than a quarter of the market. "
            "A third of staff were sacked. Exports grew 17.9% last year, with more than half of the surplus from "
            "trade with the US.", title="Market share")


@pytest.mark.parametrize(("text", "verdict"), [
    # A later clause's subject is not an earlier clause's.
    ("Air Valdo is Kenya's premier private carrier.", "unverified"),
    ("Skyline Airways is Kenya's premier private carrier.", "supported"),
])
def test_a_later_clauses_subject_is_not_carried_back(text: str, verdict: str) -> None:
    _expect(text, verdict, "Skyline Airways is Kenya's premier private carrier; Air Valdo is ranked third. Skyline "
            "Airways and Air Valdo will benefit first.", title="Airlines")


@pytest.mark.parametrize(("text", "verdict"), [
    # What a reporter says has happened does not support what will.
    ("Air travel in Ruritania will rise even further.", "unverified"),
    ("Air travel in Ruritania rose by almost 20%.", "supported"),
])
def test_a_reported_past_does_not_support_the_future(text: str, verdict: str) -> None:
    _expect(text, verdict, "Jo Pym, the BBC's reporter, said air travel in Ruritania had increased by almost 20% "
            "from the previous year and was expected to rise even further.", title="Air travel")


@pytest.mark.parametrize(("text", "verdict"), [
    # A person's quoted characterisation stays theirs ...
    ("The hospital is struggling financially.", "unverified"),
    ("Mr Pym said the hospital was struggling financially.", "supported"),
    # ... but a body's quoted account of record does not.
    ("A walker found him lying in leaves.", "supported"),
])
def test_a_persons_quoted_characterisation_needs_its_speaker(text: str, verdict: str) -> None:
    _expect(text, verdict, "Mr Pym said the hospital was \"struggling financially\". A walker found him \"lying in "
            "leaves\", Valdoria police say.", title="Hospital row")


@pytest.mark.parametrize(("text", "verdict"), [
    ("The association voted to deselect him.", "contradicted"),
    ("The association voted against deselecting him.", "supported"),
    # An allegation, without "that", is still only alleged.
    ("Mr Pym profited from private tours of Parliament.", "unverified"),
])
def test_voting_against_and_allegations(text: str, verdict: str) -> None:
    _expect(text, verdict, "But the association voted against a move to deselect him. Mr Pym survived a row over "
            "allegations he had profited from private tours of Parliament.", title="MP survives")


def test_a_contradiction_is_backed_only_by_sentences_that_differ_the_same_way() -> None:
    checker = _checker_of("There are 28,500 soldiers stationed in Valdoria. A report said 4,500 soldiers stationed in "
                          "Valdoria were sent home. Officials confirmed 28,500 soldiers are stationed in Valdoria.",
                          title="Troops in Valdoria")
    result = checker.check("There are 45,000 soldiers stationed in Valdoria.")
    assert result.verdict == Verdict.CONTRADICTED
    backing = [c.evidence for c in result.corroboration]
    assert backing == ["Officials confirmed 28,500 soldiers are stationed in Valdoria."]


@pytest.mark.parametrize(("text", "verdict"), [
    # The headline's other actor is not lent to a sentence about its own actor.
    ("Valco is struggling with its own loss-making marques.", "unverified"),
    ("Gemco is struggling with its own loss-making marques.", "supported"),
])
def test_a_headline_name_is_not_lent_to_another_actors_sentence(text: str, verdict: str) -> None:
    _expect(text, verdict, "The deal was agreed on Sunday. The sell-off looked much worse for carmaker Gemco, which is "
            "struggling with its own loss-making marques.", title="Gemco pays $2bn to evade Valco buyout")


@pytest.mark.parametrize(("text", "verdict"), [
    # What unnamed sources tell a paper stays theirs.
    ("Jo Pym has always been in favour of ID cards.", "unverified"),
    ("Party sources said Jo Pym had always been in favour of ID cards.", "supported"),
])
def test_anonymous_sources_keep_their_claims(text: str, verdict: str) -> None:
    _expect(text, verdict, "Sources within the party told the BBC Jo Pym had always been in favour of ID cards.",
            title="ID cards row")


@pytest.mark.parametrize(("text", "verdict"), [
    # Another name after the same two words as the source's name.
    ("Kestrel has signed a new four-year deal with Scottish club Albion.", "contradicted"),
    ("Kestrel has signed a new four-year deal with Scottish club Rovers.", "supported"),
    ("Albion is to receive a payment from Kestrel.", "contradicted"),
    # A name the source's name only modifies, a possessive, an abbreviation.
    ("Kestrel hired Baroness Pym.", "supported"),
])
def test_another_name_in_the_same_slot_is_a_swap(text: str, verdict: str) -> None:
    _expect(text, verdict, "Sportswear firm Kestrel, which recently lost deals with Albion, has signed a new "
            "four-year deal with Scottish club Rovers. The firm is to receive a payment from Albion. Kestrel hired "
            "Downing Street adviser Baroness Pym.", title="Kestrel deals")


@pytest.mark.parametrize(("text", "verdict"), [
    # A bound leaves the exact figure open; its own figure is the one it gives.
    ("Kestrel has 2.5 million advisers.", "unverified"),
    ("Kestrel has 12,000 advisers.", "supported"),
    ("Kestrel has more than 10,000 advisers.", "supported"),
])
def test_an_exact_figure_inside_a_bound_is_not_given(text: str, verdict: str) -> None:
    _expect(text, verdict, "Kestrel has more than 12,000 advisers selling funds to 2.5 million customers.",
            title="Kestrel advisers")


@pytest.mark.parametrize(("text", "verdict"), [
    # The doer of a passive is not the object of the same verb.
    ("Delta Funds acquired Kestrel Holdings 20 years ago.", "contradicted"),
    ("Kestrel Holdings acquired Delta Funds 20 years ago.", "supported"),
])
def test_the_doer_of_a_passive_is_not_its_object(text: str, verdict: str) -> None:
    _expect(text, verdict, "The unit was acquired by Kestrel Holdings 20 years ago as Delta Funds, of Minneapolis.",
            title="Kestrel spin-off")


@pytest.mark.parametrize(("text", "verdict"), [
    # Two parties turned round a one-way verb.
    ("MSPs are warning Vepa that the river could flood within decades.", "contradicted"),
    ("Vepa is warning MSPs that the river could flood within decades.", "supported"),
])
def test_parties_turned_round_a_one_way_verb(text: str, verdict: str) -> None:
    _expect(text, verdict, "The river could flood within decades, the Valdoria Environment Protection Agency is "
            "warning a committee of MSPs.", title="Flood warning")


@pytest.mark.parametrize(("text", "verdict"), [
    # Turned round a verb of giving, matched across its forms ("sent" and "send").
    ("A Valdoria Times reporter accidentally sent Jo Pym a rude message.", "contradicted"),
    ("Jo Pym accidentally sent a Valdoria Times reporter a rude message.", "supported"),
    # A change named as a noun with what it changes.
    ("Foreign tourism has grown since 2002.", "contradicted"),
    ("Foreign tourism has declined since 2002.", "supported"),
])
def test_giving_turned_round_and_a_change_named_as_a_noun(text: str, verdict: str) -> None:
    _expect(text, verdict, "Jo Pym used his phone to accidentally send a rude message to a Valdoria Times reporter. "
            "However, a decline in foreign tourism since 2002 and the increasing costs of importing oil have put a "
            "strain on the economy.", title="Round-up")


@pytest.mark.parametrize(("text", "verdict"), [
    # A word of change is never lent from the headline: the sentence's own figure went down.
    ("The trade deficit with Ruritania widened in November.", "unverified"),
    # Leaving a post is one act however it is put.
    ("Jo Pym will step down as an MP at the next election.", "supported"),
])
def test_a_change_is_not_lent_and_standing_down_is_quitting(text: str, verdict: str) -> None:
    _expect(text, verdict, "The deficit with Ruritania was $19.6bn in November, down from $19.7bn the month before. "
            "Jo Pym is to stand down as an MP at the next election.", title="Trade deficit widens sharply")


@pytest.mark.parametrize(("text", "verdict"), [
    # An aside between dashes holds the second figure; the time after it belongs to both.
    ("The krone has fallen by 20% against the rand over the past two years.", "contradicted"),
    ("The krone has fallen by 45% against the peso over the past two years.", "contradicted"),
    ("The krone has fallen by 45% against the rand over the past two years.", "supported"),
    ("The krone has fallen by 20% against the peso over the past two years.", "supported"),
])
def test_a_figure_in_an_aside_keeps_its_own_words(text: str, verdict: str) -> None:
    _expect(text, verdict, "The krone has fallen by 45% against the rand - as well as by 20% against the peso - over "
            "the past two years.", title="Krone slides")


@pytest.mark.parametrize(("text", "verdict"), [
    # "stand" alone is not "stand down": the bare word of a one-concept phrase is no match.
    ("Jo Pym will stand again as an MP at the next election.", "unverified"),
    ("Jo Pym will stand down as an MP at the next election.", "supported"),
])
def test_a_word_of_a_phrase_is_not_the_word_alone(text: str, verdict: str) -> None:
    _expect(text, verdict, "Jo Pym, the former minister, is to stand down as an MP at the next election.",
            title="Pym to go")


@pytest.mark.parametrize(("text", "verdict"), [
    # The source's passive names who paid; another subject for the same verb is not given.
    ("The Valdoria Herald paid for Jo Pym's trip to Lisbon.", "unverified"),
    ("Supporters paid for Jo Pym's private jet travel.", "supported"),
    # A figure after "by" is no doer.
    ("Exports rose 12% in May.", "supported"),
])
def test_a_passive_doer_is_not_given_to_another_subject(text: str, verdict: str) -> None:
    _expect(text, verdict, "Jo Pym also declares a trip to Lisbon to address executives of the Valdoria Herald, and "
            "private jet travel paid for by supporters. Exports rose by 12% in May.", title="Pym's interests")


@pytest.mark.parametrize(("text", "verdict"), [
    # Two figures, each in its own clause joined by "and": each belongs to its own subject.
    ("The Valdoria Union has 1.2 million members.", "contradicted"),
    ("The Valdoria Union has 800,000 members.", "supported"),
    ("Amicor has 1.2 million members.", "supported"),
])
def test_a_figure_after_and_belongs_to_its_own_subject(text: str, verdict: str) -> None:
    _expect(text, verdict, "Amicor has 1.2 million members and the Valdoria Union has 800,000.",
            title="Unions talk merger")


@pytest.mark.parametrize(("text", "verdict"), [
    # Hearsay in the passive is not the fact.
    ("Jo Pym and Al Roe declared all-out war on each other.", "unverified"),
    ("Jo Pym and Al Roe are said to have declared all-out war on each other.", "supported"),
])
def test_said_to_have_is_hearsay(text: str, verdict: str) -> None:
    _expect(text, verdict, "For the umpteenth time, Jo Pym and Al Roe are said to have declared all-out war on "
            "each other.", title="Rift claims")


@pytest.mark.parametrize(("text", "verdict"), [
    # What a report says will happen is its projection; dropping who says it states it as fact.
    ("Some 30 million children will leave school early before 2020.", "unverified"),
    ("Some 30 million children will leave school early before 2020, Kidsfirst says.", "supported"),
])
def test_a_reports_will_is_a_projection(text: str, verdict: str) -> None:
    _expect(text, verdict, "Some 30 million children will leave school early before 2020, Kidsfirst says in a "
            "report, Lost Years.", title="Aid warning")


@pytest.mark.parametrize(("text", "verdict"), [
    # A title given to the wrong one of two people listed with "and".
    ("She met Deputy First Minister Tomas Vell.", "contradicted"),
    ("She met Trade minister Tomas Vell.", "supported"),
])
def test_a_title_belongs_to_the_name_after_it(text: str, verdict: str) -> None:
    _expect(text, verdict, "She met her colleagues Trade minister Tomas Vell and Deputy First Minister Ana Rusk on "
            "Monday.", title="Talks held")


@pytest.mark.parametrize(("text", "verdict"), [
    # The word in place of the source's "little" is the disputed detail, not missing content.
    ("The Valdoria Audit Office report found clear evidence that the agency's performance had improved.",
     "contradicted"),
    ("The Valdoria Audit Office report says there is little evidence the agency's performance had improved.",
     "supported"),
])
def test_clear_evidence_against_little_evidence(text: str, verdict: str) -> None:
    _expect(text, verdict, "A Valdoria Audit Office report on the 12 biggest schemes says costs have risen by £1.2bn "
            "in the past year. It says there is \"little evidence\" the agency's performance had improved, despite "
            "a new policy six years ago.", title="Agency criticised")


@pytest.mark.parametrize(("text", "verdict"), [
    # "It" is what the sentence before says the minister set out: hers.
    ("Pym's plan includes a £5m fund to extend opening hours.", "supported"),
    ("Roe's plan includes a £5m fund to extend opening hours.", "unverified"),
    # The two ends of "from … to …" share the unit written on one of them.
    ("Pym's plan includes a £5m fund to extend opening hours from six to nine hours.", "supported"),
    ("Pym's plan includes a £5m fund to extend opening hours from six to ten hours.", "contradicted"),
])
def test_it_is_what_the_sentence_before_set_out(text: str, verdict: str) -> None:
    _expect(text, verdict, "Education minister Jo Pym set out a ten-point plan for libraries on Monday. It includes a "
            "£5m fund to extend opening hours from six hours to nine. Al Roe, the mayor, called it timid.",
            title="Pym plan")


def test_it_is_not_what_the_sentence_before_attacked() -> None:
    _expect("Pym's plan includes a £5m fund to extend opening hours.", "unverified",
            "Education minister Jo Pym attacked a ten-point plan for libraries on Monday. It includes a £5m fund to "
            "extend opening hours.", title="Pym plan")


@pytest.mark.parametrize(("text", "verdict"), [
    # A one-word name opening the assertion is untagged, yet buyer and bought are still checked.
    ("Vantor has agreed to buy Mendax Holdings for $5bn.", "contradicted"),
    ("Mendax Holdings has agreed to buy Vantor for $5bn.", "supported"),
])
def test_a_one_word_name_turned_round(text: str, verdict: str) -> None:
    _expect(text, verdict, "Drug giant Mendax Holdings has agreed to buy medical technology firm Vantor for $5bn.",
            title="Mendax buys Vantor")


@pytest.mark.parametrize(("text", "verdict"), [
    # A figure of the previous month is no evidence for the month the sentence is about.
    ("House prices were rising at an annual rate of more than 12% in December.", "contradicted"),
    ("House prices rose at an annual rate of 10.7% in December.", "supported"),
    ("House prices rose at an annual rate of 13.7% the previous month.", "supported"),
])
def test_a_figure_of_an_earlier_period(text: str, verdict: str) -> None:
    _expect(text, verdict, "Nationally, house prices rose at an annual rate of 10.7% in December, less than the 13.7% "
            "rise the previous month.", title="House prices slow")


@pytest.mark.parametrize(("text", "verdict"), [
    # "run by a separate company, Railco": the doer is named, and it is not the headline's firm.
    ("Tunnelco runs the passenger-only trains that use the tunnel.", "unverified"),
    ("Railco runs the passenger-only trains that use the tunnel.", "supported"),
    # "back" before "by" is no participle: nobody is named as the doer.
    ("Jo Pym was shot in the back while jogging.", "supported"),
])
def test_a_doer_in_apposition(text: str, verdict: str) -> None:
    _expect(text, verdict, "The passenger-only trains which use the tunnel are run by a separate company, Railco. "
            "Jo Pym was shot in the back by a gun fired by Al Roe while jogging.", title="Tunnelco loses money")


@pytest.mark.parametrize(("text", "verdict"), [
    # A shadow minister is not the minister.
    ("Education minister Tim Vole said the report was damning.", "contradicted"),
    ("Shadow education secretary Tim Vole said the report was damning.", "supported"),
])
def test_a_shadow_office_is_not_the_office(text: str, verdict: str) -> None:
    _expect(text, verdict, "Shadow Education Secretary Tim Vole said the report was damning.", title="Literacy report")


@pytest.mark.parametrize(("text", "verdict"), [
    # A neighbour that denies a word does not lend it.
    ("The Scottish Executive said the strike was about issues specific to Scotland.", "contradicted"),
    ("The Scottish Executive said the strike was about national civil service issues.", "supported"),
])
def test_a_word_is_not_lent_by_a_neighbour_that_denies_it(text: str, verdict: str) -> None:
    _expect(text, verdict, "Pickets were out across Scotland on Friday. The Scottish Executive said: \"This is a "
            "strike about national civil service issues. It is not about specific issues local to Scotland or the "
            "parliament.\"", title="Strike hits Scotland")


@pytest.mark.parametrize(("text", "verdict"), [
    # The quotation runs on into the next sentence, and so does its speaker; a person's quoted
    # words of what will happen are theirs.
    ("Rural areas will be particularly affected by the cuts.", "unverified"),
    ("Jo Pym said rural areas will be particularly affected by the cuts.", "supported"),
])
def test_a_running_quotation_keeps_its_speaker(text: str, verdict: str) -> None:
    _expect(text, verdict, "Union spokesman Jo Pym said: \"In Valdoria the civil service is a major employer. "
            "\"Rural areas will be particularly affected by these cuts.\" The minister said the cuts would fund "
            "more teachers.", title="Strike called")


@pytest.mark.parametrize(("text", "verdict"), [
    # The same person with a description the article gives them is the same speaker.
    ("Mellon Bank trader Ian Fenn said sentiment towards the dollar was already softening.", "supported"),
    # A description the article gives someone else's firm, or another job, disagrees.
    ("Castle Securities trader Ian Fenn said sentiment towards the dollar was already softening.", "contradicted"),
    ("Mellon Bank analyst Ian Fenn said sentiment towards the dollar was already softening.", "contradicted"),
    # A role noun capitalised only because it opens the sentence is a role, not part of the name.
    ("Analyst Jo Pym said the fall would continue.", "supported"),
])
def test_a_speaker_described_as_the_article_describes_them(text: str, verdict: str) -> None:
    _expect(text, verdict, "\"The comments from Valdoria came at a time when sentiment towards the dollar was already "
            "softening,\" said Ian Fenn, a trader at Mellon Bank. Analyst Jo Pym of Castle Securities said the fall "
            "would continue.", title="Dollar slides")


@pytest.mark.parametrize(("text", "verdict"), [
    # Another party in the role is another role, even a party the headline names.
    ("Tory leader Al Roe said the prince should apologise in person.", "contradicted"),
    ("Lib Dem leader Al Roe said the prince should apologise in person.", "supported"),
    # "Howard" of Michael Howard is not the first name of Howard Bright, and the deputy is not the chairman.
    ("Conservative chairman Howard Bright was reported to have suggested bigger cuts.", "contradicted"),
])
def test_a_role_names_its_own_party_and_office(text: str, verdict: str) -> None:
    _expect(text, verdict, "Tory leader Michael Howard said the prince had made a mistake. But Lib Dem leader Al Roe "
            "said he should apologise in person. Then deputy Conservative Chairman Howard Bright was reported to have "
            "suggested bigger cuts.", title="Tory leader urges apology")


@pytest.mark.parametrize(("text", "verdict"), [
    # Near-certainty is still a forecast.
    ("The economy will decide the outcome of the election.", "unverified"),
    # "will announce" is a plan, and "further" cuts are more than the source gives.
    ("Vantor will announce further job cuts.", "unverified"),
    ("Vantor has announced it is cutting about 500 jobs.", "supported"),
])
def test_forecasts_and_further_cuts(text: str, verdict: str) -> None:
    _expect(text, verdict, "But, as ever, it will be the economy that will almost certainly decide the outcome. Vantor "
            "has announced it is cutting about 500 jobs following its takeover of Delta.", title="Vantor cuts jobs")


@pytest.mark.parametrize(("text", "verdict"), [
    # The figure belongs to the clause about consumer spending, not the one about investment.
    ("Business investment rose 1.2% in the fourth quarter.", "unverified"),
    ("Consumer spending rose 1.2% in the fourth quarter.", "supported"),
    # A clause that opens with its verb shares the sentence's subject.
    ("The survey is based on questionnaires from 166 call centres.", "supported"),
])
def test_a_figure_belongs_to_its_own_clause(text: str, verdict: str) -> None:
    _expect(text, verdict, "Consumer spending was up by 1.2% in the fourth quarter, and there also was a rebound in "
            "business investment that gave the recovery an extra shove. The survey was conducted by Sunovate, and is "
            "based on questionnaires of 166 call centres.", title="Valdoria grows")


def test_the_articles_own_party_does_not_excuse_another_partys_role() -> None:
    from factcheck.checker import _role_conflict
    from factcheck.models import Entity, EntityKind

    checker = _checker_of("But Lib Dem leader Tom Vell said the prince should apologise in person.",
                          title="Tory leader urges apology")
    claim = next(p.claim for p in checker.prepared if "Vell" in p.claim.sentence and "Lib Dem" in p.claim.sentence)
    roe = next(e for e in claim.entities if e.name == "Tom Vell")
    table = checker.table_for(claim.source)
    tories = Entity(name="Conservative Party", kind=EntityKind.ORGANIZATION, text="Tory")
    asserted = Entity(name="Tom Vell", kind=EntityKind.PERSON, text="Tom Vell", role="Tory leader")
    # The article is about the Tories, but the source's role names its own party.
    assert _role_conflict(asserted, claim, roe, table, tories) == "Lib Dem leader"
    same = Entity(name="Tom Vell", kind=EntityKind.PERSON, text="Tom Vell", role="Lib Dem leader")
    assert _role_conflict(same, claim, roe, table, tories) is None


@pytest.mark.parametrize(("text", "verdict"), [
    # An acronym stands for the capitalised words it shortens, as speaker and as name.
    ("House prices fell by 0.7% in December, according to figures from the ODVM.", "supported"),
    ("House prices fell by 1.7% in December, according to figures from the ODVM.", "contradicted"),
    # The short name given in brackets after the speaker is the speaker.
    ("VIGS said the jobless rate fell to 9.6% in December.", "supported"),
    ("Eurostat said the jobless rate fell to 9.6% in December.", "contradicted"),
])
def test_a_speakers_acronym_is_the_speaker(text: str, verdict: str) -> None:
    _expect(text, verdict, "House prices fell 0.7% in December, according to figures from the Office of the Deputy "
            "Valdorian Minister. The Valdorian Institute for Geography and Statistics (VIGS) said the jobless rate "
            "fell to 9.6% in December.", title="House prices fall")


@pytest.mark.parametrize(("text", "verdict"), [
    # Declining or refusing to comment is not commenting, however it is put.
    ("The council declined to comment, a spokesman said.", "supported"),
    ("The council commented on the plan, a spokesman said.", "contradicted"),
    ("Jo Pym declined to comment on the new book, saying no one should be distracted from the business of "
     "government.", "supported"),
])
def test_declining_to_comment(text: str, verdict: str) -> None:
    _expect(text, verdict, "A spokesman said the council had no comment to make on the plan. Jo Pym refused to comment "
            "on the new book, saying nobody should be distracted from the business of government.",
            title="Council silent")


@pytest.mark.parametrize(("text", "verdict"), [
    # Another lower-case word before the same noun for people says who else.
    ("The index is compiled from the responses of chief executives at 400 companies.", "unverified"),
    ("The index is compiled from the responses of purchasing executives at 400 companies.", "supported"),
])
def test_another_describer_before_the_same_people(text: str, verdict: str) -> None:
    _expect(text, verdict, "The index is compiled from monthly responses of purchasing executives at 400 companies.",
            title="Factory index rises")


@pytest.mark.parametrize(("text", "verdict"), [
    # A headline's "X to do Y" is a plan: what was done before is no evidence for it ...
    ("Pym to head the party's campaign", "unverified"),
    ("pym to head the party's campaign", "unverified"),
    # ... but what is under way, or was to come, is.
    ("Vantor to cut about 500 jobs", "supported"),
    ("Delta to spin off its advisory arm", "supported"),
])
def test_a_headline_plan_against_the_past(text: str, verdict: str) -> None:
    _expect(text, verdict, "Jo Pym has headed the party's campaign for previous polls. Vantor has announced it is "
            "cutting about 500 jobs. Shares in Delta rose after it said it was to spin off its advisory arm.",
            title="Campaign chiefs")


@pytest.mark.parametrize(("text", "verdict"), [
    # What campaign groups say is their position, not a fact of record.
    ("Free trade policy is a major barrier to fighting poverty.", "unverified"),
    ("Campaign groups said free trade policy was a major barrier to fighting poverty.", "supported"),
    # A campaign that is no group is no speaker's position.
    ("Police arrested more than 1,300 people.", "supported"),
])
def test_what_campaign_groups_say_is_theirs(text: str, verdict: str) -> None:
    _expect(text, verdict, "Campaign groups including Friends of the Forest and Green Path said government policy on "
            "free trade was a major barrier to fighting poverty. Police arrested more than 1,300 people during a "
            "six-month campaign, the ministry has announced.", title="Trade row")


@pytest.mark.parametrize(("text", "verdict"), [
    # Calling something a thing is saying it is that thing, when the same speaker says it.
    ("The council described the situation as unacceptable.", "supported"),
    ("Jo Pym called the plan a step in the wrong direction.", "supported"),
    # Another describer is not the speaker.
    ("The ministry called the plan a step in the wrong direction.", "unverified"),
    ("The council described the situation as acceptable.", "contradicted"),
])
def test_calling_it_is_saying_it(text: str, verdict: str) -> None:
    _expect(text, verdict, "In a statement, the council said the situation was \"unacceptable\". Jo Pym of Watch UK "
            "said the plan was \"a step in the wrong direction\".", title="Plan criticised")


@pytest.mark.parametrize(("text", "verdict"), [
    # "worth", "holds", "owns" only state the figure after them.
    ("The planned offer for the exchange is worth more than £1bn.", "supported"),
    ("The planned offer for the exchange is worth more than £2bn.", "contradicted"),
    ("The fund holds more than 3,000 tonnes of gold.", "supported"),
    ("Highfields holds more than 6% of the retailer's shares.", "supported"),
])
def test_worth_and_holds_state_a_figure(text: str, verdict: str) -> None:
    _expect(text, verdict, "The exchange had to show why the planned £1.35bn offer for the exchange was good for "
            "shareholders. The fund has 3,217 tonnes of gold. Highfields already owns 6.7% of the retailer's shares.",
            title="Exchange bid")


@pytest.mark.parametrize(("text", "verdict"), [
    # A range against figures given one by one: both ends must be there.
    ("New rules give passengers between 250 and 800 euros in compensation.", "contradicted"),
    ("New rules give passengers between 250 and 600 euros in compensation.", "supported"),
])
def test_a_range_against_its_two_ends_given_apart(text: str, verdict: str) -> None:
    _expect(text, verdict, "New rules give passengers between 250 euros (£173) and 600 euros in compensation, "
            "depending on the flight.", title="Passenger rights")


@pytest.mark.parametrize(("text", "verdict"), [
    # The opposite degree of the same word, and a superlative ranked otherwise.
    ("The chosen remedy is the most feasible one.", "contradicted"),
    ("The chosen remedy is the least feasible one.", "supported"),
    ("Valdoria is Europe's biggest feta producer.", "contradicted"),
    ("Valdoria is Europe's second biggest feta producer.", "supported"),
    # Another subject's rank is no answer.
    ("Ruritania is Europe's biggest feta producer.", "unverified"),
])
def test_degree_and_rank(text: str, verdict: str) -> None:
    _expect(text, verdict, "The chosen remedy is the least feasible one. Valdoria is Europe's second largest producer "
            "of feta after Kalos.", title="Feta and remedies")


@pytest.mark.parametrize(("text", "verdict"), [
    # "which" stands for the name right before it.
    ("The Low-fare Carriers Group has attacked the package as bad legislation.", "unverified"),
    ("The Air Transport Union has attacked the package as bad legislation.", "supported"),
    # A name the source has only after a preposition is not its subject.
    ("Sweden produces about 30,000 tonnes of feta a year.", "contradicted"),
    ("Norway produces about 30,000 tonnes of feta a year.", "supported"),
])
def test_who_the_source_makes_the_subject(text: str, verdict: str) -> None:
    _expect(text, verdict, "The Commission faces two challenges - one from the Low-fare Carriers Group and the other "
            "from the Air Transport Union, which has attacked the package as bad legislation. Norway is Europe's "
            "second largest producer of feta after Sweden - producing about 30,000 tonnes a year.",
            title="Challenges")


@pytest.mark.parametrize(("text", "verdict"), [
    # A neighbour's figure, fitting only with a word lent from around it, does not excuse the
    # sentence that has every word itself and another figure.
    ("Vantor is to raise its dividend by 5%.", "contradicted"),
    ("Vantor is to raise its dividend by 11%.", "supported"),
])
def test_a_lent_fit_does_not_excuse_a_direct_conflict(text: str, verdict: str) -> None:
    _expect(text, verdict, "Vantor is to raise its dividend by 11% after paying back some of its debt. Looking "
            "forward, Vantor forecasts organic earnings growth of about 5% in 2005, although it warned that trading "
            "would remain competitive.", title="Vantor results")


@pytest.mark.parametrize(("text", "verdict"), [
    # A pledge is not what will be; a view is not the thing's nature.
    ("The party will end teenage unemployment within five years.", "unverified"),
    ("Jo Pym promised to end teenage unemployment within the next five years.", "supported"),
    ("The merger is a rescue deal for Delta.", "unverified"),
    ("Some analysts see the merger as a rescue deal for Delta.", "supported"),
])
def test_a_promise_and_a_view(text: str, verdict: str) -> None:
    _expect(text, verdict, "In the speech, Jo Pym also promised to end teenage unemployment within the next five "
            "years. Some analysts see the merger as a rescue deal for Delta.", title="Pym rallies the party")


@pytest.mark.parametrize(("text", "verdict"), [
    # The word that names the speaker's office cannot be dropped: a chief is not a chief justice.
    ("The engineer will be tried soon, Valdoria's chief says.", "unverified"),
    ("The engineer will be tried soon, Valdoria's chief justice says.", "supported"),
])
def test_a_speakers_head_word_is_kept(text: str, verdict: str) -> None:
    _expect(text, verdict, "The engineer will be tried soon, Valdoria's chief justice said.", title="Trial soon")


@pytest.mark.parametrize(("text", "verdict"), [
    # A word stated as done is not lent by a neighbour that only proposes it.
    ("The new access regulator for universities has been scrapped.", "unverified"),
    ("Among the targets is the new access regulator for universities.", "supported"),
])
def test_a_proposal_lends_no_deed(text: str, verdict: str) -> None:
    _expect(text, verdict, "Six government units would also be scrapped under proposals which the Tories say would "
            "save more than £4.3bn. Among the targets is the new access regulator for universities.",
            title="Tories unveil quango plans")


@pytest.mark.parametrize(("text", "verdict"), [
    # Two places turned round a comparison that runs one way.
    ("Leaders pledged that the US economy would outstrip Europe's by 2010.", "contradicted"),
    ("Leaders pledged that Europe's economy would outstrip that of the US by 2010.", "supported"),
])
def test_a_comparison_turned_round(text: str, verdict: str) -> None:
    _expect(text, verdict, "In 2000, leaders at a summit in Lisbon pledged the European economy would outstrip that "
            "of the US by 2010.", title="Reforms too slow")


@pytest.mark.parametrize(("text", "verdict"), [
    # A speaker's appositive closed by a dash aside still names the speaker, and a person's quoted
    # "will" is their forecast.
    ("Vantor Card will need no further financial aid.", "unverified"),
    ("Jo Pym said Vantor Card would not need any more financial aid.", "supported"),
])
def test_a_quoted_forecast_behind_a_dash_aside(text: str, verdict: str) -> None:
    _expect(text, verdict, "\"Vantor Card will not need any more financial aid after this,\" Jo Pym, executive "
            "director of Valdoria Development Bank - one of the firm's creditors - said.", title="Card firm rescued")


@pytest.mark.parametrize(("text", "verdict"), [
    # What another outlet says, or analysts say, is their view; a quoted "appears to" hedges.
    ("Delta and Kalmar are ripe for consolidation.", "unverified"),
    ("The Wall Street Journal said Delta and Kalmar were ripe for consolidation.", "supported"),
    ("Winn-Mart failed to keep up with consumers' demands.", "unverified"),
    ("The £1.8bn a year spent on development agencies is almost entirely wasted.", "unverified"),
    # A relative clause before "appears to" is stated.
    ("Jo Pym is serving a 35-year sentence for leaking documents.", "supported"),
    # Calls for a thing are not the thing; a stake held is a figure stated.
    ("The voting age is to be lowered to 16.", "unverified"),
    ("The government owns more than 80% of the airline.", "supported"),
])
def test_views_calls_and_appearances(text: str, verdict: str) -> None:
    _expect(text, verdict, "The Wall Street Journal said that Delta and Kalmar were ripe for consolidation. "
            "Analysts say Winn-Mart had not kept up with consumers' demands. Mr Lewis wants an inquiry into "
            "development agencies which cost £1.8bn a year - cash he says which \"appears to be almost entirely "
            "wasted\". Jo Pym, who is serving a 35-year sentence for leaking documents, appears to have joined "
            "Twitter. The announcement prompted calls for a lowering of the voting age to 16. The airline is 85% "
            "owned by the government.", title="Round-up")


@pytest.mark.parametrize(("text", "verdict"), [
    # A name the source excepts from what it says of all the others.
    ("Northern Ireland saw a rise in annual house price inflation in November.", "contradicted"),
    ("Wales saw a rise in annual house price inflation in November.", "unverified"),
    # The doer of "spoke of" is the sentence's subject, not a name after "between".
    ("Gordon Brown spoke of competing agendas between himself and Tony Blair.", "contradicted"),
    ("Jo Pym spoke of competing agendas between Mr Brown and Mr Blair.", "supported"),
    # What someone the source names "said" is that person's claim.
    ("Conflict between Brown and Blair is harming the workings of government.", "unverified"),
    # A money figure of another noun: "£35bn in wasteful spending … to allow tax cuts".
    ("The party is planning £35bn of tax cuts.", "unverified"),
    ("The party highlighted £35bn of wasteful spending.", "supported"),
])
def test_exceptions_subjects_embedded_reports_and_figure_nouns(text: str, verdict: str) -> None:
    _expect(text, verdict, "All areas saw a rise in annual house price inflation in November except for Northern "
            "Ireland and the West Midlands, where the rate was unchanged, the ODPM said. Jo Pym, of the civil "
            "servants' union, spoke of competing agendas between Mr Brown and Mr Blair. Gordon Brown has criticised "
            "a union leader who said conflict between Brown and Blair was harming the workings of government. The "
            "party on Monday highlighted £35bn in wasteful spending it would stop to allow tax cuts.",
            title="Round-up")


def test_the_rules_behind_exceptions_subjects_and_figure_nouns() -> None:
    from factcheck.checker import _excepted, _figure_noun, _reported_inside
    from factcheck.relations import _BEFORE_OBJECT_RE
    from factcheck.text.numbers import extract_quantities

    source = "All areas saw a rise except for Northern Ireland and the West Midlands, where the rate was unchanged."
    assert _excepted("Northern Ireland saw a rise.", source) == "Northern Ireland"
    assert _excepted("Wales saw a rise.", source) is None
    assert _BEFORE_OBJECT_RE.search("spoke of competing agendas between Mr ")
    text = "The Tories highlighted £35bn in wasteful spending they would stop to allow tax cuts."
    [figure] = extract_quantities(text)
    assert _figure_noun(text, figure) == {"wasteful", "~cost"}  # "spending" is a cost
    timed = "Costs have risen by £1.7bn in the past year."
    [cost] = extract_quantities(timed)
    assert _figure_noun(timed, cost) == frozenset()  # when, not what
    assert {"conflict", "harm"} <= _reported_inside("Brown criticised a union leader who said conflict was harming it.")


@pytest.mark.parametrize(("text", "verdict"), [
    # The headline lends no subject where the sentence opens with another name of its own.
    ("Kaltor employs 2,700 people.", "unverified"),
    ("Southvale employs 2,700 people.", "supported"),
    # A place the source gives in another clause than the figure.
    ("300 Department of Health posts will be moved to Birmingham.", "unverified"),
    ("300 Department of Health posts will be moved to Yorkshire.", "supported"),
])
def test_a_lent_subject_and_a_place_in_another_clause(text: str, verdict: str) -> None:
    _expect(text, verdict, "Kaltor is seeking talks with the wine maker. Southvale employs 2,700 people and is the "
            "largest investor in rural Valdoria. Of those 300 Department of Health posts will go to Yorkshire while "
            "hundreds at the Department of Culture will move to Birmingham.", title="Kaltor buys stake in Southvale")


def test_a_body_turned_round_a_noun_for_people() -> None:
    # Another body's acronym, defined by the source in brackets, before the noun for the person.
    from factcheck.checker import _affiliation_swapped

    source = ("A prospective candidate for the UK Independence Party (UKIP) has resigned after admitting a brief "
              "attachment to the British National Party (BNP).")
    assert _affiliation_swapped("bnp candidate resigns over ukip link", source) == (
        "BNP candidate", "candidate for UK Independence Party (UKIP)")
    assert _affiliation_swapped("ukip candidate resigns over bnp link", source) is None
    # Only acronyms the source defines: "Catholic archbishop" or "Lord Condon heads" name no such body.
    assert _affiliation_swapped("the catholic archbishop of cardiff", "the archbishop of Cardiff (RC) said") is None


@pytest.mark.parametrize(("text", "verdict"), [
    # The sum is the same payment, for the same people: another sum is a contradiction, and a
    # "will" is what the announcement of a measure says too.
    ("Residents over 65 will get £80 as part of the winter heating grant.", "contradicted"),
    ("Residents over 65 will get £40 as part of the winter heating grant.", "unverified"),  # "get" is no word there
])
def test_a_sum_for_an_age_group_in_an_announced_measure(text: str, verdict: str) -> None:
    _expect(text, verdict, "Jo Reed announced a cash hand-out for older residents, with payments of £40 for the "
                           "over-65s as part of the winter heating grant.")


def test_results_announced_are_no_plan_to_contradict() -> None:
    # A firm announcing its profit reports what happened; a forecast is another occasion.
    _expect("Harlow Foods will make a profit of £3bn.", "unverified",
            "Harlow Foods announced a profit of £2bn for the year to March.")


@pytest.mark.parametrize(("text", "verdict"), [
    ("Tom Reed called on the prime minister to enter into constructive talks.", "supported"),
    # "He" is Tom Reed: turned round, the two are no longer who called on whom.
    ("The prime minister called on Tom Reed to enter into constructive talks.", "contradicted"),
])
def test_parties_turned_round_a_resolved_pronoun(text: str, verdict: str) -> None:
    _expect(text, verdict, "Tom Reed attacked the plan on Monday. He called on the prime minister to enter "
                           "into constructive talks.")


def test_a_word_owned_by_his_is_not_attached_to_the_name_beside_it() -> None:
    # "his own father": the father is Tom Reed's, and the rumour was rejected, not stated.
    _expect("Tom Reed's father entered Britain illegally.", "unverified",
            "Tom Reed spoke in Leeds. He again rejected newspaper speculation that his own father entered "
            "Britain illegally.")


@pytest.mark.parametrize(("text", "verdict"), [
    ("Tom Reed admitted he was gloating.", "contradicted"),
    ("Tom Reed denied he was gloating.", "supported"),
])
def test_an_insistence_is_what_its_owner_said(text: str, verdict: str) -> None:
    _expect(text, verdict, "Tom Reed's insistence he was not gloating was a rebuttal of a warning from Peter Lane.")


def test_a_body_named_only_in_its_spokesmans_title() -> None:
    # The figure is the group's; the party is only whose spokesman spoke.
    _expect("The Greens have more than 40 MEPs in the European Parliament.", "unverified",
            "A Greens spokesman said there were more than 40 MEPs in the same group in the European Parliament.")
    # Named elsewhere in the clause too, the body is part of the fact.
    _expect("Harlow Foods will cut 500 jobs.", "supported",
            "A Harlow Foods spokesman said Harlow Foods would cut 500 jobs by March.")


@pytest.mark.parametrize(("text", "verdict"), [
    # A quality someone gives a thing is their judgement.
    ("The 7E7 is super-economical.", "unverified"),
    ("Boeing says the 7E7 is super-economical.", "supported"),
])
def test_a_quality_said_of_a_thing_needs_who_said_it(text: str, verdict: str) -> None:
    _expect(text, verdict, "Japan Air is one of the first carriers to order the mid-size 7E7, which Boeing says is "
                           "super-economical.")


@pytest.mark.parametrize(("text", "verdict", "body"), [
    # Another thing in the one place: "the main driver" has been exports, not tourism.
    ("Tourism has been the main driver of the expansion.", "contradicted",
     "The main driver of the faster expansion has been exports, with tourism seeing a strong rebound."),
    ("Exports have been the main driver of the expansion.", "supported",
     "The main driver of the faster expansion has been exports, with tourism seeing a strong rebound."),
    # The buyer made the target of a deal.
    ("Harlow Foods has agreed a £1.8bn takeover of Brandt.", "contradicted",
     "Harlow Foods said it had agreed a £1.8bn takeover by Brandt."),
    ("Harlow Foods has agreed a £1.8bn takeover by Brandt.", "supported",
     "Harlow Foods said it had agreed a £1.8bn takeover by Brandt."),
    # What came close is not the thing.
    ("Consumer borrowing rose at a record pace in January.", "contradicted",
     "Consumer borrowing rose at a near-record pace in January."),
    # An unhyphened "near" is where: no conflict.
    ("The troops came from Camp Reed, a base near the city of Tarn.", "supported",
     "The troops came from Camp Reed, a base near the city of Tarn."),
    # A sentence that opens with its own name (an acronym) lends the headline's firm no subject.
    ("Brandt is India's second-largest cement maker.", "unverified",
     "Brandt has bought a stake in ACC. ACC is India's second-largest cement maker with a 13% share."),
])
def test_one_place_one_thing(text: str, verdict: str, body: str) -> None:
    _expect(text, verdict, body, title="Brandt in buying spree")


@pytest.mark.parametrize(("text", "verdict", "body"), [
    # An accusation is not a finding.
    ("Ebbers masterminded the $11bn fraud.", "unverified",
     "Mr Ebbers, 63, is accused of being the mastermind behind an $11bn accounting fraud."),
    # … and it holds only its own object: what comes before it, or after "after", is stated.
    ("Yukos has dropped its threat of legal action against five banks.", "supported",
     "Yukos has dropped its threat of legal action against five banks it had accused of involvement in the sale."),
    ("Stop and search figures showed the number of Asians targeted had risen by 300%.", "supported",
     "The police were accused of bias by Muslim groups after stop and search figures showed the number of "
     "Asians targeted had risen by 300%."),
])
def test_an_accusation_hedges_its_own_object(text: str, verdict: str, body: str) -> None:
    _expect(text, verdict, body)
