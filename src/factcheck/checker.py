"""Assertion + knowledge base → Result. Pure: no I/O, no printing.

The steps, for one assertion:

1. ``analyze`` it with the same extractors that built the claims;
2. find candidate claims through an inverted index over terms, entities and numbers
   (never a scan of every claim);
3. ``_align`` the assertion with each candidate: which terms, entities, numbers and dates
   it shares, and where they disagree;
4. ``_decide``: supported only when a claim covers every checkable detail and is at least
   as certain; contradicted when a claim about the same fact differs on a detail;
   otherwise unverified, with the nearest claim and the gap named in the reason.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from factcheck import lazy_re
from factcheck.extract import Details, analyze, main_organisation, opens_with_dateline
from factcheck.models import (
    Alias,
    Attribution,
    Bound,
    Claim,
    Corroboration,
    DateRef,
    Difference,
    DifferenceKind,
    Direction,
    Entity,
    EntityKind,
    KnowledgeBase,
    Polarity,
    Quantity,
    Result,
    Source,
    SourceRef,
    Stance,
    Verdict,
)
from factcheck.relations import (
    _DEGREE_RE,
    _ORDER_RE,
    _PHRASE_PREPOSITIONS,
    _PRESENTERS,
    _RANKED_RE,
    _RELATION_TERMS,
    _SPEECH_FORMS,
    _WORD_RE,
    _actor_swap,
    _agent_made_object,
    _alone_as_name,
    _attachment_swap,
    _compatible_kinds,
    _deal_turned_round,
    _degree_flipped,
    _describer_swapped,
    _dropped_head,
    _find_word,
    _identity_swapped,
    _in_a_role,
    _name_tokens,
    _object_made_subject,
    _order_flipped,
    _people_nouns,
    _possessive_swap,
    _pronoun_turned_round,
    _reported_subject_swap,
    _slot_swap,
    _subject_inside_relative,
    _subject_swap,
    _term_positions,
    _turned_round,
    _untagged_pairs,
)
from factcheck.text.dates import date_contains
from factcheck.text.entities import AliasTable
from factcheck.text.numbers import FRACTION_UNIT
from factcheck.text.terms import (
    antonym_partners,
    content_terms,
    irregular_bases,
    irregular_verb_form,
    negated_base,
    phrase_words,
    stem,
    term_of,
)

# Tuning constants. Each trades recall for safety; none is allowed to buy recall with false support.
CANDIDATES = 8  # claims aligned in full per assertion
CANDIDATE_SHARE = 0.4  # …of those sharing at least this share of the best candidate's key weight
TOPIC_FOR_CONTRADICTION = 0.75  # share of the assertion's other content a claim must cover to contradict it
TOPIC_FOR_NEGATION = 0.8  # negation is subtler: demand more shared content
TOPIC_FOR_RELATED = 0.5  # below this, a claim is not worth naming in an unverified reason
APPROX_ASSERTED = 0.075  # "about N" in an assertion accepts ±7.5 %
# Longer than any sentence of news copy: such text is not one assertion, and aligning its hundreds of
# figures pairwise would take time that grows with the square of its length.
MAX_ASSERTION_CHARS = 5_000

# How committed a statement is: an assertion may not be more certain than its source.
_CERTAINTY = {Stance.CONSIDERED: 1, Stance.PLANNED: 2, Stance.DENIED: 1, Stance.REPORTED: 3, Stance.ASSERTED: 3}
# Speech verbs that report an opinion or a contested claim rather than a statement of record:
# an assertion that drops who said it is not supported.
_OPINION_VERBS = frozenset({"claim", "argue", "believe", "predict", "warn", "insist", "suggest", "allege",
                            "accuse", "estimate", "think", "fear", "hope", "expect", "forecast", "say_opinion"})


def _entity_key(name: str) -> str:
    return "@" + name.lower()


@dataclass(slots=True)
class _Prepared:
    """A claim with everything the aligner needs, computed once per knowledge base."""

    claim: Claim
    source: Source
    text: str  # the clause the details come from
    lower: str  # ``text`` lower-cased, for string similarity
    terms: frozenset[str]
    tokens: frozenset[str]  # lower-cased word tokens of the clause, for names the entity tagger missed
    long_words: dict[str, tuple[str, ...]]  # words and terms of seven letters or more, by their first three
    initials: frozenset[str]  # acronyms of the claim's multi-word names ("ba" for "British Airways")
    negations: dict[str, frozenset[str]]  # base term → the claim's terms that negate it ("lawful" → "unlawful")
    title_terms: frozenset[str]  # the source's headline: the topic every sentence of it is about
    offices: frozenset[str]  # offices named in the clause ("prime minister", "home secretary")
    name_words: frozenset[str]  # lower-case words of the claim's names and speaker ("cable" of "Vincent Cable")
    speaker: Entity | None = None  # the claim's speaker as an entity: who says it is part of what it says
    # Words the clause uses only inside a one-concept phrase ("stand" of "stand down"): not matched bare.
    phrase_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Entities of the other clauses of the same sentence, of kinds this clause names none of: the
    # subject of "Mr Brown put 1p on beer but froze petrol duty" is the subject of both clauses.
    shared: tuple[Entity, ...] = ()
    # For a claim negated only inside a reason or concession clause ("failed the test as there were
    # no measures …"): that clause's terms. An assertion that shares none of them is about the
    # affirmed main predicate.
    scoped_negation: frozenset[str] = frozenset()
    # The claim's figures without those a hedge binds ("the £37.5bn predicted in March"): what a
    # plain statement may be matched against. None when no figure is hedged.
    firm_quantities: list[Quantity] | None = None
    # The organisation the whole article is about, for a claim that names none but its speaker
    # ("Turnover for the quarter was up 4.3%" in a story whose opening names one company).
    main_org: Entity | None = None
    # Lower-case words of the headline and of the names it gives ("japan" of "Japan's ageing workforce").
    title_words: frozenset[str] = frozenset()
    # A question ("Can the fraternities sue?") asks; it states nothing an assertion could rest on.
    question: bool = False
    # Terms the claim gives only as the rejected alternative ("sell it to Lifetime rather than book
    # it into theaters"): an assertion that states them has the source against it.
    rejected: frozenset[str] = frozenset()
    # The claims of the sentences just before and after (indexes into Checker.prepared): the
    # context a sentence leans on for its topic ("The number of new loans fell …" after "Mortgage
    # approvals …").
    context: tuple[int, ...] = ()
    # Words of a person the claim names only as its speaker ("Angela Moore, a publicist, said that
    # he was back home"): an assertion that makes them its subject says what the source does not.
    speaker_only: frozenset[str] = frozenset()
    # The claim's figures, with what each counts read past a name ("six Airbus A321 aircraft").
    quantities: list[Quantity] = field(default_factory=list)
    # For a claim the source only reports as considered: the terms and names its hedge governs
    # ("… a report suggesting the US was considering removing troops" hedges "US … removing
    # troops", not the report). Computed when first needed; None until then.
    hedge_scope: tuple[frozenset[str], frozenset[str], bool] | None = None
    # A standfirst: a sentence before the story's dateline ("LONDON (Reuters) - …"), which only
    # summarises the story, like its headline.
    summary: bool = False
    stance_cue: str | None = None  # see _considered_cue: read when first needed, "" for none
    sibling_terms: frozenset[str] = frozenset()  # terms of the other clauses of the same sentence
    # For a clause without a subject of its own ("… but agreed unanimously to introduce a ban"),
    # the terms of the sentence's opening words, where its subject is ("the Scottish Executive").
    subject_terms: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Query:
    details: Details
    terms: list[str]  # content terms outside entity/number/date spans
    entities: list[Entity]
    cue_terms: list[str]  # terms of the stance cue: compared for antonyms only
    keys: list[str]  # index keys
    lower: str  # the assertion lower-cased, for string similarity
    offices: frozenset[str] = frozenset()  # offices the assertion names
    relation: bool = False  # does it use a relation noun ("owner", "subsidiary")?
    spelled: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # source → full names it spells
    quantities: list[Quantity] = field(default_factory=list)  # its figures, counted nouns read past names
    # With several figures ("live to 85 and men to 78"), the words each figure owns (in the order of
    # ``quantities``), as the source's figures own theirs: one figure's words do not bind the other.
    local_terms: list[list[str]] = field(default_factory=list)
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # term → the lower-case words it stems from
    growth_rise: bool = False  # the assertion's "~rise" comes from the noun "growth" alone
    orders: bool = False  # the assertion has a word of order ("before", "above")
    degrees: bool = False  # … or of degree or rank ("most", "less", "second largest")
    _dates: dict[date | None, list[DateRef]] = field(default_factory=dict)

    def dates_as_of(self, published: date | None) -> list[DateRef]:
        """The assertion's dates resolved against a source's publication date (memoised per date)."""
        dates = self._dates.get(published)
        if dates is None:
            from factcheck.text.dates import extract_dates

            dates = self._dates[published] = extract_dates(self.details.text, published)
        return dates


@dataclass(slots=True)
class _Alignment:
    prepared: _Prepared
    coverage: float  # weighted share of the assertion's content the claim covers
    similarity: float  # 0–1 string similarity, a tie-breaker
    conflicts: list[Difference] = field(default_factory=list)
    gaps: list[Difference] = field(default_factory=list)
    gap_reasons: list[str] = field(default_factory=list)
    conflict_reasons: list[str] = field(default_factory=list)
    replacements: list[tuple[int, int, str]] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    pairs: list[tuple[Entity, Entity]] = field(default_factory=list)  # asserted and source names matched
    lent: bool = False  # some content came from the headline or a neighbouring sentence

    @property
    def score(self) -> float:
        # A source's own headline summarises its body: prefer the body sentence as evidence.
        headline = 0.1 if _summarises(self.prepared) else 0.0
        return self.coverage + 0.25 * self.similarity - headline


class Checker:
    """Checks assertions against one knowledge base; build once, reuse for many assertions."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.sources = {s.id: s for s in kb.sources}
        base = AliasTable.default()
        global_aliases = [a for a in kb.aliases if a.source is None]
        self.table = base.extended(global_aliases) if global_aliases else base
        scoped: dict[str, list[Alias]] = defaultdict(list)
        for alias in kb.aliases:
            if alias.source is not None:
                scoped[alias.source].append(alias)
        # Each source's table (the base plus names learned from that article) is built when a claim of
        # the source is first aligned: copying the base table for hundreds of sources up front would
        # dominate both building the checker and loading it from the cache.
        self._scoped_aliases = dict(scoped)
        self._source_tables: dict[str, AliasTable] = {}
        self._title_terms: dict[str, frozenset[str]] = {}
        self._title_word_sets: dict[str, frozenset[str]] = {}
        self._title_name_sets: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.prepared: list[_Prepared] = []
        self.index: dict[str, list[int]] = defaultdict(list)
        for claim in kb.claims:
            source = self.sources.get(claim.source) or Source(id=claim.source, title=claim.source)
            prepared = self._prepare(claim, source)
            idx = len(self.prepared)
            self.prepared.append(prepared)
            for key in prepared.terms | {"#" + _num_key(v) for q in claim.quantities for v in _share_values(q)} \
                    | _year_keys(claim.dates):
                self.index[key].append(idx)
        n = max(len(self.prepared), 1)
        self.idf = {key: math.log(1 + n / len(ids)) for key, ids in self.index.items()}
        self.max_idf = math.log(1 + n)
        self.index = dict(self.index)
        self._posting_sets: dict[str, frozenset[int]] = {}
        self._speaker_memo: dict[tuple[str | None, ...], bool] = {}
        self._description_memo: dict[tuple[str, str], tuple[frozenset[str], ...]] = {}
        self._capitalised_words: dict[str, frozenset[str]] = {}
        self._person_names: dict[str, tuple[tuple[str, ...], ...]] = {}
        self._source_names: dict[str, frozenset[str]] = {}
        self._source_long_names: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = {}
        self._report_words: dict[str, frozenset[str]] = {}  # claim id → words describing earlier reports
        self._first_names: dict[str, frozenset[str]] = {}
        by_source: dict[str, list[int]] = defaultdict(list)
        by_sentence: dict[tuple[str, int, int, str], list[_Prepared]] = defaultdict(list)
        for i, prepared in enumerate(self.prepared):
            by_source[prepared.claim.source].append(i)
            c = prepared.claim
            by_sentence[(c.source, c.line, c.column, c.sentence)].append(prepared)
        for clauses in by_sentence.values():
            if len(clauses) > 1:
                # Word by word, and as written: "growth would reach" reads as a rise, yet names growth.
                first_words = clauses[0].text.split()[:5]
                opening = frozenset(t for w in first_words for t in content_terms(w)) | frozenset(
                    w.lower().strip(".,;:'\"") for w in first_words)
                for prepared in clauses:
                    prepared.sibling_terms = frozenset(t for other in clauses if other is not prepared
                                                       for t in other.terms)
                    if prepared is not clauses[0] and _subjectless(prepared.text):
                        prepared.subject_terms = opening - prepared.terms
                    own = {e.kind for e in prepared.claim.entities}
                    # Carried forward only: a later clause's subject is not an earlier one's ("Jet
                    # Airways is the premier carrier; Air Sahara is third").
                    earlier = clauses[:clauses.index(prepared)]
                    prepared.shared = tuple(e for other in earlier
                                            for e in other.claim.entities if e.kind not in own)
                    if prepared.shared:
                        prepared.name_words = prepared.name_words | {
                            w for e in prepared.shared for n in (e.text, e.name)
                            for w in re.findall(r"[a-z0-9]+", n.lower())}
        self._by_source = dict(by_source)
        for ids in self._by_source.values():
            lede = min((self.prepared[i].claim.start for i in ids
                        if opens_with_dateline(self.prepared[i].claim.sentence)), default=-1)
            for i in ids:
                self.prepared[i].summary = self.prepared[i].claim.start < lede
            starts = sorted({self.prepared[i].claim.start for i in ids})
            at = {start: n for n, start in enumerate(starts)}
            by_start: dict[int, list[int]] = defaultdict(list)
            for i in ids:
                by_start[self.prepared[i].claim.start].append(i)
            for i in ids:
                n = at[self.prepared[i].claim.start]
                near = [j for k in (n - 1, n + 1) if 0 <= k < len(starts) for j in by_start[starts[k]]]
                self.prepared[i].context = tuple(near)
        for ids in self._by_source.values():
            main = self._main_organisation([self.prepared[i] for i in ids])
            if main is not None:
                for i in ids:
                    if _names_no_organisation(self.prepared[i].claim, self.table_for(main[1])):
                        self.prepared[i].main_org = main[0]
        self._published = sorted({s.published for s in kb.sources if s.published}, key=str)

    # ------------------------------------------------------------------ preparation

    def _prepare(self, claim: Claim, source: Source) -> _Prepared:
        text = claim.clause or claim.sentence
        skip = [(e.start, e.end) for e in claim.entities]
        skip += [(q.start, q.end) for q in claim.quantities]
        skip += [(d.start, d.end) for d in claim.dates]
        terms = set(content_terms(text, skip))
        for entity in claim.entities:
            terms.add(_entity_key(entity.name))
            terms.update(_name_tokens(entity.name))
            if entity.role:
                terms.update(content_terms(entity.role))
        if claim.attribution is not None:
            terms.add(_entity_key(claim.attribution.entity or claim.attribution.who))
            terms.update(content_terms(claim.attribution.who))
        tokens = frozenset(re.findall(r"[a-z0-9]+", text.lower()))
        title_terms = self._title_terms.get(source.id)
        if title_terms is None:
            title_terms = frozenset(content_terms(source.title))
            self._title_terms[source.id] = title_terms
        lower = text.lower()
        named = [e.text or e.name for e in claim.entities] + [e.name for e in claim.entities]
        if claim.attribution is not None:
            # Only the capitalised words of a speaker described in full ("A National Audit Office
            # report on the 20 biggest projects"): "report" there is no part of a name.
            named.extend(re.findall(r"\b[A-Z][\w'’-]*", claim.attribution.who))
        name_words = frozenset(w for n in named for w in re.findall(r"[a-z0-9]+", n.lower()))
        speaker = None
        if claim.attribution is not None:
            speaker = Entity(name=claim.attribution.entity or claim.attribution.who, kind=EntityKind.OTHER,
                             text=claim.attribution.who)
        scoped = _subordinate_negation(text) if claim.polarity == Polarity.NEGATED else None
        firm = None
        quantities = [_counted_past_name(q, text, claim.entities) for q in claim.quantities]
        if quantities:
            hedged_figure = _hedged_figure_re()
            firm = [q for q in quantities if not hedged_figure.match(text, q.end)]
            if len(firm) == len(quantities):
                firm = None
        rejected: set[str] = set()
        for m in _REJECTED_RE.finditer(text):
            rejected.update(content_terms(m.group(1)))
        if rejected:
            rest = _REJECTED_RE.sub(" ", text)
            rejected -= set(content_terms(rest, [(e.start, e.end) for e in claim.entities]))
        speaker_only: frozenset[str] = frozenset()
        if claim.attribution is not None:
            who = claim.attribution.who.lower()
            at = lower.find(who)
            person = any(e.kind == EntityKind.PERSON and set(_name_tokens(e.name)) <= set(_name_tokens(who))
                         for e in claim.entities)
            # "A UKIP spokesman said there were more than 40 MEPs in the same group": the body is only
            # whose spokesman spoke. (A name the clause gives elsewhere, also as "the company", is more.)
            post = _POST_AT_END_RE.search(who) is not None
            if at >= 0 and (person or post):
                outside = frozenset(re.findall(r"[a-z0-9]+", lower[:at] + " " + lower[at + len(who):]))
                if post:
                    outside |= frozenset(t for e in claim.entities if not (at <= e.start and e.end <= at + len(who))
                                         for t in _name_tokens(e.name))
                speaker_only = frozenset(_name_tokens(who)) - outside
        return _Prepared(claim=claim, source=source, text=text, lower=lower, terms=frozenset(terms),
                         speaker_only=speaker_only, quantities=quantities, title_words=self._title_words(source),
                         question=text.rstrip().rstrip("\"'”’)").endswith("?") or bool(_ASKS_RE.search(text)),
                         rejected=frozenset(rejected),
                         scoped_negation=frozenset(scoped or ()),
                         tokens=tokens, phrase_words=phrase_words(text),
                         long_words=_by_prefix(tokens | frozenset(terms)),
                         title_terms=title_terms, offices=_offices_in(lower),
                         name_words=name_words, speaker=speaker, firm_quantities=firm,
                         initials=frozenset(filter(None, (*(_initials(e.name) for e in claim.entities),
                                                          *_run_initials(text)))),
                         negations=_negations(terms))

    def _counts_other_thing(self, figure: Quantity, text: str, query: _Query,
                            claim_entities: Sequence[Entity]) -> bool:
        """Does the source's figure count something the assertion never mentions ("fuel costs rose
        by £106m or 47.3%" against "turnover rose 4.3%")? Then it is another fact, not a dispute."""
        # Names are compared as entities; here only what is counted ("revenue", "fuel costs").
        names = frozenset(t for e in claim_entities for t in _topic_terms(e.text or e.name)) | _name_terms(text)
        topic = _figure_topic(text, figure.start, figure.end, names, money=_is_money(figure))
        if not topic:
            return False
        asserted = _query_topic(query.lower)
        # A name the assertion shares with the claim is shared topic in whatever form each gives
        # it ("Japan" and "Japanese").
        asserted_names = {e.name.lower() for e in query.entities}
        for entity in claim_entities:
            if entity.name.lower() in asserted_names:
                asserted |= _topic_terms(entity.text or entity.name)
        return not topic & asserted

    def _shortened_name_words(self, unmatched: Sequence[str], prepared: _Prepared,
                              whole: Sequence[str] = ()) -> set[str]:
        """The unmatched words that complete a name this claim shortens: a name of an earlier claim of
        the same source whose first word the claim writes as a name, with nothing else after it.
        With ``whole`` (a name's words), only that very name counts."""
        found: set[str] = set()
        for start, words in self._long_names(prepared.claim.source):
            if start >= prepared.claim.start or (whole and words != tuple(whole)):
                continue
            # The first word written as a name on its own ("Care has …", not "Care Partners").
            if words[0] not in prepared.tokens or not _alone_as_name(prepared.text, words[0].capitalize()):
                continue
            found |= {t for t in unmatched if any(term_of(w) == t or w == t for w in words[1:])}
        return found

    def _long_names(self, source_id: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """The names of two words or more a source gives, with the start of the claim giving each."""
        names = self._source_long_names.get(source_id)
        if names is None:
            names = self._source_long_names[source_id] = tuple(
                (self.prepared[j].claim.start, words) for j in self._by_source.get(source_id, ())
                for e in self.prepared[j].claim.entities if len(words := _name_tokens(e.name)) >= 2)
        return names

    def _title_names(self, source: Source) -> tuple[tuple[str, ...], ...]:
        """The lower-case words of each name the headline gives, as written and canonical."""
        names = self._title_name_sets.get(source.id)
        if names is None:
            from factcheck.text.entities import extract_entities

            found = extract_entities(source.title, self.table_for(source.id))
            names = self._title_name_sets[source.id] = tuple(
                tuple(re.findall(r"[a-z0-9]+", form.lower())) for e in found for form in (e.text, e.name) if form)
        return names

    def _title_name_whole(self, term: str, source: Source, given: frozenset[str]) -> bool:
        """May a headline word be lent? Yes for a plain word; for a word of a name the headline
        gives ("south" of "South Korea"), only with the rest of that name ("Brown" is whole)."""
        holding = [tokens for tokens in self._title_names(source) if any(term_of(w) == term for w in tokens)]
        return not holding or any(all(w in given for w in tokens) for tokens in holding)

    def _title_words(self, source: Source) -> frozenset[str]:
        """Lower-case words of the headline and of the canonical names it gives."""
        words = self._title_word_sets.get(source.id)
        if words is None:
            words = self._title_word_sets[source.id] = frozenset(
                re.findall(r"[a-z0-9]+", source.title.lower())).union(*self._title_names(source))
        return words

    def _earlier_report_by(self, entity: Entity, prepared: _Prepared, table: AliasTable) -> bool:
        """Is "the report" of this claim the asserted outlet's, named in an earlier sentence ("a Wall
        Street Journal report suggesting …" … "the spokesman had denied the report")?"""
        if not _THE_REPORT.search(prepared.lower):
            return False
        claim = prepared.claim
        for i in self._by_source.get(claim.source, ()):
            other = self.prepared[i]
            reported = other.claim.attribution is not None and other.claim.attribution.verb == "report"
            if other.claim.start >= claim.start or not (reported or other.tokens & _REPORT_WORDS):
                continue
            if _match_entity(entity, other.claim.entities, table) is not None:
                return True
        return False

    def _presenter_of_it(self, entity: Entity, prepared: _Prepared, table: AliasTable) -> bool:
        """Is the asserted name the one who, in the sentence just before, set out what this
        sentence's "It" is ("he set out a 10-year childcare strategy … It includes £285m …")?"""
        claim = prepared.claim
        if entity.kind not in _PRESENTERS or not _IT_OPENS_RE.match(claim.sentence):
            return False
        before = [self.prepared[i] for i in prepared.context if self.prepared[i].claim.start < claim.start]
        if not before:
            return False
        other = max(before, key=lambda p: p.claim.start).claim
        verb = _PRESENTED_RE.search(other.sentence)
        hit = _match_entity(entity, other.entities, table) if verb is not None else None
        return verb is not None and hit is not None and other.entities[hit].end <= verb.start()

    def _report_description(self, prepared: _Prepared) -> frozenset[str]:
        """The words of the earlier sentences of the same source that describe a report."""
        claim = prepared.claim
        memo = self._report_words.get(claim.id)
        if memo is not None:
            return memo
        words: set[str] = set()
        for i in self._by_source.get(claim.source, ()):
            other = self.prepared[i]
            reported = other.claim.attribution is not None and other.claim.attribution.verb == "report"
            if other.claim.start < claim.start and (reported or other.tokens & _REPORT_WORDS):
                words |= other.terms | {t for e in other.claim.entities for t in map(term_of, _name_tokens(e.name))
                                        if t is not None}
        memo = self._report_words[claim.id] = frozenset(words)
        return memo

    def _known_in_source(self, entity: Entity, source_id: str) -> bool:
        """Does the source name this entity in some claim (a rival name from the same story)?"""
        keys = self._source_names.get(source_id)
        if keys is None:
            keys = self._source_names[source_id] = frozenset(
                _entity_key(e.name) for i in self._by_source.get(source_id, ())
                for e in self.prepared[i].claim.entities)
        return _entity_key(entity.name) in keys

    def _completed_names(self, lower: str, prepared: _Prepared,
                         memo: dict[str, tuple[tuple[str, ...], ...]]) -> frozenset[str]:
        """Terms of the words of the source's full personal names that the (lower-case) assertion
        spells out where the claim gives only the surname."""
        source = prepared.claim.source
        spelled = memo.get(source)
        if spelled is None:
            spelled = memo[source] = self._spelled_names(lower, source)
        out: set[str] = set()
        for tokens in spelled:
            # The surname stands alone in the claim, not as part of another name ("Sea of Okhotsk").
            if tokens[-1] in prepared.tokens and all(
                    _name_tokens(e.name) in {tokens, tokens[-1:]} for e in prepared.claim.entities
                    if tokens[-1] in _name_tokens(e.name)):
                out.update(t for t in (term_of(w) for w in tokens[:-1]) if t is not None)
        return frozenset(out)

    def _spelled_names(self, lower: str, source: str) -> tuple[tuple[str, ...], ...]:
        """The source's full names (of a surname no other of its names shares) that the lower-cased
        assertion spells out."""
        names = self._person_names.get(source)
        if names is None:
            found = {_name_tokens(e.name) for i in self._by_source.get(source, ())
                     for e in self.prepared[i].claim.entities if e.kind in _NAMED_BEINGS}
            names = self._person_names[source] = tuple(t for t in found if len(t) >= 2)
        if not names:
            return ()
        firsts = self._first_names.get(source)
        if firsts is None:
            firsts = self._first_names[source] = frozenset(t[0] for t in names)
        if firsts.isdisjoint(_word_set(lower)):
            return ()
        surnames = [t[-1] for t in names]
        # Two people of one surname: "Smith" could be either.
        return tuple(tokens for tokens in names if tokens[0] in lower and surnames.count(tokens[-1]) == 1
                     and _phrase_re(" ".join(tokens)).search(lower))

    def _main_organisation(self, clauses: list[_Prepared]) -> tuple[Entity, str] | None:
        """The article's one main organisation (see ``extract.main_organisation``), read from the
        claims of its headline and opening sentence; no claim borrows a name when there is none."""
        if not clauses:
            return None
        source = clauses[0].source
        body = [p for p in clauses if not _is_headline(p)]
        opening = [p for p in clauses if _is_headline(p)]
        if body:
            first = min(p.claim.start for p in body)
            opening += [p for p in body if p.claim.start == first]
        main = main_organisation([e for p in opening for e in p.claim.entities], self.table_for(source.id))
        return (main, source.id) if main is not None else None

    def table_for(self, source_id: str) -> AliasTable:
        """The alias table for claims of one source: names it learned never leak into another."""
        table = self._source_tables.get(source_id)
        if table is None:
            aliases = self._scoped_aliases.get(source_id)
            if not aliases:
                return self.table
            table = self._source_tables[source_id] = self.table.extended(aliases)
        return table

    def __getstate__(self) -> dict[str, object]:
        # Memos and per-source tables are rebuilt on demand: not worth their bytes in the cache.
        state = dict(self.__dict__)
        state.update(_source_tables={}, _speaker_memo={}, _posting_sets={}, _person_names={}, _source_names={},
                     _first_names={}, _title_name_sets={}, _source_long_names={}, _report_words={})
        return state

    # ------------------------------------------------------------------ public API

    def is_checkable(self, text: str) -> bool:
        """Does the text carry something checkable (a number, a date, a named entity, an attribution)?"""
        details = analyze(text, self.table, None)
        return bool(details.quantities or details.dates or details.entities or details.attribution)

    def check(self, text: str) -> Result:
        """The verdict on one assertion, with its evidence and the differences found."""
        clean = " ".join(text.split())
        if not clean:
            return Result(text=text, verdict=Verdict.UNVERIFIED, confidence=1.0,
                          reason="The assertion is empty.")
        if len(clean) > MAX_ASSERTION_CHARS:
            return Result(text=text, verdict=Verdict.UNVERIFIED, confidence=1.0,
                          reason=f"Not checked: longer than {MAX_ASSERTION_CHARS} characters, so not one "
                                 "assertion; give one assertion per line.")
        result = self._check_one(text, clean)
        # Only where the whole is near something in the knowledge base: parts of copy on another
        # subject are checked for nothing (and checking them costs time on every line of a batch).
        # A negation read over the whole of a compound assertion may belong to one clause only
        # ("unveiled a points system … but has rejected immigration quotas").
        negation_only = result.verdict == Verdict.CONTRADICTED and bool(result.differences) and all(
            d.kind == DifferenceKind.NEGATION and d.source in {"negated", "affirmed"} for d in result.differences)
        if (result.verdict == Verdict.UNVERIFIED and result.evidence is not None) or negation_only:
            parts = _parts(clean)
            if len(parts) > 1:
                combined = self._combine(text, clean, parts)
                if combined is not None and (not negation_only or combined.verdict == Verdict.SUPPORTED):
                    return combined
        return result

    def _check_one(self, original: str, clean: str, limit: int = 0) -> Result:
        query = self._query(clean)
        candidates = self._candidates(query)
        if limit:
            candidates = candidates[:limit]
        alignments = [self._align(query, self.prepared[i]) for i in candidates]
        return self._decide(original, clean, query, alignments)

    def _combine(self, original: str, clean: str, parts: list[str]) -> Result | None:
        """The verdict on a compound assertion from its clauses ("X was shot, but his injuries are
        not life threatening"; "X resigned. Y took over"), when no one claim covers all of it:
        supported only if every clause is, contradicted if one clause is."""
        results = [self._check_one(part, part, PART_CANDIDATES) for part in parts]
        contradicted = next((r for r in results if r.verdict == Verdict.CONTRADICTED), None)
        if contradicted is not None:
            suggestion = None
            if contradicted.suggestion is not None:
                suggestion = clean.replace(contradicted.text, contradicted.suggestion, 1)
            reason = f"In {contradicted.text!r}: " + contradicted.reason[0].lower() + contradicted.reason[1:]
            return replace(contradicted, text=original, reason=reason, suggestion=suggestion)
        # A clause with one content word ("where they will rise") matches anything: no support.
        if all(r.verdict == Verdict.SUPPORTED for r in results) and all(len(content_terms(p)) >= 2 for p in parts):
            first = results[0]
            corroboration = [Corroboration(claim_id=r.claim_id, source=r.source, evidence=r.evidence)
                             for r in results[1:] if r.claim_id and r.source and r.evidence]
            return replace(first, text=original, confidence=min(r.confidence for r in results),
                           reason=f"Each of its {len(results)} parts is stated in the source; every checked "
                                  "detail agrees.", corroboration=corroboration)
        return None

    def check_many(self, texts: Iterable[str]) -> Iterator[Result]:
        for text in texts:
            yield self.check(text)

    # ------------------------------------------------------------------ steps

    def _query(self, text: str) -> _Query:
        details = analyze(text, self.table, None)
        skip = [(e.start, e.end) for e in details.entities]
        skip += [(q.start, q.end) for q in details.quantities]
        skip += [(d.start, d.end) for d in details.dates]
        if details.attribution is not None:
            skip += _attribution_spans(text, details.attribution)
        cue_terms: list[str] = []
        if details.stance_cue:
            # The cue ("set to", "mulls", "denies") is compared as stance, not as content; its words
            # still count where the source says the opposite ("agreed to" against "refused to").
            at = text.lower().find(details.stance_cue.lower())
            if at >= 0:
                skip.append((at, at + len(details.stance_cue)))
                cue_terms = content_terms(details.stance_cue)
        terms = list(dict.fromkeys(content_terms(text, skip)))
        keys = list(terms)
        for entity in details.entities:
            keys.append(_entity_key(entity.name))
            keys.extend(_name_tokens(entity.name))
        if details.attribution is not None:
            keys.append(_entity_key(details.attribution.entity or details.attribution.who))
        keys.extend("#" + _num_key(v) for q in details.quantities for v in _share_values(q))
        keys.extend(_year_keys(details.dates))  # a year is as telling as a figure ("in 2005")
        lower = details.text.lower()
        # A name typed in lower case ("vincent cable") is no entity, and its stem ("cabl") is no word
        # of the claim: keep the words themselves to look them up among the claim's tokens.
        words: dict[str, list[str]] = defaultdict(list)
        plain = set(terms)
        for word in re.findall(r"[a-z0-9]+", lower):
            term = term_of(word)
            # "growth" beside a verb of change names a rate (see terms.content_terms): it is no rise.
            if term is not None and term in plain and term != word and word not in words[term] \
                    and word != "growth":
                words[term].append(word)
        quantities = [_counted_past_name(q, text, details.entities) for q in details.quantities]
        # The names the assertion gives bind its figures too ("shares in Biogen lost 70%").
        binding = [*terms, *(t for e in details.entities if e.kind != EntityKind.PLACE
                             for w in _WORD_RE.findall(e.text or e.name)
                             if (t := term_of(w)) is not None and t not in terms)]
        local = [[t for t in binding if t in owned] for owned in _bound_terms(text, quantities)] \
            if len(quantities) > 1 else [binding] * len(quantities)
        return _Query(details=details, terms=terms, entities=details.entities, keys=keys, cue_terms=cue_terms,
                      local_terms=local,
                      lower=lower, offices=_offices_in(lower), relation=bool(_RELATION_TERMS.intersection(terms)),
                      quantities=quantities,
                      words={t: tuple(w) for t, w in words.items() if w},
                      orders=_ORDER_RE.search(text) is not None,
                      degrees=_DEGREE_RE.search(lower) is not None or _RANKED_RE.search(lower) is not None,
                      growth_rise="~rise" in plain and {w for w in re.findall(r"[a-z]+", lower)
                                                        if term_of(w) == "~rise"} == {"growth"})

    def _candidates(self, query: _Query) -> list[int]:
        """The CANDIDATES claims with the highest idf-weighted key overlap (ties: earlier claim first).

        Exact top-k with max-score pruning: keys are taken rarest first, and once the weight of
        the keys still to come cannot lift an unseen claim to the current k-th best score, the
        common keys only add to claims already in the running, so a frequent word never walks
        its whole posting list.
        """
        keys = sorted({k for k in query.keys if k in self.index}, key=lambda k: -self.idf[k])
        remaining = sum(self.idf[k] for k in keys)
        scores: dict[int, float] = {}
        closed = False  # no unseen claim can reach the top any more (stays true: scores only grow)
        for key in keys:
            weight = self.idf[key]
            ids = self.index[key]
            closed = closed or (len(scores) >= CANDIDATES and remaining < _kth_best(scores))
            if closed:
                if len(ids) > len(scores):
                    members = self._members(key)
                    for i in scores:
                        if i in members:
                            scores[i] += weight
                else:
                    for i in ids:
                        if i in scores:
                            scores[i] += weight
            else:
                get = scores.get
                for i in ids:
                    scores[i] = get(i, 0.0) + weight
            remaining -= weight
        if len(scores) > CANDIDATES:
            floor = _kth_best(scores)
            scores = {i: v for i, v in scores.items() if v >= floor}
        ranked = sorted(scores.items(), key=_rank)[:CANDIDATES]
        if ranked and ranked[-1][1] < ranked[0][1] * CANDIDATE_SHARE:
            # A claim that shares a small part of what the best one shares is no candidate, unless
            # it shares a figure or a year ("In October, it increased this from £6 to £10").
            least = ranked[0][1] * CANDIDATE_SHARE
            figures = [self._members(k) for k in query.keys if k.startswith("#") and k in self.index]
            ranked = [item for item in ranked if item[1] >= least or any(item[0] in m for m in figures)]
        return [i for i, _ in ranked]

    def _members(self, key: str) -> frozenset[int]:
        members = self._posting_sets.get(key)
        if members is None:
            members = self._posting_sets[key] = frozenset(self.index[key])
        return members

    def _weight(self, term: str) -> float:
        return self.idf.get(term, self.max_idf)

    def _align(self, query: _Query, prepared: _Prepared) -> _Alignment:
        from rapidfuzz import fuzz

        claim = prepared.claim
        table = self.table_for(claim.source)
        details = query.details
        al = _Alignment(prepared=prepared, coverage=0.0,
                        similarity=fuzz.token_set_ratio(query.lower, prepared.lower) / 100)
        total = 0.0
        matched = 0.0
        conflict_weight = 0.0

        # Content terms.
        excused: set[str] = set()
        for term in query.terms:
            w = self._weight(term)
            total += w
            # The words as typed count too: a lower-cased "department" is the claim's word even where
            # the claim's own copy sits inside a name ("the U.S. Department of Justice") and so was
            # never turned into a term.
            typed = query.words.get(term, ())
            # A word only of a name's other form ("south" of "South Korea" for the claim's "Seoul")
            # must come with the rest of that name.
            name_only = term in prepared.name_words and term not in prepared.tokens
            if (term in prepared.terms and not name_only) or _loose_token(term, prepared, query.lower) \
                    or term in prepared.initials or any(_loose_token(word, prepared, query.lower) for word in typed) \
                    or ((name_only or any(word in prepared.name_words for word in typed))
                        and _whole_name_given((term, *typed), prepared, _word_set(query.lower))):
                matched += w
                continue
            if term == "~describe" and claim.attribution is not None \
                    and _describer_is_speaker(details.text, claim.attribution):
                # "called the plan unacceptable" is what a speaker does by saying "it is unacceptable":
                # naming is a way of saying, when the source has the same one say it.
                matched += w
                continue
            turn = _WAY_OF.get(term)
            if turn is not None and any(q.direction == turn for q in prepared.quantities) \
                    and any(q.direction == turn for q in query.quantities):
                # "sales fell 3.7%" against "sales were down 3.7%": the figure carries the change.
                matched += w
                continue
            antonym = _antonym_in(term, prepared, query.terms)
            if antonym is not None and antonym in query.terms:
                # … unless another clause of the sentence has the opposite for it ("promised tax
                # cuts but have yet to say where they will fall" against "… will rise").
                elsewhere = antonym_partners(term) & prepared.sibling_terms
                antonym = min(elsewhere - set(query.terms), default=antonym)
            if antonym is not None and antonym in query.terms:
                # The assertion says the opposite word itself, of something else: "cut crime …
                # without raising taxes" against "cut crime … without asking people to pay more
                # taxes" has its own "cut"; the source's is no answer to "raising". Nor may the
                # word be lent from the sentences around: the source has its opposite here.
                excused.add(term)
                al.unmatched.append(term)
                continue
            if antonym is None and any(t in prepared.terms for t in _SAME_DIRECTION.get(term, ())):
                matched += w  # after the antonyms: "rate falls … cutting appetite" has a rise
                continue
            if antonym is not None:
                conflict_weight += w
                al.conflicts.append(Difference(kind=DifferenceKind.NEGATION, asserted=_show(term),
                                               source=_show(antonym)))
                al.conflict_reasons.append(
                    f"the source says {_show(antonym)!r} where the assertion says {_show(term)!r}")
                continue
            al.unmatched.append(term)

        # A typing slip in either text ("campaiging" for "campaigning"): a long word one letter off.
        if al.unmatched:
            slips = [t for t in al.unmatched if _misspelt_in(t, query.words.get(t, ()), prepared)]
            if slips:
                matched += sum(self._weight(t) for t in slips)
                al.unmatched = [t for t in al.unmatched if t not in slips]

        # A clause without a subject of its own ("… but agreed unanimously to introduce a ban")
        # has the sentence's: a word or two of it ("the Scottish Executive considered options").
        if 1 <= len(al.unmatched) <= 2 and all(t in prepared.subject_terms for t in al.unmatched):
            matched += sum(self._weight(t) for t in al.unmatched)
            al.unmatched = []

        # A full name typed in lower case ("aaron hernandez") where the claim has the surname the
        # article uses after first mention ("Hernandez"): the article's own full name binds them.
        if al.unmatched:
            completed = self._completed_names(query.lower, prepared, query.spelled)
            if completed:
                matched += sum(self._weight(t) for t in al.unmatched if t in completed)
                al.unmatched = [t for t in al.unmatched if t not in completed]

        # A name the article shortens after first mention ("Care" for "Care International"): the
        # rest of it, typed as words, is in the full name a sentence before gives.
        if al.unmatched and not _is_headline(prepared):
            rest = self._shortened_name_words(al.unmatched, prepared)
            if rest:
                matched += sum(self._weight(t) for t in rest)
                al.unmatched = [t for t in al.unmatched if t not in rest]

        # "denied the report" stands for the report an earlier sentence describes: an assertion may
        # describe it too ("denies WSJ report on Korea troop cut").
        if al.unmatched and len(al.unmatched) <= 3 and _THE_REPORT.search(prepared.lower) \
                and _REPORT_ON_RE.search(query.lower):
            described = self._report_description(prepared)
            lent = [t for t in al.unmatched if t in described or any(d in described
                                                                     for d in _SAME_DIRECTION.get(t, ()))]
            if len(lent) == len(al.unmatched):
                matched += sum(self._weight(t) for t in lent)
                al.unmatched = []

        # News sentences lean on their headline and their neighbours for the topic ("the Budget",
        # "the projects", "mortgage"): one content word may come from the source's title or the
        # sentences either side. Figures, names and polarity are still checked against this claim.
        if excused.intersection(al.unmatched) or any(t in _WAY_OF for t in al.unmatched):
            # A word of change is a detail the sentence must give itself: the headline's "widens"
            # is not lent to "the deficit … was $19.6bn, down from $19.7bn".
            pass
        elif len(al.unmatched) == 1 and len(query.terms) >= 3 \
                and not _subject_taken(al.unmatched[0], query, prepared, self._source_names_of(prepared)) and (
                (al.unmatched[0] in prepared.title_terms
                 and self._title_name_whole(al.unmatched[0], prepared.source, _word_set(query.lower))
                 and not _names_a_described_place(al.unmatched[0], query, prepared)
                 and not _names_another_actor(al.unmatched[0], query, prepared))
                or (not _is_headline(prepared)
                    and any(al.unmatched[0] in self.prepared[j].terms
                            and not _proper_in(al.unmatched[0], self.prepared[j])
                            and not (details.polarity == Polarity.AFFIRMED
                                     and _denies_term(self.prepared[j], al.unmatched[0]))
                            and not (_CERTAINTY[self.prepared[j].claim.stance] < _CERTAINTY[claim.stance]
                                     and _stated_as_done(al.unmatched[0], query))
                            for j in prepared.context))):
            # (Not from a neighbour that denies it: "It is not about specific issues local to
            # Wales" lends no "specific" to "This is a strike about national issues"; nor from one
            # that only plans or weighs it: "the Tories would scrap 162 quangos" lends no "scrapped".)
            matched += self._weight(al.unmatched.pop())
            al.lent = True
        elif (1 <= len(al.unmatched) <= 2 \
                and len(query.terms) + len(query.entities) + len(query.quantities) >= 2 + len(al.unmatched) \
                and not _is_headline(prepared) \
                and (_ANAPHOR_RE if len(al.unmatched) == 2 else _PLURAL_ANAPHOR_RE).search(prepared.text)) \
                or (len(al.unmatched) == 1 and len(query.terms) + len(query.quantities) >= 2
                    and _SUBJECT_IT_RE.match(prepared.text) and not _is_headline(prepared)):
            # "It has lost 7% this year" after "The dollar has weakened …": a sentence whose
            # subject is "it" is about what the sentence before names.
            # "In October, it increased this from £6 to £10": "it" and "this" stand for what the
            # sentence before names (BA, its fuel surcharge). Two words may come from there.
            before = [j for j in prepared.context if self.prepared[j].claim.start < claim.start]
            if any(all(t in self.prepared[j].terms and not _proper_in(t, self.prepared[j])
                       and not (details.polarity == Polarity.AFFIRMED and _denies_term(self.prepared[j], t))
                       for t in al.unmatched) for j in before):
                matched += sum(self._weight(t) for t in al.unmatched)
                al.unmatched = []
                al.lent = True

        # A word the source has, and its opposite too: which of them goes with the asserted
        # neighbour ("fewer votes" against "more votes but fewer MPs")?
        for term in query.terms:
            if term in prepared.terms and antonym_partners(term) & prepared.terms:
                nominal = _nominal_flip(details.text, prepared.text, term)
                flip = None if nominal == ("", "") else nominal or _attached_flip(details.text, prepared.text, term)
                if flip is not None:
                    matched -= self._weight(term)
                    conflict_weight += self._weight(term)
                    al.conflicts.append(Difference(kind=DifferenceKind.NEGATION, asserted=flip[0], source=flip[1]))
                    al.conflict_reasons.append(f"the source says {flip[1]!r}, not {flip[0]!r}")
                    break

        if prepared.rejected and not _REJECTED_RE.search(query.lower):
            stated = [t for t in query.terms if t in prepared.rejected]
            if stated:
                al.conflicts.append(Difference(kind=DifferenceKind.NEGATION, asserted=_show(stated[0]),
                                               source="rather than " + _show(stated[0])))
                al.conflict_reasons.append(f"the source gives {_show(stated[0])!r} only as the alternative "
                                           "turned down")

        degree = _degree_flipped(query.lower, prepared.lower) if query.degrees else None
        if degree is not None and all(_match_entity(e, claim.entities, table) is not None for e in query.entities) \
                and bool(query.terms) and (query.terms[0] in prepared.terms or query.terms[0] in prepared.tokens):
            # (Of the same subject: "Ivory Coast is the biggest producer" is not answered by
            # "Nigeria is the fourth-largest".)
            mine_degree, their_degree = degree
            conflict_weight += self.max_idf
            al.conflicts.append(Difference(kind=DifferenceKind.NEGATION, asserted=mine_degree, source=their_degree))
            al.conflict_reasons.append(f"the source says {their_degree!r}, not {mine_degree!r}")
        flipped = _order_flipped(details.text, prepared.text) if query.orders else None
        if flipped is not None:
            mine_order, their_order = flipped
            conflict_weight += self.max_idf
            al.conflicts.append(Difference(kind=DifferenceKind.NEGATION, asserted=mine_order, source=their_order))
            al.conflict_reasons.append(f"the source says {their_order!r}, not {mine_order!r}")

        for term in query.cue_terms:
            antonym = _antonym_in(term, prepared)
            if antonym is not None:
                al.conflicts.append(Difference(kind=DifferenceKind.NEGATION, asserted=_show(term),
                                               source=_show(antonym)))
                al.conflict_reasons.append(
                    f"the source says {_show(antonym)!r} where the assertion says {_show(term)!r}")

        # Entities.
        claim_matched: set[int] = set()
        pairs: list[tuple[Entity, Entity]] = []
        missing: list[Entity] = []
        for entity in query.entities:
            w = self.max_idf
            total += w
            hit = _match_entity(entity, claim.entities, table)
            if entity.kind == EntityKind.PLACE and _city_as_place(details.text, entity):
                # "prices in London" are not "UK house prices": as a place, a capital is the city.
                city = (entity.text or entity.name).lower()
                hit = next((i for i, e in enumerate(claim.entities) if (e.text or e.name).lower() == city), None)
                if hit is None:
                    if all(w in prepared.tokens for w in _name_tokens(city)):
                        matched += w
                    else:
                        missing.append(entity)
                    continue
            elif hit is not None and entity.kind == EntityKind.PLACE \
                    and _city_for_country(details.text, entity, prepared.text, claim.entities[hit]):
                hit = None
            if hit is not None:
                claim_matched.add(hit)
                pairs.append((entity, claim.entities[hit]))
                matched += w
                role_gap = _role_conflict(entity, claim, claim.entities[hit], table, prepared.main_org,
                                          details.text)
                if role_gap is None and entity.role:
                    # The asserted role is another person's in the source ("correspondent David
                    # Blunkett" against "correspondent, Daniel Sandford, … his predecessor, David Blunkett").
                    holder = _role_holder(entity.role, claim.entities, hit, table)
                    if holder is not None:
                        role_gap = holder.role
                        al.conflict_reasons.append(f"the source gives the role {entity.role!r} to {holder.name}, "
                                                   f"not {claim.entities[hit].name}")
                elif role_gap is not None:
                    al.conflict_reasons.append(f"the source describes {claim.entities[hit].name} as "
                                               f"{role_gap}, not {entity.role}")
                if role_gap is not None:
                    al.conflicts.append(Difference(kind=DifferenceKind.ROLE, asserted=entity.role,
                                                   source=role_gap))
                    # The words of the wrong role are the disputed detail, not missing content:
                    # they must not pull the claim below the topic floor of a contradiction.
                    role_terms = set(content_terms(entity.role or ""))
                    disputed = [t for t in al.unmatched if t in role_terms]
                    if disputed:
                        al.unmatched = [t for t in al.unmatched if t not in role_terms]
                        conflict_weight += sum(self._weight(t) for t in disputed)
            elif _entity_key(entity.name) in prepared.terms or _tokens_present(entity, prepared, query.lower) \
                    or entity.name.lower() in prepared.initials \
                    or _lowercase_part_of(entity, claim.entities, query.lower):
                matched += w
            else:
                missing.append(entity)
        if pairs:
            # A one-word name the assertion opens with is no entity to the tagger ("Guidant has
            # agreed to buy …"), yet the claim names it: pair it, so who did what to whom is checked.
            pairs.extend(_untagged_pairs(details.text, query.entities, claim.entities, claim_matched))
        swap = _attachment_swap(details.text, prepared.text, pairs) \
            if len(pairs) > 1 and query.relation else None
        if swap is not None:
            word, mine, theirs = swap
            al.conflicts.append(Difference(kind=DifferenceKind.ROLE, asserted=f"{word} {mine}",
                                           source=f"{word} {theirs}"))
            al.conflict_reasons.append(f"the source says {word!r} of {theirs}, not of {mine}")
        al.pairs = pairs if swap is None else []
        kin_swap = _possessive_swap(details.text, prepared.text) \
            if "'s " in details.text or "’s " in details.text else None
        if kin_swap is not None:
            conflict_weight += self.max_idf
            al.conflicts.append(Difference(kind=DifferenceKind.ROLE, asserted=kin_swap[0], source=kin_swap[1]))
            al.conflict_reasons.append(f"the source says {kin_swap[1]!r}, not {kin_swap[0]!r}")
        place_swap = _place_modifier_swap(details.text, query.entities, prepared.text, claim.entities, pairs, table)
        if place_swap is not None:
            name, mine_place, their_place = place_swap
            conflict_weight += self.max_idf
            al.conflicts.append(Difference(kind=DifferenceKind.ENTITY, asserted=f"{mine_place} {name}",
                                           source=f"{their_place} {name}"))
            al.conflict_reasons.append(f"the source places {name} in {their_place}, not {mine_place}")
        # An office the claim names in place of the asserted one ("president" for "prime minister").
        mine_only = query.offices - prepared.offices
        theirs_only = prepared.offices - query.offices
        if mine_only and theirs_only:
            asserted_office, source_office = min(mine_only), min(theirs_only)
            al.conflicts.append(Difference(kind=DifferenceKind.ROLE, asserted=asserted_office, source=source_office))
            al.conflict_reasons.append(f"the source says {source_office}, not {asserted_office}")
            office_terms = {t for office in mine_only for t in content_terms(office)}
            disputed = [t for t in al.unmatched if t in office_terms]
            if disputed:
                al.unmatched = [t for t in al.unmatched if t not in office_terms]
                conflict_weight += sum(self._weight(t) for t in disputed)
        # The speaker of the claim counts as one of its entities, and so does a name another clause
        # of the same sentence gives where this clause names nothing of its kind.
        found = [e for e in missing
                 if (prepared.speaker is not None and _match_entity(e, [prepared.speaker], table) is not None)
                 or (prepared.shared and _match_entity(e, prepared.shared, table) is not None)
                 or (prepared.main_org is not None and (_match_entity(e, [prepared.main_org], table) is not None
                                                        or e.name.lower() == _initials(prepared.main_org.name)))
                 or (e.kind == EntityKind.PLACE and _title_place(e, prepared))
                 or (e.kind in _AGENTS and self._earlier_report_by(e, prepared, table))
                 or self._presenter_of_it(e, prepared, table)
                 or self._shortened_name_words(_name_tokens(e.name)[1:], prepared, _name_tokens(e.name))
                 or (_THE_REPORT.search(prepared.lower) is not None and _REPORT_ON_RE.search(query.lower) is not None
                     and all(term_of(t) in self._report_description(prepared) for t in _name_tokens(e.text or e.name)))]
        if found:
            matched += self.max_idf * len(found)
            missing = [e for e in missing if not any(e is f for f in found)]
        for entity in missing:
            swapped = _swap_partner(entity, claim, claim_matched, query.entities, table,
                                    self._known_in_source(entity, claim.source), details.text)
            w = self.max_idf
            if swapped is not None:
                kind = DifferenceKind.ROLE if swapped.role is None and _in_role(swapped, claim) \
                    else DifferenceKind.ENTITY
                # A place is usually where the fact holds ("troops in Japan"): another subject.
                # In the slot of a verb's object ("deterring China" against "deterring North
                # Korea") it is a detail of the same fact.
                slot = _slot_word(details.text, entity.start)
                object_slot = slot is not None and slot not in _PHRASE_PREPOSITIONS and term_of(slot) is not None \
                    and slot == _slot_word(claim.sentence, swapped.start)
                # Where a named person did something is a detail of the deed: "Hassan was
                # abducted in Basra" against "… abducted in Baghdad".
                event_place = any(i in claim_matched and e.kind == EntityKind.PERSON
                                  for i, e in enumerate(claim.entities)) \
                    and _two_words_before(details.text, entity.start) is not None \
                    and _two_words_before(details.text, entity.start) == _two_words_before(claim.sentence,
                                                                                            swapped.start)
                if (entity.kind == EntityKind.PLACE or swapped.kind == EntityKind.PLACE) and not object_slot \
                        and not event_place:
                    al.gaps.append(Difference(kind=DifferenceKind.ENTITY, asserted=entity.text,
                                              source=swapped.text or swapped.name))
                    al.gap_reasons.append(
                        f"the source is about {swapped.text or swapped.name}, not {entity.text}")
                else:
                    conflict_weight += w
                    al.conflicts.append(Difference(kind=kind, asserted=entity.text,
                                                   source=swapped.text or swapped.name))
                    al.conflict_reasons.append(
                        f"the source names {swapped.text or swapped.name}, not {entity.text}")
                    al.replacements.append((entity.start, entity.end, swapped.text or swapped.name))
            else:
                al.gaps.append(Difference(kind=DifferenceKind.ENTITY, asserted=entity.text, source=None))
                al.gap_reasons.append(f"the source does not mention {entity.text}")

        # Numbers.
        source_quantities = prepared.quantities
        if prepared.firm_quantities is not None and details.stance not in _HEDGED_STANCES:
            source_quantities = prepared.firm_quantities
        other_thing = False
        rate_matched = False
        matched_figures: list[tuple[Quantity, Quantity]] = []
        for q, own_terms in zip(query.quantities, query.local_terms, strict=True):
            w = self.max_idf
            total += w
            status, other = _match_quantity(q, source_quantities, prepared.text, own_terms, details.text)
            if status == "unknown" and q.value == 1 and q.text.lower() == "one" and "one" in prepared.tokens:
                status = "word"  # "one option" against the source's "one potential option", read as no figure
            misbound = _misbound(q, other, details.text, prepared.text, query.terms, source_quantities) \
                if status == "match" and other is not None else None
            if misbound is None and status == "match" and other is not None and q.unit == "%":
                mine_of, theirs_of = _share_of(details.text, q), _share_of(prepared.text, other)
                if mine_of is not None and theirs_of is not None and mine_of[0] != theirs_of[0]:
                    misbound = (mine_of[1], None)  # "70% of Scots" against "70% of smokers"
            turned = _figure_turned(own_terms, other, source_quantities, prepared.text) \
                if misbound is None and status == "match" and other is not None else None
            if turned is not None:
                conflict_weight += w
                al.conflicts.append(Difference(kind=DifferenceKind.NEGATION, asserted=_show(turned[0]),
                                               source=_show(turned[1])))
                figure_text = other.text if other is not None else q.text
                al.conflict_reasons.append(f"the source says {_show(turned[1])!r} of {figure_text}, "
                                           f"not {_show(turned[0])!r}")
                continue
            bound_figure = misbound[1] if misbound is not None else None
            if misbound is not None and bound_figure is not None:
                # The subject's own figure is another one ("…, men until 78").
                conflict_weight += w
                al.conflicts.append(Difference(kind=DifferenceKind.NUMBER, asserted=q.text,
                                               source=bound_figure.text))
                al.conflict_reasons.append(
                    f"the source gives {bound_figure.text} for {_show(misbound[0])!r}, not {q.text}")
                al.replacements.append((q.start, q.end, bound_figure.text))
            elif misbound is not None:
                al.gaps.append(Difference(kind=DifferenceKind.NUMBER, asserted=q.text, source=other.text
                                          if other is not None else None))
                al.gap_reasons.append(f"the source gives {q.text} for something else, not for {misbound[0]!r}")
            elif status in {"match", "word"}:
                matched += w
                rate_matched = rate_matched or (status == "match" and q.unit == "%")
                if status == "match" and other is not None:
                    matched_figures.append((q, other))
            elif status == "conflict" and other is not None and not self._counts_other_thing(
                    other, prepared.text, query, claim.entities):
                conflict_weight += w
                if q.direction and other.direction and _quantity_fits(replace(q, direction=None),
                                                                        replace(other, direction=None)):
                    # The same figure the other way ("fell 5%" against "rose 5%"): the word of
                    # change differs, which the reason names once.
                    way = {Direction.UP: "a rise", Direction.DOWN: "a fall"}
                    al.conflicts.append(Difference(kind=DifferenceKind.NUMBER,
                                                   asserted=f"{q.text} ({way[q.direction]})",
                                                   source=f"{other.text} ({way[other.direction]})"))
                    if not any(d.kind == DifferenceKind.NEGATION for d in al.conflicts):
                        al.conflict_reasons.append(f"the source gives {other.text} as {way[other.direction]}, "
                                                   f"not {way[q.direction]}")
                else:
                    al.conflicts.append(Difference(kind=DifferenceKind.NUMBER, asserted=q.text, source=other.text))
                    al.conflict_reasons.append(f"the source gives {other.text}, not {q.text}")
                    al.replacements.append((q.start, q.end, other.text))
            else:
                if status == "conflict":
                    other_thing = True
                al.gaps.append(Difference(kind=DifferenceKind.NUMBER, asserted=q.text, source=None))
                al.gap_reasons.append(f"the source gives no figure of {q.text} for this")
        # "GDP growth of 3.2%" against "GDP is expected at 3.2%": the noun names the rate the figure
        # measures, not a change the source leaves out. A source word of the other direction is
        # still a conflict (found above, with the other terms).
        if rate_matched and "~rise" in al.unmatched and query.growth_rise:
            al.unmatched.remove("~rise")
            matched += self._weight("~rise")
        if query.growth_rise and any(_level_role(prepared.text, theirs) == "to" and theirs.unit == "%"
                                     for _, theirs in matched_figures):
            # "growth was 2.1%" against "growth fell to 2.1%": the level the rate came to, not a rise.
            kept = [i for i, c in enumerate(al.conflicts) if not (c.kind == DifferenceKind.NEGATION
                                                                   and c.asserted == _show("~rise"))]
            if len(kept) < len(al.conflicts):
                al.conflict_reasons = [al.conflict_reasons[i] for i in kept]
                al.conflicts = [al.conflicts[i] for i in kept]
                matched += self._weight("~rise")
                conflict_weight -= self._weight("~rise")
        if other_thing and not any(c.kind == DifferenceKind.NUMBER for c in al.conflicts):
            # The claim's figures count something else ("a 2% to 3% rise in revenue" against
            # "profits will fall 40%"): so do its words of change; "rise" is no answer to "fall".
            moved = [i for i, c in enumerate(al.conflicts)
                     if c.kind == DifferenceKind.NEGATION and c.asserted in _CHANGE_SHOWN]
            for i in reversed(moved):
                al.conflicts.pop(i)
                al.gap_reasons.append(al.conflict_reasons.pop(i))

        # Dates: resolved against the candidate's own publication date.
        if details.dates:
            for d in query.dates_as_of(prepared.source.published):
                w = self.max_idf
                total += w
                status_d, other_d = _match_date(d, _dates_for(d, details.text, claim.dates, prepared.text))
                if status_d == "match":
                    matched += w
                    for fig, source_fig in matched_figures:
                        if other_d is None or not _figure_dated(details.text, fig, d):
                            continue
                        year_fig = _crossed_pair(source_fig, other_d, source_quantities, claim.dates, prepared.text)
                        if year_fig is None or _match_quantity(fig, [year_fig])[0] == "match":
                            continue
                        # "3.2% in 2004, and 2.8% in 2005" asserted as "3.2% in 2005": both details are in
                        # the sentence, but the source gives the year its own figure.
                        matched -= self.max_idf
                        conflict_weight += self.max_idf
                        al.conflicts.append(Difference(kind=DifferenceKind.NUMBER, asserted=fig.text,
                                                       source=year_fig.text))
                        al.conflict_reasons.append(
                            f"the source gives {year_fig.text} for {other_d.text}, not {fig.text}")
                        al.replacements.append((fig.start, fig.end, year_fig.text))
                elif status_d == "conflict" and other_d is not None and any(
                        _figure_dated(details.text, fig, d)
                        and _RELATIVE_TIME_AFTER_RE.match(prepared.text, source_fig.end) is not None
                        for fig, source_fig in matched_figures):
                    # "2.5% in 2002" against "2.9% in 2001 and 2.5% a year later": the source's 2001
                    # belongs to another figure; what it dates 2.5% by, it does not say as a date.
                    al.gaps.append(Difference(kind=DifferenceKind.DATE, asserted=d.text, source=None))
                    al.gap_reasons.append(f"the source gives no date {d.text!r} for this")
                elif status_d == "conflict" and other_d is not None:
                    conflict_weight += w
                    al.conflicts.append(Difference(kind=DifferenceKind.DATE, asserted=d.text,
                                                   source=other_d.text))
                    al.conflict_reasons.append(f"the source gives {other_d.text}, not {d.text}")
                    al.replacements.append((d.start, d.end, other_d.text))
                else:
                    al.gaps.append(Difference(kind=DifferenceKind.DATE, asserted=d.text, source=None))
                    al.gap_reasons.append(f"the source gives no date {d.text!r} for this")

        denom = total - conflict_weight
        al.coverage = matched / denom if denom > 0 else 0.0
        if al.coverage < TOPIC_FOR_RELATED:
            # Too little in common to support, contradict or be named: what follows only adds
            # conflicts and gaps, which no verdict or reason would read.
            return al

        # Polarity. "X denies P" asserts what "X said not P" does.
        asserted_polarity = details.polarity
        if details.stance == Stance.DENIED and claim.stance != Stance.DENIED:
            asserted_polarity = Polarity.AFFIRMED if asserted_polarity == Polarity.NEGATED else Polarity.NEGATED
        claim_polarity = claim.polarity
        if prepared.scoped_negation and not prepared.scoped_negation.intersection(query.terms):
            claim_polarity = Polarity.AFFIRMED
        elif claim_polarity == Polarity.NEGATED and query.terms and _within_concession(query.terms, prepared.text):
            # "little evidence the MoD had improved, despite the introduction of a policy six years
            # ago": the policy's introduction is stated, not denied.
            claim_polarity = Polarity.AFFIRMED
        if asserted_polarity != claim_polarity and details.polarity == Polarity.AFFIRMED \
                and _SPEECH_ACT_RE.search(details.text):
            pass  # "The ministry made the statement on Friday": no content whose polarity could differ
        elif asserted_polarity != claim_polarity:
            asserted_neg = details.negation if details.polarity == Polarity.NEGATED else "affirmed"
            source_neg = "negated" if claim_polarity == Polarity.NEGATED else "affirmed"
            al.conflicts.append(Difference(kind=DifferenceKind.NEGATION,
                                           asserted=asserted_neg if asserted_neg else "negated",
                                           source=source_neg))
            al.conflict_reasons.append(
                "the source says the opposite" + (" (it is negated there)"
                                                  if claim_polarity == Polarity.NEGATED
                                                  else " (the assertion negates it)"))
            quantified = _quantifier_disputed(details.text, prepared.lower, al.unmatched)
            if quantified is not None:
                # "clear evidence" against "little evidence": the word in place of the source's
                # "little" is the disputed detail, not missing content.
                al.unmatched.remove(quantified)
                conflict_weight += self._weight(quantified)
                denom = total - conflict_weight
                al.coverage = matched / denom if denom > 0 else 0.0

        elif asserted_polarity == Polarity.NEGATED and claim_polarity == Polarity.NEGATED:
            if _NOT_THE_ONLY_RE.search(prepared.text) and not _ONLY_RE.search(details.text):
                # "isn't the only contingent of Western forces" says it is one; "isn't a Western
                # force" says the opposite. Under a negation, "only" is the whole point.
                al.gaps.append(Difference(kind=DifferenceKind.NEGATION, asserted=details.negation or "not",
                                          source="not the only"))
                al.gap_reasons.append("the source says 'not the only', which the assertion drops")
            # Both negated, but maybe not the same thing: "That claim was not repeated in X's book, a
            # book which is nowhere near its end" against "That claim was repeated in X's book, …".
            loose = _negation_misplaced(details.text, prepared.text)
            if loose is not None:
                al.conflicts.append(Difference(kind=DifferenceKind.NEGATION, asserted=f"not {loose}",
                                               source="affirmed"))
                al.conflict_reasons.append(f"the source does not negate {loose!r}")

        # Certainty and attribution.
        self._compare_commitment(query, claim, table, al)
        return al

    def _conditional(self, prepared: _Prepared) -> bool:
        """Is the claim hedged only by a condition ("faces ten years in prison if found guilty, the
        indictment says")? The condition is the source's; an assertion that keeps it need not name
        who stated it."""
        if prepared.claim.stance != Stance.CONSIDERED:
            return False
        return _considered_cue(prepared).lower() in {"if", "unless"}

    def _outside_hedge(self, query: _Query, al: _Alignment) -> bool:
        """Does the assertion state only what the source says outside its hedge? "The statement
        was a response to a newspaper report" rests on "… in response to a report suggesting the
        government was considering new taxes" whatever the report said."""
        details = query.details
        prepared = al.prepared
        if prepared.hedge_scope is None:
            prepared.hedge_scope = _hedge_scope(prepared)
        terms, names, figures = prepared.hedge_scope
        if not terms and not names:
            return False  # no hedge found in the clause: the whole of it is hedged
        if figures and (details.quantities or details.dates):
            return False  # the hedge governs a figure or a date, which the assertion may restate
        return not (terms & set(query.terms)) and not (names & {e.name for e in query.entities})

    def _compare_commitment(self, query: _Query, claim: Claim, table: AliasTable,
                            al: _Alignment) -> None:
        details = query.details
        if al.prepared.question:
            al.gaps.append(Difference(kind=DifferenceKind.CERTAINTY, asserted=details.stance.value,
                                      source="question"))
            al.gap_reasons.append("the source only asks this")
        # "Jo Pym called the plan a step in the wrong direction": the describer is the speaker named.
        describer = details.attribution is None and claim.attribution is not None \
            and "~describe" in query.terms and _describer_is_speaker(details.text, claim.attribution)
        if details.attribution is None and al.prepared.speaker_only and not describer:
            used = al.prepared.speaker_only & _word_set(details.text.lower())
            if used:
                who = claim.attribution.who if claim.attribution else " ".join(sorted(used))
                al.gaps.append(Difference(kind=DifferenceKind.ATTRIBUTION, asserted=None, source=who))
                al.gap_reasons.append(f"the source names {who} only as the one who said it")
        repeated = _repeated_names(details.text.lower(), al.prepared)
        if repeated:
            al.gaps.append(Difference(kind=DifferenceKind.ENTITY, asserted=repeated, source=repeated))
            al.gap_reasons.append(f"the assertion names {repeated} more often than the source does")
        if details.stance == Stance.CONSIDERED and claim.stance == Stance.DENIED \
                and _RULED_OUT_RE.search(al.prepared.text) and not _RULED_OUT_RE.search(details.stance_cue or ""):
            # "has not ruled out amending the law" against "has ruled out amending the law".
            al.conflicts.append(Difference(kind=DifferenceKind.NEGATION, asserted=details.stance_cue or "considered",
                                           source="ruled out"))
            al.conflict_reasons.append("the source says this was ruled out")
            return
        if details.stance == Stance.PLANNED and claim.stance in {Stance.ASSERTED, Stance.REPORTED} \
                and ((details.stance_cue or "").lower() in {"will", "'ll", "won't"}
                     or _HEADLINE_TO_RE.search(details.text)) \
                and not _FUTURE_RE.search(al.prepared.text) and not _UNDER_WAY_RE.search(al.prepared.text):
            # "The dollar will fall even further" against "the dollar has tumbled to a new low": what
            # has happened says nothing of what will.
            al.gaps.append(Difference(kind=DifferenceKind.CERTAINTY, asserted="planned", source="asserted"))
            al.gap_reasons.append("the source reports what has happened, not what will")
        if details.stance in {Stance.PLANNED, Stance.ASSERTED} and _promises(al.prepared.text) \
                and not _PROMISE_RE.search(details.text):
            # "he promised to end teenage unemployment" is a pledge, not what will happen.
            al.gaps.append(Difference(kind=DifferenceKind.CERTAINTY, asserted=details.stance.value, source="promised"))
            al.gap_reasons.append("the source gives this only as a promise")
        if details.polarity == Polarity.AFFIRMED and not _CALLS_FOR_RE.search(query.lower) \
                and len(_called_for(al.prepared.text) & set(query.terms)) >= 2:
            # "prompted calls for a lowering of the voting age to 16" is a demand, not a plan.
            al.gaps.append(Difference(kind=DifferenceKind.CERTAINTY, asserted=details.stance.value,
                                      source="called for"))
            al.gap_reasons.append("the source reports only calls for this")
        reported = _reported_inside(al.prepared.text)
        if reported and details.attribution is None and len(reported & set(query.terms)) >= 2 \
                and len(set(query.terms) - reported) <= len(set(query.terms)) // 2:
            # "criticised a union leader who said conflict … was harming the workings of government":
            # what the union leader said is his claim, not the article's.
            al.gaps.append(Difference(kind=DifferenceKind.ATTRIBUTION, asserted=None, source="who said"))
            al.gap_reasons.append("the source gives this only as what someone it names said")
        if _seen_as(al.prepared.text) and not _SEEN_AS_RE.search(details.text):
            # "Some analysts see the merger as a rescue deal for May": a view, not the deal's nature.
            al.gaps.append(Difference(kind=DifferenceKind.CERTAINTY, asserted=details.stance.value, source="a view"))
            al.gap_reasons.append("the source gives this only as how some see it")
        asserted_rank = _CERTAINTY[details.stance]
        if details.stance == Stance.CONSIDERED and _hedge_is_content(details.text, details.stance_cue, al.prepared):
            # "held talks with potential buyers" against "speculation that he had held talks with
            # potential buyers": "potential" is a word of the buyers in both, no hedge of the talks.
            asserted_rank = _CERTAINTY[Stance.ASSERTED]
        source_rank = _CERTAINTY[claim.stance]
        speaker = claim.attribution
        outside = claim.stance == Stance.CONSIDERED and asserted_rank > source_rank \
            and self._outside_hedge(query, al)
        if asserted_rank > source_rank and not outside:
            cue = claim.stance.value
            who = f" by {speaker.describe()}" if speaker else ""
            al.gaps.append(Difference(kind=DifferenceKind.CERTAINTY, asserted=details.stance.value,
                                      source=cue))
            al.gap_reasons.append(f"the source only reports this as {cue}{who}")
        # A plan or schedule an authority announces ("X will be arraigned on April 14, the DA's office
        # said") is a statement of record; a plan a news report relays, or a speaker's promise about
        # their own conduct ("he was set to meet his rules"), stays theirs.
        planned_hedge = claim.stance == Stance.PLANNED and speaker is not None and (
            speaker.verb in {"report", "reported"} or bool(_SELF_PLAN_RE.search(al.prepared.text))
            or bool(_IN_A_STUDY_RE.search(al.prepared.text)) or _commentator(speaker, claim, al.prepared.text)
            # What nobody schedules: "a clearer picture would emerge within weeks, he added".
            or bool(_FORECAST_EVENT_RE.search(al.prepared.text))
            # A person's own words of what will happen, quoted: '"Rural areas will be hit hardest."'
            or ((_WHOLLY_QUOTED_RE.match(al.prepared.text) is not None or _future_quoted(al.prepared.text))
                and _person_speaker(speaker, table)))
        hedged = planned_hedge or (claim.stance in {Stance.CONSIDERED, Stance.DENIED} and not outside
                                   and not self._conditional(al.prepared)) \
            or (speaker is not None and _ANONYMOUS_RE.search(speaker.who) is not None) \
            or (speaker is not None and _advocate(speaker, al.prepared.text)) \
            or (speaker is not None and speaker.verb == "say" and self._outlet_speaker(speaker, claim.source)) \
            or (speaker is not None and claim.stance in {Stance.REPORTED, Stance.ASSERTED}
                and _commentator(speaker, claim, al.prepared.text, "assessors")) \
            or (speaker is not None and _NORMATIVE_RE.search(al.prepared.text) is not None
                and _NORMATIVE_RE.search(details.text) is not None) \
            or (speaker is not None and not details.quantities and _characterises(details.text)) \
            or (speaker is not None and _in_quotes(query.terms, al.prepared.text)
                and (_COURTESY_RE.match(speaker.who) is not None or _person_speaker(speaker, table)
                     or any(e.kind == EntityKind.PERSON and e.name in {speaker.entity, speaker.who}
                            for e in claim.entities))) or (
            speaker is not None and speaker.verb in _OPINION_VERBS)
        asserted_speaker = details.attribution
        if speaker is not None and asserted_speaker is not None:
            head = _speaker_head_dropped(asserted_speaker.who, speaker.who)
            if head is not None:
                # "Tehran's chief" for "Tehran's chief justice": the word that names the office is gone.
                al.gaps.append(Difference(kind=DifferenceKind.ATTRIBUTION, asserted=asserted_speaker.who,
                                          source=speaker.who))
                al.gap_reasons.append(f"the source's speaker is {speaker.who}, not {asserted_speaker.who}")
            # A person's employer, where the article is about it, may stand in the asserted role.
            org = al.prepared.main_org if any(
                e.kind == EntityKind.PERSON and speaker.entity == e.name for e in claim.entities) else None
            if not self._same_speaker(asserted_speaker, speaker, claim.source) and not (
                    org is not None and self._same_speaker(
                        asserted_speaker, replace(speaker, role=f"{org.name} {speaker.role or ''}".strip()),
                        claim.source)):
                described = self._described_otherwise(asserted_speaker, speaker, claim)
                if _bracketed_alias(asserted_speaker.who, speaker.who, claim.sentence):
                    pass  # "IBGE said" for "The Brazilian Institute for Geography and Statistics (IBGE) said"
                elif described is not None:
                    # The same person, with words of description the source's speaker phrase lacks
                    # ("Analyst Bill Armstrong" for "Mr Armstrong"): given elsewhere in the article,
                    # they agree; given nowhere, they are not checked.
                    if described:
                        al.gaps.append(Difference(kind=DifferenceKind.ROLE, asserted=asserted_speaker.who,
                                                  source=speaker.who))
                        al.gap_reasons.append(f"the source does not describe {speaker.who} as "
                                              f"{asserted_speaker.role or asserted_speaker.who!r}")
                elif _unnamed(speaker.who) != _unnamed(asserted_speaker.who) \
                        or not _named_speaker(asserted_speaker.who, table) \
                        or not _named_speaker(speaker.who, table):
                    # "the chancellor" against "Gordon Brown": the source may well mean the same
                    # person, but does not say so.
                    al.gaps.append(Difference(kind=DifferenceKind.ATTRIBUTION,
                                              asserted=asserted_speaker.who, source=speaker.who))
                    al.gap_reasons.append(f"the source attributes this to {speaker.who}, without "
                                          f"saying that is {asserted_speaker.who}")
                else:
                    al.conflicts.append(Difference(kind=DifferenceKind.ATTRIBUTION,
                                                   asserted=asserted_speaker.who, source=speaker.who))
                    al.conflict_reasons.append(f"the source attributes this to {speaker.who}, "
                                               f"not {asserted_speaker.who}")
        elif speaker is not None and hedged and asserted_speaker is None and not describer:
            al.gaps.append(Difference(kind=DifferenceKind.ATTRIBUTION, asserted=None, source=speaker.who))
            al.gap_reasons.append(f"the source attributes this {claim.stance.value} report to "
                                  f"{speaker.describe()}; the assertion drops the attribution")
        elif speaker is None and asserted_speaker is not None and not _is_outlet_of(
                asserted_speaker, self.sources.get(claim.source), table) \
                and not (_opens_with(al.prepared.lower, asserted_speaker.who)
                         and not _words_of(asserted_speaker.who) - _DETERMINERS & set(
                             re.findall(r"[a-z0-9&]+", details.text.lower()[len(asserted_speaker.who):]))):
            al.gaps.append(Difference(kind=DifferenceKind.ATTRIBUTION, asserted=asserted_speaker.who,
                                      source=None))
            al.gap_reasons.append(f"the source does not attribute this to {asserted_speaker.who}")

    def _described_otherwise(self, a: Attribution, b: Attribution, claim: Claim) -> frozenset[str] | None:
        """Where the asserted and the source's speaker are one named person, the asserted words of
        description the article does not give that person (empty: it gives them all). None where
        they are two people, or where the source's own sentence describes the person otherwise
        (that stays a disagreement)."""
        table = self.table_for(claim.source)
        if not a.entity or not b.entity or not (a.entity == b.entity or _same_name(table, a.entity, b.entity)):
            return None
        if table.kind(b.entity) != EntityKind.PERSON and not _COURTESY_RE.match(b.who):
            return None
        names = {t for n in (a.entity, b.entity) for t in _name_tokens(n)}
        extra = frozenset(t for t in _speaker_terms(a.who, table) if not t.startswith("@") and t not in names)
        typed = _words_of(a.who)

        def fits(d: frozenset[str]) -> bool:
            # "Cochilco president" is no "Cochilco vice president": a qualifier makes another office.
            return extra <= d and not (_OFFICE_QUALIFIERS & d) - typed

        here = _descriptions_in(claim, b, table)
        if here:
            return frozenset() if any(fits(d) for d in here) else None
        descriptions = self._descriptions_of(b.entity, claim.source)
        if any(fits(d) for d in descriptions):
            return frozenset()
        # Described otherwise in the article: a disagreement. Never described: not checked.
        return None if descriptions else extra

    def _descriptions_of(self, name: str, source_id: str) -> tuple[frozenset[str], ...]:
        """Each description the source gives the person, as terms: roles, speaker phrases, appositives."""
        key = (source_id, name)
        memo = self._description_memo.get(key)
        if memo is not None:
            return memo
        table = self.table_for(source_id)
        found: list[frozenset[str]] = []
        for i in self._by_source.get(source_id, ()):
            claim = self.prepared[i].claim
            who = claim.attribution
            person = who if who is not None and who.entity and (
                who.entity == name or _same_name(table, who.entity, name)) else None
            found.extend(_descriptions_in(claim, person, table, name))
        memo = self._description_memo[key] = tuple(found)
        return memo

    def _source_names_of(self, prepared: _Prepared) -> frozenset[str]:
        """Words the source writes capitalised after a sentence's first word: its names."""
        source_id = prepared.claim.source
        names = self._capitalised_words.get(source_id)
        if names is None:
            found: set[str] = set()
            for i in self._by_source.get(source_id, ()):
                found.update(re.findall(r"(?<=[a-z,;:] )[A-Z][a-z]{2,}", self.prepared[i].claim.sentence))
                found.update(re.findall(r"\b[A-Z]{2,6}\b", self.prepared[i].claim.sentence))  # "ACC", "BP"
            names = self._capitalised_words[source_id] = frozenset(found)
        return names

    def _outlet_speaker(self, speaker: Attribution, source_id: str) -> bool:
        """Is the speaker a news outlet ("The WSJ said that the two were ripe for consolidation")?"""
        table = self.table_for(source_id)
        name = speaker.entity or speaker.who
        canonical = table.canonical(name) or table.canonical(re.sub(r"^the\s+", "", name, flags=re.I))
        return canonical is not None and table.kind(canonical) == EntityKind.OUTLET

    def _same_speaker(self, a: Attribution, b: Attribution, source_id: str) -> bool:
        # Memoised: the same few speakers are compared for candidate after candidate. The table
        # depends only on the source, and only sources with aliases of their own have their own.
        table = self.table_for(source_id)
        scope = source_id if source_id in self._scoped_aliases else ""
        key: tuple[str | None, ...] = (a.who, b.who, b.via, b.entity, b.role, scope)
        same = self._speaker_memo.get(key)
        if same is None:
            if len(self._speaker_memo) > 100_000:  # bounded over millions of assertions
                self._speaker_memo.clear()
            same = self._speaker_memo[key] = _same_speaker(a, b, table)
        return same

    def _decide(self, original: str, text: str, query: _Query, alignments: Sequence[_Alignment]) -> Result:
        content = len(query.terms) + len(query.entities) + len(query.details.quantities) + len(
            query.details.dates)
        supports = [a for a in alignments
                    if not a.conflicts and not a.gaps and not a.unmatched and a.coverage >= 0.999
                    and content > 0 and not _head_dropped(a, query.details.text)
                    and not _roles_swapped(a, query.details.text)]
        # A source's own headline only summarises its body: cite the body sentence when both fit.
        # A sentence that names its speaker itself beats one whose speaker runs on from before.
        supports.sort(key=lambda a: (_summarises(a.prepared), _speaker_elsewhere(a.prepared), -a.score))
        contradictions = [a for a in alignments if a.conflicts and a.coverage >= self._topic_floor(a)
                          and not _only_place_gap(a) and not _other_occasion(a, query.details.stance, query.cue_terms)]
        # Rounded: sums of idf weights that are equal in exact arithmetic differ in the last bits.
        contradictions.sort(key=lambda a: (-round(a.coverage, 9), _speaker_elsewhere(a.prepared), -a.score))
        # A figure or date the source gives for another part of the story is not a contradiction when
        # another claim fits the assertion at least as well without any conflict.
        clean = [a for a in alignments if not a.conflicts]
        # (Not a claim that fits only with a word lent from around it, against one that has every
        # word itself: "raise its dividend by 5%" is the dividend sentence's 11%, not the 5% of an
        # earnings forecast beside it.)
        contradictions = [c for c in contradictions
                          if not any(a.coverage >= c.coverage and _shares_more(a, c) and not (a.lent and not c.lent)
                                     for a in clean)]
        # A report the source says was denied is evidence of nothing but the report: its polarity
        # refutes no plain statement, nor one by another speaker ("Washington has ruled out any
        # withdrawal" against "a WSJ report … the US was considering removing …, denied by …").
        contradictions = [c for c in contradictions if not self._denied_report_only(c, query)]
        related = sorted(alignments, key=lambda a: -a.score)

        if supports:
            best = supports[0]
            # Sources that disagree on the same fact: say so rather than pick a side.
            rivals = [c for c in contradictions if c.prepared.source.id != best.prepared.source.id
                      and c.coverage >= best.coverage - 1e-9 and _hard_conflict(c)]
            if rivals:
                rival = rivals[0]
                result = self._result(original, Verdict.CONTRADICTED, rival, min(0.9, rival.coverage),
                                      "Sources disagree: " + "; ".join(rival.conflict_reasons)
                                      + f" ({rival.prepared.source.title}), while "
                                        f"{best.prepared.source.title} supports it.", rival.conflicts,
                                      _suggest(text, rival))
                result.corroboration = [_corroboration(best)]
                return result
            confidence = round(min(0.99, 0.6 + 0.4 * best.similarity), 3)
            who = best.prepared.claim.attribution
            reason = "The source states the same fact" + (
                f", attributed to {who.describe()}" if who and who.who.lower() not in _SPEAKER_PRONOUNS else ""
            ) + "; every checked detail agrees."
            result = self._result(original, Verdict.SUPPORTED, best, confidence, reason, [], None)
            result.corroboration = [_corroboration(a) for a in supports[1:6]]
            return result

        if contradictions:
            best = contradictions[0]
            reason = _sentence("; ".join(best.conflict_reasons))
            confidence = round(min(0.95, 0.5 + 0.45 * best.coverage), 3)
            result = self._result(original, Verdict.CONTRADICTED, best, confidence, reason,
                                  best.conflicts + best.gaps, _suggest(text, best))
            # Another sentence backs the contradiction only if it differs the same way (it gives the
            # same figure, name or date): a figure of something else is no second witness.
            found = {(d.kind, d.source) for d in best.conflicts}
            result.corroboration = [_corroboration(a) for a in contradictions[1:4]
                                    if a.prepared.claim.id != best.prepared.claim.id
                                    and a.coverage >= best.coverage - 0.1
                                    and found & {(d.kind, d.source) for d in a.conflicts}]
            return result

        if related and related[0].coverage >= TOPIC_FOR_RELATED:
            best = related[0]
            reasons = best.gap_reasons + [f"the source does not say {_show(t)!r}"
                                          for t in best.unmatched[:3]]
            if best.conflicts:
                reasons += best.conflict_reasons
            denial = self._denial_of(best)
            reason = "Not verified: " + "; ".join(reasons) if reasons else \
                "Not verified: the source covers only part of this."
            if denial:
                reason += f"; {denial}"
            return self._result(original, Verdict.UNVERIFIED, best, round(0.5 + 0.4 * best.coverage, 3),
                                _sentence(reason), best.gaps + best.conflicts, None)
        return Result(text=original, verdict=Verdict.UNVERIFIED, confidence=0.9,
                      reason="Nothing in the knowledge base covers this assertion.")

    def _topic_floor(self, al: _Alignment) -> float:
        if any(c.kind == DifferenceKind.NEGATION for c in al.conflicts) and len(al.conflicts) == 1:
            return TOPIC_FOR_NEGATION
        return TOPIC_FOR_CONTRADICTION

    def _denied_report_only(self, al: _Alignment, query: _Query) -> bool:
        kinds = {d.kind for d in al.conflicts}
        if DifferenceKind.NEGATION not in kinds or not kinds <= {DifferenceKind.NEGATION, DifferenceKind.ATTRIBUTION,
                                                                 DifferenceKind.ENTITY, DifferenceKind.ROLE}:
            return False
        claim = al.prepared.claim
        asserted = query.details.attribution
        if asserted is not None and claim.attribution is not None \
                and self._same_speaker(asserted, claim.attribution, claim.source):
            return False  # "WSJ: US rules out …" against the WSJ's own report is a contradiction
        return self._denial_of(al) is not None

    def _denial_of(self, al: _Alignment) -> str | None:
        """When the nearest claim is a report, name who in the same source denied that report."""
        claim = al.prepared.claim
        if claim.stance not in {Stance.CONSIDERED, Stance.REPORTED} or claim.attribution is None:
            return None
        for other in (self.prepared[i] for i in self._by_source.get(claim.source, ())):
            c = other.claim
            if c.id == claim.id or c.start < claim.start:
                continue
            if c.stance == Stance.DENIED and "report" in other.terms:
                denier = next((e for e in c.entities if e.kind == EntityKind.PERSON), None)
                who = f"{denier.name}" + (f", {denier.role}" if denier and denier.role else "") \
                    if denier else (c.attribution.describe() if c.attribution else "someone")
                return f"the report was denied by {who}"
        return None

    def _result(self, original: str, verdict: Verdict, al: _Alignment, confidence: float, reason: str,
                differences: list[Difference], suggestion: str | None) -> Result:
        claim = al.prepared.claim
        return Result(
            text=original,
            verdict=verdict,
            confidence=confidence,
            reason=reason,
            evidence=claim.sentence,
            claim_id=claim.id,
            source=_source_ref(al.prepared.source, claim),
            attributed_to=claim.attribution.describe() if claim.attribution else None,
            differences=differences,
            suggestion=suggestion,
        )


# ---------------------------------------------------------------------- helpers


_PART_MARKS = (", ", "; ", ". ", " but ", "? ", "! ")  # where a compound assertion may divide
PART_CANDIDATES = 4  # a clause is short: its few best-scoring claims are enough
MIN_PART_WORDS = 4  # a clause shorter than this ("and it fell") leans on the rest for its meaning
# ", and two other men were arrested": in one assertion a comma before "and" joins two statements.
_COMMA_AND = lazy_re.compile(r",\s+and\s+(?![^\"“”]*[\"”])")


def _parts(text: str) -> list[str]:
    """The sentences and main clauses of a compound assertion, each long enough to stand alone."""
    if not any(mark in text for mark in _PART_MARKS):
        return []
    from factcheck.text.segment import split_clauses, split_sentences

    parts = [piece.strip(" ,;:-") for sentence in split_sentences(text)
             for clause in split_clauses(sentence.text) for piece in _COMMA_AND.split(clause.text)]
    parts = [p for p in parts if p]
    if len(parts) < 2 or any(len(p.split()) < MIN_PART_WORDS for p in parts):
        return []
    return parts


def _rank(item: tuple[int, float]) -> tuple[float, int]:
    return -item[1], item[0]


def _kth_best(scores: dict[int, float]) -> float:
    return sorted(scores.values(), reverse=True)[CANDIDATES - 1]


def _year_keys(dates: Sequence[DateRef]) -> set[str]:
    return {"%" + d.value[:4] for d in dates if d.value and d.value[:4].isdigit()}


_SHARE_UNITS = frozenset({"%", FRACTION_UNIT})


# Speakers who are not named: what they tell a paper stays theirs ("Sources within the party told
# the BBC Mr Howard had always been in favour of ID cards").
_ANONYMOUS_RE = lazy_re.compile(r"\b(?:sources?|insiders?|unnamed|anonymous|people (?:close to|familiar with))\b",
                                re.I)
_COURTESY_RE = lazy_re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Baroness|Professor|Prof)\.?\s")
# A quoted fragment inside the sentence, in lower case: the speaker's own characterisation
# ('said Hereford hospital was "struggling financially"'), not a whole quoted statement.
_QUOTED_RE = lazy_re.compile(r"[\"“]([A-Za-z][^\"“”]{2,400})[\"”]")


