#!/usr/bin/env python3
"""Validate exported session profiles against Dintero's published PaymentConfiguration schema.

usage: validate_profiles.py --spec SPEC.yaml --allowed-types TYPE[,TYPE...] FILE...

SPEC.yaml is Dintero's Swagger 2.0 Checkout API (reference/dintero-spec-payments-2024-09.yaml). Each FILE
holds what `checkout-admin profile export` writes: one profile object or an array of them. The
`configuration` of every profile is validated against `#/definitions/PaymentConfiguration`, whose
`default_payment_type` enum predates some types of the tool's catalogue; it is replaced by
--allowed-types (the catalogue's allowed identifiers) and nothing else is changed.

Before validating anything, the helper proves that the validator works: a few deliberately invalid
configurations (e.g. `"auto_capture": "yes"`) must be rejected and a few valid ones accepted.

Exit status: 0 all valid; 1 some configuration is invalid; 2 usage or setup problem (missing module or
file, unresolvable $ref); 3 the validator failed its own self-check. Errors go to stderr.
"""

import argparse
import copy
import json
import sys

try:
    import jsonschema
    import yaml
except ImportError as error:  # reported, never skipped: the XCTest turns this into a failure
    sys.stderr.write(f"validate_profiles: python module missing: {error.name} "
                     f"(install it with: python3 -m pip install pyyaml jsonschema)\n")
    sys.exit(2)

ROOT = "PaymentConfiguration"
REF_PREFIX = "#/definitions/"

# (configuration, why it must be rejected)
MUST_REJECT = [
    ({"auto_capture": "yes"}, "auto_capture must be a boolean"),
    ({"channel": "ecommerce"}, "the schema knows only in_app and in_store; ecommerce is the default and never written"),
    ({"default_payment_type": "payex.clicktopay"}, "payex.clicktopay is not in the widened enum"),
    ({"default_payment_type": "dintero_psp.nonexistent"}, "not a catalogue type"),
    ({"active_payment_types": {"enabled": "true"}}, "active_payment_types.enabled must be a boolean"),
    ({"dintero_psp": {"creditcard": {}}}, "a product object requires enabled (found through a $ref)"),
    ({"vipps": {"enabled": 1}}, "vipps.enabled must be a boolean"),
]
# (configuration, why it must be accepted)
MUST_ACCEPT = [
    ({}, "nothing is required"),
    ({"default_payment_type": "dintero_psp.clicktopay", "dintero_psp": {"clicktopay": {"enabled": True}}},
     "the widened enum holds dintero_psp.clicktopay"),
    ({"theme": {"primary": "#000000"}}, "unknown keys are allowed"),
]


def fail_setup(message):
    sys.stderr.write(f"validate_profiles: {message}\n")
    sys.exit(2)


def load_definitions(spec_path):
    try:
        with open(spec_path, encoding="utf-8") as handle:
            spec = yaml.safe_load(handle)
    except OSError as error:
        fail_setup(f"cannot read spec '{spec_path}': {error.strerror}")
    definitions = spec.get("definitions") if isinstance(spec, dict) else None
    if not isinstance(definitions, dict) or ROOT not in definitions:
        fail_setup(f"'{spec_path}' has no definitions/{ROOT}")
    return definitions


def referenced_names(node):
    """Every definition name a `$ref` in `node` points to (Swagger 2.0 refs: `#/definitions/Name`)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            if not ref.startswith(REF_PREFIX):
                fail_setup(f"unsupported $ref '{ref}' (only {REF_PREFIX}... is resolved)")
            yield ref[len(REF_PREFIX):]
        for value in node.values():
            yield from referenced_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from referenced_names(value)


def check_references(definitions):
    """Follows every $ref reachable from the root; a dangling one is a setup error, not a silent pass."""
    seen, pending = set(), [ROOT]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        if name not in definitions:
            fail_setup(f"$ref '{REF_PREFIX}{name}' does not resolve")
        seen.add(name)
        pending.extend(referenced_names(definitions[name]))
    return seen


def widen_default_payment_type(definitions, allowed_types):
    """Replaces PaymentConfiguration's default_payment_type enum; refuses when the schema has moved."""
    root = definitions[ROOT]
    found = [part["properties"]["default_payment_type"] for part in root.get("allOf", [])
             if isinstance(part, dict) and "default_payment_type" in part.get("properties", {})]
    if len(found) != 1 or "enum" not in found[0]:
        fail_setup(f"cannot find the default_payment_type enum in {ROOT}")
    found[0]["enum"] = list(allowed_types)


