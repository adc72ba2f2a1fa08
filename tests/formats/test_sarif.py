"""formats/sarif.py: SARIF 2.1.0, validated against the official OASIS schema (vendored)."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck.baseline import sentence_digest
from factcheck.formats.report import CheckReport
from factcheck.formats.sarif import RULES, format_sarif, rule_for, sarif_log
from factcheck.models import DifferenceKind, Verdict
from tests.formats.test_report import located, sample_report

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-2.1.0.json"


@cache
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def errors(log: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(log)]


def log_of(report: CheckReport, **kwargs: Any) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(format_sarif(report, version="1.2.3", **kwargs))
    return log


@pytest.mark.parametrize(
    "report",
    [sample_report(), CheckReport(),
     CheckReport(results=sample_report().results, known=3, baseline=True)],
    ids=["findings", "empty", "baseline"],
)
def test_output_is_valid_sarif(report: CheckReport) -> None:
    assert errors(log_of(report, information_uri="https://example.org/factcheck")) == []


def test_the_schema_catches_mistakes() -> None:
    log = log_of(sample_report())
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert errors(broken)
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert errors(broken)


def test_driver_and_rules() -> None:
    driver = log_of(sample_report(), information_uri="https://example.org/x")["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == (
        "factcheck", "1.2.3", "https://example.org/x")
    assert [rule["id"] for rule in driver["rules"]] == [
        "FC-NUMBER", "FC-DATE", "FC-ENTITY", "FC-ROLE", "FC-NEGATION", "FC-CERTAINTY",
        "FC-ATTRIBUTION", "FC-UNVERIFIED", "FC-CONTRADICTED"]
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in driver["rules"]}
    assert levels["FC-NUMBER"] == "error" and levels["FC-UNVERIFIED"] == "warning"
    # Every kind of difference has its rule.
    assert {f"FC-{kind.value.upper()}" for kind in DifferenceKind} <= set(levels)
    assert "informationUri" not in log_of(sample_report())["runs"][0]["tool"]["driver"]


def test_results_are_findings_with_rule_level_and_region() -> None:
    run = log_of(sample_report())["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("FC-NUMBER", "error"), ("FC-UNVERIFIED", "warning"), ("FC-DATE", "error")]
    for r in results:
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    first = results[0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/a.md"}
    assert location["region"] == {
        "startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 43,
        "snippet": {"text": "There are 45,000 US troops in South Korea."}}
    assert first["message"]["text"] == (
        "The source gives 28,500, not 45,000. Evidence: “Currently, there are 28,500 US troops "
        "stationed in South Korea.” (seeds/seed.md:14) Suggestion: There are 28,500 US troops in "
        "South Korea.")
    assert first["properties"]["verdict"] == "contradicted"
    assert first["properties"]["differences"] == [
        {"kind": "number", "asserted": "a", "source": "s"}]
    assert results[1]["locations"][0]["physicalLocation"]["region"]["endLine"] == 6
    assert "baselineState" not in first


def test_baseline_marks_results_new() -> None:
    report = CheckReport(results=sample_report().results, known=1, baseline=True)
    assert {r["baselineState"] for r in log_of(report)["runs"][0]["results"]} == {"new"}


def test_fingerprint_follows_the_sentence_not_the_line() -> None:
    a = located("There are 45,000 troops.", Verdict.CONTRADICTED, line=3)
    b = located("There are 45,000 troops.", Verdict.CONTRADICTED, line=30)
    [ra] = log_of(CheckReport(results=[a]))["runs"][0]["results"]
    [rb] = log_of(CheckReport(results=[b]))["runs"][0]["results"]
    fa, fb = ra["partialFingerprints"], rb["partialFingerprints"]
    assert fa == fb == {"factcheck/sentence/v1": sentence_digest("There are 45,000 troops.")}


def test_uris_are_relative_and_escaped() -> None:
    item = located("X 1.", Verdict.UNVERIFIED, path="my docs/ünï #1.md")
    [result] = sarif_log(CheckReport(results=[item]), version="1")["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20docs/%C3%BCn%C3%AF%20%231.md"
    absolute = located("X 1.", Verdict.UNVERIFIED, path="/tmp/a b.md")
    [result] = sarif_log(CheckReport(results=[absolute]), version="1")["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "file:///tmp/a%20b.md"
    assert errors(sarif_log(CheckReport(results=[item, absolute]), version="1")) == []


def test_rule_fallbacks() -> None:
    assert rule_for(located("X.", Verdict.UNVERIFIED)).id == "FC-UNVERIFIED"
    assert rule_for(located("X.", Verdict.CONTRADICTED)).id == "FC-CONTRADICTED"
    assert rule_for(located("X.", Verdict.UNVERIFIED, kinds=(DifferenceKind.CERTAINTY,))).id == (
        "FC-CERTAINTY")
    assert len({rule.id for rule in RULES}) == len(RULES)


def test_deterministic() -> None:
    assert format_sarif(sample_report(), version="1") == format_sarif(sample_report(), version="1")
