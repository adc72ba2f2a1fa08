"""Named entities: gazetteer aliases, capitalised names, titles and appositive roles.

Two sources of names work together:

* the alias table (``data/aliases.toml`` plus aliases learned from one article), matched
  case-insensitively over whole words, longest name first;
* capitalised word sequences that no table knows ("Bernard Ebbers", "Eastern High School"),
  classified by small data-driven cues: a title before them, an organisation word at their end,
  an outlet cue after them, a known given name at their start.

The scan works on tokens, not on one giant regex alternation: each token is looked up in a dict
keyed by the first word of every alias, so the cost is a few dict probes per word whatever the
size of the table (an alternation of a thousand names is tried name by name at every position).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from factcheck.models import Alias, Entity, EntityKind
from factcheck.tables import load_table

__all__ = ["AliasTable", "extract_entities", "learn_aliases"]



def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Token kinds.
_WORD, _ACRONYM, _POSSESSIVE, _AMP = 0, 1, 2, 3

_TOKEN = re.compile(
    r"(?P<acr>(?:[^\W\d_]\.){2,})"  # U.S., u.k.
    r"|(?P<poss>['’]s\b)"  # possessive marker, kept apart so that it never joins a name
    r"|(?P<word>[^\W_](?:[^\W_]|['’](?=[^\W\d_]{2}))*)"  # words, O'Brien, d'Ivoire, G8, 23rd
    r"|(?P<amp>&)"
)
_GAP_JOIN = re.compile(r"\s*|-|\u2010|\u2011")  # what may separate two words of one name
_ABBREV_GAP = re.compile(r"\.\s+")
_DOTS = str.maketrans("", "", ".")
# Phrases after a comma end at the next clause punctuation.
_APPOSITIVE_END = re.compile(r"[,;:()\[\]—–]| - |$")
_NUMBER_ONLY = re.compile(r"\s*\d+\s*")
_ACRONYM_FORM = re.compile(r"[A-Z](?:[A-Za-z&.]*[A-Z][A-Za-z&.]*)")  # WSJ, DoD, U.N.
# Lower-case words that end a role phrase: a clause has started, not a title.
_CLAUSE_WORDS = _wordset(
    """who whom whose which that is was were are be been has had have will would can could
    may might should shall said says told but when where while after before because if
    although though since until did does do"""
)
_DETERMINERS = _wordset("the a an his her its their our your my this that")
# Long words that title-case styles leave in lower case.
_HEADLINE_LOWER = _wordset("from with into onto over upon after about than that this amid says")
_PREPOSITIONS = _wordset("of at for to in on with from")


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    key: str  # lower case, without full stops, curly apostrophe made straight
    kind: int
    cap: bool  # starts with an upper-case letter
    joined: bool = False  # may continue a name into the next token


def _tokenize(text: str, abbreviations: frozenset[str] = frozenset()) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        group = m.lastgroup
        kind = _WORD if group == "word" else _ACRONYM if group == "acr" else (
            _POSSESSIVE if group == "poss" else _AMP)
        s = m.group()
        # Most words have neither a full stop nor a curly apostrophe to normalise.
        key = s.translate(_DOTS).replace("’", "'").lower() if "." in s or "’" in s else s.lower()
        start, end = m.span()
        if (kind == _WORD and toks and len(toks) > 1 and text[start - 1:start] == "-"
                and _hyphen_syllable(s, toks[-1], toks[-2], text)):
            # "Park Min-jun", "Kim Jong-un": a given name's second syllable, part of its word.
            last = toks[-1]
            last.end, last.text, last.key = end, text[last.start:end], (last.key + "-" + key)
            continue
        toks.append(_Tok(start, end, s, key, kind, s[0].isupper()))
    for i in range(len(toks) - 1):
        tok, nxt = toks[i], toks[i + 1]
        gap = text[tok.end:nxt.start]
        if gap == " " or _GAP_JOIN.fullmatch(gap):
            tok.joined = True
        elif (tok.kind == _WORD and _ABBREV_GAP.fullmatch(gap)
              and ((len(tok.text) == 1 and tok.cap) or tok.key in abbreviations)):
            # "S. Korea", "George W. Bush", "Mr. Smith": the full stop belongs to the word.
            tok.end += 1
            tok.text += "."
            tok.joined = True
    return toks


_NOT_SYLLABLES = frozenset({"style", "era", "type", "like", "wide", "run", "free", "only", "size", "sized",
                            "linked", "led", "born", "based", "owned", "made", "backed", "year", "old", "day",
                            "term", "long", "rich", "poor", "hit", "bound", "up", "off", "out", "in-law"})


def _hyphen_syllable(word: str, previous: _Tok, before: _Tok, text: str) -> bool:
    """Is a lower-case ``word`` after "Name-" the second syllable of a given name ("Min-jun")?
    Only after a capitalised word that itself follows a capitalised word ("Park Min-"), and not
    a word that makes a compound adjective ("Ireland-based", "Blair-style", "five-year")."""
    return (word.islower() and 2 <= len(word) <= 6 and word.isalpha() and word not in _NOT_SYLLABLES
            and not word.endswith(("ed", "ing", "ly", "er", "ist")) and previous.cap and before.cap
            and previous.kind == _WORD and before.kind == _WORD and text[before.end:previous.start] == " "
            and text[previous.end:previous.end + 1] == "-")


@cache
def given_name_genders() -> dict[str, str]:
    """Given names (``data/names.toml``), each with the gender it usually tells: "m", "f", or "" when
    worn by men and women alike."""
    given = load_table("names")["given"]
    genders = dict.fromkeys(given["either"], "")
    genders.update((name, "m") for name in given["male"])
    genders.update((name, "f") for name in given["female"])
    return genders


@cache
def person_nouns() -> frozenset[str]:
    """One-word titles and the nouns for kinds of people: "chairman", "minister", "lawyer"."""
    rules = _rules()
    return rules.role_nouns | frozenset(t for t in rules.titles if " " not in t)


def role_nouns() -> frozenset[str]:
    """The nouns that end a role phrase ("executive", "official", "trader"): kinds of people."""
    return _rules().role_nouns


def _key_tokens(name: str) -> list[str]:
    """Normalised words of a name: no leading "the", no trailing possessive."""
    return list(_key_tuple(name))


@lru_cache(maxsize=65536)
def _key_tuple(name: str) -> tuple[str, ...]:
    # Memoised: the checker compares the same few names against claim after claim.
    keys = [t.key for t in _tokenize(name)]
    if keys and keys[-1] == "'s":
        keys.pop()
    if len(keys) > 1 and keys[0] == "the":
        keys.pop(0)
    return tuple(keys)


def _key(name: str) -> str:
    return " ".join(_key_tokens(name))


def _flat(text: str) -> str:
    return " ".join(text.replace(".", "").replace("-", " ").split())


# ---------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class _Rules:
    courtesy: frozenset[str]
    titles: frozenset[str]  # keys, possibly multi-word
    title_first: dict[str, int]  # first word → longest title in words
    role_nouns: frozenset[str]
    role_modifiers: frozenset[str]
    org_words: frozenset[str]
    government_words: frozenset[str]
    outlet_words: frozenset[str]
    outlet_cues: tuple[tuple[str, ...], ...]
    connectors: frozenset[str]
    name_suffixes: frozenset[str]
    abbreviations: frozenset[str]
    speech_verbs: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    not_names: frozenset[str]
    common_words: frozenset[str]
    function_words: frozenset[str]
    post_nominals: frozenset[str]
    given_names: frozenset[str]
    number_words: frozenset[str]
    plural_nouns: frozenset[str]  # plurals without a final "s": "women", "people"
    org_descriptors: frozenset[str] = frozenset()  # "firm" in "computer firm Lenovo"


def _words(raw: dict[str, Any], name: str) -> frozenset[str]:
    # A plain ASCII word is its own key, lower-cased: skipping the tokenizer for the ~1,400 such
    # entries saves a few milliseconds of every run's start-up.
    return frozenset(w.lower() if w.isascii() and w.isalpha() else _key(w) for w in raw[name])


@cache
def _load() -> dict[str, Any]:
    return load_table("aliases")


@cache
def _rules() -> _Rules:
    raw = _load()["names"]
    units = load_table("units")
    courtesy = _words(raw, "courtesy_titles")
    titles = courtesy | _words(raw, "titles") | _words(raw, "occupation_titles")
    title_first: dict[str, int] = {}
    for title in titles:
        parts = title.split()
        title_first[parts[0]] = max(title_first.get(parts[0], 0), len(parts))
    return _Rules(
        courtesy=courtesy,
        titles=titles,
        title_first=title_first,
        role_nouns=_words(raw, "role_nouns"),
        role_modifiers=_words(raw, "role_modifiers"),
        org_words=_words(raw, "org_words"),
        government_words=_words(raw, "government_words"),
        outlet_words=_words(raw, "outlet_words"),
        outlet_cues=tuple(sorted((tuple(_key_tokens(c)) for c in raw["outlet_cues"]), key=len,
                                 reverse=True)),
        connectors=frozenset(raw["connectors"]),
        name_suffixes=_words(raw, "name_suffixes"),
        abbreviations=_words(raw, "abbreviations"),
        speech_verbs=_words(raw, "speech_verbs"),
        months=_words(raw, "months"),
        weekdays=_words(raw, "weekdays"),
        not_names=_words(raw, "not_names"),
        common_words=_words(raw, "common_words") | _words(raw, "function_words"),
        function_words=_words(raw, "function_words"),
        post_nominals=_words(raw, "post_nominals"),
        given_names=_words(raw, "given_names") | frozenset(given_name_genders()),
        number_words=frozenset(w for kind in ("ones", "tens") for w in units["number_words"][kind]),
        plural_nouns=frozenset(units["counted"]["irregular_plurals"]),
        org_descriptors=_words(raw, "org_descriptors"),
    )


_FULL_DATE_WORDS = _wordset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)

# ---------------------------------------------------------------- the table


class _Overlay(dict):  # type: ignore[type-arg]
    """A dict of its own entries over a base mapping it never writes to: a per-article alias table
    is the generic table plus a handful of names. (``ChainMap`` does the same, but its lookups run
    through a generator and cost a tenth of extraction time.) Only lookups and writes are needed."""

    __slots__ = ("base",)

    def __init__(self, base: MutableMapping[Any, Any]) -> None:
        super().__init__()
        self.base = base

    def __missing__(self, key: Any) -> Any:
        return self.base[key]

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self.base

    def get(self, key: Any, default: Any = None) -> Any:
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        return self.base.get(key, default)

    def __reduce__(self) -> tuple[Any, ...]:
        return _restore_overlay, (self.base, dict(self))


def _restore_overlay(base: MutableMapping[Any, Any], own: dict[Any, Any]) -> _Overlay:
    overlay = _Overlay(base)
    overlay.update(own)
    return overlay


class AliasTable:
    """Canonical names and their other names, matched case-insensitively."""

    __slots__ = ("_canon", "_cased", "_first", "_identities", "_kinds", "_names")

    def __init__(self) -> None:
        self._canon: MutableMapping[str, str] = {}  # key of any form → canonical name
        self._kinds: MutableMapping[str, EntityKind] = {}  # canonical → kind
        self._names: MutableMapping[str, list[str]] = {}  # canonical → surface forms, canonical first
        self._cased: MutableMapping[str, tuple[str, ...]] = {}  # key → the only spellings that match text
        self._first: MutableMapping[str, int] = {}  # first word of a scannable key → most words in such keys
        self._identities: dict[str, str] = {}  # memo of _identity: the checker asks about the same names often

    @classmethod
    def default(cls) -> AliasTable:
        """The generic table from data/aliases.toml, built once per process."""
        return _default_table()

    def _copy(self) -> AliasTable:
        # An overlay, not a copy: a knowledge base of hundreds of sources has a table per source,
        # each the base plus a handful of names. Writes go to the new top layer only.
        new = AliasTable()
        new._canon = _Overlay(self._canon)
        new._kinds = _Overlay(self._kinds)
        new._names = _Overlay(self._names)
        new._cased = _Overlay(self._cased)
        new._first = _Overlay(self._first)
        return new

    def _add(self, canonical: str, forms: Iterable[str], kind: EntityKind, *,
             override: bool) -> None:
        if canonical not in self._kinds:
            self._kinds[canonical] = kind
            self._names[canonical] = []
        # A fresh list in this table: the one found may belong to a table this one overlays.
        names = self._names[canonical] = list(self._names[canonical])
        self._identities.clear()
        rules = _rules()
        for form in (canonical, *forms):
            keys = _key_tokens(form)
            if not keys:
                continue
            key = " ".join(keys)
            owner = self._canon.get(key)
            if owner is not None and owner != canonical and not override:
                continue
            self._canon[key] = canonical
            if form not in names:
                names.append(form)
            # "Mr Ebbers" resolves by canonical(); the scanner finds "Ebbers" after the title.
            if keys[0] not in rules.titles or len(keys) == 1:
                self._first[keys[0]] = max(self._first.get(keys[0], 0), len(keys))

    def extended(self, aliases: Iterable[Alias]) -> AliasTable:
        """A new table: this one plus ``aliases`` (this table is unchanged).

        Curated aliases (``source is None``) may take a name over from the base table; names
        learned from an article never displace a name the table already gives to another entity.
        """
        new = self._copy()
        for alias in aliases:
            known = new.canonical(alias.name)
            canonical = known if known is not None else alias.name
            new._add(canonical, alias.also, alias.kind, override=alias.source is None)
        return new

    def canonical(self, name: str) -> str | None:
        """The canonical name for any known name ("U.S.", "us", "the Pentagon"), else None."""
        return self._canon.get(_key(name))

    def kind(self, canonical: str) -> EntityKind:
        """The kind of a known entity; OTHER for unknown names."""
        kind = self._kinds.get(canonical)
        if kind is None:
            resolved = self.canonical(canonical)
            kind = self._kinds.get(resolved) if resolved else None
        return kind if kind is not None else EntityKind.OTHER

    def names(self, canonical: str) -> list[str]:
        """All known surface forms of an entity, its canonical name first; [] when unknown."""
        if canonical not in self._names:
            resolved = self.canonical(canonical)
            if resolved is None:
                return []
            canonical = resolved
        return list(self._names[canonical])

    def same(self, a: str, b: str) -> bool:
        """Do two names denote the same entity? Unknown names compare by their normalised form."""
        return self._identity(a) == self._identity(b)

    def _identity(self, name: str) -> str:
        identity = self._identities.get(name)
        if identity is None:
            if len(self._identities) > 65536:
                self._identities.clear()
            identity = self._identities[name] = self._resolve_identity(name)
        return identity

    def _resolve_identity(self, name: str) -> str:
        keys = _key_tokens(name)
        key = " ".join(keys)
        found = self._canon.get(key)
        if found is not None:
            return found
        titles = _rules().titles
        while len(keys) > 1 and keys[0] in titles:  # "Mr Ebbers" and "Ebbers" are one person
            keys = keys[1:]
        key = " ".join(keys)
        return self._canon.get(key, "\0" + key)

    def _match(self, toks: Sequence[_Tok], i: int, sentence: str) -> tuple[int, str] | None:
        """The longest alias starting at token ``i``: (end token, canonical)."""
        most = self._first.get(toks[i].key)
        if most is None:
            return None
        stop = i + 1
        while stop < len(toks) and stop - i < most and toks[stop - 1].joined:
            stop += 1
        for end in range(stop, i, -1):
            key = toks[i].key if end == i + 1 else " ".join(t.key for t in toks[i:end])
            canonical = self._canon.get(key)
            if canonical is None:
                continue
            cased = self._cased.get(key)
            if cased is not None and not _case_ok(toks, i, end, sentence, cased):
                continue
            if end == i + 1 and " " in canonical and _another_name_follows(toks, i, canonical, self):
                continue  # "Howard" of Michael Howard is not the "Howard" of "Howard Flight"
            return end, canonical
        return None


def _another_name_follows(toks: Sequence[_Tok], i: int, canonical: str, table: AliasTable) -> bool:
    """Is the one-word alias of a person at ``i`` the first part of another person's name: a plain
    capitalised word follows, not after a courtesy title, and the person's name does not have it?"""
    if i + 1 >= len(toks) or not toks[i].joined or table.kind(canonical) != EntityKind.PERSON:
        return False
    nxt = toks[i + 1]
    rules = _rules()
    if nxt.kind != _WORD or not nxt.cap or (i > 0 and toks[i - 1].key in rules.courtesy):
        return False
    if nxt.key in canonical.lower().split() or table._first.get(nxt.key) is not None:
        return False
    generic = rules.common_words | rules.org_words | rules.government_words | rules.titles | rules.role_nouns \
        | rules.months | rules.weekdays | rules.not_names | rules.outlet_words
    return nxt.key not in generic


def _case_ok(toks: Sequence[_Tok], i: int, end: int, sentence: str, forms: tuple[str, ...]) -> bool:
    if any(t.kind == _ACRONYM for t in toks[i:end]):
        return True  # "u.s." cannot be the pronoun
    text = _flat(sentence[toks[i].start:toks[end - 1].end])
    if text in forms:
        return True
    return text.isupper() and len(text) > 2 and text in {f.upper() for f in forms}


@cache
def _default_table() -> AliasTable:
    raw = _load()
    table = AliasTable()
    kinds = {"place": EntityKind.PLACE, "organization": EntityKind.ORGANIZATION,
             "outlet": EntityKind.OUTLET}
    for section, kind in kinds.items():
        for canonical, forms in raw[section].items():
            table._add(canonical, forms, kind, override=False)
    for capital, country in raw["capital_government"].items():
        table._add(country, [capital], table._kinds[country], override=False)
    cased: dict[str, list[str]] = {}
    for form in raw["matching"]["case_sensitive"]:
        cased.setdefault(_key(form), []).append(_flat(form))
    table._cased = {k: tuple(v) for k, v in cased.items()}
    return table


# ---------------------------------------------------------------- extraction


@dataclass(slots=True)
class _Found:
    first: int  # token range [first, last)
    last: int
    name: str
    kind: EntityKind
    known: bool  # from the alias table
    role: str | None = None
    role_span: tuple[int, int] | None = None  # character span of the role text
    employer: tuple[int, int] | None = None  # character span of "of ORG" after a person's name


def extract_entities(sentence: str, aliases: AliasTable) -> list[Entity]:
    """Named entities of one sentence, in order, with canonical names, kinds and roles."""
    rules = _rules()
    toks = _tokenize(sentence, rules.abbreviations)
    n = len(toks)
    if not n:
        return []
    sentence_start, clause_start = _clause_starts(sentence, toks)
    cap = [t.cap and t.kind != _POSSESSIVE for t in toks]
    headline = _is_headline(toks, cap, clause_start, rules)
    for i, t in enumerate(toks):
        if not cap[i] or t.key not in rules.common_words:
            continue
        if headline or (clause_start[i] and (
                t.key in rules.function_words or not _capital_follows(i, toks))):
            cap[i] = False

    # Gazetteer spans, longest first, left to right.
    gaz: list[tuple[int, int, str] | None] = [None] * n
    i = 0
    while i < n:
        hit = aliases._match(toks, i, sentence)
        if hit is None:
            i += 1
            continue
        end, canonical = hit
        span = (i, end, canonical)
        for j in range(i, end):
            gaz[j] = span
        i = end

    for i, t in enumerate(toks):
        if cap[i] and clause_start[i] and not headline and t.key in rules.role_nouns and gaz[i] is None \
                and t.key not in rules.titles and _capital_follows(i, toks) and _title_at(i, n, toks, cap, rules) == i \
                and toks[i + 1].key not in rules.titles and toks[i + 1].key not in rules.role_nouns:
            # "Analyst Bill Armstrong said …": a role noun capitalised only because it opens the
            # sentence describes the name after it.
            cap[i] = False

    found: list[_Found] = []
    i = 0
    while i < n:
        if not _can_start(i, toks, cap, gaz, rules):
            i += 1
            continue
        end = _run_end(i, toks, cap, gaz, rules)
        found.extend(_resolve_run(i, end, sentence, toks, cap, gaz, sentence_start, headline,
                                  aliases, rules))
        i = end

    for f in found:
        if f.kind in (EntityKind.PERSON, EntityKind.OTHER):
            _attach_role(f, sentence, toks, cap, gaz, clause_start, rules)
        if f.employer is not None:
            # "aviation analyst Mike Powell of Dresdner Kleinwort" works for Dresdner Kleinwort: the
            # organisation is part of the role, so another one in its place is another role.
            employer = " ".join(sentence[f.employer[0]:f.employer[1]].split())
            f.role = f"{f.role} {employer}" if f.role else employer
    roles = [f.role_span for f in found if f.role_span is not None]
    entities: list[Entity] = []
    for f in found:
        start, stop = toks[f.first].start, toks[f.last - 1].end
        if not f.known and any(a <= start and stop <= b for a, b in roles):
            continue  # "Trade" in "Trade and Industry Secretary Patricia Hewitt" is part of a role
        entities.append(Entity(name=f.name, kind=f.kind, text=sentence[start:stop], role=f.role,
                               start=start, end=stop))
    if "(" in sentence and len(entities) > 2:
        entities = _join_before_acronym(sentence, entities, aliases)
    return entities


