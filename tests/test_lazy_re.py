"""Patterns compiled on first use behave as compiled ones."""

from __future__ import annotations

import re

import pytest

from factcheck import lazy_re


def test_a_lazy_pattern_answers_as_a_compiled_one() -> None:
    lazy = lazy_re.compile(r"\b(\d+)\s*(?:per\s*cent|%)", re.I)
    plain = re.compile(r"\b(\d+)\s*(?:per\s*cent|%)", re.I)
    text = "Prices rose 3% and wages 2 PER CENT."
    assert lazy.findall(text) == plain.findall(text) == ["3", "2"]
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lazy.sub("N", text) == plain.sub("N", text)
    assert lazy.split(text) == plain.split(text)
    match = lazy.search(text)
    assert match is not None and match.group(1) == "3"
    assert lazy.match(text) is None and lazy.fullmatch("3%") is not None
    assert lazy.pattern == plain.pattern and lazy.compiled is plain


def test_a_lazy_pattern_compiles_only_when_used() -> None:
    lazy = lazy_re.compile(r"(unbalanced")  # building it raises nothing: it is not compiled yet
    with pytest.raises(re.error):
        lazy.search("x")
