"""Source articles on disk → (id, path, text): the file edge of extraction."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.documents import is_utf8
from factcheck.errors import InputError
from factcheck.extract import slugify

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")


@dataclass(slots=True, frozen=True)
class ArticleFile:
    source_id: str
    path: str  # as it will be recorded in the knowledge base (relative where possible)
    text: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """UTF-8 (BOM stripped); invalid bytes are replaced and reported with their line."""
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        warnings.append(f"{path}:{line}: not valid UTF-8; undecodable bytes were replaced")
        text = data.decode("utf-8-sig", errors="replace")
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append(f"{path}: NUL bytes removed")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def _display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def iter_article_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path]]:
    """(file, root) pairs: files as given, folders searched recursively in sorted order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                found = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES
                               and p.is_file() and p.name.lower() not in {"readme.md", "readme.txt"})
            except OSError as exc:
                raise InputError(f"cannot read folder: {exc.strerror or exc}", path=str(path)) from exc
            for file in found:
                yield file, path
        elif path.is_file():
            yield path, path.parent
        elif path.exists():
            raise InputError("not a regular file or folder", path=str(path))
        else:
            raise InputError("no such file or folder", path=str(path))


def read_articles(paths: Iterable[str | Path]) -> list[ArticleFile]:
    """Read every article under ``paths`` with a unique, stable source id per file."""
    out: list[ArticleFile] = []
    used: set[str] = set()
    for file, root in iter_article_paths(paths):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}", path=str(file)) from exc
        display = _display_path(file)
        if b"\x00" in data[:8192] and (data.count(b"\x00") > len(data) // 100 or not is_utf8(data)):
            raise InputError("looks like a binary file, not an article", path=display)
        text, warnings = decode(data, display)
        rel = file.relative_to(root).with_suffix("") if file != root else Path(file.stem)
        base = slugify(rel.as_posix())
        source_id = base
        n = 2
        while source_id in used:
            source_id = f"{base}-{n}"
            n += 1
        used.add(source_id)
        out.append(ArticleFile(source_id=source_id, path=display, text=text, warnings=tuple(warnings)))
    return out
