"""Negation, stance and attribution cues of one clause.

Rule-based over the word lists in ``data/cues.toml``. The rules look at a clause
as a flat token sequence with a little context (the word before, the word
after) rather than a parse, so they are fast and predictable; their limits are
listed in the tests.

Decisions worth knowing:

* "denied", "rejected", … set the stance DENIED, never the polarity.
* "not" inside a hedge ("it is not clear whether", "did not rule out") is part
  of the hedge: stance CONSIDERED, polarity AFFIRMED, since the embedded claim
  is neither asserted nor negated.
* "pleaded not guilty" is NEGATED: the checker sees "guilty" against
  "not guilty" as a negation difference.
* A fronted background phrase ("Amid reports of possible cuts, …") is ignored.
* When the stance is DENIED, the attribution is whoever denied; otherwise it is
  the speaker of the first report verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.models import Attribution, Entity, EntityKind, Polarity, Stance
from factcheck.tables import load_table

__all__ = ["Cues", "detect_cues", "reads_as_acronym"]


@dataclass(slots=True)
class Cues:
    """What a clause says about how its content is held."""

    polarity: Polarity
    negation: str | None
    stance: Stance
    stance_cue: str | None
    attribution: Attribution | None
    report_verb: str | None
    # A "would" before a verb: a speaker's backshifted "will" once a speaker is known (the clause's
    # own, or one its sentence names elsewhere).
    speech_future: str | None = None


# Most hedged first: it wins when several apply.
_PRIORITY = (Stance.CONSIDERED, Stance.DENIED, Stance.PLANNED, Stance.REPORTED)

_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S., U.N., a.m.
    r"|(?:mr|mrs|ms|dr|prof|gen|sen|rep|gov|st|jr|sr|inc|ltd|co|corp|lt|col|capt|sgt)\.(?=\s)"
    r"|[^\W_](?:[\w&'’.\-]*[^\W_])?"
    r"|[^\w\s]",
    re.IGNORECASE,
)
_QUOTE_CHARS = frozenset("\"'“”‘’«»")
_CLOSING_PUNCT = frozenset(".!?\"'”’»)")
_BE = frozenset({"is", "was", "were", "are", "be", "been", "being"})
_ARTICLES = frozenset({"the", "a", "an"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
_PREPOSITIONS = frozenset(
    {"from", "about", "on", "in", "of", "by", "for", "over", "into", "at", "with", "that"}
)

# Kinds of phrase in the lookup table.
_NEG, _NEG_EXEMPT, _LITOTES = "neg", "neg-exempt", "litotes"
_CONSIDERED, _CONSIDERED_EXEMPT = "considered", "considered-exempt"
_PLANNED, _DENIED, _REPORTED = "planned", "denied", "reported"
_MODAL_CONSIDERED, _MODAL_PLANNED, _DUE_TO, _VERB = "modal-c", "modal-p", "due-to", "verb"

_Entry = tuple[tuple[str, ...], str, str | None]  # words, kind, lemma of a report verb
_Hit = tuple[str, int, int, str | None]  # kind, first token, end token (exclusive), lemma
_Span = tuple[int, int]  # first token, end token (exclusive)


@dataclass(slots=True, frozen=True)
class _Lexicon:
    table: dict[str, list[_Entry]]
    fronted: frozenset[tuple[str, ...]]
    figure_participles: frozenset[str]
    modal_skip: frozenset[str]
    month_before: frozenset[str]
    cause_words: frozenset[str]
    function_words: frozenset[str]
    determiners: frozenset[str]
    noun_determiners: frozenset[str]
    ambiguous: frozenset[str]
    noun_after: frozenset[str]
    described_subjects: frozenset[str]
    person_titles: frozenset[str]
    public_words: frozenset[str]
    verb_forms: frozenset[str]
    report_lemmas: frozenset[str]  # base forms of report verbs ("announce"): after "will", a plan
    weak: frozenset[str]
    inverted: frozenset[str]
    denying: frozenset[str]
    boundary: frozenset[str]
    skip_before_verb: frozenset[str]
    leading_discourse: frozenset[str]
    weekdays: frozenset[str]
    prefix_labels: frozenset[str]
    report_nouns: frozenset[str]
    speech_nouns: dict[str, str]
    report_noun_modifiers: frozenset[str]
    name_particles: frozenset[str]
    opinion: frozenset[str]
    clause_markers: frozenset[str]
    headline_not_before: frozenset[str]
    speech_future: frozenset[str]
    before_gerund: frozenset[str]
    speech_future_not_before: frozenset[str]
    denial_objects: frozenset[str]
    title_cues: frozenset[str]
    clusters: tuple[frozenset[str], frozenset[str]]  # consonant pairs English words open, and end, with
    litotes_words: frozenset[str] = frozenset()
    litotes_not_before: frozenset[str] = frozenset()


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().replace("’", "'").split())


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower().replace("’", "'") for v in values)


@cache
def _lexicon() -> _Lexicon:
    data = load_table("cues")
    entries: list[_Entry] = []

    def add(phrases: Any, kind: str, lemma: str | None = None) -> None:
        entries.extend((_key(p), kind, lemma) for p in phrases)

    neg = data["negation"]
    add(neg["cues"], _NEG)
    add(neg.get("exempt", []), _NEG_EXEMPT)
    add(neg.get("litotes", []), _LITOTES)
    stance = data["stance"]
    add(stance["considered"]["phrases"], _CONSIDERED)
    add(stance["considered"].get("exempt", []), _CONSIDERED_EXEMPT)
    add(stance["planned"]["phrases"], _PLANNED)
    add(stance["denied"]["phrases"], _DENIED)
    add(stance["reported"]["phrases"], _REPORTED)
    modal = data["modal"]
    add(modal["considered"], _MODAL_CONSIDERED)
    add(modal["planned"], _MODAL_PLANNED)
    add(["due to"], _DUE_TO)
    forms: set[str] = set()
    for lemma, verb_forms in data["report_verbs"].items():
        add(verb_forms, _VERB, lemma)
        forms.update(w for f in verb_forms for w in _key(f)[:1])
    table: dict[str, list[_Entry]] = {}
    for entry in sorted(entries, key=lambda e: -len(e[0])):
        table.setdefault(entry[0][0], []).append(entry)
    usage = data["report_verbs_usage"]
    attribution = data["attribution"]
    return _Lexicon(
        table=table,
        fronted=frozenset(_key(p) for p in data["fronted"]["openers"]),
        figure_participles=_words(stance["considered"].get("figure_participles", [])),
        modal_skip=_words(modal["skip"]),
        month_before=_words(modal["month_before"]),
        cause_words=_words(data["due_to"]["cause_words"]),
        function_words=_words(data["function_words"]["words"]),
        determiners=_words(data["determiners"]["words"]),
        noun_determiners=_words(data["determiners"]["nouns"]),
        ambiguous=_words(data["determiners"]["ambiguous"]),
        noun_after=_words(data["determiners"]["noun_after"]),
        described_subjects=_words(data["anaphora"]["organisation_nouns"])
        | _words(data["anaphora"]["person_titles"]),
        person_titles=_words(data["anaphora"]["person_titles"]),
        public_words=_words(data["anaphora"]["public_body_words"]),
        verb_forms=frozenset(forms),
        report_lemmas=frozenset(k.lower() for k in data["report_verbs"] if " " not in k),
        weak=_words(usage["weak"]),
        inverted=_words(usage["inverted"]),
        denying=_words(usage["denying"]),
        boundary=_words(attribution["boundary_words"]),
        skip_before_verb=_words(attribution["skip_before_verb"]),
        leading_discourse=_words(attribution["leading_discourse"]),
        weekdays=_words(attribution["weekdays"]),
        prefix_labels=_words(attribution["prefix_labels"]),
        report_nouns=_words(attribution["report_nouns"]),
        speech_nouns={str(k): str(v) for k, v in attribution["speech_nouns"].items()},
        report_noun_modifiers=_words(attribution["report_noun_modifiers"]),
        name_particles=_words(attribution["name_particles"]),
        opinion=_words(usage["opinion"]),
        clause_markers=_words(usage["clause_markers"]),
        headline_not_before=_words(stance["planned"]["headline_not_before"]),
        speech_future=_words(modal["speech_future"]),
        before_gerund=_words(stance["considered"].get("before_gerund", [])),
        speech_future_not_before=_words(modal["speech_future_not_before"]),
        denial_objects=_words(stance["denied"]["objects"]),
        title_cues=_words(neg["title_cues"]),
        clusters=(frozenset(w.upper() for w in attribution["word_initial_clusters"]),
                  frozenset(w.upper() for w in attribution["word_final_clusters"])),
        litotes_words=_words(neg.get("litotes_words", [])),
        litotes_not_before=_words(neg.get("litotes_not_before", [])),
    )


class _Clause:
    """A clause and its tokens (lower-cased, contractions split), shared by all the rules."""

    __slots__ = ("base", "ends", "entities", "lower_mode", "starts", "text", "words")

    def __init__(self, text: str, entities: Sequence[Entity], lex: _Lexicon) -> None:
        self.text = text
        self.entities = entities
        lower = text.lower()
        if len(lower) != len(text):
            # A few characters change length when lower-cased ("İ"); keep offsets aligned.
            lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        self.lower_mode = lower == text
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        for m in _TOKEN.finditer(lower):
            s, e = m.span()
            w = m.group()
            if "'" in w or "’" in w:
                w = w.replace("’", "'")
                if len(w) > 3 and w.endswith(("n't", "'ll")):
                    starts.append(s)
                    ends.append(e - 3)
                    words.append(w[:-3])
                    s, w = e - 3, w[-3:]
            starts.append(s)
            ends.append(e)
            words.append(w)
        self.starts = starts
        self.ends = ends
        self.words = words
        self.base = _fronted_end(words, lex)

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def is_word(self, i: int) -> bool:
        w = self.word(i)
        return bool(w) and w[0].isalnum()

    def capitalised(self, i: int) -> bool:
        return self.text[self.starts[i]].isupper()

    def span(self, first: int, end: int) -> tuple[int, int]:
        """Character span of tokens ``first`` to ``end`` (exclusive)."""
        return self.starts[first], self.ends[end - 1]

    def continues_name(self, i: int) -> bool:
        """Is token ``i`` a later word of a name ("Kleinwort" in "Dresdner Kleinwort")? A speaker
        phrase counts a name as one word: "aviation analyst Mike Powell of Dresdner Kleinwort"."""
        start = self.starts[i]
        return any(e.start < start < e.end for e in self.entities)

    def in_entity(self, start: int, end: int) -> Entity | None:
        for ent in self.entities:
            if ent.start <= start and end <= ent.end and ent.end > ent.start:
                return ent
        return None


def _fronted_end(words: list[str], lex: _Lexicon) -> int:
    """Token index after a fronted background phrase ("Amid reports of X, …"), else 0."""
    if not any(words[:k] and tuple(words[:k]) in lex.fronted for k in range(1, 6)):
        return 0
    for k in range(1, min(len(words), 30)):
        w = words[k]
        if w == ",":
            rest = words[k + 1 :]
            return k + 1 if sum(1 for r in rest if r[0].isalnum()) >= 3 else 0
        if w in {";", ":", '"', "“", "”"}:
            return 0
    return 0


def detect_cues(clause: str, entities: Sequence[Entity] = ()) -> Cues:
    """Detect polarity, stance and attribution of one clause.

    ``entities`` carry offsets into ``clause``; an entity inside the speaker
    phrase gives the attribution its canonical name, and an entity covering
    "May" or "Will" shows it is a name rather than a modal. Lower-cased text
    is handled like ordinary text.
    """
    lex = _lexicon()
    c = _Clause(clause, entities, lex)
    hits = _scan(c, lex)

    by_kind: dict[str, list[_Hit]] = {}
    condition = _condition_start(c)
    leading = _leading_condition(c)
    titles = _titles(c, lex) if any(h[0] in _TITLE_BLIND for h in hits) else []
    for hit in hits:
        if hit[0] in _STANCE_KINDS and (hit[1] >= condition or (leading is not None and hit[1] < leading[1])):
            # A hedge inside an "if …" clause qualifies the condition only. (A negation there is
            # kept: "if the claims were not true" is another condition; the checker scopes it.)
            continue
        if titles and hit[0] in _TITLE_BLIND and _inside((hit[1], hit[2]), titles):
            continue  # the words of a slogan or a title: "with the slogan: 'It's not racist …'"
        by_kind.setdefault(hit[0], []).append(hit)

    considered_exempt = [(h[1], h[2]) for h in by_kind.get(_CONSIDERED_EXEMPT, ())]
    considered = [
        (h[1], h[2])
        for h in by_kind.get(_CONSIDERED, ())
        if not _noun_use(c, lex, h[1], h[2]) and not _inside((h[1], h[2]), considered_exempt)
        and not _figure_participle(c, lex, h[1], h[2]) and (c.words[h[1]] != "sees" or _forecast_sees(c, h[1]))
    ]
    considered += [(h[1], h[2]) for h in by_kind.get(_MODAL_CONSIDERED, ()) if _modal(c, lex, h[1])]
    considered += _before_gerund(c, lex, condition)
    if leading is not None:
        # What holds only on a condition is a possibility, not a fact.
        considered.append((leading[0], leading[0] + 1))
    elif condition < len(c.words) and _hedging_condition(c, condition):
        considered.append((condition, condition + 1))
    planned = [(h[1], h[2]) for h in by_kind.get(_PLANNED, ())
               if not _noun_use(c, lex, h[1], h[2]) and not _figure_participle(c, lex, h[1], h[2])]
    planned += [(h[1], h[2]) for h in by_kind.get(_MODAL_PLANNED, ()) if _modal(c, lex, h[1])]
    planned += [
        (h[1], h[2]) for h in by_kind.get(_DUE_TO, ()) if _verb_at(c, lex, h[2], due_to=True)
    ]
    denied = [(h[1], h[2]) for h in by_kind.get(_DENIED, ()) if not _noun_use(c, lex, h[1], h[2])]
    if denied and considered:
        considered = [span for span in considered if not _denial_object(c, lex, span, denied)]
    verbs = [h for h in by_kind.get(_VERB, ()) if _is_report_verb(c, lex, h)]
    # "Smith predicted the deal would fail" reports Smith's opinion: attribution with an opinion
    # verb, not a possibility the article itself entertains.
    opinions = {h[1] for h in verbs if h[3] in lex.opinion and _speaker_of_verb(c, lex, h) is not None}
    considered = [span for span in considered if span[0] not in opinions]
    headline = _headline_plan(c, lex)
    if headline is not None:
        planned.append(headline)
    reported = [(h[1], h[2]) for h in by_kind.get(_REPORTED, ())]
    reported += [(h[1], h[2]) for h in verbs]

    found = {
        Stance.CONSIDERED: considered,
        Stance.DENIED: denied,
        Stance.PLANNED: planned,
        Stance.REPORTED: reported,
    }
    stance = Stance.ASSERTED
    stance_cue: str | None = None
    for candidate in _PRIORITY:
        spans = found[candidate]
        if spans:
            stance = candidate
            first, end = min(spans)
            a, b = c.span(first, end)
            if (first, end) == headline:
                # The bare "to" of a headline: keep the spaces, so that finding the cue in the text
                # cannot land inside a word ("Tourism to grow").
                a, b = a - 1, b + 1
            stance_cue = clause[a:b]
            break

    negation = _negation(c, by_kind, considered)
    attribution = _attribution(c, lex, verbs, prefer_denier=stance is Stance.DENIED)
    if attribution is not None and stance in {Stance.ASSERTED, Stance.REPORTED} \
            and attribution.verb not in lex.opinion:
        # An opinion verb inside what the speaker said ("Liberty said statistics suggested Roma
        # Czechs were 400 times more likely …") hedges it, though its speaker is not the sentence's.
        nested = [h for h in verbs if h[3] in lex.opinion and h[1] in opinions
                  and _other_speaker(_speaker_of_verb(c, lex, h), attribution)]
        if nested:
            stance = Stance.CONSIDERED
            a, b = c.span(nested[0][1], nested[0][2])
            stance_cue = clause[a:b]
    if attribution is not None and stance is Stance.ASSERTED:
        stance = Stance.REPORTED
    future = _speech_future(c, lex, condition)
    speech_future: str | None = None
    if future is not None:
        a, b = c.span(future, future + 1)
        speech_future = clause[a:b]
        if attribution is not None and stance is Stance.REPORTED:
            stance = Stance.PLANNED
            stance_cue = speech_future
    report_verb = attribution.verb if attribution is not None else None
    if report_verb is None and verbs:
        report_verb = verbs[0][3]
    return Cues(
        polarity=Polarity.NEGATED if negation else Polarity.AFFIRMED,
        negation=negation,
        stance=stance,
        stance_cue=stance_cue,
        attribution=attribution,
        report_verb=report_verb,
        speech_future=speech_future,
    )


_STANCE_KINDS = frozenset({_CONSIDERED, _PLANNED, _DENIED, _MODAL_CONSIDERED, _MODAL_PLANNED, _DUE_TO})
_TITLE_BLIND = _STANCE_KINDS | {_NEG, _LITOTES}
_CLOSING_QUOTE = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»"}


def _titles(c: _Clause, lex: _Lexicon) -> list[_Span]:
    """Quotations that name something ("the slogan: 'It's not racist …'", "a report entitled
    'No way back'"): a title cue right before the opening quote, a colon or comma allowed."""
    words = c.words
    spans: list[_Span] = []
    i = c.base
    n = len(words)
    while i < n:
        close = _CLOSING_QUOTE.get(words[i])
        if close is None:
            i += 1
            continue
        j = i - 1
        if c.word(j) in {":", ","}:
            j -= 1
        end = i + 1
        while end < n and words[end] != close and not (close == "’" and words[end] == "'"):
            end += 1
        if j >= c.base and words[j] in lex.title_cues:
            spans.append((i, min(end + 1, n)))
        i = end + 1
    return spans
_CONDITIONS = frozenset({"if", "unless"})


# Set phrases that open with "if" and set no condition: "If anything, sales rose."
_NOT_CONDITIONS = [[w, ","] for w in ("anything", "so", "not", "any", "nothing", "ever", "only")]


def _leading_condition(c: _Clause) -> tuple[int, int] | None:
    """Tokens of a conditional clause opening the clause ("If prices do not rise further, the
    shock can be absorbed"): first token ("if") and the token after its comma."""
    words = c.words
    first = c.base
    while first < len(words) and not c.is_word(first):
        first += 1  # an opening quotation mark
    if first >= len(words) or words[first] not in _CONDITIONS or words[first + 1: first + 3] in _NOT_CONDITIONS:
        return None
    for i in range(first + 2, min(len(words) - 2, first + 30)):
        if words[i] == ",":
            return first, i + 1
        if words[i] in {";", ":"}:
            return None
    return None


# The main clause of a conditional sentence has a modal: "the council will scrap it if …".
_CONDITIONAL_MAIN = frozenset({"will", "would", "could", "can", "may", "might", "should", "shall", "'ll"})


def _hedging_condition(c: _Clause, at: int) -> bool:
    """Does the trailing "if …" at token ``at`` make the main clause hold only on it? Not a
    purpose ("taxes need to rise if finances are to be put in order") nor a time a plan is for
    ("a strategy for if Labour wins")."""
    if c.word(at - 1) == "for":
        return False
    main = c.words[c.base : at]
    if sum(1 for w in main if w[0].isalnum()) > 20:
        return False  # far down a long sentence, it governs the phrase just before it
    if not _CONDITIONAL_MAIN.intersection(main):
        return False  # "access to court if a defendant is avoiding it": a phrase's condition
    rest = c.words[at + 1 : at + 12]
    return not any(w in {"is", "are", "was", "were", "be"} and rest[i + 1 : i + 2] == ["to"]
                   for i, w in enumerate(rest))


def _condition_start(c: _Clause) -> int:
    """Token index of a conditional clause after the main predicate ("… need to rise if finances
    are to be put in order"), else the clause length. A clause opening with "if" is not cut."""
    words = c.words
    if "if" not in words and "unless" not in words:  # the common case, at C speed
        return len(words)
    for i in range(c.base + 3, len(words)):
        if words[i] in _CONDITIONS and c.is_word(i - 1):
            return i
    return len(words)


def _scan(c: _Clause, lex: _Lexicon) -> list[_Hit]:
    """Every table phrase that occurs in the clause, in order of position."""
    hits: list[_Hit] = []
    words = c.words
    table = lex.table
    for i in range(c.base, len(words)):
        entries = table.get(words[i])
        if entries is None:
            continue
        for phrase, kind, lemma in entries:
            k = len(phrase)
            if k == 1 or tuple(words[i : i + k]) == phrase:
                hits.append((kind, i, i + k, lemma))
    return hits


# ---------------------------------------------------------------- stance


_DENIAL_OBJECT_GAP = 3  # words between a denial verb and its object: "rejected the BNP's claims"


def _denial_object(c: _Clause, lex: _Lexicon, span: _Span, denied: Sequence[_Span]) -> bool:
    """Is the hedge at ``span`` a noun of hearsay that a denial verb just before takes as its
    object ("dismissed claims that X", "rejected newspaper speculation")? The denial then holds
    the clause; the noun names what is denied, not a possibility the source entertains."""
    first = span[0]
    if c.words[first] not in lex.denial_objects:
        return False
    for _, end in denied:
        if end <= first and first - end <= _DENIAL_OBJECT_GAP \
                and all(c.is_word(k) and c.words[k] not in lex.boundary for k in range(end, first)):
            return True
    return False


def _inside(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _noun_use(c: _Clause, lex: _Lexicon, first: int, end: int) -> bool:
    """True when an ambiguous cue word is a noun or adjective: "the eyes of", "reports of"."""
    if end - first != 1 or c.words[first] not in lex.ambiguous:
        return False
    if c.word(first + 1) == "of":
        return True
    return c.word(first - 1) in lex.determiners \
        and not _noun_subject(c, lex, first, not c.words[first].endswith("ed"))


_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "bn", "m"})


