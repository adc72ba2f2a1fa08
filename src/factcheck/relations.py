"""Who did what to whom, read from an assertion and a source sentence: names swapped round a verb
or between slots, a passive's doer made its object, a subject the source gives only after a
preposition or inside a relative clause, degrees and orders turned the other way. Pure: string and
entity heuristics the checker calls on its alignments; no I/O, no knowledge base.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from factcheck import lazy_re
from factcheck.models import Claim, Entity, EntityKind
from factcheck.text.terms import term_of


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in re.findall(r"[a-z0-9]+", name.lower()) if len(t) > 1)


def _untagged_pairs(asserted: str, entities: Sequence[Entity], claim_entities: Sequence[Entity],
                    claim_matched: set[int]) -> list[tuple[Entity, Entity]]:
    """The claim's one-word names the assertion types, capitalised, outside its own entities, each
    paired with an entity made for the assertion's word."""
    out: list[tuple[Entity, Entity]] = []
    taken = [(e.start, e.end) for e in entities]
    roles = " ".join(e.role for e in entities if e.role)
    for i, other in enumerate(claim_entities):
        name = other.text or other.name
        if i in claim_matched or other.kind not in _PRESENTERS or " " in name or not name[:1].isupper() \
                or _find_word(roles, name) >= 0:
            continue  # (a name inside a role, "Liberty spokesman Barry Hugill", is part of the role)
        at = _find_word(asserted, name)
        while at >= 0:
            if not any(a <= at < b for a, b in taken):
                out.append((Entity(name=other.name, kind=other.kind, text=name, start=at, end=at + len(name)), other))
                break
            at = _find_word(asserted, name, at + 1)
    return out


_PRESENTERS = frozenset({EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.OTHER})


def _compatible_kinds(a: EntityKind, b: EntityKind) -> bool:
    if a == b:
        return True
    agents = {EntityKind.ORGANIZATION, EntityKind.OUTLET}
    return a in agents and b in agents


# Words of order, stop words as content, that flip a claim when swapped: "hours before the deal"
# against "hours after the deal", "£6bn above estimates" against "below".
_ORDER_OPPOSITE = {"before": "after", "after": "before", "above": "below", "below": "above"}


_ORDER_RE = lazy_re.compile(r"\b(before|after|above|below)\s+[\"“'‘]?(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
                            r"([\w'’-]+)", re.I)


_DEGREE_RE = lazy_re.compile(r"\b(most|least|more|less)\s+(?!than\b)([a-z]{3,})")


_DEGREE_OPPOSITE = {"most": "least", "least": "most", "more": "less", "less": "more"}


_RANKED_RE = lazy_re.compile(r"\b(?:(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)[\s-]+)?"
                             r"(largest|biggest|smallest|highest|lowest|best|worst|richest|poorest|"
                             r"oldest|busiest|strongest|weakest)\b")


def _describes_another(text: str, end: int, named: set[str]) -> bool:
    """Is the word after ``end`` a noun the degree word describes, one the assertion does not name?"""
    nxt = _WORD_RE.match(text, end + 1) if end < len(text) and text[end] == " " else None
    return nxt is not None and term_of(nxt.group()) is not None and nxt.group() not in named \
        and nxt.group() not in {"and", "or", "than"}


def _degree_flipped(asserted: str, text: str) -> tuple[str, str] | None:
    """The same word under the opposite degree ("the most feasible" against "the least feasible"),
    or a superlative ranked otherwise ("biggest producer" against "second largest producer"):
    (asserted, source), else None. Both texts lower-cased."""
    mine_words = set(_WORD_RE.findall(asserted))
    for m in _DEGREE_RE.finditer(asserted):
        word, adjective = m.group(1), m.group(2)
        # Not where the source's degree describes another noun the assertion does not name: "its
        # less profitable financial advisory subsidiary" is not "would make it more profitable".
        theirs = [t for t in _DEGREE_RE.finditer(text) if t.group(2) == adjective
                  and not _describes_another(text, t.end(), mine_words)]
        if theirs and all(t.group(1) == _DEGREE_OPPOSITE[word] for t in theirs):
            return m.group(0), theirs[0].group(0)
    for m in _RANKED_RE.finditer(asserted):
        mine_rank, superlative = m.group(1), term_of(m.group(2))
        theirs = [t for t in _RANKED_RE.finditer(text) if term_of(t.group(2)) == superlative]
        if theirs and all(t.group(1) != mine_rank for t in theirs):
            return m.group(0), theirs[0].group(0)
    return None


def _order_flipped(asserted: str, text: str) -> tuple[str, str] | None:
    """An order word the source has the other way round before the same word, as (asserted, source)."""
    for m in _ORDER_RE.finditer(asserted):
        word, nxt = m.group(1).lower(), m.group(2).lower()
        theirs = [o for o in _ORDER_RE.finditer(text) if o.group(2).lower() == nxt]
        if theirs and all(o.group(1).lower() == _ORDER_OPPOSITE[word] for o in theirs):
            return m.group(0), theirs[0].group(0)
    return None