# What may stand between the parts of one long name: "Institute of Economic and Social Research".
_NAME_GAP = re.compile(r"\s+(?:(?:and|&|of|for|the|on|in)\s+)+", re.I)


def _join_before_acronym(sentence: str, entities: list[Entity], aliases: AliasTable) -> list[Entity]:
    """One name for "The National Institute of Economic and Social Research (NIESR)": the tagger
    stops a name at "and" ("Mr Howard and Mr Blair"), but the acronym that follows spells out
    the whole name, so the parts it spans are one organisation."""
    out = list(entities)
    k = len(out) - 1
    while k >= 2:
        acr = out[k]
        prev = out[k - 1]
        if not (prev.end + 2 == acr.start and sentence[prev.end:acr.start] == " ("
                and sentence[acr.end:acr.end + 1] == ")" and _ACRONYM_FORM.fullmatch(acr.text)
                and not _initials_match(acr.text, prev.text)):
            k -= 1
            continue
        j = k - 1
        while j >= max(0, k - 4) and _NAME_GAP.fullmatch(sentence[out[j - 1].end:out[j].start] if j else ""):
            j -= 1
            text = sentence[out[j].start:prev.end]
            if out[j].kind == EntityKind.PERSON or not _initials_match(acr.text, text):
                continue
            if acr.text[0].lower() != text[0].lower():
                continue
            name = aliases.canonical(text) or " ".join(text.split())
            kind = EntityKind.OUTLET if any(e.kind == EntityKind.OUTLET for e in out[j:k]) \
                else EntityKind.ORGANIZATION
            out[j:k] = [Entity(name=name, kind=kind, text=text, start=out[j].start, end=prev.end)]
            k = j
            break
        k -= 1
    return out


def _capital_follows(i: int, toks: Sequence[_Tok]) -> bool:
    return toks[i].joined and i + 1 < len(toks) and toks[i + 1].cap


def _clause_starts(sentence: str, toks: Sequence[_Tok]) -> tuple[list[bool], list[bool]]:
    """Which tokens open the sentence, and which open a clause (after a colon, a quote, …)."""
    n = len(toks)
    sentence_start, clause_start = [False] * n, [False] * n
    sentence_start[0] = clause_start[0] = True
    for i in range(1, n):
        gap = sentence[toks[i - 1].end:toks[i].start]
        if gap == " " or not gap:
            continue  # by far the most common gap, and it opens nothing
        if any(c in gap for c in ".?!") and toks[i - 1].kind != _ACRONYM \
                and not toks[i - 1].text.endswith("."):
            sentence_start[i] = clause_start[i] = True
        elif any(c in gap for c in ':;"“‘(—–[') or (gap.strip() in {"-", "'"} and gap != "-"):
            clause_start[i] = True
    return sentence_start, clause_start


