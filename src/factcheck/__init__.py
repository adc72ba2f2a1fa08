"""factcheck: an offline fact-checker for news copy.

The public API::

    from factcheck import load_claims, check
    kb = load_claims()                      # the bundled knowledge base, or a path
    result = check("Sales rose 3% in March", kb)
    print(result.verdict, result.reason)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "check", "check_many", "extract", "load_claims"]

if TYPE_CHECKING:
    from factcheck.api import check, check_many, extract, load_claims


def __getattr__(name: str) -> Any:
    # Lazy so that `import factcheck` stays cheap for the command line.
    if name in {"check", "check_many", "extract", "load_claims"}:
        from factcheck import api

        return getattr(api, name)
    raise AttributeError(name)