_WORD_RE = lazy_re.compile(r"[A-Za-z]+")


def _alone_as_name(text: str, word: str) -> bool:
    """Is ``word`` written in ``text`` as a name on its own, with no capitalised word after it?"""
    at = _find_word(text, word)
    while at >= 0:
        rest = text[at + len(word):]
        nxt = rest.lstrip()
        if not (nxt and nxt[0].isupper() and len(nxt) < len(rest)):
            return True
        at = _find_word(text, word, at + 1)
    return False


def _find_word(text: str, word: str, start: int = 0) -> int:
    """Where ``word`` stands in ``text`` as a whole word (as ``\\b`` would have it), else -1.
    Plain string search: these checks run per aligned claim, where a pattern built for each name
    would crowd the regex cache."""
    n = len(word)
    if not n:
        return -1
    i = text.find(word, start)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return i
        i = text.find(word, i + 1)
    return -1


_TOKEN_RE = lazy_re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


# Nouns that relate one named party to another: which side of the relation a name is on is a
# checkable detail ("Orange's owner France Telecom" is not "France Telecom's owner Orange").
_RELATION_WORDS = ("owner", "parent", "subsidiary", "unit", "division", "rival", "buyer", "seller", "acquirer",
                   "target", "successor", "predecessor", "client", "customer", "supplier", "creditor", "debtor",
                   "landlord", "tenant", "employer", "employee", "shareholder", "investor",
                   # Kin and mentors: "X's nephew Y" is not "Y's nephew X".
                   "father", "mother", "son", "daughter", "brother", "sister", "husband", "wife", "widow",
                   "widower", "nephew", "niece", "uncle", "aunt", "cousin", "grandson", "granddaughter",
                   "grandfather", "grandmother", "stepson", "stepdaughter", "mentor", "protege", "deputy",
                   "boss", "successor")


_RELATION_TERMS = frozenset(t for t in (term_of(w) for w in _RELATION_WORDS) if t is not None)


ATTACHED = 2  # a word this close to a name is said of it ("at its owner, Orange")


_CAPITALISED_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*"


_POSSESSIVE_RELATION_RE = lazy_re.compile(
    rf"(?P<owner>{_CAPITALISED_NAME})['’]s\s+(?:[a-z]+\s+)?(?P<rel>[a-z]+)\s*,?\s+(?P<head>{_CAPITALISED_NAME})")


def _possessive_swap(asserted: str, text: str) -> tuple[str, str] | None:
    """"X's nephew Y" against the source's "Y's nephew X": the relation word names the one after
    it. Returns the asserted phrase and the source's."""
    theirs = [m for m in _POSSESSIVE_RELATION_RE.finditer(text) if term_of(m.group("rel")) in _RELATION_TERMS]
    if not theirs:
        return None
    for m in _POSSESSIVE_RELATION_RE.finditer(asserted):
        rel = term_of(m.group("rel"))
        if rel not in _RELATION_TERMS:
            continue
        owner, head = set(_name_tokens(m.group("owner"))), set(_name_tokens(m.group("head")))
        for t in theirs:
            if term_of(t.group("rel")) != rel:
                continue
            t_owner, t_head = set(_name_tokens(t.group("owner"))), set(_name_tokens(t.group("head")))
            if owner & t_head and head & t_owner and not owner & t_owner:
                return m.group(0), t.group(0)
    return None


@lru_cache(maxsize=4096)
def _term_positions(text: str) -> tuple[list[tuple[int, int]], list[str | None]]:
    spans: list[tuple[int, int]] = []
    terms: list[str | None] = []
    for m in _TOKEN_RE.finditer(text):
        spans.append((m.start(), m.end()))
        terms.append(term_of(m.group(0)))
    return spans, terms


