"""The package's generic tables (``data/*.toml``), parsed once and cached between runs.

Parsing the TOML tables costs about ten milliseconds, a tenth of a ``factcheck "…"`` call, so
each parsed table is kept in the user's cache folder as ``marshal`` data (a few hundred
microseconds to read back), named by the package version and the table file's size and
modification time: an edited table or an upgrade is parsed afresh. A missing, corrupt or
unwritable cache never fails a call; the table is parsed from the file instead.
"""

from __future__ import annotations

import marshal
import os
from functools import cache
from pathlib import Path
from typing import Any

from factcheck import __version__

ENV_CACHE_DIR = "FACTCHECK_CACHE_DIR"
_DATA = Path(__file__).resolve().parent / "data"


def cache_folder() -> Path:
    """``$FACTCHECK_CACHE_DIR``, else the platform's user cache folder for factcheck."""
    configured = os.environ.get(ENV_CACHE_DIR)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("factcheck"))


@cache
def load_table(name: str) -> dict[str, Any]:
    """The parsed ``data/NAME.toml`` (a fresh parse when the cache is missing or stale)."""
    path = _DATA / f"{name}.toml"
    try:
        stat = path.stat()
    except OSError:
        return _parse(path)
    folder = cache_folder() / "tables"
    target = folder / f"{name}-{__version__}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    try:
        table = marshal.loads(target.read_bytes())
        if isinstance(table, dict):
            return table
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = _parse(path)
    _write(folder, target, name, table)
    return table


def _parse(path: Path) -> dict[str, Any]:
    import tomllib

    with path.open("rb") as handle:
        return tomllib.load(handle)


def _write(folder: Path, target: Path, name: str, table: dict[str, Any]) -> None:
    try:
        data = marshal.dumps(table)
    except ValueError:  # a value marshal cannot keep (a TOML date): parse each time instead
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"{name}-*.marshal"):
            stale.unlink(missing_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(target)
    except OSError:
        return
