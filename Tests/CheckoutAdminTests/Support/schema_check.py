#!/usr/bin/env python3
"""Validate one JSON document against one of the project's JSON Schema fixtures (draft 2020-12).

usage: schema_check.py SCHEMA-FILE JSON-FILE|-

The fixtures live in ../Fixtures/schema. When SCHEMA-FILE is the session profile schema and the document
is a JSON array (what `profile export` writes for several profiles), every element is validated.

Output: one line per error, `<json path>: <message>`, on stdout (paths like `$[1].configuration.vipps`).
Exit status: 0 valid; 1 some error; 2 usage or setup problem (arguments, unreadable file, missing module,
a schema that is not valid JSON Schema).
"""

import json
import sys

try:
    import jsonschema
except ImportError:  # reported, never skipped: a missing module must fail the run
    sys.stderr.write("schema_check: python module missing: jsonschema (python3 -m pip install jsonschema)\n")
    sys.exit(2)

PROFILE_SCHEMA_SUFFIX = "session-profile.schema.json"


def usage_error(message):
    sys.stderr.write(f"schema_check: {message}\nusage: schema_check.py SCHEMA-FILE JSON-FILE|-\n")
    sys.exit(2)


def read_text(path):
    try:
        if path == "-":
            return sys.stdin.read()
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError as error:
        usage_error(f"cannot read '{path}': {error.strerror}")


def load_validator(schema_path):
    try:
        schema = json.loads(read_text(schema_path))
        jsonschema.Draft202012Validator.check_schema(schema)
    except (ValueError, jsonschema.SchemaError) as error:
        usage_error(f"'{schema_path}' is not a valid JSON Schema: {error}")
    return schema, jsonschema.Draft202012Validator(schema)


def json_path(base, segments):
    """`$`-rooted path of the failing value; keys that are not plain identifiers are quoted."""
    path = base
    for segment in segments:
        if isinstance(segment, int):
            path += f"[{segment}]"
        elif segment.replace("_", "a").isalnum():
            path += f".{segment}"
        else:
            path += f"[{json.dumps(segment)}]"
    return path


def describe(error):
    """jsonschema's message, except for read-only fields, whose `not {}` message would say nothing useful."""
    if error.validator == "not" and isinstance(error.schema, dict) and error.schema.get("readOnly") is True:
        name = error.path[-1] if error.path else "value"
        return f"'{name}' is read-only: a client must drop it from a write body"
    return error.message


def errors_of(validator, document, base):
    found = sorted(validator.iter_errors(document), key=lambda e: (list(map(str, e.path)), e.message))
    return [f"{json_path(base, error.path)}: {describe(error)}" for error in found]


def main(argv):
    if len(argv) != 3:
        usage_error("expected two arguments")
    schema, validator = load_validator(argv[1])
    text = read_text(argv[2])
    try:
        document = json.loads(text)
    except ValueError as error:
        print(f"$: not JSON: {error}")
        return 1
    is_profile_schema = str(schema.get("$id", "")).endswith(PROFILE_SCHEMA_SUFFIX)
    if is_profile_schema and isinstance(document, list):
        lines = [line for index, item in enumerate(document) for line in errors_of(validator, item, f"$[{index}]")]
    else:
        lines = errors_of(validator, document, "$")
    for line in lines:
        print(line)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
