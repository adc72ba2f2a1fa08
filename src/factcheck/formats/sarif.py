"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE SARIF viewers).

One run; the driver ``factcheck`` declares one rule per kind of difference
(``FC-NUMBER``, ``FC-DATE``, ``FC-ENTITY``, ``FC-ROLE``, ``FC-NEGATION``,
``FC-CERTAINTY``, ``FC-ATTRIBUTION``), ``FC-UNVERIFIED`` for unverified
sentences with no difference, and ``FC-CONTRADICTED`` as the fallback for a
contradiction that names no difference. A result's rule is its first
difference; its level is ``error`` for contradicted and ``warning`` for
unverified sentences. Supported sentences are not results.

Locations are relative URIs with 1-based ``startLine``/``startColumn`` and
``endLine``/``endColumn`` (end exclusive, in Unicode code points, as the run's
``columnKind`` says). ``partialFingerprints`` carries a digest of the
sentence, so that alerts follow a sentence that moves. The output is
deterministic: no timestamps, no absolute paths for files under the working
folder, keys in a fixed order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from factcheck.baseline import sentence_digest
from factcheck.formats.report import CheckReport
from factcheck.models import DifferenceKind, LocatedResult, Verdict

__all__ = ["RULES", "SARIF_SCHEMA", "SARIF_VERSION", "Rule", "format_sarif", "rule_for",
           "sarif_log"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "factcheck/sentence/v1"


@dataclass(slots=True, frozen=True)
class Rule:
    id: str
    name: str
    short: str
    full: str
    level: str


def _difference_rule(kind: DifferenceKind, what: str, example: str) -> Rule:
    return Rule(
        id=f"FC-{kind.value.upper()}",
        name=f"{kind.value.capitalize()}Contradicted",
        short=f"The sentence's {what} disagrees with the source.",
        full=(f"The sentence's {what} disagrees with a claim of a source article in the "
              f"knowledge base: {example}. Correct the sentence, or suppress it with "
              "<!-- factcheck: ignore reason --> if the source is wrong or out of date."),
        level="error",
    )


RULES: tuple[Rule, ...] = (
    _difference_rule(DifferenceKind.NUMBER, "number",
                     "another count, amount or percentage than the source gives"),
    _difference_rule(DifferenceKind.DATE, "date", "another day, month or year"),
    _difference_rule(DifferenceKind.ENTITY, "person, organisation or place",
                     "another name than the source gives"),
    _difference_rule(DifferenceKind.ROLE, "role or title",
                     "another title or office than the source gives"),
    _difference_rule(DifferenceKind.NEGATION, "polarity",
                     "it affirms what the source denies, or the reverse"),
    _difference_rule(DifferenceKind.CERTAINTY, "certainty",
                     "it states as fact what the source reports as considered or planned"),
    _difference_rule(DifferenceKind.ATTRIBUTION, "attribution",
                     "it credits a statement to someone the source does not"),
    Rule(id="FC-UNVERIFIED", name="Unverified",
         short="No claim in the knowledge base supports or contradicts the sentence.",
         full=("The sentence carries checkable details (numbers, dates, names, attributions) but "
               "the knowledge base has no claim that supports it. Add a source article, or "
               "suppress it with <!-- factcheck: ignore reason -->."),
         level="warning"),
    Rule(id="FC-CONTRADICTED", name="Contradicted",
         short="The sentence contradicts a claim of a source article.",
         full="The sentence disagrees with a claim of a source article in the knowledge base.",
         level="error"),
)
_RULE_INDEX = {rule.id: i for i, rule in enumerate(RULES)}


def rule_for(item: LocatedResult) -> Rule:
    """The rule a finding is reported under: its first difference, else by verdict."""
    result = item.result
    if result.differences:
        return RULES[_RULE_INDEX[f"FC-{result.differences[0].kind.value.upper()}"]]
    if result.verdict is Verdict.CONTRADICTED:
        return RULES[_RULE_INDEX["FC-CONTRADICTED"]]
    return RULES[_RULE_INDEX["FC-UNVERIFIED"]]


def _uri(path: str) -> str:
    if path.startswith("/"):
        return "file://" + quote(path)
    return quote(path.replace("\\", "/"), safe="/")


def _message(item: LocatedResult) -> str:
    result = item.result
    text = result.reason
    if result.evidence:
        text += f" Evidence: “{result.evidence}”"
        if result.source is not None and result.source.path:
            text += f" ({result.source.path}:{result.source.line})"
    if result.suggestion:
        text += f" Suggestion: {result.suggestion}"
    return text


def _result(item: LocatedResult, baseline: bool) -> dict[str, Any]:
    result = item.result
    loc = item.location
    rule = rule_for(item)
    properties: dict[str, Any] = {"verdict": result.verdict.value,
                                  "confidence": round(result.confidence, 3)}
    if result.claim_id:
        properties["claimId"] = result.claim_id
    if result.evidence:
        properties["evidence"] = result.evidence
    if result.suggestion:
        properties["suggestion"] = result.suggestion
    if result.differences:
        properties["differences"] = [
            {"kind": d.kind.value, "asserted": d.asserted, "source": d.source}
            for d in result.differences
        ]
    out: dict[str, Any] = {
        "ruleId": rule.id,
        "ruleIndex": _RULE_INDEX[rule.id],
        "level": "error" if result.verdict is Verdict.CONTRADICTED else "warning",
        "message": {"text": _message(item)},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": _uri(loc.path)},
                "region": {"startLine": loc.line, "startColumn": loc.column,
                           "endLine": loc.end_line, "endColumn": loc.end_column,
                           "snippet": {"text": result.text}},
            },
        }],
        "partialFingerprints": {FINGERPRINT: sentence_digest(result.text)},
    }
    if baseline:
        out["baselineState"] = "new"
    out["properties"] = properties
    return out


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.short},
        "fullDescription": {"text": rule.full},
        "defaultConfiguration": {"level": rule.level},
        "help": {"text": rule.full},
    }


def sarif_log(report: CheckReport, *, version: str,
              information_uri: str | None = None) -> dict[str, Any]:
    """The SARIF log object for a report (findings only, in file and line order)."""
    driver: dict[str, Any] = {"name": "factcheck", "version": version, "semanticVersion": version}
    if information_uri:
        driver["informationUri"] = information_uri
    driver["rules"] = [_rule(rule) for rule in RULES]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": [_result(item, report.baseline) for item in report.findings],
        }],
    }


def format_sarif(report: CheckReport, *, version: str, information_uri: str | None = None) -> str:
    """The SARIF log as indented JSON, newline-terminated."""
    log = sarif_log(report, version=version, information_uri=information_uri)
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
