"""Article → claims: the seed's golden facts, determinism of claims.yaml, and the BBC corpus."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from factcheck.api import extract
from factcheck.extract import opens_with_dateline
from factcheck.models import Bound, EntityKind, Polarity, Stance
from tests.conftest import ROOT, SHARED, factcheck_command


@pytest.fixture(scope="module")
def seed_kb():  # type: ignore[no-untyped-def]
    return extract([ROOT / "seeds"])


def _claim(kb, needle: str):  # type: ignore[no-untyped-def]
    found = [c for c in kb.claims if needle in (c.clause or c.sentence)]
    assert found, needle
    return found[0]


def test_seed_golden_facts(seed_kb) -> None:  # type: ignore[no-untyped-def]
    [source] = seed_kb.sources
    assert str(source.published) == "2025-05-23"
    assert source.title.startswith("US Troop Withdrawal")

    stationed = _claim(seed_kb, "28,500")
    [q] = stationed.quantities
    assert (q.value, q.counted, q.bound) == (28500, "troops", Bound.EXACT)

    report = _claim(seed_kb, "approximately 4,500")
    q = next(q for q in report.quantities if q.value == 4500)
    assert q.bound == Bound.APPROXIMATE and q.low is not None and q.low < 4500 < (q.high or 0)
    assert report.stance == Stance.CONSIDERED
    assert report.attribution is not None and "Wall Street Journal" in report.attribution.who

    denial = _claim(seed_kb, "had denied the report")
    assert denial.stance == Stance.DENIED
    assert denial.attribution is not None and denial.attribution.who == "Sean Parnell"
    assert denial.attribution.role == "US Defense Department chief spokesperson"

    no_talks = _claim(seed_kb, "no discussions had been held")
    assert no_talks.polarity == Polarity.NEGATED
    assert [d.value for d in no_talks.dates] == ["2025-05-23"]

    election = _claim(seed_kb, "snap election")
    assert [d.value for d in election.dates] == ["2025-06-03"]
    assert election.stance == Stance.PLANNED

    plan = _claim(seed_kb, "five-year plan")
    assert any(q.value == 5 and q.unit == "year" for q in plan.quantities)
    assert any(d.value == "2024" for d in plan.dates)  # "last year"

    martial = _claim(seed_kb, "martial law")
    assert [d.value for d in martial.dates] == ["2024-12"]

    assert not any(c.sentence.strip() == "Sponsor" for c in seed_kb.claims)


def test_committed_claims_are_regenerated_byte_identically(tmp_path: Path) -> None:
    out = tmp_path / "claims.yaml"
    proc = subprocess.run([*factcheck_command(), "extract", "seeds/", "-o", str(out)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == (ROOT / "claims.yaml").read_bytes()
    assert (ROOT / "src" / "factcheck" / "data" / "claims.yaml").read_bytes() == out.read_bytes()


def test_extract_refuses_nothing_to_read(tmp_path: Path) -> None:
    proc = subprocess.run([*factcheck_command(), "extract", str(tmp_path)], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: no .txt or .md articles")


def test_every_bbc_story_extracts() -> None:
    corpus = SHARED / "corpus" / "bbc"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus/bbc not present beside the project")
    kb = extract([corpus])
    assert len(kb.sources) == 927
    per_source = {s.id: 0 for s in kb.sources}
    for claim in kb.claims:
        per_source[claim.source] += 1
    assert min(per_source.values()) >= 3
    assert len(kb.claims) > 10_000
    # Aliases learned from one story are scoped to it.
    assert all(a.source in per_source for a in kb.aliases)


def _article(body: str, title: str = "Results day") -> list:  # type: ignore[type-arg]
    from factcheck.extract import extract_article

    _, claims, _ = extract_article(f"{title}\n\n{body}\n", source_id="art", path="art.txt")
    return claims


def _clause_of(claims: list, needle: str):  # type: ignore[no-untyped-def,type-arg]
    found = [c for c in claims if needle in (c.clause or c.sentence)]
    assert found, needle
    return found[0]


def test_a_description_carries_the_one_organisation_it_refers_to() -> None:
    claims = _article("Northern Airways has blamed fuel prices for a drop in profits. "
                      "The airline made a profit of £75m in the quarter.")
    resolved = _clause_of(claims, "£75m")
    assert [(e.name, e.text) for e in resolved.entities] == [("Northern Airways", "The airline")]


def test_a_description_is_not_resolved_when_the_article_names_several_businesses() -> None:
    claims = _article("Northern Airways has blamed fuel prices for a drop in profits. "
                      "Rival Skyway Holdings reported higher sales. "
                      "The airline made a profit of £75m in the quarter.")
    assert _clause_of(claims, "£75m").entities == []


def test_a_description_used_as_a_modifier_or_beside_a_name_is_left_alone() -> None:
    claims = _article("Northern Airways has blamed fuel prices for a drop in profits. "
                      "The airline industry lost £2bn last year. "
                      "Skyway Holdings said the firm would bid for routes.")
    assert _clause_of(claims, "industry").entities == []
    # The clause names an organisation itself: "the firm" may be another one.
    assert {e.name for e in _clause_of(claims, "bid for routes").entities} == {"Skyway Holdings"}


def test_the_noun_of_a_description_picks_the_organisation_named_by_it() -> None:
    claims = _article("Rates were held by the Bank of England on Thursday. "
                      "Northern Airways reported a loss. "
                      "The bank said inflation would stay below 2%.")
    assert [e.name for e in _clause_of(claims, "inflation").entities] == ["Bank of England"]


def test_a_description_after_the_articles_subject_refers_to_it() -> None:
    # The headline and opening name one organisation, the subject; a subsidiary named further
    # back does not stop "the firm" from meaning the subject when the subject was named last.
    body = ("Strong growth at its network Bluewave has boosted profits at owner Northern Telecom. "
            "Bluewave added five million customers. "
            "Northern Telecom's broadband customers also increased. "
            "The firm said it had met its main objectives.")
    claims = _article(body, title="Northern Telecom gets profit boost")
    resolved = _clause_of(claims, "main objectives")
    assert [(e.name, e.text) for e in resolved.entities] == [("Northern Telecom", "The firm")]
    assert resolved.attribution is not None
    assert (resolved.attribution.who, resolved.attribution.entity) == ("The firm", "Northern Telecom")


def test_a_description_after_another_business_is_not_the_articles_subject() -> None:
    # Named last is the subsidiary: "the firm" may be it, so nothing is resolved.
    body = ("Strong growth at its network Bluewave has boosted profits at owner Northern Telecom. "
            "Northern Telecom's broadband customers increased. "
            "Bluewave Mobile added five million customers. "
            "The firm said it had met its main objectives.")
    claims = _article(body, title="Northern Telecom gets profit boost")
    resolved = _clause_of(claims, "main objectives")
    assert resolved.entities == []
    assert resolved.attribution is not None and resolved.attribution.entity is None
    # A headline naming two organisations leaves the subject open.
    body = ("Northern Telecom and Skyway Holdings reported results. "
            "Bluewave added five million customers. "
            "Northern Telecom's broadband customers also increased. "
            "The firm said it had met its main objectives.")
    claims = _article(body, title="Northern Telecom and Skyway Holdings report")
    assert _clause_of(claims, "main objectives").entities == []
    # A public body as the subject is never "the airline".
    body = ("The European Commission has set new rules for airlines. Northern Airways and Skyway Holdings objected. "
            "The European Commission replied on Monday. The airline said it would appeal.")
    claims = _article(body, title="European Commission sets airline rules")
    assert _clause_of(claims, "would appeal").entities == []


def test_he_continues_a_speaker_named_by_title_in_the_previous_sentence() -> None:
    claims = _article("Mayor Jane Hill opened the bridge on Monday. Tom Reed, the treasurer, was there. "
                      "Savings of £2bn have been made, the chancellor said. "
                      "Some 400 posts have been axed, he added.")
    added = _clause_of(claims, "400 posts")
    assert added.attribution is not None and added.attribution.who == "the chancellor"
    # Two sentences on, "he" goes back to the last person named, as before.
    claims = _article("Tom Reed, the treasurer, spoke first. Savings of £2bn have been made, the chancellor "
                      "said. Rates are low. Some 400 posts have been axed, he added.")
    added = _clause_of(claims, "400 posts")
    assert added.attribution is not None and added.attribution.who == "Tom Reed"


def test_he_or_she_skips_a_person_whose_title_gives_the_other_gender() -> None:
    claims = _article("Mr Brown met Ms Green in Leeds on Monday. She said the talks had gone well. "
                      "He said the plant would stay open.")
    assert _speaker_entity(claims, "talks had gone well") == "Green"
    assert _speaker_entity(claims, "plant would stay open") == "Brown"
    # A title given once holds for the rest of the article: "Baroness Morgan … Jo Reed … He said".
    claims = _article("Baroness Morgan opened the debate. Jo Reed, a teacher, said schools were full. "
                      "Ms Morgan replied that 200 more would open. He said the plan was late.")
    assert _speaker_entity(claims, "plan was late") == "Jo Reed"


def test_he_or_she_takes_the_most_recent_person_when_no_title_tells() -> None:
    # No title: the person named last, as before, whoever was named further back.
    claims = _article("Mr Brown spoke first. Jo Price, a teacher, said the school would close. "
                      "She said parents had been told on Monday.")
    assert _speaker_entity(claims, "parents had been told") == "Jo Price"
    claims = _article("Ms Green spoke first. Jo Price, a teacher, said the school would close. "
                      "He said parents had been told on Monday.")
    assert _speaker_entity(claims, "parents had been told") == "Jo Price"


def test_he_or_she_is_left_unresolved_when_every_person_named_is_of_the_other_gender() -> None:
    claims = _article("Mr Brown met Mr Black in Leeds on Monday. She said the talks had gone well.")
    attribution = _clause_of(claims, "talks had gone well").attribution
    assert attribution is not None and attribution.who == "She" and attribution.entity is None


@pytest.mark.parametrize(
    ("body", "who"),
    [
        ("Rates rose, analysts said. They have predicted that 20 banks would merge.", "analysts"),
        ("Economists at Barclays said growth would slow. Jo Reed left. They said 20 banks would merge.",
         "Economists at Barclays"),
        ("The Tories said the plan would fail. They said 20 banks would merge.", "The Tories"),
        ("MPs warned that rates would rise. They said 20 banks would merge.", "MPs"),
        ("Local people protested, police said. They added that 20 banks would close.", "police"),
    ],
)
def test_they_continues_the_many_who_spoke_just_before(body: str, who: str) -> None:
    attribution = _clause_of(_article(body), "20 banks").attribution
    assert attribution is not None and attribution.who == who


@pytest.mark.parametrize(
    "body",
    [
        # One person, one organisation or a name ending in "s" is not "they".
        "Michael Smith said rates would rise. They said 20 banks would merge.",
        "Ryanair said rates would rise. They said 20 banks would merge.",
        "Rates rose, Reuters reported. They said 20 banks would merge.",
        "Goldman Sachs said rates would rise. They said 20 banks would merge.",
        # The many spoke too far back.
        "Analysts said rates would rise. Shares fell on Monday. The pound rose on Tuesday. "
        "Bonds slipped on Wednesday. They said 20 banks would merge.",
    ],
)
def test_they_is_left_unresolved_without_the_many_just_before(body: str) -> None:
    attribution = _clause_of(_article(body), "20 banks").attribution
    assert attribution is not None and attribution.who == "They" and attribution.entity is None


def test_a_hedged_coordinated_predicate_is_a_claim_of_its_own() -> None:
    claims = _article("Sales rose 3% in March, and are expected to rise again in April.")
    assert [(c.clause, c.stance) for c in claims] == [
        ("Sales rose 3% in March", Stance.ASSERTED),
        ("are expected to rise again in April.", Stance.CONSIDERED),
    ]


def test_a_split_that_changes_no_stance_is_undone() -> None:
    # Both parts hedged: one claim, so that a restatement of the whole sentence still matches it.
    claims = _article("Sales are expected to rise 3%, and are expected to rise again in April.")
    assert len(claims) == 1 and claims[0].clause is None
    assert claims[0].stance is Stance.CONSIDERED
    claims = _article("Sales rose 3%, with exports climbing 5% in March.")
    assert len(claims) == 1 and claims[0].stance is Stance.ASSERTED


def test_an_absolute_phrase_keeps_its_own_hedge_but_not_the_main_clause() -> None:
    claims = _article("The outlook was worst for Europe, with growth forecasts slipping to 1.8% in 2005, "
                      "the OECD said.")
    main = _clause_of(claims, "worst")
    assert main.stance is Stance.REPORTED and main.clause == "The outlook was worst for Europe"
    assert _clause_of(claims, "slipping").stance is Stance.CONSIDERED
    # A hedge of the main clause covers the absolute phrase.
    claims = _article("Sales are expected to rise 3% in May, with exports climbing 5%.")
    assert {c.stance for c in claims} == {Stance.CONSIDERED}


def test_a_contrast_keeps_its_split_only_where_negation_differs() -> None:
    claims = _article("The Hawks were not involved in the fight, police said, but were arrested later.")
    assert [c.polarity for c in claims] == [Polarity.NEGATED, Polarity.AFFIRMED]
    claims = _article("The sisters were born in the capital but were forced to flee in 1991.")
    assert len(claims) == 1 and claims[0].clause is None


def test_a_wire_credit_glued_to_the_first_word_is_a_dateline() -> None:
    claims = _article("(CNN)Three people were killed on Thursday.\n\n"
                      "Kabul, Afghanistan (CNN)Five others were wounded in the attack.")
    assert [(c.clause, [q.value for q in c.quantities], c.entities) for c in claims] == [
        ("Three people were killed on Thursday.", [3.0], []),
        ("Five others were wounded in the attack.", [5.0], []),
    ]
    # A bracketed short name inside a sentence is not a dateline.
    claims = _article("The Bank of England (BoE) said rates would rise by 0.25%.")
    assert claims[0].clause is None



def test_a_hedge_or_negation_inside_an_aside_stays_in_the_aside() -> None:
    claims = _article("Durst, 71, faces a charge of possessing a revolver, which police allegedly found in his room.")
    main = _clause_of(claims, "faces a charge of possessing a revolver.")
    assert main.stance is Stance.ASSERTED and "allegedly" not in (main.clause or "")
    # (An accusation is its own hedge: "is accused of possessing a revolver" is no finding.)
    accused = _clause_of(_article("Durst, 71, is accused of possessing a revolver."), "accused")
    assert accused.stance is Stance.CONSIDERED
    # The aside, and the whole sentence, keep the hedge.
    assert _clause_of(claims, "which police allegedly").stance is Stance.CONSIDERED
    assert {c.stance for c in claims if c.clause and "allegedly" in c.clause} == {Stance.CONSIDERED}

    claims = _article("But the politicians underestimated the pushback, including companies with no record of "
                      "public support.")
    assert _clause_of(claims, "pushback.").polarity is Polarity.AFFIRMED
    assert _clause_of(claims, "including").polarity is Polarity.NEGATED

    claims = _article("Two boys are in a coma -- perhaps from pesticide exposure, officials say -- during a "
                      "trip, their lawyer said Saturday.")
    main = _clause_of(claims, "coma during a trip")
    assert main.stance is Stance.REPORTED and main.attribution is not None
    assert main.attribution.who == "their lawyer"


def test_a_hedge_of_the_main_clause_is_not_split_off() -> None:
    # The hedge is on the main verb: one claim, hedged.
    claims = _article("The boat may have capsized, which would explain the debris, a U.N. official said.")
    assert all(c.stance is Stance.CONSIDERED for c in claims)
    claims = _article("Sales are expected to rise 3%, which the firm welcomed.")
    assert [c.stance for c in claims] == [Stance.CONSIDERED]
    # An aside without a hedge of its own changes nothing.
    claims = _article("Smith, who is 34, was arrested on Monday.")
    assert len(claims) == 1 and claims[0].clause is None


def test_a_fronted_time_clause_is_background_fact_beside_a_hedged_main_clause() -> None:
    claims = _article("When police answered the call last November, they may have found the weapon.")
    assert _clause_of(claims, "When police answered").stance in {Stance.ASSERTED, Stance.CONSIDERED}
    fronted = [c for c in claims if c.clause == "When police answered the call last November"]
    assert len(fronted) == 1 and fronted[0].stance is Stance.ASSERTED
    assert {c.stance for c in claims if c.clause and "may have" in c.clause} == {Stance.CONSIDERED}
    # With an unhedged main clause nothing is split.
    claims = _article("When police answered the call last November, they found the weapon.")
    assert len(claims) == 1 and claims[0].clause is None


def test_a_coordinated_clause_with_its_own_subject_holds_its_own_negation() -> None:
    claims = _article("Ms Reed, who led the campaign, was having dozens of seizures a day and the three drugs "
                      "meant to control them weren't making life better.")
    assert [(c.clause, c.polarity) for c in claims] == [
        # The whole sentence stays, negated, for an assertion that restates all of it.
        (claims[0].sentence, Polarity.NEGATED),
        ("Ms Reed, who led the campaign, was having dozens of seizures a day", Polarity.AFFIRMED),
        ("the three drugs meant to control them weren't making life better.", Polarity.NEGATED),
    ]
    # A hedge of the second clause stays there too.
    claims = _article("Next is one of the biggest rivals of the chain and the move may force it to cut prices.")
    assert [(c.clause, c.stance) for c in claims][1:] == [
        ("Next is one of the biggest rivals of the chain", Stance.ASSERTED),
        ("the move may force it to cut prices.", Stance.CONSIDERED),
    ]


def test_coordinated_clauses_held_alike_or_a_compound_subject_are_not_split() -> None:
    claims = _article("Sales rose 5% in March and the shares were up 3% on Monday.")
    assert len(claims) == 1 and claims[0].clause is None
    claims = _article("Sales of cars and trucks were not strong in March.")
    assert len(claims) == 1 and claims[0].polarity is Polarity.NEGATED
    claims = _article("The minister said Mr Hill and Mr Reed were not in the meeting on Monday.")
    assert len(claims) == 1 and claims[0].polarity is Polarity.NEGATED


def test_a_sentence_opening_he_or_she_carries_the_one_person_named_before() -> None:
    claims = _article("Singer Jane Hill was found dead at her home. She died from alcohol poisoning at 27.")
    died = _clause_of(claims, "She died")
    assert [(e.name, e.kind, e.text, e.role) for e in died.entities] == [
        ("Jane Hill", EntityKind.PERSON, "She", "Singer")]


def test_a_pronoun_is_left_alone_when_the_sentence_before_names_several_people_or_none() -> None:
    claims = _article("Jane Hill met Tom Reed in Leeds. She died from alcohol poisoning at 27.")
    assert _clause_of(claims, "She died").entities == []
    # Named two sentences back, and not as the subject there: too far to tell.
    claims = _article("Police found Jane Hill at home. The house was empty. She died from alcohol poisoning.")
    assert _clause_of(claims, "She died").entities == []
    # A sentence that names a person itself keeps its own reading.
    claims = _article("Jane Hill was found dead. She and Tom Reed had met in Leeds on Monday.")
    assert [e.name for e in _clause_of(claims, "She and").entities] == ["Tom Reed", "Leeds"]


def test_the_sentence_speaker_survives_a_clause_that_teaches_a_new_name() -> None:
    # The first clause names a new person (an alias is learned and the clause re-read): the
    # speaker at the end of the sentence must still cover it.
    claims = _article("Jane Hill would step down in May, but rates will rise, the bank said.")
    hill = _clause_of(claims, "Jane Hill would")
    assert hill.clause == "Jane Hill would step down in May"
    assert hill.attribution is not None and hill.attribution.who == "the bank"
    assert hill.stance is Stance.PLANNED


def test_an_acronym_label_keeps_its_speaker_and_a_place_label_is_a_dateline() -> None:
    claims = _article("The firm said profits rose 5% in May.", title="WSJ: US weighs pulling 4,500 troops from Korea")
    title = _clause_of(claims, "WSJ:")
    assert title.clause is None and title.attribution is not None and title.attribution.who == "WSJ"
    claims = _article("LONDON: Profits rose 5% in May.")
    assert claims[0].clause == "Profits rose 5% in May." and claims[0].attribution is None


def test_an_acronym_an_article_defines_is_its_alias_there_only() -> None:
    from factcheck.api import build_kb
    from factcheck.checker import Checker
    from factcheck.models import Verdict

    first = ("Tax warning\n\nThe National Institute of Economic and Social Research (NIESR) claims that taxes "
             "need to rise by about £10bn. Growth will slow, NIESR said.\n")
    second = "Tax warning\n\nThe Institute said that taxes need to rise by about £10bn.\n"
    kb = build_kb([("a", "a.txt", first), ("b", "b.txt", second)])
    assert [(a.name, a.also, a.source) for a in kb.aliases] == [
        ("National Institute of Economic and Social Research", ["NIESR"], "a")]
    said = next(c for c in kb.claims if "NIESR said" in c.sentence)
    assert said.attribution is not None
    assert said.attribution.entity == "National Institute of Economic and Social Research"
    checker = Checker(kb)
    result = checker.check("NIESR: taxes need to rise by about £10bn")
    assert result.verdict is Verdict.SUPPORTED and result.claim_id is not None and result.claim_id.startswith("a-")
    # The other article's unnamed institute is not NIESR.
    only_second = Checker(build_kb([("b", "b.txt", second)]))
    assert only_second.check("NIESR: taxes need to rise by about £10bn").verdict is not Verdict.SUPPORTED


def _speaker_entity(claims: list, needle: str) -> str | None:  # type: ignore[type-arg]
    attribution = _clause_of(claims, needle).attribution
    assert attribution is not None, needle
    return attribution.entity  # type: ignore[no-any-return]


def test_it_said_continues_an_organisation_speaking_just_before() -> None:
    claims = _article("Ryanair said fares would fall in March. It added that 400 jobs would go.")
    assert _speaker_entity(claims, "400 jobs") == "Ryanair"
    claims = _article("Profits rose, the airline said. But it said fares would fall in March.")
    assert _clause_of(claims, "fares would fall").attribution.who == "the airline"
    # An earlier clause of the same sentence counts as just before.
    claims = _article("Ryanair said fares would fall in March, and it warned that 400 jobs would go.")
    assert _speaker_entity(claims, "400 jobs") == "Ryanair"


@pytest.mark.parametrize(
    "body",
    [
        # A person spoke just before: "it" is someone else.
        "Ryanair made a profit. Michael Smith said fares would fall in March. It added that 400 jobs would go.",
        # A spokesman speaks for a body, but "it" may mean something else.
        "A Ryanair spokesman said fares would fall in March. It added that 400 jobs would go.",
        # A report: "it" is as likely the report as its author.
        "A Wall Street Journal report said fares would fall in March. It added that 400 jobs would go.",
        "Xinhua's report said fares would fall in March. It added that 400 jobs would go.",
        # Nobody spoke just before: an organisation further back is not reached for.
        "Ryanair said fares would fall in March. Boeing delivered ten planes. It added that 400 jobs would go.",
    ],
)
def test_it_said_is_left_unresolved_unless_one_organisation_spoke_just_before(body: str) -> None:
    attribution = _clause_of(_article(body), "400 jobs").attribution
    assert attribution is not None and attribution.who.lower() == "it" and attribution.entity is None


def test_an_unresolved_it_is_no_antecedent_for_the_report() -> None:
    claims = _article("A Wall Street Journal report said fares would fall. It added that 400 jobs would go. "
                      "The report said 20 routes would close.")
    attribution = _clause_of(claims, "20 routes").attribution
    assert attribution is not None and attribution.who == "Wall Street Journal"


@pytest.mark.parametrize(
    ("body", "who"),
    [
        ("The Sunday Telegraph said fares would fall. The paper said 20 routes would close.", "The Sunday Telegraph"),
        ("Fares will fall, the Financial Times reported. The newspaper said 20 routes would close.",
         "the Financial Times"),
        ("Ryanair said fares would fall. The company said 20 routes would close.", "Ryanair"),
        ("The Treasury said fares would fall. The ministry said 20 routes would close.", "The Treasury"),
        ("A Treasury spokesman said fares would fall. The statement said 20 routes would close.",
         "A Treasury spokesman"),
    ],
)
def test_a_described_speaker_continues_a_speaker_of_a_fitting_kind(body: str, who: str) -> None:
    attribution = _clause_of(_article(body), "20 routes").attribution
    assert attribution is not None and attribution.who == who


@pytest.mark.parametrize(
    "body",
    [
        # A person or a ministry is no newspaper: "the paper" is one the article has not named.
        "Michael Smith, the transport minister, said fares would fall. The paper said 20 routes would close.",
        "The Treasury said fares would fall. The newspaper said 20 routes would close.",
        # A newspaper or a person is no company.
        "The Financial Times said fares would fall. The company said 20 routes would close.",
        "Jane Price, a pilot, said fares would fall. The firm said 20 routes would close.",
        # A person wrote no "report" the article speaks of.
        "Michael Smith said fares would fall. The report said 20 routes would close.",
    ],
)
def test_a_described_speaker_is_left_unresolved_after_a_speaker_of_another_kind(body: str) -> None:
    attribution = _clause_of(_article(body), "20 routes").attribution
    assert attribution is not None and attribution.who.lower().startswith("the ")
    assert attribution.entity is None


def _people(claims: list, needle: str) -> list[str]:  # type: ignore[type-arg]
    return [e.name for e in _clause_of(claims, needle).entities if e.kind == EntityKind.PERSON]


def test_a_definite_title_carries_the_one_person_given_that_title() -> None:
    claims = _article("Chancellor Gordon Brown froze petrol duty. Shadow chancellor Oliver Letwin attacked the plan. "
                      "The chancellor also hailed growth. The shadow chancellor said debt would rise. "
                      "Home Secretary Charles Clarke spoke later. The home secretary said crime fell.")
    assert _people(claims, "hailed growth") == ["Gordon Brown"]
    # "shadow" makes another office, both ways.
    assert _people(claims, "debt would rise") == ["Oliver Letwin"]
    speaker = _clause_of(claims, "crime fell").attribution
    assert speaker is not None and speaker.who == "The home secretary" and speaker.entity == "Charles Clarke"


def test_a_definite_title_after_a_company_person() -> None:
    claims = _article("BA chief executive Rod Eddington said fares would rise. "
                      "The company's chief executive said he was confident about 2005.")
    assert _people(claims, "confident about 2005") == ["Rod Eddington"]
    speaker = _clause_of(claims, "confident about 2005").attribution
    assert speaker is not None and speaker.entity == "Rod Eddington"


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        # Two people with the title: ambiguous.
        ("Foreign Minister Jo Bloggs arrived. Defence Minister Ann Smith left. The minister said talks went well.",
         "talks went"),
        # No one was given the title before.
        ("Gordon Brown froze petrol duty. The chancellor also hailed growth.", "hailed growth"),
        # Another office: the deputy prime minister is not the prime minister.
        ("Prime Minister Tony Blair backed him. The deputy prime minister said talks went well.", "talks went"),
        # The name is given in the sentence; a title as a modifier; whose title the phrase after says.
        ("Prime Minister Tony Blair spoke. Later the prime minister, John Major, said talks went well.",
         "talks went"),
        ("Mayor Ken Livingstone spoke. The general election will be held in May.", "general election"),
        ("Mayor Ken Livingstone spoke. The mayor of Paris said talks went well.", "talks went"),
    ],
)
def test_a_definite_title_is_left_alone_unless_it_fits_one_person(body: str, needle: str) -> None:
    people = _people(_article(body), needle)
    assert "Tony Blair" not in people and "Jo Bloggs" not in people and "Ann Smith" not in people
    assert "Gordon Brown" not in people and "Ken Livingstone" not in people


@pytest.mark.parametrize(("sentence", "dateline"), [
    ("SEOUL: The ministry said no talks were held.", True),
    ("LONDON (Reuters) - Shares fell on Monday.", True),
    ("NIESR: growth will slow next year.", False),  # a speaker's label
    ("The ministry said no talks were held.", False),
])
def test_opens_with_dateline(sentence: str, dateline: bool) -> None:
    assert opens_with_dateline(sentence) is dateline


def test_a_quotation_running_into_the_next_sentence_keeps_its_speaker() -> None:
    claims = _article('Union spokesman Jo Pym said: "In Valdoria the civil service is a major employer. '
                      '"Our protest is about jobs. "Rural areas will be particularly affected by these cuts." '
                      'The minister said the cuts would fund more teachers. "It is a fair deal," he added.')
    for needle in ("Our protest", "Rural areas"):
        quoted = _clause_of(claims, needle)
        assert quoted.attribution is not None and quoted.attribution.entity == "Jo Pym", needle
    # Once the quotation closes, the next sentence is no longer in it.
    after = _clause_of(claims, "fund more teachers")
    assert after.attribution is not None and after.attribution.who == "The minister"


def test_the_ministry_continues_only_a_body_of_the_state() -> None:
    claims = _article("Campaign groups including Green Path said trade policy was a barrier to growth. Police "
                      "arrested 1,300 people during the campaign, the ministry has announced.")
    arrests = _clause_of(claims, "arrested")
    assert arrests.attribution is not None and arrests.attribution.who == "the ministry"
    # After a country's own speaker it still continues it.
    claims = _article("Seoul said no talks had been held. The ministry added that ties were strong.")
    added = _clause_of(claims, "ties were strong")
    assert added.attribution is not None and added.attribution.who == "Seoul"


def test_a_titled_surname_makes_the_earlier_name_a_person() -> None:
    claims = _article('"Customers want it now," says Cara Vendt of IT firm Dimension Data. Ms Vendt says '
                      "patience is running out.")
    later = _clause_of(claims, "patience")
    assert later.attribution is not None and later.attribution.entity == "Cara Vendt"


def test_a_clause_keeps_its_own_opinion_verb() -> None:
    claims = _article("The alliance said it was a good thing to engage people but argued lowering the voting age "
                      "would be much more effective.")
    argued = _clause_of(claims, "voting age")
    assert argued.attribution is not None and argued.attribution.verb == "argue"


def _people_in(claims: list, needle: str) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(e.text, e.name) for e in _clause_of(claims, needle).entities if e.kind == EntityKind.PERSON]


@pytest.mark.parametrize(("body", "speaker"), [
    ("David Hale, for the Greens, accused Mr Brown of ducking tough choices. He said the budget was a gamble.",
     "David Hale"),
    # A subject that is a name of no known kind may be a person: "he" is then left alone, not given
    # to the last person named.
    ("Tom Reed spoke first. Zorvan Quayle is a senior officer at the depot in Leeds. He said the budget was a "
     "gamble.", None),
])
def test_a_sentence_opening_he_is_the_subject_before_not_the_last_name(body: str, speaker: str | None) -> None:
    assert _speaker_entity(_article(body), "budget was a gamble") == speaker


def test_the_subject_carries_through_a_sentence_that_names_nobody() -> None:
    claims = _article("Tom Reed's insistence he was not gloating was a rebuttal of a warning from Peter Lane. "
                      "In his speech, he set out a childcare strategy. It includes £285m for nurseries. "
                      "He also promised more nursery places.")
    # Whose the subject is ranks above a name after "from"; a phrase before the pronoun is no bar.
    assert _people_in(claims, "set out") == [("he", "Tom Reed")]
    assert _people_in(claims, "also promised") == [("He", "Tom Reed")]
    # Jane Hill is the subject, so "She" two sentences on is still her.
    claims = _article("Jane Hill was found dead. The house was empty. She died from alcohol poisoning.")
    assert _people_in(claims, "She died") == [("She", "Jane Hill")]


def test_a_quotation_runs_on_through_a_sentence_with_no_mark_of_its_own() -> None:
    claims = _article('Jo Pym told MPs: "The tide is going out on the minister\'s credibility. He is spending '
                      'too much." The council met on Monday.')
    inside = _clause_of(claims, "spending too much")
    assert inside.attribution is not None and inside.attribution.entity == "Jo Pym"
    # Inside Jo Pym's words "he" is someone else: Jo Pym would say "I".
    assert _people_in(claims, "spending too much") == []
    after = _clause_of(claims, "council met")
    assert after.attribution is None


def test_a_given_name_tells_whom_she_stands_for() -> None:
    # The last person named is a man by his given name: "She" is the woman named before him.
    claims = _article("Sarah Boyd met officials in Leeds. David Hale spoke first. She said the plan was late.")
    assert _speaker_entity(claims, "plan was late") == "Sarah Boyd"


@pytest.mark.parametrize(("body", "needle", "speaker"), [
    # A stray closing mark opens nothing: the next sentence is no one's quotation.
    ('Mr Hale said he feared it "creates martyrs" and could be "a recruiting sergeant" for rebels". The bill '
     "returns to the Commons next week.", "returns to the Commons", None),
    # The quotation is its opener's, not that of someone the opener quotes.
    ('Mark Hill told BBC News: "He appears to have said these things. We have suspended him." The vote is on '
     "Friday.", "We have suspended him", "Mark Hill"),
    # One sentence, one speaker: a name in its second clause does not take it over.
    ("Mark Hill said the issue was that Mr Reed's views had been misreported. He said they were only drafts, "
     "but would not have been shown to Mr Reed when he stood.", "shown to Mr Reed", "Mark Hill"),
    # "He said" after someone spoke is the speaker, not the name that owns the subject.
    ('Gordon Reed\'s decision was "a sensible thing to do", Mr Hale told the BBC. Asked about rates, he said '
     "they were a matter for the Bank.", "matter for the Bank", "Hale"),
    # … but a subject outranks a speaker inside its sentence.
    ("Dr Fox refused to discuss reports that the party repaid Lord Ashby after he said it could not win. "
     '"We repay loans when they are due," he said.', "We repay loans", "Fox"),
    # "The Planning Minister" opening the sentence before is a title, no name of unknown kind: "he"
    # still goes to the minister named earlier.
    ("Planning Minister Julio Vargas offered help. The Planning Minister did not rule out cancelling the deal. "
     "Yet he added that he disliked futurology.", "futurology", "Julio Vargas"),
    # "Mr Vargas denied …": the surname with its title is the person named before in full.
    ("Julio Vargas spoke on Monday. Roberto Lanza spoke too. Speaking in Lima, Mr Vargas later denied any rise. "
     "He added that the decision would come within weeks.", "within weeks", "Julio Vargas"),
])
def test_who_speaks_a_quotation_or_a_pronoun(body: str, needle: str, speaker: str | None) -> None:
    found = _clause_of(_article(body), needle).attribution
    entity = found.entity if found is not None else None
    assert (entity or None) == speaker or (speaker is not None and entity is not None and entity.endswith(speaker))
