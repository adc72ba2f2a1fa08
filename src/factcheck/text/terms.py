"""Content terms: the words of a sentence reduced to comparable units.

Matching compares *terms*, not raw words: lower-cased, lightly stemmed, and mapped
through the lexicon's synonym groups to one concept ("pull out" and "withdrawal"
both become ``~withdraw``). Stop words and verbs of saying are dropped: the
checker handles attribution and negation separately.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.tables import load_table

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.&-]*[A-Za-z0-9]|[A-Za-z0-9]")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Lexicon:
    stopwords: frozenset[str]
    report_words: frozenset[str]
    concept_of: dict[str, str]  # word or stem → "~concept"
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # multi-word synonyms, longest first
    level_verbs: tuple[tuple[str, ...], ...]  # stemmed, longest first: "stood at", "reached"
    level_first: frozenset[str]  # their first stems, to rule a token out at once
    antonyms: frozenset[tuple[str, str]]  # (concept-or-term, concept-or-term), both orders


@cache
def _raw() -> dict[str, Any]:
    return load_table("lexicon")


@cache
def _irregular() -> dict[str, str]:
    """Irregular past tenses and participles → base form ("froze", "frozen" → "freeze")."""
    table: dict[str, str] = {}
    for base, forms in _raw()["irregular"].items():
        for form in forms:
            table[form.lower()] = base.lower()
    return table


@cache
def irregular_bases() -> frozenset[str]:
    """The base forms of the lexicon's irregular verbs ("run", "pay"): some are their own participle."""
    return frozenset(_irregular().values())


def base_of_irregular(word: str) -> str | None:
    """The base form of an irregular past tense or participle ("paid" → "pay"), else None."""
    return _irregular().get(word.lower())


def irregular_verb_form(word: str) -> bool:
    """Is ``word`` an irregular past tense or participle ("met", "froze", "stood")?"""
    return word.lower() in _irregular()


@cache
def lexicon() -> Lexicon:
    """The generic lexicon from data/lexicon.toml, parsed once per process."""
    raw = _raw()
    concept_of: dict[str, str] = {}
    phrases: list[tuple[tuple[str, ...], str]] = []
    for concept, words in raw["synonyms"].items():
        tag = "~" + concept
        for word in [concept, *words]:
            parts = tuple(word.lower().split())
            if len(parts) > 1:
                phrases.append((tuple(stem(p) for p in parts), tag))
            else:
                concept_of.setdefault(parts[0], tag)
                concept_of.setdefault(stem(parts[0]), tag)
    for phrase in [*raw["negating_phrases"], *raw.get("empty_phrases", [])]:
        # An empty tag: the phrase is consumed and yields no term.
        phrases.append((tuple(stem(p) for p in phrase.lower().split()), ""))
    phrases.sort(key=lambda item: -len(item[0]))
    antonyms: set[tuple[str, str]] = set()
    for a, b in raw["antonyms"]:
        ta = concept_of.get(a, concept_of.get(stem(a), stem(a)))
        tb = concept_of.get(b, concept_of.get(stem(b), stem(b)))
        antonyms.add((ta, tb))
        antonyms.add((tb, ta))
    return Lexicon(
        stopwords=frozenset(raw["stopwords"]),
        report_words=frozenset(raw["report_words"]),
        concept_of=concept_of,
        phrases=tuple(phrases),
        level_verbs=tuple(sorted({tuple(stem(p) for p in v.lower().split()) for v in raw["level_verbs"]},
                                 key=lambda parts: -len(parts))),
        level_first=frozenset(stem(v.lower().split()[0]) for v in raw["level_verbs"]),
        antonyms=frozenset(antonyms),
    )


_SUFFIXES = (
    # "subscription", "subscriber" and "subscribed" are one family, as are prescribe and describe.
    ("scriptions", "scribe"), ("scription", "scribe"), ("scribers", "scribe"), ("scriber", "scribe"),
    # "introduction"/"introduced", "reduction"/"reduced"; but "construction"/"constructed".
    ("ruction", "ruct"), ("uction", "uce"),
    ("ational", "ate"), ("ization", "ize"), ("isation", "ize"), ("fulness", "ful"), ("ousness", "ous"),
    ("iveness", "ive"), ("ements", "e"), ("ement", "e"), ("ments", ""), ("ment", ""), ("ings", ""), ("ing", ""),
    ("ied", "y"), ("ies", "y"), ("edly", ""), ("ed", ""), ("ly", ""), ("es", ""), ("s", ""),
)


