from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.models import Entity, EntityKind, Polarity, Stance
from factcheck.text.cues import detect_cues, reads_as_acronym
from factcheck.text.segment import split_clauses, split_sentences

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "000_6a66de03a92d95d0.txt"
BBC = SHARED / "corpus" / "bbc"

NEG, AFF = Polarity.NEGATED, Polarity.AFFIRMED


# ---------------------------------------------------------------- negation


@pytest.mark.parametrize(
    ("clause", "polarity", "cue"),
    [
        ("No discussions had been held with Washington.", NEG, "No"),
        ("no discussions had been held with washington", NEG, "no"),
        ("The ministry said it had not received any request.", NEG, "not"),
        ("The bank has never paid a dividend.", NEG, "never"),
        ("None of the 500 staff will lose their jobs.", NEG, "None"),
        ("Nobody was injured in the blast.", NEG, "Nobody"),
        ("Neither Labour nor the Tories backed the plan.", NEG, "Neither"),
        ("The firm is no longer part of the index.", NEG, "no longer"),
        ("Shares didn't move after the announcement.", NEG, "didn't"),
        ("Officials won’t comment on the talks.", NEG, "won’t"),
        ("The court cannot rule until March.", NEG, "cannot"),
        ("He pleaded not guilty to all charges.", NEG, "not"),  # see module docstring
        ("US Troop Withdrawal: No Talks Held, Says Seoul", NEG, "No"),
        # Failing to do something is not doing it.
        ("The firm failed to meet its targets.", NEG, "failed to"),
        ("Businesses fail to plan for succession", NEG, "fail to"),
        # Not negations of the predicate.
        ("He never fails to vote in an election.", AFF, None),  # two negations affirm
        ("The firm didn't fail to pay its debts.", AFF, None),
        ("The exam was a failure for the firm.", AFF, None),
        ("The firm failed the safety test.", AFF, None),
        ("The ministry denied the report.", AFF, None),
        ("Not only exports but also imports rose.", AFF, None),
        ("There is no doubt that prices rose.", AFF, None),
        ("Rates will rise no later than June.", AFF, None),
        ("No. 10 said the talks went well.", AFF, None),
        ("The report was published by No 10 on Friday.", AFF, None),
        ("Profits rose 5% to £1.2bn.", AFF, None),
        ("The notice was posted on the door.", AFF, None),  # "not" inside a word
        ("It is not clear whether talks were held.", AFF, None),  # a hedge, see below
        ("The minister did not rule out a tax rise.", AFF, None),
        ("The minister didn't rule out a tax rise.", AFF, None),
        # Cues in a fronted background phrase do not describe the main predicate.
        ("Despite no progress in talks, the two sides met again on Monday.", AFF, None),
        # A quotation that names something (a slogan, a title) is not the clause's own words.
        ('The Tories promised a limit with the slogan: "It\'s not racist to impose limits".', AFF, None),
        ("A campaign called 'No to war' began in March.", AFF, None),
        ("A group called \u2018Not in our name\u2019 was set up.", AFF, None),
        ('He wrote a report entitled "Why nothing works" last year.', AFF, None),
        # A quotation of someone's words, or a title followed by a negation of the clause, is.
        ('He said: "We will not cut jobs".', NEG, "not"),
        ('Griffin called the plans "not workable".', NEG, "not"),
        ('The firm, called "Acme", did not cut jobs.', NEG, "not"),
        ('A film entitled "Hope" was never released.', NEG, "never"),
        # A negative hedge negates what it hedges; before a noun it only describes it.
        ("The figures were unlikely to change the bank's policy.", NEG, "unlikely"),
        ('It is "unlikely" the rule will be met.', NEG, "unlikely"),
        ("The firm was unable to pay its debts.", NEG, "unable to"),
        ("He was an unlikely hero of the campaign.", AFF, None),
        ("A cut in production was not unlikely.", AFF, None),  # two negations affirm
    ],
)
def test_negation(clause: str, polarity: Polarity, cue: str | None) -> None:
    cues = detect_cues(clause)
    assert cues.polarity is polarity
    assert cues.negation == cue


# ---------------------------------------------------------------- stance


