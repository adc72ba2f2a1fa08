"""The parsed-table cache: same data as a fresh parse, rebuilt when stale or corrupt, never fatal."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import tables

DATA = Path(tables.__file__).resolve().parent / "data"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(tables.ENV_CACHE_DIR, str(tmp_path / "cache"))
    tables.load_table.cache_clear()
    yield tmp_path / "cache" / "tables"
    tables.load_table.cache_clear()


@pytest.mark.parametrize("name", ["units", "lexicon", "cues", "aliases", "names"])
def test_cached_table_equals_fresh_parse(cache_dir: Path, name: str) -> None:
    fresh = tomllib.loads((DATA / f"{name}.toml").read_text("utf-8"))
    first = tables.load_table(name)
    assert first == fresh
    written = list(cache_dir.glob(f"{name}-*.marshal"))
    assert len(written) == 1
    tables.load_table.cache_clear()
    assert tables.load_table(name) == fresh  # now read back from the cache file


def test_corrupt_cache_is_reparsed_and_rewritten(cache_dir: Path) -> None:
    tables.load_table("units")
    (target,) = cache_dir.glob("units-*.marshal")
    target.write_bytes(b"\x00garbage")
    tables.load_table.cache_clear()
    assert tables.load_table("units") == tomllib.loads((DATA / "units.toml").read_text("utf-8"))
    assert target.read_bytes() != b"\x00garbage"


def test_stale_cache_file_is_not_used(cache_dir: Path) -> None:
    tables.load_table("units")
    (target,) = cache_dir.glob("units-*.marshal")
    stale = cache_dir / "units-0.0.0-1-1.marshal"
    target.rename(stale)
    tables.load_table.cache_clear()
    assert tables.load_table("units") == tomllib.loads((DATA / "units.toml").read_text("utf-8"))
    names = sorted(p.name for p in cache_dir.glob("units-*.marshal"))
    assert names == [target.name]  # the stale file is replaced, not kept beside the new one


def test_unwritable_cache_folder_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv(tables.ENV_CACHE_DIR, str(blocker))
    tables.load_table.cache_clear()
    try:
        assert tables.load_table("lexicon") == tomllib.loads((DATA / "lexicon.toml").read_text("utf-8"))
    finally:
        tables.load_table.cache_clear()
