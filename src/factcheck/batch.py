"""Checking a stream of assertions on every core, in order, without giving up streaming.

A stream starts out checked one line at a time in this process, so a slow producer (``tail -f``,
a person typing) gets each answer as soon as its line arrives and a short batch pays nothing for
parallelism. Once the producer is well ahead (``BACKLOG`` lines waiting), worker processes are
started; each loads the same knowledge base (from the cache the parent has just written) and
takes chunks of waiting lines, while this process keeps checking chunks of its own until the
workers are up. Results are always yielded in input order.

Workers are started with the ``spawn`` method: safe beside the thread that reads the input, and
the same on Linux, macOS and Windows. They ignore Ctrl-C; the parent stops them.
"""

from __future__ import annotations

import os
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult, Pool

    from factcheck.checker import Checker
    from factcheck.models import KnowledgeBase, Result

BACKLOG = 64  # lines waiting before workers are worth starting
CHUNK = 32  # lines per task handed to a worker
_DONE = object()

# The checker of a worker process, loaded once by _init_worker.
_worker_checker: Checker | None = None


def default_workers() -> int:
    """Worker processes to use beside this one: one per further core (0 on a single core)."""
    return max(0, (os.cpu_count() or 1) - 1)


def check_stream(checker: Checker, claims: Path, items: Iterable[str], *, workers: int | None = None,
                 check: Callable[[Checker, str], Result] | None = None, pool: Pool | None = None) -> Iterator[Result]:
    """The result for every item of ``items``, in order.

    ``checker`` must be the checker for the knowledge base at ``claims`` (workers load their own
    copy from that file). ``workers`` extra processes at most (default: one per further core;
    0 = this process only). ``check`` decides one item (default: ``checker.check``); it runs in
    the workers too, so it must be a module-level function. ``pool``: workers already started with
    :func:`start_pool` with as many workers as ``workers`` says (when the input is known to be
    large, they can load while this process does); the stream stops it at the end.
    """
    decide = check or _plain_check
    n_workers = default_workers() if workers is None else max(0, workers)
    lines: queue.Queue[object] = queue.Queue()
    reader = threading.Thread(target=_read, args=(iter(items), lines), daemon=True)
    reader.start()
    pending: deque[AsyncResult[list[Result]] | list[Result]] = deque()
    try:
        finished = False
        while not finished or pending:
            in_flight = sum(1 for p in pending if not isinstance(p, list))
            if not finished:
                if pool is None and n_workers and lines.qsize() >= BACKLOG:
                    pool = start_pool(claims, n_workers)
                # Block for input only when nothing is pending: then there is nothing else to do.
                chunk, finished = _take(lines, wait=not pending)
                # Four chunks queued per worker keep it busy while this process checks a chunk of its own.
                if chunk and pool is not None and in_flight < 4 * n_workers:
                    pending.append(pool.apply_async(_check_chunk, (chunk, decide)))
                elif chunk:  # no worker free (or none): check it here
                    pending.append([decide(checker, text) for text in chunk])
                elif pending:
                    head = pending[0]
                    if not isinstance(head, list):
                        head.wait(0.02)  # no input waiting: give the oldest task a moment
            while pending:  # hand back whatever is ready, in order
                head = pending[0]
                if isinstance(head, list):
                    yield from pending.popleft()  # type: ignore[misc]
                elif head.ready() or finished:
                    pending.popleft()
                    yield from head.get()
                else:
                    break
    finally:
        if pool is not None:
            pool.terminate()


def _plain_check(checker: Checker, text: str) -> Result:
    return checker.check(text)


def _read(items: Iterator[str], lines: queue.Queue[object]) -> None:
    try:
        for item in items:
            lines.put(item)
    except BaseException as exc:  # surfaced in the consuming thread, in order
        lines.put(_Failure(exc))
    lines.put(_DONE)


class _Failure:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


def _take(lines: queue.Queue[object], *, wait: bool) -> tuple[list[str], bool]:
    """Up to CHUNK waiting lines (blocking for the first one only when ``wait``); and whether the input ended."""
    chunk: list[str] = []
    while len(chunk) < CHUNK:
        try:
            item = lines.get(block=wait and not chunk, timeout=None if wait and not chunk else 0)
        except queue.Empty:
            return chunk, False
        if item is _DONE:
            return chunk, True
        if isinstance(item, _Failure):
            raise item.exc
        chunk.append(item)  # type: ignore[arg-type]
    return chunk, False


def start_pool(claims: Path, n_workers: int) -> Pool:
    """``n_workers`` spawned processes, each loading the knowledge base at ``claims`` for :func:`check_stream`."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    return context.Pool(processes=n_workers, initializer=_init_worker, initargs=(str(claims),))


def _init_worker(claims: str) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    from factcheck.cli import checker_at

    global _worker_checker
    _worker_checker = checker_at(Path(claims))


def _check_chunk(texts: list[str], decide: Callable[[Checker, str], Result]) -> list[Result]:
    assert _worker_checker is not None
    return [decide(_worker_checker, text) for text in texts]


EXTRACT_CHUNK = 16  # articles per task when extracting on several cores
EXTRACT_PARALLEL_FROM = 64  # fewer articles than this are extracted here: spawning costs more


def extract_in_parallel(articles: list[tuple[str, str, str]], build: Callable[..., KnowledgeBase],
                        *, processes: int, advance: Callable[[int], None] | None = None,
                        **options: object) -> KnowledgeBase:
    """``build`` (e.g. :func:`factcheck.api.build_kb`) over ``articles`` in ``processes`` spawned
    processes, in chunks, joined in input order: the same knowledge base, byte for byte, as one
    process gives. ``advance(n)`` is called as each chunk of ``n`` articles is done."""
    import functools
    import multiprocessing

    from factcheck.models import KnowledgeBase

    chunks = [articles[i:i + EXTRACT_CHUNK] for i in range(0, len(articles), EXTRACT_CHUNK)]
    total = KnowledgeBase()
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(processes=processes, initializer=_ignore_interrupt)
    try:
        for chunk, part in zip(chunks, pool.imap(functools.partial(build, **options), chunks), strict=True):
            total.sources.extend(part.sources)
            total.claims.extend(part.claims)
            total.aliases.extend(part.aliases)
            if advance is not None:
                advance(len(chunk))
    finally:
        pool.terminate()
    return total


def _ignore_interrupt() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool

