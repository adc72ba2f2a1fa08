"""`factcheck claims list`: the knowledge base as a table (rich on a terminal, tab-separated on a pipe)."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from factcheck.models import Claim, KnowledgeBase


@dataclass(slots=True, frozen=True)
class ClaimRow:
    id: str
    source: str
    sentence: str
    details: str


def describe_details(claim: Claim) -> str:
    """A compact summary of a claim's structured details."""
    parts: list[str] = []
    for q in claim.quantities:
        what = " ".join(x for x in (q.unit, q.counted) if x)
        parts.append(f"{q.text}" + (f" [{what}]" if what else ""))
    parts.extend(f"{d.text}={d.value or '?'}" for d in claim.dates)
    if claim.polarity.value != "affirmed":
        parts.append(claim.polarity.value)
    if claim.stance.value != "asserted":
        parts.append(claim.stance.value)
    if claim.attribution:
        parts.append(f"by {claim.attribution.who}")
    if claim.reviewed:
        parts.append("reviewed")
    return "; ".join(parts)


def claim_rows(kb: KnowledgeBase, *, source: str | None = None, query: str | None = None) -> list[ClaimRow]:
    needle = query.lower() if query else None
    rows = []
    for claim in kb.claims:
        if source is not None and claim.source != source:
            continue
        text = claim.clause or claim.sentence
        if needle is not None and needle not in claim.sentence.lower():
            continue
        rows.append(ClaimRow(id=claim.id, source=claim.source, sentence=text, details=describe_details(claim)))
    return rows


def print_table(rows: list[ClaimRow]) -> None:
    from factcheck.cli import wants_color

    if not wants_color(sys.stdout):
        for row in rows:
            sys.stdout.write(f"{row.id}\t{row.source}\t{row.sentence}\t{row.details}\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for name in ("id", "source", "sentence", "details"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(row.id, row.source, row.sentence, row.details)
    Console().print(table)
