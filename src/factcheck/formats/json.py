"""JSON and JSON Lines: the stable machine contract (documented in the README)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, fields
from typing import Any

from factcheck.models import LocatedResult, Result


def result_to_dict(result: Result) -> dict[str, Any]:
    """The documented JSON object for one result (enums as their string values)."""
    data: dict[str, Any] = _plain(result)
    data["verdict"] = str(result.verdict)
    data["confidence"] = round(result.confidence, 3)
    for diff in data["differences"]:
        diff["kind"] = str(diff["kind"])
    return data


def _plain(value: Any) -> Any:
    # dataclasses.asdict, without its deep copy of every leaf: results hold only dataclasses,
    # lists, strings, numbers, enums and None, so the tree is rebuilt as it is read.
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(value.__class__)}
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(spec.name for spec in fields(cls))
    return names


def located_to_dict(item: LocatedResult) -> dict[str, Any]:
    """A result of `factcheck check FILE`: the result object plus its location in the draft."""
    data = result_to_dict(item.result)
    data.update(asdict(item.location))
    return data


def dumps_line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))


def dumps_array(items: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(items), ensure_ascii=False, indent=2)
