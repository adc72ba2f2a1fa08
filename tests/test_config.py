"""config.py: .factcheck.toml / [tool.factcheck] discovery and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Config, FailOn, OutputFormat, find_config, load_config, parse_config
from factcheck.errors import ConfigError


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git work tree inside a folder that has a config of its own (which must not be reached)."""
    (tmp_path / ".factcheck.toml").write_text('fail-on = "never"\n', "utf-8")
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "docs" / "deep").mkdir(parents=True)
    return root


def test_pyproject_table_found_from_a_subfolder(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.factcheck]\nclaims = "kb/claims.yaml"\n'
        'fail-on = "unverified"\nformat = "sarif"\ninclude = ["*.md"]\n'
        'exclude = ["docs/archive", "*.draft.md"]\n'
        'baseline = ".factcheck-baseline.json"\n', "utf-8")
    config = load_config(repo / "docs" / "deep", home=repo.parent.parent)
    assert config == Config(
        path=repo / "pyproject.toml", claims=repo / "kb" / "claims.yaml", fail_on=FailOn.UNVERIFIED,
        format=OutputFormat.SARIF, include=("*.md",), exclude=("docs/archive", "*.draft.md"),
        baseline=repo / ".factcheck-baseline.json")
    assert config.root == repo


def test_dotfile_wins_over_pyproject_in_the_same_folder(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "unverified"\n', "utf-8")
    (repo / ".factcheck.toml").write_text('fail-on = "never"\n', "utf-8")
    assert find_config(repo / "docs", home=Path("/nonexistent")) == repo / ".factcheck.toml"
    assert load_config(repo / "docs", home=Path("/nonexistent")).fail_on is FailOn.NEVER


def test_nearest_folder_wins(repo: Path) -> None:
    (repo / ".factcheck.toml").write_text('fail-on = "never"\n', "utf-8")
    (repo / "docs" / ".factcheck.toml").write_text('fail-on = "unverified"\n', "utf-8")
    assert load_config(repo / "docs" / "deep").fail_on is FailOn.UNVERIFIED


def test_pyproject_without_the_table_is_passed_over(repo: Path) -> None:
    (repo / "docs" / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n', "utf-8")
    (repo / "pyproject.toml").write_text('[tool.factcheck]\nformat = "github"\n', "utf-8")
    assert find_config(repo / "docs" / "deep") == repo / "pyproject.toml"


def test_search_stops_at_the_git_root(repo: Path) -> None:
    # The parent folder's .factcheck.toml lies beyond the git root.
    assert find_config(repo / "docs") is None
    assert load_config(repo / "docs") == Config()


def test_search_stops_at_home_without_git(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.toml").write_text('fail-on = "never"\n', "utf-8")
    home = tmp_path / "home"
    (home / "work").mkdir(parents=True)
    assert find_config(home / "work", home=home) is None
    assert find_config(home / "work", home=tmp_path) == tmp_path / ".factcheck.toml"


def test_explicit_file(tmp_path: Path) -> None:
    path = tmp_path / "ci.toml"
    path.write_text('fail-on = "UNVERIFIED"\nclaims = "../kb.yaml"\n', "utf-8")
    config = load_config(tmp_path / "elsewhere", explicit=path)
    assert config.fail_on is FailOn.UNVERIFIED
    assert config.claims == tmp_path / ".." / "kb.yaml"
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path, explicit=tmp_path / "missing.toml")


def test_explicit_pyproject_style_file_reads_the_tool_table(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[tool.factcheck]\nformat = "jsonl"\n', "utf-8")
    assert parse_config(path.read_text("utf-8"), path).format is OutputFormat.JSONL


def test_single_pattern_string_is_a_list(tmp_path: Path) -> None:
    path = tmp_path / ".factcheck.toml"
    assert parse_config('exclude = "CHANGELOG.md"\n', path).exclude == ("CHANGELOG.md",)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (".factcheck.toml", 'fail-on = "never"\ncolour = true\n',
         r"^{path}:2: unknown key 'colour' in the configuration \(known: claims, fail-on, format, "
         r"include, exclude, baseline\)$"),
        ("pyproject.toml", '[tool.factcheck]\nfail_on = "never"\n',
         r"^{path}:2: unknown key 'fail_on' in \[tool.factcheck\] .*did you mean 'fail-on'\?$"),
        (".factcheck.toml", 'fail-on = "sometimes"\n',
         r"^{path}:1: fail-on: 'sometimes' is not one of contradicted, unverified, never$"),
        (".factcheck.toml", "format = 3\n",
         r"^{path}:1: format: must be one of text, json, jsonl, github, sarif$"),
        (".factcheck.toml", "include = [1, 2]\n",
         r"^{path}:1: include: must be a list of glob patterns \(strings\)$"),
        (".factcheck.toml", 'claims = ""\n', r"^{path}:1: claims: must be a path"),
        (".factcheck.toml", "fail-on = \n", r"^{path}: invalid TOML: .*line 1"),
        ("pyproject.toml", "[tool]\nfactcheck = 3\n",
         r"^{path}: \[tool.factcheck\] must be a table$"),
    ],
)
def test_invalid_configuration_is_one_line_naming_the_file(tmp_path: Path, name: str, text: str,
                                                          message: str) -> None:
    import re

    path = tmp_path / name
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path, explicit=path)
    assert re.search(message.format(path=re.escape(str(path))), str(err.value)), str(err.value)
    assert "\n" not in str(err.value)
