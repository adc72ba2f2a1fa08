"""Shared fixtures: the installed command, the repository root, ../shared when present."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

Run = Callable[..., subprocess.CompletedProcess[str]]


def factcheck_command() -> list[str]:
    """The installed console script of the interpreter running the tests."""
    script = Path(sys.executable).parent / "factcheck"
    if script.exists():
        return [str(script)]
    found = shutil.which("factcheck")
    if found:
        return [found]
    return [sys.executable, "-m", "factcheck"]


@pytest.fixture
def run_factcheck(tmp_path: Path) -> Run:
    """Run the installed `factcheck` in a subprocess with a private cache and no colour."""

    def run(args: Sequence[str], *, input: str | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
        full_env["FACTCHECK_CACHE_DIR"] = str(tmp_path / "cache")
        full_env.pop("NO_COLOR", None)
        full_env.update(env or {})
        return subprocess.run([*factcheck_command(), *args], input=input, capture_output=True, text=True,
                              cwd=cwd or tmp_path, env=full_env, timeout=120, check=False)

    return run


@pytest.fixture
def seed_claims() -> Path:
    return ROOT / "claims.yaml"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared not present beside the project: clone it next to shared/ to run this test")
    return SHARED