def _figure_participle(c: _Clause, lex: _Lexicon, first: int, end: int) -> bool:
    """A hedge that qualifies the figure just before it: "the £37.5bn predicted in March"."""
    if end - first != 1 or c.words[first] not in lex.figure_participles or first == 0:
        return False
    figure = c.words[first - 1]
    if figure == "%" or figure in _SCALE_WORDS:
        figure = c.word(first - 2)
    return any(ch.isdigit() for ch in figure) and c.word(end) != "to"


def _modal(c: _Clause, lex: _Lexicon, i: int) -> bool:
    """Whether "may", "could", "will" … at token ``i`` is an auxiliary before a verb."""
    # Capitalised inside a sentence, "May" and "Will" are names or the month.
    if not c.lower_mode and i > 0 and c.capitalised(i):
        return False
    if c.entities and c.in_entity(c.starts[i], c.ends[i]) is not None:
        return False
    if c.words[i] == "may" and c.word(i - 1) in lex.month_before:
        return False
    j = i + 1
    while j < i + 3 and (
        c.word(j) in lex.modal_skip or (len(c.word(j)) > 4 and c.word(j).endswith("ly"))
    ):
        j += 1
    return _verb_at(c, lex, j, due_to=False)


def _before_gerund(c: _Clause, lex: _Lexicon, condition: int) -> list[tuple[int, int]]:
    """ "risks breaking the rule": a verb that hedges the gerund after it."""
    if not lex.before_gerund.intersection(c.words):  # the common case, at C speed
        return []
    return [(i, i + 1) for i in range(c.base, min(condition, len(c.words) - 1))
            if c.words[i] in lex.before_gerund and c.word(i - 1) not in lex.determiners
            and len(c.words[i + 1]) > 4 and c.words[i + 1].endswith("ing") and c.is_word(i + 1)]


