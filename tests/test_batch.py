"""Parallel stream checking: same results, same order, and still streaming for a slow producer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import batch, kb
from factcheck.checker import Checker
from tests.conftest import ROOT

CLAIMS = ROOT / "claims.yaml"


@pytest.fixture
def checker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Checker:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))  # the workers inherit it
    return kb.load_prepared(CLAIMS, Checker, key="checker")


def _assertions(checker: Checker, n: int) -> list[str]:
    sentences = [claim.sentence for claim in checker.kb.claims]
    variants = [s.replace("5", "7") for s in sentences] + ["Unrelated: the cat sat on the mat."]
    every = sentences + variants
    return [every[i % len(every)] for i in range(n)]


def test_workers_give_the_sequential_results_in_order(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    start_pool = batch.start_pool

    def recording(claims: Path, n_workers: int):  # type: ignore[no-untyped-def]
        started.append(n_workers)
        return start_pool(claims, n_workers)

    monkeypatch.setattr(batch, "start_pool", recording)
    texts = _assertions(checker, 6 * batch.BACKLOG + 17)  # enough waiting lines to start a worker
    expected = [(r.text, r.verdict, r.claim_id, r.reason) for r in map(checker.check, texts)]
    got = [(r.text, r.verdict, r.claim_id, r.reason) for r in batch.check_stream(checker, CLAIMS, texts, workers=1)]
    assert started == [1]
    assert got == expected
    assert {v for _, v, _, _ in got} >= {"supported", "unverified"}


def test_a_slow_producer_gets_each_answer_before_sending_the_next_line(checker: Checker) -> None:
    answered = threading.Event()

    def producer() -> Iterator[str]:
        yield "US withdrawing 4,500 troops"
        # The next line only comes once the first answer is out: a tool that waited for the whole
        # input (or a full chunk) would never get here.
        assert answered.wait(timeout=20), "no answer before the input ended: not streaming"
        yield "South Korea will elect a new president on June 3"

    results = batch.check_stream(checker, CLAIMS, producer(), workers=1)
    first = next(results)
    answered.set()
    assert first.text == "US withdrawing 4,500 troops"
    assert [r.text for r in results] == ["South Korea will elect a new president on June 3"]


def test_an_error_in_the_input_surfaces_in_the_caller(checker: Checker) -> None:
    def broken() -> Iterator[str]:
        yield "US withdrawing 4,500 troops"
        raise OSError("input went away")

    results = batch.check_stream(checker, CLAIMS, broken(), workers=0)
    with pytest.raises(OSError, match="input went away"):
        list(results)


def test_extraction_on_several_cores_gives_the_same_knowledge_base_byte_for_byte() -> None:
    from factcheck.api import build_kb
    from factcheck.batch import extract_in_parallel
    from factcheck.kb import dump_kb

    articles = [(f"a{i}", f"a{i}.txt",
                 f"Council {i} budget\n\nThe council of town {i} approved a budget of £{i + 1}m on Monday. "
                 f"Mayor Ann Lee{i} said the plan would not raise taxes, the town said.\n")
                for i in range(40)]
    advanced: list[int] = []
    parallel = extract_in_parallel(articles, build_kb, processes=2, advance=advanced.append)
    assert dump_kb(parallel) == dump_kb(build_kb(articles))
    assert sum(advanced) == len(articles) and len(advanced) > 1