def _in_quotes(terms: Sequence[str], text: str) -> bool:
    """Are most of the asserted terms in a person's quoted words of characterisation? Those words
    are the speaker's to answer for, not a fact of record."""
    if len(terms) < 2 or ('"' not in text and "“" not in text):
        return False
    quoted = _quoted_terms(text)
    return sum(t in quoted for t in terms) * 2 > len(terms)


@lru_cache(maxsize=4096)
def _quoted_terms(text: str) -> frozenset[str]:
    # Asked of every aligned claim that has a speaker: read each claim's quotes once.
    return frozenset(t for m in _QUOTED_RE.finditer(text) for t in content_terms(m.group(1)))


def _share_values(q: Quantity) -> tuple[float, ...]:
    """The values a figure is looked up by: a fraction by its percentage too."""
    return (q.value, q.value * 100) if q.unit == FRACTION_UNIT else (q.value,)


def _as_percent(q: Quantity) -> Quantity:
    """A fraction of a whole as a percentage. A third is no round percentage: it stands for 33.3%
    give or take half a point."""
    if q.unit != FRACTION_UNIT:
        return q
    value = q.value * 100
    if q.bound == Bound.EXACT and abs(value - round(value)) > 1e-6:
        return replace(q, value=value, low=value - 0.5, high=value + 0.5, unit="%", bound=Bound.APPROXIMATE)
    low = q.low * 100 if q.low is not None else None
    high = q.high * 100 if q.high is not None else None
    return replace(q, value=value, low=low, high=high, unit="%")