def _speech_future(c: _Clause, lex: _Lexicon, condition: int) -> int | None:
    """Token index of a reported speaker's "would" before a verb ("said it would cut 500 jobs")."""
    if not lex.speech_future.intersection(c.words):  # the common case, at C speed
        return None
    for i in range(c.base, condition):
        if c.words[i] in lex.speech_future and _modal(c, lex, i) \
                and c.word(i + 1) not in lex.speech_future_not_before:
            return i
    return None


def _verb_at(c: _Clause, lex: _Lexicon, j: int, *, due_to: bool) -> bool:
    """Whether token ``j`` can be the verb after a modal or "due to"."""
    w = c.word(j)
    if not w or not w.replace("-", "").isalpha():
        return False
    if w in lex.function_words or (w in lex.verb_forms and (due_to or w not in lex.report_lemmas)):
        return False
    if w.endswith("ed") and not w.endswith("eed"):
        return False
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return False
    if due_to:
        if w in lex.cause_words or w.endswith("ing"):
            return False
        if not c.lower_mode and c.capitalised(j):
            return False
    return True


def _headline_plan(c: _Clause, lex: _Lexicon) -> _Span | None:
    """The "to" of a headline's bare "NP to VERB" ("Firm to cut 500 jobs"), which states a plan.

    Only a clause without a closing full stop, whose "to" comes within its first six words, after a
    subject with no verb-like word, and before a bare verb. "Japan turns to beer", "Exports to
    China rose" and "Businesses fail to plan" are not plans.
    """
    words = c.words
    if c.base or not words or words[-1] in {".", "!", "?"} or (
            len(words) > 1 and words[-1] in _QUOTE_CHARS and words[-2] in {".", "!", "?"}):
        return None
    k = next((i for i in range(min(len(words), 7)) if words[i] == "to"), None)
    if k is None or k == 0 or words[k - 1] in lex.headline_not_before:
        return None
    if not _verb_at(c, lex, k + 1, due_to=True):
        return None
    for i in range(k):
        w = words[i]
        if not c.is_word(i):
            # Only the full stop of an initial ("S. Korea") may sit inside the subject.
            if w == "." and i > 0 and len(words[i - 1]) == 1:
                continue
            return None
        if w in lex.verb_forms or w in lex.function_words or w in lex.table or w in _BE \
                or w in lex.clause_markers or w in lex.skip_before_verb:
            return None
        if w.endswith(("ed", "ing")) and len(w) > 4:
            return None
        lower_plural = w.endswith("s") and not w.endswith(("ss", "us", "is", "'s"))
        if lower_plural and i > 0 and (c.lower_mode or not c.capitalised(i)):
            return None  # "Iraqi voters turn to …": a lower-case plural may be the verb's subject, or a verb
    return k, k + 1