@pytest.mark.parametrize(
    ("clause", "stance", "cue"),
    [
        # CONSIDERED
        ("The US is considering removing 4,500 troops.", Stance.CONSIDERED, "considering"),
        ("The proposal is being considered by the board.", Stance.CONSIDERED, "proposal"),
        ("One option under consideration is a merger.", Stance.CONSIDERED, "option"),
        ("WSJ: US weighs pulling troops from Korea", Stance.CONSIDERED, "weighs"),
        ("US mulls troop cut in South Korea", Stance.CONSIDERED, "mulls"),
        ("Google eyes stake in Chinese search firm", Stance.CONSIDERED, "eyes"),
        ("The firm is exploring a sale of its music arm.", Stance.CONSIDERED, "exploring"),
        ("Costs could be revisited during trade talks.", Stance.CONSIDERED, "could"),
        ("The ship may have capsized, a U.N. official said.", Stance.CONSIDERED, "may"),
        ("Rates might rise again next year.", Stance.CONSIDERED, "might"),
        ("A potential buyer has emerged.", Stance.CONSIDERED, "potential"),
        ("A possible withdrawal was discussed.", Stance.CONSIDERED, "possible"),
        ("The proposed merger would create a giant.", Stance.CONSIDERED, "proposed"),
        ("A report suggesting the US would cut troops.", Stance.CONSIDERED, "suggesting"),
        ("The chief executive reportedly earned £5m.", Stance.CONSIDERED, "reportedly"),
        ("The allegedly stolen funds were recovered.", Stance.CONSIDERED, "allegedly"),
        ("Inflation is likely to rise.", Stance.CONSIDERED, "likely"),
        ("It is not clear whether talks were held.", Stance.CONSIDERED, "not clear whether"),
        ("He is believed to have left the country.", Stance.CONSIDERED, "is believed to"),
        ("The plan is expected to be considered in May.", Stance.CONSIDERED, "is expected"),
        # PLANNED
        ("The firm plans to cut 500 jobs.", Stance.PLANNED, "plans to"),
        ("South Korea is scheduled to elect a president.", Stance.PLANNED, "is scheduled"),
        ("The Bank of England will hold rates.", Stance.PLANNED, "will"),
        ("The minister is to visit Seoul next week.", Stance.PLANNED, "is to"),
        ("Rates are set to rise in March.", Stance.PLANNED, "set to"),
        ("The group intends to list its shares.", Stance.PLANNED, "intends to"),
        ("Profits are expected to double.", Stance.CONSIDERED, "are expected"),
        ("The leaders are due to meet in Geneva.", Stance.PLANNED, "due to"),
        ("A planned withdrawal of troops was announced.", Stance.PLANNED, "planned"),
        # DENIED
        ("Sean Parnell had denied the report.", Stance.DENIED, "denied"),
        ("The ministry denies any talks took place.", Stance.DENIED, "denies"),
        ("Shareholders rejected the offer.", Stance.DENIED, "rejected"),
        ("The claims were dismissed by the company.", Stance.DENIED, "dismissed"),
        ("The findings were refuted by scientists.", Stance.DENIED, "refuted"),
        ("The figures were disputed by the unions.", Stance.DENIED, "disputed"),
        ("The chancellor ruled out tax rises.", Stance.DENIED, "ruled out"),
        ("The minister rebuffed the union's demands.", Stance.DENIED, "rebuffed"),
        ("The minister brushed aside the union's demands.", Stance.DENIED, "brushed aside"),
        # A noun of hearsay as the object of a denial: the denial holds the clause.
        ("Michael Howard has dismissed claims that his policy was racist.", Stance.DENIED, "dismissed"),
        ("Jane Smith denied allegations that she took bribes.", Stance.DENIED, "denied"),
        ("He again rejected newspaper speculation that his father was ill.", Stance.DENIED, "rejected"),
        ("The firm ruled out rumours that it would sell the unit.", Stance.DENIED, "ruled out"),
        # Not its object: a hedge of its own, or a noun too far from the verb.
        ("Critics made claims that his policy was racist.", Stance.CONSIDERED, "claims that"),
        ("He denied it, amid claims that his policy was racist.", Stance.CONSIDERED, "claims that"),
        ("The firm denied that it was considering a sale.", Stance.CONSIDERED, "considering"),
        ("The firm rejected the offer, but claims that talks go on.", Stance.CONSIDERED, "claims that"),
        # A hedge inside a title is not the clause's: a report "entitled 'Britain may never recover'".
        ('A report entitled "Britain may never recover" was published.', Stance.ASSERTED, None),
        # REPORTED
        ("Theresa May said the deal was done.", Stance.REPORTED, "said"),
        ("The firm says sales rose.", Stance.REPORTED, "says"),
        ("Blair says Brown", Stance.REPORTED, "says"),
        ("He told reporters the plan was dead.", Stance.REPORTED, "told"),
        ("The company announced a new chief executive.", Stance.REPORTED, "announced"),
        ("Profits rose, according to the firm.", Stance.REPORTED, "according to"),
        ("The ministry confirmed the talks.", Stance.REPORTED, "confirmed"),
        ("The company added that sales were strong.", Stance.REPORTED, "added"),
        ("She insisted the figures were correct.", Stance.REPORTED, "insisted"),
        ("The report indicated that troops had moved.", Stance.REPORTED, "indicated"),
        ("The ministry emphasised that ties were strong.", Stance.REPORTED, "emphasised"),
        ("Officials have maintained that costs are separate.", Stance.REPORTED, "maintained"),
        # ASSERTED, including words that look like cues but are not.
        ("There are 28,500 US troops stationed in the country.", Stance.ASSERTED, None),
        ("The election was held on May 23.", Stance.ASSERTED, None),
        ("In May the firm cut 500 jobs.", Stance.ASSERTED, None),
        ("The match was cancelled due to the rain.", Stance.ASSERTED, None),
        ("Flights were delayed due to strikes.", Stance.ASSERTED, None),
        ("The firm added 5,000 jobs last year.", Stance.ASSERTED, None),
        ("Concerns over debt weighed on shares.", Stance.ASSERTED, None),
        ("the will of the people must be respected.", Stance.ASSERTED, None),
        ("The work was finished as soon as possible.", Stance.ASSERTED, None),
        ("He exercised his stock options in March.", Stance.ASSERTED, None),
        ("All eyes were on the central bank.", Stance.ASSERTED, None),
        ("The election follows his failed attempt at reform.", Stance.ASSERTED, None),
        # A measured likelihood is a statistic; a plain "likely" still hedges.
        ("Drivers are about 30% more likely to be stopped than cyclists.", Stance.ASSERTED, None),
        ("The bank is likely to cut rates.", Stance.CONSIDERED, "likely"),
    ],
)
def test_stance(clause: str, stance: Stance, cue: str | None) -> None:
    cues = detect_cues(clause)
    assert cues.stance is stance
    assert cues.stance_cue == cue


def test_theresa_may_is_not_a_modal() -> None:
    for clause in ("Theresa May said the deal was done.", "theresa may said the deal was done."):
        cues = detect_cues(clause)
        assert cues.stance is Stance.REPORTED
        assert cues.attribution is not None
        assert cues.attribution.who.lower() == "theresa may"


def test_entity_covering_may_blocks_the_modal() -> None:
    clause = "labour leader may visit seoul"
    assert detect_cues(clause).stance is Stance.CONSIDERED
    ent = Entity(name="Leader May", kind=EntityKind.PERSON, start=7, end=17)
    assert detect_cues(clause, [ent]).stance is Stance.ASSERTED


def test_most_hedged_stance_wins() -> None:
    # CONSIDERED > DENIED > PLANNED > REPORTED
    assert detect_cues("Officials said the US could cut troops.").stance is Stance.CONSIDERED
    assert detect_cues("He said the firm denied it would cut jobs.").stance is Stance.DENIED
    assert detect_cues("The ministry said it will cut jobs.").stance is Stance.PLANNED


# ---------------------------------------------------------------- attribution