def _num_key(value: float) -> str:
    return f"{value:.6g}"


def _show(term: str) -> str:
    return term.lstrip("~@#")


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def _attribution_spans(text: str, attribution: Attribution) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    low = text.lower()
    for part in (attribution.who, attribution.via or ""):
        if part:
            i = low.find(part.lower())
            if i >= 0:
                spans.append((i, i + len(part)))
    return spans


_ACRONYM_SKIP = frozenset({"of", "the", "and", "for"})


@lru_cache(maxsize=65536)
def _initials(name: str) -> str | None:
    """The lower-case acronym of a multi-word name ("ba" for "British Airways"), if it could be one."""
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _ACRONYM_SKIP]
    acronym = "".join(w[0] for w in words).lower()
    return acronym if len(words) >= 2 and 2 <= len(acronym) <= 5 else None


def _negations(terms: Iterable[str]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for term in terms:
        base = negated_base(term)
        if base is not None:
            found[base].add(term)
    return {base: frozenset(negating) for base, negating in found.items()}


def _misspelt_in(term: str, typed: Sequence[str], prepared: _Prepared) -> bool:
    """Is ``term`` (or a word it was typed as) one edit from a word of the claim, both of seven
    letters or more and alike in their first three? Words that differ in their first letters
    ("million"/"billion", "increase"/"decrease") never are."""
    if term.startswith(("~", "#", "@")) or not term.isalpha():
        return False
    near = [(word, theirs) for word in (term, *typed) if len(word) >= 7
            for theirs in prepared.long_words.get(word[:3], ()) if abs(len(theirs) - len(word)) <= 1 and theirs != word]
    if not near:
        return False
    from rapidfuzz.distance import Levenshtein

    return any(Levenshtein.distance(word, theirs, score_cutoff=1) <= 1 for word, theirs in near)


def _by_prefix(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Words of seven letters or more grouped by their first three, for :func:`_misspelt_in`."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for word in words:
        if len(word) >= 7 and word.isalpha():
            grouped[word[:3]].append(word)
    return {prefix: tuple(found) for prefix, found in grouped.items()}


def _antonym_in(term: str, prepared: _Prepared, asserted: Sequence[str] = ()) -> str | None:
    """The first (in sorted order) of the claim's terms that flips ``term``, as ``are_antonyms``
    decides, found by set lookups rather than a test against every term of the claim; one the
    assertion does not use itself (``asserted``) first."""
    hits = antonym_partners(term) & prepared.terms
    negating = prepared.negations.get(term)
    if negating:
        hits = hits | negating
    if not hits:
        return None
    own = [h for h in hits if h not in asserted]
    return min(own) if own else min(hits)


def _initials_of(term: str, entities: Sequence[Entity]) -> bool:
    """Is ``term`` the acronym of a multi-word name in the claim ("BA" for "British Airways")?"""
    if not (2 <= len(term) <= 5 and term.isalpha()):
        return False
    return any(_initials(entity.name) == term.lower() for entity in entities)


def _tokens_present(entity: Entity, prepared: _Prepared, lower: str) -> bool:
    # The name as typed counts as well as its canonical form: "america" of "north america" is
    # read as the United States, yet the claim's "North America" has the very words.
    tokens = _name_tokens(entity.name)
    if tokens and all(t in prepared.tokens for t in tokens):
        return True
    typed = _name_tokens(entity.text)
    if not typed or not all(t in prepared.tokens for t in typed):
        return False
    # ... but not a part of a longer name the assertion does not give: "paris" is not "Paris Match".
    return all(e.name.lower() in lower for e in prepared.claim.entities
               if any(t in _name_tokens(e.name) for t in typed))


def _lowercase_part_of(entity: Entity, candidates: Sequence[Entity], lower: str) -> bool:
    """Is a name typed in lower case the first word of a longer name the claim gives, the rest of
    which follows it in the assertion ("british airways" read as the demonym "british")?"""
    text = entity.text
    if not text or not text.islower() or entity.start < 0:
        return False
    for other in candidates:
        name = other.name.lower()
        if len(name) > len(text) and name.startswith(text + " ") \
                and lower.startswith(name, entity.start) \
                and (len(lower) == entity.start + len(name) or not lower[entity.start + len(name)].isalnum()):
            return True
    return False


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """Capitals the alias table reads as their country's government ("Seoul", "London")."""
    from factcheck.tables import load_table

    return frozenset(name.lower() for name in load_table("aliases")["capital_government"])


_LOCATIVE_RE = lazy_re.compile(r"\b(?:in|at|from|across|around|near|outside|inside|throughout|to)\s+(?:the\s+)?$",
                               re.I)


def _city_as_place(text: str, entity: Entity) -> bool:
    """Is a capital the alias table reads as a government written here as a place ("in London")?"""
    written = (entity.text or entity.name).lower()
    return written in _capitals() and entity.start > 0 and _LOCATIVE_RE.search(text, 0, entity.start) is not None


def _city_for_country(asserted: str, mine: Entity, text: str, theirs: Entity) -> bool:
    """A capital written as a place ("prices in London") matched only through the country it stands
    for as a government ("UK house prices"): where something happens in a city is not where it
    happens in the whole country."""
    mine_text, their_text = (mine.text or mine.name).lower(), (theirs.text or theirs.name).lower()
    if mine_text == their_text:
        return False
    capitals = _capitals()
    for text_, entity, written in ((asserted, mine, mine_text), (text, theirs, their_text)):
        if written in capitals and entity.start >= 0 and _LOCATIVE_RE.search(text_, 0, entity.start):
            return True
    return False


def _match_entity(entity: Entity, candidates: Sequence[Entity], table: AliasTable) -> int | None:
    for i, other in enumerate(candidates):
        if entity.name.lower() == other.name.lower() or _same_name(table, entity.name, other.name) \
                or _same_name(table, entity.text, other.name):
            return i
        # A surname or short form of a full name ("Smith" for "Jane Smith").
        if entity.kind in {EntityKind.PERSON, EntityKind.OTHER} and other.kind == EntityKind.PERSON:
            mine = _name_tokens(entity.name)
            theirs = _name_tokens(other.name)
            if mine and all(t in theirs for t in mine):
                return i
    return None


def _role_holder(role: str, entities: Sequence[Entity], hit: int, table: AliasTable) -> Entity | None:
    """Another person the source gives ``role`` to, where it gives the matched person none like it."""
    mine = _speaker_terms(role, table)
    if not mine:
        return None
    own = entities[hit].role
    if own and mine <= _speaker_terms(own, table):
        return None
    for i, other in enumerate(entities):
        if i != hit and other.role and other.kind == EntityKind.PERSON and mine <= _speaker_terms(other.role, table):
            return other
    return None


def _role_initials(role: str) -> frozenset[str]:
    """The initials of each run of capitalised words in a role ("snp" of "Scottish National Party's")."""
    found: set[str] = set()
    for run in re.findall(r"(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*", role):
        words = run.replace("'s", "").replace("’s", "").split()
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                acronym = _initials(" ".join(words[i:j]))
                if acronym is not None:
                    found.add(acronym)
    return frozenset(found)


# Words that make an office another one: the shadow or deputy holder is not the holder. ("Former"
# is left out: "chief executive Bernard Ebbers approved the accounts" may be told of his time.)
_OFFICE_QUALIFIERS = frozenset({"shadow", "deputy", "vice", "acting", "interim", "assistant"})


def _role_conflict(entity: Entity, claim: Claim, other: Entity, table: AliasTable,
                   claim_org: Entity | None = None, asserted: str = "") -> str | None:
    """The source's role for a person when the asserted role says something the source does not."""
    if not entity.role:
        return None
    source_role = other.role
    if not source_role and claim.attribution is not None and claim.attribution.role and \
            table.same(claim.attribution.who, other.name):
        source_role = claim.attribution.role
    if not source_role:
        return None
    if entity.role.lower() == source_role.lower():
        return None
    mine_words = set(re.findall(r"[a-z]+", entity.role.lower()))
    # The words typed before the name count too: a role read short ("secretary" of "Shadow family
    # secretary Theresa May", its first word taken for the sentence's capital) still says "shadow".
    typed = set(re.findall(r"[a-z]+", asserted[max(0, entity.start - 60):entity.start].lower()))
    lost = _OFFICE_QUALIFIERS & set(re.findall(r"[a-z]+", source_role.lower())) - mine_words - typed
    if lost and mine_words - _OFFICE_QUALIFIERS:
        # "Education minister" for the source's "Shadow Education Secretary": a shadow or deputy
        # holder is not the holder.
        return source_role
    mine = _speaker_terms(entity.role, table)
    theirs = _speaker_terms(source_role, table)
    if mine <= theirs or set(content_terms(entity.role.lower())) <= set(content_terms(source_role.lower())):
        return None  # (as plain words too: "Trade" is a name in "colleagues Trade minister" only)
    # The organisation the person works for, named in the assertion's role where the source's
    # sentence names it elsewhere or the article is about it ("France Telecom chief executive").
    # An acronym of a name the source's role spells out ("SNP" for "Scottish National Party's").
    initials = _role_initials(source_role)
    extra = {t for t in mine - theirs if not all(w in theirs or w in initials for w in t.lstrip("@").split())}
    if any(t.startswith("@") for t in extra) and any(t.startswith("@") for t in theirs):
        # The source's role names its own organisation ("Lib Dem leader"): another one in the
        # asserted role ("Tory leader") is another role, even where the article is about it.
        return source_role
    known = {_entity_key(e.name) for e in claim.entities} | {t for e in claim.entities for t in _name_tokens(e.name)}
    if claim_org is not None:
        known |= {_entity_key(claim_org.name), *_name_tokens(claim_org.name)}
    return None if extra <= known else source_role


# A reason or concession clause after the main one: ", as there were no …", "because none …".
# "as well as", "as much as", "as a result", "since 1995" open no such clause.
_SUBORDINATE_RE = lazy_re.compile(
    r"(?:,\s*|\s)(?:as|because|since|although|though|whereas)\s+"
    r"(?!well\b|much\b|many\b|long\b|soon\b|far\b|a\b|an\b|the\b|of\b|part\b|\d)", re.I)


@lru_cache(maxsize=1)
def _negation_re() -> re.Pattern[str]:
    from factcheck.tables import load_table

    cues = sorted(load_table("cues")["negation"]["cues"], key=len, reverse=True)
    alternatives = "|".join(re.escape(c) for c in cues if c != "n't")
    return re.compile(rf"(?:\b(?:{alternatives})\b|n't\b|n’t\b)", re.I)


def _negated_terms(text: str, reach: int, first_only: bool) -> tuple[list[str | None], set[int]]:
    """The text's token terms, and the tokens a negation may govern: the content words within
    ``reach`` tokens after each negation cue, or only the first of them."""
    spans, terms = _term_positions(text)
    governed: set[int] = set()
    for m in _negation_re().finditer(text):
        # A cue that ends in the negated word itself ("refused to comment") governs that word too.
        last = m.group(0).split()[-1]
        begin = m.end() - len(last) if " " in m.group(0) and term_of(last) is not None else m.end()
        after = [i for i, (a, _) in enumerate(spans) if a >= begin][:reach]
        hits = [i for i in after if terms[i] is not None]
        governed.update(hits[:1] if first_only else hits)
    return terms, governed


def _denies_term(prepared: _Prepared, term: str) -> bool:
    """Does the claim's negation govern ``term`` ("It is not about specific issues …" and "specific")?"""
    return prepared.claim.polarity == Polarity.NEGATED and term in _negated_set(prepared.text)


@lru_cache(maxsize=4096)
def _negated_set(text: str) -> frozenset[str]:
    terms, governed = _negated_terms(text, 7, first_only=False)
    return frozenset(t for i in governed if (t := terms[i]) is not None)


def _negation_misplaced(asserted: str, text: str) -> str | None:
    """A word the assertion negates ("was not repeated") that the source has with no negation
    near before it, where both sentences are negated somewhere: the asserted word, else None."""
    a_terms, a_governed = _negated_terms(asserted, 4, first_only=True)
    c_terms, c_governed = _negated_terms(text, 7, first_only=False)
    negated_in_source = {c_terms[i] for i in c_governed}
    for i in sorted(a_governed):
        term = a_terms[i]
        if term is not None and term in c_terms and term not in negated_in_source:
            return term.lstrip("~")
    return None


_NEGATING_QUANTIFIER_RE = lazy_re.compile(r"\b(?:little|no|scant|scarce|insufficient|few)\s+[\"“‘']?([a-z]+)")


def _quantifier_disputed(asserted: str, source_lower: str, unmatched: Sequence[str]) -> str | None:
    """The assertion's word before a noun the source quantifies as none ("clear evidence" against
    "little evidence"): that word's term, if it is unmatched."""
    lower = asserted.lower()
    for m in _NEGATING_QUANTIFIER_RE.finditer(source_lower):
        mine = re.search(rf"\b([a-z]+)\s+[\"“‘']?{re.escape(m.group(1))}\b", lower)
        term = term_of(mine.group(1)) if mine is not None else None
        if term is not None and term in unmatched:
            return term
    return None


def _subordinate_negation(text: str) -> list[str] | None:
    """The content terms of a trailing reason/concession clause that holds the claim's only negation;
    for a condition ("If prices do not rise further, the shock can be absorbed"), the terms of what
    it negates."""
    m = _SUBORDINATE_RE.search(text)
    if m is None:
        return _negated_condition(text)
    main, rest = text[:m.start()], text[m.end():]
    negation = _negation_re()
    if negation.search(main) or not negation.search(rest):
        return None
    return content_terms(rest)


_LEADING_CONDITION_RE = lazy_re.compile(r"^\W*(?:if|unless)\s+([^,;:]{3,200}),\s", re.I)
_TRAILING_CONDITION_RE = lazy_re.compile(r"(?:,\s*|\s)(?:if|unless)\s+(?!anything\b|so\b|not\b|any\b)", re.I)


_CONCESSION_RE = lazy_re.compile(r"\b(?:despite|in spite of|notwithstanding)\s+([^,;:]{3,200})", re.I)


def _within_concession(terms: Sequence[str], text: str) -> bool:
    """Are all the asserted terms in a "despite …" phrase of the text that holds no negation?"""
    found = _CONCESSION_RE.search(text)
    if found is None or _negation_re().search(found.group(1)):
        return False
    inside = set(content_terms(found.group(1)))
    return all(t in inside for t in terms)


def _negated_condition(text: str) -> list[str] | None:
    leading = _LEADING_CONDITION_RE.match(text)
    if leading is not None:
        condition, main = leading.group(1), text[leading.end():]
    else:
        trailing = _TRAILING_CONDITION_RE.search(text)
        if trailing is None:
            return None
        main, condition = text[:trailing.start()], text[trailing.end():]
    negation = _negation_re()
    found = negation.search(condition)
    if found is None or negation.search(main):
        return None
    return content_terms(condition[found.end():])


# A speaker's plan for themselves: "he was set to", "she would", "we will".
_QUOTED_SPAN_RE = lazy_re.compile(r"[\"“]([^\"“”]{12,})[\"”]")
_QUOTED_FUTURE_RE = lazy_re.compile(r"\b(?:will|won['’]t|shall)\b|['’]ll\b", re.I)


def _future_quoted(text: str) -> bool:
    """Is the future tense inside a quotation ('"LG Card will not need any more aid," X said')?"""
    return any(_QUOTED_FUTURE_RE.search(m.group(1)) for m in _QUOTED_SPAN_RE.finditer(text))


def _person_speaker(speaker: Attribution, table: AliasTable) -> bool:
    """Is the speaker a person: known as one, or named with a person's role ("Jo Bloggs, executive
    director of the bank")?"""
    if speaker.entity is not None and table.kind(speaker.entity) == EntityKind.PERSON:
        return True
    from factcheck.text.entities import role_nouns

    nouns = role_nouns()
    return bool(speaker.role) and any(w in nouns for w in re.findall(r"[a-z]+", (speaker.role or "").lower())) \
        and len(speaker.who.split()) >= 2 and speaker.who[:1].isupper()


# A clause that is all quotation: opened at its start, closed (if at all) only at its end.
_WHOLLY_QUOTED_RE = lazy_re.compile(r"\s*[\"“][^\"“”]{12,}[\"”]?\W*$")
# A pledge: what its maker commits to, not what will be.
_PROMISE_RE = lazy_re.compile(r"\b(?:promis|pledg|vow)(?:e|es|ed|ing|s)?\s+(?:to|that)\b", re.I)
# A view: "analysts see the merger as a rescue deal", "regarded by many as", "viewed as".
_SEEN_AS_RE = lazy_re.compile(r"\b(?:see|sees|seen|saw|regard|regards|regarded|view|views|viewed)\s+"
                              r"(?:(?!as\b)[\w'’-]+\s+){0,6}?as\s+(?:a|an|the)\b", re.I)
# Asking for a thing: "prompted calls for a lowering of the voting age", "demanded that …".
_CALLS_FOR_RE = lazy_re.compile(r"\bcall(?:s|ed|ing)?\s+(?:on\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+)?(?:for|to)\b"
                                r"|\bdemand(?:s|ed|ing)?\s+that\b|\burg(?:e|es|ed|ing)\b", re.I)


@lru_cache(maxsize=8192)
def _called_for(text: str) -> frozenset[str]:
    """The terms of what the text calls for, demands or urges ("calls for a lowering of the voting age")."""
    m = _CALLS_FOR_RE.search(text)
    return frozenset(content_terms(text[m.end():m.end() + 80])) if m is not None else frozenset()


_WHO_SAID_RE = lazy_re.compile(r"\b(?:who|which)\s+(?:had\s+|has\s+)?(?:said|says|claimed|claims|argued|argues|"
                               r"suggested|suggests|alleged|alleges|warned|warns)\b(?:\s+that)?", re.I)


@lru_cache(maxsize=8192)
def _reported_inside(text: str) -> frozenset[str]:
    """The terms of what a relative clause reports someone saying ("a union leader who said …")."""
    m = _WHO_SAID_RE.search(text)
    return frozenset(content_terms(text[m.end():])) if m is not None else frozenset()


@lru_cache(maxsize=8192)
def _promises(text: str) -> bool:
    return _PROMISE_RE.search(text) is not None


@lru_cache(maxsize=8192)
def _seen_as(text: str) -> bool:
    return _SEEN_AS_RE.search(text) is not None


# What will happen, by a report or study ("…, Oxfam says in a report"): a projection, not a plan.
_IN_A_STUDY_RE = lazy_re.compile(r"\b(?:in|according\s+to)\s+(?:a|an|its|their|the|this|his|her)\s+"
                                 r"(?:(?:new|latest|annual|recent|published|own)\s+)?"
                                 r"(?:report|study|survey|analysis|review|paper|research)\b", re.I)
# A sentence about "it" that is no dummy subject ("It includes …", not "It is thought …"), and
# the verbs by which the sentence before presents what "it" is.
_IT_OPENS_RE = lazy_re.compile(r"\W*It\s+(?!(?:is|was|has|had|will|would|may|might|could|seems|seemed|appears|"
                               r"appeared|remains|emerged|comes|came|took|takes)\b)[a-z]+")
_PRESENTED_RE = lazy_re.compile(r"\b(?:set|sets|setting)\s+out\b|\b(?:unveil|announc|publish|launch|propos|"
                                r"introduc|outlin|present|releas)\w*\b|\b(?:drew|draws|drawn|drawing)\s+up\b")
_SELF_PLAN_RE = lazy_re.compile(r"\b(?:he|she|i|we|they)\s+(?:was|were|is|are|am|will|would|had|has|have|'d|'ll)\b",
                                re.I)
# Kinds of entity whose full name an article shortens to its last word after first mention.
_NAMED_BEINGS = frozenset({EntityKind.PERSON, EntityKind.OTHER})
# "rather than book it", "instead of cutting rates": the alternative the sentence turns down.
_REJECTED_RE = lazy_re.compile(r"\b(?:rather than|instead of)\s+([^,.;:()\-–—]+)", re.I)
_HEDGED_STANCES = frozenset({Stance.CONSIDERED, Stance.PLANNED})
# Saying something named as an act, with nothing of what was said ("made the statement on Friday").
_SPEECH_ACT_RE = lazy_re.compile(r"\b(?:made|issued)\s+(?:the|a|an|this|its|their)\s+(?:statement|announcement)"
                                 r"(?:\s+(?:on|at|in|last|this|yesterday|today)\b|\s*[.,]?\s*$)"
                                 r"|\bstatement\s+was\s+(?:made|issued)\b", re.I)
# Words that put a sentence's event ahead: the source speaks of what is to come too.
# What is under way or was to come goes on into the future: "it is cutting about 5,000 jobs",
# "it said it was to spin off its subsidiary".
_UNDER_WAY_RE = lazy_re.compile(r"\b(?:is|are|am|'s|'re)\s+(?:now\s+|also\s+)?[a-z]{3,}ing\b"
                                r"|\b(?:is|are|was|were)\s+to\s+[a-z]+", re.I)
# A headline's future: "Brown to head Labour's campaign", "Firm to cut 300 jobs".
_HEADLINE_TO_RE = lazy_re.compile(r"^\W*(?:[A-Z][\w'’.-]*\s+){1,4}to\s+[a-z]+\b|^\W*[a-z][\w'’.-]*\s+to\s+[a-z]+\b")
_FUTURE_RE = lazy_re.compile(r"\b(?:will|would|shall|'ll|to be|set to|due to|plans?|planned|scheduled|next|"
                             r"tomorrow|future|upcoming|coming|from (?:january|february|march|april|may|june|july|"
                             r"august|september|october|november|december|next|\d{4}))\b", re.I)
_RULED_OUT_RE = lazy_re.compile(r"(?<!not )(?<!n't )\brul(?:e|es|ed|ing) out\b", re.I)
_AGENTS = frozenset({EntityKind.ORGANIZATION, EntityKind.OUTLET})


def _names_no_organisation(claim: Claim, table: AliasTable) -> bool:
    """Does the claim name no organisation but (perhaps) its own speaker?"""
    speaker = claim.attribution
    for entity in claim.entities:
        if entity.kind not in _AGENTS:
            continue
        if speaker is not None and (entity.name == speaker.entity or entity.text in speaker.who
                                    or _same_name(table, entity.name, speaker.entity or speaker.who)):
            continue
        return False
    return True


# Hedge words that open what they govern, so that what comes before them is outside the hedge:
# a participle ("a report suggesting …", "is weighing …"), an attributive adjective ("a potential
# option …") or a noun with its complement ("amid speculation of a bid"). Not a predicate that
# follows its subject ("a sale is likely", "a merger was proposed"): the subject is hedged too.
_ACCUSED = frozenset({"accused", "suspected"})
_ACCUSATION_END_RE = lazy_re.compile(r",|;|\b(?:after|before|when|while|because|since|following|who|which|that)\b",
                                     re.I)
_OPENING_HEDGES = frozenset({
    "potential", "potentially", "possible", "possibly", "proposed", "alleged", "allegedly", "reportedly",
    "suggest", "suggests", "suggested", "speculation", "suggestions", "suggestion", "claims",
    "allegations", "accusations", "rumours", "fears", "concerns", "worries", "accused", "suspected",
    # "Manning, who is serving a 35-year sentence, appears to have joined Twitter": the relative
    # clause before it is stated.
    "appears", "appear", "appeared", "seems", "seem", "seemed",
})
_CITING_TAIL_RE = lazy_re.compile(r"[\s,;]*\b(?:citing|quoting|according\s+to)\s*$", re.I)


# What ought to be, as someone says it: "the report added that higher taxes … were needed to solve
# the crisis" is the report's judgement, however plainly it is put.
_NORMATIVE_RE = lazy_re.compile(r"\b(?:(?:is|are|was|were|be)\s+(?:needed|necessary|essential|vital|required)|"
                                r"needs?\s+to|must|should|ought\s+to)\b", re.I)
# "The 7E7 is super-economical": a thing said to be of some quality, in one word. Whoever the source
# has say it ("which Boeing says is super-economical") owns the judgement.
_CHARACTERISATION_RE = lazy_re.compile(r"(?:[\w'’&.-]+\s+){1,5}(?:is|are|was|were|remains|remain)\s+"
                                       r"(?:very\s+|so\s+|highly\s+|extremely\s+|too\s+|super-?)?"
                                       r"([a-z][a-z-]*[a-z])[.!]?", re.I)


def _characterises(asserted: str) -> bool:
    """Is the assertion only a quality given to something ("The 7E7 is super-economical")? Not a
    state done to it ("The plant is closed"), nor a figure."""
    text = asserted.strip()
    m = _CHARACTERISATION_RE.fullmatch(text)
    # Whole assertions only ("said the talks were confidential" is a clause of a longer one).
    opens = text[:1].isupper() or text.split(" ", 1)[0].lower() in {"the", "a", "an", "its", "their", "his", "her"}
    return m is not None and opens and not m.group(1).lower().endswith(("ed", "ing"))


# A future of things that happen rather than are done: no speaker can schedule them, so what
# one says of them is a forecast. (Not "rise", "remain", "continue": prices and strikes are set.)
_FORECAST_EVENT_RE = lazy_re.compile(r"\b(?:will|would|['’]ll)\s+(?:[a-z]+ly\s+)?(?:emerge|happen|occur|improve|"
                                     r"worsen|recover|collapse|stabili[sz]e|become\s+clear)\b", re.I)
# Words of possibility that qualify the noun after them ("potential buyers"), and hedges that hold
# the whole clause after them ("speculation that …").
_HEDGE_ADJECTIVES = frozenset({"potential", "possible", "prospective"})
_WHOLE_CLAUSE_HEDGES = frozenset({"speculation", "speculated", "rumoured", "rumored", "reportedly", "allegedly",
                                  "suggesting", "suggested", "suggests"})
_CUE_AND_NOUN_RE = lazy_re.compile(r"([a-z]+)\s+([a-z]+)")


def _hedge_is_content(asserted: str, cue: str | None, prepared: _Prepared) -> bool:
    """Is the assertion's one word of possibility an adjective of the noun after it ("potential
    buyers") that the source gives with the same noun, under a hedge of its own?"""
    if not cue or cue.strip().lower() not in _HEDGE_ADJECTIVES:
        return False
    word = cue.strip().lower()
    m = _CUE_AND_NOUN_RE.match(asserted.lower(), asserted.lower().find(word)) if word in asserted.lower() else None
    if m is None or m.group(1) != word:
        return False
    theirs = _considered_cue(prepared).lower()
    return theirs in _WHOLE_CLAUSE_HEDGES and _find_word(prepared.lower, m.group(0)) >= 0


def _considered_cue(prepared: _Prepared) -> str:
    """The words that make the claim's clause a possibility, as written ("suggesting", "If"), or ""
    when its own cues find none; read once per claim, when first needed."""
    if prepared.stance_cue is None:
        from factcheck.text.cues import detect_cues

        cues = detect_cues(prepared.text, prepared.claim.entities)
        prepared.stance_cue = (cues.stance_cue or "").strip() if cues.stance == Stance.CONSIDERED else ""
    return prepared.stance_cue


def _hedge_scope(prepared: _Prepared) -> tuple[frozenset[str], frozenset[str], bool]:
    """The terms and names a considered claim's hedge governs, when the hedge opens what it
    governs, and whether it governs a figure or a date; two empty sets when the whole clause is
    hedged (or no hedge is found)."""
    nothing: tuple[frozenset[str], frozenset[str], bool] = (frozenset(), frozenset(), True)
    text = prepared.text
    claim = prepared.claim
    cue = _considered_cue(prepared)
    if not cue:
        return nothing
    first = cue.split()[0].lower()
    if not (first.endswith("ing") or first in _OPENING_HEDGES):
        return nothing
    found = re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", text)
    if found is None:
        return nothing
    start, end = found.start(), len(text)
    via = claim.attribution.via if claim.attribution else None
    if via:
        at = text.find(via, found.end())
        if at > 0:
            end = at
    span = _CITING_TAIL_RE.sub("", text[start:end])
    if first in _ACCUSED:
        # "were accused of Islamophobia by Muslim groups after figures showed …": the accusation
        # holds its own object, not the clause that follows it.
        tail = _ACCUSATION_END_RE.search(span, len(cue))
        if tail is not None:
            span = span[:tail.start()]
    inside = [e for e in claim.entities if start <= e.start < start + len(span)]
    terms = frozenset(content_terms(span, [(e.start - start, e.end - start) for e in inside]))
    if len(terms - set(content_terms(cue))) + len(inside) < 2:
        return nothing  # nothing after the hedge word: it follows what it hedges
    stop = start + len(span)
    figures = any(start <= q.start < stop for q in prepared.quantities) or any(
        start <= d.start < stop for d in claim.dates)
    return terms, frozenset(e.name for e in inside), figures


_APPOSITIVE_AFTER_RE = lazy_re.compile(r"\s*,\s*(?:an?|the)\s+([^,.;:]{1,60})")


@lru_cache(maxsize=1)
def _advocates_re() -> re.Pattern[str]:
    phrases = sorted(_cue_words("attribution", "advocates"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def _advocate(speaker: Attribution, text: str) -> bool:
    """Is the speaker a campaign or pressure group, or critics ("Campaign groups including … War on
    Want said …", "said Jo Bloggs, of the campaign group Liberty")? Their claims are positions."""
    return _advocate_around(speaker.who, text)


@lru_cache(maxsize=8192)
def _advocate_around(who: str, text: str) -> bool:
    at = text.find(who)
    around = who if at < 0 else text[max(0, at - 120):at + len(who) + 60]
    return _advocates_re().search(around) is not None


def _commentator(speaker: Attribution, claim: Claim, text: str, kind: str = "commentators") -> bool:
    """Is the speaker an onlooker ("analysts", "Jo Bloggs, a cocoa farmer") whose "will" is a
    forecast, not a plan of record? With ``kind="assessors"``: one whose every statement is a view."""
    words = _cue_words("attribution", kind)
    described = [speaker.who, speaker.role or ""]
    described += [e.role or "" for e in claim.entities
                  if e.role and e.name in {speaker.entity, speaker.who}]
    at = text.find(speaker.who)
    if at >= 0:
        # "said Joshua Osagie, a cocoa farmer from Edo state"
        appositive = _APPOSITIVE_AFTER_RE.match(text, at + len(speaker.who))
        if appositive is not None:
            described.append(appositive.group(1))
    return any(w in words for text in described for w in re.findall(r"[a-z]+", text.lower()))


@lru_cache(maxsize=1)
def _hedged_figure_re() -> re.Pattern[str]:
    """A participle right after a figure that makes it a forecast or a plan ("£37.5bn predicted in")."""
    from factcheck.tables import load_table

    words = load_table("cues")["stance"]["considered"].get("figure_participles", [])
    alternatives = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"\s+(?:{alternatives})\b(?!\s+to\b)", re.I)


@lru_cache(maxsize=1)
def _offices_re() -> re.Pattern[str]:
    from factcheck.tables import load_table

    offices = sorted(load_table("lexicon").get("offices", []), key=len, reverse=True)
    alternatives = "|".join(re.escape(o.lower()).replace(r"\ ", r"\s+") for o in offices) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _offices_in(lower: str) -> frozenset[str]:
    """The offices (lexicon ``offices``) a lower-cased text names, longest match first."""
    return frozenset(" ".join(m.group(0).split()) for m in _offices_re().finditer(lower))


_REGION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                           "central", "upper", "lower", "greater", "mid", "new"})
_ACTORS = frozenset({EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.OUTLET, EntityKind.OTHER})


def _swap_partner(entity: Entity, claim: Claim, matched: set[int], asserted: Sequence[Entity],
                  table: AliasTable, known: bool = False, asserted_text: str = "") -> Entity | None:
    """The claim's entity the asserted one replaces, if the swap is plain.

    Names of one kind swap ("Japan" for "Germany"). A name the same article gives elsewhere
    swaps with any actor: "Vincent Cable dubbed him …" where the source has Oliver Letwin, or
    "Charles Kennedy called it …" where it has the Tories, names a rival from the same story.
    """
    if entity.kind == EntityKind.OTHER and not known:
        # A name of no known kind in the very place of the source's place ("abducted in Basra"
        # against "abducted in Baghdad"): the same verb and preposition before both.
        before = _two_words_before(asserted_text, entity.start) if asserted_text else None
        places = [other for i, other in enumerate(claim.entities) if i not in matched
                  and other.kind == EntityKind.PLACE and before is not None
                  and _two_words_before(claim.sentence, other.start) == before
                  and not any(_match_entity(a, [other], table) is not None for a in asserted)]
        return places[0] if len(places) == 1 else None
    found: list[Entity] = []
    for i, other in enumerate(claim.entities):
        if i in matched:
            continue
        # A name of unknown kind must look like a person's full name to stand for one.
        compatible = _compatible_kinds(entity.kind, other.kind) or (
            known and entity.kind in _ACTORS and other.kind in _ACTORS - {EntityKind.OTHER}
            and (entity.kind != EntityKind.OTHER or (other.kind == EntityKind.PERSON
                                                     and len(_name_tokens(entity.name)) >= 2
                                                     # "the North East" is a region, not "Mr Mallon"
                                                     and _name_tokens(entity.name)[0] not in _REGION_WORDS)))
        if not compatible and asserted_text and {entity.kind, other.kind} == {EntityKind.PERSON, EntityKind.OTHER} \
                and len(_name_tokens(other.name)) >= 2 and len(_name_tokens(entity.name)) >= 2:
            # A person's name where the source has a name of no known kind in the very same place
            # ("the removal of Park Min-jun after …" against "… the veteran Han Do Yun after …").
            after = _next_word(asserted_text, entity.end)
            compatible = after is not None and after == _next_word(claim.sentence, other.end) \
                and _slot_word(asserted_text, entity.start) in {_slot_word(claim.sentence, other.start), "of", "the"}
        if not compatible:
            continue
        if any(_match_entity(a, [other], table) is not None for a in asserted):
            continue
        # The same name cut at other places ("Health Service" and "Bill" for "Health Service Bill").
        theirs = set(_name_tokens(other.name))
        if any(a is not entity and set(_name_tokens(a.name)) & theirs for a in asserted):
            continue
        found.append(other)
    if len(found) > 1 and asserted_text:
        # The one in the asserted name's slot ("deterring China" against "deterring North Korea").
        slot = _slot_word(asserted_text, entity.start)
        before = _two_words_before(asserted_text, entity.start)
        found.sort(key=lambda e: (before is None or _two_words_before(claim.sentence, e.start) != before,
                                  _slot_word(claim.sentence, e.start) != slot))
    return found[0] if found else None


_TWO_BEFORE_RE = lazy_re.compile(r"([A-Za-z]+)\s+(in|at|from|near|outside|inside)\s+(?:the\s+)?$")


def _two_words_before(text: str, start: int) -> tuple[str, str] | None:
    """The verb and locative preposition right before a name ("abducted", "in"), if so."""
    m = _TWO_BEFORE_RE.search(text, 0, max(start, 0)) if start > 0 else None
    return (m.group(1).lower(), m.group(2).lower()) if m else None


def _slot_word(text: str, start: int) -> str | None:
    """The word right before a name, lower-cased ("deterring" in "aimed at deterring North Korea")."""
    m = _SLOT_RE.search(text, 0, max(start, 0)) if start > 0 else None
    return m.group(1).lower() if m else None


_SLOT_RE = lazy_re.compile(r"([A-Za-z]+)\W*$")
_NEXT_RE = lazy_re.compile(r"\s+([a-z]+)\b")


def _next_word(text: str, end: int) -> str | None:
    """The lower-case word right after a name ("after" in "Park Min-jun after his …"), if any."""
    m = _NEXT_RE.match(text, end) if end >= 0 else None
    return m.group(1) if m else None


def _in_role(entity: Entity, claim: Claim) -> bool:
    name = entity.name.lower()
    return any(e.role and name in e.role.lower() for e in claim.entities)


def _counted_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    from factcheck.text.terms import term_of

    return a == b or term_of(a) == term_of(b) or stem(a) == stem(b)


def _unit_compatible(a: Quantity, b: Quantity) -> bool:
    return (a.unit or "") == (b.unit or "")


def _interval(q: Quantity, slack: float = 0.0) -> tuple[float, float]:
    low = q.low if q.low is not None else -math.inf
    high = q.high if q.high is not None else math.inf
    if q.low is None and q.high is None:
        low = high = q.value
    if slack:
        low -= abs(q.value) * slack
        high += abs(q.value) * slack
    return low, high


_OPEN_BOUNDS = frozenset({Bound.MORE_THAN, Bound.AT_LEAST, Bound.LESS_THAN, Bound.AT_MOST})


def _within_bound(q: Quantity, source: Quantity) -> bool:
    """Is an exact figure inside a source's open bound ("2.5 million" and "more than 12,000")?"""
    low, high = _interval(source)
    return q.bound == Bound.EXACT and source.bound in _OPEN_BOUNDS and low - 1e-9 <= q.value <= high + 1e-9 \
        and not math.isclose(q.value, source.value, rel_tol=1e-9)


def _is_range(q: Quantity) -> bool:
    return q.bound == Bound.EXACT and q.low is not None and q.high is not None and q.low < q.high


def _quantity_fits(asserted: Quantity, source: Quantity) -> bool:
    """Does the source's figure satisfy the assertion? (Both sides' bounds are honoured.)"""
    if asserted.direction and source.direction and asserted.direction != source.direction:
        return False
    s_low, s_high = _interval(source)
    if _is_range(asserted) and _is_range(source):
        # A range names its two ends, as a ceiling names a level: "between 15,000 and 25,000" is
        # not the source's "between 15,000 and 20,000", however true as logic.
        assert asserted.low is not None and asserted.high is not None
        return math.isclose(asserted.low, s_low, rel_tol=1e-6) and math.isclose(asserted.high, s_high, rel_tol=1e-6)
    if asserted.bound == Bound.EXACT:
        v = asserted.value
        if source.bound in _OPEN_BOUNDS:
            # "2.5 million advisers" is no figure "more than 12,000 advisers" gives: a bound leaves the
            # exact figure open (see _match_quantity, which calls it unknown rather than wrong). The
            # bound's own figure is the one it gives ("12 killed" for "at least 12 killed").
            return math.isclose(v, source.value, rel_tol=1e-9)
        return s_low - 1e-9 <= v <= s_high + 1e-9 or math.isclose(v, source.value, rel_tol=1e-9)
    if asserted.bound == Bound.AT_MOST or asserted.bound == source.bound == Bound.LESS_THAN:
        # A ceiling names a level: "up to 52 years", "as much as 157%", "just under 13%" are not the
        # source's "up to 15 years" or "just under 2%" (true as logic, misleading as news). A floor
        # keeps its logic: "more than 20,000" is true of the source's "more than 28,000".
        return math.isclose(source.value, asserted.value, rel_tol=1e-6) \
            and source.bound not in {Bound.AT_LEAST, Bound.MORE_THAN}
    slack = APPROX_ASSERTED if asserted.bound == Bound.APPROXIMATE else 0.0
    a_low, a_high = _interval(asserted, slack)
    # "under 2%" is not met by 2%, nor "more than 30,000" by 30,000.
    if asserted.bound == Bound.LESS_THAN and math.isclose(source.value, asserted.value) \
            and source.bound in {Bound.EXACT, Bound.AT_LEAST, Bound.AT_MOST}:
        return False
    if asserted.bound == Bound.MORE_THAN and math.isclose(source.value, asserted.value) \
            and source.bound in {Bound.EXACT, Bound.AT_LEAST, Bound.AT_MOST}:
        return False
    # The assertion's range must contain everything the source allows.
    return a_low - 1e-9 <= s_low and s_high <= a_high + 1e-9


def _figure_turned(terms: Sequence[str], figure: Quantity, quantities: Sequence[Quantity],
                   text: str) -> tuple[str, str] | None:
    """A word of change the assertion gives its figure where the source gives that figure the
    opposite one ("30% saw orders fall" against "30% saw orders rise and 27% saw them fall"):
    (asserted term, source term), else None. Only among several like figures, each with its words."""
    changes = [t for t in terms if t.startswith("~") and antonym_partners(t)]
    if not changes:
        return None
    like = [q for q in quantities if _unit_compatible(figure, q)]
    if len(like) < 2 or not any(q is figure for q in like):
        return None
    owned = _bound_terms(text, like)[next(i for i, q in enumerate(like) if q is figure)]
    for t in changes:
        opposite = antonym_partners(t) & owned
        if t not in owned and opposite:
            return t, min(opposite)
    return None


def _bound_terms(text: str, quantities: Sequence[Quantity]) -> list[set[str]]:
    """For a list of like figures ("1p a pint on beer, 4p on a bottle of wine"), the words owned
    by each figure: those between it and the next one."""
    ordered = sorted(range(len(quantities)), key=lambda i: quantities[i].start)
    owned: list[set[str]] = [set() for _ in quantities]
    # A verb of change joined to its figure by "to" or "by" ("dipping to 4%", "rose by 3%") is that
    # figure's, not the one before it.
    leads: dict[int, tuple[int, str]] = {}
    for i, q in enumerate(quantities):
        lead = _CHANGE_LEAD_RE.search(text, max(0, q.start - 40), q.start)
        if lead is not None:
            term = term_of(lead.group("verb"))
            if term is not None and term.startswith("~"):
                leads[i] = (lead.start(), term)
    for n, i in enumerate(ordered[1:], start=1):
        # "fell by 50% against the euro - as well as by 30% against the yen": a figure led by a
        # bare "by" or "to" shares the verb of the figure before it.
        before = ordered[n - 1]
        if i not in leads and before in leads and _BARE_LEAD_RE.search(text, max(0, quantities[i].start - 12),
                                                                        quantities[i].start):
            leads[i] = (quantities[i].start, leads[before][1])
    for n, i in enumerate(ordered):
        end = len(text)
        if n + 1 < len(ordered):
            following = ordered[n + 1]
            end = leads[following][0] if following in leads else quantities[following].start
        between = text[quantities[i].end:max(end, quantities[i].end)]
        # "Elan lost 70% while US partner Biogen Idec shed 43%": what follows "while" (or
        # "whereas", "but", a semicolon) opens the next figure's clause, not this one's tail.
        turn = None
        if n + 1 < len(ordered):
            # Searched in the whole text: "and the TGWU has 800,000" is a new clause by its figure.
            at = quantities[i].end
            turn = _CLAUSE_TURN_RE.search(text, at)
            if turn is not None and turn.start() >= at + len(between):
                turn = None
        if turn is not None:
            cut = turn.start() - quantities[i].end
            owned[ordered[n + 1]] |= set(content_terms(between[cut + len(turn.group()):]))
            between = between[:cut]
            # Then this figure's own clause is what leads up to it ("shares in Elan lost 70%").
            owned[i] |= set(content_terms(text[_clause_start(text, quantities[i].start):quantities[i].start]))
        if n + 1 == len(ordered) and n > 0:
            # "fell 50% against the euro - as well as 30% against the yen - in the past three years":
            # a dash that closes the aside holding the last figure hands what follows back to all.
            close = _ASIDE_CLOSE_RE.search(between)
            if close is not None and _ASIDE_CLOSE_RE.search(text, quantities[ordered[0]].end,
                                                            quantities[i].start):
                between = between[:close.start()]
        after = set(content_terms(between))
        if n + 1 == len(ordered):
            # Names in the tail after the last figure ("…, Mr Brown forecast") say who said it, not
            # which figure; between figures ("James Chmela, 43, and James Kalamaras, 41") they bind them.
            after -= _name_terms(between)
            tail = _SPEAKER_TAIL.search(text, quantities[i].end)
            if tail is not None:
                after -= set(content_terms(tail.group(0)))
        owned[i] |= after
        if i in leads:
            owned[i].add(leads[i][1])
        # A noun set out before its figure ("fuel costs - a predicted extra £250m", "fuel costs of
        # £250m") is the figure's too.
        m = _SET_OUT_RE.search(text[max(0, quantities[i].start - 60):quantities[i].start])
        if m is not None:
            owned[i] |= set(content_terms(m.group("noun")))
    return owned


# "…, the minister forecast.", "…, Mr Brown said.": who said it, at the end of the sentence.
_SPEAKER_TAIL = lazy_re.compile(r",\s+(?:[\w.'’-]+\s+){1,5}(?:said|says|forecast|forecasts|predicted|added|told|"
                                r"reported|warned|argued|estimated|believes|insisted)\b[^,]*$", re.I)


# An indirect question ("keen to know if inmates would …", "asked whether the plan was legal")
# asks, like one ending in "?".
_ASKS_RE = lazy_re.compile(r"\b(?:ask(?:s|ed|ing)?|know|wonder(?:s|ed|ing)?|enquir(?:e|es|ed|ing)|"
                           r"inquir(?:e|es|ed|ing)|unclear|unsure|not\s+sure|not\s+clear|undecided)\s+"
                           r"(?:[a-z]+\s+){0,2}?(?:if|whether)\b", re.I)
_SHARE_OF_RE = lazy_re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?([A-Za-z][A-Za-z'-]*)")


def _share_of(text: str, q: Quantity) -> tuple[str, str] | None:
    """What a share is taken of, as (term, word): "smokers" in "70% of smokers"."""
    m = _SHARE_OF_RE.match(text, q.end)
    term = term_of(m.group(1)) if m is not None else None
    return (term, m.group(1)) if m is not None and term is not None else None


# A change made and a change undergone go the same way: "cut its forecast to 3.3%" / "fall to 3.3%",
# "raised the surcharge to £10" / "increased it to £10".
# Cutting a number of things is taking some away: "cutting 300 jobs" / "removing 300 jobs".
# A figure lost is a figure fallen: "shares lost 70%" / "shares fell 70%".
_SAME_DIRECTION = {"~reduce": ("~fall", "~withdraw"), "~fall": ("~reduce", "~lose"), "rais": ("~rise",),
                   "~rise": ("rais", "~strengthen"), "growth": ("~rise",), "~withdraw": ("~reduce",),
                   "~lose": ("~fall",), "~strengthen": ("~rise",)}
# A clause that opens with a verb: a predicate whose subject is the sentence's ("agreed to …",
# "fall to 3.3% …"); not a pronoun, an article or a name.
_SUBJECTLESS_RE = lazy_re.compile(r"(?!(?:it|he|she|they|we|i|you|this|that|there|the|a|an|its|his|her|their)\b)"
                                  r"[a-z]+(?:ed|s)\b")
_WAY_OF = {"~fall": Direction.DOWN, "~reduce": Direction.DOWN, "~lose": Direction.DOWN, "narrow": Direction.DOWN,
           "~rise": Direction.UP, "rais": Direction.UP, "~strengthen": Direction.UP, "widen": Direction.UP}
_CHANGE_TERMS = frozenset({"~rise", "~fall", "~reduce", "~strengthen", "~lose", "rais"})


def _subjectless(clause: str) -> bool:
    """Does the clause open with its verb ("agreed unanimously to …", "fall to 3.3% next year")?"""
    if _SUBJECTLESS_RE.match(clause):
        return True
    first = _WORD_RE.match(clause)
    return first is not None and first.group().islower() and term_of(first.group()) in _CHANGE_TERMS


_NOT_THE_ONLY_RE = lazy_re.compile(r"(?:\bnot|n['’]t|\bnever|\bno\s+longer)\s+(?:\w+\s+){0,2}only\b", re.I)
_ONLY_RE = lazy_re.compile(r"\bonly\b", re.I)
_SUBJECT_IT_RE = lazy_re.compile(r"\W*(?:it|this)\s+(?:has|had|is|was|will|would|rose|fell|lost|gained|"
                                 r"added|dropped|climbed|slipped)\b", re.I)
_PLURAL_ANAPHOR_RE = lazy_re.compile(r"\b(?:they|them|these|those)\b", re.I)
_ANAPHOR_RE = lazy_re.compile(r"\b(?:it|this|these|they|them|its|their)\b", re.I)
# An assertion's own description of a report: "WSJ report on Korea troop cut", "reports of a deal".
_REPORT_ON_RE = lazy_re.compile(r"\breports?\s+(?:on|of|about|that)\b")
# "…, while …", "…; …", and "and" before a new named subject ("Elan lost 70% and Biogen shed 43%").
_CLAUSE_TURN_RE = lazy_re.compile(r";|\b(?i:while|whereas|but)\b"
                                  r"|\band\b(?=\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+[a-z]+\s+"
                                  r"(?:[a-z]+|[£$€¥]?\d))")
# A dash set off by spaces, opening or closing an aside: " - as well as by 30% against the yen - ".
_BARE_LEAD_RE = lazy_re.compile(r"(?:^|[\s,])(?:by|to)\s+$")
_ASIDE_CLOSE_RE = lazy_re.compile(r"\s[-–—]\s")
_CHANGE_LEAD_RE = lazy_re.compile(r"\b(?P<verb>[a-z]+)(?:\s+(?:again|back|sharply|slightly|further))?\s+(?:to|by)\s+$")


# (The words between may not join another item: "a pint of beer and 7p" sets out no noun for 7p.)
_SET_OUT_RE = lazy_re.compile(r"(?P<noun>(?:[A-Za-z'-]+\s+){1,3})(?:-|–|—|:|of)\s+(?:an?\s+)?"
                              r"(?:(?!(?:and|or|but|while|whereas)\b)[a-z]+\s+){0,2}$")


# What marks a figure as an earlier period's: "… the 13.7% rise the previous month", "… against 2.7bn
# a year earlier", "(£3bn in 2003)" is not matched: a year is compared as a date.
_EARLIER_PERIOD_RE = lazy_re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:in\s+|during\s+|over\s+)?(?:the\s+)?"
                                     r"(?:previous|prior|preceding)\s+(?:day|week|month|quarter|year|period)\b"
                                     r"|(?:\s+[a-z]+){0,2}?\s+(?:a|one|the)\s+(?:day|week|month|quarter|year)\s+"
                                     r"(?:earlier|before|ago)\b", re.I)
# The words without which there is no earlier period: a cheap test before the pattern above.
_EARLIER_WORD_RE = lazy_re.compile(r"\b(?:previous|prior|preceding|earlier|before|ago)\b", re.I)
_LEVEL_WORD = lazy_re.compile(r"\b(to|from)\s*$", re.I)


def _level_role(text: str, q: Quantity) -> str | None:
    """'to' or 'from' when the figure is the end or start of a change ("cut to 2.1% from 2.8%")."""
    m = _LEVEL_WORD.search(text[max(0, q.start - 8):q.start]) if text else None
    return m.group(1).lower() if m else None


_FIGURE_NOUN_RE = lazy_re.compile(r"\s+(?:of|in|on|worth\s+of)\s+(?:(?:the|a|an|its|their|his|her)\s+)?"
                                  r"[\"“‘']?((?:[A-Za-z'’-]+[\"”’']?\s+)?[A-Za-z'’-]+)")
_TIME_TERMS = frozenset({"year", "month", "week", "day", "quarter", "past", "last", "next", "decad"})


# A speaker phrase that ends in a post: "a UKIP spokesman", "the party's chairman".
_POST_AT_END_RE = lazy_re.compile(r"\b(?:spokesman|spokeswoman|spokesperson|chairman|chairwoman|official|source)\Z")


def _speaker_elsewhere(prepared: _Prepared) -> bool:
    """Is the claim's speaker named only in an earlier sentence (a quotation running on)?"""
    who = prepared.claim.attribution
    return who is not None and who.who not in prepared.claim.sentence


def _is_money(q: Quantity) -> bool:
    """Is the figure a sum of money (its unit a currency code: "GBP", "USD", pence "GBX")?"""
    return q.unit is not None and len(q.unit) == 3 and q.unit.isupper()


def _figure_noun(text: str, q: Quantity) -> frozenset[str]:
    """The terms of what a money figure is of ("£35bn of tax cuts", "£35bn in 'wasteful' spending")."""
    m = _FIGURE_NOUN_RE.match(text, q.end)
    if m is None or q.unit is None or not q.unit.isupper():
        return frozenset()
    terms = frozenset(content_terms(m.group(1)))
    return frozenset() if terms <= _TIME_TERMS else terms  # "£1.7bn in a year" is when, not what


def _turn_between(text: str, a: Quantity, b: Quantity) -> bool:
    """Is there a clause turn between two figures ("… 1.2 million members and the TGWU has 800,000")?"""
    turn = _CLAUSE_TURN_RE.search(text, min(a.end, b.end))
    return turn is not None and turn.start() < max(a.start, b.start)


def _match_quantity(q: Quantity, quantities: Sequence[Quantity], text: str = "",
                    terms: Sequence[str] = (), asserted_text: str = "") -> tuple[str, Quantity | None]:
    if q.unit in _SHARE_UNITS and q.direction is None and _share_of(asserted_text, q):
        # A share of a whole: "more than 25% of the market" and "more than a quarter of the market"
        # are one figure. Only "X of …" on both sides: a rate of change is no share.
        q = _as_percent(q)
        quantities = [_as_percent(c) if c.unit == FRACTION_UNIT and c.direction is None and _share_of(text, c)
                      else c for c in quantities]
    comparable = [c for c in quantities if _unit_compatible(q, c) and _counted_compatible(q.counted, c.counted)]
    mine_noun = _figure_noun(asserted_text, q) if asserted_text and q.counted is None else frozenset()
    if mine_noun and text and comparable and mine_noun <= set(content_terms(text)):
        # "£35bn of tax cuts" is not "£35bn in 'wasteful' spending … to allow tax cuts": the source's
        # figure is of another noun, and the asserted one stands elsewhere in the sentence.
        comparable = [c for c in comparable if not ((theirs := _figure_noun(text, c)) and not theirs & mine_noun)]
        if not comparable:
            return "unknown", None
    if _is_range(q) and comparable and not any(_is_range(c) for c in comparable):
        # A range against figures given one by one ("between 250 euros (£173) and 600 euros"): both
        # ends must be there; one end there and another figure for the other is a conflict.
        assert q.low is not None and q.high is not None
        lows = [c for c in comparable if math.isclose(c.value, q.low, rel_tol=1e-6)]
        highs = [c for c in comparable if math.isclose(c.value, q.high, rel_tol=1e-6)]
        if lows and highs:
            return "match", lows[0]
        others = [c for c in comparable if not any(c is e for e in lows + highs)]
        if (lows or highs) and others:
            return "conflict", others[0]
        return "unknown", None
    if text and _EARLIER_WORD_RE.search(text) and not (_EARLIER_WORD_RE.search(asserted_text)
                                                      and _EARLIER_PERIOD_RE.search(asserted_text)):
        # "10.7% in December, less than the 13.7% rise the previous month": a figure of an earlier
        # period is no evidence for an assertion about the period the sentence is about.
        current = [c for c in comparable if not _EARLIER_PERIOD_RE.match(text, c.end)]
        if current and len(current) < len(comparable):
            comparable = current
    role = _level_role(asserted_text, q)
    if role is not None:
        # A figure the source gives as the start of a change is no evidence for the end of it.
        comparable = [c for c in comparable if _level_role(text, c) in {None, role}]
    # Two figures of one counted noun with nothing between them ("Seventeen of the 30 counts",
    # "five out of six people") share the words after them: neither owns them alone.
    if len(comparable) > 1 and text and terms:
        # Keep the figures whose own words do not conflict with the assertion's: a figure that
        # the source gives for something else is not evidence for this one.
        owned = _bound_terms(text, comparable)
        partitive = len(comparable) == 2 and len({c.counted for c in comparable}) == 1 \
            and comparable[0].counted is not None and not all(owned)
        if partitive:
            owned = [owned[0] | owned[1]] * 2
        asserted = set(terms)
        claimed_elsewhere = [asserted & (set().union(*(o for j, o in enumerate(owned) if j != i)) - owned[i])
                             for i in range(len(comparable))]
        bound = [c for i, c in enumerate(comparable) if not claimed_elsewhere[i]]
        if not bound and any(_turn_between(text, a, b) for a in comparable for b in comparable if a is not b):
            # Each figure has some asserted word elsewhere ("shares in Biogen lost 70%" against
            # "shares in Elan lost 70% while Biogen shed 43%"): in clauses set against each other,
            # the names decide.
            names = _name_terms(text)
            bound = [c for i, c in enumerate(comparable) if not claimed_elsewhere[i] & names]
        if bound and len(bound) < len(comparable):
            comparable = bound
    if q.counted:
        # "4p on a pint" must be compared with the source's figure for pints, not any pence figure.
        same = [c for c in comparable if c.counted and _counted_compatible(q.counted, c.counted)]
        if same:
            comparable = same
    if not comparable:
        return "unknown", None
    # The same figure first: "18" is the source's "18 injured" before it is its "at least four".
    if q.bound == Bound.EXACT:
        for c in comparable:
            if c.value == q.value and _quantity_fits(q, c):
                return "match", c
    for c in comparable:
        if _quantity_fits(q, c):
            return "match", c
    if any(_within_bound(q, c) for c in comparable):
        return "unknown", None  # the source bounds the figure without giving it
    same_counted = [c for c in comparable if q.counted and c.counted] or comparable
    return "conflict", same_counted[0]


_MONTHS = {name: n for n, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")), start=1) for name in names}
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_RE = lazy_re.compile(rf"\b(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH_ALT})\b"
                           rf"|(?P<m2>{_MONTH_ALT})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b"
                           rf"|(?P<m3>{_MONTH_ALT})\b)")
_YEAR_RE = lazy_re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_AGO_RE = lazy_re.compile(rf"\b(?P<n>\d{{1,3}}|{'|'.join(_COUNT_WORDS)})\s+"
                          r"(?P<unit>day|week|month|year|decade)s?\s+ago\b")


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_RE = lazy_re.compile(r"\b((?:mon|tues|wednes|thurs|fri|satur|sun)day)\b")


@lru_cache(maxsize=4096)
def _date_fields(text: str, value: str | None) -> tuple[str, int | None, int | None, int | None] | None:
    """A date as comparable fields, also when it could not be resolved to a calendar date.

    Without a publication date "September" or "13 March" stays unresolved, yet two such dates
    still agree or disagree on what they do name: ("cal", year, month, day) with None for what
    the text leaves open, or ("ago", unit length in days, count, None) for "six years ago".
    """
    if value is not None:
        from factcheck.text.dates import parse_iso_partial

        try:
            year, month, day = parse_iso_partial(value)
        except ValueError:
            return None
        return "cal", year, month, day
    low = text.lower()
    ago = _AGO_RE.search(low)
    if ago:
        n = ago.group("n")
        count = int(n) if n.isdigit() else _COUNT_WORDS[n]
        unit = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}[ago.group("unit")]
        return "ago", unit, count, None
    m = _DAY_MONTH_RE.search(low)
    if m is None:
        weekday = _WEEKDAY_RE.search(low)
        if weekday is None:
            return None
        # "on Thursday" against "on Wednesday": without a publication date neither resolves,
        # yet for one event they disagree.
        return "weekday", _WEEKDAYS.index(weekday.group(1)[:3]), None, None
    month = _MONTHS[m.group("m1") or m.group("m2") or m.group("m3")]
    day_text = m.group("d1") or m.group("d2")
    day = int(day_text) if day_text else None
    if day is not None and not 1 <= day <= 31:
        return None
    year_m = _YEAR_RE.search(low)
    return "cal", int(year_m.group(1)) if year_m else None, month, day


def _compare_date_fields(asserted: DateRef, source: DateRef) -> str:
    """'match', 'conflict' or 'unknown' for two dates of which at least one is unresolved.

    A field both name and disagree on is a conflict ("October" against "until September",
    "13 March" against "10 March"); every field the assertion names must be named alike by the
    source for a match (the source may be more precise: "March" is matched by "10 March").
    """
    mine = _date_fields(asserted.text, asserted.value)
    theirs = _date_fields(source.text, source.value)
    if mine is None or theirs is None or mine[0] != theirs[0]:
        return "unknown"
    if mine[0] == "weekday":
        return "match" if mine[1] == theirs[1] else "conflict"
    if mine[0] == "ago":
        if mine[1] != theirs[1]:
            return "unknown"
        return "match" if mine[2] == theirs[2] else "conflict"
    pairs = list(zip(mine[1:], theirs[1:], strict=True))  # year, month, day
    if any(a is not None and b is not None and a != b for a, b in pairs):
        return "conflict"
    if all(b is not None for a, b in pairs if a is not None):
        return "match"
    return "unknown"


def _match_date(d: DateRef, dates: Sequence[DateRef]) -> tuple[str, DateRef | None]:
    if d.value is None or any(c.value is None for c in dates):
        # One side could not be resolved (no publication date): compare what the texts name.
        conflict: DateRef | None = None
        for c in dates:
            if c.text.lower() == d.text.lower():
                return "match", c
            if d.value is not None and c.value is not None:
                continue
            status = _compare_date_fields(d, c)
            if status == "match":
                return "match", c
            if status == "conflict" and conflict is None:
                conflict = c
        if d.value is None:
            return ("conflict", conflict) if conflict is not None else ("unknown", None)
        if conflict is not None and not any(c.value is not None and (c.value == d.value or date_contains(d, c))
                                            for c in dates):
            return "conflict", conflict
    resolved = [c for c in dates if c.value is not None]
    for c in resolved:
        if c.value == d.value or date_contains(d, c):
            return "match", c
    for c in resolved:
        assert c.value is not None
        if len(c.value) == len(d.value) or date_contains(c, d):
            if date_contains(c, d):
                return "unknown", None  # the source is less precise than the assertion
            return "conflict", c
    return "unknown", None


def _speaker_terms(text: str, table: AliasTable) -> set[str]:
    """Comparable terms of a speaker phrase: entities by canonical name, other words as terms."""
    return set(_speaker_terms_cached(text, table))


@lru_cache(maxsize=8192)
def _speaker_terms_cached(text: str, table: AliasTable) -> frozenset[str]:
    from factcheck.text.entities import extract_entities

    entities = extract_entities(text, table)
    terms = set(content_terms(text, [(e.start, e.end) for e in entities]))
    for entity in entities:
        terms.add(_entity_key(entity.name))
        terms.update(_name_tokens(entity.name))
    return frozenset(terms)


@lru_cache(maxsize=65536)
def _same_name(table: AliasTable, a: str, b: str) -> bool:
    """``table.same`` memoised: the same few names are compared for every candidate claim."""
    return table.same(a, b)


# A description set after a name, with or without its article: ", investment director of UK
# Equities at Standard Life Investments", ", a trader at Mellon Financial".
_DESCRIBED_AFTER_RE = lazy_re.compile(r"\s*,\s*(?:(?:an?|the)\s+)?([a-z][^,.;:]{1,80})")


_OWNER_BEFORE_RE = lazy_re.compile(r"(.+?)['’]s\s+[A-Z]")


def _descriptions_in(claim: Claim, speaker: Attribution | None, table: AliasTable,
                     name: str | None = None) -> list[frozenset[str]]:
    """The descriptions one sentence gives a person (the speaker, or the entity ``name``): its role,
    the speaker phrase's role, an appositive after the speaker ("said Ian Gunner, a trader at …")."""
    name = name or (speaker.entity if speaker is not None else None)
    found: list[frozenset[str]] = []
    for e in claim.entities:
        if e.role and name and (e.name == name or _same_name(table, e.name, name)):
            found.append(frozenset(_speaker_terms(e.role, table)))
    if speaker is not None:
        if speaker.role:
            found.append(frozenset(_speaker_terms(speaker.role, table)))
        owner = _OWNER_BEFORE_RE.match(speaker.who)
        if owner is not None and not speaker.role:
            found.append(frozenset(_speaker_terms(owner.group(1), table)))  # "said ABN Amro's Eddie Wong"
        at = claim.sentence.find(speaker.who)
        appositive = _DESCRIBED_AFTER_RE.match(claim.sentence, at + len(speaker.who)) if at >= 0 else None
        if appositive is not None:
            found.append(frozenset(_speaker_terms(appositive.group(1), table)))
    return found


def _same_speaker(a: Attribution, b: Attribution, table: AliasTable) -> bool:
    """Does the asserted speaker name no more than the source's speaker does?"""
    mine = _speaker_terms(a.who, table) - {"report", "~media"}
    if not mine:
        return True
    theirs = _speaker_terms(b.who, table) | _speaker_terms(b.via or "", table)
    if b.entity:
        theirs |= _speaker_terms(b.entity, table)
    if b.role:
        theirs |= _speaker_terms(b.role, table)
    for t in list(mine):
        if not t.startswith("@") and any(_initials_of(t, [Entity(name=x[1:])]) for x in theirs if x.startswith("@")):
            mine.discard(t)
    names = {t for t in mine if t.startswith("@")}
    if names and all(n in theirs or any(_same_name(table, n[1:], t[1:]) for t in theirs if t.startswith("@"))
                     for n in names):
        if (mine - names) <= theirs | {t for n in names for t in _name_tokens(n[1:])}:
            return True
    elif mine <= theirs:
        return True
    # The very words, whatever their case: "pentagon" is the source's "The Pentagon", and "a small
    # arms survey" its "A 2012 Small Arms Survey", even where the lower-cased words read as no name.
    # An acronym stands for the capitalised words it shortens ("the ODPM" for "the Office of the
    # Deputy Prime Minister").
    parts = [p for p in (b.who, b.via, b.entity, b.role) if p]
    theirs_text = " ".join(parts)
    spelled = {w.lower() for w in _ACRONYM_RE.findall(a.who) if any(_spelled_out(w, p) for p in parts)}
    typed = _words_of(a.who) - _DETERMINERS - spelled
    return bool(typed) and typed <= _words_of(theirs_text)


def _run_initials(text: str) -> list[str]:
    """Lower-cased initials of the text's runs of capitalised words of three or more ("odpm" of "the
    Office of the Deputy Prime Minister"), for acronyms the entity tagger gave no name of."""
    out = []
    for m in _SPELLED_RUN_RE.finditer(text):
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", m.group(0)))
        if len(initials) >= 3:
            out.append(initials.lower())
    return out


def _speaker_head_dropped(mine: str, theirs: str) -> str | None:
    """The head word of the source's speaker phrase that the asserted one drops, leaving a word that
    only modified it ("Tehran's chief" for "Tehran's chief justice"), else None."""
    a = _WORD_RE.findall(mine)
    b = _WORD_RE.findall(theirs)
    if len(a) < 1 or len(b) < 2 or not a[-1].islower() or not b[-1].islower() or a[-1] == b[-1]:
        return None
    last = a[-1].lower()
    at = [i for i, w in enumerate(b[:-1]) if w.lower() == last]
    return b[-1] if at and at[-1] == len(b) - 2 and b[-1].lower() not in {w.lower() for w in a} else None


def _bracketed_alias(mine: str, theirs: str, sentence: str) -> bool:
    """Is the asserted speaker the short name the source gives its speaker in brackets right after
    it ("The Brazilian Institute for Geography and Statistics (IBGE)")?"""
    at = sentence.find(theirs)
    m = _BRACKETED_RE.match(sentence, at + len(theirs)) if at >= 0 else None
    typed = _words_of(mine) - _DETERMINERS
    return m is not None and bool(typed) and typed <= _words_of(m.group(1))


_BRACKETED_RE = lazy_re.compile(r"\s*\(([^()]{2,15})\)")


_SPELLED_RUN_RE = lazy_re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|the|and|for|on|&)\s+)*[A-Z][\w'’-]*)+")


def _spelled_out(acronym: str, text: str) -> bool:
    """Does ``text`` spell out the acronym ("ODPM" in "the Office of the Deputy Prime Minister")?"""
    letters = acronym.rstrip("s").upper()
    for m in _SPELLED_RUN_RE.finditer(text):
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", m.group(0)))
        if initials == letters:
            return True
    return False


_DETERMINERS = frozenset({"the", "a", "an"})
SUBJECT_WORDS = 8  # how far into a sentence its subject may reach


def _opens_with(lower: str, who: str) -> bool:
    """Is the asserted "speaker" the subject the source sentence opens with? "Study: 80% of women …"
    or "the suit says more than $1bn" against "A study by … found that 80% …", "The suit seeks …":
    the assertion only names as speaker what the source gives as subject."""
    if who.lower() in _SPEAKER_PRONOUNS:
        return False
    typed = _words_of(who) - _DETERMINERS
    head = [w for w in re.findall(r"[a-z0-9&]+", lower)[:SUBJECT_WORDS] if w != "cnn"]
    while head and head[0] in _DETERMINERS:
        head.pop(0)
    # The speaker's words open the sentence, before anything else it says.
    return bool(typed) and bool(head) and head[0] in typed and set(head[:len(typed) + 2]) >= typed


def _words_of(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9&]+", text.lower()))


_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


@lru_cache(maxsize=8192)
def _named_speaker(who: str, table: AliasTable) -> bool:
    """Does a speaker phrase name someone ("Vincent Cable", "the BBC") rather than describe them
    ("the group", "the singer", "his attorney", "he")? Only a name can contradict another name."""
    if who.lower() in _SPEAKER_PRONOUNS:
        return False
    bare = re.sub(r"^(?:the|a|an|its|his|her|their)\s+", "", who, flags=re.I)  # "The firm" describes
    return any(t.startswith("@") for t in _speaker_terms(who, table)) or bare != bare.lower()


@lru_cache(maxsize=16)
def _cue_words(section: str, *keys: str) -> frozenset[str]:
    """The lower-cased words of lists in one section of the cue table."""
    from factcheck.tables import load_table

    table = load_table("cues")[section]
    return frozenset(w.lower() for key in keys for w in table[key])


@lru_cache(maxsize=8192)
def _unnamed(who: str) -> bool:
    """Is a speaker a person named by title only ("the chancellor", "the party's leader")?"""
    words = who.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and all(w.islower() for w in words) and words[-1] in _cue_words("anaphora", "person_titles")


def _is_outlet_of(attribution: Attribution, source: Source | None, table: AliasTable) -> bool:
    if source is None or not source.outlet:
        return False
    return table.same(attribution.who, source.outlet) or attribution.who.lower() == source.outlet.lower()


def _only_place_gap(al: _Alignment) -> bool:
    """A number from the source about another place is not evidence either way."""
    return any(g.kind == DifferenceKind.ENTITY and g.source for g in al.gaps) and all(
        c.kind in {DifferenceKind.NUMBER, DifferenceKind.DATE} for c in al.conflicts)


def _shares_more(clean: _Alignment, conflicted: _Alignment) -> bool:
    """Does the conflict-free claim match the details that the conflicting claim disputes?"""
    disputed = {c.kind for c in conflicted.conflicts}
    gap_kinds = {g.kind for g in clean.gaps}
    return not (disputed & gap_kinds) and not (disputed & {DifferenceKind.NEGATION, DifferenceKind.ROLE,
                                                           DifferenceKind.ENTITY, DifferenceKind.ATTRIBUTION})


# Words of a plan or a prediction in a reported sentence ("said it would …"). (Not _FUTURE_RE above,
# which this name once shadowed, so that the future-against-past check read this narrower list.)
_PLAN_WORDS_RE = lazy_re.compile(r"\b(?:will|would|shall|going to|plans? to|planned to|intends? to)\b|['’]ll\b", re.I)


def _other_occasion(al: _Alignment, asserted: Stance, cue_terms: Sequence[str]) -> bool:
    """Is a figure that differs a figure of another occasion rather than a disputed one?

    Another year as well as another figure ("fall 2% in 2005" against "rose 15.1% in 2004") is
    another period of a series; a plan against something done ("plans to cut 2,000 jobs" against
    "has cut 13,000 jobs") another event. Neither is evidence either way.
    """
    kinds = {c.kind for c in al.conflicts}
    if DifferenceKind.NUMBER not in kinds:
        return False
    if DifferenceKind.DATE in kinds:
        return True
    # A plan against a deed; not the other way round, where the claim's plan may belong to
    # another clause of its sentence ("we have taken delivery of six … and next month we will …"),
    # nor where the source has the very cue word ("pledged" for "pledges").
    # A prediction against a forecast ("revenue will rise by 3% to 3.5%" against "BA had forecast
    # a 2% to 3% rise"): a forecast is no fact to contradict a statement about the future with.
    if asserted == Stance.PLANNED and al.prepared.claim.stance == Stance.CONSIDERED:
        return True
    # Reported speech is a deed unless what was said is itself a plan ("said it would fund the
    # deal by selling …").
    claimed = al.prepared.claim.stance
    done = claimed == Stance.ASSERTED or (claimed == Stance.REPORTED and not _PLAN_WORDS_RE.search(al.prepared.text)
                                          and not _announced_measure(al.prepared))
    return asserted == Stance.PLANNED and done and not set(cue_terms) & al.prepared.terms


# What a firm announces as done: its results. Other things announced ("a cash hand-out, with payments
# of £50") are measures still to come.
_RESULT_TERMS = frozenset({"~profit", "~loss", "~sell", "~revenue", "result"})


def _announced_measure(prepared: _Prepared) -> bool:
    """Did the source's speaker announce a measure ("He also announced a cash hand-out for older
    pensioners, with payments of £50 …"), which a "will" states as well as the announcement does?"""
    who = prepared.claim.attribution
    return who is not None and who.verb == "announce" and not prepared.terms & _RESULT_TERMS


def _count_phrase(phrase: str, lower: str) -> int:
    return len(_phrase_re(phrase).findall(lower))


@lru_cache(maxsize=4096)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    """A lower-case phrase as whole words, whatever the spacing between them."""
    return re.compile(r"(?<![a-z0-9])" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?![a-z0-9])")


def _repeated_names(lower: str, prepared: _Prepared) -> str | None:
    """A full name the assertion gives more often than the source sentence does ("Lynch's
    nomination of Lynch" against "Obama's nomination of Lynch"): one of its mentions stands
    where the source has someone else."""
    for entity in prepared.claim.entities:
        name = entity.name.lower()
        if lower.count(name) < 2 or len(_name_tokens(name)) < 2:
            continue
        mine = _count_phrase(name, lower)
        if mine > 1 and mine > _count_phrase(name, prepared.lower):
            return entity.name
    return None


# A capitalised word inside a sentence, not after "the" ("in Minneapolis", not "the Budget").
_CAPITALISED_RE = lazy_re.compile(r"(?<=[\w,;:)] )(?<!\bthe )(?<!\bThe )[A-Z][A-Za-z'’-]+")


def _proper_in(term: str, prepared: _Prepared) -> bool:
    """Is the term a name in the claim (a capitalised word inside the sentence: "in Minneapolis")?
    A name is a detail to check, not topic a neighbouring sentence may lend."""
    return any(term_of(m.group(0)) == term or m.group(0).lower() == term
               for m in _CAPITALISED_RE.finditer(prepared.text)) or any(
        term_of(word) == term for e in prepared.claim.entities for word in _name_tokens(e.name)
        if not _definite_common(e, prepared.text))


def _definite_common(entity: Entity, text: str) -> bool:
    """A one-word name of no known kind written after "the" ("the Budget", "the Treasury"): an
    institution or an event a neighbouring "it" may stand for, not a person or a place."""
    return entity.kind == EntityKind.OTHER and len(_name_tokens(entity.name)) == 1 and entity.start >= 4 \
        and text[entity.start - 4:entity.start].lower() == "the "


# Clause boundaries for what a figure counts. Not "which"/"who": a relative clause ("profits,
# which showed a 5.5% rise") is about the noun before it.
_CLAUSE_STOP = lazy_re.compile(r",(?!\d)(?!\s*(?:which|who)\b)|[;:\u2013\u2014]|\s-\s"
                               r"|\b(?:and|but|while|when|whereas)\b", re.I)


_CHANGE_OF = lazy_re.compile(r"\s*(?:[a-z-]+\s+)?(?:rise|increase|fall|drop|decline|jump|growth|cut|reduction|gain|"
                        r"improvement)s?\s+(?:in|of)\s+", re.I)
_FOR_WHOM = lazy_re.compile(r"\s*(?:a\s+(?:year|month|week|day)\s+|each\s+|apiece\s+)?(for)\s+", re.I)
_TAIL_STOP = lazy_re.compile(r"\b(?:in|on|at|for|by|from|to|since|during|over|after|before|until|this|last|"
                             r"next)\b(?!-)", re.I)


@lru_cache(maxsize=65536)
def _figure_topic(text: str, start: int, end: int, names: frozenset[str] = frozenset(),
                  money: bool = False) -> frozenset[str]:
    """The content words of a figure's clause: what it counts ("fuel costs rose by £106m") and
    where. Words of change ("rose", "cut") say what happened to it, not what it is; a clause of
    nothing else ("…, dipping to 4% in 2005") takes its topic from the clause before. A sum of
    money takes in whom or what it is for ("payments of £50 for the over-70s")."""
    cuts = [0, *(m.end() for m in _CLAUSE_STOP.finditer(text, 0, start))]
    stop = _CLAUSE_STOP.search(text, end)
    tail = text[end:stop.start() if stop else len(text)]
    # After the figure, only what it counts ("900 troops stationed", "a 2% rise in revenue"),
    # not when or where.
    change = _CHANGE_OF.match(tail)
    counted = tail[change.end():] if change else tail
    beneficiary = _FOR_WHOM.match(counted) if money else None
    if beneficiary is not None:
        counted = _TAIL_STOP.split(counted[beneficiary.end():], maxsplit=1)[0]
    else:
        counted = _TAIL_STOP.split(counted, maxsplit=1)[0]
    tail = (tail[:change.end()] if change else "") + counted
    for begin in reversed(cuts):
        topic = _topic_terms(text[begin:start] + " " + tail) - names
        if topic:
            return topic
    return frozenset()


def _describer_is_speaker(asserted: str, speaker: Attribution) -> bool:
    """Does the assertion give its word of naming ("called", "described") to the source's speaker
    ("Phil Kain described …" where Phil Kain said it; not "the ministry called …" where another did)?"""
    words = _WORD_RE.findall(asserted)
    at = next((i for i, w in enumerate(words) if term_of(w) == "~describe"), None)
    if at is None:
        return False
    subject = {w.lower() for w in words[:at]}
    theirs = _words_of(" ".join(filter(None, (speaker.who, speaker.entity, speaker.role)))) - _DETERMINERS
    return bool(subject & theirs)


_DONE_RE = lazy_re.compile(r"(?=\b(?:been|was|were|is|are|has|have|had|be)\s+(?:now\s+|already\s+)?([a-z]+)\b)")


def _stated_as_done(term: str, query: _Query) -> bool:
    """Does the assertion state ``term`` as its verb, done ("has been scrapped", "was cut")?"""
    typed = set(query.words.get(term, ())) | {term}
    return any(m.group(1) in typed or term_of(m.group(1)) == term for m in _DONE_RE.finditer(query.lower))


def _loose_token(word: str, prepared: _Prepared, lower: str) -> bool:
    """Is ``word`` a bare word of the claim's clause? A word the clause uses only inside a phrase
    ("stand" of "stand down") counts only where the assertion has that phrase too."""
    if word not in prepared.tokens:
        return False
    phrases = prepared.phrase_words.get(word)
    return phrases is None or any(p in lower for p in phrases)


@lru_cache(maxsize=1024)
def _word_set(lower: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", lower))


_ACRONYM_RE = lazy_re.compile(r"\b[A-Z]{2,}s?\b")


@lru_cache(maxsize=65536)
def _name_terms(text: str) -> frozenset[str]:
    """Terms of the names a sentence gives: acronyms anywhere ("BA"), capitalised words inside it."""
    words = [m.group(0) for m in _ACRONYM_RE.finditer(text)] + [m.group(0) for m in _CAPITALISED_RE.finditer(text)]
    return frozenset(t for t in map(term_of, words) if t is not None)


def _misbound(asserted: Quantity, source: Quantity, asserted_text: str, text: str,
              terms: Sequence[str], figures: Sequence[Quantity] = ()) -> tuple[str, Quantity | None] | None:
    """A word the assertion ties to its figure that the source ties to another part of the
    sentence ("cargo revenue rose 4.3%" against "Turnover was up 4.3% …, benefiting from a rise
    in cargo revenue"), or to another figure ("men … until 85" against "Women can expect to live
    until 85, men until 78"): the figure is the source's, its subject is not."""
    # The words of the assertion's own clause before its figure, against the words right before
    # each other figure of the source.
    clause = _clause_before_terms(asserted_text, asserted.start) & set(terms)
    own = _next_to(text, source.start, source.end) | _clause_before_terms(text, source.start)
    for other in figures:
        # A later figure with a subject of its own ("…, men until 78"); an earlier one's words
        # are often the subject of both ("The draft has 237 lines … and 26 lines …").
        if other is source or other.unit != source.unit or other.start < source.end:
            continue
        theirs = _next_to(text, other.start, other.end)
        for term in sorted((clause & theirs) - own):
            return term, other
    mine = _next_to(asserted_text, asserted.start, asserted.end) & set(terms)
    if not mine:
        return None
    # Only a word the source gives after the figure's clause, in a later clause of its own
    # ("…, further benefiting from a rise in cargo revenue"): what comes before the figure is
    # often its subject or a fronted phrase about it ("Since the attacks, BA has cut …").
    stop = _CLAUSE_STOP.search(text, source.end)
    if stop is None:
        return None
    before = _topic_terms(text[:stop.start()])
    later = _topic_terms(text[stop.end():])
    for term in sorted(mine - before):
        if term in later:
            return term, None
    return None


def _clause_start(text: str, start: int) -> int:
    """Where the clause that holds the figure at ``start`` begins."""
    stops = [m.end() for m in _CLAUSE_STOP.finditer(text, 0, start)]
    return stops[-1] if stops else 0


@lru_cache(maxsize=65536)
def _clause_before_terms(text: str, start: int) -> frozenset[str]:
    """The content words of a figure's clause before it."""
    return _topic_terms(text[_clause_start(text, start):start])


NEXT_TO_FIGURE = 3  # words right before a figure that name what it counts ("cargo revenue rose 4.3%")


def _next_to(text: str, start: int, end: int) -> frozenset[str]:
    """The content words right before a figure, within its clause. (What follows it, "18 injured",
    is the counted noun, which ``_match_quantity`` compares.)"""
    before = re.findall(r"[A-Za-z][A-Za-z'-]*", text[_clause_start(text, start):start])[-NEXT_TO_FIGURE:]
    return _topic_terms(" ".join(before))


@lru_cache(maxsize=4096)
def _query_topic(lower: str) -> frozenset[str]:
    return frozenset(t for t in (term_of(w) for w in _topic_words(lower)) if t is not None)


@lru_cache(maxsize=65536)
def _topic_terms(text: str) -> frozenset[str]:
    terms = {t for t in (term_of(w) for w in _topic_words(text)) if t is not None}
    return frozenset(t for t in terms if t not in _CHANGE_TERMS and t not in _FIGURE_GENERIC)


def _topic_words(text: str) -> list[str]:
    return [_POSSESSIVE_END.sub("", w) for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)]


_POSSESSIVE_END = lazy_re.compile(r"['’]s?$")
# Words of change say what happened to a figure, not what it counts.
_CHANGE_TERMS = frozenset(t for t in (term_of(w) for w in (
    "rise", "rose", "fall", "fell", "increase", "reduce", "cut", "raise", "grow", "growth", "drop", "decline",
    "climb", "up", "down", "higher", "lower", "more", "less", "gain", "lose", "jump", "slump", "surge", "dip",
    "show", "showed", "see", "saw", "reach", "reached")) if t is not None)


# Words around many figures that say nothing of what is counted.
_FIGURE_GENERIC_WORDS = frozenset({"per", "cent", "percent", "total", "year", "month", "week", "day", "about", "around",
                             "nearly", "almost", "some", "least", "than", "figure", "number", "further", "extra",
                             "next", "last", "this", "previous",
                             # periods say when, not what: "full-year revenue", "quarterly profits"
                             "full-year", "full", "half-year", "half", "annual", "quarter", "quarterly",
                             "monthly", "weekly", "daily", "yearly", "period"})


def _neighbours(terms: list[str | None], i: int, reach: int = 6, most: int = 2) -> tuple[frozenset[str], ...]:
    """Up to ``most`` content terms on each side of token ``i``, within ``reach`` tokens: (before, after)."""
    before = [t for t in terms[max(0, i - reach):i] if t is not None][-most:]
    after = [t for t in terms[i + 1:i + 1 + reach] if t is not None][:most]
    return frozenset(before), frozenset(after)


def _shares(mine: Sequence[frozenset[str]], theirs: Sequence[frozenset[str]]) -> bool:
    """Do the neighbours on either side meet their counterparts on the same side?"""
    return any(m & t for m, t in zip(mine, theirs, strict=True))


def _attached_flip(asserted: str, text: str, term: str) -> tuple[str, str] | None:
    """``term`` as the assertion attaches it to its neighbours, where the source attaches an opposite
    of it to them and never ``term`` itself ("fewer votes" against "more votes but fewer MPs"; "a
    decrease in the working population" against "an increase in the working population and a fall
    in those inactive"). Returns the asserted word and the source's."""
    a_spans, a_terms = _term_positions(asserted)
    c_spans, c_terms = _term_positions(text)
    partners = antonym_partners(term)
    for i, t in enumerate(a_terms):
        if t != term:
            continue
        mine = [side - {term} - partners for side in _neighbours(a_terms, i)]
        own = [j for j, c in enumerate(c_terms) if c == term and _shares(mine, _neighbours(c_terms, j))]
        other = [j for j, c in enumerate(c_terms) if c in partners and _shares(mine, _neighbours(c_terms, j))]
        if other and not own:
            a_at, c_at = a_spans[i], c_spans[other[0]]
            return asserted[a_at[0]:a_at[1]], text[c_at[0]:c_at[1]]
    return None


_CHANGE_IN_RE = lazy_re.compile(r"\b([a-z]+)\s+(?:of|in)\s+((?:[a-z]+\s+){0,2}[a-z]+)", re.I)


def _nominal_flip(asserted: str, text: str, term: str) -> tuple[str, str] | None:
    """A change the source names as a noun with what it changes ("a decline in foreign tourism"),
    where the assertion gives that thing the opposite change ("foreign tourism has grown"), and the
    source's own word of that direction belongs to something else ("the increasing costs").
    Returns ("", "") when the source names the asserted change itself that way: no flip."""
    partners = antonym_partners(term)
    found: dict[str, set[str]] = {}  # change term -> terms it is "in"/"of"
    for m in _CHANGE_IN_RE.finditer(text):
        change = term_of(m.group(1))
        if change is not None and (change == term or change in partners):
            found.setdefault(change, set()).update(content_terms(m.group(2)))
    opposite = {t: things for t, things in found.items() if t in partners}
    if not found:
        return None
    a_spans, a_terms = _term_positions(asserted)
    at = next((i for i, t in enumerate(a_terms) if t == term), None)
    if at is None:
        return None
    subject = {t for t in a_terms[max(0, at - 5):at] if t is not None}
    own = found.get(term, set())
    if own & subject:
        return "", ""
    for change, things in opposite.items():
        if things & subject and not own & subject:
            word = next((m.group(1) for m in _CHANGE_IN_RE.finditer(text) if term_of(m.group(1)) == change), change)
            return asserted[a_spans[at][0]:a_spans[at][1]], word
    return None


# What may stand between a place and the name it describes: "Ireland-based Elan", "Japan's
# Yamanouchi", "US partner Biogen Idec" (up to two lower-case words, none of them a preposition or
# conjunction that would start another phrase).
_PLACE_MODIFIER_RE = lazy_re.compile(
    r"(?:-(?:based|born|owned|listed|headquartered|registered)|['’]s)?\s+"
    r"(?:(?!(?:and|or|but|in|of|to|with|from|for|at|on|by|than|as|while|after|before|the|a|an)\b)[a-z][a-z-]*\s+){0,2}")


def _place_of(name: Entity, entities: Sequence[Entity], text: str) -> Entity | None:
    """The place written as a modifier right before ``name`` ("Ireland-based Elan"), if any."""
    for place in entities:
        if place is name or not 0 <= place.end <= name.start:
            continue
        gap = _PLACE_MODIFIER_RE.match(text, place.end)
        # Any name before "-based" is a place ("Dublin-based"); otherwise the name must be one.
        if gap is not None and gap.end() == name.start and (place.kind == EntityKind.PLACE
                                                            or gap.group(0).startswith("-")):
            return place
    return None


def _place_modifier_swap(asserted: str, mine: Sequence[Entity], text: str, theirs: Sequence[Entity],
                         pairs: list[tuple[Entity, Entity]], table: AliasTable) -> tuple[str, str, str] | None:
    """A name the assertion places elsewhere than the source does: "US-based Elan" against
    "Ireland-based Elan" (the source's "US" describes its partner). Returns the name, the
    asserted place and the source's place."""
    for asserted_name, source_name in pairs:
        if asserted_name.kind == EntityKind.PLACE or asserted_name.start < 0 or source_name.start < 0:
            continue
        my_place = _place_of(asserted_name, mine, asserted)
        their_place = _place_of(source_name, theirs, text)
        if my_place is None or their_place is None:
            continue
        if my_place.name.lower() != their_place.name.lower() and not _same_name(table, my_place.name,
                                                                                 their_place.name):
            return source_name.text or source_name.name, my_place.text or my_place.name, \
                their_place.text or their_place.name
    return None


_NEXT_WORD = lazy_re.compile(r"\s+([a-z][a-z-]*)\b")


def _counted_past_name(q: Quantity, text: str, entities: Sequence[Entity]) -> Quantity:
    """In "8% PagesJaunes stake" the name modifies what is counted: the stake, not PagesJaunes.
    ("three South Africans" counts the name itself and stays.)"""
    if not q.counted:
        return q
    for entity in entities:
        if q.end <= entity.start <= q.end + 2 and q.counted in _name_tokens(entity.text or entity.name):
            m = _NEXT_WORD.match(text, entity.end)
            return replace(q, counted=m.group(1)) if m and term_of(m.group(1)) is not None else q
    return q


_CHANGE_SHOWN = frozenset(_show(t) for t in _CHANGE_TERMS)
_FIGURE_GENERIC = frozenset(_FIGURE_GENERIC_WORDS | {t for t in map(term_of, _FIGURE_GENERIC_WORDS) if t})


_REPORT_WORDS = frozenset({"report", "reports", "reported", "article", "story"})
_THE_REPORT = lazy_re.compile(r"\b(?:the|that|this) (?:report|article|story)\b")
_COMPARED_RE = lazy_re.compile(r"\bthan\s+(?:in\s+|the\s+|those\s+in\s+)?$", re.I)


def _name_in_title(term: str, query: _Query, title: str, not_first: bool = False) -> bool:
    """Is an asserted word ("fiat") written as a name in the headline ("… evade Fiat buyout")?
    With ``not_first``, the headline's opening word (capitalised anyway) does not count."""
    before = r"(?<=\s)" if not_first else r"\b"
    return any(re.search(rf"{before}{re.escape(w.capitalize())}\b", title) for w in query.words.get(term, (term,)))


def _names_another_actor(term: str, query: _Query, prepared: _Prepared) -> bool:
    """Is ``term`` a name from the headline ("Fiat" of "GM pays $2bn to evade Fiat buyout") where the
    claim names an actor of its own ("… much worse for GM, which is struggling …")? The claim is
    about that actor, not the headline's other one."""
    if not any(e.kind in _AGENTS or e.kind == EntityKind.PERSON for e in prepared.claim.entities):
        return False
    roles = _cue_words("anaphora", "person_titles", "organisation_nouns")
    if any(a in roles or b in roles for a, b in re.findall(r"\bthe\s+([a-z]+)(?:\s+([a-z]+))?", prepared.text)):
        return False  # "he believed the president was keen …": the description may stand for the name
    return _name_in_title(term, query, prepared.source.title, not_first=True)


_OPENING_NAME_RE = lazy_re.compile(r"\W*([A-Z][a-z]{2,}|[A-Z]{2,6})\s+[a-z]+(?:s|ed)\b")
_OPENING_NOT_NAMES = frozenset({
    "the", "this", "that", "these", "those", "it", "he", "she", "they", "we", "its", "his", "her", "their",
    "there", "shares", "sales", "prices", "profits", "analysts", "officials", "critics", "ministers", "police",
    "people", "workers", "investors", "many", "some", "most", "both", "all", "each", "such", "other", "others", "one",
})


def _subject_taken(term: str, query: _Query, prepared: _Prepared, names: frozenset[str]) -> bool:
    """Would the headline lend the assertion its subject ("Fosters employs 2,700 people") where the
    claim opens with another name of its own ("Southcorp employs 2,700 people")? Only a word the
    article writes as a name elsewhere counts: "Revenues fell" opens with no name."""
    first = _WORD_RE.match(query.details.text.lstrip(" \"'“‘"))
    if first is None or term_of(first.group()) != term:
        return False
    opening = _OPENING_NAME_RE.match(prepared.text)
    return opening is not None and opening.group(1).lower() not in _OPENING_NOT_NAMES \
        and opening.group(1) in names and term_of(opening.group(1)) != term


def _names_a_described_place(term: str, query: _Query, prepared: _Prepared) -> bool:
    """Is ``term`` a name from the headline ("Valdoria") where the claim says only "the country"?
    Which country that is, the sentences before tell, not the headline."""
    if not _PLACE_DESCRIPTION_RE.search(prepared.text):
        return False
    return _name_in_title(term, query, prepared.source.title)


_PLACE_DESCRIPTION_RE = lazy_re.compile(r"\bthe\s+(?:country|nation|state|region|island|kingdom|republic|city|"
                                        r"province|territory)\b", re.I)


def _title_place(entity: Entity, prepared: _Prepared) -> bool:
    """Is an asserted place the one the source's headline names, where the claim names no place
    of its own ("Women can expect to live until 85 …" under "Japan's ageing workforce")? A place
    the claim gives only in a comparison ("longer than Americans") is not its own."""
    tokens = _name_tokens(entity.name)
    if not tokens or not set(tokens) <= prepared.title_words:
        return False
    if _PLACE_DESCRIPTION_RE.search(prepared.text):
        # "The country saw record exports" after a sentence about Ghana: the place it means is the
        # one the text before names, which need not be the headline's.
        return False
    for other in prepared.claim.entities:
        if other.kind == EntityKind.PLACE and not (
                other.start >= 0 and _COMPARED_RE.search(prepared.text[max(0, other.start - 20):other.start])):
            return False
    return True


def _whole_name_given(words: Sequence[str], prepared: _Prepared, given: frozenset[str]) -> bool:
    """A word of a name the claim gives under another form ("south" of "South Korea" for the
    claim's "Seoul") counts only when the assertion gives the whole of that name."""
    entities = list(prepared.claim.entities) + list(prepared.shared)
    if prepared.speaker is not None:
        entities.append(prepared.speaker)
    for entity in entities:
        for name in (entity.name, entity.text):
            tokens = re.findall(r"[a-z0-9]+", (name or "").lower())
            if any(w in tokens for w in words) and all(t in given for t in tokens):
                return True
            # A person by surname ("winehouse" for the claim's "She", resolved to Amy Winehouse).
            if entity.kind == EntityKind.PERSON and tokens and tokens[-1] in words:
                return True
    return False


# "travel paid for by supporters": a participle, maybe its particle, then "by" and the doer.
_PASSIVE_AGENT_RE = lazy_re.compile(r"\b([a-z]{3,})\s+(?:(for|out|up|off|over|through)\s+)?by\s+"
                                    r"((?:the\s+|its\s+|his\s+|her\s+|their\s+)?[\w'’-]+(?:\s+[A-Z][\w'’-]*)*)")
# What follows "by" that is no doer: an amount, a time, a manner ("rose by a third", "by the end
# of the year", "by far").
_NOT_A_DOER = frozenset({"half", "around", "about", "some", "more", "less", "up", "far", "nearly",
                         "almost", "just", "as", "then", "now", "end", "time", "way", "default", "contrast",
                         "comparison", "law", "mistake", "accident", "hand", "phone", "email", "post", "air",
                         "road", "rail", "sea", "car", "train", "means", "itself", "themselves", "himself",
                         "herself", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                         "ten", "next", "last", "this", "that", "which", "whom", "how", "much", "many"})
_APPOSITIVE_NAME_RE = lazy_re.compile(r",\s*((?:[A-Z][\w'’&-]*)(?:\s+[A-Z][\w'’&-]*)*)")
# What "by a …" measures rather than names: "by a third", "by a wide margin".
_AMOUNT_AFTER_A = frozenset({"third", "quarter", "half", "fifth", "tenth", "margin", "factor", "wide", "large",
                             "small", "narrow", "huge", "further", "total", "record", "similar", "majority",
                             "mile", "point", "fraction", "whisker", "long", "lot", "little", "bit", "few",
                             "couple", "dozen", "hundred", "thousand", "million", "billion", "percentage",
                             "landslide", "slim", "clear", "comfortable"})


def _verb_forms(participle: str) -> set[str]:
    """The active forms an assertion may use for a source's participle: "run" → runs, ran …;
    "paid" → pays, pay; "acquired" → acquires, acquire."""
    from factcheck.text.terms import base_of_irregular

    forms = {participle}
    base = base_of_irregular(participle)
    if base is None and participle.endswith("ed"):
        forms |= {participle[:-1], participle[:-2]}  # "acquired" → "acquire"; "backed" → "back"
        base = participle[:-1] if participle[:-2].endswith(("c", "g", "s", "v", "z", "r", "u")) else participle[:-2]
    if base is not None:
        forms |= {base, base + "s", base + "es"}
    forms.add(participle + "s")
    return forms


_PASSIVE_AUX_RE = lazy_re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got|getting)\s+(?:\w+ly\s+)?$", re.I)