def _is_headline(toks: Sequence[_Tok], cap: Sequence[bool], clause_start: Sequence[bool],
                 rules: _Rules) -> bool:
    """Title case ("No Deal Reached, Says Tokyo"): capitals no longer mark names."""
    capitals = common = 0
    for i, t in enumerate(toks):
        if clause_start[i] or t.kind != _WORD or len(t.text) < 4 or not t.text.isalpha():
            continue
        if not cap[i]:
            if t.key not in _HEADLINE_LOWER:
                return False  # one ordinary lower-case word: a sentence, not a headline
            continue
        capitals += 1
        if t.key in rules.common_words:
            common += 1
    return capitals >= 3 and common >= 1


def _is_date_word(i: int, toks: Sequence[_Tok], rules: _Rules) -> bool:
    key = toks[i].key
    if key in _FULL_DATE_WORDS:
        return True
    if key in rules.months or key in rules.weekdays:  # "Jan", "Sat": dates only before a number
        return i + 1 < len(toks) and toks[i + 1].text[0].isdigit()
    return False


def _nameish(i: int, toks: Sequence[_Tok], cap: Sequence[bool],
             gaz: Sequence[tuple[int, int, str] | None]) -> bool:
    return gaz[i] is not None or (cap[i] and toks[i].kind in (_WORD, _ACRONYM))


def _can_start(i: int, toks: Sequence[_Tok], cap: Sequence[bool],
               gaz: Sequence[tuple[int, int, str] | None], rules: _Rules) -> bool:
    if gaz[i] is not None:
        return True
    return _nameish(i, toks, cap, gaz) and not _is_date_word(i, toks, rules)


def _run_end(i: int, toks: Sequence[_Tok], cap: Sequence[bool],
             gaz: Sequence[tuple[int, int, str] | None], rules: _Rules) -> int:
    """End (exclusive) of the capitalised sequence starting at ``i``."""
    n = len(toks)
    j = i
    while j + 1 < n and toks[j].joined:
        k = j + 1
        if _nameish(k, toks, cap, gaz):
            key = toks[k].key
            if gaz[k] is None and ((key in rules.weekdays and key in _FULL_DATE_WORDS)
                                   or (key in rules.months and k + 1 < len(toks)
                                       and toks[k + 1].text[0].isdigit())):
                break  # "Friday", "May 5": a date, but "Theresa May" continues the name
            j = k
            continue
        if toks[k].key in rules.connectors or toks[k].kind == _AMP or (
                toks[k].key == "for" and toks[j].key in rules.org_words):  # "Office for …"
            m = k + 1
            if m < n and toks[m].key == "the" and toks[k].key == "of" and toks[k].joined:
                m += 1
            if m < n and toks[m - 1].joined and _nameish(m, toks, cap, gaz) \
                    and not _is_date_word(m, toks, rules):
                j = m
                continue
        break
    return j + 1


def _title_at(p: int, end: int, toks: Sequence[_Tok], cap: Sequence[bool],
              rules: _Rules) -> int:
    """End token of a capitalised title starting at ``p`` inside [p, end), or ``p``."""
    if not toks[p].cap:
        return p
    most = rules.title_first.get(toks[p].key, 0)
    for q in range(min(end, p + most), p, -1):
        if all(toks[k].cap or toks[k].key in {"of", "the"} for k in range(p, q)) \
                and " ".join(t.key for t in toks[p:q]) in rules.titles:
            return q
    return p


def _employer_split(i: int, end: int, toks: Sequence[_Tok], gaz: Sequence[tuple[int, int, str] | None],
                    aliases: AliasTable, rules: _Rules) -> tuple[int, int] | None:
    """(the "of", the organisation's first token) when a run is "PERSON of ORGANISATION": "Mike
    Powell of Dresdner Kleinwort", "Shigeo Morioka of the International Longevity Centre".

    The part before "of" must read as a personal name: two or three capitalised words, none of
    them a word of organisations, offices or places ("Royal Bank of Scotland", "Bank of England",
    "Chancellor of the Exchequer" stay whole), opening with a known given name, known as a person,
    or followed by an organisation's name.
    """
    for k in range(i + 2, min(end - 1, i + 4)):
        if toks[k].key != "of":
            continue
        words = toks[i:k]
        if any(t.kind != _WORD or not t.cap for t in words):
            return None
        keys = [t.key for t in words]
        generic = rules.org_words | rules.government_words | rules.titles | rules.role_nouns \
            | rules.role_modifiers | rules.not_names | rules.common_words | rules.outlet_words
        if any(key in generic for key in keys):
            return None
        known = [span for span in gaz[i:k] if span is not None]
        if any(aliases.kind(span[2]) != EntityKind.PERSON for span in known):
            return None
        m = k + 1
        if toks[m].key == "the" and m + 1 < end:
            m += 1
        org = toks[m:end]
        after = gaz[m]
        org_kind = aliases.kind(after[2]) if after is not None and after[1] == end else None
        named_person = keys[0] in rules.given_names or bool(known)
        named_org = org_kind in (EntityKind.ORGANIZATION, EntityKind.OUTLET) or org[-1].key in rules.org_words
        if org_kind == EntityKind.PLACE or not (named_person or named_org):
            return None
        return k, m
    return None


def _employer_end(end: int, toks: Sequence[_Tok], cap: Sequence[bool], rules: _Rules) -> int:
    """Where the employer after "of" ends: past a word of trade and the name after it ("Cara Diemont
    of IT firm Dimension Data" works for Dimension Data, not for "IT")."""
    if end < len(toks) and toks[end].key in rules.org_descriptors:
        j = end + 1
        while j < len(toks) and cap[j] and toks[j].kind == _WORD:
            j += 1
        if j > end + 1:
            return j
    return end


