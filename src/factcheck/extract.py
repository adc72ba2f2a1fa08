"""Article text → structured claims. Pure: the caller reads files, this module only parses text.

One claim per checkable clause: the sentence is kept verbatim as evidence, the
details (entities, quantities, dates, polarity, stance, attribution) come from
the clause. The same :func:`analyze` turns an assertion into comparable details,
so sources and assertions are parsed by one set of rules.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from factcheck.models import (
    Alias,
    Attribution,
    Claim,
    DateRef,
    Entity,
    EntityKind,
    Polarity,
    Quantity,
    Source,
    Stance,
)
from factcheck.text.cues import Cues, detect_cues, reads_as_acronym
from factcheck.text.dates import extract_dates
from factcheck.text.entities import AliasTable, extract_entities, learn_aliases
from factcheck.text.numbers import extract_quantities

if TYPE_CHECKING:
    from factcheck.text.segment import Segment

# A paragraph-initial place name in capitals followed by a colon or dash: "SEOUL:", "LONDON (Reuters) -".
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{1,40}(?:\([^)]{1,40}\))?\s*(?::|—|–|-{1,2})\s+"
                       # A wire credit glued to the first word, with an optional place before it:
                       # "(CNN)Five people …", "Kabul, Afghanistan (CNN)Three …".
                       r"|^(?:[A-Z][\w.,'’ -]{0,40}?\s)?\([A-Z][\w .&’'-]{0,24}\)(?=[A-Z\"“‘])")
_PERSON_KIND = frozenset({EntityKind.PERSON.value})
# How many sentences back "they said" looks for the many who spoke ("analysts said").
_PLURAL_REACH = 2
_BOILERPLATE = {"sponsor", "sponsored", "advertisement", "advert", "share", "share this", "read more",
                "related", "related stories", "subscribe", "sign up", "comments", "more on this story"}
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
_MIN_WORDS = 3
# A clause that depends on the one before it (see split_clauses): "with X doing Y".
_DEPENDENT = re.compile(r"with\s", re.I)
# A clause split off only to scope a stance: an absolute phrase, or a predicate without a subject
# of its own ("and is expected to …", "and could …").
_SCOPE_ONLY = re.compile(r"(?:with|is|are|was|were|has|have|had|will|could|might|may|would|should)\s", re.I)
_CERTAINTY_RANK = {Stance.CONSIDERED: 0, Stance.DENIED: 0, Stance.PLANNED: 1, Stance.REPORTED: 2,
                   Stance.ASSERTED: 2}


def _rank(stance: Stance) -> int:
    """Lower is less committed; a dependent clause is never more committed than its main clause."""
    return _CERTAINTY_RANK[stance]


def _scope_clauses(text: str, clauses: list[Segment], table: AliasTable) -> list[Segment]:
    """Undo the splits made only to scope a stance when both sides are held alike.

    A claim that covers the whole sentence matches an assertion that restates all of it; the
    split is worth its cost only where a hedge would otherwise spread to a fact stated outright.
    """
    if len(clauses) < 2 or not any(_SCOPE_ONLY.match(c.text) for c in clauses[1:]):
        return clauses
    from factcheck.text.segment import Segment

    merged: list[Segment] = [clauses[0]]
    previous = detect_cues(clauses[0].text, extract_entities(clauses[0].text, table))
    for clause in clauses[1:]:
        cues = detect_cues(clause.text, extract_entities(clause.text, table))
        # A predicate without a subject ("… but were forced to flee") held with the same stance
        # and polarity as the clause before: the split scopes nothing. A negation on one side only
        # keeps it ("were not involved, but were arrested").
        if _SCOPE_ONLY.match(clause.text) and _rank(cues.stance) >= _rank(previous.stance) \
                and cues.polarity == previous.polarity:
            last = merged[-1]
            merged[-1] = Segment(text[last.start:clause.end], last.start, clause.end)
            continue
        merged.append(clause)
        previous = cues
    return merged


_CUT_LEFT = " \t,(—–-"
_CUT_RIGHT = " \t,)—–-"


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the subordinate ``spans`` and their commas, dashes or brackets cut out."""
    pieces: list[str] = []
    pos = 0
    for a, b in spans:
        while a > pos and text[a - 1] in _CUT_LEFT:
            a -= 1
        while b < len(text) and text[b] in _CUT_RIGHT:
            b += 1
        pieces.append(text[pos:a])
        pos = b
    pieces.append(text[pos:])
    joined = " ".join(p.strip() for p in pieces if p.strip())
    return re.sub(r"\s+([,.;:!?])(?=\s|$)", r"\1", joined)


def _qualifies(cues: Cues) -> bool:
    return cues.polarity == Polarity.NEGATED or cues.stance not in {Stance.ASSERTED, Stance.REPORTED}


@cache
def _past_forms() -> frozenset[str]:
    from factcheck.tables import load_table

    return frozenset(form.lower() for forms in load_table("lexicon")["irregular"].values() for form in forms)


def _scope_coordinated(clause: Segment, table: AliasTable) -> list[tuple[Segment, bool]]:
    """Split "A, and the drugs weren't working" when one coordinated clause alone is negated or
    hedged: each clause holds its own negation and hedge.

    Returns (segment, whole) pairs: the two clauses, and the whole clause (held as negated or
    hedged as its parts make it) for an assertion that restates all of it. Nothing is split when
    both clauses are held alike.
    """
    from factcheck.text.segment import Segment, coordinated_clause

    cut = coordinated_clause(clause.text, _past_forms())
    if cut is None:
        return [(clause, False)]
    first_text = clause.text[:cut[0]].rstrip(" ,")
    second_text = clause.text[cut[1]:]
    first = detect_cues(first_text)
    second = detect_cues(second_text)
    if (first.polarity, _rank(first.stance)) == (second.polarity, _rank(second.stance)):
        return [(clause, False)]
    return [
        (clause, True),
        (Segment(first_text, clause.start, clause.start + len(first_text)), False),
        (Segment(second_text, clause.start + cut[1], clause.end), False),
    ]