@pytest.mark.parametrize(
    ("clause", "who", "role", "verb", "via"),
    [
        (
            "South Korea's defence ministry announced that no discussions had been held.",
            "South Korea's defence ministry",
            None,
            "announce",
            None,
        ),
        (
            "SEOUL: South Korea's defence ministry announced on Friday that no talks were held.",
            "South Korea's defence ministry",
            None,
            "announce",
            None,
        ),
        (
            "South Korean media later reported the talks.",
            "South Korean media",
            None,
            "report",
            None,
        ),
        (
            "Sean Parnell, the US Defense Department chief spokesperson, had denied the report.",
            "Sean Parnell",
            "US Defense Department chief spokesperson",
            "deny",
            None,
        ),
        (
            "South Korean media later reported that Sean Parnell, the US Defense Department "
            "chief spokesperson, had denied the report.",
            "Sean Parnell",
            "US Defense Department chief spokesperson",
            "deny",
            None,
        ),
        (
            "The ship may have capsized, a U.N. official said.",
            "a U.N. official",
            None,
            "say",
            None,
        ),
        ('"We will stay," said the minister.', "the minister", None, "say", None),
        ("Profits rose 5%, the company said on Friday.", "the company", None, "say", None),
        ("US Troop Withdrawal: No Talks Held, Says Seoul", "Seoul", None, "say", None),
        ("No talks held with Washington says Seoul", "Seoul", None, "say", None),
        (
            "Profits rose, according to the firm's annual report.",
            "the firm's annual report",
            None,
            "according to",
            None,
        ),
        (
            "This was in response to a Wall Street Journal report suggesting the US was "
            "considering removing troops.",
            "Wall Street Journal",
            None,
            "report",
            None,
        ),
        ("Yonhap's report said the talks had failed.", "Yonhap", None, "say", None),
        (
            "The report indicated that one option was relocating troops to Guam, citing unnamed "
            "US military officials.",
            "The report",
            None,
            "indicate",
            "unnamed US military officials",
        ),
        (
            "Troops may be moved, citing unnamed US military officials.",
            "unnamed US military officials",
            None,
            "cite",
            None,
        ),
        ('"I am shocked," he said.', "he", None, "say", None),
        (
            "US President Donald Trump has indicated that costs could be revisited.",
            "US President Donald Trump",
            None,
            "indicate",
            None,
        ),
        (
            "Furthermore, the Chosun Ilbo newspaper and Yonhap news agency reported that the US "
            "was prepared to work with Seoul.",
            "the Chosun Ilbo newspaper and Yonhap news agency",
            None,
            "report",
            None,
        ),
        ("WSJ: US weighs pulling troops", "WSJ", None, "say", None),
        (
            "Profits rose 5%, the company, which is based in Leeds, said.",
            "the company",
            None,
            "say",
            None,
        ),
        ("The deal was rejected by shareholders.", "shareholders", None, "reject", None),
        ("Mr. Smith told reporters the plan was dead.", "Mr. Smith", None, "tell", None),
        (
            "Amid reports of potential cuts, the ministry clarified that no talks took place.",
            "the ministry",
            None,
            "clarify",
            None,
        ),
        # "According to X": X is the source of all the clause says, a speaker inside it only the
        # one X relies on (as with "citing"), whether the phrase opens or closes the clause.
        (
            "According to the newspaper, chief executive Jo Bloggs said that the firm was for sale.",
            "the newspaper",
            None,
            "according to",
            "chief executive Jo Bloggs",
        ),
        (
            "But according to analysts, the minister predicted that rates would rise.",
            "analysts",
            None,
            "according to",
            "the minister",
        ),
        (
            "The firm said sales rose, according to the newspaper.",
            "the newspaper",
            None,
            "according to",
            "The firm",
        ),
        # Inside what is said, "according to" frames only that: the report verb's speaker stays.
        (
            "Mr Smith said that profits, according to the agency, fell.",
            "Mr Smith",
            None,
            "say",
            None,
        ),
        # A denial keeps its denier: the newspaper denied nothing.
        (
            "According to the newspaper, the minister had ruled out a deal.",
            "the minister",
            None,
            "rule out",
            None,
        ),
        # "The ministry said it": read leftwards from the denial, the phrase takes in the speaker.
        ("The ministry said it rejected the claims.", "The ministry", None, "say", None),
        # A noun that is also a determiner ("media reports") is the subject of a finite form.
        ("The talks collapsed, local media said.", "local media", None, "say", None),
        ("Rates will rise, the press reported.", "the press", None, "report", None),
        ("Talks collapsed, Japanese media say", "Japanese media", None, "say", None),
        ("Local media reported that the firm had collapsed.", "Local media", None, "report", None),
    ],
)
def test_attribution(clause: str, who: str, role: str | None, verb: str, via: str | None) -> None:
    cues = detect_cues(clause)
    attribution = cues.attribution
    assert attribution is not None
    assert attribution.who == who
    assert attribution.role == role
    assert attribution.verb == verb
    assert attribution.via == via
    assert cues.report_verb == verb


@pytest.mark.parametrize(
    "clause",
    [
        "There are 28,500 US troops stationed in South Korea.",
        "It was reported that the firm had collapsed.",  # passive: nobody named
        "Contestants told to come on down were surprised.",
        "SEOUL: Talks resumed on Friday.",  # a dateline, not a speaker
        "Profile: David Miliband",  # a label, not a speaker
        "Election 2005: Labour leads in polls",
        "The firm added 5,000 jobs last year.",
        "There were reports of unrest in the capital.",
        "He later contacted the show saying the e-mail was sent in error.",
        # "media reports", "a media report", "the media reported deal": nouns and an adjective.
        "Media reports that the firm collapsed were wrong.",
        "The deal fell through after a media report.",
        "The media reported deal collapsed.",
    ],
)
def test_no_attribution(clause: str) -> None:
    assert detect_cues(clause).attribution is None


def test_reported_without_speaker_keeps_the_verb() -> None:
    cues = detect_cues("It was reported that the firm had collapsed.")
    assert cues.stance is Stance.REPORTED
    assert cues.report_verb == "report"