# ---------------------------------------------------------------- negation


def _forecast_sees(c: _Clause, at: int) -> bool:
    """Is "sees" at token ``at`` a forecast ("sees growth recovering", "sees growth at 3%"), not
    what a firm went through ("sees profits jump", "sees off a rival")?"""
    following = c.words[at + 1 : at + 7]
    return any(w.endswith("ing") and len(w) > 4 for w in following) or "at" in following[1:]


def _judgement_word(word: str, lex: _Lexicon) -> bool:
    """May ``word`` follow "less than" or "far from" as the thing denied ("less than impressed")?"""
    if not word.isalpha() or word in lex.litotes_not_before:
        return False
    return word in lex.litotes_words or (word.endswith("ed") and len(word) > 4)


def _negation(
    c: _Clause, by_kind: dict[str, list[_Hit]], considered: Sequence[tuple[int, int]]
) -> str | None:
    exempt = [(h[1], h[2]) for h in by_kind.get(_NEG_EXEMPT, ())]
    hits = list(by_kind.get(_NEG, ()))
    if _LITOTES in by_kind:
        lex = _lexicon()
        hits += [h for h in by_kind[_LITOTES] if _judgement_word(c.word(h[2]), lex)]
        hits.sort(key=lambda h: h[1])
    for _, first, end, _ in hits:
        span = (first, end)
        # A negation inside a hedge ("not ruled out") is the hedge's; a hedge that is itself
        # negative ("unlikely") negates what it hedges.
        if _inside(span, exempt) or (_inside(span, considered) and span not in considered):
            continue
        if c.words[first] == "no":
            if first > c.base and c.capitalised(first) and not c.lower_mode \
                    and c.word(first - 1) not in {'"', "“", "'", "‘", ":", "-", "—"}:
                continue  # "rejecting overtures from No campaigners": a side's name, mid-sentence
            after = c.word(first + 1)
            # "No. 10", "No 10 Downing Street": the abbreviation of "number".
            if after[:1].isdigit() or (after == "." and c.word(first + 2)[:1].isdigit()):
                continue
        a, b = c.span(first, end)
        if c.words[first] == "n't":
            # Report the whole contracted word as written: "didn't".
            while a > 0 and c.text[a - 1].isalpha():
                a -= 1
        return c.text[a:b]
    return None