def _other_doer(asserted: str, prepared: _Prepared) -> tuple[str, str] | None:
    """The source's passive names its doer, and the assertion gives the same verb, active, to a
    subject that is not that doer: "News International paid for the trip" against "… travel paid
    for by supporters". Returns the verb as the source has it and the source's doer."""
    text = prepared.text
    if " by " not in text:
        return None
    lower = asserted.lower()
    spans = [(q.start, q.end) for q in prepared.quantities] + [(d.start, d.end) for d in prepared.claim.dates]
    for m in _PASSIVE_AGENT_RE.finditer(text):
        verb, particle, agent = m.group(1), m.group(2), m.group(3)
        if agent.lower() in {"a", "an"}:
            # "by a separate company", not "by a third" or "by a wide margin"
            more = re.match(r"\s+([a-z]+)(?:\s+([a-z]+))?", text[m.end(3):])
            if more is None or more.group(1) in _AMOUNT_AFTER_A:
                continue
            agent = f"{agent} {more.group(1)}" + (f" {more.group(2)}" if more.group(2) else "")
        head = agent.split()[-1].lower() if agent.split() else ""
        first = agent.split()[0].lower()
        if first in _NOT_A_DOER or head in _NOT_A_DOER or not head.isalpha() \
                or any(s < m.end(3) and m.start(3) < e for s, e in spans):
            continue
        if not (verb.endswith(("ed", "en")) or irregular_verb_form(verb) or verb in irregular_bases()):
            continue  # no participle: "shot in the back by a gun"
        phrase = f"{verb} {particle}" if particle else verb
        forms = "|".join(re.escape(f) for f in _verb_forms(verb))
        tail = rf"\s+{re.escape(particle)}" if particle else ""
        mine = re.search(rf"\b(?:{forms}){tail}\b(?!\s+by\b)", lower)
        if mine is None or mine.start() == 0 or _PASSIVE_AUX_RE.search(lower, 0, mine.start()):
            continue
        # "run by a separate company, Eurostar": the name in apposition is the doer too.
        named = _APPOSITIVE_NAME_RE.match(text, m.end(3) + (len(agent) - len(m.group(3))))
        doer = f"{agent} {named.group(1)}" if named is not None else agent
        if any(t in _word_set(lower) for t in re.findall(r"[a-z]+", doer.lower()) if t not in _NOT_A_DOER
               and t not in {"the", "its", "his", "her", "their", "a", "an"}):
            continue  # the assertion names the doer
        return phrase, (f"{agent}, {named.group(1)}" if named is not None else agent)
    return None