def test_entity_gives_canonical_name_and_role() -> None:
    clause = "Sean Parnell, the Pentagon's chief spokesperson, denied the report."
    ent = Entity(name="Sean Parnell", kind=EntityKind.PERSON, text="Sean Parnell", start=0, end=12)
    attribution = detect_cues(clause, [ent]).attribution
    assert attribution is not None
    assert attribution.entity == "Sean Parnell"
    assert attribution.role == "Pentagon's chief spokesperson"

    clause = "South Korea's defence ministry said no talks were held."
    ent = Entity(name="South Korea", kind=EntityKind.PLACE, text="South Korea", start=0, end=11)
    attribution = detect_cues(clause, [ent]).attribution
    assert attribution is not None
    assert attribution.who == "South Korea's defence ministry"
    assert attribution.entity == "South Korea"

    # An entity outside the speaker phrase is not the speaker.
    clause = "The ministry said Seoul had not been consulted."
    ent = Entity(name="Seoul", kind=EntityKind.PLACE, start=18, end=23)
    attribution = detect_cues(clause, [ent]).attribution
    assert attribution is not None
    assert attribution.entity is None


def test_dateline_entity_is_not_a_speaker() -> None:
    clause = "Seoul: the talks resumed on Friday."
    ent = Entity(name="Seoul", kind=EntityKind.PLACE, start=0, end=5)
    assert detect_cues(clause, [ent]).attribution is None
    outlet = Entity(name="Yonhap", kind=EntityKind.OUTLET, start=0, end=6)
    attribution = detect_cues("Yonhap: the talks resumed on Friday.", [outlet]).attribution
    assert attribution is not None
    assert attribution.entity == "Yonhap"


@pytest.mark.parametrize(
    "clause",
    [
        "South Korean media later reported that Sean Parnell, the US Defense Department chief "
        "spokesperson, had denied the report.",
        "The ship may have capsized, a U.N. official said.",
        "US Troop Withdrawal: No Talks Held, Says Seoul",
        "WSJ: US weighs pulling troops",
        "No discussions had been held, the ministry said.",
        "Profits rose, according to the firm.",
        "The firm plans to cut 500 jobs.",
        "The leaders are due to meet in Geneva.",
        "The ministry denied the report.",
        "This followed a Wall Street Journal report suggesting a troop cut.",
    ],
)
def test_lower_case_gives_the_same_cues(clause: str) -> None:
    normal = detect_cues(clause)
    lower = detect_cues(clause.lower())
    assert lower.polarity is normal.polarity
    assert lower.stance is normal.stance
    assert lower.report_verb == normal.report_verb
    if normal.attribution is None:
        assert lower.attribution is None
    else:
        assert lower.attribution is not None
        assert lower.attribution.who == normal.attribution.who.lower()
        assert (lower.attribution.role or "") == (normal.attribution.role or "").lower()


def test_empty_and_punctuation_only() -> None:
    for clause in ("", "   ", "—", "..."):
        cues = detect_cues(clause)
        assert cues.polarity is Polarity.AFFIRMED
        assert cues.stance is Stance.ASSERTED
        assert cues.attribution is None


# ---------------------------------------------------------------- real data


def test_seed_article_sentences() -> None:
    if not SEED.exists():
        pytest.skip(f"../shared not present: {SEED}")
    text = SEED.read_text(encoding="utf-8")
    sentences = [s.text for s in split_sentences(text)]

    def find(prefix: str) -> str:
        return next(s for s in sentences if s.startswith(prefix))

    dateline = detect_cues(find("SEOUL:"))
    assert dateline.polarity is Polarity.NEGATED
    assert dateline.stance is Stance.REPORTED
    assert dateline.attribution is not None
    assert dateline.attribution.who == "South Korea's defence ministry"

    wsj = detect_cues(find("This statement"))
    assert wsj.stance is Stance.CONSIDERED
    assert wsj.attribution is not None
    assert wsj.attribution.who == "Wall Street Journal"

    option = detect_cues(find("The report indicated"))
    assert option.stance is Stance.CONSIDERED
    assert option.attribution is not None
    assert option.attribution.via == "unnamed US military officials"

    count = detect_cues(find("Currently"))
    assert (count.polarity, count.stance, count.attribution) == (AFF, Stance.ASSERTED, None)

    election = detect_cues(find("South Korea is scheduled"))
    assert election.stance is Stance.PLANNED

    clauses = split_clauses(find("Seoul and Washington"))
    assert len(clauses) == 2
    assert detect_cues(clauses[0].text).stance is Stance.ASSERTED
    trump = detect_cues(clauses[1].text)
    assert trump.stance is Stance.CONSIDERED
    assert trump.attribution is not None
    assert trump.attribution.who == "US President Donald Trump"


# ---------------------------------------------------------------- headline plans, vows, opinions


@pytest.mark.parametrize(
    "clause",
    [
        "S. Korea to hold snap presidential election on June 3",
        "Families to get extra £5 a week as child tax credit rises",
        "Hyundai to build new India plant",
        "Tourism to grow 5% next year",
        "Seoul vows continued cooperation with US",
        "Brown pledges £50 winter fuel payment for over-70s",
        "The US is ready to work with the new government.",
    ],
)
def test_headline_plans_and_vows_are_planned(clause: str) -> None:
    assert detect_cues(clause).stance is Stance.PLANNED


@pytest.mark.parametrize(
    "clause",
    [
        "Firm to cut 500 jobs.",  # a full stop: a sentence, not a headline
        "Japan turns to beer alternatives",  # "to" after a verb
        "Iraqi voters turn to economic issues",
        "Businesses fail to plan for HIV",
        "Exports to China rose",  # a preposition before a name
        "Bank payout to Pinochet victims",
        "Japanese growth grinds to a halt",
        "He also pledged an extra £105m for security.",  # narrative past: what he did
        "The pledge was broken.",  # a noun after a determiner
    ],
)
def test_not_a_headline_plan(clause: str) -> None:
    assert detect_cues(clause).stance is not Stance.PLANNED


def test_headline_cue_keeps_its_spaces() -> None:
    # The checker finds the cue in the text: a bare "to" would land inside "Tourism".
    assert detect_cues("Tourism to grow 5% next year").stance_cue == " to "


