"""yamlio against ruamel: dump_tree byte-for-byte, load_plain value-for-value (or None)."""

from __future__ import annotations

import dataclasses
import math
import os
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import kb
from factcheck.models import Claim, KnowledgeBase, Quantity, Source
from factcheck.yamlio import dump_tree, load_plain, misread_by_yaml11

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
BBC = SHARED / "corpus" / "bbc"
# Every SAMPLE_STEP-th story (sorted paths) keeps the corpus test to a few seconds; set
# FACTCHECK_FULL_CORPUS=1 to use all 927 stories (about a minute and a half, ruamel being slow).
SAMPLE_STEP = 1 if os.environ.get("FACTCHECK_FULL_CORPUS") else 20

PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ helpers


def ruamel_plain(node: Any) -> Any:
    """ruamel's round-trip types as plain Python values (what load_plain must return)."""
    from ruamel.yaml.comments import TaggedScalar

    if isinstance(node, TaggedScalar):
        raise AssertionError(f"tagged scalar {node!r}")
    if isinstance(node, dict):
        return {ruamel_plain(key): ruamel_plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [ruamel_plain(item) for item in node]
    if isinstance(node, bool) or node is None:
        return bool(node) if node is not None else None
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, datetime):
        return datetime(node.year, node.month, node.day, node.hour, node.minute, node.second,
                        node.microsecond, node.tzinfo)
    if isinstance(node, date):
        return date(node.year, node.month, node.day)
    raise AssertionError(f"unexpected ruamel value {type(node)}")


def ruamel_load(text: str) -> Any:
    return ruamel_plain(kb._yaml().load(text))