def _conflict(al: _Alignment, kind: DifferenceKind, asserted: str, source: str, reason: str) -> bool:
    """Record a conflict found on a would-be support; True, for the caller to return."""
    al.conflicts.append(Difference(kind=kind, asserted=asserted, source=source))
    al.conflict_reasons.append(reason)
    return True


def _roles_swapped(al: _Alignment, asserted: str) -> bool:
    """Checked on would-be supports only (each scans both texts): who does what to whom, with
    every name and word in place ("Mendel Labs acquired Tarvik Group" against "Tarvik Group
    acquired Mendel Labs"; "X said it would …" against "X said Y would …"). Records the conflict."""
    text = al.prepared.text
    role, entity = DifferenceKind.ROLE, DifferenceKind.ENTITY
    agent = _agent_made_object(asserted, text, al.prepared.claim.entities)
    if agent is not None:
        verb, name = agent
        return _conflict(al, role, f"{verb} {name}", f"{verb} by {name}",
                         f"in the source it was {verb} by {name}; {name} is not what was {verb}")
    for found, kind in ((_affiliation_swapped(asserted, text), role), (_deal_turned_round(asserted, text), role),
                        (_near_dropped(asserted, text), DifferenceKind.NUMBER)):
        if found is not None:
            mine, theirs = found
            return _conflict(al, kind, mine, theirs, f"the source says {theirs!r}, not {mine!r}")
    identity = _identity_swapped(asserted, text)
    if identity is not None:
        mine, theirs = identity
        return _conflict(al, entity, mine, theirs, f"the source gives {theirs!r} in that place, not {mine!r}")
    excepted = _excepted(asserted, text)
    if excepted is not None:
        return _conflict(al, DifferenceKind.NEGATION, excepted, f"except {excepted}", f"the source excepts {excepted}")
    subject = _object_made_subject(asserted, al.prepared.claim, al.pairs)
    if subject is not None:
        mine, theirs = subject
        return _conflict(al, role, mine, theirs,
                         f"in the source {theirs} is the subject; {mine} comes in only after a preposition")
    turned = _turned_round(asserted, text) or _pronoun_turned_round(asserted, text, al.prepared.claim.entities)
    if turned is not None:
        verb, mine, theirs = turned
        return _conflict(al, role, f"{mine} {verb}", f"{theirs} {verb}",
                         f"in the source {theirs} is the one who does {verb!r}, not {mine}")
    slot = _slot_swap(asserted, text, al.prepared.claim.entities)
    if slot is not None:
        context, mine, theirs = slot
        return _conflict(al, entity, mine, theirs, f"the source names {theirs} after {context!r}, not {mine}")
    # A name inside another's role ("Mellon Bank trader Ian Fenn", "senior vice president Boeing")
    # describes that person; it does nothing.
    pairs = [(m, t) for m, t in al.pairs if not _in_a_role(m, [p[0] for p in al.pairs])
             and not _in_a_role(t, al.prepared.claim.entities)]
    if pairs:
        acted = (_actor_swap(asserted, text, pairs) or _subject_swap(asserted, text, pairs)) \
            if len(pairs) > 1 else None
        if acted is not None:
            verb, mine_actor, their_actor = acted
            return _conflict(al, role, f"{mine_actor} {verb}", f"{their_actor} {verb}",
                             f"in the source {their_actor} is the one who does {verb!r}, not {mine_actor}")
        subject_swap = _reported_subject_swap(asserted, text, pairs)
        if subject_swap is not None:
            mine_subject, their_subject = subject_swap
            return _conflict(al, role, mine_subject, their_subject,
                             f"in the source {their_subject} is the one who does this, not {mine_subject!r}")
    return False