def test_opinion_verb_before_a_clause_is_attribution() -> None:
    cues = detect_cues("Tory leader Michael Howard predicted the Budget would do nothing for Labour.")
    assert cues.stance is Stance.PLANNED  # his forecast ("would"), not a possibility the article entertains
    assert cues.attribution is not None
    assert cues.attribution.who == "Tory leader Michael Howard"
    assert cues.attribution.verb == "predict"
    cues = detect_cues("Philippe Sands suggests the answer was written in Downing Street.")
    assert cues.attribution is not None and cues.attribution.verb == "suggest"


@pytest.mark.parametrize(
    "clause",
    [
        "Analysts predicted a sharp fall in prices.",  # a noun phrase, not a clause: a forecast
        "Capital Economics, which has in the past predicted a sharp fall in UK house prices, branded it a surprise.",
        "Growth is predicted to slow next year.",
    ],
)
def test_opinion_verb_without_a_clause_stays_considered(clause: str) -> None:
    assert detect_cues(clause).stance is Stance.CONSIDERED


def test_expects_is_a_forecast_but_than_expected_is_not() -> None:
    assert detect_cues("The OECD expects US growth of more than 4% in 2004.").stance is Stance.CONSIDERED
    assert detect_cues("Profits rose more than expected in March.").stance is Stance.ASSERTED


@pytest.mark.parametrize(
    ("clause", "stance"),
    [
        ("France Telecom is forecasting sales growth of 3% to 5%.", Stance.CONSIDERED),
        ("Economists are predicting a rate cut in March.", Stance.CONSIDERED),
        ("The Treasury was projecting a surplus of £2bn.", Stance.CONSIDERED),
        ("Retailers are expecting weaker sales this Christmas.", Stance.CONSIDERED),
        # Without "be" the -ing word is a noun or a participle, not a forecast of the clause.
        ("Economic forecasting has improved since 1990.", Stance.ASSERTED),
        ("The projecting balcony collapsed on Monday.", Stance.ASSERTED),
    ],
)
def test_progressive_forecast_verbs_are_considered(clause: str, stance: Stance) -> None:
    assert detect_cues(clause).stance is stance


def test_inverted_speaker_is_not_a_clause() -> None:
    # "…, said smart acquisition had not been applied": the speaker is the appositive before "said".
    cues = detect_cues("Sir John Bourn, head of the NAO, said smart acquisition principles had not been "
                       "consistently applied.")
    assert cues.attribution is not None
    assert cues.attribution.who == "Sir John Bourn"
    assert cues.attribution.role == "head of the NAO"
    cues = detect_cues("Prices will rise, said the finance minister.")
    assert cues.attribution is not None and cues.attribution.who == "the finance minister"


def test_a_bracketed_short_name_sits_between_speaker_and_verb() -> None:
    cues = detect_cues("The National Institute of Economic and Social Research (NIESR) claims that taxes "
                       "need to rise by about £10bn.")
    assert cues.attribution is not None
    assert cues.attribution.who == "The National Institute of Economic and Social Research"
    assert cues.attribution.verb == "claim"
    # "claim" reports an opinion: attributed, not a possibility the article entertains.
    assert cues.stance is Stance.REPORTED


@pytest.mark.parametrize("clause", [
    "Amid claims that taxes will rise, shares fell.",
    "Labour's claims that taxes will rise were rejected.",
])
def test_claims_that_as_a_noun_names_no_speaker(clause: str) -> None:
    assert detect_cues(clause).attribution is None


def test_a_hedge_inside_a_trailing_condition_qualifies_the_condition_only() -> None:
    assert detect_cues("Taxes need to rise if state finances are to be put in order.").stance is Stance.ASSERTED
    assert detect_cues("Taxes need to rise unless growth is likely to recover.").stance is Stance.ASSERTED
    # The main predicate's own hedge still counts, and so does a clause that opens with "if".
    assert detect_cues("Taxes are to rise if state finances worsen.").stance is Stance.PLANNED
    assert detect_cues("If growth is expected to slow, rates will fall.").stance is not Stance.ASSERTED
    assert detect_cues("It is not clear if taxes will rise.").stance is Stance.CONSIDERED


def test_a_participle_after_a_figure_hedges_that_figure_only() -> None:
    cues = detect_cues("Borrowing was £35bn, £2.5bn less than the £37.5bn predicted in March.")
    assert cues.stance is Stance.ASSERTED
    assert detect_cues("Growth of 3% forecast by the Bank was cut.").stance is Stance.ASSERTED
    # Before "to" the participle is the predicate's: "1,000 jobs expected to go".
    assert detect_cues("Some 1,000 jobs expected to go will be cut.").stance is not Stance.ASSERTED
    assert detect_cues("Borrowing is predicted to reach £37.5bn.").stance is Stance.CONSIDERED
    assert detect_cues("Borrowing was predicted at £37.5bn.").stance is Stance.CONSIDERED


@pytest.mark.parametrize(("clause", "who", "verb"), [
    # The phrase after the verb is its object, not an inverted speaker.
    ("Bundchen, 34, announced her retirement from the catwalk last weekend.", "Bundchen", "announce"),
    ("Ansar Beit Al-Maqdis, an ISIS affiliate, claimed responsibility for the attack, which killed five.",
     "Ansar Beit Al-Maqdis", "claim"),
    # The first report verb names the speaker, not the one inside the reported clause.
    ("His attorney reiterated that he believes the charge is unwarranted.", "His attorney", "reiterate"),
    # Inverted speakers still read after the verb.
    ("Growth in France, Germany and Italy slowed, said the minister.", "the minister", "say"),
    ("Sales fell 5%, said analysts.", "analysts", "say"),
    ("sales fell 5%, announced the company.", "the company", "announce"),
])
def test_an_object_after_the_verb_is_not_the_speaker(clause: str, who: str, verb: str) -> None:
    cues = detect_cues(clause)
    assert cues.attribution is not None
    assert (cues.attribution.who, cues.attribution.verb) == (who, verb)
    # An age between commas is no role.
    assert cues.attribution.role in {None, "ISIS affiliate"}


def test_reiterate_reports_only_a_clause() -> None:
    assert detect_cues("The firm reiterated its commitment to the region.").attribution is None



