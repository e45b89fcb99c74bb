"""Check data against the published JSON Schema and word each violation for a person, at its line and column."""
from __future__ import annotations

import functools
import json
import marshal
import os
import sys
import types
from pathlib import Path

from ..problems import Problem, did_you_mean

SCHEMA_FILES = {"map": "argmap.schema.json", "links": "links.schema.json", "model": "argmap-model.schema.json",
                "style": "style.schema.json"}

_TYPE_NAMES = {"string": "text", "array": "a list", "object": "a mapping", "boolean": "true or false",
               "integer": "a whole number", "number": "a number", "null": "nothing"}
_YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"}
_LENGTH_KEYWORDS = {"minLength", "maxLength", "minItems", "maxItems", "minProperties"}


def schema_path(kind: str = "map") -> Path:
    """Where the published schema file is: the repository's schema/ folder, or the copy installed with the package."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package.parent / "schema" / SCHEMA_FILES[kind], package / "data" / SCHEMA_FILES[kind]):
        if candidate.is_file():
            return candidate
    from importlib import resources

    return Path(str(resources.files("argmap") / "data" / SCHEMA_FILES[kind]))


def modeline(map_file: str | Path | None = None) -> str:
    """The YAML language server's modeline for a map, one that works wherever the map is read.

    A map inside the checkout that holds the schema (the repository's schema/ folder) points at it by a
    relative path, which travels with the repository. Anywhere else (a map outside the checkout, or
    argmap installed from a wheel, whose schema lies in site-packages) it names the schema's published
    address, its `$id`: a machine's own path would not work on any other machine.
    """
    schema = schema_path("map").resolve()
    if map_file is not None and schema.parent.name == "schema":
        folder = Path(map_file).resolve().parent
        if folder.is_relative_to(schema.parent.parent):
            return f"# yaml-language-server: $schema={Path(os.path.relpath(schema, folder)).as_posix()}"
    return f"# yaml-language-server: $schema={load_schema('map')['$id']}"


@functools.cache
def load_schema(kind: str = "map") -> dict:
    return json.loads(schema_path(kind).read_text(encoding="utf-8"))


_ANNOTATIONS = {"title", "description", "examples", "$comment"}


def inline_refs(schema: dict) -> dict:
    """The schema with every local `#/$defs/...` reference replaced by what it names.

    Resolving a $ref costs jsonschema a lookup each time it is met: on a thousand maps that is most of the
    validation time. The published schemas have no recursion, so inlining is exact and ends.
    """
    definitions = schema.get("$defs", {})

    def resolve(node):
        if isinstance(node, list):
            return [resolve(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {key: resolve(value) for key, value in node.items() if key != "$defs"}
        reference = node.pop("$ref", None)
        if reference is None:
            return node
        if not reference.startswith("#/$defs/"):
            raise ValueError(f"only local $defs references can be inlined, not {reference}")
        target = resolve(definitions[reference[len("#/$defs/"):]])
        clash = (set(node) & set(target)) - _ANNOTATIONS
        return {**target, **node} if not clash else {**node, "allOf": [target]}

    inlined = resolve(schema)
    inlined.pop("$id", None)
    return inlined


@functools.cache
def validator(kind: str = "map"):
    """The validator, built once per process from the schema with its references inlined (see inline_refs)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(inline_refs(load_schema(kind)))


def _cache_dir() -> Path | None:
    """The user's cache folder for argmap, or None when there is none (no HOME, as under `docker run -u`)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):
        home = os.path.expanduser("~")
        if home == "~" or not os.path.isabs(home):  # expanduser leaves "~" as it is when it knows no home
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "argmap"


class Refused(ValueError):
    """The fast validator's "not valid": its generated code raises this in place of fastjsonschema's own
    exceptions, so that a warm start does not import fastjsonschema at all."""

    def __init__(self, message: str = "", *_details, **_named_details):  # the generated code's call
        super().__init__(message)


_RECIPE = "2: inlined references, argmap's exception"  # how _compile makes the code: change it with _compile
_GENERATED_IMPORT = "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n"


def _generator_stamp() -> str | None:
    """What the cached code depends on besides the schema: Python's and fastjsonschema's versions (the latter
    from its installed files, without importing it). None when fastjsonschema is not installed."""
    from importlib.util import find_spec

    spec = find_spec("fastjsonschema")
    if spec is None or not spec.origin:
        return None
    try:
        status = os.stat(spec.origin)
    except OSError:
        return None
    return f"{_RECIPE}|{sys.version}|{spec.origin}|{status.st_size}|{status.st_mtime_ns}"


def _compile(text: bytes, kind: str) -> types.CodeType:
    import fastjsonschema

    # from the inlined schema (see inline_refs): each $ref would be a call that formats the node's path
    # for its message whether or not there is an error, a third of the validation time
    source = fastjsonschema.compile_to_code(inline_refs(json.loads(text))).replace(_GENERATED_IMPORT, "", 1)
    return compile(source, f"<fastjsonschema {kind}>", "exec")


def _read_cache(cached: Path, text: bytes, stamp: str) -> types.CodeType | None:
    """The cached code, if it was compiled from this very schema by this generator and only this user can
    have written it."""
    try:
        status = cached.stat()
        if status.st_uid != os.getuid() or status.st_mode & 0o022:
            return None
        entry = marshal.loads(cached.read_bytes())  # noqa: S302 - our own cache, owned and guarded as above
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(entry, tuple) and len(entry) == 3 and entry[0] == text and entry[1] == stamp
            and isinstance(entry[2], types.CodeType)):
        return None
    return entry[2]


def _write_cache(cached: Path, text: bytes, stamp: str, code: types.CodeType) -> None:
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.parent.chmod(0o700)
        temporary = cached.with_suffix(f".{os.getpid()}.part")
        temporary.write_bytes(marshal.dumps((text, stamp, code)))
        temporary.chmod(0o600)
        os.replace(temporary, cached)
    except OSError:
        pass  # a read-only home only costs the 40 ms again next time


@functools.cache
def fast_validator(kind: str = "map"):
    """fastjsonschema's compiled validator and the exception it raises for "not valid": many times faster than
    jsonschema, but it stops at the first error.

    It only answers "valid or not"; every error shown to a user comes from jsonschema. Generating its
    code costs ~40 ms, more than validating a small map, so the compiled code is cached on disk with the
    schema it came from (compared byte for byte, so no hash library is loaded at start-up). Returns None when
    fastjsonschema is not installed.
    """
    stamp = _generator_stamp()
    if stamp is None:
        return None
    text = schema_path(kind).read_bytes()
    folder = _cache_dir()
    cached = folder / f"{kind}-py{sys.version_info[0]}{sys.version_info[1]}.marshal" if folder else None
    code = _read_cache(cached, text, stamp) if cached else None
    if code is None:
        code = _compile(text, kind)
        if cached:
            _write_cache(cached, text, stamp, code)
    namespace: dict = {"JsonSchemaValueException": Refused, "JsonSchemaValuesException": Refused}
    exec(code, namespace)  # noqa: S102 - code that fastjsonschema generated from our own schema
    entry = next(name for name in namespace if name.startswith("validate") and "___defs_" not in name)
    # were the generated import not found (another fastjsonschema), it imported its own exceptions: catch those
    return namespace[entry], (namespace["JsonSchemaValueException"], namespace["JsonSchemaValuesException"])


def check(doc, kind: str = "map") -> list[Problem]:
    """Every schema violation in the document, worded for a person.

    The fast validator answers first; only a document it rejects goes through jsonschema, whose errors
    carry what a message needs. Where the two disagree, jsonschema decides.
    """
    fast = fast_validator(kind)
    if fast is not None:
        validate, refused = fast
        try:
            validate(doc.data)
            return []
        except refused:
            pass
    problems: list[Problem] = []
    for error in validator(kind).iter_errors(doc.data):
        problems.extend(_explain(doc, error))
    return list(dict.fromkeys(problems))  # jsonschema reports each missing property with all the others


def _describe(path) -> str:
    return ".".join(str(part) for part in path) or "the file"


def _type_name(types) -> str:
    if isinstance(types, str):
        types = [types]
    return " or ".join(_TYPE_NAMES.get(t, t) for t in types)


def _value_name(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    return "a list" if isinstance(value, list) else "a mapping"


def _explain(doc, error) -> list[Problem]:
    """One jsonschema error as problems at the node that caused it; each keyword is worded by its own function."""
    path = tuple(error.absolute_path)
    if "propertyNames" in error.schema_path:
        return _bad_id(doc, error, path)
    explain = _EXPLAIN.get(error.validator)
    if explain is None and error.validator in _LENGTH_KEYWORDS:
        explain = _length
    return (explain or _other)(doc, error, path)


def _bad_id(doc, error, path) -> list[Problem]:
    key = error.instance
    return [doc.problem((*path, key), "schema-pattern", f"{key!r} in {_describe(path)} is not a valid id",
                        "use letters, digits, '-', '_' or '.', starting with a letter or digit (e.g. 'no-freeze')",
                        key=True)]


def _required(doc, error, path) -> list[Problem]:
    where = _describe(path)
    missing = [name for name in error.validator_value if name not in error.instance]
    version = next((name for name in ("argmap", "argmap-links") if name in missing), None)
    found = []
    for name in missing:
        if not path and name == version:
            found.append(doc.problem(path, "schema-version", f"{where} is missing the required property {name!r}",
                                     f"start the file with '{name}: 1'", key=True))
        elif not path and name == "thesis":
            found.append(doc.problem(path, "missing-thesis", "the map names no thesis",
                                     "add 'thesis: ID' naming the claim the whole map argues for", key=True))
        else:
            found.append(doc.problem(path, "schema-required", f"{where} is missing the required property {name!r}",
                                     key=True))
    return found


def _unknown_property(doc, error, path) -> list[Problem]:
    known = error.schema.get("properties", {})
    return [doc.problem((*path, name), "schema-unknown-property", f"unknown property {name!r} in {_describe(path)}",
                        did_you_mean(name, known) or ("known properties: " + ", ".join(known) if known else None),
                        key=True)
            for name in error.instance if name not in known]


def _const(doc, error, path) -> list[Problem]:
    if path in (("argmap",), ("argmap-links",)):
        return [doc.problem(path, "schema-version",
                            f"this is format version {error.instance!r}; this argmap reads version 1",
                            f"write '{path[0]}: 1', or upgrade argmap")]
    return _other(doc, error, path)


def _type(doc, error, path) -> list[Problem]:
    return [doc.problem(path, "schema-type",
                        f"{_describe(path)} must be {_type_name(error.validator_value)}, "
                        f"not {_value_name(error.instance)}",
                        _type_hint(error.validator_value, error.instance))]


def _enum(doc, error, path) -> list[Problem]:
    allowed = ", ".join(map(str, error.validator_value))
    return [doc.problem(path, "schema-enum",
                        f"{_describe(path)} is {_value_name(error.instance)}; it must be one of: {allowed}",
                        did_you_mean(str(error.instance), map(str, error.validator_value)))]


def _pattern(doc, error, path) -> list[Problem]:
    description = error.schema.get("description") or f"it must match {error.validator_value}"
    return [doc.problem(path, "schema-pattern",
                        f"{_describe(path)} is {_value_name(error.instance)}, which is not of the required form",
                        description)]


def _length(doc, error, path) -> list[Problem]:
    return [doc.problem(path, "schema-length", f"{_describe(path)}: {_plain(error.message)}")]


def _any_of(doc, error, path) -> list[Problem]:
    types = [sub.get("type", "string") for sub in error.validator_value]
    options = " or ".join(_type_name(t) for t in types)
    meaning = ("true or false, or a mapping of 'if' and 'then' to claim ids" if "boolean" in types
               else "an id, or a list of ids")
    return [doc.problem(path, "schema", f"{_describe(path)} must be {options}: {meaning}")]


def _other(doc, error, path) -> list[Problem]:
    return [doc.problem(path, "schema", f"{_describe(path)}: {_plain(error.message)}")]


_EXPLAIN = {"required": _required, "additionalProperties": _unknown_property, "const": _const, "type": _type,
            "enum": _enum, "pattern": _pattern, "anyOf": _any_of}


def _type_hint(expected, value) -> str | None:
    expected = [expected] if isinstance(expected, str) else expected
    if "boolean" in expected and isinstance(value, str) and value in _YAML11_BOOLEANS:
        return "write true or false: argmap reads YAML 1.2, where yes/no/on/off are plain text"
    if "string" in expected and isinstance(value, (bool, int, float)):
        return "put the value in quotes to keep it as text"
    if "string" in expected and value is None:
        return "write the value after the colon, or remove the property"
    return None


def _plain(message: str) -> str:
    return message if len(message) < 200 else message[:197] + "..."