def _scope_embedded(clause: Segment, table: AliasTable) -> list[tuple[Segment, bool]]:
    """Split off relative clauses, parentheticals and trailing asides whose hedge or negation
    would otherwise spread to the main clause ("X is accused of Y, which police allegedly found").

    Returns (segment, embedded) pairs. The main clause keeps its own words only, so a fact stated
    in the aside is matched against the aside, with its own hedge. Nothing is split when the aside
    changes neither the stance nor the polarity of the clause.
    """
    from factcheck.text.segment import Segment, embedded_spans, fronted_clause

    spans = embedded_spans(clause.text)
    if not spans:
        return [(clause, False)]
    # Most asides hedge and negate nothing: a look at their own words, without entities, settles it.
    hedged = [_qualifies(detect_cues(clause.text[a:b])) for a, b in spans]
    # A fronted "When …," clause is background fact even when the main clause is hedged.
    background = spans[0][0] == 0 and fronted_clause(clause.text) > 0 and not hedged[0]
    if not any(hedged) and not background:
        return [(clause, False)]
    whole = detect_cues(clause.text, extract_entities(clause.text, table))
    if not _qualifies(whole):
        return [(clause, False)]
    outer_text = _without(clause.text, spans)
    if len(outer_text.split()) < _MIN_WORDS:
        return [(clause, False)]
    outer = detect_cues(outer_text, extract_entities(outer_text, table))
    hedge_inside = _rank(whole.stance) < _rank(outer.stance)
    negation_inside = whole.polarity == Polarity.NEGATED and outer.polarity == Polarity.AFFIRMED
    if not (hedge_inside or negation_inside or background):
        return [(clause, False)]
    # The whole clause stays as well, held as hedged as its most hedged part: an assertion that
    # restates all of it (aside included) is matched against all of it.
    out = [(clause, True), (Segment(outer_text, clause.start, clause.end), False)]
    out.extend((Segment(clause.text[a:b], clause.start + a, clause.start + b), True) for a, b in spans)
    return out


@dataclass(slots=True)
class ArticleMeta:
    """What the caller knows about an article; front matter and the first line fill the gaps."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(slots=True)
class Details:
    """The comparable details of one clause (a source clause or an assertion)."""

    text: str
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    polarity: Polarity = Polarity.AFFIRMED
    negation: str | None = None
    stance: Stance = Stance.ASSERTED
    stance_cue: str | None = None
    attribution: Attribution | None = None
    report_verb: str | None = None
    speech_future: str | None = None


def analyze(text: str, aliases: AliasTable, published: date | None) -> Details:
    """Extract every checkable detail of one clause or assertion."""
    entities = extract_entities(text, aliases)
    cues = detect_cues(text, entities)
    return Details(
        text=text,
        entities=entities,
        quantities=extract_quantities(text),
        dates=extract_dates(text, published),
        polarity=cues.polarity,
        negation=cues.negation,
        stance=cues.stance,
        stance_cue=cues.stance_cue,
        attribution=cues.attribution,
        report_verb=cues.report_verb,
        speech_future=cues.speech_future,
    )


def parse_front_matter(text: str) -> tuple[dict[str, str | None], int]:
    """A flat ``key: value`` front matter block and the offset where the body starts."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    meta: dict[str, str | None] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or key.startswith((" ", "#")):
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        meta[key.strip().lower()] = None if value in {"", "null", "~"} else value
    return meta, m.end()


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "source"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


_LABEL = re.compile(r"([A-Z]{2,})\s*:\s+")


def opens_with_dateline(sentence: str) -> bool:
    """Does the sentence open with a wire dateline ("SEOUL:", "LONDON (Reuters) -"), as a story's
    first body sentence does?"""
    found = _DATELINE.match(sentence)
    return found is not None and len(sentence) > found.end() and not _speaker_label(found.group())


def _speaker_label(dateline: str) -> bool:
    """Is "NIESR: …" or "WSJ: …" a speaker's label rather than a dateline? A place is a word;
    initials that cannot be read as one name an organisation (the cues attribute the clause)."""
    m = _LABEL.fullmatch(dateline)
    return m is not None and reads_as_acronym(m.group(1))


def _is_boilerplate(sentence: str) -> bool:
    plain = sentence.strip().strip(".:!").lower()
    return plain in _BOILERPLATE


@dataclass(frozen=True, slots=True)
class _Anaphora:
    description: re.Pattern[str]  # "the airline", "the firm's": a trade noun after "the"
    public_words: frozenset[str]  # words of public bodies' names
    person_titles: frozenset[str]
    organisation_nouns: frozenset[str]
    title_mention: re.Pattern[str]  # any person title word: most clauses have none
    report_nouns: frozenset[str]  # "report", "article": a report's speaker is not what "it" stands for
    subject_followers: frozenset[str]  # stop words and irregular past forms
    speakers: dict[str, frozenset[str]]  # "the paper": the kinds of earlier speaker it may continue
    outlet_words: frozenset[str]  # "times", "newspaper": a speaker ending in one is an outlet
    plural_heads: frozenset[str]  # "people", "police": plurals without a final "s"


@cache
def _anaphora() -> _Anaphora:
    from factcheck.tables import load_table

    table = load_table("cues")["anaphora"]
    lexicon = load_table("lexicon")
    nouns = "|".join(sorted((re.escape(n) for n in table["organisation_nouns"]), key=len, reverse=True))
    followers = {w.lower() for w in lexicon["stopwords"]} | {w.lower() for w in lexicon["report_words"]}
    followers |= {form.lower() for forms in lexicon["irregular"].values() for form in forms}
    return _Anaphora(
        # The noun in lower case only: "the Bank" is a name, which the tagger reads itself.
        description=re.compile(rf"\b[Tt]he\s+({nouns})(?:['’]s)?\b(?!-)"),
        public_words=frozenset(w.lower() for w in table["public_body_words"]),
        person_titles=frozenset(w.lower() for w in table["person_titles"]),
        organisation_nouns=frozenset(w.lower() for w in table["organisation_nouns"]),
        title_mention=re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, table["person_titles"]))) + r")\b",
                                 re.I),
        report_nouns=frozenset(w.lower() for w in load_table("cues")["attribution"]["report_nouns"]),
        subject_followers=frozenset(followers),
        speakers={who: frozenset(kinds) for who, kinds in table["speakers"].items()},
        plural_heads=frozenset(w.lower() for w in table["plural_heads"]),
        outlet_words=frozenset(w.lower() for w in load_table("aliases")["names"]["outlet_words"])
        | frozenset(c.split()[-1].lower() for c in load_table("aliases")["names"]["outlet_cues"]),
    )


_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def _is_subject_use(text: str, end: int, ana: _Anaphora) -> bool:
    """Is the description ending at ``end`` a noun phrase of its own, not a modifier of the next
    word ("the airline said", "the airline's profit", not "the airline industry")?"""
    if text[end - 2:end] in {"'s", "’s"}:
        return True
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return True  # punctuation or the end of the clause follows
    word = m.group(1)
    low = word.lower()
    if low in ana.subject_followers:
        return True
    if word[0].isupper():
        return False  # an appositive name ("the bank Barclays"): the tagger reads it
    # A verb in the past or third person: "reported", "expects".
    return low.endswith("ed") or (low.endswith("s") and not low.endswith(("ss", "us", "is")))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in {"of", "the", "and"}).lower()


def _same_organisation(a: Entity, b: Entity, table: AliasTable) -> bool:
    if a.name.lower() == b.name.lower() or table.same(a.name, b.name):
        return True
    short, long_ = sorted((a.name, b.name), key=len)
    return short.isupper() and len(long_.split()) >= 2 and short.lower() == _initials(long_)