# ---------------------------------------------------------------- attribution


# Words after which a verb's base form ("confirm", "argue") is no report: modals, "to", do-support.
_NOT_REPORTING_BEFORE_BASE = frozenset({"will", "would", "could", "may", "might", "must", "should", "shall", "can",
                                        "to", "do", "does", "did", "not", "never", "'ll", "cannot", "won't"})


def _is_report_verb(c: _Clause, lex: _Lexicon, hit: _Hit) -> bool:
    """Whether a report verb form is used as a verb here ("the claims", "reports of": no)."""
    _, first, end, lemma = hit
    if _noun_use(c, lex, first, end):
        return False
    before, after = c.word(first - 1), c.word(end)
    word = c.words[first]
    if after == "of" or (before in lex.determiners and not _noun_subject(c, lex, first, word == lemma)):
        return False
    if word == lemma and before in _NOT_REPORTING_BEFORE_BASE:
        return False  # "will confirm", "to announce", "did not argue": a base form after these reports nothing
    if word == lemma and before is not None and not before.endswith("s") and c.word(first - 2) in lex.determiners:
        return False  # "its central claim that …": an adjective between, a noun; "the firms claim" reports
    if (word == lemma or word.endswith("s")) and before in lex.noun_after:
        return False  # "£6bn below estimates", "beat forecasts": a noun, never a finite verb
    if word in lex.ambiguous and word.endswith("s") and (before in _BE or after in _PREPOSITIONS) \
            and not _named_subject_before(c, first, after) and not _described_subject_before(c, lex, first, after):
        return False  # "there were reports", "reports from the retail trade"
    if lemma in lex.weak:
        # "added 5,000 jobs" is not a report; "added that …", "…, he added." are.
        return (
            not after
            or after == "that"
            or after in {",", ".", ":", ";", "!", "?"}
            or after[0] in _QUOTE_CHARS
            or before == ","
            or (before[:1] in _QUOTE_CHARS)
            or (lemma in lex.opinion and _clause_follows(c, lex, end))
            # "admitted he was …", "added it would …": a pronoun subject and its verb, a clause.
            or (after in _SUBJECT_PRONOUNS and c.word(end + 1) in lex.clause_markers)
        )
    return True


_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})


def _noun_subject(c: _Clause, lex: _Lexicon, first: int, base: bool) -> bool:
    """Is the noun before a report verb form its subject: "…, media said.", "the press reported
    that …", "…, S. Korean media say"? Not in "media reports", "a media report", "the media
    reported deal": an -s form, a phrase after an article, or a word other than "that" after it."""
    before, after = c.word(first - 1), c.word(first + 1)
    if before not in lex.noun_determiners or c.words[first].endswith("s") \
            or (base and c.word(first - 2) in lex.determiners):
        return False
    closes = not after or after in _CLOSING_PUNCT
    return closes or (after == "that" and not base)


def _named_subject_before(c: _Clause, first: int, after: str) -> bool:
    """"Labour claims that …", "The Institute (NIESR) reports that …": a name, not "amid claims that"."""
    if after != "that" or first == 0 or c.lower_mode:
        return False
    before = c.words[first - 1]
    if before == ")":
        return True
    if not (c.is_word(first - 1) and c.capitalised(first - 1)) or before.endswith(("'s", "'")):
        return False
    # A capital opening the sentence may be any word ("Amid claims that …"): then only a name counts.
    return first - 1 > c.base or c.in_entity(c.starts[first - 1], c.ends[first - 1]) is not None


def _described_subject_before(c: _Clause, lex: _Lexicon, first: int, after: str) -> bool:
    """"The bank estimates that …", "the minister claims that …": a body or office named by its
    noun after a determiner is a subject, not a modifier of the noun "claims"."""
    return after == "that" and c.word(first - 1) in lex.described_subjects \
        and c.word(first - 2) in lex.determiners


def _clause_follows(c: _Clause, lex: _Lexicon, j: int) -> bool:
    """Does a clause start at token ``j`` ("the Budget would do nothing"), not a noun phrase?"""
    for k in range(j + 1, min(len(c.words), j + 8)):
        w = c.words[k]
        if w in lex.clause_markers:
            return True
        if not c.is_word(k) or w in lex.boundary:
            return False
    return False


