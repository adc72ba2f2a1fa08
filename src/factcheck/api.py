"""The library API: ``load_claims``, ``check``, ``check_many``, ``extract``.

Example::

    from factcheck import load_claims, check
    kb = load_claims()                                   # bundled knowledge base
    result = check("45,000 US troops in South Korea", kb)
    result.verdict, result.reason, result.evidence
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from factcheck.checker import Checker
from factcheck.models import Alias, Claim, KnowledgeBase, Result, Source

_last: tuple[KnowledgeBase, Checker] | None = None


def load_claims(path: str | Path | None = None) -> KnowledgeBase:
    """Load and validate a claims file (default: ./claims.yaml, else the bundled knowledge base)."""
    from factcheck import kb

    resolved = kb.resolve_claims_path(str(path) if path is not None else None)
    return kb.load_kb(resolved)


def checker_for(kb: KnowledgeBase | Checker | None) -> Checker:
    """A Checker for ``kb``, reused across calls with the same knowledge base object."""
    global _last
    if isinstance(kb, Checker):
        return kb
    if kb is None:
        kb = load_claims()
    if _last is not None and _last[0] is kb:
        return _last[1]
    checker = Checker(kb)
    _last = (kb, checker)
    return checker


def check(text: str, kb: KnowledgeBase | Checker | None = None) -> Result:
    """Check one assertion against a knowledge base (or a prepared Checker)."""
    return checker_for(kb).check(text)


def check_many(texts: Iterable[str], kb: KnowledgeBase | Checker | None = None) -> Iterator[Result]:
    """Check many assertions lazily, building the index once."""
    return checker_for(kb).check_many(texts)


def build_kb(articles: Sequence[tuple[str, str, str]], *, title: str | None = None,
             outlet: str | None = None, published: date | None = None) -> KnowledgeBase:
    """Articles as (source_id, path, text) → one knowledge base. Pure."""
    from factcheck.extract import ArticleMeta, extract_article
    from factcheck.kb import claim_digest

    sources: list[Source] = []
    claims: list[Claim] = []
    aliases: list[Alias] = []
    for source_id, path, text in articles:
        meta = ArticleMeta(title=title, outlet=outlet, published=published)
        source, found, learned = extract_article(text, source_id=source_id, path=path, meta=meta)
        for claim in found:
            claim.extracted = claim_digest(claim)
        sources.append(source)
        claims.extend(found)
        aliases.extend(learned)
    return KnowledgeBase(sources=sources, claims=claims, aliases=aliases)


def extract(paths: Iterable[str | Path], *, title: str | None = None, outlet: str | None = None,
            published: date | None = None) -> KnowledgeBase:
    """Read articles (files or folders) and extract one knowledge base from them."""
    from factcheck.articles import read_articles

    files = read_articles(paths)
    return build_kb([(f.source_id, f.path, f.text) for f in files], title=title, outlet=outlet,
                    published=published)
