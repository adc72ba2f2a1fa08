"""FactCC validation benchmark: balanced accuracy of "supported" as a consistency classifier.

Run from the repo root: ``/work/.devvenv/bin/python benchmarks/factcc.py [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from factcheck.api import build_kb
from factcheck.checker import Checker
from factcheck.models import Verdict

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "benchmarks" / "factcc-val.jsonl"


def main() -> int:
    """Score every claim of the FactCC validation split and print the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N claims")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"FactCC data not found: {DATA} (expected ../shared/benchmarks/factcc-val.jsonl)", file=sys.stderr)
        return 2

    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit is not None:
        rows = rows[: args.limit]

    # Group claims by document so each story's knowledge base is built once.
    by_doc: dict[str, tuple[str, list[tuple[str, int]]]] = {}
    for row in rows:
        doc_id = row["id"]
        entry = by_doc.setdefault(doc_id, (row["document"], []))
        entry[1].append((row["claim"], int(row["label"])))

    matrix = [[0, 0], [0, 0]]  # matrix[true][predicted]
    start = time.perf_counter()
    for doc_id, (document, claims) in by_doc.items():
        # The stories have no title line; the extractor treats the first line as the title.
        kb = build_kb([(doc_id, "factcc/" + doc_id, "Untitled\n\n" + document)])
        checker = Checker(kb)
        for claim, label in claims:
            predicted = 1 if checker.check(claim).verdict == Verdict.SUPPORTED else 0
            matrix[label][predicted] += 1
    elapsed = time.perf_counter() - start

    n = sum(map(sum, matrix))
    positives = matrix[1][0] + matrix[1][1]
    negatives = matrix[0][0] + matrix[0][1]
    tpr = matrix[1][1] / positives if positives else 0.0
    tnr = matrix[0][0] / negatives if negatives else 0.0
    print(f"n = {n} claims over {len(by_doc)} documents")
    print("confusion matrix (rows: true label, cols: predicted)")
    print("             pred 0  pred 1")
    print(f"  true 0   {matrix[0][0]:7d} {matrix[0][1]:7d}")
    print(f"  true 1   {matrix[1][0]:7d} {matrix[1][1]:7d}")
    print(f"TPR = {100 * tpr:.1f}%  TNR = {100 * tnr:.1f}%")
    print(f"balanced accuracy = {100 * (tpr + tnr) / 2:.1f}%")
    print(f"supported on label-0 claims: {matrix[0][1]} of {negatives}")
    print(f"wall time = {elapsed:.2f} s, {n / elapsed if elapsed else 0.0:.1f} claims/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
