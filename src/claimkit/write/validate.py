"""JSON Schema of the record, and validation of serialised records.

The schema is generated from ``model.Claim``; ``schemas/claim.schema.json`` is
a copy kept in the repository for consumers, and a test fails if it drifts.
One ``Draft202012Validator`` is built once and reused (building it per record
is ~40x slower).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator, validators

from claimkit.model import SCHEMA_VERSION, Claim

SCHEMA_ID = f"https://claimkit.invalid/schemas/claim-{SCHEMA_VERSION}.schema.json"


@lru_cache(maxsize=1)
def claim_schema() -> dict[str, Any]:
    """The draft 2020-12 JSON Schema of one record."""
    schema = Claim.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def schema_text() -> str:
    """The schema as written to ``schemas/claim.schema.json``."""
    return json.dumps(claim_schema(), indent=2, ensure_ascii=False) + "\n"


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """Replace every local ``{"$ref": "#/$defs/X"}`` by a copy of X.

    The record schema is not recursive, so this terminates; resolving
    references is most of jsonschema's cost, and the inlined schema validates
    the same records about three times faster.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
            rest = {k: _inline_refs(v, defs) for k, v in node.items() if k != "$ref"}
            return {**target, **rest}
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


def _merge_nullable(node: Any) -> Any:
    """Rewrite ``anyOf: [{type: T, ...}, {type: null}]`` as ``{type: [T, null], ...}``.

    Equivalent for these shapes (object keywords ignore null), and it spares
    jsonschema a branch per nullable field.  Branches with ``enum`` or
    ``const`` are left alone.
    """
    if isinstance(node, list):
        return [_merge_nullable(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: _merge_nullable(v) for k, v in node.items()}
    branches = node.get("anyOf")
    if isinstance(branches, list) and len(branches) == 2 and {"type": "null"} in branches:
        other = branches[0] if branches[1] == {"type": "null"} else branches[1]
        if isinstance(other.get("type"), str) and not {"enum", "const", "anyOf", "oneOf"} & other.keys():
            rest = {k: v for k, v in node.items() if k != "anyOf"}
            return {**other, **rest, "type": [other["type"], "null"]}
    return node


# Keywords whose jsonschema functions use only the instance, the keyword's value,
# the subschema and ``validator.is_type`` / ``VALIDATORS`` (never the validator's
# own schema or resolver), plus annotations, which no validator reads.
_IN_PLACE = frozenset({"type", "enum", "const", "minimum", "required", "additionalProperties", "properties", "title", "description", "default"})


def _holds(validator: Any, schema: dict[str, Any], instance: Any) -> bool:
    """Whether ``instance`` passes every keyword of ``schema``, run with ``validator`` itself."""
    for keyword, value in schema.items():
        check = validator.VALIDATORS.get(keyword)
        if check is not None:
            for _ in check(validator, value, instance, schema) or ():
                return False
    return True


def _properties(validator: Any, properties: dict[str, Any], instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
    """jsonschema's ``properties`` keyword, minus most of its cost.

    The stock keyword ``descend``s into every property, and each descent builds
    an evolved validator (and a referencing resource): most of the time of
    validating a record.  Here a property whose subschema uses only the
    keywords in ``_IN_PLACE`` is first checked by running those same keyword
    functions with the current validator; only when that finds a problem (or
    the subschema has other keywords) does it descend as usual, so errors and
    their paths are exactly the stock ones."""
    if not validator.is_type(instance, "object"):
        return
    for name, subschema in properties.items():
        if name not in instance:
            continue
        value = instance[name]
        if isinstance(subschema, dict) and subschema.keys() <= _IN_PLACE and _holds(validator, subschema, value):
            continue
        yield from validator.descend(value, subschema, path=name, schema_path=name)


# The JSON types that Draft 2020-12's type checker gives instances of exactly
# these Python types (a float is also an "integer" when whole: left to it).
_EXACT_TYPES: dict[type, frozenset[str]] = {
    str: frozenset({"string"}),
    int: frozenset({"integer", "number"}),
    float: frozenset({"number"}),
    dict: frozenset({"object"}),
    list: frozenset({"array"}),
    bool: frozenset({"boolean"}),
    type(None): frozenset({"null"}),
}


_STOCK_TYPE = Draft202012Validator.VALIDATORS["type"]


def _type(validator: Any, types: Any, instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
    """jsonschema's ``type`` keyword with a shortcut for the common answer:
    an instance whose Python type plainly is one of the allowed JSON types
    passes without a call through the type checker; anything else (every
    failure included) goes to the stock keyword."""
    names = _EXACT_TYPES.get(instance.__class__)
    if names is not None and (types in names if isinstance(types, str) else not names.isdisjoint(types)):
        return
    yield from _STOCK_TYPE(validator, types, instance, schema)


_RecordValidator = validators.extend(Draft202012Validator, {"properties": _properties, "type": _type})


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    """One validator, built once, over the schema with references inlined and
    nullable fields merged (what it accepts is what ``claim_schema()`` accepts),
    with the cheaper ``properties`` keyword above."""
    schema = claim_schema()
    Draft202012Validator.check_schema(schema)
    return _RecordValidator(_merge_nullable(_inline_refs(schema, schema.get("$defs", {}))))  # type: ignore[no-any-return]


def errors(record: Any) -> list[str]:
    """Human-readable schema violations of one record (empty when valid)."""
    if validator().is_valid(record):
        return []
    out = []
    for err in sorted(validator().iter_errors(record), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in err.absolute_path) or "(record)"
        out.append(f"{where}: {err.message}")
    return out


def line_problems(text: str, article: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Every record of a JSONL text (blank lines skipped), as its line number
    and its problems, empty when it is valid: not JSON, schema violations,
    and, given the ``article`` it came from, spans its offsets do not index."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, [f"invalid JSON ({exc.msg})"]
            continue
        problems = errors(record)
        if not problems and article is not None:
            problems = list(span_errors(record, article))
        yield lineno, problems


def _spans_match(record: dict[str, Any], text: str) -> bool:
    """Whether every span of the record indexes ``text``: the check of
    ``span_errors`` without building a path for every node."""
    stack: list[Any] = [record]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "text" in node and "start" in node and "end" in node and text[node["start"] : node["end"]] != node["text"]:
                return False
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return True


def span_errors(record: dict[str, Any], text: str) -> Iterator[str]:
    """Spans of a record that do not satisfy ``text[start:end] == span.text``."""
    if _spans_match(record, text):
        return
    for path, span in iter_spans(record):
        if text[span["start"] : span["end"]] != span["text"]:
            yield f"{path}: text[{span['start']}:{span['end']}] != {span['text']!r}"


def iter_spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every {text,start,end} object in a serialised record, with its path."""
    stack: list[tuple[str, Any]] = [("", record)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            if {"text", "start", "end"} <= node.keys():
                yield path or "(record)", node
            for key, value in node.items():
                stack.append((f"{path}/{key}" if path else key, value))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                stack.append((f"{path}/{i}", value))