def _token_range(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The first and last tokens inside [start, end) (``spans`` are in text order)."""
    first = bisect_left(spans, start, key=lambda span: span[0])
    last = first - 1
    while last + 1 < len(spans) and spans[last + 1][1] <= end:
        last += 1
    return (first, last) if last >= first else None


def _near(rng: tuple[int, int], i: int, reach: int) -> bool:
    return rng[0] - reach <= i <= rng[1] + reach


# Between two names, words that join them as equals ("A and B", "A, B").
_EQUALS = frozenset({"and", "or", "nor", "with", "between", "versus", "vs", "v"})


_BE_FORMS = frozenset({"is", "was", "were", "are", "been", "being", "be", "get", "got"})


_AFTER_PREPOSITION_RE = lazy_re.compile(r"\b(?:on|in|at|from|of|for|with|by|to|into|about|over|under|against)"
                                       r"\s+(?:the\s+)?$", re.I)


_PHRASE_PREPOSITIONS = frozenset({"on", "of", "in", "for", "about", "over", "from", "at", "into", "regarding",
                                  "concerning", "by", "to", "towards", "against"})


def _actor_swap(asserted: str, text: str, pairs: list[tuple[Entity, Entity]]) -> tuple[str, str, str] | None:
    """Two names on either side of the same word of action with their roles the other way round
    in the source: "Federated is to buy rival May" against "May is to buy rival Federated", or
    "Acme bought Globex" against "Acme was bought by Globex". Returns the word, the asserted doer
    and the source's doer. Names joined as equals ("A and B") are left alone."""
    a_spans, a_terms = _term_positions(asserted)
    c_spans, c_terms = _term_positions(text)
    placed = _placed(a_spans, c_spans, pairs)
    if placed is None:
        return None

    def link(spans: list[tuple[int, int]], terms: list[str | None], raw: str, first: tuple[int, int],
             second: tuple[int, int]) -> tuple[list[str], bool] | None:
        """The terms between two names in order, and whether the clause is passive; None when the
        names are joined as equals or too far apart."""
        words = _WORD_RE.findall(raw[spans[first[1]][1]:spans[second[0]][0]].lower())
        # "talks with Oslo on withdrawing Danish troops", "Danish troop withdrawal from Norway": no doer and deed.
        if _EQUALS.intersection(words) or not 0 < len(words) <= 6 or words[0] in _PHRASE_PREPOSITIONS:
            return None
        passive = "by" in words and bool(_BE_FORMS.intersection(words))
        return [t for t in terms[first[1] + 1:second[0]] if t is not None and not t.isdigit()], passive

    for x in range(len(placed)):
        for y in range(len(placed)):
            m1, t1, a1, c1 = placed[x]
            m2, t2, a2, c2 = placed[y]
            if x == y or not a1[1] < a2[0] or t1 is t2:
                continue
            my_link = link(a_spans, a_terms, asserted, a1, a2)
            same_order = c1[1] < c2[0]
            their_link = link(c_spans, c_terms, text, c1, c2) if same_order \
                else link(c_spans, c_terms, text, c2, c1)
            if my_link is None or their_link is None:
                continue
            # The asserted doer is m1 (active) or m2 (passive); the source's likewise.
            mine_doer = m2 if my_link[1] else m1
            their_first, their_second = (t1, t2) if same_order else (t2, t1)
            their_doer = their_second if their_link[1] else their_first
            if (their_doer is t1) == (mine_doer is m1):
                continue
            shared = [t for t in my_link[0] if t in their_link[0]]
            if shared:
                other = t2 if their_doer is t2 else t1
                return shared[0].lstrip("~"), mine_doer.text or mine_doer.name, other.text or other.name
    return None


def _verb_after(text: str, spans: list[tuple[int, int]], terms: list[str | None], rng: tuple[int, int],
                names: set[int]) -> tuple[int, str] | None:
    """The first content word right after a name ("Riggs Bank pleaded", "Mr Blair has criticised"),
    past at most two stop words, if it is no part of another name. Not after a form of "be"
    ("videos of X have been broadcast"): that name is no doer."""
    j = rng[1] + 1
    be = False
    while j < len(terms) and j - rng[1] <= 3 and terms[j] is None:
        skipped = text[spans[j][0]:spans[j][1]].lower()
        if skipped in _SPEECH_FORMS or skipped == "say":
            return None  # "Herron said people …": what follows is what was said, not the name's act
        be = be or skipped in _BE_FORMS
        j += 1
    if be and any(text[a:b].lower() == "by" for a, b in spans[j + 1:j + 3]):
        return None  # a passive: the name is what was done to
    if j >= len(terms) or j - rng[1] > 3 or j in names:
        return None
    word = terms[j]
    if word is None or word[:1].isdigit():
        return None  # "American Express 20 years ago": a figure is no verb
    return j, word


def _subject_swap(asserted: str, text: str, pairs: list[tuple[Entity, Entity]]) -> tuple[str, str, str] | None:
    """The verb the assertion gives one name that the source gives another name of the sentence:
    "Gen Pinochet pleaded guilty to failing to report … accounts held by Riggs Bank" against "Riggs
    Bank pleaded guilty … accounts held by Gen Pinochet". Returns the word, the asserted doer and the
    source's doer."""
    a_spans, a_terms = _term_positions(asserted)
    c_spans, c_terms = _term_positions(text)
    placed = _placed(a_spans, c_spans, pairs)
    if placed is None:
        return None
    a_names = {i for _, _, r, _ in placed for i in range(r[0], r[1] + 1)}
    c_names = {i for _, _, _, r in placed for i in range(r[0], r[1] + 1)}
    for mine, theirs, a_rng, c_rng in placed:
        verb = _verb_after(asserted, a_spans, a_terms, a_rng, a_names)
        if verb is None:
            continue
        own = _verb_after(text, c_spans, c_terms, c_rng, c_names)
        if own is not None and own[1] == verb[1]:
            continue
        for other_mine, other, _, other_rng in placed:
            if other is theirs or other_mine is mine:
                continue
            found = _verb_after(text, c_spans, c_terms, other_rng, c_names)
            # "On the New York Stock Exchange, shares …": a name in a phrase a preposition opens and
            # a comma closes is no doer.
            fronted = _AFTER_PREPOSITION_RE.search(text, 0, c_spans[other_rng[0]][0]) is not None \
                and text[c_spans[other_rng[1]][1]:].lstrip().startswith(",")
            if found is not None and found[1] == verb[1] and not fronted:
                return verb[1].lstrip("~"), mine.text or mine.name, other.text or other.name
    return None


# The subject of a reported clause: what follows "said (that)" up to its verb.
_REPORTED_SUBJECT_RE = lazy_re.compile(
    r"\b(?:said|says|told\s+\w+|announced|added|warned|claimed)\s+(?:that\s+)?"
    r"(?P<subject>(?:(?!(?:was|were|is|are|had|has|have|would|will|could|may|might|must|should|did|does|"
    r"can)\b)[\w'’.-]+\s+){1,6}?)(?:was|were|is|are|had|has|have|would|will|could|may|might|must|should|did|"
    r"does|can)\b", re.I)


def _reported_subject_swap(asserted: str, text: str,
                           pairs: list[tuple[Entity, Entity]]) -> tuple[str, str] | None:
    """A name the source makes the subject of a reported clause that the assertion puts elsewhere:
    "Phytopharm said it was likely to end a deal with Yamanouchi" against "Phytopharm said
    Yamanouchi was likely to end a deal". Returns the asserted subject and the source's."""
    theirs = _REPORTED_SUBJECT_RE.search(text)
    mine = _REPORTED_SUBJECT_RE.search(asserted)
    if theirs is None or mine is None:
        return None
    t_start, t_end = theirs.span("subject")
    m_start, m_end = mine.span("subject")
    for asserted_name, source_name in pairs:
        if source_name.kind == EntityKind.PLACE or source_name.start < 0 or asserted_name.start < 0:
            continue
        if t_start <= source_name.start < t_end and not m_start <= asserted_name.start < m_end \
                and asserted_name.start >= m_end:
            return mine.group("subject").strip(), source_name.text or source_name.name
    return None


_Placed = tuple[Entity, Entity, tuple[int, int], tuple[int, int]]


def _placed(a_spans: list[tuple[int, int]], c_spans: list[tuple[int, int]],
            pairs: list[tuple[Entity, Entity]]) -> list[_Placed] | None:
    """Each matched pair of names with the token ranges they cover in the assertion and the source;
    None when a name has no place in its text (given as a speaker only)."""
    placed: list[_Placed] = []
    for mine, theirs in pairs:
        a_rng = _token_range(a_spans, mine.start, mine.end) if mine.start >= 0 else None
        c_rng = _token_range(c_spans, theirs.start, theirs.end) if theirs.start >= 0 else None
        if a_rng is None or c_rng is None:
            return None
        placed.append((mine, theirs, a_rng, c_rng))
    return placed


def _attachment_swap(asserted: str, text: str, pairs: list[tuple[Entity, Entity]]) -> tuple[str, str, str] | None:
    """A word the assertion attaches to one name that the source attaches to another name the
    assertion also gives: "profits at its owner, Orange" against "profits at owner France
    Telecom" (who owns whom is swapped, though every word and name is there). Returns the word,
    the asserted name and the source's name."""
    a_spans, a_terms = _term_positions(asserted)
    c_spans, c_terms = _term_positions(text)
    ranges = _placed(a_spans, c_spans, pairs)
    if ranges is None:
        return None
    names = {i for _, _, a_rng, _ in ranges for i in range(a_rng[0], a_rng[1] + 1)}
    source_names = {i for _, _, _, c_rng in ranges for i in range(c_rng[0], c_rng[1] + 1)}
    for n, (mine, _theirs, a_rng, c_rng) in enumerate(ranges):
        for i in range(max(0, a_rng[0] - ATTACHED), min(len(a_terms), a_rng[1] + ATTACHED + 1)):
            term = a_terms[i]
            if term is None or i in names or term not in _RELATION_TERMS:
                continue
            where = [j for j, t in enumerate(c_terms) if t == term and j not in source_names]
            if not where or any(_near(c_rng, j, ATTACHED + 2) for j in where):
                continue
            if any(_owned_by_pronoun(text, c_spans, j) for j in where):
                continue  # "his own father entered Britain": whose father "his" says, not the name near it
            for m, (_, other, _, other_rng) in enumerate(ranges):
                if m != n and all(_near(other_rng, j, ATTACHED) for j in where):
                    return a_terms[i] or "", mine.text or mine.name, other.text or other.name
    return None


_POSSESSIVE_BEFORE_RE = lazy_re.compile(r"\b(?:his|her|its|their)\s+(?:own\s+|[a-z]+\s+)?\Z", re.I)


def _owned_by_pronoun(text: str, spans: list[tuple[int, int]], j: int) -> bool:
    """Is the word at token ``j`` owned by a possessive pronoun right before it ("his own father")?"""
    start = spans[j][0]
    return _POSSESSIVE_BEFORE_RE.search(text, max(0, start - 24), start) is not None


# Words that end a noun phrase before them: an auxiliary, a participle of naming, a relative.
_PHRASE_END = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "known", "called",
                         "who", "which"})


