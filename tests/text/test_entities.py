"""Named entities, aliases and roles (src/factcheck/text/entities.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.models import Alias, Entity, EntityKind
from factcheck.text.entities import AliasTable, extract_entities, learn_aliases

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "000_6a66de03a92d95d0.txt"


@pytest.fixture(scope="module")
def table() -> AliasTable:
    return AliasTable.default()


def ents(sentence: str, table: AliasTable) -> list[Entity]:
    found = extract_entities(sentence, table)
    for e in found:  # offsets always point at the text as written
        assert sentence[e.start:e.end] == e.text
    return found


def names(sentence: str, table: AliasTable) -> list[str]:
    return [e.name for e in ents(sentence, table)]


def by_name(sentence: str, table: AliasTable, name: str) -> Entity:
    matches = [e for e in ents(sentence, table) if e.name == name]
    assert matches, f"{name!r} not among {names(sentence, table)}"
    return matches[0]


# ---------------------------------------------------------------- the table


@pytest.mark.parametrize("form", ["US", "U.S.", "us", "u.s.", "USA", "United States", "America",
                                  "American", "Americans", "Washington", "the United States"])
def test_united_states_forms(table: AliasTable, form: str) -> None:
    assert table.canonical(form) == "United States"


@pytest.mark.parametrize("form", ["Seoul", "South Korea", "S. Korea", "S Korea", "South Korean",
                                  "S. Korean", "Republic of Korea", "ROK", "south korea", "South Korea's"])
def test_south_korea_forms(table: AliasTable, form: str) -> None:
    assert table.canonical(form) == "South Korea"


def test_north_and_south_korea_differ(table: AliasTable) -> None:
    assert table.canonical("Pyongyang") == "North Korea"
    assert not table.same("North Korea", "South Korea")
    assert not table.same("North Korean", "Seoul")
    # The short demonyms of headlines ("S. Korean media say") keep the two apart.
    assert table.canonical("N. Korean") == "North Korea"
    assert not table.same("N. Korean", "S. Korean")


@pytest.mark.parametrize("form", ["UK", "U.K.", "Britain", "British", "London", "Great Britain"])
def test_united_kingdom_forms(table: AliasTable, form: str) -> None:
    assert table.canonical(form) == "United Kingdom"


@pytest.mark.parametrize("form", ["Pentagon", "the Pentagon", "US Defense Department",
                                  "Department of Defense", "DoD", "US Department of Defense",
                                  "U.S. Department of Defense"])
def test_pentagon_alias_set(table: AliasTable, form: str) -> None:
    assert table.same(form, "Pentagon")
    assert table.kind(table.canonical(form) or "") == EntityKind.ORGANIZATION


def test_capitals_used_for_governments(table: AliasTable) -> None:
    assert table.same("Beijing", "China")
    assert table.same("Moscow", "Russian")
    assert table.same("Kyiv", "Kiev")
    assert table.canonical("Brussels") == "European Union"
    assert table.kind("Washington") == EntityKind.PLACE


def test_ordinary_cities_are_not_countries(table: AliasTable) -> None:
    # Only the curated capitals stand for governments.
    assert table.canonical("Lima") is None
    assert table.canonical("New York") is None


def test_demonyms_and_un_members(table: AliasTable) -> None:
    assert table.canonical("French") == "France"
    assert table.canonical("Filipino") == "Philippines"
    assert table.canonical("Ivory Coast") == "Cote d'Ivoire"
    assert table.canonical("Guinea-Bissau") == "Guinea-Bissau"
    assert table.canonical("Guinea") == "Guinea"
    assert table.canonical("Papua New Guinea") == "Papua New Guinea"
    assert table.kind("Germany") == EntityKind.PLACE
    places = [n for n in ("Afghanistan", "Tuvalu", "Zimbabwe", "Vanuatu", "Eswatini")
              if table.kind(n) == EntityKind.PLACE]
    assert len(places) == 5


def test_organisations_outlets_and_parties(table: AliasTable) -> None:
    assert table.same("Fed", "Federal Reserve")
    assert table.same("ECB", "European Central Bank")
    assert table.same("No 10", "Downing Street")
    assert table.same("Tories", "Conservative Party")
    assert table.same("Lib Dems", "Liberal Democrats")
    assert table.same("WSJ", "Wall Street Journal")
    assert table.same("AP", "Associated Press")
    assert table.kind("BBC") == EntityKind.OUTLET
    assert table.kind("Reuters") == EntityKind.OUTLET
    assert table.kind("NATO") == EntityKind.ORGANIZATION
    assert not table.same("Labour", "Conservatives")
    assert not table.same("White House", "Kremlin")


def test_names_lists_surface_forms(table: AliasTable) -> None:
    forms = table.names("United States")
    assert forms[0] == "United States"
    assert {"US", "U.S.", "America", "Washington"} <= set(forms)
    assert table.names("Pentagon")[0] == "US Department of Defense"
    assert table.names("Atlantis") == []


def test_unknown_names(table: AliasTable) -> None:
    assert table.canonical("Bernard Ebbers") is None
    assert table.kind("Bernard Ebbers") == EntityKind.OTHER
    assert table.same("Acme Corp", "acme corp")
    assert not table.same("Acme Corp", "Acme")


def test_extended_returns_a_new_table(table: AliasTable) -> None:
    extra = Alias(name="Acme Corp", also=["Acme"], kind=EntityKind.ORGANIZATION, source="a1")
    bigger = table.extended([extra])
    assert bigger.canonical("acme") == "Acme Corp"
    assert bigger.kind("Acme") == EntityKind.ORGANIZATION
    assert table.canonical("acme") is None  # the original is untouched
    assert AliasTable.default().canonical("Acme") is None


def test_learned_aliases_never_take_over_known_names(table: AliasTable) -> None:
    learned = Alias(name="George Washington", also=["Washington"], kind=EntityKind.PERSON,
                    source="a1")
    assert table.extended([learned]).canonical("Washington") == "United States"
    curated = Alias(name="Washington State", also=["Washington"], kind=EntityKind.PLACE)
    assert table.extended([curated]).canonical("Washington") == "Washington State"


def test_extended_merges_into_a_known_entity(table: AliasTable) -> None:
    bigger = table.extended([Alias(name="Pentagon", also=["Defense HQ"], source="a1")])
    assert bigger.canonical("Defense HQ") == "US Department of Defense"


# ---------------------------------------------------------------- gazetteer matches in text


def test_lower_case_sentence_finds_known_names(table: AliasTable) -> None:
    found = ents("the u.s. and south korea held talks", table)
    assert [(e.name, e.text) for e in found] == [("United States", "u.s."),
                                                 ("South Korea", "south korea")]
    assert all(e.kind == EntityKind.PLACE for e in found)


def test_pronoun_us_is_not_the_country(table: AliasTable) -> None:
    assert names("Let us know what the fed up voters think of labour costs.", table) == []
    assert names("They told us that turkey and guinea pig prices rose.", table) == []


def test_capitalised_short_forms_do_match(table: AliasTable) -> None:
    assert names("The US and the UN said the Fed and Labour agreed.", table) == [
        "United States", "United Nations", "Federal Reserve", "Labour Party"]


def test_longest_alias_wins(table: AliasTable) -> None:
    found = ents("Officials at the US Department of Defense spoke.", table)
    assert [(e.name, e.text) for e in found] == [
        ("US Department of Defense", "US Department of Defense")]
    assert names("Troops left Papua New Guinea and Guinea-Bissau.", table) == [
        "Papua New Guinea", "Guinea-Bissau"]


def test_possessive_is_not_part_of_the_name(table: AliasTable) -> None:
    found = ents("South Korea's defence ministry denied it.", table)
    assert [(e.name, e.text) for e in found] == [("South Korea", "South Korea")]


def test_demonym_maps_to_country(table: AliasTable) -> None:
    assert names("South Korean media later reported it.", table) == ["South Korea"]
    assert names("He met French and German officials.", table) == ["France", "Germany"]


def test_capital_as_government(table: AliasTable) -> None:
    found = ents("No talks were held with Washington, officials in Seoul said.", table)
    assert [(e.name, e.kind) for e in found] == [("United States", EntityKind.PLACE),
                                                 ("South Korea", EntityKind.PLACE)]


def test_the_bbc(table: AliasTable) -> None:
    found = ents("The BBC said the Pentagon had confirmed it.", table)
    assert [(e.name, e.text, e.kind) for e in found] == [
        ("BBC", "BBC", EntityKind.OUTLET),
        ("US Department of Defense", "Pentagon", EntityKind.ORGANIZATION)]


def test_hyphenated_compound_keeps_the_country(table: AliasTable) -> None:
    assert names("A US-led coalition advanced.", table) == ["United States"]


# ---------------------------------------------------------------- capitalised names


def test_unknown_capitalised_sequences(table: AliasTable) -> None:
    found = ents("Pupils from Eastern High School beat Ball State on Tuesday.", table)
    assert [(e.name, e.kind) for e in found] == [
        ("Eastern High School", EntityKind.ORGANIZATION), ("Ball State", EntityKind.OTHER)]


def test_given_name_makes_a_person(table: AliasTable) -> None:
    assert by_name("The report was written by Bernard Ebbers last year.", table,
                   "Bernard Ebbers").kind == EntityKind.PERSON
    # No given name, no title: a name of unknown kind, not a guessed person.
    assert by_name("The vote followed the removal of Yoon Suk Yeol.", table,
                   "Yoon Suk Yeol").kind == EntityKind.OTHER


def test_inner_connectors_and_initials(table: AliasTable) -> None:
    assert names("Shares in Marks & Spencer fell.", table) == ["Marks & Spencer"]
    assert names("He studied at the University of Chicago.", table) == ["University of Chicago"]
    found = ents("It was signed by George W. Bush in Texas.", table)
    assert found[0].name == "George W. Bush"
    assert found[0].kind == EntityKind.PERSON


def test_month_is_a_date_but_theresa_may_is_a_person(table: AliasTable) -> None:
    assert names("The ministry announced on Friday, May 23rd, that talks ended.", table) == []
    assert names("Talks resume in May.", table) == []
    found = ents("Theresa May met officials in May.", table)
    assert [(e.name, e.kind) for e in found] == [("Theresa May", EntityKind.PERSON)]


def test_sentence_start_common_word_is_not_an_entity(table: AliasTable) -> None:
    assert names("Currently, there are many troops stationed abroad.", table) == []
    assert names("Furthermore, analysts expect growth.", table) == []
    assert names("Shares rose sharply on the news.", table) == []
    # A lone unknown capitalised opener that acts like a name is kept.
    assert names("Microsoft said profits rose.", table) == ["Microsoft"]
    assert names("Acmeco said profits rose.", table) == ["Acmeco"]


def test_title_case_headline_keeps_only_real_names(table: AliasTable) -> None:
    found = names("US Troop Withdrawal from South Korea: No Talks Held, Says Seoul", table)
    assert found == ["United States", "South Korea", "South Korea"]


def test_outlet_cues(table: AliasTable) -> None:
    found = ents("The Daily Planet newspaper and Kessler news agency reported it.", table)
    assert [(e.name, e.kind) for e in found] == [("Daily Planet", EntityKind.OUTLET),
                                                 ("Kessler", EntityKind.OUTLET)]
    assert by_name("It appeared in the Korea Herald on Monday.", table,
                   "Korea Herald").kind == EntityKind.OUTLET
    assert by_name("The Wall Street Journal report said so.", table,
                   "Wall Street Journal").kind == EntityKind.OUTLET


def test_place_plus_company_word_is_one_name(table: AliasTable) -> None:
    found = ents("Shares in British Airways rose on the London Stock Exchange.", table)
    assert [(e.name, e.kind) for e in found] == [
        ("British Airways", EntityKind.ORGANIZATION),
        ("London Stock Exchange", EntityKind.ORGANIZATION)]
    assert names("The Royal Bank of Scotland gained.", table) == ["Royal Bank of Scotland"]


def test_two_known_names_side_by_side_stay_apart(table: AliasTable) -> None:
    assert names("Scottish Conservative Party members met.", table) == [
        "Scotland", "Conservative Party"]


# ---------------------------------------------------------------- titles and roles


def test_title_is_not_part_of_the_name(table: AliasTable) -> None:
    found = ents("Mr Ebbers denied the charges.", table)
    assert [(e.name, e.text, e.kind, e.role) for e in found] == [
        ("Ebbers", "Ebbers", EntityKind.PERSON, None)]
    found = ents("Chancellor Gordon Brown spoke.", table)
    assert [(e.name, e.kind, e.role) for e in found] == [
        ("Gordon Brown", EntityKind.PERSON, "Chancellor")]


def test_title_alone_is_no_entity(table: AliasTable) -> None:
    assert names("The Prime Minister said the Chancellor agreed.", table) == []


def test_title_before_an_organisation_does_not_make_a_person(table: AliasTable) -> None:
    found = ents("The Justice Department declined to comment.", table)
    assert [(e.name, e.kind) for e in found] == [("Justice Department", EntityKind.ORGANIZATION)]


def test_role_before_name_with_title(table: AliasTable) -> None:
    found = ents("The deal was signed by US President Donald Trump yesterday.", table)
    assert [(e.name, e.kind, e.role) for e in found] == [
        ("United States", EntityKind.PLACE, None),
        ("Donald Trump", EntityKind.PERSON, "US President")]


def test_role_before_name_without_comma(table: AliasTable) -> None:
    trump = by_name("Scottish Conservative Party leader David McLetchie said it was wrong.",
                    table, "David McLetchie")
    assert trump.role == "Scottish Conservative Party leader"
    assert trump.kind == EntityKind.PERSON


def test_role_before_name_with_comma(table: AliasTable) -> None:
    person = by_name("Scottish Conservative Party leader, David McLetchie, said it was wrong.",
                     table, "David McLetchie")
    assert person.role == "Scottish Conservative Party leader"


def test_appositive_role_after_name(table: AliasTable) -> None:
    person = by_name("Mr Ebbers, the former chief executive, denied wrongdoing.", table, "Ebbers")
    assert person.role == "former chief executive"
    person = by_name("Jim Smith, 63, the former chief executive of WorldCom, denied it.", table,
                     "Jim Smith")
    assert person.role == "former chief executive of WorldCom"


def test_role_starts_after_of_a_plain_noun(table: AliasTable) -> None:
    person = by_name("He appealed for the release of aid worker Margo Lane.", table, "Margo Lane")
    assert person.role == "aid worker"


def test_role_with_lower_case_modifiers(table: AliasTable) -> None:
    person = by_name("The plan was announced by the Trade and Industry Secretary Patricia Hewitt.",
                     table, "Patricia Hewitt")
    assert person.role == "Trade and Industry Secretary"
    assert names("The plan was announced by the Trade and Industry Secretary Patricia Hewitt.",
                 table) == ["Patricia Hewitt"]


def test_a_role_stops_at_a_name_joined_by_and(table: AliasTable) -> None:
    sentence = "She met Trade minister Tomas Vell and Deputy First Minister Ana Rusk on Monday."
    assert by_name(sentence, table, "Tomas Vell").role == "Trade minister"
    assert by_name(sentence, table, "Ana Rusk").role == "Deputy First Minister"
    # Words of an office on both sides of "and" stay one role.
    assert by_name("Work and Pensions Secretary Ana Rusk spoke.", table, "Ana Rusk").role == \
        "Work and Pensions Secretary"


def test_no_role_from_a_relative_clause_or_a_list(table: AliasTable) -> None:
    assert by_name("Sean Brady, who was the chief spokesperson, left.", table,
                   "Sean Brady").role is None
    assert by_name("Bernard Ebbers, Tom Jones and others met.", table,
                   "Bernard Ebbers").role is None
    assert by_name("Microsoft, the software giant, said so.", table, "Microsoft").role is None


@pytest.mark.parametrize(
    ("sentence", "person", "role", "organisation"),
    [
        ("Yet aviation analyst Mike Powell of Dresdner Kleinwort Wasserstein says costs will rise.",
         "Mike Powell", "aviation analyst of Dresdner Kleinwort Wasserstein", "Dresdner Kleinwort Wasserstein"),
        ("Prices will fall, explains Shigeo Morioka of the International Longevity Centre in Tokyo.",
         "Shigeo Morioka", "of the International Longevity Centre", "International Longevity Centre"),
        ("Mike Powell of BNP Paribas says revenues will fall.", "Mike Powell", "of BNP Paribas", "BNP Paribas"),
    ],
)
def test_person_of_organisation_is_a_person_with_an_employer(table: AliasTable, sentence: str, person: str,
                                                              role: str, organisation: str) -> None:
    found = ents(sentence, table)
    [who] = [e for e in found if e.kind == EntityKind.PERSON]
    assert (who.name, who.role) == (person, role)
    assert organisation in [e.name for e in found if e.kind != EntityKind.PERSON]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Royal Bank of Scotland said so.",  # an organisation word before "of"
        "He met the Chancellor of the Exchequer.",  # an office
        "Shares in Morgan Stanley of New York rose.",  # no given name, and a place after "of"
        "The Bank of England said so.",
    ],
)
def test_names_with_of_that_are_not_a_person_and_employer_stay_whole(table: AliasTable, sentence: str) -> None:
    assert all(e.kind != EntityKind.PERSON for e in ents(sentence, table))
    assert len([e for e in ents(sentence, table) if " of " in e.text]) == 1


def test_role_after_a_verb_with_comma_is_not_a_prefix_role(table: AliasTable) -> None:
    found = ents("The report was denied, said spokesman, John Smith.", table)
    assert [(e.name, e.role) for e in found] == [("John Smith", None)]


# ---------------------------------------------------------------- learned aliases


def test_surname_after_first_mention(table: AliasTable) -> None:
    first = ents("WorldCom founder Bernard Ebbers was found guilty.", table)
    learned = learn_aliases(first, "src-1")
    assert learned == [Alias(name="Bernard Ebbers",
                             also=["Ebbers", "Mr Ebbers", "Mrs Ebbers", "Ms Ebbers", "Miss Ebbers",
                                   "Dr Ebbers"],
                             kind=EntityKind.PERSON, source="src-1")]
    scoped = table.extended(learned)
    found = ents("Mr Ebbers denied the charges.", scoped)
    assert [(e.name, e.text, e.kind) for e in found] == [
        ("Bernard Ebbers", "Ebbers", EntityKind.PERSON)]
    assert names("Ebbers, the former chief executive, spoke.", scoped) == ["Bernard Ebbers"]
    assert scoped.canonical("Mr Ebbers") == "Bernard Ebbers"
    assert scoped.same("Ebbers", "Bernard Ebbers")
    # Scoped to its article: the default table has not learned the name.
    assert names("Mr Ebbers denied the charges.", table) == ["Ebbers"]


def test_surname_that_is_a_month_is_only_learned_with_a_title(table: AliasTable) -> None:
    learned = learn_aliases(ents("Theresa May spoke.", table), "s")
    assert len(learned) == 1
    assert "May" not in learned[0].also
    assert "Mrs May" in learned[0].also
    scoped = table.extended(learned)
    found = ents("Mrs May spoke in May.", scoped)
    assert [(e.name, e.text) for e in found] == [("Theresa May", "May")]


def test_shared_surname_is_ambiguous(table: AliasTable) -> None:
    found = ents("George Bush and Laura Bush arrived with Tony Blair.", table)
    learned = {a.name: a for a in learn_aliases(found, None)}
    assert set(learned) == {"Tony Blair"}
    assert learned["Tony Blair"].source is None


def test_learn_acronym_after_name(table: AliasTable) -> None:
    found = ents("The Financial Services Authority (FSA) fined Acme Widgets (AW) on Monday.",
                 table)
    learned = learn_aliases(found, "s2")
    assert Alias(name="Financial Services Authority", also=["FSA"],
                 kind=EntityKind.ORGANIZATION, source="s2") in learned
    assert Alias(name="Acme Widgets", also=["AW"], kind=EntityKind.ORGANIZATION,
                 source="s2") in learned
    # Letters that are not the name's initials teach nothing.
    assert learn_aliases(ents("The Home Office (BBC) said so.", table), "s") == []


def test_an_acronym_joins_the_parts_of_the_name_it_spells(table: AliasTable) -> None:
    found = ents("The National Institute of Economic and Social Research (NIESR) claims taxes must rise.", table)
    assert [(e.name, e.kind) for e in found][:1] == [
        ("National Institute of Economic and Social Research", EntityKind.ORGANIZATION)]
    learned = learn_aliases(found, "s3")
    assert learned == [Alias(name="National Institute of Economic and Social Research", also=["NIESR"],
                             kind=EntityKind.ORGANIZATION, source="s3")]
    # Scoped to its article: the default table has not learned the acronym.
    assert table.canonical("NIESR") is None
    assert table.extended(learned).canonical("NIESR") == "National Institute of Economic and Social Research"
    # Names the letters do not spell stay apart.
    assert names("Barclays and Lloyds TSB (LTSB) rose.", table)[:2] == ["Barclays", "Lloyds TSB"]
    assert names("Shares in Tesco and the Office of Fair Trading (OFT) fell.", table)[:2] == [
        "Tesco", "Office of Fair Trading"]
    assert [e.kind for e in ents("Tom Reed and Jane Hill (JH) met.", table)][:2] == [EntityKind.PERSON] * 2


def test_no_alias_from_single_names_or_non_persons(table: AliasTable) -> None:
    found = ents("Mr Smith met Eastern High School staff.", table)
    assert learn_aliases(found, "s") == []


# ---------------------------------------------------------------- real data


def _seed_sentences() -> list[str]:
    if not SEED.exists():
        pytest.skip(f"../shared not present: {SEED}")
    text = SEED.read_text(encoding="utf-8")
    return [s for s in re.split(r"(?<=\.)\s+|\n+", text) if s.strip()]


def _seed_sentence(containing: str) -> str:
    return next(s for s in _seed_sentences() if containing in s)


def test_seed_spokesperson(table: AliasTable) -> None:
    sentence = _seed_sentence("chief spokesperson")
    found = ents(sentence, table)
    person = next(e for e in found if e.kind == EntityKind.PERSON)
    assert person.text == "Sean Parnell"
    assert person.role == "US Defense Department chief spokesperson"
    assert found[0].name == "South Korea"  # "South Korean media"
    assert any(e.name == "US Department of Defense" for e in found)


def test_seed_outlets_and_places(table: AliasTable) -> None:
    found = ents(_seed_sentence("Wall Street Journal report"), table)
    wsj = next(e for e in found if e.text == "Wall Street Journal")
    assert wsj.kind == EntityKind.OUTLET
    found = ents(_seed_sentence("news agency"), table)
    assert [e.kind for e in found if e.kind == EntityKind.OUTLET] == [EntityKind.OUTLET] * 2
    dateline = ents(_seed_sentence("announced on Friday"), table)
    assert {e.name for e in dateline} == {"South Korea", "United States"}


def test_bbc_corpus_sample_is_fast_and_sane(table: AliasTable) -> None:
    corpus = SHARED / "corpus" / "bbc" / "politics"
    if not corpus.exists():
        pytest.skip(f"../shared not present: {corpus}")
    sentences: list[str] = []
    for path in sorted(corpus.glob("*.txt"))[:40]:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            sentences.extend(s for s in line.split(". ") if s.strip())
    found = [e for s in sentences for e in ents(s, table)]
    assert found
    # No month, weekday or courtesy title ever stands alone as an entity.
    lone = {"May", "Monday", "Friday", "Mr", "Mrs", "The", "It", "But"}
    assert not [e for e in found if e.text in lone]


def test_a_capitalised_count_is_not_part_of_the_name_after_it(table: AliasTable) -> None:
    assert names("Five Americans who were monitored have been released.", table) == ["United States"]
    assert names("Two New York women were also taken into custody.", table) == ["New York"]
    # A count that is part of a name stays: no plural noun follows, nothing known after it.
    assert names("Three Mile Island was closed in 1979.", table) == ["Three Mile Island"]
    assert names("Five Guys opened a restaurant.", table) == ["Five Guys"]


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Singer Aaron Hale was charged on Monday.", "Aaron Hale", "Singer"),
        ("Creator Phillip Hyman said the show had ended.", "Phillip Hyman", "Creator"),
        ("Actress Alyssa Milano tweeted a photo.", "Alyssa Milano", "Actress"),
        ("Comedian Chris Rock hosted the show.", "Chris Rock", "Comedian"),
        ("Former footballer David Beckham spoke.", "David Beckham", "Former footballer"),
        ("Billionaire Malcolm Glazer made a bid.", "Malcolm Glazer", "Billionaire"),
    ],
)
def test_an_occupation_before_a_name_is_a_role(table: AliasTable, sentence: str, name: str, role: str) -> None:
    [person] = ents(sentence, table)
    assert (person.name, person.kind, person.role, person.text) == (name, EntityKind.PERSON, role, name)


def test_an_occupation_word_inside_a_name_stays_in_it(table: AliasTable) -> None:
    # A surname, and a word that opens a place name, are not roles.
    assert [(e.name, e.role) for e in ents("Peter Singer said so.", table)] == [("Peter Singer", None)]
    assert "Airport" in " ".join(names("Flights left Imam Khomeini International Airport on Monday.", table))


def test_a_per_article_table_overlays_the_generic_one_and_survives_pickling() -> None:
    import pickle

    from factcheck.models import Alias, EntityKind
    from factcheck.text.entities import AliasTable

    base = AliasTable.default()
    article = base.extended([Alias(name="Rod Eddington", also=["Eddington"], kind=EntityKind.PERSON)])
    assert article.same("Eddington", "Rod Eddington")
    assert not base.same("Eddington", "Rod Eddington")  # the generic table is not written to
    assert article.same("US", "United States")  # and is still seen through the overlay
    copy = pickle.loads(pickle.dumps(article))
    assert copy.same("Eddington", "Rod Eddington") and copy.same("US", "United States")


@pytest.mark.parametrize(("sentence", "name"), [
    ("The removal of Park Min-jun followed the vote.", "Park Min-jun"),
    ("North Korea's leader Kim Jong-un spoke.", "Kim Jong-un"),
    # A compound adjective is not a syllable of a name.
    ("Shares in New York-based Acme rose.", "New York"),
    ("The Tony Blair-style reforms were dropped.", "Tony Blair"),
])
def test_a_given_name_with_a_hyphenated_syllable(table: AliasTable, sentence: str, name: str) -> None:
    assert name in [e.name for e in ents(sentence, table)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # A party before a person's name is the party, then the person.
    ("Liberal Democrat Jane Alder attacked the plan.", [("Liberal Democrats", EntityKind.ORGANIZATION),
                                                        ("Jane Alder", EntityKind.PERSON)]),
    ("Tory John Pym spoke.", [("Conservative Party", EntityKind.ORGANIZATION), ("John Pym", EntityKind.PERSON)]),
    # A known name inside a longer organisation's name stays in it.
    ("Royal Bank of Scotland said profits rose.", [("Royal Bank of Scotland", EntityKind.ORGANIZATION)]),
])
def test_a_party_before_a_person_is_not_part_of_the_name(table: AliasTable, sentence: str,
                                                         expected: list[tuple[str, EntityKind]]) -> None:
    assert [(e.name, e.kind) for e in extract_entities(sentence, table)] == expected


@pytest.mark.parametrize(("sentence", "name"), [
    # A lower-case noun of business before the name, or closing an appositive after it.
    ("Profits at Chinese computer firm Lenvar have stood still.", "Lenvar"),
    ("Wiprex, India's third-biggest software firm, has reported a 60% rise in profit.", "Wiprex"),
])
def test_a_name_described_as_a_business_is_an_organisation(table: AliasTable, sentence: str, name: str) -> None:
    found = {e.name: e.kind for e in extract_entities(sentence, table)}
    assert found.get(name) == EntityKind.ORGANIZATION


@pytest.mark.parametrize("sentence", [
    "Earlier, the firm said profits rose.",
    "Yesterday, the company said it would cut jobs.",
    "Smith, a local farmer, said it rained.",
])
def test_an_opening_word_before_a_comma_is_no_business(table: AliasTable, sentence: str) -> None:
    assert all(e.kind != EntityKind.ORGANIZATION for e in extract_entities(sentence, table))


def test_a_sentence_opening_role_noun_is_a_role(table: AliasTable) -> None:
    person = by_name("Analyst Bill Arkwright said the retailer was debt free.", table, "Bill Arkwright")
    assert person.role == "Analyst"
    # Two title words stay one name or title, as before.
    assert names("Director General Greg Dyke said so.", table) == ["Director General Greg Dyke"]
    # A market occupation is a role: "Mellon Bank trader Ian Fenn".
    assert by_name("Mellon Bank trader Ian Fenn said so.", table, "Ian Fenn").role == "Mellon Bank trader"


def test_a_persons_one_word_alias_is_not_another_persons_first_name(table: AliasTable) -> None:
    learned = table.extended([Alias(name="Michael Howard", also=["Howard"], kind=EntityKind.PERSON, source="art")])
    assert "Howard Bright" in names("Then deputy chairman Howard Bright was reported to have said so.", learned)
    assert "Michael Howard" in names("Mr Howard said so.", learned)


@pytest.mark.parametrize(("sentence", "name", "kind"), [
    # A capitalised run opening with a given name is a person, whatever the surname.
    ("Vincent Cable, for the Liberal Democrats, accused the minister.", "Vincent Cable", EntityKind.PERSON),
    ("Piers Freelove is a benefit officer in Cardiff.", "Piers Freelove", EntityKind.PERSON),
    # A body that opens with a given name is known as a body.
    ("Shares in Thomas Cook fell on Monday.", "Thomas Cook", EntityKind.ORGANIZATION),
    ("He told Marie Claire he would stand again.", "Marie Claire", EntityKind.OUTLET),
])
def test_a_given_name_opens_a_persons_name(table: AliasTable, sentence: str, name: str, kind: EntityKind) -> None:
    found = {e.name: e.kind for e in extract_entities(sentence, table)}
    assert found.get(name) == kind, found


def test_the_employer_after_a_word_of_trade(table: AliasTable) -> None:
    found = extract_entities('"Customers want it now," says Cara Vendt of IT firm Dimension Data.', table)
    person = next(e for e in found if e.name == "Cara Vendt")
    assert person.kind == EntityKind.PERSON and person.role == "of IT firm Dimension Data"