def typed(value: Any) -> Any:
    """A form that compares types and key order too: True != 1, 1 != 1.0, {a, b} != {b, a}."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(item) for item in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    if isinstance(value, float):
        return ("float", value, math.copysign(1.0, value))
    return (type(value).__name__, value)


def assert_same_load(text: str) -> None:
    mine = load_plain(text)
    assert mine is not None, "load_plain gave up on a file in its subset"
    tree = kb._yaml().load(text)
    assert typed(mine) == typed(ruamel_plain(tree))
    # iso_dates: the values kb validates, dates as the ISO text kb._plain makes of them
    assert typed(load_plain(text, iso_dates=True)) == typed(kb._plain(tree))


def seed_text() -> str:
    return (ROOT / "claims.yaml").read_text(encoding="utf-8")


def small_kb(sentence: str = "Prices rose.", note: str | None = None, title: str = "A title",
             value: float = 3.0) -> KnowledgeBase:
    source = Source(id="s", title=title, published=date(2025, 5, 23), path="a.txt")
    claim = Claim(id="s-1", source="s", sentence=sentence, line=1, note=note,
                  quantities=[Quantity(text="3", value=value)])
    return KnowledgeBase(sources=[source], claims=[claim])


def assert_dump_matches(tree: Any) -> str:
    reference = kb._dump_tree_ruamel(tree)
    assert dump_tree(tree) == reference
    return reference


# ------------------------------------------------------------------ (a) dump_tree == ruamel


def test_dump_seed_kb_is_byte_identical() -> None:
    seed = kb.load_kb(ROOT / "claims.yaml")
    text = assert_dump_matches(kb._kb_tree(seed))
    assert kb.HEADER + text == seed_text()  # the committed file is what dump_kb writes


def test_dump_bundled_kb_is_byte_identical() -> None:
    assert_dump_matches(kb._kb_tree(kb.load_kb(kb.BUNDLED_CLAIMS)))


def _bbc_sample() -> list[Path]:
    if not BBC.is_dir():
        pytest.skip(f"../shared not present: {BBC} is needed for the BBC corpus test")
    return sorted(BBC.glob("*/*.txt"))[::SAMPLE_STEP]


@pytest.fixture(scope="module")
def bbc_dump() -> str:
    from factcheck.api import extract

    corpus_kb = extract(_bbc_sample())
    assert len(corpus_kb.claims) > 1000 // SAMPLE_STEP
    return kb.HEADER + assert_dump_matches(kb._kb_tree(corpus_kb))


def test_dump_bbc_corpus_kb_is_byte_identical(bbc_dump: str) -> None:
    assert bbc_dump.startswith(kb.HEADER + "schema_version: 1\nsources:\n")


# ------------------------------------------------------------------ (b) load_plain == ruamel


def test_load_bbc_corpus_kb(bbc_dump: str) -> None:
    assert_same_load(bbc_dump)


def test_load_seed_kb() -> None:
    assert_same_load(seed_text())
    loaded = load_plain(seed_text())
    assert isinstance(loaded, dict)
    assert list(loaded) == ["schema_version", "sources", "aliases", "claims"]
    assert isinstance(loaded["sources"][0]["published"], date)


def _edit(text: str, old: str, new: str, count: int = 1) -> str:
    assert old in text, old
    return text.replace(old, new, count)


def _hand_edits() -> Iterator[tuple[str, str]]:
    text = seed_text()
    yield "comments and blank lines", _edit(
        _edit(text, "claims:\n", "\n# the claims\n\nclaims:   # all of them\n  # first one\n\n"),
        "    polarity: negated\n", "    polarity: negated # checked\n\n      # indented comment\n",
    )
    yield "comment after quoted and plain values", _edit(
        _edit(text, "Says Seoul'\n", "Says Seoul'   # quoted\n"), "kind: person\n",
        "kind: person #who\n",
    )
    yield "reordered keys", _edit(
        text, "    line: 7\n    start: 117\n", "    start: 117\n    line: 7\n"
    )
    yield "reviewed and notes", _edit(
        text, "    extracted: b7d33158a765\n",
        "    extracted: b7d33158a765\n    reviewed: true\n    note: 'Checked: fine # really'\n",
    )
    yield "double-quoted values with escapes", _edit(
        text, "    extracted: b7d33158a765\n",
        '    extracted: b7d33158a765\n    note: "It\'s \\"fine\\": caf\\u00e9 \\x41 \\\\ \\/ \\t" # c\n',
    )
    yield "quoted scalars that look like other types", _edit(
        text, "    extracted: b7d33158a765\n",
        "    extracted: b7d33158a765\n    note: 'true'\n    clause: \"2025-06-03\"\n",
    )
    yield "nulls, numbers and dates", _edit(
        text, "    extracted: b7d33158a765\n",
        "    extracted: b7d33158a765\n    note: ~\n    clause: null\n    column: 007\n"
        "    reviewed: False\n    quantities:\n      - text: x\n        value: 1e3\n"
        "        low: -.5\n        high: .inf\n      - text: y\n        value: +12\n"
        "        low: 2024-02-30\n        high: 2024-02-29\n        unit:\n",
    )
    yield "document start and CRLF", "--- # kb\r\n" + text.replace("\n", "\r\n")
    first_alias = text[text.index("  - name: Donald Trump"):text.index("  - name: Sean Parnell")]
    yield "sequence at the indentation of its key", _edit(
        text, first_alias, first_alias.replace("      - ", "    - ")
    )
    yield "empty flow collections and a dash on its own line", _edit(
        _edit(text, "aliases:\n", "extra: []\nmore: {}\naliases:\n"),
        "  - name: Sean Parnell\n", "  -\n    name: Sean Parnell\n",
    )
    yield "wider indentation", _edit(
        text, "  - id: us-troops-south-korea-no-talks\n    title:",
        "  -     id: us-troops-south-korea-no-talks\n        title:",
    ).replace("    published: 2025-05-23\n", "        published: 2025-05-23\n", 1).replace(
        "    path: seeds/", "        path: seeds/", 1
    ).replace("    sha256: ", "        sha256: ", 1)
    yield "unicode and odd plain scalars", _edit(
        text, "    extracted: b7d33158a765\n",
        "    extracted: b7d33158a765\n    note: Ünïcödé — £5 “quoted” ✓ 😀 ?x :y -z a#b a:b it's\n",
    )


@pytest.mark.parametrize(("name", "text"), list(_hand_edits()), ids=[n for n, _ in _hand_edits()])
def test_load_hand_edited_seed(name: str, text: str) -> None:
    assert_same_load(text)


def test_load_keeps_impossible_date_as_string_and_colon_inside_quotes() -> None:
    text = "a: 2024-02-30\nb: 'x: y'\nc: \"p: q # r\"\nd: 2024-02-29\n"
    assert load_plain(text) == {"a": "2024-02-30", "b": "x: y", "c": "p: q # r", "d": date(2024, 2, 29)}
    assert load_plain(text, iso_dates=True) == {"a": "2024-02-30", "b": "x: y", "c": "p: q # r",
                                                 "d": "2024-02-29"}


# ------------------------------------------------------------------ (c) properties

_TRICKY = st.sampled_from([
    "NO", "no", "on", "Off", "yes", "y", "n", "null", "Null", "~", "true", "False", "1e3", "0x1F",
    "0o17", "017", "1_000", "1:20", "12:30:45", "2025-06-03", "2024-02-30", "2025-6-3",
    "2025-06-03 10:00:00", ".inf", "-.Inf", ".NaN", "<<", "=", "-", "- x", "?", "? x", ":", ": x",
    "a: b", "a:", "a #b", "a#b", "#x", "'", "''", '"', "it's", 'say "hi"', "\\", " lead",
    "trail ", "  ", "", "---", "...", "--- x", "[x]", "{x}", "&a", "*a", "!tag", "|", ">", "%x",
    "@x", "`x", ",x", "x,y", "café", "\u00a0nbsp", "\t", "a\tb", "\n", "a\nb", "a\n", "\r",
    "\x85", "\u2028", "\ufeff", "\x00", "\x07", "😀", "\ud7ff", "\ue000",
])
_CHARS = st.characters(codec="utf-8")
_TEXTS = st.one_of(
    _TRICKY,
    st.lists(st.one_of(_TRICKY, st.text(_CHARS, max_size=6)), max_size=5).map("".join),
    st.text(st.sampled_from(list(" :#'\"-?.0123456789eE+_xX~tTnNoO\\")), max_size=12),
)


@PROPS
@given(sentence=_TEXTS, note=st.one_of(st.none(), _TEXTS), title=_TEXTS)
def test_random_strings_dump_like_ruamel_and_load_back(sentence: str, note: str | None,
                                                       title: str) -> None:
    tree = kb._kb_tree(small_kb(sentence, note, title))
    text = assert_dump_matches(tree)
    loaded = load_plain(kb.HEADER + text)
    if loaded is not None:
        assert typed(loaded) == typed(ruamel_load(kb.HEADER + text))


@PROPS
@given(value=st.one_of(_TEXTS, st.text(st.sampled_from(list("0123456789.-+_eEoxb:TtZ ~")),
                                       min_size=1, max_size=14)))
def test_plain_scalars_resolve_like_ruamel(value: str) -> None:
    text = f"key: {value}\n"
    loaded = load_plain(text)
    if loaded is None:
        return
    assert typed(loaded) == typed(ruamel_load(text))


@PROPS
@given(value=st.one_of(_TEXTS, st.floats(), st.integers()).map(str))
def test_misread_by_yaml11_agrees_with_ruamel(value: str) -> None:
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    tag = VersionedResolver(version=(1, 1)).resolve(ScalarNode, value, (True, False))
    assert misread_by_yaml11(value) == (tag != "tag:yaml.org,2002:str")


def _trees() -> st.SearchStrategy[Any]:
    keys = st.one_of(st.sampled_from(["a", "id", "b_c", "x-y", "note"]), _TEXTS)
    leaves = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
        st.dates(), _TEXTS, _TEXTS.map(kb._scalar),
    )
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)
        ),
        max_leaves=12,
    )


@PROPS
@given(body=st.dictionaries(st.sampled_from(["a", "b", "claims", "z"]), _trees(), min_size=1))
def test_random_trees_dump_like_ruamel_and_load_back(body: dict[str, Any]) -> None:
    text = assert_dump_matches(body)
    loaded = load_plain(text)
    if loaded is not None:
        assert typed(loaded) == typed(ruamel_load(text))


@PROPS
@given(sentence=_TEXTS, value=st.floats(allow_nan=False, allow_infinity=False))
def test_dumped_kb_loads_to_the_same_claims(sentence: str, value: float) -> None:
    text = kb.HEADER + dump_tree(kb._kb_tree(small_kb(sentence, value=value)))
    loaded = load_plain(text)
    if loaded is None:
        return
    assert loaded["claims"][0]["sentence"] == sentence
    assert loaded["claims"][0]["quantities"][0]["value"] == (int(value) if value.is_integer() else value)


_MUTATION_BASE = [
    *seed_text().split("\n")[:60],
    "extra:", "- a", "- b: 1", "  c: 'x'", "more:", "  - \"q\"", "  -", "    d: 2", "  - - n",
]
_INSERTS = st.sampled_from([*" :#-'\"?&*!|>[]{},%@`~.0123456789abcTtNn\\x", "  ", ": ", " #", "- ", "\n",
                            "\n  ", "\n    ", "\t", "\r", "\ufeff", "---", "..."])


@st.composite
def _mutated_files(draw: st.DrawFn) -> str:
    lines = list(_MUTATION_BASE)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        how = draw(st.sampled_from(["insert", "delete", "reindent", "duplicate"]))
        if how == "insert":
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(_INSERTS) + line[cut:]
        elif how == "delete" and line:
            cut = draw(st.integers(0, len(line) - 1))
            lines[at] = line[:cut] + line[cut + 1:]
        elif how == "reindent":
            lines[at] = " " * draw(st.integers(0, 6)) + line.lstrip(" ")
        else:
            lines.insert(at, lines[draw(st.integers(0, len(lines) - 1))])
    return "\n".join(lines)


@PROPS
@given(text=_mutated_files())
def test_damaged_files_load_like_ruamel_or_give_up(text: str) -> None:
    # Never a wrong tree: where ruamel fails, load_plain must give up; where it succeeds,
    # load_plain gives the same values or gives up.
    mine = load_plain(text)
    try:
        reference = ruamel_load(text)
    except Exception:
        assert mine is None
        return
    if mine is not None:
        assert typed(mine) == typed(reference)


# ------------------------------------------------------------------ dump_tree hands odd trees to ruamel


def _commented_tree() -> Any:
    return kb._yaml().load("# top\na: 1 # one\nb:\n  - x\n")


def _flow_tree() -> Any:
    return kb._yaml().load("a: [1, 2]\nb: {c: d}\n")


def _shared_date_tree() -> Any:
    day = date(2025, 1, 2)
    return {"a": day, "b": [day]}


def _shared_list_tree() -> Any:
    items = ["x"]
    return {"a": items, "b": items}


@pytest.mark.parametrize("make", [
    _commented_tree,
    _flow_tree,
    _shared_date_tree,
    _shared_list_tree,
    lambda: {"a": [[1, 2], []]},
    lambda: {"k" * 130: 1},
    lambda: {"a": "line\nbreak", "b": "tab\there", "c": "", "d": "\x85", "e": "x\u2028y"},
    lambda: {"a": ["\x85", "x\u2028y", "tab\there", ""]},
    lambda: {"a": datetime(2025, 1, 2, 3, 4, 5)},
    lambda: {1: "int key"},
    lambda: {},
    lambda: ["top", "level"],
    lambda: "scalar",
    lambda: None,
], ids=["comments", "flow", "shared-date", "shared-list", "nested-list", "long-key",
        "odd-strings", "odd-strings-in-list", "datetime", "int-key", "empty", "top-list", "top-scalar", "top-none"])
def test_dump_tree_matches_ruamel_on_trees_it_delegates(make: Any) -> None:
    assert_dump_matches(make())


def test_dump_tree_writes_a_loaded_tree_without_comments_like_ruamel() -> None:
    tree = kb._yaml().load("a: 1\nb:\n  - x\n  - 'NO'\n  - c: 2024-01-02\n")
    assert assert_dump_matches(tree) == "a: 1\nb:\n  - x\n  - 'NO'\n  - c: 2024-01-02\n"


def test_dump_tree_writes_the_usual_styles_itself() -> None:
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    tree = {"a": "plain text", "b": "NO", "c": "x: y", "d": "it's: so", "e": SingleQuotedScalarString("it's"),
            "f": "1e3", "g": 1.5, "h": 10**20, "i": None, "j": [None, {}, []], "k": date(2025, 6, 3)}
    assert assert_dump_matches(tree) == (
        "a: plain text\nb: NO\nc: 'x: y'\nd: \"it's: so\"\ne: 'it''s'\nf: '1e3'\ng: 1.5\n"
        "h: 100000000000000000000\ni:\nj:\n  - \n  - {}\n  - []\nk: 2025-06-03\n"
    )


# ------------------------------------------------------------------ (d) outside the subset: None

UNSUPPORTED = {
    "flow mapping": "a: {b: 1}\n",
    "flow sequence": "a: [1, 2]\n",
    "anchor": "a: &x 1\nb: 2\n",
    "alias": "a: 1\nb: *x\n",
    "tag": "a: !!str 1\n",
    "local tag": "a: !thing x\n",
    "multi-line plain scalar": "a: first\n  second\n",
    "multi-line single-quoted scalar": "a: 'first\n  second'\n",
    "multi-line double-quoted scalar": "a: \"first\n  second\"\n",
    "escaped line break": "a: \"first\\\n  second\"\n",
    "literal block scalar": "a: |\n  text\n",
    "folded block scalar": "a: >\n  text\n",
    "scalar below its key": "a:\n  text\n",
    "odd indentation": "a:\n  b: 1\n   c: 2\n",
    "dedent to no level": "a:\n    b: 1\n  c: 2\n",
    "duplicate keys": "a: 1\na: 2\n",
    "tab indentation": "a:\n\tb: 1\n",
    "tab in a value": "a: b\tc\n",
    "syntax error": "a: b: c\n",
    "text after a quoted scalar": "a: 'b' c\n",
    "unterminated quote": "a: 'b\n",
    "byte-order mark": "\ufeffa: 1\n",
    "next-line character": "a: b\x85c\n",
    "line separator": "a: b\u2028c\n",
    "control character": "a: b\x01c\n",
    "lone carriage return": "a: b\rc: d\n",
    "directive": "%YAML 1.1\n---\na: yes\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "document end": "a: 1\n...\n",
    "content after document start": "--- a: 1\n",
    "top-level sequence": "- a\n- b\n",
    "top-level scalar": "just text\n",
    "empty document": "# only a comment\n",
    "quoted key": "'a': 1\n",
    "key with spaces": "a b: 1\n",
    "merge key": "a: 1\n<<: {}\n",
    "boolean key": "true: 1\n",
    "timestamp with time": "a: 2025-06-03 10:00:00\n",
    "hexadecimal integer": "a: 0x1F\n",
    "integer with underscores": "a: 1_000\n",
    "sequence entry as a value": "a: - b\n",
    "unknown escape": "a: \"\\q\"\n",
    "short unicode escape": "a: \"\\u00e\"\n",
    "reserved indicator": "a: @b\n",
    "value indicator": "a: =\n",
    "deeper line after a value": "a: 1\n  b: 2\n",
}


@pytest.mark.parametrize("text", list(UNSUPPORTED.values()), ids=list(UNSUPPORTED))
def test_load_plain_gives_up_outside_the_subset(text: str) -> None:
    assert load_plain(text) is None


def test_supported_neighbours_of_unsupported_constructs_still_load() -> None:
    # Negatives for the cases above: the near-misses inside the subset must not give up.
    for text in ("a: b:c\n", "a: 'b' # c\n", "a: \"\\u00e9\"\n", "a:\n- b\n", "a: 1\n# x\n  # y\nb: 2\n",
                 "a: x-y\n", "a: -1\n", "a: '---'\n", "a: b # c: d\n"):
        assert_same_load(text)


def test_fast_enough_for_big_files() -> None:
    # 400 claims through both directions: far below a second unless something is quadratic.
    import time

    base = kb.load_kb(ROOT / "claims.yaml")
    claims = [dataclasses.replace(base.claims[i % len(base.claims)], id=f"c{i}") for i in range(400)]
    big = dataclasses.replace(base, claims=claims)
    tree = kb._kb_tree(big)
    started = time.perf_counter()
    text = dump_tree(tree)
    assert load_plain(text) is not None
    assert time.perf_counter() - started < 1.0
    assert re.search(r"^  - id: c399$", text, re.M)