_SPEECH_FORMS = frozenset({"says", "said", "claims", "claimed", "reports", "reported", "argues", "warns", "adds"})


_WORDS_RE = lazy_re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[.,;:!?]")


@lru_cache(maxsize=8192)
def _phrase_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORDS_RE.findall(text))


_TWO_WORDS_BEFORE_RE = lazy_re.compile(r"([A-Za-z]+)\s+([A-Za-z]+)\s+$")


_NAME_AFTER_RE = lazy_re.compile(r"\s*([A-Z][\w'’-]*)")


# Verbs of one party acting on another, where turning the two round changes the fact.
_ONE_WAY_VERBS = frozenset({"warn", "warns", "warned", "warning", "tell", "tells", "told", "telling", "accuse",
                            "accuses", "accused", "accusing", "criticise", "criticised", "criticises", "criticize",
                            "criticized", "praise", "praised", "praises", "urge", "urged", "urges", "urging",
                            "attack", "attacked", "attacks", "blame", "blamed", "blames", "sue", "sued", "sues",
                            "suing", "beat", "beats", "defeat", "defeated", "defeats", "hire", "hired", "hires",
                            "sack", "sacked", "sacks", "thank", "thanked", "thanks", "invite", "invited", "invites",
                            "send", "sends", "sent", "sending", "give", "gives", "gave", "given", "lend", "lends",
                            "lent", "hand", "handed", "hands",
                            # Comparisons that run one way: "Europe would outstrip the US".
                            "outstrip", "outstrips", "outstripped", "outstripping", "overtake", "overtakes",
                            "overtook", "overtaken", "outperform", "outperforms", "outperformed", "surpass",
                            "surpasses", "surpassed", "trail", "trails", "trailed", "trailing"})


_NAME_WORD_RE = lazy_re.compile(r"\b[A-Z][A-Za-z'’-]*")


_NOT_NAMES = frozenset({"the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that", "but", "and", "in",
                        "on", "at", "mr", "mrs", "ms", "dr"})


def _name_keys(text: str, start: int, end: int) -> set[str]:
    """Lower-case name words in ``text[start:end]``, with the initials of each run of them
    ("sepa" for "Scottish Environment Protection Agency")."""
    keys: set[str] = set()
    run: list[str] = []
    previous_end = -10
    for m in _NAME_WORD_RE.finditer(text, start, end):
        word = re.sub(r"['’]s$", "", m.group()).lower()
        if word in _NOT_NAMES:
            continue
        keys.add(word)
        keys.add(word.rstrip("s"))
        if word.endswith("an") and len(word) > 5:
            keys.update({word[:-1], word[:-2]})  # "European" of "Europe", "American" of "America"
        if run and m.start() - previous_end <= 1:
            run.append(word)  # the next word of one name: "Scottish Environment Protection Agency"
        else:
            if len(run) > 1:
                keys.add("".join(w[0] for w in run))
            run = [word]
        previous_end = m.end()
    if len(run) > 1:
        keys.add("".join(w[0] for w in run))
    return keys


def _as_typed(key: str, text: str) -> str:
    """A name key as the text writes it ("US", not "Us"), else capitalised."""
    m = re.search(rf"\b{re.escape(key)}", text, re.I)
    return m.group(0) if m is not None and m.group(0)[:1].isupper() else key.capitalize()


def _verb_key(verb: str) -> str:
    """One key for a verb's forms: its term where it has one ("sent" and "send"), else its first
    four letters ("warned", "warning"; "told" and "tell" stay apart, as is safe)."""
    return term_of(verb) or verb[:4]


def _turned_round(asserted: str, text: str) -> tuple[str, str, str] | None:
    """Two parties turned round a one-way verb: "MSPs are warning Sepa" against "the Scottish
    Environment Protection Agency is warning a committee of MSPs". Returns the verb and the
    asserted and source doers."""
    for m in re.finditer(r"[A-Za-z]+", asserted):
        verb = m.group().lower()
        if verb not in _ONE_WAY_VERBS:
            continue
        lemma = _verb_key(verb)
        found = next((w for w in re.finditer(r"[A-Za-z]+", text)
                      if w.group().lower() in _ONE_WAY_VERBS and _verb_key(w.group().lower()) == lemma), None)
        if found is None or re.match(r"\s+by\b", asserted[m.end():]) or re.match(r"\s+by\b", text[found.end():]):
            continue
        mine_before, mine_after = _name_keys(asserted, 0, m.start()), _name_keys(asserted, m.end(), len(asserted))
        theirs_before = _name_keys(text, 0, found.start())
        theirs_after = _name_keys(text, found.end(), len(text))
        doer = (mine_before & theirs_after) - theirs_before
        done_to = (mine_after & theirs_before) - theirs_after
        if doer and done_to:
            # Whole words before initials, as the texts spell them: "Campbell", not "ac".
            return verb, _as_typed(max(sorted(doer), key=len), asserted), _as_typed(max(sorted(done_to), key=len), text)
    return None