def _antecedent(noun: str, history: list[Entity], ana: _Anaphora, table: AliasTable,
                main: Entity | None = None) -> Entity | None:
    """The organisation a description refers back to, when the article has named only one.

    Recency alone is a poor guide in news copy ("the company" after a passing mention of a
    rival, a landmark or a regulator), and a wrong antecedent would lend a claim a name the source
    never gave it. So every business-like name so far must be the same organisation; the
    description's noun in a name ("the bank" → "Bank of England") settles it among several.
    One more case is safe: the article's subject (``main``, the one organisation its headline and
    opening name) named last of all, with a subsidiary or partner named further back.
    """
    with_noun = [e for e in history if noun in e.name.lower().split()]
    if with_noun and all(_same_organisation(with_noun[-1], e, table) for e in with_noun):
        return with_noun[-1]
    candidates = [e for e in history if not _public_body(e, ana)]
    if not candidates:
        return None
    # Prefer the full name ("British Airways") to an acronym ("BA") as the claim's entity.
    best = max(candidates, key=lambda e: (e.kind == EntityKind.ORGANIZATION, len(e.name)))
    if best.kind == EntityKind.ORGANIZATION and all(_same_organisation(best, e, table) for e in candidates):
        return best
    if main is not None and not with_noun and not _public_body(main, ana) \
            and _same_organisation(history[-1], main, table):
        return main
    return None


def _public_body(entity: Entity, ana: _Anaphora) -> bool:
    """A ministry, a union, a court …: never what "the firm" or "the airline" refers to."""
    return any(w in ana.public_words for w in re.findall(r"[a-z]+", entity.name.lower()))


def main_organisation(opening: Sequence[Entity], table: AliasTable) -> Entity | None:
    """The one organisation an article's headline and opening sentence name, if just one.

    Two organisations there (a regulator and a company, a buyer and a target) leave the article's
    subject open. Extraction resolves "the firm" with it; the checker lets a claim that names no
    organisation borrow it.
    """
    orgs = [e for e in opening if e.kind == EntityKind.ORGANIZATION]
    if not orgs:
        return None
    best = max(orgs, key=lambda e: len(e.name))
    return best if all(_same_organisation(best, e, table) for e in orgs) else None


def _resolve_descriptions(text: str, entities: list[Entity], history: list[Entity],
                          table: AliasTable, main: Entity | None = None) -> list[Entity]:
    """Add the organisation that "the airline", "the firm" … stands for to a clause's entities.

    A clause that names an organisation itself keeps its own reading: the description may well
    be a second company ("X bought the firm"). ``main`` is the article's subject, if it has one.
    """
    if not history or any(e.kind in {EntityKind.ORGANIZATION, EntityKind.OTHER} for e in entities):
        return entities
    ana = _anaphora()
    for m in ana.description.finditer(text):
        if any(e.start < m.end() and m.start() < e.end for e in entities):
            continue
        if not _is_subject_use(text, m.end(), ana):
            continue
        antecedent = _antecedent(m.group(1).lower(), history, ana, table, main)
        if antecedent is None:
            continue
        found = Entity(name=antecedent.name, kind=EntityKind.ORGANIZATION, text=text[m.start():m.end()],
                       start=m.start(), end=m.end())
        return sorted([*entities, found], key=lambda e: e.start)
    return entities


def _is_title_speaker(attribution: Attribution) -> bool:
    """A speaker named by a title alone: "the chancellor", "the prime minister" (the person it stands
    for may have been found: see _resolve_titles)."""
    words = attribution.who.strip().split()
    return len(words) >= 2 and words[0].lower() == "the" and all(w.islower() for w in words[1:]) \
        and words[-1] in _anaphora().person_titles


def _speaker_kind(raw: Attribution | None, speaker: Attribution, entities: list[Entity],
                  table: AliasTable) -> str:
    """What kind of speaker spoke: "person", "outlet", "organization", "place", "other", or
    "unknown" — what a later "the paper said" or "the firm said" may continue (see
    _resolve_speaker). The speaker's last word tells first ("a Treasury spokesman", "the Sunday
    Telegraph", "the airline"), then the kind of the name it was resolved to."""
    if raw is not None and raw.who.strip().lower() in {"he", "she"} and speaker.entity is not None:
        return EntityKind.PERSON.value
    ana = _anaphora()
    words = re.findall(r"[a-z]+", speaker.who.lower())
    last = words[-1] if words else ""
    if last in ana.person_titles:
        return EntityKind.PERSON.value
    if last in ana.outlet_words:
        return EntityKind.OUTLET.value
    if last in ana.organisation_nouns or last in ana.public_words or last in _org_words():
        return EntityKind.ORGANIZATION.value
    if speaker.entity is None:
        # A name the tagger left alone ("GlaxoSmithKline believes …") is of no known kind, but no
        # person unless it opens with a given name.
        names = speaker.who.split()
        if names and all(w[:1].isupper() for w in names) and names[0].lower() not in _names_table()[0] \
                and speaker.who.lower() not in {"he", "she", "they", "it"}:
            return EntityKind.OTHER.value
        return "unknown"
    kind = next((e.kind for e in entities if e.name == speaker.entity), None)
    if kind is None:
        kind = table.kind(speaker.entity)
    if kind == EntityKind.OTHER:
        # "Jane Hill", or a name with a person's title ("X, the chairman"), is a person.
        names = speaker.entity.split()
        role = re.findall(r"[a-z]+", (speaker.role or "").lower())
        if (2 <= len(names) <= 3 and names[0].lower() in _names_table()[0]) \
                or (role and role[-1] in ana.person_titles):
            return EntityKind.PERSON.value
    return kind.value


_PLURAL_CUT = re.compile(r"\s+(?:at|of|from|for|with|in)\s", re.I)
_SINGULAR_ENDINGS = ("ss", "us", "is", "'s", "’s")


def _plural_speaker(speaker: Attribution, entities: list[Entity], table: AliasTable) -> bool:
    """Is the speaker many people ("analysts", "economists at Barclays", "Ministry of Defence
    lawyers", "the Tories", "MPs"), whom a later "they said" continues? Not a name that ends in
    "s" ("Reuters", "Goldman Sachs", "the Times")."""
    ana = _anaphora()
    who = speaker.who.strip()
    # The head is the noun before a complement ("economists at Barclays"), else the last word.
    before = _PLURAL_CUT.split(who, maxsplit=1)[0].split()
    if before and len(before) < len(who.split()) and _plural_word(before[-1], ana):
        return True  # "Economists at Barclays", "analysts at the bank"
    words = who.split()
    if not words or not _plural_word(words[-1], ana):
        return False
    head = words[-1]
    if not head[0].isupper() or (len(head) >= 3 and head[:-1].isupper()):
        return True  # "analysts", "union officials", "MPs"
    kind = None
    if speaker.entity is not None:
        kind = next((e.kind for e in entities if e.name == speaker.entity), None) or table.kind(speaker.entity)
    if kind in {EntityKind.OUTLET, EntityKind.PERSON, EntityKind.PLACE}:
        return False  # "the Times", "Mr Jones"
    if len(words) > 1 and words[-2].lower() == "the":
        return True  # "the Tories", "the Conservatives"
    if len(words) == 1:
        return speaker.entity is None  # "Analysts said" opening a sentence; not "Reuters", "Barclays"
    return kind != EntityKind.ORGANIZATION  # "Senior Tories"; not "Goldman Sachs"


