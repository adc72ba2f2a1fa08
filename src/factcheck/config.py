"""Project configuration for `factcheck check`: ``.factcheck.toml`` or ``[tool.factcheck]``.

Searched from the working folder upward, stopping at the git root (the folder
holding ``.git``) or the home folder. In each folder ``.factcheck.toml`` (keys
at the top level) wins over ``pyproject.toml`` (keys under ``[tool.factcheck]``);
a pyproject.toml without that table is passed over. Relative paths in the file
(``claims``, ``baseline``) are relative to the file's folder, and so are
``include``/``exclude`` patterns containing "/". Options given on the command
line win over the file.

    [tool.factcheck]
    claims = "claims.yaml"
    fail-on = "unverified"        # contradicted | unverified | never
    format = "text"               # text | json | jsonl | github | sarif
    include = ["*.md", "*.txt"]   # which files folders are searched for
    exclude = ["CHANGELOG.md", "docs/archive"]
    baseline = ".factcheck-baseline.json"
"""

from __future__ import annotations

import enum
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from factcheck.errors import ConfigError

__all__ = ["CONFIG_FILE", "Config", "FailOn", "OutputFormat", "find_config", "load_config",
           "parse_config"]

CONFIG_FILE = ".factcheck.toml"
PYPROJECT = "pyproject.toml"


class FailOn(enum.StrEnum):
    """The lowest verdict that makes `factcheck check` exit 1."""

    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"
    NEVER = "never"


class OutputFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    GITHUB = "github"
    SARIF = "sarif"


@dataclass(slots=True, frozen=True, kw_only=True)
class Config:
    """Settings read from a configuration file; None/empty where the file says nothing."""

    path: Path | None = None  # the file they came from
    claims: Path | None = None
    fail_on: FailOn | None = None
    format: OutputFormat | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    baseline: Path | None = None

    @property
    def root(self) -> Path | None:
        """The folder relative paths and patterns of this configuration are taken from."""
        return self.path.parent if self.path is not None else None


_KEYS = ("claims", "fail-on", "format", "include", "exclude", "baseline")


def find_config(cwd: Path, *, home: Path | None = None) -> Path | None:
    """The configuration file that applies in ``cwd``, or None (see the module docstring)."""
    stop = (home if home is not None else Path.home()).resolve()
    folder = cwd.resolve()
    while True:
        dotfile = folder / CONFIG_FILE
        if dotfile.is_file():
            return dotfile
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (folder / ".git").exists() or folder == stop or folder.parent == folder:
            return None
        folder = folder.parent


_TOOL_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*factcheck\s*\]", re.M)


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    # Cheap pre-test; a pyproject.toml that mentions the table is parsed (and validated) later.
    return bool(_TOOL_TABLE.search(text)) or "tool.factcheck" in text


def load_config(cwd: Path | None = None, *, explicit: Path | None = None,
                home: Path | None = None) -> Config:
    """Read the configuration: ``explicit`` (which must exist), else the one found from cwd."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("no such configuration file", path=str(explicit))
        path: Path | None = explicit
    else:
        path = find_config(cwd or Path.cwd(), home=home)
    if path is None:
        return Config()
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path=str(path)) from None
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> Config:
    """Validate one configuration file's text; errors are ConfigError naming the file (and line)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
    if path.name == PYPROJECT or set(data) == {"tool"}:
        tool = data.get("tool", {})
        section: Any = tool.get("factcheck", {}) if isinstance(tool, Mapping) else None
        where = "[tool.factcheck]"
    else:
        section = data
        where = "the configuration"
    if not isinstance(section, Mapping):
        raise ConfigError(f"{where} must be a table", path=str(path))
    for key in section:
        if key not in _KEYS:
            dashed = key.replace("_", "-")
            hint = f"; did you mean {dashed!r}?" if dashed in _KEYS else ""
            raise ConfigError(f"unknown key {key!r} in {where} (known: {', '.join(_KEYS)}){hint}",
                              path=str(path), line=_line_of(text, key))
    base = path.parent
    return Config(
        path=path,
        claims=_path_value(section, "claims", base, text, path),
        fail_on=_enum_value(section, "fail-on", FailOn, text, path),
        format=_enum_value(section, "format", OutputFormat, text, path),
        include=_patterns(section, "include", text, path),
        exclude=_patterns(section, "exclude", text, path),
        baseline=_path_value(section, "baseline", base, text, path),
    )


def _line_of(text: str, key: str) -> int | None:
    m = re.search(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _fail(key: str, message: str, text: str, path: Path) -> ConfigError:
    return ConfigError(f"{key}: {message}", path=str(path), line=_line_of(text, key))


def _path_value(section: Mapping[str, Any], key: str, base: Path, text: str,
                path: Path) -> Path | None:
    value = section.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(key, "must be a path (a non-empty string)", text, path)
    return base / Path(value).expanduser()


_E = TypeVar("_E", bound=enum.StrEnum)


def _enum_value(section: Mapping[str, Any], key: str, kind: type[_E], text: str,
                path: Path) -> _E | None:
    value = section.get(key)
    if value is None:
        return None
    choices = ", ".join(member.value for member in kind)
    if not isinstance(value, str):
        raise _fail(key, f"must be one of {choices}", text, path)
    try:
        return kind(value.lower())
    except ValueError:
        raise _fail(key, f"{value!r} is not one of {choices}", text, path) from None


def _patterns(section: Mapping[str, Any], key: str, text: str,
              path: Path) -> tuple[str, ...] | None:
    value = section.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(key, "must be a list of glob patterns (strings)", text, path)
    return tuple(value)