def _resolve_run(i: int, end: int, sentence: str, toks: Sequence[_Tok], cap: Sequence[bool],
                 gaz: Sequence[tuple[int, int, str] | None], sentence_start: Sequence[bool],
                 headline: bool, aliases: AliasTable, rules: _Rules) -> list[_Found]:
    split = _employer_split(i, end, toks, gaz, aliases, rules) if end - i >= 4 and not headline else None
    if split is not None:
        k, m = split
        people = _resolve_run(i, k, sentence, toks, cap, gaz, sentence_start, headline, aliases, rules)
        if len(people) == 1 and (people[0].first, people[0].last) == (i, k):
            person = people[0]
            person.kind = EntityKind.PERSON
            person.employer = (toks[k].start, toks[_employer_end(end, toks, cap, rules) - 1].end)
            return [person, *_resolve_run(m, end, sentence, toks, cap, gaz, sentence_start, headline,
                                          aliases, rules)]
    # Titles split a run: what follows the last title that is followed by a name is a person.
    p = i
    while p < end:
        span = gaz[p]
        if span is not None:
            p = span[1]
            continue
        q = _title_at(p, end, toks, cap, rules)
        if q > p and q < end and _looks_like_name(q, end, toks, gaz, rules):
            before = _plain(i, p, sentence, toks, gaz, sentence_start, headline, aliases, rules,
                            keep_unknown=False)
            rest = _resolve_run(q, end, sentence, toks, cap, gaz, sentence_start, headline,
                                aliases, rules)
            if rest and rest[0].first == q and not rest[0].known:
                person = rest[0]
                # "Mrs May" may be a learned alias even where "May" alone is not.
                titled = aliases.canonical(sentence[toks[p].start:toks[person.last - 1].end])
                if titled is not None:
                    person.name, person.known = titled, True
                person.kind = EntityKind.PERSON
            return [*before, *rest]
        p += 1
    return _plain(i, end, sentence, toks, gaz, sentence_start, headline, aliases, rules,
                  keep_unknown=True)


def _looks_like_name(q: int, end: int, toks: Sequence[_Tok],
                     gaz: Sequence[tuple[int, int, str] | None], rules: _Rules) -> bool:
    """After a title: a name, not an organisation ("Justice Department", "Premier League")."""
    tok = toks[q]
    if tok.key in rules.connectors or tok.key in rules.not_names:
        return False
    return not any(t.key in rules.org_words for t in toks[q:end])


def _plain(i: int, end: int, sentence: str, toks: Sequence[_Tok],
           gaz: Sequence[tuple[int, int, str] | None], sentence_start: Sequence[bool],
           headline: bool, aliases: AliasTable, rules: _Rules, *,
           keep_unknown: bool) -> list[_Found]:
    """A title-free capitalised sequence: known names, unknown names, or one merged name."""
    if i >= end:
        return []
    pieces: list[tuple[int, int, str | None]] = []  # (first, last, canonical or None)
    p = i
    while p < end:
        span = gaz[p]
        if span is not None:
            pieces.append((p, span[1], span[2]))
            p = span[1]
            continue
        q = p
        while q < end and gaz[q] is None:
            q += 1
        pieces.append((p, q, None))
        p = q
    # Trim connectors at the edges of unknown pieces.
    trimmed: list[tuple[int, int, str | None]] = []
    for a, b, canonical in pieces:
        if canonical is None:
            while a < b and (toks[a].key in rules.connectors or toks[a].key == "the"
                             or toks[a].kind == _AMP):
                a += 1
            while b > a and (toks[b - 1].key in rules.connectors or toks[b - 1].key == "the"
                             or toks[b - 1].kind == _AMP):
                b -= 1
            if a == b:
                continue
        trimmed.append((a, b, canonical))
    if trimmed and trimmed[0][2] is None and toks[trimmed[0][0]].key in rules.number_words \
            and (len(trimmed) > 1 or _plural_follows(end, toks, rules)):
        # "Five Americans who …", "Two New York women": a capitalised count before a name
        # ("Three Mile Island" stays a name).
        a, b, _ = trimmed[0]
        trimmed = ([(a + 1, b, None)] if b > a + 1 else []) + trimmed[1:]
    pieces = trimmed
    if not pieces:
        return []
    has_known = any(c is not None for _, _, c in pieces)
    has_unknown = any(c is None for _, _, c in pieces)
    if has_known and has_unknown and keep_unknown and not headline:
        first_unknown = next(k for k, (_, _, c) in enumerate(pieces) if c is None)
        unknown_words = {t.key for a, b, c in pieces if c is None for t in toks[a:b]}
        generic = rules.not_names | rules.titles | rules.role_nouns | rules.role_modifiers \
            | rules.post_nominals
        lead = pieces[0][2]
        if first_unknown == 0 or not (
                unknown_words & rules.government_words  # "Chinese Defence Ministry"
                or unknown_words <= generic  # "Labour MPs", "US Government"
                or (lead is not None and aliases.kind(lead) in (EntityKind.OUTLET,
                                                                EntityKind.PERSON))
                # "Tory Oliver Letwin", "Liberal Democrat Jo Swan": a party, then a person.
                or (len(pieces) == 2 and lead is not None and aliases.kind(lead) == EntityKind.ORGANIZATION
                    and pieces[1][1] - pieces[1][0] >= 2 and toks[pieces[1][0]].key in rules.given_names)):
            # "Royal Bank of Scotland", "British Airways", "London Stock Exchange": one name.
            a, b = pieces[0][0], pieces[-1][1]
            merged = _unknown(a, b, sentence, toks, sentence_start, headline, aliases, rules)
            return [merged] if merged else []
    out: list[_Found] = []
    for a, b, canonical in pieces:
        if canonical is not None:
            out.append(_Found(a, b, canonical, aliases.kind(canonical), True))
        elif keep_unknown:
            f = _unknown(a, b, sentence, toks, sentence_start, headline, aliases, rules)
            if f is not None:
                out.append(f)
    return out


def _plural_follows(end: int, toks: Sequence[_Tok], rules: _Rules) -> bool:
    """Is the token after a name a lower-case plural noun ("… New York women")?"""
    if end >= len(toks) or toks[end].cap or not toks[end - 1].joined:
        return False
    key = toks[end].key
    if key in rules.plural_nouns:
        return True
    return len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")) and key.isalpha()