def _plural_word(word: str, ana: _Anaphora) -> bool:
    low = word.lower()
    return low in ana.plural_heads or (len(low) > 3 and low.endswith("s") and not low.endswith(_SINGULAR_ENDINGS)) \
        or (len(word) >= 3 and word[:-1].isupper() and word.endswith("s"))


# Descriptions of a body of the state: they continue only a speaker that is one.
_STATE_NOUNS = frozenset({"ministry", "department", "government"})


def _resolve_speaker(attribution: Attribution | None, previous: Attribution | None,
                     last_person: Entity | None, adjacent: Attribution | None = None,
                     adjacent_org: bool = False, it: Attribution | None = None,
                     recent: dict[str, Entity] | None = None,
                     genders: dict[str, str] | None = None,
                     previous_kind: str = "unknown", plural: Attribution | None = None) -> Attribution | None:
    """The speaker of a clause, with "he", "she", "it", "the ministry" … resolved.

    ``adjacent`` is the speaker of the immediately preceding sentence: when it was a title with no
    name ("the chancellor said"), a following "he added" continues it rather than going back to
    the last person named, who may be someone else. "It said" continues ``it`` (the speaker just
    before, ``adjacent`` unless given) only when that was one organisation (``adjacent_org``);
    otherwise "it" is left unresolved, since reaching further back may land on another
    organisation than the one meant.
    """
    if attribution is None:
        return None
    who = attribution.who.strip().lower()
    if who == "it":
        before = it if it is not None else adjacent
        if before is None or not adjacent_org:
            return attribution
        return Attribution(who=before.who, entity=before.entity, role=before.role, verb=attribution.verb,
                           via=attribution.via or before.via)
    if who in {"he", "she"} and adjacent is not None and _is_title_speaker(adjacent):
        return Attribution(who=adjacent.who, entity=adjacent.entity, role=adjacent.role, verb=attribution.verb,
                           via=attribution.via or adjacent.via)
    if who in {"he", "she"} and last_person is not None:
        person = _pronoun_person(who, recent, genders or {}) if recent else last_person
        if person is None:
            return attribution
        return Attribution(who=person.name, entity=person.name, role=person.role,
                           verb=attribution.verb, via=attribution.via)
    if who == "they":
        # "Analysts expect … They have predicted …": the many who spoke just before, if any;
        # a person or one organisation before it is someone else.
        if plural is None:
            return attribution
        return Attribution(who=plural.who, entity=plural.entity, role=plural.role, verb=attribution.verb,
                           via=attribution.via or plural.via)
    if previous is None:
        return attribution
    # "The newspaper said" after a minister spoke is a paper the article has not named: a
    # description continues only a speaker of a kind it fits.
    fits = _PERSON_KIND if who in {"he", "she"} else _anaphora().speakers.get(who)
    noun = who.split()[-1]
    if noun in _STATE_NOUNS and previous_kind != "place" and not (
            {noun} | _anaphora().public_words) & set(re.findall(r"[a-z]+", previous.who.lower())):
        # "the ministry has announced" after campaign groups spoke is a ministry the article has
        # not named, not the groups.
        return attribution
    if fits is not None and previous_kind in fits:
        return Attribution(who=previous.who, entity=previous.entity, role=previous.role,
                           verb=attribution.verb, via=attribution.via or previous.via)
    return attribution


