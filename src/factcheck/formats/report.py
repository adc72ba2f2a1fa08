"""The report of `factcheck check FILE…` and its linter-style text form.

:class:`CheckReport` is what every output format of `factcheck check` renders.
The text form groups findings by file, one ``path:line:col  verdict  reason``
line each (editors and terminals make it clickable), then the details
indented, then one summary line::

    docs/draft.md:9:1  contradicted  The source gives 1,200 jobs, not 2,100.
        sentence  “The plant will cut 2,100 jobs.”
        evidence  “The company said 1,200 jobs would go at the plant.”
        source    Carmaker to shut plant — sources/plant.txt:3
        suggest   The plant will cut 1,200 jobs.

    3 checked · 1 supported · 1 contradicted · 1 unverified · 4 skipped

Colour (rich, imported only then) is for terminals; the caller decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from factcheck.models import LocatedResult, Result, Verdict

__all__ = ["CheckReport", "format_text", "where"]

_STYLE = {Verdict.SUPPORTED: "bold green", Verdict.CONTRADICTED: "bold red",
          Verdict.UNVERIFIED: "bold yellow"}


@dataclass(slots=True, kw_only=True)
class CheckReport:
    """The outcome of checking drafts.

    ``results`` holds one entry per checked sentence (every verdict) in file and
    line order, without the findings a baseline already knows; those are only
    counted in ``known``. ``skipped`` counts sentences with nothing checkable
    plus suppressed ones.
    """

    results: list[LocatedResult] = field(default_factory=list)
    skipped: int = 0
    known: int = 0
    baseline: bool = False  # a baseline was applied: the summary reports `known`

    def count(self, verdict: Verdict) -> int:
        return sum(1 for item in self.results if item.result.verdict is verdict)

    @property
    def checked(self) -> int:
        return len(self.results) + self.known

    @property
    def findings(self) -> list[LocatedResult]:
        """The new contradicted and unverified results, in order."""
        return [item for item in self.results if item.result.verdict is not Verdict.SUPPORTED]

    def summary(self) -> str:
        """``N checked · N supported · N contradicted · N unverified · N skipped`` (+ known)."""
        parts = [f"{self.checked} checked",
                 f"{self.count(Verdict.SUPPORTED)} supported",
                 f"{self.count(Verdict.CONTRADICTED)} contradicted",
                 f"{self.count(Verdict.UNVERIFIED)} unverified",
                 f"{self.skipped} skipped"]
        if self.baseline:
            parts.append(f"{self.known} known (baseline)")
        return " · ".join(parts)


def where(result: Result) -> str | None:
    """The evidence's source as ``title — path:line`` (None without a source)."""
    src = result.source
    if src is None:
        return None
    if src.path:
        return f"{src.title} — {src.path}:{src.line}" if src.title else f"{src.path}:{src.line}"
    return src.title or None


def _details(result: Result) -> Iterator[tuple[str, str]]:
    yield "sentence", f"“{result.text}”"
    if result.evidence:
        yield "evidence", f"“{result.evidence}”"
    origin = where(result)
    if origin:
        yield "source", origin
    if result.attributed_to:
        yield "said by", result.attributed_to
    if result.suggestion:
        yield "suggest", result.suggestion


# One line is a list of (text, style) pieces: rendered plain, or in colour by rich.
_Piece = tuple[str, str]


def _lines(report: CheckReport, show_supported: bool) -> list[list[_Piece]]:
    lines: list[list[_Piece]] = []
    current: str | None = None
    for item in report.results:
        result = item.result
        if result.verdict is Verdict.SUPPORTED and not show_supported:
            continue
        loc = item.location
        if current is not None and loc.path != current:
            lines.append([])
        current = loc.path
        lines.append([(f"{loc.path}:{loc.line}:{loc.column}", "bold"), ("  ", ""),
                      (result.verdict.value, _STYLE[result.verdict]), ("  ", ""),
                      (result.reason, "")])
        for label, value in _details(result):
            lines.append([("    ", ""), (f"{label:<9}", "dim"), (" ", ""), (value, "")])
    if lines:
        lines.append([])
    lines.append([(report.summary(), "bold" if report.findings else "")])
    return lines


def format_text(report: CheckReport, *, color: bool = False, show_supported: bool = False) -> str:
    """The linter-style report, ending with a newline; ANSI colour only when ``color``."""
    lines = _lines(report, show_supported)
    if not color:
        return "".join("".join(text for text, _ in line) + "\n" for line in lines)
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=10_000,
                      highlight=False, emoji=False, markup=False)
    for line in lines:
        text = Text()
        for piece, style in line:
            text.append(piece, style=style or None)
        console.print(text, soft_wrap=True)
    return buffer.getvalue()