def make_validator(spec_path, allowed_types):
    definitions = copy.deepcopy(load_definitions(spec_path))
    widen_default_payment_type(definitions, allowed_types)
    check_references(definitions)
    # The root schema carries the definitions, so `#/definitions/...` resolves inside this document.
    schema = dict(definitions[ROOT])
    schema["definitions"] = definitions
    validator_class = jsonschema.Draft4Validator  # Swagger 2.0 schemas are a draft-4 subset
    validator_class.check_schema(schema)
    return validator_class(schema)


def describe(error):
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path)
    return f"configuration{where}: {error.message}"


def self_check(validator):
    problems = []
    for configuration, why in MUST_REJECT:
        if not list(validator.iter_errors(configuration)):
            problems.append(f"accepted an invalid configuration {json.dumps(configuration)} ({why})")
    for configuration, why in MUST_ACCEPT:
        errors = [describe(error) for error in validator.iter_errors(configuration)]
        if errors:
            problems.append(f"rejected a valid configuration {json.dumps(configuration)} ({why}): {'; '.join(errors)}")
    if problems:
        for problem in problems:
            sys.stderr.write(f"validate_profiles: self-check failed: {problem}\n")
        sys.exit(3)
    return len(MUST_REJECT) + len(MUST_ACCEPT)


def profiles_in(path):
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as error:
        fail_setup(f"cannot read '{path}': {error.strerror}")
    except ValueError as error:
        fail_setup(f"'{path}' is not JSON: {error}")
    if isinstance(document, dict):
        return [("$", document)]
    if isinstance(document, list):
        return [(f"$[{index}]", profile) for index, profile in enumerate(document)]
    fail_setup(f"'{path}' holds neither a profile object nor an array of them")


def main():
    parser = argparse.ArgumentParser(description="Validate exported profiles against Dintero's PaymentConfiguration.")
    parser.add_argument("--spec", required=True, help="Dintero's Swagger 2.0 spec (YAML)")
    parser.add_argument("--allowed-types", required=True, help="comma-separated catalogue identifiers for default_payment_type")
    parser.add_argument("files", nargs="+", help="exported profiles: one object or an array per file")
    arguments = parser.parse_args()
    allowed_types = [name for name in arguments.allowed_types.split(",") if name]
    if not allowed_types:
        fail_setup("--allowed-types is empty")

    validator = make_validator(arguments.spec, allowed_types)
    checks = self_check(validator)

    invalid, count = [], 0
    for path in arguments.files:
        for where, profile in profiles_in(path):
            label = f"{path} {where} (profile_id {json.dumps(profile.get('profile_id')) if isinstance(profile, dict) else '?'})"
            if not isinstance(profile, dict) or not isinstance(profile.get("configuration"), dict):
                invalid.append(f"{label}: no configuration object")
                continue
            count += 1
            for error in sorted(validator.iter_errors(profile["configuration"]), key=lambda e: list(map(str, e.absolute_path))):
                invalid.append(f"{label}: {describe(error)}")
    if invalid:
        for line in invalid:
            sys.stderr.write(f"invalid: {line}\n")
        sys.exit(1)
    if count == 0:
        fail_setup("no profiles to validate")
    print(f"valid: {count} configurations against {ROOT} (self-check: {checks} cases)")


if __name__ == "__main__":
    main()