def extract_article(text: str, *, source_id: str, path: str, meta: ArticleMeta | None = None,
                    aliases: AliasTable | None = None) -> tuple[Source, list[Claim], list[Alias]]:
    """Parse one article into its source record, its claims and the aliases learned from it.

    The article may start with front matter (title/outlet/published/url); otherwise its first
    non-empty line is the title. ``meta`` (from the command line) wins over front matter.
    """
    meta = meta or ArticleMeta()
    table = aliases or AliasTable.default()
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    front, body_start = parse_front_matter(text)
    title = meta.title or front.get("title")
    if title is None:
        first = re.search(r"\S[^\n]*", text[body_start:])
        title = first.group(0).strip() if first else source_id
    published = meta.published or _parse_date(front.get("published") or front.get("date"))
    source = Source(
        id=source_id,
        title=title,
        outlet=meta.outlet or front.get("outlet"),
        published=published,
        path=path,
        sha256=_digest(text),
        url=meta.url or front.get("url"),
    )
    # Imported here: checking an assertion never segments an article, so one-shot calls skip it.
    from factcheck.text.segment import LineIndex, split_clauses, split_sentences

    lines = LineIndex(text)
    claims: list[Claim] = []
    learned: list[Alias] = []
    seen: set[str] = set()
    previous_speaker: Attribution | None = None
    previous_kind = "unknown"  # … and its kind (see _speaker_kind)
    plural_speaker: Attribution | None = None  # the last speaker who is many ("analysts") …
    plural_at = 0  # … and the sentence it spoke in
    sentence_index = 0
    last_person: Entity | None = None
    # Organisations named so far by name, most recent last (one entry per name: an article
    # that names its subject fifty times keeps the look-back short).
    organisations: dict[str, Entity] = {}
    adjacent_speaker: Attribution | None = None  # the speaker of the previous sentence
    adjacent_is_org = False  # … and whether it is one organisation (what "it said" may continue)
    previous_people: dict[str, Entity] = {}  # the people the previous sentence names
    titled: dict[str, set[str]] = {}  # the people named so far with a title, and their titles
    recent_people: dict[str, Entity] = {}  # the people named so far, most recent last
    genders: dict[str, str] = {}  # a person's gender, where a courtesy title ("Mr", "Ms") told it
    # The headline (when it opens the text) and the first sentence after it: their one
    # organisation, if just one, is the article's subject.
    opening: list[Entity] | None = []
    opening_left = 1
    main_org: Entity | None = None
    quote_speaker: Attribution | None = None  # who speaks a quotation still open at the sentence's end
    quote_carried = 0  # sentences with no quotation mark that it has run on through
    quote_open = False  # whether a quotation is open at the end of the sentence before
    quoter: Attribution | None = None  # who spoke a quotation in the sentence before
    # The name a sentence opens with, as its subject: a sentence-opening "He" after it is that person
    # (a PERSON entity), or left alone (a name of no known kind: "Vincent Cable, for the Lib Dems, …").
    lead: Entity | None = None
    lead_kept = 0  # sentences naming nobody that it has been kept through
    lead_owns = False  # … and whether it only owns the subject ("Mr Brown's insistence …")
    for segment in split_sentences(text[body_start:]):
        start = body_start + segment.start
        sentence = segment.text
        analysed = sentence
        offset = 0
        dm = _DATELINE.match(sentence)
        if dm and len(sentence) > dm.end() and not _speaker_label(dm.group()):
            analysed = sentence[dm.end():]
            offset = dm.end()
        key = re.sub(r"\s+", " ", sentence).strip().lower()
        if key in seen or _is_boilerplate(sentence) or len(analysed.split()) < _MIN_WORDS:
            continue
        seen.add(key)
        sentence_index += 1
        if opening is not None and not opening and sentence.strip() == title:
            opening_left = 2
        line, column = lines.line_col(start)
        clauses: list[Segment] = []
        embedded: set[int] = set()  # indexes of asides in clauses
        for scoped in _scope_clauses(analysed, split_clauses(analysed), table):
            for piece, aside in _scope_embedded(scoped, table):
                # The main clause left after its asides may join two clauses held differently.
                for part, whole in [(piece, aside)] if aside else _scope_coordinated(piece, table):
                    if whole:
                        embedded.add(len(clauses))
                    clauses.append(part)
        adjacent = adjacent_speaker
        adjacent_org = adjacent_is_org
        adjacent_speaker = None
        adjacent_is_org = False
        sentence_speaker: Attribution | None = None
        continued: Attribution | None = None
        reopens = _QUOTE_OPENS.match(analysed) is not None
        odd = _quote_left_open(analysed)
        unmarked = not _QUOTE_MARK.search(analysed)
        if quote_open and unmarked and quote_carried >= _QUOTE_CARRY:
            quote_open = False  # a stray mark: the quotation spreads no further
        if quote_open:
            # 'Mr Smith told MPs: "The tide is out. He is spending too much."': the quotation runs on
            # into a sentence with no mark of its own, to the one whose first mark closes it; a BBC
            # paragraph of a quotation opens with a mark again.
            continued = quote_speaker
        elif quoter is not None and reopens:
            # '"… made there," said Mr Blair. "In respect of Iraq, …"': a new quotation with no
            # speaker of its own, right after one, is the same speaker's.
            continued = quoter
        if len(clauses) > 1 or continued is not None:
            # "A, but B, the OECD said": the speaker at the end covers every clause without its own.
            sentence_speaker = detect_cues(analysed, extract_entities(analysed, table)).attribution
        if sentence_speaker is None and continued is not None:
            # 'Jo Bloggs said: "… country. "Parts of the north will be hit."': the quotation
            # runs on into this sentence, and so does its speaker.
            sentence_speaker = continued
        main_stance = Stance.ASSERTED
        subject = _pronoun_subject(analysed, previous_people, lead, genders)
        if subject is not None and continued is not None and continued.entity == subject.name:
            subject = None  # inside Smith's quotation "he" is someone else: Smith would say "I"
        people: dict[str, Entity] = {}
        resolved_sentence_speaker: Attribution | None = None
        first_claim = len(claims)
        for index, clause in enumerate(clauses):
            details = analyze(clause.text, table, published)
            new_aliases = learn_aliases(details.entities, source_id)
            new_aliases += _surname_of_earlier_name(details.entities, organisations, table, source_id)
            if new_aliases:
                learned.extend(new_aliases)
                table = table.extended(new_aliases)
                details = analyze(clause.text, table, published)
            if details.attribution is None and sentence_speaker is not None:
                details.attribution = sentence_speaker
                if details.report_verb in _OPINION_LEMMAS and details.report_verb != sentence_speaker.verb \
                        and _OPENS_WITH_VERB.match(clause.text):
                    # "… said it was a good thing … but argued lowering the voting age would be more
                    # effective": the clause's own verb says how its speaker holds it.
                    details.attribution = replace(sentence_speaker, verb=details.report_verb)
                if details.stance == Stance.ASSERTED:
                    # "A would rise, but B fall, the OECD said": the speaker's forecast, as in one clause.
                    details.stance = Stance.PLANNED if details.speech_future else Stance.REPORTED
            if index in embedded:
                pass  # an aside holds its own stance, and sets none for what follows
            elif _DEPENDENT.match(clause.text):
                # An absolute phrase ("…, with sales slipping") is held as its main clause is: a
                # hedge of the main clause covers it, though its own hedge does not reach back.
                if _rank(main_stance) < _rank(details.stance):
                    details.stance = main_stance
            else:
                main_stance = details.stance
            # "it said" continues the speaker of an earlier clause of this sentence, else of the last one.
            before = (adjacent_speaker, adjacent_is_org) if adjacent_speaker is not None else (adjacent, adjacent_org)
            recent = recent_people
            # A "he" or "she" who speaks is never a person the same clause names after it ("He said
            # they … would not have been matched to Mr Houston").
            pronoun = details.attribution is not None and details.attribution.who.strip().lower() in {"he", "she"}
            said_before = _recent_person(adjacent.entity, recent_people) \
                if pronoun and adjacent is not None and adjacent.entity else None
            # The subject before outranks its speaker, who may speak only in a clause of it ("Dr Fox
            # refused to discuss reports … after he said …"); whose the subject was does not.
            before_subject = lead if pronoun and lead is not None and lead.kind == EntityKind.PERSON else None
            preferred = (before_subject if before_subject is not None and not lead_owns else None) \
                or said_before or before_subject
            if preferred is not None:
                # "… a sensible thing to do, Mr Balls told the BBC. Commenting on …, he said": the one
                # who spoke just before; else "Jo Hill attacked Mr Brown. He said …": the subject
                # before, not the last name.
                recent = {**{k: v for k, v in recent_people.items() if k != preferred.name},
                          preferred.name: preferred}
            pronoun = pronoun and said_before is None and lead is not None
            speaker: Attribution | None
            if details.attribution is not None and details.attribution is continued:
                speaker = continued  # resolved, or left alone, where the quotation opened
            elif details.attribution is not None and details.attribution is sentence_speaker \
                    and resolved_sentence_speaker is not None:
                # "He said they might …, but would not have been matched to Mr Houston …": the speaker
                # at the sentence's edge was resolved with its first clause, before another name came.
                speaker = resolved_sentence_speaker
            elif pronoun and lead is not None and lead.kind != EntityKind.PERSON:
                speaker = details.attribution  # the sentence before opened with a name of no known kind
            else:
                speaker = _resolve_speaker(details.attribution, previous_speaker, last_person, adjacent, before[1],
                                           it=before[0], recent=recent, genders=genders,
                                           previous_kind=previous_kind,
                                           plural=plural_speaker if sentence_index - plural_at <= _PLURAL_REACH
                                           else None)
            if details.attribution is not None and details.attribution is sentence_speaker \
                    and resolved_sentence_speaker is None:
                resolved_sentence_speaker = speaker
            if speaker is not None and speaker.who.lower() != "it":
                # An "it" left unresolved is no antecedent for a later "the report said".
                previous_speaker = speaker
                adjacent_speaker = speaker
            named = details.entities
            details.entities = _resolve_descriptions(clause.text, named, list(organisations.values()), table,
                                                     main_org)
            details.entities = _resolve_titles(clause.text, details.entities, titled)
            if speaker is not None and speaker.entity is None:
                # "The firm said …", "the chancellor said": the speaker is who the description stands for.
                speaker = _described_speaker(speaker, details.entities, named)
                if adjacent_speaker is not None and adjacent_speaker.who == speaker.who:
                    adjacent_speaker = speaker
            if speaker is not None and speaker.who.lower() != "it":
                previous_kind = _speaker_kind(details.attribution, speaker, details.entities, table)
                if _plural_speaker(speaker, details.entities, table):
                    plural_speaker, plural_at = speaker, sentence_index
            if speaker is not None and details.attribution is not None:
                adjacent_is_org = _one_organisation(speaker, details.entities, table) \
                    and not _names_a_report(clause.text, speaker.who)
            if subject is not None and clause.text[subject.start:subject.end] == subject.text \
                    and analysed.startswith(clause.text[:subject.end]) \
                    and not any(e.kind == EntityKind.PERSON for e in details.entities):
                details.entities = sorted([subject, *details.entities], key=lambda e: e.start)
            for entity in details.entities:
                if entity.kind == EntityKind.PERSON and entity not in named and entity.text.lower().startswith("the") \
                        and (entity.start == 0 or (speaker is not None and speaker.entity == entity.name)):
                    # "The chancellor also hailed …": "he" after it is the same person.
                    last_person = entity
                    people.setdefault(entity.name, entity)
                    recent_people.pop(entity.name, None)
                    recent_people[entity.name] = entity
            for entity in named:
                if entity.kind == EntityKind.PERSON:
                    last_person = entity
                    people.setdefault(entity.name, entity)
                    recent_people.pop(entity.name, None)
                    recent_people[entity.name] = entity
                    gender = _gender_before(clause.text, entity.start) or _given_gender(entity.name)
                    if gender is not None:
                        genders.setdefault(entity.name, gender)
                    if entity.role:
                        titled.setdefault(entity.name, set()).add(entity.role)
                elif entity.kind in {EntityKind.ORGANIZATION, EntityKind.OTHER}:
                    organisations.pop(entity.name, None)
                    organisations[entity.name] = entity
            clause_text = None if len(clauses) == 1 and offset == 0 else clause.text
            claims.append(Claim(
                id=f"{source_id}-{_digest(key, clause.text)[:8]}",
                source=source_id,
                sentence=sentence,
                clause=clause_text,
                line=line,
                column=column,
                start=start,
                end=body_start + segment.end,
                entities=details.entities,
                quantities=details.quantities,
                dates=details.dates,
                polarity=details.polarity,
                stance=details.stance,
                attribution=speaker,
            ))
            if opening is not None:
                opening.extend(named)
        previous_people = people
        mine = _lead_person(claims[first_claim]) if len(claims) > first_claim else None
        lead_owns = mine is not None and _owner_only(claims[first_claim], mine)
        if mine is not None or people or lead_kept >= _LEAD_CARRY \
                or (lead is not None and lead.kind != EntityKind.PERSON):
            lead, lead_kept = mine, 0
        else:
            # "In his speech, he set out a strategy. It includes £285m … He also promised …": a
            # sentence that names nobody leaves the subject before it where it was.
            lead_kept += 1
        said = [c.attribution for c in claims[first_claim:] if c.attribution is not None]
        quoter = said[-1] if said and _QUOTE_MARK.search(analysed) \
            and said[-1].who.strip().lower() not in {"he", "she", "it", "they"} else None
        # A mark left over opens a quotation only if it opens one ('told MPs: "The tide …'); a stray
        # closing mark ('… for terrorists".') opens nothing.
        now_open = (odd and _last_mark_opens(analysed)) if (not quote_open or reopens) else not odd
        if now_open and quote_open and unmarked:
            quote_carried += 1  # still inside the quotation, with the same speaker
        elif now_open:
            # The speaker who opens it: 'He told BBC News: "He appears to have said these things.' is
            # his quotation, not the one he quotes.
            quote_speaker = said[0] if said else None
            quote_carried = 0
        else:
            quote_speaker = None
        quote_open = now_open
        if opening is not None:
            opening_left -= 1
            if opening_left == 0:
                main_org = main_organisation(opening, table)
                opening = None
    return source, claims, _dedupe_aliases(learned)