def _attribution(
    c: _Clause, lex: _Lexicon, verbs: list[_Hit], *, prefer_denier: bool
) -> Attribution | None:
    found: Attribution | None = None
    denier = False
    ordered = verbs
    if prefer_denier:
        ordered = [v for v in verbs if v[3] in lex.denying]
        ordered += [v for v in verbs if v[3] not in lex.denying]
    for hit in ordered:
        found = _speaker_of_verb(c, lex, hit)
        if found is None:
            continue
        if prefer_denier and hit[3] in lex.denying and found.who.split()[-1].lower() in _PRONOUNS:
            # "The ministry said it rejected …": the named speaker is more useful than "it" (read
            # leftwards from "rejected", the phrase may take in the speaker: "The ministry said it").
            for other in verbs:
                if other[3] not in lex.denying:
                    named = _speaker_of_verb(c, lex, other)
                    if named is not None:
                        found = named
                        break
        denier = prefer_denier and hit[3] in lex.denying and found.verb == hit[3]
        break
    # "According to the FT, Smith said …", "Smith said …, according to the FT": the FT is the
    # source and Smith the one it relies on, as with "the FT, citing Smith". A denial keeps its
    # denier as the speaker, as "media reported that Smith had denied …" does: the claim is
    # Smith's denial, and the FT never denied anything.
    frame = None if denier else _according_frame(c, lex)
    if frame is not None:
        if found is not None and found.who.lower() not in _PRONOUNS:
            frame.via = found.who
        found = frame
    if found is None:
        found = _according_to(c, lex)
    if found is None:
        found = _report_noun(c, lex)
    if found is None:
        found = _speech_noun(c, lex)
    via = _citing(c, lex)
    if found is None and via is not None:
        found = _make(c, via[0], via[1], "cite")
        via = None
    if found is None:
        found = _prefix(c, lex)
    if found is not None and via is not None:
        a, b = c.span(*via)
        found.via = c.text[a:b]
    return found


def _make(c: _Clause, first: int, end: int, verb: str, role: str | None = None) -> Attribution:
    """An attribution to the speaker in tokens ``first`` to ``end`` (exclusive)."""
    start, stop = c.span(first, end)
    ent = c.in_entity(start, stop)
    if ent is None:
        # An entity lying inside the speaker phrase: "South Korea's defence ministry".
        inside = [e for e in c.entities if start <= e.start and e.end <= stop and e.end > e.start]
        # The phrase's head is its last name that modifies nothing: "Lord Scarman's nephew George
        # Ritchie", "Orange's owner France Telecom", "BBC correspondent Sarah Mukherjee"; not a
        # possessor ("Orange's"), nor a name after "of" ("Mike Powell of Dresdner Kleinwort").
        ent = _head_name(c.text, inside, stop, _lexicon())
    if role is None and ent is not None and ent.role:
        role = ent.role
    who = c.text[start:stop]
    if who.endswith(("'s", "’s")) and len(who) > 2:
        who = who[:-2]  # "Xinhua's report" names Xinhua
    return Attribution(
        who=who,
        entity=ent.name if ent is not None else None,
        role=role,
        verb=verb,
    )


_PREPOSITION_AFTER = re.compile(r"\s+(?:of|from|at|for|with|in|by)\s", re.I)
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|on|from|at|for|with|in|by|and|or|&)\s+(?:the\s+)?\Z", re.I)
# A lower-case noun after a name makes the name its modifier ("BBC correspondent"); the small
# words inside names ("War on Want", "Ernst and Young") do not.
_WORD_AFTER = re.compile(r"\s+(?!(?:and|or|on|the|to|of|de|la|le|von|van|der|du|da|di|del|y|at|in|for|by|"
                         r"with|from)\b)[a-z]")


def _head_name(text: str, inside: list[Entity], stop: int, lex: _Lexicon) -> Entity | None:
    """The name a speaker phrase is about: its last name that modifies nothing ("Lord Scarman's
    nephew George Ritchie", "Orange's owner France Telecom", "BBC correspondent Sarah Mukherjee"),
    or a name followed by its employer ("Mike Powell of Dresdner Kleinwort"). Without one, the
    first name ("South Korea's defence ministry")."""
    head: Entity | None = None
    for k, e in enumerate(inside):
        if text[e.end:e.end + 2] in {"'s", "’s"} or text[e.end:e.end + 1] in {"'", "’"}:
            continue  # a possessor
        if _PREPOSITION_BEFORE.search(text, max(0, e.start - 12), e.start):
            continue  # a complement ("of the Bank of England") or a second of two ("X and Y")
        if k and not text[inside[k - 1].end:e.start].strip() and inside[k - 1].kind != EntityKind.PLACE \
                and e.kind != EntityKind.PERSON:
            continue  # two names side by side are most likely one name read in pieces
        if " " not in e.name and e.name.lower() in lex.described_subjects | lex.public_words:
            continue  # "Office" left over from "the Information Commissioner's Office"
        if _PREPOSITION_AFTER.match(text, e.end):
            return e  # what follows names where the person works
        m = _WORD_AFTER.match(text, e.end)
        if m is not None and m.end() <= stop:
            continue  # a modifier of the noun after it ("BBC correspondent", "Boston office")
        head = e
    return head if head is not None else (inside[0] if inside else None)


def _other_speaker(nested: Attribution | None, main: Attribution) -> bool:
    """Is a nested opinion verb's speaker someone other than the sentence's ("statistics
    suggested" within "Liberty said …"), not the speaker again ("Mr Blair said he believed")?"""
    if nested is None:
        return False
    words = nested.who.split()
    if nested.who.startswith(main.who):
        # The phrase read leftwards can run over the main speaker and verb: "Liberty said statistics".
        words = nested.who[len(main.who):].split()[1:]
    return bool(words) and words[-1].lower() not in _PRONOUNS and " ".join(words) != main.who


