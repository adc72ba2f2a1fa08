"""formats/report.py: CheckReport and the linter-style text report."""

from __future__ import annotations

import re
import subprocess
import sys

from factcheck.formats.report import CheckReport, format_text, where
from factcheck.models import (
    Difference,
    DifferenceKind,
    LocatedResult,
    Location,
    Result,
    SourceRef,
    Verdict,
)

SOURCE = SourceRef(id="seed", title="Seoul denies talks", outlet=None, published="2025-05-23",
                   path="seeds/seed.md", line=14)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def located(text: str, verdict: Verdict, *, path: str = "docs/a.md", line: int = 1, column: int = 1,
            end_line: int | None = None, end_column: int | None = None, confidence: float = 0.9,
            reason: str = "No claim mentions this.", evidence: str | None = None,
            kinds: tuple[DifferenceKind, ...] = (), suggestion: str | None = None) -> LocatedResult:
    result = Result(text=text, verdict=verdict, confidence=confidence, reason=reason,
                    evidence=evidence, source=SOURCE if evidence else None,
                    differences=[Difference(kind=k, asserted="a", source="s") for k in kinds],
                    suggestion=suggestion)
    location = Location(path=path, line=line, column=column,
                        end_line=end_line if end_line is not None else line,
                        end_column=end_column if end_column is not None else column + len(text))
    return LocatedResult(result=result, location=location)


def sample_report() -> CheckReport:
    """Two files: a contradiction, a supported sentence, a two-line unverified one, a date error."""
    return CheckReport(results=[
        located("There are 45,000 US troops in South Korea.", Verdict.CONTRADICTED, line=3,
                confidence=0.95, reason="The source gives 28,500, not 45,000.",
                evidence="Currently, there are 28,500 US troops stationed in South Korea.",
                kinds=(DifferenceKind.NUMBER,),
                suggestion="There are 28,500 US troops in South Korea."),
        located("Seoul said no talks were held.", Verdict.SUPPORTED, line=4,
                reason="The source says so.", evidence="No discussions had been held."),
        located("Officials in Tokyo said 9 ships left.", Verdict.UNVERIFIED, line=5, column=10,
                end_line=6, end_column=4, confidence=0.5),
        located("The election is on June 4th.", Verdict.CONTRADICTED, path="docs/b.md", line=2,
                column=5, confidence=0.9, reason="The source gives June 3rd, not June 4th.",
                evidence="The snap election is on June 3rd.", kinds=(DifferenceKind.DATE,)),
    ], skipped=4)


EXPECTED = """\
docs/a.md:3:1  contradicted  The source gives 28,500, not 45,000.
    sentence  “There are 45,000 US troops in South Korea.”
    evidence  “Currently, there are 28,500 US troops stationed in South Korea.”
    source    Seoul denies talks — seeds/seed.md:14
    suggest   There are 28,500 US troops in South Korea.
docs/a.md:5:10  unverified  No claim mentions this.
    sentence  “Officials in Tokyo said 9 ships left.”

docs/b.md:2:5  contradicted  The source gives June 3rd, not June 4th.
    sentence  “The election is on June 4th.”
    evidence  “The snap election is on June 3rd.”
    source    Seoul denies talks — seeds/seed.md:14

4 checked · 1 supported · 2 contradicted · 1 unverified · 4 skipped
"""


def test_plain_text_report_grouped_by_file() -> None:
    assert format_text(sample_report()) == EXPECTED


def test_supported_sentences_only_on_request() -> None:
    shown = format_text(sample_report(), show_supported=True)
    assert "docs/a.md:4:1  supported  The source says so.\n" in shown
    assert "supported  The source" not in format_text(sample_report())


def test_summary_counts_and_baseline() -> None:
    report = sample_report()
    assert report.checked == 4
    assert len(report.findings) == 3
    report.known = 2
    report.baseline = True
    assert report.summary() == ("6 checked · 1 supported · 2 contradicted · 1 unverified · "
                                "4 skipped · 2 known (baseline)")


def test_nothing_to_report_is_just_the_summary() -> None:
    assert format_text(CheckReport(skipped=2)) == (
        "0 checked · 0 supported · 0 contradicted · 0 unverified · 2 skipped\n")


def test_colour_adds_ansi_codes_around_the_same_text() -> None:
    coloured = format_text(sample_report(), color=True)
    assert "\x1b[" in coloured
    assert "\x1b[" not in format_text(sample_report())
    assert ANSI.sub("", coloured) == EXPECTED
    # The verdict is red for a contradiction.
    assert re.search(r"\x1b\[1;31mcontradicted\x1b\[0m", coloured)


def test_rich_is_imported_only_for_colour() -> None:
    code = ("import sys; from factcheck.formats.report import CheckReport, format_text; "
            "format_text(CheckReport()); print('rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_where_names_the_source() -> None:
    result = sample_report().results[0].result
    assert where(result) == "Seoul denies talks — seeds/seed.md:14"
    assert where(Result(text="x", verdict=Verdict.UNVERIFIED, confidence=0, reason="r")) is None