_ORGANISATION_KINDS = frozenset({EntityKind.ORGANIZATION, EntityKind.OUTLET})


_QUOTE_OPENS = re.compile(r"\s*[\"“]")
_QUOTE_MARK = re.compile(r"[\"“”]")
_LEAD_CARRY = 2  # sentences naming nobody that the subject before them is kept through
_QUOTE_CARRY = 2  # sentences with no mark a quotation may run on through (stray marks spread no further)


_LAST_MARK = re.compile(r"[\"“”](?=[^\"“”]*\Z)")


def _last_mark_opens(sentence: str) -> bool:
    """Does the last quotation mark of the sentence open a quotation (a word follows it)?"""
    m = _LAST_MARK.search(sentence)
    return m is not None and m.group() != "”" and sentence[m.end():m.end() + 1].isalnum()


def _quote_left_open(sentence: str) -> bool:
    """Does a quotation opened in the sentence run past its end ('said: "In Wales …, country.')?"""
    straight = sentence.count('"')
    return straight % 2 == 1 or sentence.count("“") > sentence.count("”")


# Report verbs that give an opinion or a forecast, and a clause that opens with its verb.
_OPINION_LEMMAS = frozenset({"argue", "believe", "suggest", "predict", "claim", "insist", "warn", "estimate"})
_OPENS_WITH_VERB = re.compile(r"\W*(?:but\s+|and\s+|also\s+)*[a-z]+ed\b", re.I)


def _surname_of_earlier_name(entities: Sequence[Entity], earlier: dict[str, Entity], table: AliasTable,
                             source_id: str) -> list[Alias]:
    """ "Ms Diemont says …" after "says Cara Diemont of IT firm Dimension Data": a titled surname
    makes the earlier two- or three-word name of no known kind a person, with that surname."""
    out: list[Alias] = []
    for e in entities:
        if e.kind != EntityKind.PERSON or " " in e.name or table.canonical(e.name) not in {None, e.name}:
            continue
        # The name may run on into what follows it ("Cara Diemont of IT firm …"): cut it at the surname.
        fulls = {" ".join(words[:words.index(e.name) + 1]) for o in earlier.values() if o.kind == EntityKind.OTHER
                 for words in [o.name.split()] if e.name in words[1:3]}
        if len(fulls) == 1:
            full = fulls.pop()
            out.append(Alias(name=full, also=[e.name, *(f"{t} {e.name}" for t in ("Mr", "Mrs", "Ms", "Miss", "Dr"))],
                             kind=EntityKind.PERSON, source=source_id))
    return out


