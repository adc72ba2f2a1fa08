"""Speed benchmark: start-up, extraction, piped throughput against KBs of growing size, a naive baseline, memory.

Run from the repo root: ``python benchmarks/speed.py [--quick]`` (needs ``../shared``). Every figure comes from
running the installed ``factcheck`` command the way users do, except the rows marked "in-process" (the Python API).
Bytecode caching is left on for the measured commands (as after ``pip install``, which compiles it), and a private
cache folder is used, warmed by one untimed run, so "warm" figures are what every call after the first sees.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from rapidfuzz import fuzz, process

from factcheck.api import extract
from factcheck.checker import Checker
from factcheck.kb import dump_kb, load_kb, resolve_claims_path
from factcheck.models import KnowledgeBase

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "bbc"
STARTUP_ASSERTION = "US withdrawing 4,500 troops"
DIGITS = re.compile(r"\d+")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b")
NAIVE_SAMPLE = 200
NAIVE_FULL_LIMIT_S = 60.0  # beyond this estimated time the naive baseline is extrapolated from a sample
BIN = Path(sys.executable).parent


def _env(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["FACTCHECK_CACHE_DIR"] = str(cache)
    env["NO_COLOR"] = "1"
    return env


def _run(cmd: Sequence[str], env: dict[str, str], stdin: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one run of ``cmd``; raises if it fails."""
    with Path(stdin or os.devnull).open("rb") as feed:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdin=feed, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss / 1024  # KiB on Linux


def _median_wall(cmd: Sequence[str], env: dict[str, str], runs: int) -> float:
    _run(cmd, env)  # warm: bytecode, the knowledge-base cache, the OS page cache
    return statistics.median(_run(cmd, env)[0] for _ in range(runs))


# ---------------------------------------------------------------------- the assertion batch