def _unknown(a: int, b: int, sentence: str, toks: Sequence[_Tok], sentence_start: Sequence[bool],
             headline: bool, aliases: AliasTable, rules: _Rules) -> _Found | None:
    """Classify a capitalised sequence no alias covers; None when it is not a name."""
    while b - a > 1 and toks[b - 1].key in rules.post_nominals:
        b -= 1  # "Frank Field MP"
    words = toks[a:b]
    keys = [t.key for t in words]
    nxt = b
    head = keys[-1]
    role_head = head in rules.titles or head in rules.role_nouns
    if (role_head or (len(keys) == 1 and head in rules.not_names)) \
            and all(k in rules.titles or k in rules.role_nouns or k in rules.role_modifiers
                    for k in keys[:-1]):
        return None  # "Prime Minister", "Foreign Secretary", "Government": no one in particular
    described = _described_as_business(a, b, sentence, toks, rules)
    if len(words) == 1 and sentence_start[a] and not described:
        # A lone capitalised word opening a sentence is a name only when it acts like one.
        follow = toks[nxt] if nxt < len(toks) else None
        if follow is None or not (follow.key in rules.speech_verbs or follow.kind == _POSSESSIVE):
            return None
    text = " ".join(sentence[words[0].start:words[-1].end].split())
    name = text
    kind = EntityKind.OTHER
    if _outlet_cue(b, toks, rules) or (len(words) > 1 and keys[-1] in rules.outlet_words):
        kind = EntityKind.OUTLET
    elif keys[-1] in rules.org_words or any(
            k in rules.org_words and after == "of" for k, after in pairwise(keys)):
        kind = EntityKind.ORGANIZATION
    elif (1 < len(words) <= 4 and keys[0] in rules.given_names
          and all(t.cap or t.key in rules.connectors for t in words)):
        kind = EntityKind.PERSON
    elif described:
        kind = EntityKind.ORGANIZATION
    known = aliases.canonical(name)
    if known is not None:
        return _Found(a, b, known, aliases.kind(known), True)
    if headline and kind == EntityKind.OTHER:
        return None
    return _Found(a, b, name, kind, False)


def _described_as_business(a: int, b: int, sentence: str, toks: Sequence[_Tok], rules: _Rules) -> bool:
    """Is the name at tokens [a, b) described as a business, by a lower-case noun right before it
    ("computer firm Lenovo") or closing an appositive after it ("Wipro, India's biggest software
    firm, …")?"""
    if a > 0 and not toks[a - 1].cap and toks[a - 1].key in rules.org_descriptors:
        return True
    if b >= len(toks) or "," not in sentence[toks[b - 1].end:toks[b].start]:
        return False
    for k in range(b, min(len(toks) - 1, b + 10)):
        gap = sentence[toks[k].end:toks[k + 1].start]
        if any(c in gap for c in ".;:()"):
            return False
        if "," in gap:
            return not toks[k].cap and toks[k].key in rules.org_descriptors
    return False


def _outlet_cue(b: int, toks: Sequence[_Tok], rules: _Rules) -> bool:
    if b >= len(toks) or not toks[b - 1].joined:
        return False
    for cue in rules.outlet_cues:
        stop = b + len(cue)
        if stop <= len(toks) and all(not toks[k].cap for k in range(b, stop)) \
                and tuple(t.key for t in toks[b:stop]) == cue:
            return True
    return False


# ---------------------------------------------------------------- roles


def _role_word(i: int, toks: Sequence[_Tok], cap: Sequence[bool],
               gaz: Sequence[tuple[int, int, str] | None], rules: _Rules) -> bool:
    """May token ``i`` stand inside a role phrase before a name?"""
    t = toks[i]
    key = t.key
    if key in rules.courtesy:
        return False  # "Mr Howard and shadow chancellor Oliver Letwin": another person
    if gaz[i] is not None or cap[i] or t.kind in (_POSSESSIVE, _AMP):
        return True
    if key == "of":
        # "Secretary of State", "Chancellor of the Exchequer"; not "the release of ex-Labour MP X",
        # where the role starts after "of".
        return i > 0 and (cap[i - 1] or toks[i - 1].key in rules.role_nouns or toks[i - 1].key in rules.titles)
    if key == "and":  # "Trade and Industry Secretary", not "Mr Howard and shadow chancellor"
        return 0 < i < len(toks) - 1 and cap[i - 1] and cap[i + 1] and not _name_before(i, toks, gaz, rules)
    if key in rules.role_modifiers or key in rules.role_nouns:
        return True
    if t.kind != _WORD or not t.text.isalpha() or t.cap:
        return False  # a capitalised word that only opens the sentence
    if key in _CLAUSE_WORDS or key in rules.function_words or key in rules.speech_verbs:
        return False
    # Other lower-case words are accepted as nouns of the role ("communications chief"), but
    # not verb or adverb forms ("appointed chief executive", "met Trade minister").
    from factcheck.text.terms import irregular_verb_form

    return len(key) >= 3 and not key.endswith(("ed", "ing", "ly")) and not irregular_verb_form(key)


def _name_before(i: int, toks: Sequence[_Tok], gaz: Sequence[tuple[int, int, str] | None], rules: _Rules) -> bool:
    """Do the two words before token ``i`` read as a person's name ("Aid minister Hilary Benn and
    Deputy Prime Minister John Prescott")? Not words of an office ("Trade and Industry Secretary")."""
    if i < 2:
        return False
    words = toks[i - 2:i]
    generic = rules.org_words | rules.government_words | rules.titles | rules.role_nouns \
        | rules.role_modifiers | rules.not_names | rules.common_words | rules.outlet_words
    if any(t.kind != _WORD or not t.cap or t.key in generic for t in words):
        return False
    # Unknown words, or one learned name that ends right there.
    span = gaz[i - 1]
    return (gaz[i - 2] is None and span is None) or (span is not None and span[:2] == (i - 2, i))


def _attach_role(f: _Found, sentence: str, toks: Sequence[_Tok], cap: Sequence[bool],
                 gaz: Sequence[tuple[int, int, str] | None], clause_start: Sequence[bool],
                 rules: _Rules) -> None:
    span = _role_before(f.first, sentence, toks, cap, gaz, clause_start, rules)
    if span is None:
        span = _role_after(f.last, sentence, toks, cap, gaz, rules)
    if span is None:
        return
    start, stop = span
    f.role = " ".join(sentence[start:stop].split())
    f.role_span = span
    f.kind = EntityKind.PERSON