_DESCRIBED_PEOPLE_RE = lazy_re.compile(r"\b([a-z]+)\s+([a-z]+?)(?:s)?\b")


# Where a sentence turns to a new clause: ", and there also was …", "; …", "but", "while".
_CLAUSE_SPLIT_RE = lazy_re.compile(r",\s+and\s|;\s|,?\s+(?:but|while|whereas)\s", re.I)


_LOCATIVE_BEFORE_RE = lazy_re.compile(r"\b(?:to|in|at|from|into)\s+$", re.I)


def _place_apart_from_figure(asserted: str, al: _Alignment) -> tuple[str, str] | None:
    """A place the assertion gives its figure where the source has that place only in another clause
    than the figure ("300 posts will be moved to Birmingham" against "300 posts will go to Yorkshire
    while hundreds … will move to Birmingham"): (the place, the figure)."""
    prepared = al.prepared
    text = prepared.text
    cuts = list(_CLAUSE_SPLIT_RE.finditer(text))
    if not cuts or not prepared.quantities:
        return None
    from factcheck.text.numbers import extract_quantities

    places = [theirs for mine, theirs in al.pairs if theirs.kind in {EntityKind.PLACE, EntityKind.OTHER}
              and _LOCATIVE_BEFORE_RE.search(asserted, 0, max(mine.start, 0))]
    if not places:
        return None
    bounds = [0, *(m.start() for m in cuts), len(text)]

    def clause_of(position: int) -> int:
        return max(i for i, b in enumerate(bounds[:-1]) if b <= position)

    for q in extract_quantities(asserted):
        same = [c for c in prepared.quantities if c.value == q.value and _unit_compatible(q, c)]
        if len(same) != 1:
            continue
        home = clause_of(same[0].start)
        for place in places:
            if all(clause_of(e.start) != home for e in prepared.claim.entities if e.name == place.name):
                return place.text or place.name, q.text
    return None