def _one_organisation(speaker: Attribution, entities: list[Entity], table: AliasTable) -> bool:
    """Is the speaker one organisation ("Ryanair", "the OECD", "the airline") that a following
    "it said" may stand for? Not a person, not a report, not a spokesman of a body, not two bodies."""
    words = re.findall(r"[a-z]+", speaker.who.lower())
    ana = _anaphora()
    if not words or words[-1] in ana.person_titles or words[-1] in ana.report_nouns:
        return False  # "a Treasury spokesman", "a Wall Street Journal report"
    inside = [e for e in entities if e.text and e.text in speaker.who]
    if any(e.kind == EntityKind.PERSON for e in inside):
        return False  # "BBC correspondent Sarah Mukherjee"
    if len(inside) > 1 and ({"and", "or"} & set(words)):
        return False  # "the Conservatives and Liberal Democrats": two bodies
    if words[-1] in ana.organisation_nouns or words[-1] in ana.public_words or words[-1] in _org_words():
        return True  # "the airline", "the prime minister's office", "the club"
    if speaker.entity is None:
        return False
    kind = next((e.kind for e in entities if e.name == speaker.entity), None)
    if kind is None:
        kind = table.kind(speaker.entity)
    if kind in _ORGANISATION_KINDS or kind == EntityKind.PLACE:
        return True  # a country or a capital speaks for its government
    if kind != EntityKind.OTHER:
        return False
    # A name of unknown kind reads as a body ("Nestle", "Swiss Re", "Wimpey") unless, as written,
    # it may be a person's name: two or three words opening with a given name.
    names = speaker.who.split()
    return len(names) == 1 or len(names) > 3 or names[0].lower() not in _names_table()[0]


_WORD = re.compile(r"(?:['’]s)?\s*([A-Za-z]+)")


def _names_a_report(text: str, who: str) -> bool:
    """Is the speaker the author of a report the clause names ("a Wall Street Journal report
    said")? A following "it" is then as likely the report as its author."""
    at = text.find(who)
    m = _WORD.match(text, at + len(who)) if at >= 0 else None
    return m is not None and m.group(1).lower() in _anaphora().report_nouns


@cache
def _names_table() -> tuple[frozenset[str], frozenset[str]]:
    """Given names, and the words organisation names end with ("club", "council")."""
    from factcheck.tables import load_table
    from factcheck.text.entities import given_name_genders

    names = load_table("aliases")["names"]
    given = frozenset(w.lower() for w in names["given_names"]) | frozenset(given_name_genders())
    return given, frozenset(w.lower() for w in names["org_words"])


def _org_words() -> frozenset[str]:
    return _names_table()[1]


# "the chancellor", "the company's chief executive", "the Prime Minister": up to four words after "the".
_DEFINITE = re.compile(r"\b[Tt]he((?:\s+[A-Za-z][A-Za-z-]*(?:['’]s)?){1,4})")
_TITLE_WORD = re.compile(r"\s+([A-Za-z][A-Za-z-]*)((?:['’]s)?)")
# Words that make another office of a title: the shadow chancellor is not the chancellor.
_OTHER_OFFICE = frozenset({"shadow", "former", "ex", "deputy", "vice", "acting", "interim", "assistant",
                           "junior", "under", "co", "outgoing", "incoming", "then", "late", "future", "next"})


def _title_words(role: str) -> frozenset[str]:
    """The words of a person's title, from its last part: "Defence Secretary Geoff Hoon and Prime
    Minister" titles its person "Prime Minister"; a verb the role phrase took in ("join Home
    Secretary") is no part of it."""
    words = re.findall(r"[a-z]+", re.sub(r"['’]s\b", "", role.lower().rsplit(" and ", 1)[-1]))
    return frozenset(words)


# "the leader of a party", "the chairman of the Commission for Racial Equality": the phrase after
# the title says whose title it is, which the title alone cannot be matched on.
_COMPLEMENT = re.compile(r"\s+(?:of|for|at)\s", re.I)


def _resolve_titles(text: str, entities: list[Entity], titled: dict[str, set[str]]) -> list[Entity]:
    """Add the person that "the chancellor", "the home secretary" or "the company's chief
    executive" stands for, when the article has given exactly one person that title before.

    The title must fit the one given in full: "the chancellor" is the "Chancellor of the Exchequer"
    and "the prime minister" the "Prime Minister", but the shadow chancellor is not the chancellor,
    nor the deputy prime minister the prime minister.
    """
    ana = _anaphora()
    if not titled or not ana.title_mention.search(text):
        return entities
    out = entities
    for m in _DEFINITE.finditer(text):
        words: list[tuple[str, bool, int]] = []  # (word, possessive, end offset)
        for w in _TITLE_WORD.finditer(m.group(1)):
            word = w.group(1).lower()
            if word in ana.subject_followers or word.endswith(("ed", "ly")):
                break  # the noun phrase has ended: "the chancellor also hailed"
            words.append((word, bool(w.group(2)), m.start(1) + w.end()))
            if w.group(2) and word in ana.person_titles:
                break  # "the chancellor's plan"; "the company's chief executive" goes on
        # The title is the last title word of the phrase that ends it: "the chief government
        # spokesman", not "the general election".
        head = next((k for k in range(len(words) - 1, -1, -1)
                     if words[k][0] in ana.person_titles and _is_subject_use(text, words[k][2], ana)), None)
        if head is None:
            continue
        word, _, end = words[head]
        if word.endswith("men") or any(e.start < end and m.start() < e.end for e in out):
            continue  # "the spokesmen"; a name inside ("the Bank of England governor") is another reading
        if re.match(r"\s*,?\s*[A-Z]", text[end:]) or _COMPLEMENT.match(text, end) \
                or re.search(r"[A-Za-z],\s*\Z", text[:m.start()]):
            # "the chancellor, Gordon Brown": the name is given; "Ahmed Shaheed, the chief
            # government spokesman": the title of the name before it.
            continue
        # The title's own words; a possessor before it ("the company's") names whose title it is.
        wanted = {w for w, possessive, _ in words[:head] if not possessive} | {word}
        matches = [name for name, roles in titled.items()
                   if any(wanted <= words_ and not (words_ & _OTHER_OFFICE) - wanted
                          for words_ in map(_title_words, roles))]
        if len(matches) != 1:
            continue
        [name] = matches
        # The role as this sentence gives it: "chancellor", "company's chief executive".
        role = re.sub(r"['’]s\Z", "", text[m.end(0) - len(m.group(1)):end].strip())
        found = Entity(name=name, kind=EntityKind.PERSON, text=text[m.start():end], role=role,
                       start=m.start(), end=end)
        out = sorted([*out, found], key=lambda e: e.start)
    return out


def _described_speaker(speaker: Attribution, entities: list[Entity], named: list[Entity]) -> Attribution:
    """The speaker "the firm" with the organisation the description was resolved to, if it was."""
    who = speaker.who.strip().lower()
    for entity in entities:
        if entity not in named and entity.text.lower() == who:
            return Attribution(who=speaker.who, entity=entity.name, role=speaker.role, verb=speaker.verb,
                               via=speaker.via)
    return speaker