def test_or_not_is_no_negation() -> None:
    assert detect_cues("Believe it or not, prosecutors have offered this deal four times.").polarity is AFF
    assert detect_cues("Prosecutors have not offered this deal.").polarity is NEG


@pytest.mark.parametrize(
    ("clause", "stance", "cue"),
    [
        # A speaker's "would" is the backshifted "will" of their words: held as a forecast.
        ("Cotis said there were good reasons to believe the economy would regain momentum.",
         Stance.PLANNED, "would"),
        ("The firm would cut 500 jobs, the union said.", Stance.PLANNED, "would"),
        ('"The economy will recover," said the chief economist.', Stance.PLANNED, "will"),
        # Not forecasts: a wish, a counterfactual, a conditional without a speaker, "would" in a condition.
        ('The editor wrote, "We would like to apologize to our readers."', Stance.REPORTED, "wrote"),
        ("Smith said the deal would have cost £2m.", Stance.REPORTED, "said"),
        ("The firm would cut 500 jobs.", Stance.ASSERTED, None),
        ("Smith said prices rose 3% in March, more than analysts had thought they would.", Stance.REPORTED, "said"),
    ],
)
def test_a_speakers_would_is_a_forecast(clause: str, stance: Stance, cue: str | None) -> None:
    cues = detect_cues(clause)
    assert (cues.stance, cues.stance_cue) == (stance, cue)


def test_would_without_a_speaker_is_kept_for_the_sentence_speaker() -> None:
    assert detect_cues("US growth would reach 4.4% in 2004").speech_future == "would"
    assert detect_cues("US growth reached 4.4% in 2004").speech_future is None


@pytest.mark.parametrize(
    ("clause", "polarity"),
    [
        ("West pleaded no contest to a misdemeanor count of battery.", AFF),  # a plea, like "guilty"
        ("He entered a plea of no contest on Monday.", AFF),
        ("The result was nothing short of a disaster for the party.", AFF),
        ("Sales usually pick up in January and this year will be no exception.", AFF),
        ("No wonder sales fell in the quarter.", AFF),
        ("Sales were none the less strong in March.", AFF),
        # Still negations.
        ("There was no contest for the seat in 2001.", NEG),
        ("He pleaded not guilty to all charges.", NEG),
        ("The firm no longer sells cars in Europe.", NEG),
        ("Nothing was decided at the meeting.", NEG),
    ],
)
def test_set_phrases_with_no_that_do_not_negate(clause: str, polarity: Polarity) -> None:
    assert detect_cues(clause).polarity is polarity


@pytest.mark.parametrize(
    ("clause", "cue"),
    [
        ("UK 'risks breaking golden rule'", "risks"),
        ("Shares risk falling further this week", "risk"),
        ("The firm is at risk of collapse.", "at risk of"),
        ("Glazer in talks to buy United", "in talks to"),
        ("Union threatens to strike over pay", "threatens to"),
        ("BA eyes Iberia stake", "eyes"),
        ("Rates could rise again", "could"),
    ],
)
def test_headline_hedges(clause: str, cue: str) -> None:
    cues = detect_cues(clause)
    assert (cues.stance, cues.stance_cue) == (Stance.CONSIDERED, cue)


@pytest.mark.parametrize(
    "clause",
    [
        "The risks facing the economy are high.",  # a noun after a determiner
        "The risk of rising prices is low.",
        "Shares rose despite the risks.",
        "UK breaks golden rule",
    ],
)
def test_risk_as_a_noun_hedges_nothing(clause: str) -> None:
    assert detect_cues(clause).stance is Stance.ASSERTED


@pytest.mark.parametrize(("clause", "who", "verb"), [
    # A plural subject takes the verb's base form.
    ("UKIP officials also argue Mr Smith has not been straightforward.", "UKIP officials", "argue"),
    ("Critics insist the scheme is unfair.", "Critics", "insist"),
    ("Analysts warn that prices will fall.", "Analysts", "warn"),
    ("The new posters claim unemployment is at its lowest for 29 years.", "The new posters", "claim"),
    # "claim" as a noun reports nothing, nor after a modal.
    ("His claim that sales rose was false.", None, None),
    ("Labour got into trouble over its central claim that taxes would rise.", None, None),
    ("They will claim compensation.", None, None),
    # After a modal, "to" or do-support the base form reports nothing.
    ("They will confirm the deal tomorrow.", None, None),
    ("The firm is expected to announce job cuts.", None, None),
    ("Ministers did not confirm the talks.", None, None),
])
def test_a_report_verb_in_its_base_form(clause: str, who: str | None, verb: str | None) -> None:
    cues = detect_cues(clause)
    if who is None:
        assert cues.attribution is None, cues.attribution
    else:
        assert cues.attribution is not None and (cues.attribution.who, cues.attribution.verb) == (who, verb)


@pytest.mark.parametrize(
    ("word", "acronym"),
    [
        ("NIESR", True), ("NSPCC", True), ("RSPCA", True), ("UNHCR", True), ("WSJ", True), ("IMF", True),
        # Places, and acronyms read as words, are words.
        ("SEOUL", False), ("LONDON", False), ("WASHINGTON", False), ("BRUSSELS", False), ("MINSK", False),
        ("EDINBURGH", False), ("KIGALI", False), ("UNICEF", False), ("ROME", False), ("UK", False),
    ],
)
def test_reads_as_acronym(word: str, acronym: bool) -> None:
    assert reads_as_acronym(word) is acronym


@pytest.mark.parametrize(
    ("clause", "who"),
    [
        ("NIESR: taxes need to rise by about £10bn", "NIESR"),
        ("RSPCA: pet abandonment rose 10% in 2004", "RSPCA"),
        # A place in capitals opening the text is a dateline, known or not.
        ("KIGALI: Talks resumed on Friday.", None),
        ("MANCHESTER: Profits rose 5% in May.", None),
    ],
)
def test_an_acronym_label_is_a_speaker_but_a_place_is_a_dateline(clause: str, who: str | None) -> None:
    attribution = detect_cues(clause).attribution
    assert (attribution.who if attribution is not None else None) == who


