"""Speed benchmark: start-up, extraction, checking throughput vs a naive fuzzy baseline, memory.

Run from the repo root: ``/work/.devvenv/bin/python benchmarks/speed.py [--quick]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from factcheck.api import extract
from factcheck.checker import Checker
from factcheck.models import KnowledgeBase

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "bbc"
STARTUP_ASSERTION = "US withdrawing 4,500 troops"
DIGITS = re.compile(r"\d+")
NAIVE_SAMPLE = 200
NAIVE_FULL_LIMIT_S = 60.0  # beyond this estimated time the naive baseline is extrapolated from a sample


def _median_wall(cmd: list[str], runs: int = 7) -> float:
    subprocess.run(cmd, capture_output=True, check=False)  # warm the OS and bytecode caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _change_number(sentence: str, rng: random.Random) -> str | None:
    match = DIGITS.search(sentence)
    if match is None:
        return None
    old = int(match.group())
    new = old
    while new == old:
        new = rng.randint(max(1, old // 2), old * 3 + 9)
    return sentence[: match.start()] + str(new) + sentence[match.end():]


def _shuffle(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    rng.shuffle(words)
    return " ".join(words)


def build_batch(kb: KnowledgeBase, per_kind: int, seed: int = 0) -> list[str]:
    """Real claim sentences, the same with a number changed, and word-shuffled (unrelated) ones."""
    rng = random.Random(seed)
    sentences = [claim.sentence for claim in kb.claims]
    real = [rng.choice(sentences) for _ in range(per_kind)]
    with_digits = [s for s in sentences if DIGITS.search(s)]
    changed = [c for c in (_change_number(rng.choice(with_digits), rng) for _ in range(per_kind)) if c]
    shuffled = [_shuffle(rng.choice(sentences), rng) for _ in range(per_kind)]
    batch = real + changed + shuffled
    rng.shuffle(batch)
    return batch


def _throughput(kb: KnowledgeBase, batch: list[str]) -> float:
    start = time.perf_counter()
    checker = Checker(kb)
    for _ in checker.check_many(batch):
        pass
    return len(batch) / (time.perf_counter() - start)


def main() -> int:
    """Run every measurement and print one markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller assertion batch")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS} (expected ../shared/corpus/bbc)", file=sys.stderr)
        return 2

    rows: list[tuple[str, str]] = []
    rows.append(("machine", f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"))

    # (a) start-up
    bindir = Path(sys.executable).parent
    cli = [str(bindir / "factcheck"), STARTUP_ASSERTION]
    t_cli = _median_wall(cli)
    t_py = _median_wall([sys.executable, "-c", "pass"])
    rows.append(("start-up `factcheck \"…\"` (median of 7)", f"{t_cli * 1000:.0f} ms"))
    rows.append(("start-up `python -c pass` (median of 7)", f"{t_py * 1000:.0f} ms"))
    rows.append(("start-up ratio", f"{t_cli / t_py:.1f}×"))

    # (b) extraction over the whole corpus
    files = sorted(CORPUS.glob("*/*.txt"))
    start = time.perf_counter()
    kb_all = extract([CORPUS])
    t_ext = time.perf_counter() - start
    n_articles = len(kb_all.sources)
    rows.append(("extraction, whole corpus", f"{n_articles} articles, {len(kb_all.claims)} claims in {t_ext:.2f} s "
                 f"({n_articles / t_ext:.0f} articles/s)"))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    # (c) throughput
    per_kind = 200 if args.quick else 1700
    batch = build_batch(kb_all, per_kind)
    rows.append(("assertion batch", f"{len(batch)} (real / number changed / shuffled words)"))
    fc_rate = 0.0
    for n in (10, 100, len(files)):
        kb = kb_all if n == len(files) else extract(files[:n])
        fc_rate = _throughput(kb, batch)
        rows.append((f"factcheck check_many, KB of {len(kb.sources)} stories ({len(kb.claims)} claims)",
                     f"{fc_rate:,.0f} assertions/s (incl. Checker build)"))

    # (d) naive fuzzy baseline on the full KB
    choices = [claim.sentence for claim in kb_all.claims]
    sample = batch[:NAIVE_SAMPLE]
    start = time.perf_counter()
    for text in sample:
        process.extractOne(text, choices, scorer=fuzz.token_set_ratio)
    t_sample = time.perf_counter() - start
    estimate = t_sample * len(batch) / len(sample)
    if estimate <= NAIVE_FULL_LIMIT_S and len(sample) < len(batch):
        start = time.perf_counter()
        for text in batch:
            process.extractOne(text, choices, scorer=fuzz.token_set_ratio)
        naive_rate = len(batch) / (time.perf_counter() - start)
        how = f"whole batch of {len(batch)}"
    else:
        naive_rate = len(sample) / t_sample
        how = f"timed on a {len(sample)}-assertion sample, extrapolated"
    rows.append(("naive rapidfuzz extractOne (token_set_ratio), full KB", f"{naive_rate:,.1f} assertions/s ({how})"))
    rows.append(("factcheck / naive speed ratio", f"{fc_rate / naive_rate:,.1f}×"))

    # (e) memory: the largest KB was built first, so peak RSS right after it is the meaningful figure
    rows.append(("peak RSS after extracting the 927-story KB", f"{rss_mb:.0f} MB"))
    rss_end = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak RSS at end (incl. Checker indexes, naive run)", f"{rss_end:.0f} MB"))

    print("| measurement | result |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