# "He said …", and "In his speech, he set out …": a short phrase set before the subject with a comma.
_PRONOUN_SUBJECT = re.compile(r"(?:(?:But|And|Yet|However|Meanwhile|Now|Then|Later|Earlier|Instead|In|At|On|"
                              r"During|After|Before|Since|Speaking|Asked|Writing)\b[^,.;:\"“”]{0,40},\s+)?"
                              r"(He|She|he|she)(?=\s)")


@cache
def _gender_title() -> re.Pattern[str]:
    """A courtesy title right before a name, in a group that tells its gender: "Mr ", "Mrs. "."""
    from factcheck.tables import load_table

    names = load_table("aliases")["names"]

    def alternatives(key: str) -> str:
        return "|".join(sorted((re.escape(w) for w in names[key]), key=len, reverse=True))

    return re.compile(rf"\b(?:(?P<m>{alternatives('male_titles')})|(?P<f>{alternatives('female_titles')}))\.?\s+\Z",
                      re.I)


def _gender_before(text: str, start: int) -> str | None:
    """"m" or "f" when the name at ``start`` follows a title that tells ("Mr Brown", "Baroness
    Morgan"), else None."""
    m = _gender_title().search(text, max(0, start - 12), start)
    if m is None:
        return None
    return "m" if m.group("m") else "f"


def _given_gender(name: str) -> str | None:
    """"m" or "f" when the name opens with a given name that tells ("Jane Hill"), else None."""
    from factcheck.text.entities import given_name_genders

    first = name.split()[0].lower() if " " in name else ""
    return given_name_genders().get(first) or None


def _pronoun_person(pronoun: str, recent: dict[str, Entity], genders: dict[str, str]) -> Entity | None:
    """The person "he" or "she" stands for: the most recent one not known, by a title the article
    gave them, to be of the other gender ("Mr Brown met Ms Green. He said …" is Brown). None when
    every person named so far is."""
    want = "m" if pronoun == "he" else "f"
    for person in reversed(recent.values()):
        if genders.get(person.name, want) == want:
            return person
    return None


def _pronoun_subject(sentence: str, previous_people: dict[str, Entity], lead: Entity | None = None,
                     genders: dict[str, str] | None = None) -> Entity | None:
    """The person a sentence-opening "He"/"She" stands for: the person the sentence before opened
    with as its subject ("Jo Hill attacked Mr Brown. He said …" is Jo Hill), else the one person it
    named: "Jane Hill was found dead. She died from …" is a claim about Jane Hill.

    With two people named and neither opening the sentence, or none, or a name of no known kind
    opening it, the pronoun is left alone: a wrong antecedent would lend the claim a name the
    source never gave it.
    """
    m = _PRONOUN_SUBJECT.match(sentence)
    if m is None:
        return None
    want = "m" if m.group(1).lower() == "he" else "f"
    if lead is not None and lead.kind != EntityKind.PERSON:
        return None
    if lead is not None and (genders or {}).get(lead.name, want) == want:
        person = lead
    elif len(previous_people) == 1:
        [person] = previous_people.values()
    else:
        return None
    return Entity(name=person.name, kind=EntityKind.PERSON, text=m.group(1), role=person.role,
                  start=m.start(1), end=m.end(1))


# Words that may open a sentence before its subject: "But Oliver Letwin, for the Tories, attacked …".
_LEAD_IN = re.compile(r"(?:(?:But|And|Yet|However|Meanwhile|Now|So|Still|Instead|Earlier|Later|Separately|Also)"
                      r"\s*,?\s*)?"
                      r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Baroness)\.?\s+)?\Z")
_NAME_WORDS = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}")


def _lead_person(claim: Claim) -> Entity | None:
    """The name the sentence opens with as its subject: a person, or a two- or three-word name of
    no known kind that may be one ("Vincent Cable, …"). Not a body or a place."""
    text = claim.clause or claim.sentence
    first = min(claim.entities, key=lambda e: e.start, default=None)
    if first is None or not _LEAD_IN.match(text[:first.start]):
        return None
    if _COURTESY_BEFORE.search(text, 0, first.start) and first.kind == EntityKind.OTHER:
        first = replace(first, kind=EntityKind.PERSON)  # "Mr De Vido said …"
    if first.kind == EntityKind.PERSON and _POSSESSOR_ENDS.match(text, first.end):
        # "Mr Brown's insistence … was a rebuttal of a warning from Peter Mandelson": whose the
        # subject is ranks above a name further on.
        return first
    after = _SUBJECT_ENDS.match(text, first.end)
    if after is None:
        return None  # "Former Labour prime minister Lord Callaghan …"
    if first.kind == EntityKind.PERSON:
        return first
    if first.kind == EntityKind.OTHER and _NAME_WORDS.fullmatch(first.text or "") \
            and not _titles_in(first.text or ""):
        return first
    return None


def _owner_only(claim: Claim, lead: Entity) -> bool:
    """Does the lead name only own the subject ("Gordon Brown's decision … was")?"""
    text = claim.clause or claim.sentence
    return bool(_POSSESSOR_ENDS.match(text, lead.end))


def _recent_person(name: str, recent: dict[str, Entity]) -> Entity | None:
    """The person named so far that ``name`` stands for: the same name, or its surname as written
    with a title ("Mr De Vido" for Julio De Vido), when just one fits."""
    if name in recent:
        return recent[name]
    bare = _COURTESY_OPENS.sub("", name).strip()
    fits = [p for n, p in recent.items() if bare and (n == bare or n.endswith(" " + bare))]
    return fits[0] if len(fits) == 1 else None


_COURTESY_OPENS = re.compile(r"\A(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Baroness)\.?\s+")


def _titles_in(text: str) -> bool:
    """Does the phrase hold a title or a noun for people ("Planning Minister")? Then it is no name."""
    from factcheck.text.entities import person_nouns

    return any(w in person_nouns() for w in text.lower().split())


_COURTESY_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Baroness)\.?\s+\Z")
_POSSESSOR_ENDS = re.compile(r"['’]s?\s+[a-z]")
# What follows a name that is the subject itself: a comma (an appositive), or a verb.
_SUBJECT_ENDS = re.compile(r"\s*,|\s+(?:is|was|has|had|have|will|would|said|says|told|also|[a-z]+ed|[a-z]+s)\b")


def _dedupe_aliases(aliases: list[Alias]) -> list[Alias]:
    merged: dict[tuple[str, str | None], Alias] = {}
    for alias in aliases:
        key = (alias.name, alias.source)
        if key in merged:
            known = merged[key].also
            known.extend(a for a in alias.also if a not in known)
        else:
            merged[key] = Alias(name=alias.name, also=list(alias.also), kind=alias.kind, source=alias.source)
    return sorted(merged.values(), key=lambda a: (a.source or "", a.name))
