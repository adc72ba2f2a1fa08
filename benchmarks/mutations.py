"""Mutation probe: sentences of real stories, edited so that they no longer say what the story says,
must not come back "supported".

Run from the repo root: ``python benchmarks/mutations.py [--stories N] [--seed S] [--show K]``
(needs ``../shared``). For a random sample of BBC stories it builds each story's knowledge base,
takes the sentences of its claims and makes four kinds of edit:

- ``flip``: a word replaced by its opposite ("rose" -> "fell", "before" -> "after", "profit" -> "loss");
- ``negate``: "not" inserted after the first auxiliary ("was" -> "was not");
- ``number``: the first figure that is not a year changed (x3 + 7);
- ``swap``: two names of the sentence exchanged ("Federated bought May" -> "May bought Federated").

Every edited sentence is checked against its own story, and the script prints how many were still
called "supported". The figure is an upper bound on false support, not a count of it: some edits
keep the meaning (names in a list, "not only", a word whose opposite is also true in context).
``--show`` prints that many of them to read.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from factcheck.api import extract
from factcheck.checker import Checker
from factcheck.models import EntityKind, KnowledgeBase

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "bbc"
OPPOSITE = {
    "rose": "fell", "fell": "rose", "rise": "fall", "fall": "rise", "rises": "falls", "falls": "rises",
    "increased": "decreased", "decreased": "increased", "increase": "decrease", "higher": "lower", "lower": "higher",
    "gained": "lost", "grew": "shrank", "more": "fewer", "won": "lost", "accepted": "rejected",
    "rejected": "accepted", "approved": "rejected", "denied": "confirmed", "confirmed": "denied",
    "guilty": "innocent", "before": "after", "after": "before", "above": "below", "below": "above",
    "strong": "weak", "weak": "strong", "best": "worst", "worst": "best", "largest": "smallest",
    "biggest": "smallest", "profit": "loss", "profits": "losses", "boost": "cut",
}
AUXILIARY = re.compile(r"\b(is|was|were|are|will|would|has|had|could|can)\b(?!\s+(?:not|no|never|only|just|un\w+)\b)")
FIGURE = re.compile(r"(?<![\d.,/-])(\d+(?:\.\d+)?)(?![\d.,]*\d)(?![/-]\d)")
PEOPLE_AND_BODIES = {EntityKind.PERSON, EntityKind.ORGANIZATION}


def edits(sentence: str, names: list[str]) -> list[tuple[str, str]]:
    """The edits of one sentence, as (kind, edited sentence)."""
    out: list[tuple[str, str]] = []
    for m in re.finditer(r"[A-Za-z]+", sentence):
        if m.group(0) in OPPOSITE:
            out.append(("flip", sentence[:m.start()] + OPPOSITE[m.group(0)] + sentence[m.end():]))
            break
    aux = AUXILIARY.search(sentence)
    if aux and not re.search(r"\b(?:not|no|never|neither|nor|nothing|none|nobody|nowhere|without)\b|n't", sentence):
        out.append(("negate", sentence[:aux.end()] + " not" + sentence[aux.end():]))
    for fig in FIGURE.finditer(sentence):
        value = float(fig.group(1))
        if 1900 <= value <= 2030:
            continue
        new = value * 3 + 7
        text = f"{new:.1f}" if "." in fig.group(1) else str(int(new))
        out.append(("number", sentence[:fig.start()] + text + sentence[fig.end():]))
        break
    distinct = [n for n in dict.fromkeys(names) if n in sentence]
    if len(distinct) >= 2:
        a, b = distinct[0], distinct[1]
        if a not in b and b not in a:
            between = sentence[sentence.find(a) + len(a):sentence.find(b)] if sentence.find(a) < sentence.find(b) \
                else sentence[sentence.find(b) + len(b):sentence.find(a)]
            if not re.fullmatch(r"\s*(?:,|and|or|&)?\s*(?:and\s+)?", between):
                out.append(("swap", sentence.replace(a, "\0").replace(b, a).replace("\0", b)))
    return out


def story_sentences(kb: KnowledgeBase) -> list[tuple[str, list[str]]]:
    """The distinct claim sentences of a story with the multi-word names of people and bodies in each."""
    seen: dict[str, list[str]] = {}
    for claim in kb.claims:
        names = [e.text for e in claim.entities if e.kind in PEOPLE_AND_BODIES and e.text and " " in e.text]
        seen.setdefault(claim.sentence, []).extend(names)
    return [(s, n) for s, n in seen.items() if 30 <= len(s) <= 220]


def main() -> int:
    """Edit, check and count; print the totals and ``--show`` examples."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=150, help="how many stories to sample (default 150)")
    parser.add_argument("--seed", type=int, default=23, help="sampling seed (default 23)")
    parser.add_argument("--show", type=int, default=0, help="print this many edits that were still supported")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS} (expected ../shared/corpus/bbc)", file=sys.stderr)
        return 2
    paths = sorted(CORPUS.glob("*/*.txt"))
    sample = random.Random(args.seed).sample(paths, min(args.stories, len(paths)))
    start = time.perf_counter()
    made: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    examples: list[str] = []
    for path in sample:
        kb = extract([path])
        checker = Checker(kb)
        for sentence, names in story_sentences(kb):
            for kind, edited in edits(sentence, names):
                if edited == sentence:
                    continue
                made[kind] += 1
                if checker.check(edited).verdict.value == "supported":
                    kept[kind] += 1
                    if len(examples) < args.show:
                        examples.append(f"[{kind}] {path.parent.name}/{path.stem}: {edited}")
    elapsed = time.perf_counter() - start
    print(f"{len(sample)} stories (seed {args.seed}), {sum(made.values())} edited sentences, {elapsed:.1f} s")
    print(f"{'edit':8} {'made':>6} {'supported':>10} {'share':>7}")
    for kind in ("flip", "negate", "number", "swap"):
        share = kept[kind] / made[kind] if made[kind] else 0.0
        print(f"{kind:8} {made[kind]:>6} {kept[kind]:>10} {share:>7.1%}")
    total_share = sum(kept.values()) / max(1, sum(made.values()))
    print(f"{'all':8} {sum(made.values()):>6} {sum(kept.values()):>10} {total_share:>7.1%}")
    for line in examples:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
