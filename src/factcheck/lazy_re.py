"""Regular expressions compiled on first use.

A ``factcheck "…"`` call lives for a tenth of a second, and compiling every module-level pattern of
the engine at import took over ten milliseconds of it, most for patterns that call never uses. A
:class:`LazyPattern` compiles on its first method call and then binds the compiled pattern's
methods in its own slots, so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """The parts of :class:`re.Pattern` the engine uses, compiled when first called."""

    __slots__ = ("_args", "findall", "finditer", "fullmatch", "match", "search", "split", "sub", "subn")

    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]
    findall: Callable[..., list[Any]]
    sub: Callable[..., str]
    subn: Callable[..., tuple[str, int]]
    split: Callable[..., list[str | Any]]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = self.compiled
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (from ``re``'s own cache after the first time)."""
        return re.compile(*self._args)

    @property
    def pattern(self) -> str:
        return self._args[0]


def compile(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern that is compiled the first time one of its methods is called."""
    return LazyPattern(pattern, flags)