def _role_before(first: int, sentence: str, toks: Sequence[_Tok], cap: Sequence[bool],
                 gaz: Sequence[tuple[int, int, str] | None], clause_start: Sequence[bool],
                 rules: _Rules) -> tuple[int, int] | None:
    """"US President Donald Trump", "Scottish Conservative Party leader, David McLetchie"."""
    q = first - 1
    if q < 0:
        return None
    gap = sentence[toks[q].end:toks[first].start]
    comma = False
    if not toks[q].joined:
        if gap.strip() != ",":
            return None
        comma = True
    key = toks[q].key
    if key in rules.courtesy or not (key in rules.role_nouns or key in rules.titles):
        return None
    r = q
    while r > 0 and q - r < 8 and toks[r - 1].joined and _role_word(r - 1, toks, cap, gaz, rules) \
            and not (clause_start[r] and r != q):
        r -= 1
    while r < q and (toks[r].key in {"of", "and"} or toks[r].kind in (_POSSESSIVE, _AMP)):
        r += 1
    # With a comma, only a role that opens its clause: "…, said party leader, David McLetchie"
    # is not one.
    if comma and not (clause_start[r] or (r > 0 and toks[r - 1].key in _DETERMINERS)):
        return None
    return toks[r].start, toks[q].end


def _role_after(last: int, sentence: str, toks: Sequence[_Tok], cap: Sequence[bool],
                gaz: Sequence[tuple[int, int, str] | None],
                rules: _Rules) -> tuple[int, int] | None:
    """"Jo Bloggs, the chief spokesperson," and "Mr Ebbers, the former chief executive,"."""
    pos = toks[last - 1].end
    for _ in range(2):  # one bare number (an age) may come first: "Smith, 63, the former …"
        rest = sentence[pos:]
        stripped = rest.lstrip()
        if not stripped.startswith(","):
            return None
        start = pos + (len(rest) - len(stripped)) + 1
        m = _APPOSITIVE_END.search(sentence, start)
        stop = m.start() if m else len(sentence)
        if _NUMBER_ONLY.fullmatch(sentence[start:stop]):
            pos = stop
            continue
        return _role_phrase(start, stop, sentence, toks, cap, gaz, rules)
    return None


def _role_phrase(start: int, stop: int, sentence: str, toks: Sequence[_Tok], cap: Sequence[bool],
                 gaz: Sequence[tuple[int, int, str] | None],
                 rules: _Rules) -> tuple[int, int] | None:
    idx = [k for k, t in enumerate(toks) if start <= t.start and t.end <= stop]
    if not idx or len(idx) > 12:
        return None
    if sentence[stop:stop + 1] == "." and stop + 1 < len(sentence):
        return None  # a full stop inside the phrase: not an appositive we understand
    a = idx[0]
    if (toks[a].key in _DETERMINERS and not toks[a].cap) or toks[a].key in {"the", "a", "an"}:
        a += 1
    noun = None
    for k in range(a, idx[-1] + 1):
        if toks[k].key in rules.role_nouns and gaz[k] is None:
            noun = k
    if noun is None:
        return None
    for k in range(a, noun):
        t = toks[k]
        if t.key in _CLAUSE_WORDS or t.text[0].isdigit():
            return None
    tail = idx[-1]
    if noun < tail:
        if toks[noun + 1].key not in _PREPOSITIONS:
            return None
        for k in range(noun + 2, tail + 1):
            if not (cap[k] or gaz[k] is not None or toks[k].key in rules.connectors
                    or toks[k].key == "the" or toks[k].kind in (_POSSESSIVE, _AMP)):
                return None
    return toks[a].start, toks[tail].end


# ---------------------------------------------------------------- learning


def _initials_match(acronym: str, name: str) -> bool:
    letters = [c for c in acronym.lower() if c.isalpha()]
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    initials = [w[0].lower() for w in words if w[0].isalpha()]
    if len(letters) < 2 or not initials or letters[0] != initials[0]:
        return False
    it = iter(initials)
    return all(any(c == i for i in it) for c in letters)


def learn_aliases(entities: Sequence[Entity], source_id: str | None) -> list[Alias]:
    """Aliases one article establishes: surnames of its people, acronyms it defines.

    A person named in full ("Bernard Ebbers") may later be "Ebbers" or "Mr Ebbers"; a surname
    that two people of the article share is left out, as is one that is also a date word
    ("Theresa May" stays "Mrs May", never "May"). An organisation followed by a parenthesised
    acronym ("Wall Street Journal (WSJ)") gets the acronym.
    """
    rules = _rules()
    persons: dict[str, str] = {}  # full name → surname
    for e in entities:
        if e.kind != EntityKind.PERSON:
            continue
        parts = e.name.split()
        while len(parts) > 2 and _key(parts[-1]) in rules.name_suffixes:
            parts.pop()
        if len(parts) < 2 or (parts[-1].rstrip(".").isupper() and len(parts[-1]) <= 2):
            continue
        persons.setdefault(e.name, parts[-1])
    owners = Counter(s.lower() for s in persons.values())
    out: list[Alias] = []
    for full, surname in persons.items():
        if owners[surname.lower()] > 1:
            continue
        also: list[str] = []
        key = _key(surname)
        if key not in _FULL_DATE_WORDS and key not in rules.common_words \
                and key not in rules.not_names:
            also.append(surname)
        also.extend(f"{title} {surname}" for title in ("Mr", "Mrs", "Ms", "Miss", "Dr"))
        out.append(Alias(name=full, also=also, kind=EntityKind.PERSON, source=source_id))
    seen: set[tuple[str, str]] = set()
    for prev, cur in pairwise(entities):
        if prev.kind not in (EntityKind.ORGANIZATION, EntityKind.OUTLET, EntityKind.OTHER):
            continue
        acronym = cur.text.strip()
        if cur.start != prev.end + 2 or not _ACRONYM_FORM.fullmatch(acronym):
            continue
        if not _initials_match(acronym, prev.text) or (prev.name, acronym) in seen:
            continue
        seen.add((prev.name, acronym))
        kind = prev.kind if prev.kind != EntityKind.OTHER else EntityKind.ORGANIZATION
        out.append(Alias(name=prev.name, also=[acronym], kind=kind, source=source_id))
    return out