def test_a_speaker_phrase_counts_a_name_as_one_word() -> None:
    from factcheck.text.entities import AliasTable, extract_entities

    clause = "Yet aviation analyst Mike Powell of Dresdner Kleinwort Wasserstein says costs will rise."
    attribution = detect_cues(clause, extract_entities(clause, AliasTable.default())).attribution
    assert attribution is not None and attribution.entity == "Mike Powell"
    assert attribution.role == "aviation analyst of Dresdner Kleinwort Wasserstein"
    # Nine plain words before the verb are no speaker phrase: a clause has run on.
    assert detect_cues("yet a few of the many other small local shop owners says costs will rise.").attribution is None


def test_an_ampersand_inside_a_name_belongs_to_the_speaker() -> None:
    from factcheck.text.entities import AliasTable, extract_entities

    clause = "Earlier this month, accountancy firm Ernst & Young said that revenues fell."
    attribution = detect_cues(clause, extract_entities(clause, AliasTable.default())).attribution
    assert attribution is not None and attribution.who == "accountancy firm Ernst & Young"
    # Outside a name, "&" still ends the speaker phrase.
    attribution = detect_cues("Profits & losses said nothing.").attribution
    assert attribution is not None and attribution.who == "losses"


@pytest.mark.parametrize(
    "clause",
    [
        "Revenues were £6bn below estimates.",
        "Sales came in well above forecast.",
        "Profits at the group beat estimates.",
        "The move comes amid claims the poll could be marred by fraud.",
        "Labour is to be investigated by a watchdog over claims its campaign broke the rules.",
        "The firm refused to comment on reports it may be taken over.",
    ],
)
def test_a_report_word_after_a_preposition_or_comparison_is_a_noun(clause: str) -> None:
    assert detect_cues(clause).attribution is None


@pytest.mark.parametrize(
    ("clause", "who"),
    [
        # The noun reading must not swallow the real speaker.
        ("Profits beat estimates, the company said.", "the company"),
        ("Revenue was above forecast, the firm said.", "the firm"),
        # A body or office named by its noun is the subject of "estimates that", "claims that".
        ("The bank estimates that growth will slow.", "The bank"),
        ("The minister claims that he lied.", "The minister"),
        ("The bank estimates growth will slow.", "The bank"),
    ],
)
def test_a_report_verb_after_its_subject_still_reports(clause: str, who: str) -> None:
    attribution = detect_cues(clause).attribution
    assert attribution is not None and attribution.who == who


@pytest.mark.parametrize(
    "clause",
    [
        "There were claims that he lied.",
        "The firm's claims that it lied were false.",
        "The latest reports that he lied were false.",
    ],
)
def test_a_report_noun_before_that_is_still_a_noun(clause: str) -> None:
    assert detect_cues(clause).attribution is None


@pytest.mark.parametrize(
    ("clause", "entity"),
    [
        # The speaker is the name after the relation noun, not the possessor.
        ("Lord Scarman's nephew George Ritchie said he was shocked.", "George Ritchie"),
        ("Orange's owner France Telecom said profits rose.", "France Telecom"),
        ("BBC correspondent Sarah Mukherjee said it was odd.", "Sarah Mukherjee"),
        ("Bank of England governor Mervyn King said growth would slow.", "Mervyn King"),
        # A name followed by its employer: the person, not the employer.
        ("Mike Powell of Dresdner Kleinwort said costs rose.", "Mike Powell"),
        # Negatives: a possessor with no name after it stays the speaker's entity; a pair keeps the first.
        ("South Korea's defence ministry said no talks were held.", "South Korea"),
        ("South Korea and Japan denied they were planning a sell-off.", "South Korea"),
        # Names after a preposition are complements.
        ("Reports in the Wall Street Journal and the Financial Times said a bid was near.", "Wall Street Journal"),
    ],
)
def test_the_speaker_entity_is_the_head_of_the_speaker_phrase(clause: str, entity: str) -> None:
    from factcheck.text.entities import AliasTable, extract_entities

    table = AliasTable.default()
    attribution = detect_cues(clause, extract_entities(clause, table)).attribution
    assert attribution is not None and attribution.entity == entity


def test_a_titled_appositive_speaks_before_an_inverted_reading() -> None:
    from factcheck.text.entities import AliasTable, extract_entities

    clause = "Jo Bloggs, the firm's chief executive, said profits rose."
    attribution = detect_cues(clause, extract_entities(clause, AliasTable.default())).attribution
    assert attribution is not None and attribution.who == "Jo Bloggs"
    assert attribution.role == "firm's chief executive"
    # Without a title between the commas, the inverted speaker stands.
    attribution = detect_cues("In 2004, sales fell, said the chief executive.").attribution
    assert attribution is not None and attribution.who == "the chief executive"


@pytest.mark.parametrize(("clause", "negation"), [
    ("But investors have been less than impressed with the move.", "less than"),
    ("The plan is far from clear.", "far from"),
    ("Staff were anything but pleased.", "anything but"),
    # A bound, a comparison and a distance deny nothing.
    ("Prices rose less than 5%.", None),
    ("Sales were less than expected.", None),
    ("Profits less than doubled.", None),
    ("He lives far from London.", None),
    ("It took less than a year.", None),
])
def test_understatement_before_a_word_of_judgement_negates(clause: str, negation: str | None) -> None:
    assert detect_cues(clause).negation == negation


@pytest.mark.parametrize(("clause", "stance", "negation"), [
    # What holds only on a condition is a possibility; a negation inside the condition is kept
    # (it is another condition), for the checker to scope.
    ("If fuel prices do not rise further, the shock can be absorbed.", Stance.CONSIDERED, "not"),
    ("If approved, the plan will cost £5m.", Stance.CONSIDERED, None),
    ("The council will scrap the charge if it is approved.", Stance.CONSIDERED, None),
    # Set phrases, purposes, a plan's occasion and a phrase's own condition hedge nothing.
    ("If anything, sales rose.", Stance.ASSERTED, None),
    ("Taxes need to rise if finances are to be put in order.", Stance.ASSERTED, None),
    ("He set out a strategy for if Labour wins the election.", Stance.ASSERTED, None),
    ("The court had to protect access to justice if a defendant is hiding.", Stance.ASSERTED, None),
])
def test_conditions_hedge_the_clause_they_govern(clause: str, stance: Stance, negation: str | None) -> None:
    cues = detect_cues(clause)
    assert (cues.stance, cues.negation) == (stance, negation)