def _subject_in_another_clause(asserted: str, prepared: _Prepared) -> tuple[str, str] | None:
    """The asserted figure's subject word, where the source has that word only in another clause
    of the sentence than the figure ("Business investment rose 1.2%" against "Consumer spending was
    up by 1.2%, and there also was a rebound in business investment"): (the word, the figure).
    Only a figure its verb states ("rose 1.2%", "was £4bn"), and only a source clause with a
    subject of its own ("…, and is based on 166 call centres" shares the sentence's)."""
    text = prepared.text
    cuts = list(_CLAUSE_SPLIT_RE.finditer(text))
    if not cuts or not prepared.quantities:
        return None
    from factcheck.text.numbers import extract_quantities

    for q in extract_quantities(asserted):
        verb = _STATING_VERB_RE.search(asserted, 0, q.start)
        if verb is None:
            continue
        opened = [m.end() for m in _CLAUSE_SPLIT_RE.finditer(asserted, 0, verb.start())]
        subject = [t for t in content_terms(asserted[max(opened, default=0):verb.start()])
                   if t not in _CHANGE_TERMS and t not in _WAY_OF]
        same = [c for c in prepared.quantities if c.value == q.value and _unit_compatible(q, c)]
        if not subject or len(same) != 1:
            continue
        figure = same[0]
        before = [m for m in cuts if m.end() <= figure.start]
        if before and _SUBJECTLESS_AFTER_RE.match(text, before[-1].end()):
            continue
        start = before[-1].end() if before else 0
        end = next((m.start() for m in cuts if m.start() >= figure.end), len(text))
        own = set(content_terms(text[start:end]))
        rest = set(content_terms(text[:start] + " " + text[end:]))
        for t in subject:
            if t not in own and t in rest:
                typed = next((w for w in _WORD_RE.findall(asserted[:q.start]) if term_of(w) == t), _show(t))
                return typed, q.text
    return None