_CALLS_ON_RE = lazy_re.compile(r"\b(call(?:s|ed|ing)?|urg(?:e|es|ed|ing))\s+(?:on|upon)\b", re.I)
_PLAIN_WORD_RE = lazy_re.compile(r"[a-z]+")
_FUNCTION_WORDS = frozenset({"the", "a", "an", "to", "of", "on", "upon", "in", "for", "and", "his", "her", "its",
                             "their", "has", "have", "had", "was", "were", "is", "be", "will", "would", "also", "then",
                             "now"})


def _pronoun_turned_round(asserted: str, text: str, entities: Sequence[Entity]) -> tuple[str, str, str] | None:
    """Two parties turned round a one-way verb whose source subject is a pronoun the extractor
    resolved: "The prime minister called on Michael Howard to …" against "He [Michael Howard]
    called on the prime minister to …". Returns the verb, the asserted doer and the source's."""
    pronouns = [e for e in entities if (e.text or "").lower() in {"he", "she"}]
    if not pronouns:
        return None
    lower, source = asserted.lower(), text.lower()
    mine_verbs = [(m.start(), m.end(), _verb_key(m.group(1).lower()))
                  for m in _CALLS_ON_RE.finditer(lower)]
    mine_verbs += [(m.start(), m.end(), _verb_key(m.group())) for m in _PLAIN_WORD_RE.finditer(lower)
                   if m.group() in _ONE_WAY_VERBS]
    for start, end, key in mine_verbs:
        found = next((m for m in _CALLS_ON_RE.finditer(source) if _verb_key(m.group(1).lower()) == key), None) \
            or next((m for m in _PLAIN_WORD_RE.finditer(source)
                     if m.group() in _ONE_WAY_VERBS and _verb_key(m.group()) == key), None)
        if found is None or re.match(r"\s+by\b", lower[end:]) or re.match(r"\s+by\b", source[found.end():]):
            continue
        subject = next((e for e in pronouns if e.end <= found.start()
                        and source[e.end:found.start()].strip() in {"", "also", "then", "now", "has", "had"}), None)
        if subject is None:
            continue
        name = {w.lower() for w in _WORD_RE.findall(subject.name)}
        mine_after = set(_PLAIN_WORD_RE.findall(lower[end:]))
        mine_before = set(_PLAIN_WORD_RE.findall(lower[:start])) - _FUNCTION_WORDS
        theirs_after = set(_PLAIN_WORD_RE.findall(source[found.end():]))
        if name & mine_after and mine_before and mine_before <= theirs_after and not name & mine_before:
            doer = asserted[:start].strip()
            return lower[start:end], doer, subject.name
    return None


_DEAL_RE = lazy_re.compile(r"\b(takeover|acquisition|purchase|buyout|buy-out|bid|offer)\s+(of|for|by)\s+"
                           r"(?:the\s+)?([a-z][\w&'’-]*)", re.I)


def _deal_turned_round(asserted: str, text: str) -> tuple[str, str] | None:
    """The buyer made the target of a deal, or the other way round: "agreed a takeover of Holcim"
    against "agreed a takeover by Holcim". Returns (asserted phrase, source phrase)."""
    theirs = [(m.group(1).lower(), m.group(2).lower() == "by", m.group(3).lower(), m.group(0))
              for m in _DEAL_RE.finditer(text)]
    if not theirs:
        return None
    for m in _DEAL_RE.finditer(asserted):
        noun, by, name = m.group(1).lower(), m.group(2).lower() == "by", m.group(3).lower()
        for t_noun, t_by, t_name, phrase in theirs:
            if t_noun == noun and t_name == name and t_by != by:
                return m.group(0), phrase
    return None


_COPULA = r"(?:is|was|are|were|has\s+been|have\s+been|had\s+been|remains|remained)"
_IDENTITY_RE = lazy_re.compile(rf"\A\W*(?P<a>[\w'’ &-]{{2,60}}?)\s+{_COPULA}\s+the\s+"
                               rf"(?P<r>(?:[a-z-]+\s+){{0,3}}?[a-z-]+)(?=\s+(?:of|for|in|behind)\b|\W*\Z)", re.I)
_STOP_WORDS = frozenset({"the", "a", "an", "of", "in", "for", "and", "its", "their", "his", "her", "with"})


def _identity_swapped(asserted: str, text: str) -> tuple[str, str] | None:
    """Another thing given as "the main driver": "Tourism has been the main driver" against "The
    main driver of the expansion has been exports, with tourism seeing a rebound". Returns (asserted
    thing, source thing)."""
    m = _IDENTITY_RE.match(asserted)
    if m is None:
        return None
    role = m.group("r").lower().split()
    if len(role) < 2:
        return None  # "the leader": too loose a role to hold one thing only
    lower = text.lower()
    pattern = rf"\bthe\s+{re.escape(' '.join(role))}\b[^,;.]*?\s+{_COPULA}\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}})"
    t = re.search(pattern, lower)
    if t is None:
        return None
    mine = set(re.findall(r"[a-z]+", m.group("a").lower())) - _STOP_WORDS
    theirs = set(re.findall(r"[a-z]+", t.group(1))) - _STOP_WORDS
    if not mine or not theirs or mine & theirs:
        return None
    return m.group("a").strip(), t.group(1).split()[0]