def _speaker_of_verb(c: _Clause, lex: _Lexicon, hit: _Hit) -> Attribution | None:
    _, first, end, lemma = hit
    if c.words[first].endswith("ing"):
        # A participle ("…, saying that …") belongs to a subject further back; guessing it
        # from the neighbouring words names the wrong speaker too often.
        return None
    if lemma == "tell" and c.word(end) == "to":
        return None  # "contestants told to come on down": the speaker is not named
    lem = lemma or "say"
    # Walk left over auxiliaries and adverbs: "has indicated", "later reported".
    j = first - 1
    passive = False
    while j >= c.base:
        w = c.words[j]
        if w in lex.skip_before_verb or (len(w) > 4 and w.endswith("ly") and w.isalpha()):
            passive = passive or w in _BE
            j -= 1
        elif w in lex.weekdays and c.word(j - 1) == "on":
            j -= 2
        else:
            break
    if c.word(j) == ")" and not passive:
        # A bracketed short name between the speaker and the verb: "The Institute (NIESR) claims".
        k = j - 1
        while k > max(c.base, j - 5) and c.is_word(k):
            k -= 1
        if k < j - 1 and c.word(k) == "(":
            j = k - 1
    if passive:
        # "It was reported that …" names nobody; "… was rejected by shareholders" does.
        if c.word(end) == "by":
            span = _np_right(c, lex, end + 1)
            if span is not None:
                return _make(c, *span, lem)
        return None

    left = c.word(j) if j >= c.base else ""
    if left in _DASHES and lem in lex.inverted:
        # "…," Jo Bloggs, director of the bank - one of its creditors - said.": an aside set off by
        # dashes closes the speaker's appositive as a comma would.
        k = j - 1
        while k > max(c.base, j - 14) and c.word(k) not in _DASHES:
            k -= 1
        appositive = _appositive(c, lex, k) if k > c.base and c.word(k) in _DASHES else None
        if appositive is not None and appositive[1] is not None:
            return _make(c, *appositive[0], lem, appositive[1])
    if left == "," and lem in lex.inverted:
        # "Jo Bloggs, the firm's chief executive, said profits rose": a name with its title set
        # off by commas speaks; what follows the verb is what was said.
        appositive = _appositive(c, lex, j)
        if appositive is not None and appositive[1] is not None \
                and any(w in lex.person_titles for w in appositive[1].lower().split()):
            return _make(c, *appositive[0], lem, appositive[1])
    if lem in lex.inverted and not c.lower_mode and left not in _PRONOUNS:
        # A headline without a comma, "No deal reached says Tokyo": a capitalised name ends it.
        span = _np_right(c, lex, end, to_end=True, max_words=4)
        if span is not None and all(c.capitalised(k) for k in range(*span)):
            return _make(c, *span, lem)
    if lem in lex.inverted and (not left or left == "," or left[0] in _QUOTE_CHARS):
        span = _np_right(c, lex, end, to_end=True)
        if span is not None and _inverted_speaker(c, span):
            if c.word(span[1]) == "," and not c.capitalised(span[0]):
                # "…," said its chairman, Sir Anthony Greener.: the name after the post speaks.
                name = _np_right(c, lex, span[1] + 1, to_end=True, max_words=4)
                if name is not None and all(c.capitalised(k) for k in range(*name)):
                    a, b = c.span(*span)
                    return _make(c, *name, lem, c.text[a:b])
            return _make(c, *span, lem)
    if left == ",":
        appositive = _appositive(c, lex, j)
        if appositive is not None:
            name, role = appositive
            return _make(c, *name, lem, role)
        return None
    if left:
        span = _np_left(c, lex, j)
        if span is not None and c.words[span[0]] in {"from", "of", "at"} and c.word(span[0] - 1) == ",":
            # '"…," Emmanuel Ferry, from Exane BNP Paribas told Reuters': the name before the comma
            # speaks; "from Exane BNP Paribas" says where from.
            speaker = _np_left(c, lex, span[0] - 2, max_words=4)
            if speaker is not None:
                a, b = c.span(span[0], span[1])
                return _make(c, *speaker, lem, c.text[a:b])
        if span is not None:
            return _make(c, *_author(c, lex, span), lem)
    return None


_POSSESSIVES = frozenset({"her", "his", "its", "their", "our", "my", "your"})


def _inverted_speaker(c: _Clause, span: _Span) -> bool:
    """Can the phrase after a verb be its speaker ("…, said the minister", "…, said analysts")
    rather than its object ("Smith, 34, announced her retirement", "…, claimed responsibility
    for the attack")? An object opens with a possessive, or runs on in lower case."""
    first, end = span
    if c.words[first] in _POSSESSIVES:
        # "…," said its chairman, Sir Anthony Greener: a person by their post is a speaker; "her
        # retirement" is an object.
        return _person_noun(c.words[end - 1])
    if c.lower_mode or c.capitalised(first) or c.words[first] in _ARTICLES:
        return True
    if end - first <= 2:
        return True
    # A title in lower case before a name: "…," said vice-chairman Vivek Paul.
    named = next((k for k in range(first, end) if c.capitalised(k)), end)
    return named - first <= 2 and named < end and all(c.capitalised(k) for k in range(named, end)) \
        and c.words[end - 1] not in _lexicon().weekdays


def _person_noun(word: str) -> bool:
    """Is the word a post or a kind of person ("chairman", "spokesman", "lawyer")?"""
    from factcheck.text.entities import person_nouns

    return word in person_nouns()


def _np_left(c: _Clause, lex: _Lexicon, j: int, max_words: int = 8) -> _Span | None:
    """The noun phrase ending at token ``j``, read leftwards to a boundary."""
    last = j
    words = 0
    # "&" inside a name is a word of it: "Ernst & Young said".
    while j >= c.base and (c.is_word(j) or c.continues_name(j)) and c.words[j] not in lex.boundary:
        if words >= max_words:
            return None
        words += not c.continues_name(j)
        j -= 1
    first = j + 1
    while first <= last and c.words[first] in lex.leading_discourse:
        first += 1
    if first > last or c.words[last] in lex.verb_forms:
        return None
    return first, last + 1


def _np_right(
    c: _Clause, lex: _Lexicon, j: int, *, to_end: bool = False, max_words: int = 8
) -> _Span | None:
    """The noun phrase starting at token ``j``, read rightwards to punctuation."""
    first = j
    n = len(c.words)
    words = 0
    while j < n and c.is_word(j) and c.words[j] not in lex.boundary:
        if words >= max_words:
            return None
        words += not c.continues_name(j)
        j += 1
    if j == first:
        return None
    if to_end:
        # Inverted speakers close the clause: "…, said the minister." / "… says Seoul".
        rest = c.words[j:]
        if rest and rest[0] != "," and not all(w in _CLOSING_PUNCT for w in rest):
            return None
        head = c.words[first]
        if head in _PRONOUNS or head in lex.weekdays or head in {"yes", "no", "so", "this"}:
            return None
        if any(w in _BE or w in lex.clause_markers or w in {"not", "never", "been"} for w in c.words[first:j]):
            return None  # "…, said smart acquisition had not been applied": a clause, not a speaker
    return first, j


def _author(c: _Clause, lex: _Lexicon, span: _Span) -> _Span:
    """Narrow "Xinhua's report" or "a Wall Street Journal report" to its author."""
    first, end = span
    last = end - 1
    if last == first or c.words[last] not in lex.report_nouns:
        return span
    narrowed = _author_before(c, lex, first, last)
    return narrowed if narrowed is not None else span


def _author_before(c: _Clause, lex: _Lexicon, first: int, noun: int) -> _Span | None:
    """The author named between ``first`` and the report noun at ``noun``, if any."""
    if c.words[noun - 1].endswith("'s"):
        if c.words[first] in _ARTICLES and first < noun - 1:
            first += 1
        return first, noun  # _make drops the "'s"
    if c.words[first] not in _ARTICLES or first >= noun - 1:
        return None
    for k in range(first + 1, noun):
        w = c.words[k]
        if w in lex.report_noun_modifiers or not c.is_word(k):
            return None
        if not c.lower_mode and not c.capitalised(k) and w not in lex.name_particles:
            return None
    return first + 1, noun


