"""JSON and JSON Lines: the stable machine contract (documented in the README)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from factcheck.models import LocatedResult, Result


def result_to_dict(result: Result) -> dict[str, Any]:
    """The documented JSON object for one result (enums as their string values)."""
    data = asdict(result)
    data["verdict"] = str(result.verdict)
    data["confidence"] = round(result.confidence, 3)
    for diff in data["differences"]:
        diff["kind"] = str(diff["kind"])
    return data


def located_to_dict(item: LocatedResult) -> dict[str, Any]:
    """A result of `factcheck check FILE`: the result object plus its location in the draft."""
    data = result_to_dict(item.result)
    data.update(asdict(item.location))
    return data


def dumps_line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))


def dumps_array(items: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(items), ensure_ascii=False, indent=2)
