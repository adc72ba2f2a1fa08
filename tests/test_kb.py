"""Tests of the knowledge-base file edge: validation, YAML round trips, merge, write, cache."""

from __future__ import annotations

import os
import pickle
import re
import stat
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from factcheck import kb as K
from factcheck.errors import KnowledgeBaseError
from factcheck.models import (
    Alias,
    Attribution,
    Bound,
    Claim,
    DateRef,
    Entity,
    EntityKind,
    Granularity,
    KnowledgeBase,
    Polarity,
    Quantity,
    Source,
    Stance,
)

DATA = Path(__file__).resolve().parent / "data" / "kb"
ERROR_FIXTURES = sorted((DATA / "errors").glob("*.yaml"))


# ------------------------------------------------------------------ helpers


def _claim(source: str, n: int, sentence: str, **changes: object) -> Claim:
    claim = Claim(id=f"{source}-{n}", source=source, sentence=sentence, line=n, start=n * 100,
                  end=n * 100 + len(sentence))
    claim = replace(claim, **changes)  # type: ignore[arg-type]
    claim.extracted = K.claim_digest(claim)
    return claim


def _rich_kb() -> KnowledgeBase:
    """Every kind of field, including values YAML likes to misread."""
    claim = Claim(
        id="fjord-1",
        source="fjord",
        sentence="Officials said on Friday that more than 28,000 households in NO-region 7 lost "
                 "power, about 4.5% of the total, in what they called 'the worst storm' since "
                 "1:20 a.m. on 2023-01-02 — a record: yes.",
        clause="more than 28,000 households lost power",
        line=4,
        column=3,
        start=120,
        end=260,
        entities=[Entity(name="Norway", kind=EntityKind.PLACE, text="NO", start=49, end=51),
                  Entity(name="Statnett", kind=EntityKind.ORGANIZATION, text="Statnett",
                         role="grid operator")],
        quantities=[
            Quantity(text="more than 28,000 households", value=28000.0, low=28000.0,
                     bound=Bound.MORE_THAN, counted="households", start=30, end=57),
            Quantity(text="about 4.5%", value=4.5, low=4.25, high=4.75, bound=Bound.APPROXIMATE,
                     unit="%"),
        ],
        dates=[DateRef(text="Friday", value="2023-01-06"),
               DateRef(text="January 2023", value="2023-01", granularity=Granularity.MONTH),
               DateRef(text="2023", value="2023", granularity=Granularity.YEAR)],
        polarity=Polarity.NEGATED,
        stance=Stance.REPORTED,
        attribution=Attribution(who="officials", role="on", verb="said", via="null"),
        note="off",
    )
    claim.extracted = K.claim_digest(claim)
    return KnowledgeBase(
        sources=[
            Source(id="fjord", title="yes", outlet="NO", published=date(2023, 1, 6),
                   path="sources/fjord.md", sha256="ab" * 32, url="https://example.org/a?b=c#d"),
            Source(id="plain", title="A plain source"),
        ],
        claims=[claim, _claim("plain", 1, "Nothing: ~ happened.")],
        aliases=[Alias(name="Norway", also=["NO", "Norge", "on"], kind=EntityKind.PLACE),
                 Alias(name="Statnett", also=["the operator"], source="fjord")],
    )


def _expectation(path: Path) -> str:
    first = path.read_text("utf-8").splitlines()[0]
    assert first.startswith("# expect: "), path
    return first.removeprefix("# expect: ")


# ------------------------------------------------------------------ validation errors


@pytest.mark.parametrize("fixture", ERROR_FIXTURES, ids=lambda p: p.stem)
def test_invalid_file_reports_path_line_column(fixture: Path) -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        K.load_kb(fixture)
    assert str(caught.value).startswith(f"{fixture}:{_expectation(fixture)}")
    assert caught.value.path == str(fixture)
    assert caught.value.line is not None
    assert caught.value.column is not None


def test_error_fixtures_cover_every_error_kind() -> None:
    names = {p.stem for p in ERROR_FIXTURES}
    assert {"syntax", "duplicate_key", "wrong_type", "unknown_field", "missing_field",
            "schema_version", "empty", "top_level_list", "duplicate_claim_id", "unknown_source",
            "low_above_high", "date_granularity", "date_calendar"} <= names


def test_empty_text_is_an_error() -> None:
    for text in ("", "\n\n", "   \n"):
        with pytest.raises(KnowledgeBaseError, match="empty file") as caught:
            K.parse_kb(text, "kb.yaml")
        assert str(caught.value).startswith("kb.yaml:1:1: ")


def test_scalar_top_level_points_at_the_scalar() -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        K.parse_kb("# header\n\n  just words\n", "kb.yaml")
    assert str(caught.value) == (
        "kb.yaml:3:3: the top level must be a mapping with schema_version, sources, aliases and "
        "claims, found the value 'just words'")


def test_schema_version_must_be_an_integer() -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        K.parse_kb('schema_version: "1"\nsources: []\nclaims: []\n', "kb.yaml")
    assert str(caught.value).startswith("kb.yaml:1:17: schema_version: unsupported version '1'")


def test_duplicate_source_id() -> None:
    text = "sources:\n  - {id: a, title: A}\n  - {id: a, title: B}\nclaims: []\n"
    with pytest.raises(KnowledgeBaseError) as caught:
        K.parse_kb(text, "kb.yaml")
    assert str(caught.value) == (
        "kb.yaml:3:10: sources[1].id: duplicate source id 'a' (first on line 2)")


def test_unknown_top_level_field_lists_allowed_fields() -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        K.parse_kb("schema_version: 1\nclaim: []\n", "kb.yaml")
    assert str(caught.value) == ("kb.yaml:2:1: claim: unknown field 'claim' "
                                 "(allowed: schema_version, sources, claims, aliases)")


def test_unknown_nested_field_in_attribution() -> None:
    text = ("sources: [{id: a, title: A}]\nclaims:\n  - id: a-1\n    source: a\n    sentence: S.\n"
            "    line: 1\n    attribution:\n      who: police\n      whom: nobody\n")
    with pytest.raises(KnowledgeBaseError) as caught:
        K.parse_kb(text, "kb.yaml")
    assert str(caught.value) == ("kb.yaml:9:7: claims[0].attribution.whom: unknown field 'whom' "
                                 "(allowed: who, entity, role, verb, via)")


def test_claim_that_is_not_a_mapping() -> None:
    text = "sources: [{id: a, title: A}]\nclaims:\n  - just a sentence\n"
    with pytest.raises(KnowledgeBaseError) as caught:
        K.parse_kb(text, "kb.yaml")
    assert str(caught.value).startswith("kb.yaml:3:5: claims[0]: Input should be a dictionary")


def test_control_character_position() -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        K.parse_kb("schema_version: 1\nsources: []\nclaims: [\x07]\n", "kb.yaml")
    assert str(caught.value).startswith("kb.yaml:3:10: invalid YAML: unacceptable character #x0007")


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(KnowledgeBaseError) as caught:
        K.load_kb(missing)
    assert str(caught.value) == f"{missing}: knowledge base not found"
    with pytest.raises(KnowledgeBaseError, match="is a folder"):
        K.load_kb(tmp_path)
    binary = tmp_path / "latin1.yaml"
    binary.write_bytes(b"schema_version: 1\nsources: []\n# caf\xe9\n")
    with pytest.raises(KnowledgeBaseError) as caught:
        K.load_kb(binary)
    assert str(caught.value) == f"{binary}:3:6: not valid UTF-8 (byte 0xe9)"


def test_decode_kb_names_the_first_bad_byte() -> None:
    assert K.decode_kb(b"\xef\xbb\xbfschema_version: 1\n", "kb.yaml") == "schema_version: 1\n"
    with pytest.raises(KnowledgeBaseError) as caught:
        K.decode_kb(b"a: 1\nb: \xc3(\n", "kb.yaml")
    assert str(caught.value) == "kb.yaml:2:4: not valid UTF-8 (byte 0xc3)"


def test_bom_and_windows_line_endings_load_the_same_knowledge_base(tmp_path: Path) -> None:
    text = K.dump_kb(_rich_kb())
    messy = tmp_path / "messy.yaml"
    messy.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert K.load_kb(messy) == _rich_kb()
    # Positions in messages are still lines and columns as an editor shows them.
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(b"\xef\xbb\xbfschema_version: 1\r\nsources: []\r\nclaims: [{id: x}]\r\n")
    with pytest.raises(KnowledgeBaseError) as caught:
        K.load_kb(broken)
    assert str(caught.value).startswith(f"{broken}:3:10: claims[0]: missing required field")