@cache
def stem(word: str) -> str:
    """A light, deterministic suffix stripper: enough to equate troop/troops, hold/holding.

    Irregular verb forms go to their base first ("froze", "frozen" → "freez", as "freezes").
    """
    w = word.lower()
    base_form = _irregular().get(w)
    if base_form is not None and base_form != w:
        return stem(base_form)
    if len(w) <= 3 or not w.isalpha():
        return w
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)] + repl
            if suffix in {"ing", "ed", "ings", "edly"} and len(base) > 3 and base[-1] == base[-2] \
                    and base[-1] not in "lsz":
                base = base[:-1]  # stopped → stop, planned → plan
            if suffix == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
                base = w[:-1]  # "prices" → "price", but "taxes" → "tax"
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                return w
            return _single_l(_drop_e(base))
    return _single_l(_drop_e(w))


def _drop_e(word: str) -> str:
    # "blame", "blamed" and "blames" must meet: drop a final silent e from every stem.
    return word[:-1] if len(word) > 4 and word.endswith("e") and not word.endswith(("ee", "ie")) else word


_VOWELS = frozenset("aeiouy")


def _single_l(word: str) -> str:
    # British spelling doubles a final l after an unstressed vowel ("total", "totalled", "travelling"):
    # one l in every stem of two or more syllables makes them meet. One-syllable stems ("call",
    # "spell", "pull") keep theirs.
    if len(word) >= 5 and word.endswith("ll") and word[-3] in _VOWELS and any(ch in _VOWELS for ch in word[:-3]):
        return word[:-1]
    return word


def words(text: str) -> list[tuple[str, int, int]]:
    """Tokens with their character offsets; possessives are stripped."""
    out: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(text):
        token = m.group(0)
        end = m.end()
        pm = _POSSESSIVE.search(token)
        if pm and len(token) > 2 and pm.group(0) != "":
            token = token[: pm.start()]
            end = m.start() + len(token)
        out.append((token.rstrip("."), m.start(), end))
    return out


def term_of(token: str) -> str | None:
    """The comparable term for one token, or None for stop words and speech verbs."""
    lex = lexicon()
    low = token.lower()
    if low in lex.stopwords or low in lex.report_words:
        return None
    if low in lex.concept_of:
        return lex.concept_of[low]
    s = stem(low)
    return lex.concept_of.get(s, s)


def content_terms(text: str, skip: list[tuple[int, int]] | None = None) -> list[str]:
    """Terms of ``text`` in order, ignoring tokens inside the ``skip`` spans (already-parsed entities, numbers)."""
    return _scan(text, skip, None)


def phrase_words(text: str) -> dict[str, tuple[str, ...]]:
    """Lower-cased words that ``text`` uses only inside a phrase the lexicon reads as one concept,
    each with the phrases as written: "stand" of "He is to stand down" is leaving, not standing, so
    the bare word is no match, while "stand down" itself still is."""
    spans: list[tuple[int, int]] = []
    _scan(text, None, spans)
    if not spans:
        return {}
    inside: dict[str, set[str]] = {}
    outside: set[str] = set()
    for token, start, _ in words(text):
        span = next(((s, e) for s, e in spans if s <= start < e), None)
        if span is None:
            outside.add(token.lower())
        else:
            inside.setdefault(token.lower(), set()).add(" ".join(text[span[0]:span[1]].lower().split()))
    return {w: tuple(sorted(p)) for w, p in inside.items() if w not in outside}


def _scan(text: str, skip: list[tuple[int, int]] | None, phrases: list[tuple[int, int]] | None) -> list[str]:
    """The terms of ``text``; the spans of tagged multi-word phrases go to ``phrases`` if given."""
    lex = lexicon()
    toks: list[tuple[str, int, int]] = []
    starts, ends = _merged(skip or [])
    for t, s, e in words(text):
        if starts:
            i = bisect_right(starts, s) - 1
            if i >= 0 and s < ends[i]:
                continue
        if "-" in t and t.lower() not in lex.concept_of:
            # "cost-sharing" must meet "cost sharing": compare hyphenated words by their parts.
            at = s
            for part in t.split("-"):
                if part:
                    toks.append((part, at, at + len(part)))
                at += len(part) + 1
        else:
            toks.append((t, s, e))
    stems = [stem(t) for t, _, _ in toks]
    out: list[str] = []
    growth_at: list[int] = []  # where the noun "growth" put its "~rise"
    i = 0
    by_first = _phrases_by_first()
    while i < len(toks):
        level = _level_verb_at(stems, i, toks, text)
        if level:
            i += level
            continue
        for parts, tag in by_first.get(stems[i], ()):
            n = len(parts)
            if tuple(stems[i:i + n]) == parts:
                if tag:
                    out.append(tag)
                    if phrases is not None and n > 1:
                        phrases.append((toks[i][1], toks[i + n - 1][2]))
                i += n
                break
        else:
            term = term_of(toks[i][0])
            if term is not None:
                if term == "~rise" and toks[i][0].lower() in _GROWTH_NOUNS:
                    growth_at.append(len(out))
                out.append(term)
            i += 1
    if growth_at and sum(1 for t in out if t in _DIRECTIONS) > len(growth_at):
        # "growth fell to 2.1%": with a verb of change beside it, "growth" names the rate that
        # changed, not a rise; only alone ("growth of 5%") does it say which way things went.
        for at in growth_at:
            out[at] = "growth"
    return out