_CAPITALISED_RUN_RE = lazy_re.compile(r"(?:[A-Z][\w&'’-]*\s?)+")


def _agent_made_object(asserted: str, text: str, entities: Sequence[Entity]) -> tuple[str, str] | None:
    """The doer of a passive made the object of the same verb: "IDS acquired American Express"
    against "The unit was acquired by American Express". Returns the verb and the name."""
    lower, source = asserted.lower(), text.lower()
    if " by " not in source:
        return None
    for entity in entities:
        name = (entity.text or entity.name).lower()
        if not name or name not in lower:
            continue
        passive = next((m for m in _BY_PARTICIPLE_RE.finditer(source)
                        if source.startswith(name, m.end()) and _find_word(source, name, m.end()) == m.end()), None)
        if passive is None:
            continue
        verb = passive.group(1)
        if re.search(rf"\b{re.escape(verb)}\s+(?:the\s+)?{re.escape(name)}\b", lower) \
                and not re.search(rf"\b{re.escape(verb)}\s+by\b", lower):
            whole = _CAPITALISED_RUN_RE.match(text, passive.end())
            return verb, (whole.group(0).strip() if whole else entity.text or entity.name)
    return None


_BY_PARTICIPLE_RE = lazy_re.compile(r"\b([a-z]+(?:ed|en))\s+by\s+(?:the\s+)?")


def _slot_swap(asserted: str, text: str, entities: Sequence[Entity]) -> tuple[str, str, str] | None:
    """Another name where the source has one, after the same two words: "a new agreement with
    Scottish club Celtic" against "… with Scottish club Rangers" (Celtic being in the sentence too,
    as a club it lost); "a payment from Umbro" against "a payment from Chelsea". Returns the two
    words, the asserted name and the source's."""
    lower = asserted.lower()
    for other in entities:
        if other.start <= 0:
            continue
        before = _TWO_WORDS_BEFORE_RE.search(text, 0, other.start)
        if before is None or not any(term_of(w) for w in before.groups()):
            continue
        context = f"{before.group(1)} {before.group(2)}".lower()
        at = lower.find(context + " ")
        if at < 0:
            continue
        name = _NAME_AFTER_RE.match(asserted, at + len(context))
        if name is None:
            continue
        theirs = other.text or other.name
        mine = re.sub(r"['’]s$|\.$", "", name.group(1))
        key = mine.lower()
        tokens = [t.lower() for t in re.findall(r"[\w-]+", f"{theirs} {other.name}")]
        if key in tokens or key.split("-")[0] in tokens or key == "the" or not key \
                or any(t.startswith(key) for t in tokens[:1]):
            continue  # the same name, its possessive, a compound of it ("Dublin-based"), its abbreviation
        if key in text[other.end:other.end + 40].lower():
            continue  # the source's name only modifies the asserted one ("Downing Street adviser Baroness Morgan")
        return context, mine, theirs
    return None


def _people_nouns() -> frozenset[str]:
    """Nouns for kinds of people ("executives", "officials", "workers"): the word before one says who."""
    from factcheck.text.entities import role_nouns

    return role_nouns()


def _describer_swapped(asserted: str, text: str) -> tuple[str, str] | None:
    """Another word before the same noun for people ("chief executives" against "purchasing
    executives"; "union officials" against "government officials"): (asserted pair, source pair).
    Only where the asserted word is nowhere in the source."""
    # Lower-case words only, as typed: a name before the noun ("Tory leader", "Pentagon
    # spokesperson") is compared as a name and a role elsewhere.
    people = _people_nouns()
    source = text.lower()
    for m in re.finditer(r"(?=\b([a-z]+)\s+([a-z]+)\b)", asserted):
        word, noun = m.group(1), m.group(2)
        base = noun[:-1] if noun.endswith("s") else noun
        if base not in people or term_of(word) is None or _find_word(source, word) >= 0:
            continue
        for t in re.finditer(rf"\b([a-z]+)\s+{re.escape(noun)}\b", text):
            theirs = t.group(1)
            if term_of(theirs) is not None and term_of(theirs) != term_of(word):
                return f"{word} {noun}", f"{theirs} {noun}"
    return None


_BEFORE_OBJECT_RE = lazy_re.compile(r"\b(?:after|than|behind|to|from|with|against|over|like|for|of|by|between)\s+"
                                    r"(?:the\s+|mr\.?\s+|mrs\.?\s+|ms\.?\s+|dr\.?\s+)?$", re.I)


_OPENING_WORDS_RE = lazy_re.compile(r"\W*(?:(?:the|a|an|but|and|so|yet|meanwhile|however|now)\W+){0,2}$", re.I)