def test_nul_byte_in_the_knowledge_base_is_located() -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        K.parse_kb("schema_version: 1\nsources: []\nclaims: [\x00]\n", "kb.yaml")
    assert str(caught.value).startswith("kb.yaml:3:10: invalid YAML: unacceptable character #x0000")


def test_a_huge_line_in_the_knowledge_base_loads_in_bounded_time() -> None:
    import time

    sentence = "The committee met again and again. " * 30_000  # a 1 MB string field
    kb = KnowledgeBase(sources=[Source(id="s", title="S")], claims=[_claim("s", 1, sentence)])
    text = K.dump_kb(kb)
    assert len(text) > 1_000_000
    started = time.perf_counter()
    assert K.parse_kb(text, "kb.yaml") == kb
    assert time.perf_counter() - started < 10


def test_alias_bomb_is_refused_quickly() -> None:
    import time

    lines = ["schema_version: 1", "sources: []", "claims: []", "x0: &l0 [a, a, a, a, a, a, a, a, a, a]"]
    lines += [f"x{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, 9)]  # 10**9 values
    started = time.perf_counter()
    with pytest.raises(KnowledgeBaseError) as caught:
        K.parse_kb("\n".join(lines) + "\n", "kb.yaml")
    assert time.perf_counter() - started < 5
    assert str(caught.value).startswith("kb.yaml:")
    assert "YAML aliases expand to more values than the file could hold" in str(caught.value)


@pytest.mark.parametrize("text", ["claims: &x [*x]\n", "claims: [&x {id: *x}]\n",
                                  "aliases: &x [{name: a, also: *x}]\n"])
def test_alias_to_its_own_container_is_an_error(text: str) -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        K.parse_kb("schema_version: 1\nsources: []\n" + text, "kb.yaml")
    assert re.match(r"kb\.yaml:3:\d+: ", str(caught.value))


def test_ordinary_aliases_still_load() -> None:
    text = ("schema_version: 1\nsources: []\nclaims: []\naliases:\n"
            "  - {name: Norway, also: &nordic [NO, Norge]}\n  - {name: Noreg, also: *nordic}\n")
    kb = K.parse_kb(text, "kb.yaml")
    assert [alias.also for alias in kb.aliases] == [["NO", "Norge"], ["NO", "Norge"]]


@pytest.mark.parametrize("depth, where", [(100, "3:1: claims: nested more than 64 levels deep"),
                                          (400, "3:73: invalid YAML: nested more than 64 levels deep")])
def test_deep_nesting_is_an_error_not_a_recursion_error(depth: int, where: str) -> None:
    text = "schema_version: 1\nsources: []\nclaims: " + "[" * depth + "]" * depth + "\n"
    with pytest.raises(KnowledgeBaseError) as caught:
        K.parse_kb(text, "kb.yaml")
    assert str(caught.value) == f"kb.yaml:{where}"


# ------------------------------------------------------------------ valid files


def test_valid_fixture_loads_with_yaml_12_semantics() -> None:
    kb = K.load_kb(DATA / "valid.yaml")
    assert kb.aliases[0].also == ["NO", "Kingdom of Norway"]  # not False, as YAML 1.1 would say
    assert kb.sources[0].published == date(2024, 3, 5)
    assert kb.sources[1].published == date(2023, 11, 30)
    first = kb.claims[0]
    assert first.reviewed is True
    assert first.stance is Stance.REPORTED
    assert first.quantities[0].bound is Bound.APPROXIMATE
    assert first.quantities[0].value == 1400.0
    assert first.dates[0].value == "2024-03-05"  # an unquoted date in a string field stays text
    assert isinstance(first.dates[0].value, str)
    assert kb.claims[1].dates[0].granularity is Granularity.YEAR


def test_parsed_values_are_plain_python_types() -> None:
    kb = K.load_kb(DATA / "valid.yaml")
    # ruamel's str/float subclasses would drag ruamel into every cache unpickle.
    assert type(kb.claims[0].sentence) is str
    assert type(kb.claims[0].quantities[0].value) is float
    assert type(kb.aliases[0].also[0]) is str
    assert b"ruamel" not in pickle.dumps(kb)


def test_unquoted_no_in_a_hand_written_file_stays_a_string() -> None:
    text = ("schema_version: 1\nsources: [{id: a, title: A, outlet: NO}]\naliases:\n"
            "  - name: Norway\n    also: [NO, no, off, yes]\nclaims: []\n")
    kb = K.parse_kb(text, "kb.yaml")
    assert kb.sources[0].outlet == "NO"
    assert kb.aliases[0].also == ["NO", "no", "off", "yes"]


def test_schema_version_may_be_omitted() -> None:
    kb = K.parse_kb("sources: []\nclaims: []\n", "kb.yaml")
    assert kb == KnowledgeBase()


# ------------------------------------------------------------------ dump_kb


def test_dump_parse_round_trip_is_equal() -> None:
    kb = _rich_kb()
    assert K.parse_kb(K.dump_kb(kb), "kb.yaml") == kb


def test_dump_is_deterministic_and_stable() -> None:
    first = K.dump_kb(_rich_kb())
    assert K.dump_kb(_rich_kb()) == first
    assert K.dump_kb(K.parse_kb(first, "kb.yaml")) == first


def test_dump_layout() -> None:
    text = K.dump_kb(_rich_kb())
    assert text.startswith(
        "# factcheck knowledge base — generated by `factcheck extract`; edit freely: set "
        "`reviewed: true` on claims you checked\nschema_version: 1\n")
    keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    assert keys == ["schema_version", "sources", "aliases", "claims"]
    assert text.endswith("\n")


def test_dump_omits_defaults_and_writes_integral_floats_as_ints() -> None:
    text = K.dump_kb(_rich_kb())
    plain = text.split("  - id: plain-1\n")[1]
    # the plain claim: only the required fields, its offsets and the digest
    assert [line.split(":")[0].strip() for line in plain.splitlines()] == [
        "source", "sentence", "line", "start", "end", "extracted"]
    for default in ("    reviewed:", "polarity: affirmed", "stance: asserted", "column: 1",
                    "bound: exact", "entities: []", "note: null", "direction:"):
        assert default not in text
    assert "    column: 3\n" in text
    assert "        value: 28000\n" in text
    assert "28000.0" not in text
    assert "        value: 4.5\n" in text
    assert "    published: 2023-01-06\n" in text


def test_dump_quotes_what_yaml_11_would_misread() -> None:
    text = K.dump_kb(_rich_kb())
    for line in ("    title: 'yes'", "    outlet: 'NO'", "      - 'NO'", "      - 'on'",
                 "      role: 'on'", "      via: 'null'", "    note: 'off'",
                 "        value: '2023-01-06'", "        value: '2023-01'",
                 "        value: '2023'", "      - text: '2023'"):
        assert line + "\n" in text, line
    # ordinary text stays unquoted
    assert "      - Norge\n" in text
    assert "    title: A plain source\n" in text


def test_dump_never_folds_long_sentences() -> None:
    kb = _rich_kb()
    long_sentence = " ".join(["The committee met again"] * 40) + "."
    kb.claims[1].sentence = long_sentence
    text = K.dump_kb(kb)
    assert f"    sentence: {long_sentence}\n" in text


def test_dump_claim_is_one_mapping() -> None:
    claim = _rich_kb().claims[1]
    text = K.dump_claim(claim)
    assert text.startswith("id: plain-1\nsource: plain\n")
    assert "schema_version" not in text


# ------------------------------------------------------------------ claim_digest


def test_claim_digest_ignores_review_fields_but_not_content() -> None:
    claim = _rich_kb().claims[0]
    digest = K.claim_digest(claim)
    assert len(digest) == 12
    assert int(digest, 16) >= 0
    assert K.claim_digest(replace(claim, reviewed=True, note="checked", extracted=None)) == digest
    assert K.claim_digest(replace(claim, sentence=claim.sentence + " ")) != digest
    edited = replace(claim, quantities=[replace(claim.quantities[0], value=28001.0)])
    assert K.claim_digest(edited) != digest


def test_claim_digest_survives_the_file() -> None:
    kb = _rich_kb()
    parsed = K.parse_kb(K.dump_kb(kb), "kb.yaml")
    for claim in parsed.claims:
        assert K.claim_digest(claim) == claim.extracted


# ------------------------------------------------------------------ merge_kb


def _old_kb() -> KnowledgeBase:
    return KnowledgeBase(
        sources=[Source(id="port", title="Port strike ends"),
                 Source(id="farm", title="Farm subsidies cut")],
        claims=[
            _claim("port", 1, "The strike lasted 12 days."),
            _claim("port", 2, "About 3,000 workers took part."),
            _claim("port", 3, "The union said talks would resume."),
            _claim("port", 7, "Ships queued for a week."),
            _claim("port", 8, "The mayor called it a disaster."),
            _claim("farm", 1, "Subsidies fall by 5%."),
        ],
        aliases=[Alias(name="Port Authority", also=["the authority"], source="port")],
    )


def _edited_file() -> str:
    """What a person made of the generated file."""
    text = K.dump_kb(_old_kb())
    text = text.replace("  - id: port-1\n", "  # checked against the union statement\n"
                                            "  - id: port-1\n")
    text = text.replace("    sentence: About 3,000 workers took part.\n",
                        "    sentence: About 3,000 workers took part.\n    reviewed: true\n")
    text = text.replace("The union said talks would resume.",
                        "The union said talks would resume next week.")  # hand edit
    text = text.replace("    sentence: The mayor called it a disaster.\n",
                        "    sentence: The mayor called it a disaster.\n    reviewed: true\n")
    text = text.replace("  - id: farm-1\n", "  - id: farm-1  # keep: quoted in the report\n")
    text += ("  - id: port-hand\n    source: port\n    sentence: The port reopened on Monday.\n"
             "    line: 9\n")
    return text


def _new_kb() -> KnowledgeBase:
    return KnowledgeBase(
        sources=[Source(id="port", title="Port strike ends after 12 days")],
        claims=[
            _claim("port", 1, "The strike lasted 12 days.", stance=Stance.REPORTED),
            _claim("port", 2, "About 3,100 workers took part."),
            _claim("port", 3, "The union said talks would resume soon."),
            _claim("port", 4, "Exports fell by a third."),
            _claim("port", 5, "Exports recovered."),
        ],
        aliases=[Alias(name="Port Authority", also=["PA"], source="port"),
                 Alias(name="Union", also=["the union"], source="port")],
    )


def test_merge_report() -> None:
    _, report = K.merge_kb(_edited_file(), _new_kb(), path="claims.yaml")
    assert report.added == ["port-4", "port-5"]
    assert report.updated == ["port-1"]
    assert report.kept_reviewed == ["port-2", "port-8"]
    assert report.kept_edited == ["port-3", "port-hand"]
    assert report.stale == ["port-7"]
    assert report.summary() == "2 added, 1 updated, 4 kept (2 edited, 2 reviewed), 1 stale removed"


def test_merge_keeps_curated_claims_and_replaces_the_rest() -> None:
    merged, _ = K.merge_kb(_edited_file(), _new_kb(), path="claims.yaml")
    kb = K.parse_kb(merged, "claims.yaml")
    claims = {claim.id: claim for claim in kb.claims}
    assert claims["port-1"].stance is Stance.REPORTED  # unedited: replaced
    assert claims["port-2"].sentence == "About 3,000 workers took part."  # reviewed: kept
    assert claims["port-2"].reviewed
    assert claims["port-3"].sentence == "The union said talks would resume next week."  # edited
    assert claims["port-8"].reviewed  # reviewed, gone from the extraction: kept
    assert "port-hand" in claims
    assert "port-7" not in claims  # stale
    assert claims["farm-1"] == _old_kb().claims[-1]  # other source untouched
    assert kb.sources[0].title == "Port strike ends after 12 days"
    assert [source.id for source in kb.sources] == ["port", "farm"]
    # new claims follow the claim before them in the article, the rest keeps the file's order
    assert [claim.id for claim in kb.claims] == [
        "port-1", "port-2", "port-3", "port-4", "port-5", "port-8", "farm-1", "port-hand"]
    assert {(a.name, tuple(a.also)) for a in kb.aliases} == {
        ("Port Authority", ("the authority",)), ("Union", ("the union",))}


def test_merge_keeps_comments() -> None:
    merged, _ = K.merge_kb(_edited_file(), _new_kb(), path="claims.yaml")
    assert merged.startswith("# factcheck knowledge base")
    assert "  # checked against the union statement\n  - id: port-1\n" in merged
    assert "  - id: farm-1  # keep: quoted in the report\n" in merged


def test_merge_of_the_same_extraction_is_a_no_op() -> None:
    fresh = K.dump_kb(_old_kb())
    merged, report = K.merge_kb(fresh, _old_kb(), path="claims.yaml")
    assert merged == fresh
    assert report.summary() == "0 added, 0 updated, 0 kept (0 edited, 0 reviewed), 0 stale removed"
    merged_once, _ = K.merge_kb(_edited_file(), _new_kb(), path="claims.yaml")
    merged_twice, report = K.merge_kb(merged_once, _new_kb(), path="claims.yaml")
    assert merged_twice == merged_once
    assert report.added == report.updated == report.stale == []


def test_merge_into_empty_text_is_a_fresh_dump() -> None:
    merged, report = K.merge_kb("", _new_kb(), path="claims.yaml")
    assert merged == K.dump_kb(_new_kb())
    assert report.added == [claim.id for claim in _new_kb().claims]


def test_merge_into_flow_style_empty_lists_writes_block_style() -> None:
    existing = "schema_version: 1\nsources: [{id: farm, title: F}]\nclaims: []\n"
    merged, report = K.merge_kb(existing, _new_kb(), path="claims.yaml")
    assert "sources:\n  - {id: farm, title: F}\n  - id: port\n" in merged  # farm untouched
    assert "claims:\n  - id: port-1\n" in merged
    assert "aliases:\n  - name: Port Authority\n" in merged
    assert merged.index("aliases:") < merged.index("claims:")  # canonical place for a new key
    assert len(report.added) == 5


def test_merge_rejects_an_invalid_existing_file() -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        K.merge_kb("schema_version: 1\nclaims: [{id: x}]\n", _new_kb(), path="claims.yaml")
    assert str(caught.value).startswith(
        "claims.yaml:2:10: claims[0]: missing required field 'source' (and 2 more problems)")


def test_merge_rejects_an_id_owned_by_another_source() -> None:
    existing = K.dump_kb(KnowledgeBase(sources=[Source(id="farm", title="F")],
                                       claims=[_claim("farm", 1, "Subsidies fall.", id="port-1")]))
    with pytest.raises(KnowledgeBaseError, match="claim id 'port-1' of source 'farm'"):
        K.merge_kb(existing, _new_kb(), path="claims.yaml")


# ------------------------------------------------------------------ write_atomic


def test_write_atomic_writes_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "claims.yaml"
    target.write_text("old\n")
    target.chmod(0o640)
    K.write_atomic(target, "new — text\n")
    assert target.read_text("utf-8") == "new — text\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["claims.yaml"]


def test_write_atomic_new_file_gets_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "claims.yaml"
    old_mask = os.umask(0o022)
    try:
        K.write_atomic(target, "x\n")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's 0o600


def test_write_atomic_leaves_the_old_file_when_replace_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "claims.yaml"
    target.write_text("old\n")

    def broken_replace(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(KnowledgeBaseError) as caught:
        K.write_atomic(target, "new\n")
    assert str(caught.value) == f"{target}: cannot write: No space left on device"
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.yaml"]  # no temporary file left


def test_write_atomic_leaves_the_old_file_when_the_write_fails_midway(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "claims.yaml"
    target.write_text("old\n")

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(KnowledgeBaseError, match="Input/output error"):
        K.write_atomic(target, "new\n" * 1000)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.yaml"]


def test_write_atomic_follows_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n")
    link = tmp_path / "claims.yaml"
    link.symlink_to(real)
    K.write_atomic(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"


# ------------------------------------------------------------------ load_prepared


class _Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, kb: KnowledgeBase) -> list[str]:
        self.calls += 1
        return [claim.id for claim in kb.claims]


def _kb_file(tmp_path: Path, kb: KnowledgeBase | None = None) -> Path:
    folder = tmp_path / "project"
    folder.mkdir(exist_ok=True)
    path = folder / "claims.yaml"
    path.write_text(K.dump_kb(kb or _old_kb()), "utf-8")
    return path


def test_cache_second_load_is_a_hit(tmp_path: Path) -> None:
    path = _kb_file(tmp_path)
    prepare = _Counter()
    cache = tmp_path / "cache"
    first = K.load_prepared(path, prepare, key="ids", cache_dir=cache)
    second = K.load_prepared(path, prepare, key="ids", cache_dir=cache)
    assert first == second == [claim.id for claim in _old_kb().claims]
    assert prepare.calls == 1
    assert [p.name for p in path.parent.iterdir()] == ["claims.yaml"]  # nothing beside the file
    assert len(list(cache.glob("ids-*.pickle"))) == 1


def test_cache_rebuilds_when_the_file_changes(tmp_path: Path) -> None:
    path = _kb_file(tmp_path)
    prepare = _Counter()
    cache = tmp_path / "cache"
    K.load_prepared(path, prepare, key="ids", cache_dir=cache)
    path.write_text(K.dump_kb(_new_kb()), "utf-8")
    assert K.load_prepared(path, prepare, key="ids", cache_dir=cache) == [
        claim.id for claim in _new_kb().claims]
    assert prepare.calls == 2


def test_cache_is_per_key(tmp_path: Path) -> None:
    path = _kb_file(tmp_path)
    cache = tmp_path / "cache"
    K.load_prepared(path, _Counter(), key="ids", cache_dir=cache)
    assert K.load_prepared(path, lambda kb: len(kb.claims), key="count", cache_dir=cache) == 6


def test_corrupt_cache_rebuilds_silently(tmp_path: Path) -> None:
    path = _kb_file(tmp_path)
    prepare = _Counter()
    cache = tmp_path / "cache"
    K.load_prepared(path, prepare, key="ids", cache_dir=cache)
    for damage in (b"not a pickle", b"", pickle.dumps(("something", "else", 1))):
        (entry,) = cache.glob("ids-*.pickle")
        entry.write_bytes(damage)
        assert K.load_prepared(path, prepare, key="ids", cache_dir=cache) == [
            claim.id for claim in _old_kb().claims]
    assert prepare.calls == 4
    K.load_prepared(path, prepare, key="ids", cache_dir=cache)
    assert prepare.calls == 4  # rewritten after the last rebuild


def test_unwritable_cache_dir_still_works(tmp_path: Path) -> None:
    path = _kb_file(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    prepare = _Counter()
    for _ in range(2):
        assert K.load_prepared(path, prepare, key="ids", cache_dir=blocker / "cache") == [
            claim.id for claim in _old_kb().claims]
    assert prepare.calls == 2


def test_unpicklable_result_is_returned_uncached(tmp_path: Path) -> None:
    path = _kb_file(tmp_path)
    result = K.load_prepared(path, lambda kb: (lambda: len(kb.claims)), key="fn",
                             cache_dir=tmp_path / "cache")
    assert result() == 6


def test_cache_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _kb_file(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "env-cache"))
    K.load_prepared(path, _Counter(), key="ids")
    assert len(list((tmp_path / "env-cache").glob("ids-*.pickle"))) == 1


def test_invalid_file_is_reported_not_cached(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("schema_version: 1\nclaims: [{id: x}]\n")
    for _ in range(2):
        with pytest.raises(KnowledgeBaseError, match="missing required field"):
            K.load_prepared(path, _Counter(), key="ids", cache_dir=tmp_path / "cache")
    with pytest.raises(KnowledgeBaseError, match="not found"):
        K.load_prepared(tmp_path / "gone.yaml", _Counter(), key="ids", cache_dir=tmp_path / "c")


def test_old_cache_files_are_pruned(tmp_path: Path) -> None:
    path = _kb_file(tmp_path)
    cache = tmp_path / "cache"
    for n in range(12):
        path.write_text(K.dump_kb(_old_kb()) + f"# revision {n}\n", "utf-8")
        K.load_prepared(path, _Counter(), key="ids", cache_dir=cache)
    assert len(list(cache.glob("ids-*.pickle"))) == K._CACHE_KEEP


def test_cache_hit_imports_neither_ruamel_nor_pydantic(tmp_path: Path) -> None:
    path = _kb_file(tmp_path)
    cache = tmp_path / "cache"
    K.load_prepared(path, lambda kb: len(kb.claims), key="count", cache_dir=cache)
    script = (
        "import sys\nfrom pathlib import Path\nfrom factcheck import kb\n"
        "def prepare(knowledge):\n    raise SystemExit('prepare called on a cache hit')\n"
        f"n = kb.load_prepared(Path({str(path)!r}), prepare, key='count', "
        f"cache_dir=Path({str(cache)!r}))\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'ruamel', 'pydantic', "
        "'pydantic_core', 'platformdirs', 'tempfile', 'json'})\n"
        "print(n, heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "6 []"


# ------------------------------------------------------------------ resolve_claims_path


def test_resolve_precedence(tmp_path: Path) -> None:
    env = {"FACTCHECK_CLAIMS": "from-env.yaml"}
    assert K.resolve_claims_path("given.yaml", cwd=tmp_path, env=env) == tmp_path / "given.yaml"
    assert K.resolve_claims_path(None, cwd=tmp_path, env=env) == tmp_path / "from-env.yaml"
    assert K.resolve_claims_path(None, cwd=tmp_path, env={}) == K.BUNDLED_CLAIMS
    (tmp_path / "claims.yaml").write_text("schema_version: 1\n")
    assert K.resolve_claims_path(None, cwd=tmp_path, env={}) == tmp_path / "claims.yaml"
    assert K.resolve_claims_path(None, cwd=tmp_path, env=env) == tmp_path / "from-env.yaml"
    assert K.resolve_claims_path("/abs/kb.yaml", cwd=tmp_path, env=env) == Path("/abs/kb.yaml")


def test_resolve_ignores_empty_env_and_claims_folders(tmp_path: Path) -> None:
    (tmp_path / "claims.yaml").mkdir()
    assert K.resolve_claims_path(None, cwd=tmp_path, env={"FACTCHECK_CLAIMS": ""}) == (
        K.BUNDLED_CLAIMS)


def test_resolve_uses_process_environment_and_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_CLAIMS", raising=False)
    assert K.resolve_claims_path(None) == K.BUNDLED_CLAIMS
    (tmp_path / "claims.yaml").write_text("schema_version: 1\n")
    assert K.resolve_claims_path(None).resolve() == tmp_path / "claims.yaml"
    monkeypatch.setenv("FACTCHECK_CLAIMS", "elsewhere.yaml")
    assert K.resolve_claims_path(None) == Path("elsewhere.yaml")


def test_bundled_claims_lives_in_the_package_data() -> None:
    assert K.BUNDLED_CLAIMS.name == "claims.yaml"
    assert K.BUNDLED_CLAIMS.parent.name == "data"
    assert (K.BUNDLED_CLAIMS.parent.parent / "kb.py").is_file()


def test_merge_refuses_to_produce_an_invalid_file() -> None:
    broken = KnowledgeBase(sources=[Source(id="port", title="P")],
                           claims=[_claim("ghost", 1, "Nobody owns this claim.")])
    with pytest.raises(KnowledgeBaseError) as caught:
        K.merge_kb(K.dump_kb(_old_kb()), broken, path="claims.yaml")
    assert str(caught.value).startswith(
        "claims.yaml: the merged knowledge base would be invalid: claims[1].source: unknown "
        "source 'ghost'")


def test_cache_rebuilds_when_the_package_code_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _kb_file(tmp_path)
    prepare = _Counter()
    cache = tmp_path / "cache"
    K.load_prepared(path, prepare, key="ids", cache_dir=cache)
    monkeypatch.setattr(K, "_code_fingerprint", lambda: "check.py edited")
    K.load_prepared(path, prepare, key="ids", cache_dir=cache)
    assert prepare.calls == 2


def test_code_fingerprint_sees_the_package_files() -> None:
    fingerprint = K._code_fingerprint()
    assert f"{Path(K.__file__)}:" in fingerprint
    assert "__pycache__" not in fingerprint


def test_fast_reader_gives_the_same_knowledge_base_as_the_ruamel_path() -> None:
    from factcheck import yamlio

    text = (Path(__file__).resolve().parents[1] / "claims.yaml").read_text("utf-8")
    edited = text.replace("claims:\n", "# curated below\nclaims:\n", 1).replace(
        "    extracted:", "    reviewed: true  # checked by hand\n    extracted:", 1)
    for variant in (text, edited):
        assert yamlio.load_plain(variant, iso_dates=True) is not None  # the fast path is taken
        slow = K._validate(K._load_tree(variant, "claims.yaml"), variant, "claims.yaml")
        assert K.parse_kb(variant, "claims.yaml") == slow
    assert any(c.reviewed for c in K.parse_kb(edited, "claims.yaml").claims)
