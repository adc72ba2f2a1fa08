"""Baselines: accept today's findings so that only new ones fail the build.

``factcheck check docs/ --write-baseline .factcheck-baseline.json`` records
every current finding (contradicted or unverified); later runs with
``--baseline .factcheck-baseline.json`` hide the recorded ones and let only
new findings count for ``--fail-on``. A finding is recorded by (file, digest of
the sentence's text, verdict), not by line, so edits elsewhere in the file do
not disturb it; re-flowing a paragraph does not either (whitespace is
normalised). The same sentence twice in one file is two findings: the
baseline counts them. Paths are stored relative to the baseline file's folder,
so the baseline holds wherever the command runs from.

The file is JSON, sorted, with a short excerpt of each sentence to keep diffs
reviewable::

    {
      "factcheck-baseline": 1,
      "findings": [
        {"path": "docs/draft.md", "verdict": "contradicted", "sentence": "9f2c…",
         "text": "There are …"}
      ]
    }
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.models import LocatedResult, Verdict

__all__ = ["FORMAT_VERSION", "Baseline", "BaselineKey", "dump_baseline", "finding_key",
           "load_baseline", "parse_baseline", "sentence_digest", "write_baseline"]

FORMAT_VERSION = 1
_MARK = "factcheck-baseline"
_EXCERPT = 100
_WS = re.compile(r"\s+")
FINDINGS = frozenset({Verdict.CONTRADICTED, Verdict.UNVERIFIED})


@dataclass(slots=True, frozen=True, order=True)
class BaselineKey:
    path: str  # posix, relative to the baseline's folder
    verdict: str
    sentence: str  # sentence_digest of the text


def sentence_digest(text: str) -> str:
    """A short, stable digest of a sentence, insensitive to how its whitespace is laid out."""
    canonical = _WS.sub(" ", text).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def key_path(path: str, base_dir: Path, *, cwd: Path | None = None) -> str:
    """A finding's path as the baseline stores it: relative to ``base_dir`` where possible."""
    if path in {"-", "<stdin>"}:
        return path
    full = Path(path)
    if not full.is_absolute():
        full = (cwd or Path.cwd()) / full
    full = Path(os.path.normpath(full))
    base = Path(os.path.normpath(base_dir if base_dir.is_absolute()
                                 else (cwd or Path.cwd()) / base_dir))
    try:
        return full.relative_to(base).as_posix()
    except ValueError:
        try:
            return Path(os.path.relpath(full, base)).as_posix()
        except ValueError:  # another drive on Windows
            return full.as_posix()


def finding_key(item: LocatedResult, base_dir: Path, *, cwd: Path | None = None) -> BaselineKey:
    """The baseline identity of one finding."""
    return BaselineKey(path=key_path(item.location.path, base_dir, cwd=cwd),
                       verdict=item.result.verdict.value,
                       sentence=sentence_digest(item.result.text))


@dataclass(slots=True)
class Baseline:
    """Recorded findings, as a multiset of keys, and the folder their paths are relative to."""

    keys: Counter[BaselineKey]
    base_dir: Path

    def split(self, items: Sequence[LocatedResult], *,
              cwd: Path | None = None) -> tuple[list[LocatedResult], list[LocatedResult]]:
        """Split results into (new, known). Supported results are never findings: always new."""
        left = Counter(self.keys)
        new: list[LocatedResult] = []
        known: list[LocatedResult] = []
        for item in items:
            if item.result.verdict not in FINDINGS:
                new.append(item)
                continue
            key = finding_key(item, self.base_dir, cwd=cwd)
            if left[key] > 0:
                left[key] -= 1
                known.append(item)
            else:
                new.append(item)
        return new, known


def parse_baseline(text: str, path: Path, *, base_dir: Path | None = None) -> Baseline:
    """Read a baseline file's text; a malformed file is an InputError naming it."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not a factcheck baseline: {exc.msg}", path=str(path), line=exc.lineno,
                         column=exc.colno) from None
    if not isinstance(data, dict) or _MARK not in data:
        raise InputError(f"not a factcheck baseline (no {_MARK!r} key); write one with "
                         "--write-baseline", path=str(path))
    if data[_MARK] != FORMAT_VERSION:
        raise InputError(f"unsupported baseline version {data[_MARK]!r} (this factcheck reads "
                         f"{FORMAT_VERSION}); write it again with --write-baseline", path=str(path))
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise InputError("'findings' must be a list", path=str(path))
    keys: Counter[BaselineKey] = Counter()
    for i, entry in enumerate(findings):
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("path", "verdict", "sentence")
        ):
            raise InputError(f"findings[{i}] needs string fields path, verdict and sentence",
                             path=str(path))
        count = entry.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise InputError(f"findings[{i}].count must be a positive integer", path=str(path))
        keys[BaselineKey(path=entry["path"], verdict=entry["verdict"],
                         sentence=entry["sentence"])] += count
    return Baseline(keys=keys, base_dir=base_dir if base_dir is not None else path.parent)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise InputError("no such baseline file (create it with --write-baseline)",
                         path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the baseline: {exc}", path=str(path)) from None
    return parse_baseline(text, path)


def dump_baseline(items: Iterable[LocatedResult], base_dir: Path, *,
                  cwd: Path | None = None) -> str:
    """The baseline file recording every finding among ``items`` (deterministic output)."""
    counts: Counter[BaselineKey] = Counter()
    excerpts: dict[BaselineKey, str] = {}
    for item in items:
        if item.result.verdict not in FINDINGS:
            continue
        key = finding_key(item, base_dir, cwd=cwd)
        counts[key] += 1
        excerpts.setdefault(key, _excerpt(item.result.text))
    findings: list[dict[str, Any]] = []
    for key in sorted(counts):
        entry: dict[str, Any] = {"path": key.path, "verdict": key.verdict, "sentence": key.sentence}
        if counts[key] > 1:
            entry["count"] = counts[key]
        entry["text"] = excerpts[key]
        findings.append(entry)
    body = ",\n".join("    " + json.dumps(entry, ensure_ascii=False) for entry in findings)
    inner = f"[\n{body}\n  ]" if findings else "[]"
    return f'{{\n  "{_MARK}": {FORMAT_VERSION},\n  "findings": {inner}\n}}\n'


def _excerpt(text: str) -> str:
    flat = _WS.sub(" ", text).strip()
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1].rstrip() + "…"


def write_baseline(path: Path, text: str) -> None:
    """Write a baseline file atomically (the old one stays intact if writing fails)."""
    from factcheck.errors import KnowledgeBaseError
    from factcheck.kb import write_atomic

    try:
        write_atomic(path, text)
    except KnowledgeBaseError as exc:
        raise InputError(f"cannot write the baseline: {exc.message.removeprefix('cannot write: ')}",
                         path=str(path)) from None
