"""formats/github.py: GitHub Actions annotations."""

from __future__ import annotations

from factcheck.formats.github import annotation, escape_data, escape_property, format_github
from factcheck.formats.report import CheckReport
from factcheck.models import DifferenceKind, Verdict
from tests.formats.test_report import located, sample_report


def test_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("50% up\r\nnext: a, b") == "50%25 up%0D%0Anext: a, b"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_one_line_finding_has_columns_and_inclusive_end_column() -> None:
    item = sample_report().results[0]
    assert annotation(item) == (
        "::error file=docs/a.md,line=3,col=1,endLine=3,endColumn=42,"
        "title=factcheck contradicted (number)::The source gives 28,500, not 45,000. — "
        "“Currently, there are 28,500 US troops stationed in South Korea.” (seeds/seed.md:14)"
        "%0ASuggestion: There are 28,500 US troops in South Korea.")


def test_multi_line_finding_has_no_columns() -> None:
    item = sample_report().results[2]
    assert annotation(item) == ("::warning file=docs/a.md,line=5,endLine=6,"
                                "title=factcheck unverified::No claim mentions this.")


def test_properties_and_message_are_escaped() -> None:
    item = located("A, b: 5% up.", Verdict.CONTRADICTED, path="docs/x,y:z.md",
                   reason="Rose 5%, not 50%:\nsee",
                   kinds=(DifferenceKind.NUMBER, DifferenceKind.DATE))
    line = annotation(item)
    assert line.startswith("::error file=docs/x%2Cy%3Az.md,line=1,col=1,")
    assert ",title=factcheck contradicted (number/date)::" in line
    assert line.endswith("::Rose 5%25, not 50%25:%0Asee")
    assert "\n" not in line


def test_full_output_errors_first_then_warnings_then_summary() -> None:
    lines = format_github(sample_report()).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::error", "::warning", "4"]
    assert "line=2,col=5" in lines[1]
    assert lines[-1] == "4 checked · 1 supported · 2 contradicted · 1 unverified · 4 skipped"


def test_at_most_ten_of_each_level_by_confidence_then_a_notice() -> None:
    results = [located(f"Error {i}.", Verdict.CONTRADICTED, line=i, confidence=i / 100)
               for i in range(1, 13)]
    results += [located(f"Warning {i}.", Verdict.UNVERIFIED, line=20 + i, confidence=0.5)
                for i in range(11)]
    lines = format_github(CheckReport(results=results)).splitlines()
    errors = [line for line in lines if line.startswith("::error")]
    warnings = [line for line in lines if line.startswith("::warning")]
    assert len(errors) == 10 and len(warnings) == 10
    # Most confident first: error 12 … error 3; errors 1 and 2 are left out.
    assert [int(e.split("line=")[1].split(",")[0]) for e in errors] == list(range(12, 2, -1))
    # Equal confidence keeps document order.
    assert [int(w.split("line=")[1].split(",")[0]) for w in warnings] == list(range(20, 30))
    assert lines.index(warnings[0]) > lines.index(errors[-1])
    [notice] = [line for line in lines if line.startswith("::notice")]
    assert notice.startswith("::notice title=factcheck::2 more contradicted and 1 more unverified "
                             "not annotated (GitHub shows 10 annotations of each level per step)")


def test_only_warnings_over_the_limit() -> None:
    results = [located(f"W {i}.", Verdict.UNVERIFIED, line=i) for i in range(1, 14)]
    [notice] = [line for line in format_github(CheckReport(results=results)).splitlines()
                if line.startswith("::notice")]
    assert "::3 more unverified not annotated" in notice


def test_no_findings_no_annotations() -> None:
    report = CheckReport(results=[located("Fine 1.", Verdict.SUPPORTED)], skipped=1)
    assert format_github(report) == (
        "1 checked · 1 supported · 0 contradicted · 0 unverified · 1 skipped\n")