_GROWTH_NOUNS = frozenset({"growth"})
_DIRECTIONS = frozenset({"~rise", "~fall", "~reduce", "~accelerate", "~slow"})


# A figure as written right after a verb: digits, a currency sign, or a number word, maybe after
# "at"/"to" and a word of approximation.
_FIGURE_AHEAD = re.compile(
    r"\s*(?:(?:at|to|of)\s+)?(?:(?:about|around|almost|nearly|just|roughly|some|more than|less than|over|under)\s+)?"
    r"(?:[£$€¥]|[A-Z]{1,3}\$|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a million|a billion|half)\b)", re.I)


def _level_verb_at(stems: list[str], i: int, toks: list[tuple[str, int, int]], text: str) -> int:
    """How many tokens from ``i`` form a verb that only states a figure's level ("reached 4.2%",
    "stood at 5%", "came in at £37bn", "totalled $2bn"): with the figure after it, such a verb says
    nothing the figure does not, so it is no content word. 0 where there is none."""
    lex = lexicon()
    if stems[i] not in lex.level_first:
        return 0
    for parts in lex.level_verbs:
        n = len(parts)
        if tuple(stems[i:i + n]) == parts and _FIGURE_AHEAD.match(text, toks[i + n - 1][2]):
            return n
    return 0


@cache
def _phrases_by_first() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The lexicon's phrases by their first stem, longest first: a token is tried only against
    the phrases that can start with it."""
    grouped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for parts, tag in lexicon().phrases:
        grouped.setdefault(parts[0], []).append((parts, tag))
    return {first: tuple(items) for first, items in grouped.items()}


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, non-overlapping spans as parallel start/end lists, for bisect (linear, not quadratic)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def are_antonyms(a: str, b: str) -> bool:
    """Do the two terms flip a claim when swapped: a listed pair, or a word and its negative-prefix
    form ("lawful"/"unlawful", "legal"/"illegal", "regular"/"irregular", "adequate"/"inadequate")?"""
    if (a, b) in lexicon().antonyms:
        return True
    if a.startswith("~") and b.startswith("~"):
        return False
    return _negated_term(a) == b or _negated_term(b) == a


@cache
def antonym_partners(term: str) -> frozenset[str]:
    """Every term ``t`` with ``are_antonyms(term, t)`` that can be named without a vocabulary: the
    listed partners and the word ``term`` negates. The remaining case, a negative-prefix form of
    ``term`` ("unlawful" for "lawful"), is found through :func:`negated_base` of the other term."""
    partners = {b for a, b in lexicon().antonyms if a == term}
    negated = _negated_term(term)
    if negated is not None:
        partners.add(negated)
    return frozenset(partners)


def negated_base(term: str) -> str | None:
    """The term that a negative-prefix word negates ("unlawful" → the term of "lawful"), else None."""
    return _negated_term(term)


@cache
def _negated_term(term: str) -> str | None:
    """The term a negative-prefix word negates, or None: "unlawful" → the term of "lawful".

    "un-", "il-" and "ir-" are negative on any word of four or more letters after them; "in-"
    only before an adjective ending ("inadequate", "incorrect", "ineffective"), since it also
    opens plain words ("income", "inform", "inside", "increase").
    """
    if term.startswith(("~", "@", "#")) or not term.isalpha() or term in _not_negative():
        return None
    for prefix in ("un", "il", "ir", "in"):
        rest = term[len(prefix):]
        if not term.startswith(prefix) or len(rest) < 4:
            continue
        if prefix in {"il", "ir"} and not rest.startswith(prefix[1]):
            continue  # "illegal", "irregular": the prefix assimilates to the first letter
        if prefix == "in" and not rest.endswith(_ADJECTIVE_ENDINGS):
            continue
        base = term_of(rest)
        if base is not None and base != term:
            return base
    return None


@cache
def _not_negative() -> frozenset[str]:
    return frozenset(stem(w) for w in _raw()["not_negative"])


# Stemmed adjective endings ("adequat", "correct", "effectiv", "sufficient", "formal", "possibl").
_ADJECTIVE_ENDINGS = ("at", "ect", "iv", "ent", "ant", "al", "ibl", "abl", "ous", "ful")