def _change_number(sentence: str, rng: random.Random) -> str | None:
    match = DIGITS.search(sentence)
    if match is None:
        return None
    old = int(match.group())
    new = old
    while new == old:
        new = rng.randint(max(1, old // 2), old * 3 + 9)
    return sentence[: match.start()] + str(new) + sentence[match.end():]


def _change_date_or_name(sentence: str, other: str, rng: random.Random) -> str | None:
    month = MONTH.search(sentence)
    if month is not None:
        new = rng.choice([m for m in MONTHS if m != month.group()])
        return sentence[: month.start()] + new + sentence[month.end():]
    names = NAME.findall(sentence)
    replacements = [n for n in NAME.findall(other) if n not in names]
    if not names or not replacements:
        return None
    return sentence.replace(rng.choice(names), rng.choice(replacements), 1)


def _unrelated(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    rng.shuffle(words)
    return " ".join(words)


def build_batch(kb: KnowledgeBase, per_kind: int, seed: int = 0,
                unrelated_from: KnowledgeBase | None = None) -> list[str]:
    """Claim sentences as they are, with a number changed, with a date or name changed, and unrelated ones
    (another corpus's sentences when given, else word-shuffled claim sentences)."""
    rng = random.Random(seed)
    sentences = [claim.sentence for claim in kb.claims]
    real = [rng.choice(sentences) for _ in range(per_kind)]
    with_digits = [s for s in sentences if DIGITS.search(s)] or sentences
    changed = [c for c in (_change_number(rng.choice(with_digits), rng) for _ in range(per_kind)) if c]
    swapped = [c for c in (_change_date_or_name(rng.choice(sentences), rng.choice(sentences), rng)
                           for _ in range(per_kind * 3)) if c][:per_kind]
    if unrelated_from is not None:
        pool = [claim.sentence for claim in unrelated_from.claims]
        unrelated = [rng.choice(pool) for _ in range(per_kind)]
    else:
        unrelated = [_unrelated(rng.choice(sentences), rng) for _ in range(per_kind)]
    batch = real + changed + swapped + unrelated
    rng.shuffle(batch)
    return batch


def _in_process(kb: KnowledgeBase, batch: list[str]) -> float:
    start = time.perf_counter()
    checker = Checker(kb)
    for _ in checker.check_many(batch):
        pass
    return len(batch) / (time.perf_counter() - start)


def _write_lines(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / name
    path.write_text("".join(line.replace("\n", " ") + "\n" for line in lines), encoding="utf-8")
    return path


# ---------------------------------------------------------------------- main


def main() -> int:
    """Run every measurement and print one markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller batches, fewer repeats")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS} (expected ../shared/corpus/bbc)", file=sys.stderr)
        return 2
    factcheck = str(BIN / "factcheck")
    per_kind = 300 if args.quick else 1300  # 4 kinds: >= 5,000 assertions in a full run
    rows: list[tuple[str, str]] = [
        ("machine", f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")]

    with tempfile.TemporaryDirectory(prefix="factcheck-speed-") as tmp_name:
        tmp = Path(tmp_name)
        env = _env(tmp / "cache")
        os.chdir(tmp)  # no ./claims.yaml here: "bundled" means the bundled knowledge base

        # (a) start-up on the bundled knowledge base
        runs = 7 if args.quick else 21
        t_cli = _median_wall([factcheck, STARTUP_ASSERTION], {**env, "FACTCHECK_CLAIMS": ""}, runs)
        t_py = _median_wall([sys.executable, "-c", "pass"], env, runs)
        rows.append((f"start-up `factcheck \"…\"`, bundled KB (median of {runs})", f"{t_cli * 1000:.0f} ms"))
        rows.append((f"start-up `python -c pass` (median of {runs})", f"{t_py * 1000:.0f} ms"))
        rows.append(("start-up ratio", f"{t_cli / t_py:.1f}×"))

        # (b) extraction: the command, writing claims.yaml
        files = sorted(CORPUS.glob("*/*.txt"))
        out = tmp / "kb927.yaml"
        t_ext, rss_ext = _run([factcheck, "extract", str(CORPUS), "-o", str(out)], env)
        kb_all = load_kb(out)
        rows.append(("`factcheck extract` over the corpus (writes claims.yaml)",
                     f"{len(kb_all.sources)} stories, {len(kb_all.claims):,} claims in {t_ext:.1f} s "
                     f"({len(kb_all.sources) / t_ext:.0f} stories/s), peak RSS {rss_ext:.0f} MB"))

        # (c) throughput: piped batches through the command, warm cache
        bundled = load_kb(resolve_claims_path(None, cwd=tmp, env={}))
        batch = build_batch(bundled, per_kind, unrelated_from=kb_all)
        feed = _write_lines(tmp, "bundled.txt", batch)
        bundled_env = {**env, "FACTCHECK_CLAIMS": ""}
        _run([factcheck, "-f", "jsonl", "--fail-on", "never"], bundled_env, feed)
        t, _ = _run([factcheck, "-f", "jsonl", "--fail-on", "never"], bundled_env, feed)
        rows.append(("assertion batches", f"{len(batch):,} lines each (as is / number changed / date or name "
                                          "changed / unrelated)"))
        rows.append((f"piped `factcheck -f jsonl < batch`, bundled KB ({len(bundled.claims)} claims)",
                     f"{len(batch) / t:,.0f} assertions/s (whole command, warm cache)"))

        batch = build_batch(kb_all, per_kind)
        feed = _write_lines(tmp, "corpus.txt", batch)
        piped_rate = 0.0
        rss_check = 0.0
        per_assertion: list[tuple[int, float]] = []
        for n in (10, 100, len(files)):
            kb = kb_all if n == len(files) else extract(files[:n])
            path = out if n == len(files) else tmp / f"kb{n}.yaml"
            if n != len(files):
                path.write_text(dump_kb(kb), encoding="utf-8")
            cmd = [factcheck, "--claims", str(path), "-f", "jsonl", "--fail-on", "never"]
            t_cold, _ = _run(cmd, env, feed)
            t_warm, rss_check = _run(cmd, env, feed)
            piped_rate = len(batch) / t_warm
            per_assertion.append((len(kb.claims), t_warm / len(batch)))
            rows.append((f"piped, KB of {len(kb.sources)} stories ({len(kb.claims):,} claims)",
                         f"{piped_rate:,.0f} assertions/s warm cache; {len(batch) / t_cold:,.0f}/s on the first "
                         f"run (parses and indexes claims.yaml); in-process API {_in_process(kb, batch):,.0f}/s "
                         "incl. index build"))
        small, large = per_assertion[0], per_assertion[-1]
        rows.append(("cost growth 10 → 927 stories",
                     f"{large[0] / small[0]:.0f}× the claims, {large[1] / small[1]:.2f}× the time per assertion"))

        # (d) naive fuzzy baseline on the full KB, in-process (it has no command of its own)
        choices = [claim.sentence for claim in kb_all.claims]
        sample = batch[:NAIVE_SAMPLE]
        start = time.perf_counter()
        for text in sample:
            process.extractOne(text, choices, scorer=fuzz.token_set_ratio)
        t_sample = time.perf_counter() - start
        estimate = t_sample * len(batch) / len(sample)
        if estimate <= NAIVE_FULL_LIMIT_S:
            start = time.perf_counter()
            for text in batch:
                process.extractOne(text, choices, scorer=fuzz.token_set_ratio)
            naive_rate = len(batch) / (time.perf_counter() - start)
            how = f"whole batch of {len(batch):,}"
        else:
            naive_rate = len(sample) / t_sample
            how = f"timed on a {len(sample)}-assertion sample, extrapolated"
        rows.append(("naive rapidfuzz extractOne (token_set_ratio) over every claim, 927-story KB",
                     f"{naive_rate:,.1f} assertions/s ({how})"))
        rows.append(("factcheck (piped, warm) / naive", f"{piped_rate / naive_rate:,.1f}×"))
        rows.append(("peak RSS, piped check against the 927-story KB", f"{rss_check:.0f} MB"))

    print("| measurement | result |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
