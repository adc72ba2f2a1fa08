"""The data model: sources, claims and their details, and check results.

The models are standard-library dataclasses so that the hot path (loading a
cached knowledge base, checking a headline) never imports pydantic. pydantic
validates them at the boundaries: ``kb.py`` validates claims.yaml through a
``TypeAdapter`` over these classes (``__pydantic_config__`` forbids unknown
fields), and ``factcheck schema`` prints the JSON Schema pydantic derives from
them. One definition serves both, so the file format and the code cannot drift.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

SCHEMA_VERSION = 1

# pydantic reads this from stdlib dataclasses; a plain dict avoids importing it here.
_STRICT: dict[str, Any] = {"extra": "forbid"}


class Verdict(enum.StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"


class Polarity(enum.StrEnum):
    AFFIRMED = "affirmed"
    NEGATED = "negated"


class Stance(enum.StrEnum):
    """How the source commits to a claim."""

    ASSERTED = "asserted"  # stated as fact by the article itself
    REPORTED = "reported"  # someone said or reported it (see attribution)
    CONSIDERED = "considered"  # being considered, proposed, possible, speculated
    PLANNED = "planned"  # scheduled, planned, intended, expected
    DENIED = "denied"  # someone denied or rejected it


class Bound(enum.StrEnum):
    EXACT = "exact"
    APPROXIMATE = "approximate"  # about, approximately, around, nearly, some
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"  # at most, up to, no more than


class Granularity(enum.StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class EntityKind(enum.StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"  # countries, cities, regions (and capitals used for governments)
    OUTLET = "outlet"  # news organisations
    OTHER = "other"


class DifferenceKind(enum.StrEnum):
    NUMBER = "number"
    DATE = "date"
    ENTITY = "entity"
    ROLE = "role"
    NEGATION = "negation"
    CERTAINTY = "certainty"
    ATTRIBUTION = "attribution"


class Direction(enum.StrEnum):
    UP = "up"
    DOWN = "down"


@dataclass(slots=True, kw_only=True)
class Quantity:
    """A number bound to what it counts, with the interval the source allows.

    ``low``/``high`` express the bound: "more than 28,000" is low=28000
    (exclusive is approximated as inclusive), high=None; "approximately 2,000"
    is a narrow band around the value; "up to £2,500" is low=None, high=2500.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    text: str
    value: float
    low: float | None = None
    high: float | None = None
    bound: Bound = Bound.EXACT
    unit: str | None = None  # "%", a currency code ("GBP", "USD", "HKD"), "year", …
    counted: str | None = None  # the noun counted: "troops", "jobs", "shares"
    direction: Direction | None = None  # rose/fell, up/down
    start: int = 0  # character offsets in the sentence
    end: int = 0


@dataclass(slots=True, kw_only=True)
class DateRef:
    """A date as written, resolved when the text and article date allow it."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    text: str
    value: str | None = None  # ISO, as precise as the granularity: 2025-06-03, 2025-06, 2025
    granularity: Granularity = Granularity.DAY
    start: int = 0
    end: int = 0


@dataclass(slots=True, kw_only=True)
class Entity:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    name: str  # canonical name after aliases: "South Korea", "Jane Smith"
    kind: EntityKind = EntityKind.OTHER
    text: str = ""  # as written in the sentence
    role: str | None = None  # appositive role: "US Defense Department chief spokesperson"
    start: int = 0
    end: int = 0


@dataclass(slots=True, kw_only=True)
class Attribution:
    """Who, inside the article, said, reported or denied the claim."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    who: str  # as the article names them: "Wall Street Journal"
    entity: str | None = None  # canonical name when known
    role: str | None = None
    verb: str = "said"  # the cue: said, reported, announced, denied, …
    via: str | None = None  # "unnamed US military officials" (citing …)

    def describe(self) -> str:
        text = self.who
        if self.role and self.role.lower() not in self.who.lower():  # not "spokesman Jo Bloggs, spokesman"
            text = f"{text}, {self.role}"
        if self.via:
            text = f"{text}, citing {self.via}"
        return text


@dataclass(slots=True, kw_only=True)
class Source:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    id: str
    title: str
    outlet: str | None = None
    published: date | None = None
    path: str = ""
    sha256: str = ""
    url: str | None = None


@dataclass(slots=True, kw_only=True)
class Claim:
    """One checkable sentence of a source with its structured details."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    id: str
    source: str  # Source.id
    sentence: str  # verbatim, the evidence shown to users
    clause: str | None = None  # the part of the sentence the details come from, when not all of it
    line: int  # 1-based line of the sentence start in the source file
    column: int = 1  # 1-based
    start: int = 0  # character offsets in the source file's text
    end: int = 0
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    polarity: Polarity = Polarity.AFFIRMED
    stance: Stance = Stance.ASSERTED
    attribution: Attribution | None = None
    reviewed: bool = False  # a person checked this claim; extraction never overwrites it
    note: str | None = None
    # Digest of the claim as the extractor wrote it. When the claim no longer matches it, a
    # person edited the claim, and re-extraction keeps their version (see kb.merge).
    extracted: str | None = None


@dataclass(slots=True, kw_only=True)
class Alias:
    """Other names of one entity. ``source`` scopes names learned from one article."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    name: str
    also: list[str] = field(default_factory=list)
    kind: EntityKind = EntityKind.OTHER
    source: str | None = None  # None: applies everywhere (curated by a person)


@dataclass(slots=True, kw_only=True)
class KnowledgeBase:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    schema_version: int = SCHEMA_VERSION
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)


# ---------------------------------------------------------------- results


@dataclass(slots=True, kw_only=True)
class SourceRef:
    id: str
    title: str
    outlet: str | None
    published: str | None  # ISO date
    path: str
    line: int


@dataclass(slots=True, kw_only=True)
class Difference:
    kind: DifferenceKind
    asserted: str | None
    source: str | None


@dataclass(slots=True, kw_only=True)
class Corroboration:
    claim_id: str
    source: SourceRef
    evidence: str


@dataclass(slots=True, kw_only=True)
class Result:
    """The verdict on one assertion. Its JSON form is a documented, stable contract."""

    text: str
    verdict: Verdict
    confidence: float
    reason: str
    evidence: str | None = None
    claim_id: str | None = None
    source: SourceRef | None = None
    attributed_to: str | None = None
    differences: list[Difference] = field(default_factory=list)
    suggestion: str | None = None
    corroboration: list[Corroboration] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Location:
    """Where a checked sentence stands in a draft (1-based lines and columns)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(slots=True, kw_only=True)
class LocatedResult:
    result: Result
    location: Location