_DASHES = frozenset({"-", "–", "—"})


def _appositive(c: _Clause, lex: _Lexicon, comma: int) -> tuple[_Span, str | None] | None:
    """``NAME, ROLE,`` right before a verb: "Jane Smith, the spokesperson, said"."""
    k = comma - 1
    role_last = k
    while k >= c.base and c.words[k] != "," and comma - k <= 14:
        w = c.words[k]
        if w in lex.verb_forms or w in {";", ":", '"', "“", "”"}:
            return None
        k -= 1
    if k < c.base or c.words[k] != "," or role_last <= k:
        return None
    name = _np_left(c, lex, k - 1, max_words=6)
    if name is None:
        return None
    role_first = k + 1
    if c.words[role_first] in {"which", "who", "whose"}:
        return name, None  # "the firm, which is based in Leeds, said"
    if c.words[role_first] in _ARTICLES:
        role_first += 1
    if role_first > role_last:
        return None
    a, b = c.span(role_first, role_last + 1)
    if c.text[a:b].isdigit():
        return name, None  # an age: "Smith, 34, said"
    return name, c.text[a:b]


def _phrase_at(c: _Clause, phrase: tuple[str, ...]) -> list[int]:
    k = len(phrase)
    return [
        i
        for i in range(c.base, len(c.words) - k + 1)
        if c.words[i] == phrase[0] and tuple(c.words[i : i + k]) == phrase
    ]


def _according_to(c: _Clause, lex: _Lexicon) -> Attribution | None:
    for i in _phrase_at(c, ("according", "to")):
        span = _np_right(c, lex, i + 2, max_words=10)
        if span is not None:
            return _make(c, *span, "according to")
    return None


def _according_frame(c: _Clause, lex: _Lexicon) -> Attribution | None:
    """The source of a clause framed by "according to": a phrase opening the clause and closed by
    a comma, or one closing it. Inside the reported content ("X said that, according to Y, …") it
    frames nothing but that content, and the report verb's speaker stays the clause's."""
    for i in _phrase_at(c, ("according", "to")):
        first = c.base
        while first < i and (c.words[first] in lex.leading_discourse or c.words[first] == ","):
            first += 1
        if first == i:
            span = _np_right(c, lex, i + 2, max_words=10)
            if span is not None and c.word(span[1]) == "," and span[1] + 1 < len(c.words):
                return _make(c, *span, "according to")
        elif c.word(i - 1) == ",":
            span = _np_right(c, lex, i + 2, max_words=10)
            if span is not None and all(w in _CLOSING_PUNCT for w in c.words[span[1]:]):
                return _make(c, *span, "according to")
    return None


def _citing(c: _Clause, lex: _Lexicon) -> _Span | None:
    for i in _phrase_at(c, ("citing",)):
        span = _np_right(c, lex, i + 1, max_words=10)
        if span is not None:
            return span
    return None


def _report_noun(c: _Clause, lex: _Lexicon) -> Attribution | None:
    """ "a Wall Street Journal report", "Xinhua's report" → the author, verb "report"."""
    for i in range(c.base + 1, len(c.words)):
        if c.words[i] not in lex.report_nouns:
            continue
        if c.words[i - 1].endswith("'s"):
            first = _possessor_start(c, lex, i)
            if first is None:
                continue
            return _make(c, first, i, "report")
        k = i - 1
        while k > c.base and i - k < 5 and c.is_word(k) and c.words[k] not in _ARTICLES:
            k -= 1
        if c.words[k] in _ARTICLES:
            author = _author_before(c, lex, k, i)
            if author is not None:
                return _make(c, *author, "report")
    return None


def _speech_noun(c: _Clause, lex: _Lexicon) -> Attribution | None:
    """ "Mr Brown's insistence (that) he was not gloating" → Mr Brown, verb "insist": a noun of
    speech after a possessor, followed by the clause it holds (not "Mr Brown's claim for expenses")."""
    for i in range(c.base + 1, len(c.words) - 1):
        verb = lex.speech_nouns.get(c.words[i])
        if verb is None or not c.words[i - 1].endswith(("'s", "’s")):
            continue
        after = c.words[i + 1]
        if not (after == "that" or (after in _SUBJECT_PRONOUNS and c.word(i + 2) in lex.clause_markers)
                or (c.is_word(i + 1) and after not in _PREPOSITIONS and _clause_follows(c, lex, i))):
            continue
        first = _possessor_start(c, lex, i)
        if first is None:
            continue
        return _make(c, first, i, verb)
    return None


def _possessor_start(c: _Clause, lex: _Lexicon, noun: int) -> int | None:
    """Where the possessor before the noun at ``noun`` starts ("the BBC's report" → "BBC's")."""
    span = _np_left(c, lex, noun - 1, max_words=5)
    if span is None:
        return None
    first = span[0]
    if c.words[first] in _ARTICLES and span[1] - first > 1:
        first += 1
    return first


_VOWELS = frozenset("AEIOUY")


def reads_as_acronym(word: str) -> bool:
    """Is an all-capitals word spelt out rather than read ("NIESR", "NSPCC", "RSPCA", not "SEOUL",
    "LONDON")? A word with no vowel, or one opening or ending with two consonants no English word
    opens or ends with, is a string of initials. Word-like acronyms ("UNICEF") read as words."""
    letters = word.upper()
    if not letters.isalpha():
        return False
    if not any(ch in _VOWELS for ch in letters):
        return True
    clusters = _lexicon().clusters
    head, tail = letters[:2], letters[-2:]
    if head[0] not in _VOWELS and head[1] not in _VOWELS and head not in clusters[0]:
        return True
    return tail[0] not in _VOWELS and tail[1] not in _VOWELS and tail not in clusters[1]


def _prefix(c: _Clause, lex: _Lexicon) -> Attribution | None:
    """ "WSJ: US weighs …" attributes to WSJ; datelines and labels do not count."""
    colon = next((k for k in range(min(len(c.words), 6)) if c.words[k] == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(c.words):
        return None
    if colon > 4 or any(not c.is_word(k) for k in range(colon)):
        return None
    start, end = c.span(0, colon)
    label = c.text[start:end]
    if label.lower() in lex.prefix_labels or any(ch.isdigit() for ch in label):
        return None
    ent = c.in_entity(start, end)
    if ent is not None and ent.kind is EntityKind.PLACE:
        return None
    # An all-capitals word opening a wire story is a dateline ("SEOUL:", "LONDON:"), unless it
    # is an organisation or cannot be read as a word ("NIESR:", "NSPCC:"): a place is a word.
    if colon == 1 and label.isupper() and len(label) >= 5 and not reads_as_acronym(label) and not (
            ent is not None and ent.kind in {EntityKind.ORGANIZATION, EntityKind.OUTLET}):
        return None
    return _make(c, 0, colon, "say")