# A verb that states the figure right after it: "rose 1.2%", "was up by 1.2%", "has 800,000".
_STATING_VERB_RE = lazy_re.compile(r"\b(?:rose|fell|grew|jumped|climbed|dropped|slipped|gained|lost|increased|"
                                   r"decreased|declined|was|were|is|are|has|have|had|reached|hit|totalled|"
                                   r"stood)(?:\s+(?:up|down|at|by|to|some|about|around|nearly|almost|just|only|"
                                   r"a|an))*\s+$", re.I)
# A clause that opens with its verb shares the sentence's subject: "…, and is based on …".
_SUBJECTLESS_AFTER_RE = lazy_re.compile(r"\s*(?:also\s+|then\s+)?(?:is|was|are|were|has|have|had|will|would|"
                                        r"can|could|may|might|did|does|[a-z]+ed)\b", re.I)


_AFFILIATED_RE = lazy_re.compile(r"\b([a-z]+?)s?\s+(?:for|of|from)\s+(?:the\s+)?"
                                 r"((?:[A-Z][\w'’&-]*\s*)+\(([A-Z]{2,6})\))")


def _affiliation_swapped(asserted: str, text: str) -> tuple[str, str] | None:
    """Another body's acronym before a noun for people than the one the source gives it ("bnp
    candidate" against "a candidate for the UK Independence Party (UKIP) … the British National Party
    (BNP)"): (asserted, source). Only acronyms the source itself defines in brackets."""
    if "(" not in text:
        return None
    people = _people_nouns()
    lower = asserted.lower()
    for m in _AFFILIATED_RE.finditer(text):
        noun = m.group(1).lower()
        if noun not in people:
            continue
        mine = re.search(rf"\b([a-z]{{2,6}})\s+{re.escape(noun)}s?\b", lower)
        if mine is None:
            continue
        acronym = mine.group(1).upper()
        if acronym == m.group(3) or f"({acronym})" not in text:
            continue
        return f"{acronym} {noun}", f"{noun} for {m.group(2).strip()}"
    return None


# Hyphened only: an unhyphened "near" is mostly where ("a base near the city of Tikrit").
_NEAR_RE = lazy_re.compile(r"\bnear-([a-z]+)\b", re.I)


def _near_dropped(asserted: str, text: str) -> tuple[str, str] | None:
    """"a record pace" against the source's "a near-record pace": what came close is not the thing.
    Returns (asserted word, source phrase)."""
    if "near-" not in text.lower():
        return None
    lower = asserted.lower()
    for m in _NEAR_RE.finditer(text):
        word = m.group(1).lower()
        at = _find_word(lower, word)
        if at >= 0 and not re.search(r"near[- ]?\Z", lower[:at]):
            return word, m.group(0)
    return None


_EXCEPT_RE = lazy_re.compile(r"\b(?:except(?:\s+for)?|apart\s+from|other\s+than|excluding|with\s+the\s+exception\s+of)"
                             r"\s+((?:the\s+)?[A-Z][^,.;:]*?)(?=,|\.|;|:|$|\s+(?:where|which|who)\b)")


def _excepted(asserted: str, text: str) -> str | None:
    """A name the assertion makes the subject of what the source says of all but it ("All areas saw a
    rise except for Northern Ireland and the West Midlands"): the name, else None."""
    if "xcept" not in text and "apart from" not in text and "other than" not in text and "xcluding" not in text:
        return None
    for m in _EXCEPT_RE.finditer(text):
        names = [n.strip() for n in re.split(r",|\band\b", m.group(1)) if n.strip()]
        for name in names:
            bare = re.sub(r"^the\s+", "", name, flags=re.I)
            if bare and bare[:1].isupper() and _find_word(asserted, bare) >= 0 \
                    and not re.search(r"\b(?:except|apart from|other than|excluding|but)\b", asserted, re.I):
                return bare
    return None


def _head_dropped(al: _Alignment, asserted: str) -> bool:
    """Checked on would-be supports only (it costs a scan of both texts): records the gap."""
    described = _describer_swapped(asserted, al.prepared.text)
    if described is not None:
        mine, theirs = described
        al.gaps.append(Difference(kind=DifferenceKind.ROLE, asserted=mine, source=theirs))
        al.gap_reasons.append(f"the source says {theirs!r}, not {mine!r}")
        return True
    apart = _place_apart_from_figure(asserted, al)
    if apart is not None:
        place, figure = apart
        al.gaps.append(Difference(kind=DifferenceKind.ENTITY, asserted=place, source=None))
        al.gap_reasons.append(f"the source gives {figure} in another clause than the one about {place}")
        return True
    elsewhere = _subject_in_another_clause(asserted, al.prepared)
    if elsewhere is not None:
        word, figure = elsewhere
        al.gaps.append(Difference(kind=DifferenceKind.NUMBER, asserted=figure, source=None))
        al.gap_reasons.append(f"the source gives {figure} in another clause than the one about {word!r}")
        return True
    doer = _other_doer(asserted, al.prepared)
    if doer is not None:
        verb, agent = doer
        al.gaps.append(Difference(kind=DifferenceKind.ROLE, asserted=verb, source=f"{verb} by {agent}"))
        al.gap_reasons.append(f"the source says {verb} by {agent}; it does not say the assertion's subject did")
        return True
    relative = _relative_subject(asserted, al)
    if relative is not None:
        verb, theirs = relative
        al.gaps.append(Difference(kind=DifferenceKind.ROLE, asserted=verb, source=f"{theirs} {verb}"))
        al.gap_reasons.append(f"in the source {theirs} is the one who {verb}")
        return True
    dropped = _dropped_head(asserted, al.prepared.text) or _dropped_subject_head(asserted, al)
    if dropped is None:
        return False
    word, head = dropped
    al.gaps.append(Difference(kind=DifferenceKind.ENTITY, asserted=word, source=f"{word} {head}"))
    al.gap_reasons.append(f"the source says {word!r} of {head!r}, not {word!r} itself")
    return True


_SUBJECT_HEAD_RE = lazy_re.compile(r"(?:^|\s)([a-z][a-z/-]+)\s+(?:for|of|at|from|with)\s+[\"“‘']?(?:the\s+)?$",
                                   re.I)
_OPENING_RE = lazy_re.compile(r"\W*(?:the\s+)?", re.I)
_NEXT_WORD_RE = lazy_re.compile(r"[\"”’'\s]*([A-Za-z]+)")


_RELATIVE_MARK_RE = lazy_re.compile(r"\b(?:where|who|whom|which|when|whose)\b", re.I)
_TWO_WORDS_RE = lazy_re.compile(r"\s*([a-z]+\s+[a-z]+)")


def _relative_subject(asserted: str, al: _Alignment) -> tuple[str, str] | None:
    """The subject of a relative clause given the main clause's subject: "Phillip Hyman grew up in
    the neighbourhood where Scott was shot" does not say "Phillip Hyman was shot". Returns the
    predicate and the source's subject for it."""
    text = al.prepared.text
    lower = asserted.lower()
    source = text.lower()
    inside = _subject_inside_relative(lower, text)
    if inside is not None:
        return inside
    entities = al.prepared.claim.entities
    for theirs in entities:
        name = (theirs.text or theirs.name).lower()
        at = lower.find(name) if name else -1
        if at < 0 or len(lower[:at].split()) > 2:
            continue
        predicate = _TWO_WORDS_RE.match(lower, at + len(name))
        if predicate is None:
            continue
        words = predicate.group(1)
        found = source.find(words, theirs.end)
        if found < 0 or source[theirs.end:found].strip() == "":
            continue
        mark = _RELATIVE_MARK_RE.search(text, theirs.end, found)
        if mark is None:
            continue
        other = next((e for e in entities if mark.end() <= e.start < found and e.name != theirs.name
                      and e.kind in (EntityKind.PERSON, EntityKind.ORGANIZATION)
                      and (e.text or e.name).lower() not in lower), None)
        if other is not None:
            return words, other.text or other.name
        # "… one from the ELAA and the other from IATA, which has attacked …": "which" stands for
        # the name right before it, not one further back.
        antecedent = max((e for e in entities if theirs.end <= e.start and e.end <= mark.start()
                          and e.name != theirs.name and e.kind in _PRESENTERS
                          and (e.text or e.name).lower() not in lower), key=lambda e: e.end, default=None)
        if antecedent is not None and not text[antecedent.end:mark.start()].strip(" ,()"):
            return words, antecedent.text or antecedent.name
    return None


def _dropped_subject_head(asserted: str, al: _Alignment) -> tuple[str, str] | None:
    """A name the assertion makes the subject of a verb, where the source has it after the
    subject's head ("the Atlanta Hawks described his injury" against "the guard/forward for the
    Atlanta Hawks described his injury"): the name is not the one who does it. Saying is left to
    the attribution checks (a firm's chairman may speak for the firm)."""
    text = al.prepared.text
    lower = asserted.lower()
    for theirs in al.prepared.claim.entities:
        name = (theirs.text or theirs.name).lower()
        opening = _OPENING_RE.match(lower)
        at = opening.end() if opening is not None else 0
        if not name or not lower.startswith(name, at) or not 0 < theirs.start <= len(text):
            continue
        head = _SUBJECT_HEAD_RE.search(text[:theirs.start])
        my_verb = _NEXT_WORD_RE.match(asserted, at + len(name))
        their_verb = _NEXT_WORD_RE.match(text, theirs.end)
        if head is None or my_verb is None or their_verb is None:
            continue
        verb = my_verb.group(1).lower()
        if verb != their_verb.group(1).lower() or verb in _SPEECH_FORMS or term_of(verb) is None \
                or verb.endswith("ing"):
            continue  # "the video of X firing": X does the firing
        word = head.group(1)
        bodies = _cue_words("anaphora", "public_body_words", "organisation_nouns")
        if word.lower() in lower or term_of(word.split("/")[0]) is None or word.lower() in bodies:
            continue  # "the government of Shibuya ward passed": the ward's government is the ward
        return theirs.text or theirs.name, word
    return None


def _summarises(prepared: _Prepared) -> bool:
    """Is the claim the story's headline or standfirst, which only sum up its body?"""
    return prepared.summary or _is_headline(prepared)


def _is_headline(prepared: _Prepared) -> bool:
    return prepared.claim.sentence.strip() == prepared.source.title.strip()


# "from 85,000 in October": the date of the starting figure of a change.
_YEAR_ONLY_RE = lazy_re.compile(r"(?:in\s+)?\d{4}")
_FROM_DATE_RE = lazy_re.compile(r"\bfrom\s+\S+(?:\s+\S+)?\s+(?:in|on)\s+$", re.I)


def _from_date(text: str, start: int) -> bool:
    return start > 0 and bool(_FROM_DATE_RE.search(text[max(0, start - 40):start]))


def _dates_for(d: DateRef, asserted_text: str, dates: Sequence[DateRef], text: str) -> Sequence[DateRef]:
    """The claim's dates an asserted date may be compared with: the date of a change's starting
    figure ("fell to 77,000, from 85,000 in October") only answers a date the assertion also
    gives for a starting figure."""
    if len(dates) < 2 or _from_date(asserted_text, d.start):
        return dates
    # A year closing the phrase ("2.1% from 2.8% in 2005") dates the whole change, not its start.
    own = [c for c in dates if not (_from_date(text, c.start) and not _YEAR_ONLY_RE.fullmatch(c.text.strip()))]
    return own or dates


_FIGURE_DATE_LINK_RE = lazy_re.compile(r"\s*,?\s*(?:(?:in|for|by|during|of|the|year|financial|fiscal|both)\s+){0,3}",
                                       re.I)


# A time said relative to another ("2.5% a year later", "0.1% the previous month"): no date of its own.
_RELATIVE_TIME_AFTER_RE = lazy_re.compile(
    r"\s*,?\s*(?:(?:a|an|one|two|three|four|five|six|\d+)\s+(?:year|month|week|quarter|day)s?\s+"
    r"(?:later|earlier|before|after|on|ago)|(?:in\s+)?the\s+(?:following|previous|next|prior|same)\s+"
    r"(?:year|month|week|quarter|period))\b", re.I)
_CHANGE_ENDS_RE = lazy_re.compile(r",?\s*(?:from|to|against|compared with)\s+(?:an?\s+|the\s+)?", re.I)


def _figure_dated(text: str, figure: Quantity, when: DateRef) -> bool:
    """Does the assertion tie ``when`` to ``figure`` directly ("3.2% in 2005", "77,000 in November")?"""
    link = _FIGURE_DATE_LINK_RE.match(text, figure.end)
    return link is not None and link.end() == when.start


def _crossed_pair(figure: Quantity, when: DateRef, quantities: Sequence[Quantity], dates: Sequence[DateRef],
                  text: str) -> Quantity | None:
    """The source figure that ``when`` belongs to, where ``figure`` belongs to another of the
    sentence's dates ("3.2% in 2004, and 2.8% in both 2005 and 2006": 2005 is 2.8%'s), else None.

    Figures and dates are paired by nearness, and a semicolon between them keeps them apart.
    """
    # One change's two ends share its date ("2.1% from 2.8% in 2005").
    others = [q for q in quantities if q.value != figure.value and _unit_compatible(figure, q)
              and not _CHANGE_ENDS_RE.fullmatch(text[min(q.end, figure.end):max(q.start, figure.start)])]
    if not others or len(dates) < 2:
        return None

    def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
        lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
        return max(hi - lo, 0) + (1000 if ";" in text[lo:hi] else 0)

    own_date = min(dates, key=lambda d: gap((figure.start, figure.end), (d.start, d.end)))
    if own_date.start == when.start:
        return None
    span = (when.start, when.end)
    nearest = min([figure, *others], key=lambda q: gap((q.start, q.end), span))
    return nearest if nearest is not figure else None


def _hard_conflict(al: _Alignment) -> bool:
    return any(c.kind in {DifferenceKind.NUMBER, DifferenceKind.DATE, DifferenceKind.NEGATION}
               for c in al.conflicts)


def _suggest(text: str, al: _Alignment) -> str | None:
    if not al.replacements or len(al.replacements) < len(al.conflicts):
        # A correction that leaves one difference standing ("fell 5%" for "fell 6%" where the
        # source has "rose 5%") would be another wrong sentence.
        return None
    out = text
    for start, end, repl in sorted(al.replacements, key=lambda r: -r[0]):
        if 0 <= start < end <= len(out):
            out = out[:start] + repl + out[end:]
    return out if out != text else None


def _source_ref(source: Source, claim: Claim) -> SourceRef:
    published = source.published.isoformat() if isinstance(source.published, date) else None
    return SourceRef(id=source.id, title=source.title, outlet=source.outlet, published=published,
                     path=source.path, line=claim.line)


def _corroboration(al: _Alignment) -> Corroboration:
    claim = al.prepared.claim
    return Corroboration(claim_id=claim.id, source=_source_ref(al.prepared.source, claim),
                         evidence=claim.sentence)