@pytest.mark.parametrize(("clause", "stance"), [
    # "sees" forecasts before a progressive or a level ...
    ("The bank sees inflation rising next year.", Stance.CONSIDERED),
    ("The IMF sees growth at 3% next year.", Stance.CONSIDERED),
    # ... but reports what happened before a bare verb, and "sees off" is beating.
    ("Qantas sees profits fly to a record.", Stance.ASSERTED),
    ("Labour sees off a challenge from the left.", Stance.ASSERTED),
])
def test_sees_forecasts_only_before_a_progressive_or_a_level(clause: str, stance: Stance) -> None:
    assert detect_cues(clause).stance == stance


@pytest.mark.parametrize(("clause", "negation"), [
    # "No" after a determiner is a name or a noun: "the No campaign", "a no vote".
    ("Howard tried to recruit him to the No campaign.", None),
    ("He branded the official No Campaign two-bit Tories.", None),
    ("There was no campaign.", "no"),
])
def test_no_after_a_determiner_is_no_negation(clause: str, negation: str | None) -> None:
    assert detect_cues(clause).negation == negation


@pytest.mark.parametrize(("clause", "who"), [
    # A lower-case title before the name after an inverted verb.
    ("\"We have to get that under control,\" said vice-chairman Vivek Paul.", "vice-chairman Vivek Paul"),
    ("\"Sales will recover,\" said analyst Jo Pym.", "analyst Jo Pym"),
])
def test_an_inverted_speaker_may_open_with_a_lower_case_title(clause: str, who: str) -> None:
    attribution = detect_cues(clause).attribution
    assert attribution is not None and attribution.who == who


@pytest.mark.parametrize(("clause", "negation"), [
    ("He rejected overtures from No campaigners.", None),
    ("No deal was reached.", "No"),
    ("He said: No deal was reached.", "No"),
])
def test_a_capitalised_no_mid_sentence_names_a_side(clause: str, negation: str | None) -> None:
    assert detect_cues(clause).negation == negation


@pytest.mark.parametrize("clause", [
    "It is thought that nearly half a million children skip school each day.",
    "It is estimated 2,000 jobs will go.",
    "It was feared the bridge would collapse.",
])
def test_an_impersonal_it_is_thought_hedges(clause: str) -> None:
    assert detect_cues(clause).stance == Stance.CONSIDERED


def test_little_evidence_is_next_to_none() -> None:
    cues = detect_cues("There is little evidence the ministry's performance had improved.")
    assert cues.negation == "little evidence"


def test_voting_against_negates_and_allegations_hedge() -> None:
    assert detect_cues("The association voted against a move to deselect him.").negation == "voted against"
    cues = detect_cues("He survived a row over allegations he had profited from private tours.")
    assert cues.stance == Stance.CONSIDERED


@pytest.mark.parametrize(("clause", "stance"), [
    # Reports and suspicions as nouns hedge what they report ...
    ("His main concern was the reports that there would be a diploma.", Stance.CONSIDERED),
    ("He changed his mind amid suspicion the chancellor was plotting against him.", Stance.CONSIDERED),
    # ... an outlet that reports something still reports it.
    ("The BBC reports that sales rose.", Stance.REPORTED),
])
def test_reports_and_suspicions_as_nouns_hedge(clause: str, stance: Stance) -> None:
    assert detect_cues(clause).stance == stance


@pytest.mark.parametrize(("clause", "stance"), [
    # Another's opinion verb inside what the speaker said hedges it ...
    ("Liberty said statistics suggested Roma Czechs were 400 times more likely to be stopped.", Stance.CONSIDERED),
    # ... the speaker's own does not add a second voice.
    ("Mr Blair said he believed the president was keen to work with others.", Stance.REPORTED),
])
def test_a_nested_opinion_of_another_hedges(clause: str, stance: Stance) -> None:
    assert detect_cues(clause).stance == stance


def test_confidence_about_the_future_is_a_forecast() -> None:
    cues = detect_cues("We remain confident that our strategy will allow us to deliver profitable growth.")
    assert cues.stance == Stance.CONSIDERED


def test_a_speakers_appositive_closed_by_a_dash_aside() -> None:
    cues = detect_cues("\"The firm will not need more aid,\" Jo Pym, director of the bank - one of its "
                       "creditors - said.")
    assert cues.attribution is not None
    assert (cues.attribution.who, cues.attribution.role) == ("Jo Pym", "director of the bank")


def test_a_speaker_named_before_a_comma_and_where_from() -> None:
    cues = detect_cues("\"It will remain fragile,\" Emmanuel Ferry, from Exane Bank told Reuters news agency.")
    assert cues.attribution is not None
    assert (cues.attribution.who, cues.attribution.role) == ("Emmanuel Ferry", "from Exane Bank")


# ---------------------------------------------------------------- speech after a pronoun, speech as a noun


@pytest.mark.parametrize(("clause", "who", "verb"), [
    # A weak report verb reports when a pronoun and its verb follow: a clause, not an object.
    ("Brown admitted he was gloating about the economy.", "Brown", "admit"),
    ("The firm acknowledged it had made mistakes.", "The firm", "acknowledge"),
    # A noun of speech after a possessor, holding a clause.
    ("Mr Hale's insistence he was not worried was a rebuttal of his critics.", "Mr Hale", "insist"),
    ("The mayor's claim that the budget was balanced was challenged.", "The mayor", "claim"),
])
def test_a_report_before_a_clause(clause: str, who: str, verb: str) -> None:
    found = detect_cues(clause).attribution
    assert found is not None and (found.who, found.verb) == (who, verb)


@pytest.mark.parametrize("clause", [
    "The firm added it to the list of approved suppliers.",  # "added it to": an object, no clause
    "Mr Hale's insistence on a vote was ignored.",  # insisting on a thing, no clause
    "The mayor's warning light came on.",
])
def test_no_report_without_a_clause(clause: str) -> None:
    assert detect_cues(clause).attribution is None
