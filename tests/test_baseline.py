"""baseline.py: recording findings by (path, sentence digest, verdict) and matching them later."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from factcheck.baseline import (
    Baseline,
    BaselineKey,
    dump_baseline,
    key_path,
    load_baseline,
    parse_baseline,
    sentence_digest,
    write_baseline,
)
from factcheck.errors import InputError
from factcheck.models import LocatedResult, Location, Result, Verdict


def item(text: str, verdict: Verdict = Verdict.CONTRADICTED, *, path: str = "docs/a.md",
         line: int = 1) -> LocatedResult:
    return LocatedResult(
        result=Result(text=text, verdict=verdict, confidence=0.9, reason="r"),
        location=Location(path=path, line=line, column=1, end_line=line, end_column=len(text) + 1))


def test_sentence_digest_ignores_layout_not_wording() -> None:
    digest = sentence_digest("There are 45,000 troops.")
    assert sentence_digest("There are  45,000\ntroops.") == digest
    assert sentence_digest(" There are 45,000 troops. ") == digest
    assert sentence_digest("There are 45,001 troops.") != digest
    assert sentence_digest("there are 45,000 troops.") != digest
    assert len(sentence_digest("x")) == 16


def test_key_path_is_relative_to_the_baseline_folder(tmp_path: Path) -> None:
    assert key_path("docs/a.md", tmp_path, cwd=tmp_path) == "docs/a.md"
    assert key_path("a.md", tmp_path, cwd=tmp_path / "docs") == "docs/a.md"
    assert key_path("docs/a.md", tmp_path / "docs", cwd=tmp_path) == "a.md"
    assert key_path("other/a.md", tmp_path / "docs", cwd=tmp_path) == "../other/a.md"
    assert key_path(str(tmp_path / "docs" / "a.md"), Path("docs"), cwd=tmp_path) == "a.md"
    assert key_path("<stdin>", tmp_path) == "<stdin>"


def test_dump_is_sorted_counted_and_skips_supported(tmp_path: Path) -> None:
    items = [
        item("Zed said 5 things.", Verdict.UNVERIFIED, path="docs/b.md"),
        item("There are 45,000 troops.", line=3),
        item("There are 45,000 troops.", line=9),
        item("Fine 1.", Verdict.SUPPORTED),
    ]
    text = dump_baseline(items, tmp_path, cwd=tmp_path)
    assert text == dump_baseline(list(reversed(items)), tmp_path, cwd=tmp_path)  # deterministic
    data = json.loads(text)
    assert data["factcheck-baseline"] == 1
    assert data["findings"] == [
        {"path": "docs/a.md", "verdict": "contradicted",
         "sentence": sentence_digest("There are 45,000 troops."), "count": 2,
         "text": "There are 45,000 troops."},
        {"path": "docs/b.md", "verdict": "unverified",
         "sentence": sentence_digest("Zed said 5 things."), "text": "Zed said 5 things."},
    ]
    # One finding per line keeps diffs of the file reviewable.
    assert text.count("\n") == 7


def test_empty_baseline(tmp_path: Path) -> None:
    text = dump_baseline([item("Fine 1.", Verdict.SUPPORTED)], tmp_path)
    assert json.loads(text) == {"factcheck-baseline": 1, "findings": []}
    assert parse_baseline(text, tmp_path / "b.json").keys == {}


def test_long_sentences_are_excerpted(tmp_path: Path) -> None:
    long = "word " * 60
    [entry] = json.loads(dump_baseline([item(long)], tmp_path))["findings"]
    assert len(entry["text"]) == 100
    assert entry["text"].endswith("…")
    assert entry["sentence"] == sentence_digest(long)


def test_split_matches_moved_findings_but_not_edited_ones(tmp_path: Path) -> None:
    before = [item("There are 45,000 troops.", line=3), item("The vote is on June 4.", line=7)]
    baseline = parse_baseline(dump_baseline(before, tmp_path, cwd=tmp_path), tmp_path / "b.json")
    after = [
        item("A new first line 1.", Verdict.SUPPORTED, line=1),
        item("There are 45,000 troops.", line=12),  # moved: still known
        item("The vote is on June 5.", line=14),  # edited: new
        item("The vote is on June 4.", Verdict.UNVERIFIED, line=20),  # other verdict: new
        item("There are 45,000 troops.", path="docs/other.md"),  # other file: new
    ]
    new, known = baseline.split(after, cwd=tmp_path)
    assert [i.location.line for i in known] == [12]
    assert [(i.location.path, i.location.line) for i in new] == [
        ("docs/a.md", 1), ("docs/a.md", 14), ("docs/a.md", 20), ("docs/other.md", 1)]


def test_split_counts_repeated_sentences(tmp_path: Path) -> None:
    key = BaselineKey("docs/a.md", "contradicted", sentence_digest("X 1."))
    baseline = Baseline(keys=Counter({key: 1}), base_dir=tmp_path)
    new, known = baseline.split([item("X 1.", line=1), item("X 1.", line=5)], cwd=tmp_path)
    assert [i.location.line for i in known] == [1]
    assert [i.location.line for i in new] == [5]


def test_split_from_another_working_folder(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    baseline = parse_baseline(dump_baseline([item("X 1.")], tmp_path, cwd=tmp_path),
                              tmp_path / "b.json")
    # Run from docs/: the draft is shown as a.md, but the baseline stores docs/a.md.
    new, known = baseline.split([item("X 1.", path="a.md")], cwd=tmp_path / "docs")
    assert (len(new), len(known)) == (0, 1)


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / ".factcheck-baseline.json"
    path.parent.mkdir()
    write_baseline(path, dump_baseline([item("X 1.", path="sub/a.md")], path.parent, cwd=tmp_path))
    loaded = load_baseline(path)
    assert loaded.base_dir == path.parent
    assert loaded.keys == {BaselineKey("a.md", "contradicted", sentence_digest("X 1.")): 1}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", r"b.json:1:2: not a factcheck baseline: Expecting property name"),
        ("[]", r"b.json: not a factcheck baseline \(no 'factcheck-baseline' key\)"),
        ('{"factcheck-baseline": 2, "findings": []}', r"unsupported baseline version 2"),
        ('{"factcheck-baseline": 1, "findings": {}}', r"'findings' must be a list"),
        ('{"factcheck-baseline": 1, "findings": [{"path": "a"}]}',
         r"findings\[0\] needs string fields path, verdict and sentence"),
        ('{"factcheck-baseline": 1, "findings": [{"path": "a", "verdict": "v", "sentence": "s", '
         '"count": 0}]}', r"findings\[0\].count must be a positive integer"),
    ],
)
def test_malformed_baseline_is_an_input_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_baseline(text, tmp_path / "b.json")


def test_missing_baseline_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="create it with --write-baseline"):
        load_baseline(tmp_path / "none.json")


def test_unwritable_baseline_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot write the baseline"):
        write_baseline(tmp_path / "no" / "such" / "folder" / "b.json", "{}")
