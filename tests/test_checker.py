"""Rules of the checker on the seed knowledge base: each verdict, with the detail that decides it."""

from __future__ import annotations

import time

import pytest

from factcheck.api import checker_for, load_claims
from factcheck.checker import MAX_ASSERTION_CHARS, Checker
from factcheck.models import KnowledgeBase
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