def _object_made_subject(asserted: str, claim: Claim,
                         pairs: Sequence[tuple[Entity, Entity]]) -> tuple[str, str] | None:
    """A name the assertion makes its subject, which the source has only after a preposition while
    another name of its kind is the source's subject ("Greece produces about 30,000 tonnes" against
    "Denmark is Europe's second largest producer of feta after Greece - producing about 30,000 tonnes
    a year"): (the asserted name, the source's subject)."""
    if not pairs or not claim.entities:
        return None
    first = min(claim.entities, key=lambda e: e.start)
    if not _OPENING_WORDS_RE.fullmatch(claim.sentence[:first.start]):
        return None
    for mine, theirs in pairs:
        if theirs is first or theirs.name == first.name or not _OPENING_WORDS_RE.fullmatch(asserted[:mine.start]):
            continue
        if not _compatible_kinds(mine.kind, first.kind) and {mine.kind, first.kind} != {EntityKind.PLACE}:
            continue
        if any(m.name == first.name for m, _ in pairs) or (first.text or first.name).lower() in asserted.lower():
            continue
        if _BEFORE_OBJECT_RE.search(claim.sentence, 0, theirs.start):
            return mine.text or mine.name, first.text or first.name
    return None


def _in_a_role(entity: Entity, entities: Sequence[Entity]) -> bool:
    """Is the name part of another entity's role ("Mellon Bank" of "Mellon Bank trader Ian Fenn")?"""
    name = (entity.text or entity.name).lower()
    return any(other is not entity and other.role and _find_word(other.role.lower(), name) >= 0
               for other in entities)


_OPEN_RELATIVE_RE = lazy_re.compile(r",\s*(?:who|which)\b[^,]*$", re.I)


_HEAD_BEFORE_RE = lazy_re.compile(r"((?:\S+\s+){0,3}\S+)\s*$")


_PREDICATE_RE = lazy_re.compile(r"\s((?:has|have|had)\s+been|was|were|is|are|has|have|had|will)\s+([a-z]+)")


def _subject_inside_relative(lower: str, text: str) -> tuple[str, str] | None:
    """An assertion whose subject the source names only inside a ", who …," clause that closes
    before the predicate ("the track X has been charged" against "the rapper, who shot to fame
    with the track X, has been charged"): the predicate and the source's subject."""
    predicate = _PREDICATE_RE.search(lower)
    if predicate is None:
        return None
    subject = re.findall(r"[a-z0-9]+", lower[:predicate.start()])
    if not subject or len(subject) > 6:
        return None
    words = f"{predicate.group(1)} {predicate.group(2)}"
    source = text.lower()
    found = source.find(words)
    if found < 0:
        return None
    last = source.rfind(subject[-1], 0, found)
    if last < 0 or "," not in source[last:found]:
        return None
    opening = _OPEN_RELATIVE_RE.search(text, 0, last)
    if opening is None:
        return None
    head = _HEAD_BEFORE_RE.search(text, 0, opening.start())
    if head is None or subject[-1] in head.group(1).lower():
        return None
    return words, head.group(1)


def _dropped_head(asserted: str, text: str) -> tuple[str, str] | None:
    """A word the assertion ends a noun phrase with that the source uses only to modify another
    noun the assertion leaves out ("moving into earth" against "moving into Earth's shadow"; "the
    issue of payments to medicare has" against "… Medicare providers has"; "bomb known as"
    against "bomb maker known as"): the assertion is about something the source does not say."""
    mine = _phrase_words(asserted)
    theirs = _phrase_words(text)
    # Both words capitalised in the source: one name, of which the assertion gives a short form
    # ("Yamanouchi" of "Yamanouchi Pharmaceutical").
    cased = [w.replace("’", "'") for w in _WORDS_RE.findall(text)]
    in_name = {j for j in range(len(cased) - 1) if cased[j][:1].isupper() and cased[j + 1][:1].isupper()}
    given = set(mine)
    for i, word in enumerate(mine):
        if term_of(word) is None or not (i + 1 == len(mine) or mine[i + 1] in _PHRASE_END
                                          or not mine[i + 1][0].isalnum()):
            continue
        spots = [j for j, w in enumerate(theirs) if w == word or w == word + "'s"]
        if not spots or any(j in in_name for j in spots):
            continue
        heads = []
        for j in spots:
            nxt = theirs[j + 1] if j + 1 < len(theirs) else ""
            after = theirs[j + 2] if j + 2 < len(theirs) else ""
            noun = nxt.isalpha() and not nxt.endswith(("ed", "ing", "s'")) and term_of(nxt) is not None \
                and nxt not in given and nxt not in _SPEECH_FORMS
            if theirs[j] == word + "'s" and noun:
                heads.append(nxt)  # "Earth's shadow"
            elif theirs[j] == word and noun and after in _PHRASE_END:
                heads.append(nxt)  # "Medicare providers has", "bomb maker known"
            else:
                break
        else:
            if heads:
                return word, heads[0]
    return None
