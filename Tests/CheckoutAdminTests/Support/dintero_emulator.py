#!/usr/bin/env python3
"""A local emulator of Dintero's auth and checkout admin API, for tests of pull/diff/push.

usage: dintero_emulator.py [--port N] [--state FILE] [--schema-dir DIR] [--token-ttl SECONDS]

Listens on 127.0.0.1 (port 0 = a free port) and prints exactly one line, `listening http://127.0.0.1:<port>`,
once it accepts connections; runs until SIGTERM or SIGINT (exit 0). Python stdlib + jsonschema only.

Behaviour follows the project's DINTERO-API facts ("DINTERO-API" below); where Dintero's behaviour is not
documented the emulator picks the strict plausible answer and says so ("EMULATOR CHOICE").

EMULATOR CHOICES where DINTERO-API is silent (strict, plausible): request bodies must be sent as
application/json (415 otherwise); unknown query parameters are 400; POST returns 200; POST with a taken
profile_id (a soft-deleted one too) is 400 `profile_id_conflict`; a soft-deleted profile is listed and can
be read, but PUT and DELETE on it are 404; live profiles carry `deleted_at`/`deleted_by` as null; PUT keeps
the server-managed `payout.payment_products` (profile and checkout) and the envelope fields; every write
gets a strictly later `updated_at` (ISO 8601 UTC, milliseconds).

Routes (one server, both bases):
  POST   /v1/accounts/{aid}/auth/token            Basic client_id:client_secret, JSON body
                                                  {"grant_type": "client_credentials", "audience": ".../v1/accounts/{aid}"}
  GET    /v1/admin/checkout                       Bearer token; the token decides the account
  PUT    /v1/admin/checkout                       validated against checkout-configuration.schema.json
  GET    /v1/admin/session/profiles?limit=&starting_after=
  POST   /v1/admin/session/profiles               validated against session-profile.schema.json
  GET|PUT|DELETE /v1/admin/session/profiles/{profile_id}   (percent-decoded id)
  Control API for tests (no auth, loopback only, never logged, never faulted):
  GET|PUT /_emulator/state     GET|POST|DELETE /_emulator/faults     GET|DELETE /_emulator/requests

State document (--state FILE, GET/PUT /_emulator/state); every key but "accounts" is optional:
  {
    "token_ttl": 3600,                              # seconds a token lives (default: --token-ttl)
    "accounts": {
      "T12345678": {
        "client_id": "id", "client_secret": "secret",
        "checkout": {"configuration": {"merchant": {...}, "payment_options": [...], "payout": {...}?},
                     "created_by": "...", "updated_at": "2026-01-01T00:00:00.000Z"},
        "profiles": {"default": {<profile as GET returns it, read-only fields included>}, ...}
      }
    }
  }
Without --state the emulator starts with one account, T12345678 (client_id "test-client",
client_secret "test-secret"), a checkout configuration and a `default` profile. The file is only read.

Faults (POST /_emulator/faults, one object or an array). Each is queued; the first pending fault whose
"method" ("*" = any, the default) and "path" prefix ("/" default) match a request is applied to it, and
"times" (default 1) counts down to its removal. Kinds:
  {"kind": "status", "status": 429|500|502|503, "retry_after": 2}   answer with this status (429 adds
                                                                     Retry-After, default 1 second)
  {"kind": "delay", "ms": 1500}                                      wait, then answer normally
  {"kind": "drop"}                                                   close the connection, no response
  {"kind": "expire_tokens"}                                          expire every token, then answer
  {"kind": "backoffice_edit", "account": "T12345678", "target": "checkout"|"profile",
   "profile_id": "default", "patch": {...}}                          apply an RFC 7386 merge patch to the
        stored checkout document or profile (creating the profile when absent), bump its updated_at,
        then answer normally: a concurrent edit between a client's pull and push.

Request log (GET /_emulator/requests): [{"method", "path", "query", "authorization": bool,
"auth_scheme": "Basic"|"Bearer"|..., "status": int|null, "fault": kind|null, "body": parsed JSON|null}];
header values (secrets, tokens) are never recorded.
"""

import argparse
import base64
import copy
import datetime
import json
import os
import secrets
import signal
import socket
import string
import sys
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

try:
    import jsonschema
except ImportError:
    sys.stderr.write("dintero_emulator: python module missing: jsonschema (python3 -m pip install jsonschema)\n")
    sys.exit(2)

DEFAULT_SCHEMA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "schema")
AUTH_AUDIENCE_BASE = "https://api.dintero.com/v1/accounts/"  # DINTERO-API: the audience names the account
PAGE_DEFAULT, PAGE_MAX = 10, 100  # DINTERO-API: limit 1..100, default 10
BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
FAULT_KINDS = {"status", "delay", "drop", "expire_tokens", "backoffice_edit"}
FAULT_STATUSES = {429, 500, 502, 503}


class ApiError(Exception):
    """An answer in Dintero's error shape: {"error": {"code", "message", "errors"}} (Y24 Error)."""

    def __init__(self, status, code, message, errors=None, headers=None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.errors = errors or []
        self.headers = headers or {}

    def body(self):
        return {"error": {"code": self.code, "message": self.message, "errors": self.errors}}


# ---------------------------------------------------------------------------------------------- state


def default_state():
    """One test account with a checkout configuration and the `default` profile every account has."""
    stamp = "2026-01-01T00:00:00.000Z"
    return {
        "accounts": {
            "T12345678": {
                "client_id": "test-client",
                "client_secret": "test-secret",
                "checkout": {
                    "configuration": {
                        "merchant": {"name": "Example AS", "logo_url": "https://example.com/logo.png"},
                        "payment_options": [{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}],
                        "payout": {"payment_products": [{"payment_product": "dintero_psp"}]},
                    },
                    "created_by": "backoffice",
                    "updated_at": stamp,
                },
                "profiles": {
                    "default": {
                        "id": str(uuid.uuid4()), "created_at": stamp, "created_by": "backoffice", "updated_at": stamp,
                        "deleted_at": None, "deleted_by": None, "profile_id": "default",
                        "configuration": {"dintero_psp": {"creditcard": {"enabled": True, "generate_payment_token": False}}},
                    }
                },
            }
        }
    }


def check_state_shape(state):
    """Enough structure for the handlers not to crash; the content is the test's business."""
    if not isinstance(state, dict) or not isinstance(state.get("accounts"), dict):
        raise ApiError(400, "invalid_state", "state must be an object with an 'accounts' object")
    for account_id, account in state["accounts"].items():
        if not isinstance(account, dict) or not isinstance(account.get("profiles", {}), dict):
            raise ApiError(400, "invalid_state", f"account '{account_id}' must be an object whose 'profiles' is an object")
    if not isinstance(state.get("token_ttl", 1), (int, float)) or state.get("token_ttl", 1) <= 0:
        raise ApiError(400, "invalid_state", "token_ttl must be a positive number of seconds")


class Clock:
    """ISO 8601 UTC timestamps with milliseconds that strictly increase, so every write changes
    `updated_at` even when two writes fall in the same millisecond (clients detect drift by it)."""

    def __init__(self):
        self.last = None

    def stamp(self):
        now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
        # Compared at the precision printed: two writes 0.4 ms apart in one millisecond must still differ.
        now = now.replace(microsecond=now.microsecond // 1000 * 1000)
        if self.last is not None and now <= self.last:
            now = self.last + datetime.timedelta(milliseconds=1)
        self.last = now
        return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def merge_patch(target, patch):
    """RFC 7386: objects merge recursively, null removes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


class Emulator:
    """All mutable state behind one lock: accounts, tokens, queued faults and the request log."""

    def __init__(self, state, schema_dir, token_ttl):
        check_state_shape(state)
        self.lock = threading.Lock()
        self.state = state
        self.default_ttl = token_ttl
        self.tokens = {}  # token -> {"account", "client_id", "expires"}
        self.faults = []
        self.log = []
        self.clock = Clock()
        self.validators = {
            name: load_validator(os.path.join(schema_dir, f"{name}.schema.json"))
            for name in ("session-profile", "checkout-configuration")
        }

    def token_ttl(self):
        return self.state.get("token_ttl", self.default_ttl)

    def account(self, account_id):
        account = self.state["accounts"].get(account_id)
        if account is None:
            raise ApiError(401, "unauthorized", "the account of this token no longer exists")
        return account

    # ---- faults

    def take_fault(self, method, path):
        """The first pending fault matching the request, counted down (removed when used up)."""
        with self.lock:
            for fault in self.faults:
                if fault["method"] in ("*", method) and path.startswith(fault["path"]):
                    fault["times"] -= 1
                    if fault["times"] <= 0:
                        self.faults.remove(fault)
                    return copy.deepcopy(fault)
        return None

    def backoffice_edit(self, fault):
        """Somebody edits in Dintero's Backoffice: merge the patch, bump updated_at."""
        with self.lock:
            account = self.state["accounts"].get(fault["account"])
            if account is None:
                return
            if fault["target"] == "checkout":
                account["checkout"] = merge_patch(account.get("checkout", {}), fault["patch"])
                account["checkout"]["updated_at"] = self.clock.stamp()
                return
            profiles = account.setdefault("profiles", {})
            profile_id = fault["profile_id"]
            current = profiles.get(profile_id) or self.new_profile_envelope(profile_id, "backoffice")
            profiles[profile_id] = merge_patch(current, fault["patch"])
            profiles[profile_id]["updated_at"] = self.clock.stamp()

    def new_profile_envelope(self, profile_id, created_by):
        """The read-only fields Dintero adds to a new profile (DINTERO-API). EMULATOR CHOICE: live
        profiles carry `deleted_at`/`deleted_by` as null, so clients must test the value, not the key."""
        stamp = self.clock.stamp()
        return {"id": str(uuid.uuid4()), "created_at": stamp, "created_by": created_by, "updated_at": stamp,
                "deleted_at": None, "deleted_by": None, "profile_id": profile_id}


def load_validator(path):
    try:
        with open(path, encoding="utf-8") as handle:
            schema = json.load(handle)
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as error:
        sys.stderr.write(f"dintero_emulator: cannot load schema '{path}': {error}\n")
        sys.exit(2)
    return jsonschema.Draft202012Validator(schema)


def schema_errors(validator, document):
    """Schema violations as Dintero-style nested errors: [{"path": "$.a.b", "message": "..."}]."""
    errors = []
    for error in sorted(validator.iter_errors(document), key=lambda e: (list(map(str, e.path)), e.message)):
        path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.path)
        message = error.message
        if error.validator == "not" and isinstance(error.schema, dict) and error.schema.get("readOnly"):
            message = f"'{error.path[-1] if error.path else 'value'}' is read-only"
        errors.append({"path": path, "message": message})
    return errors


def same_secret(given, expected):
    """Constant-time comparison (bytes, so non-ASCII input cannot raise)."""
    return secrets.compare_digest(given.encode("utf-8"), str(expected or "").encode("utf-8"))


def validate_fault(fault):
    """A fault as queued, with defaults filled in; ApiError 400 when it cannot be understood."""
    if not isinstance(fault, dict) or fault.get("kind") not in FAULT_KINDS:
        raise ApiError(400, "invalid_fault", f"each fault needs a 'kind' among {sorted(FAULT_KINDS)}")
    fault = dict(fault)
    fault["method"] = str(fault.get("method", "*")).upper()
    fault["path"] = fault.get("path", "/")
    fault["times"] = fault.get("times", 1)
    if not isinstance(fault["times"], int) or fault["times"] < 1 or not isinstance(fault["path"], str):
        raise ApiError(400, "invalid_fault", "'times' must be a positive integer and 'path' a string")
    kind = fault["kind"]
    if kind == "status" and fault.get("status") not in FAULT_STATUSES:
        raise ApiError(400, "invalid_fault", f"'status' must be one of {sorted(FAULT_STATUSES)}")
    if kind == "delay" and not isinstance(fault.get("ms"), (int, float)):
        raise ApiError(400, "invalid_fault", "'ms' (milliseconds) is required for a delay")
    if kind == "backoffice_edit":
        target_ok = fault.get("target") == "checkout" or (fault.get("target") == "profile" and isinstance(fault.get("profile_id"), str))
        if not target_ok or not isinstance(fault.get("account"), str) or not isinstance(fault.get("patch"), dict):
            raise ApiError(400, "invalid_fault", "backoffice_edit needs 'account', 'target' (checkout, or profile "
                                                 "with 'profile_id') and a 'patch' object")
    return fault


# ---------------------------------------------------------------------------------------------- HTTP


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive like Dintero's hosts; every answer has a Content-Length
    # Headers and body go out in separate writes; with Nagle's algorithm on, the client's delayed ACK adds
    # ~40 ms to every answer on a kept-alive connection, which would swamp the bench of pull and push.
    disable_nagle_algorithm = True
    server_version = "dintero-emulator"
    emulator: Emulator = None  # set by serve()

    def log_message(self, format, *args):  # the request log is the control API, not stderr
        pass

    def do_GET(self):
        self.dispatch()

    def do_POST(self):
        self.dispatch()

    def do_PUT(self):
        self.dispatch()

    def do_DELETE(self):
        self.dispatch()

    def do_PATCH(self):
        self.dispatch()

    # ---- plumbing

    def dispatch(self):
        url = urllib.parse.urlsplit(self.path)
        self.route_path, self.query = url.path, url.query
        self.raw_body = self.read_body()
        if self.route_path.startswith("/_emulator/"):
            self.send_json(*self.outcome(self.control))
            return
        fault = self.emulator.take_fault(self.command, self.route_path)
        answer = self.apply_fault(fault) if fault else None
        if answer is None:
            answer = self.outcome(self.api)
        # Logged before answering: a test that has its answer always finds the entry.
        self.record(fault, None if answer == "drop" else answer[0])
        if answer == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        else:
            self.send_json(*answer)

    def record(self, fault, status):
        """One request-log entry; header values (secrets, tokens) are never kept, only the scheme."""
        authorization = self.headers.get("Authorization")
        entry = {"method": self.command, "path": self.route_path, "query": self.query,
                 "authorization": authorization is not None,
                 "auth_scheme": authorization.split(" ")[0] if authorization else None,
                 "status": status, "fault": fault["kind"] if fault else None, "body": self.body_for_log()}
        with self.emulator.lock:
            self.emulator.log.append(entry)

    def read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def body_for_log(self):
        try:
            return json.loads(self.raw_body) if self.raw_body else None
        except ValueError:
            return None

    def apply_fault(self, fault):
        """Act out a fault: "drop", an answer (status, body, headers), or None to go on answering normally."""
        kind = fault["kind"]
        if kind == "drop":
            return "drop"
        if kind == "status":
            headers = {"Retry-After": str(fault.get("retry_after", 1))} if fault["status"] == 429 else {}
            code = "too_many_requests" if fault["status"] == 429 else "server_error"
            error = ApiError(fault["status"], code, f"emulated fault: HTTP {fault['status']}", headers=headers)
            return error.status, error.body(), error.headers
        if kind == "delay":
            time.sleep(fault["ms"] / 1000.0)
        elif kind == "expire_tokens":
            with self.emulator.lock:
                for token in self.emulator.tokens.values():
                    token["expires"] = 0
        elif kind == "backoffice_edit":
            self.emulator.backoffice_edit(fault)
        return None

    def outcome(self, route):
        """(status, body, headers) of a route; ApiError (and anything unexpected) in Dintero's error shape."""
        try:
            status, body = route()
            return status, body, {}
        except ApiError as error:
            return error.status, error.body(), error.headers
        except Exception as error:  # a bug in the emulator must show up as a 500, not hang the client
            sys.stderr.write(f"dintero_emulator: {type(error).__name__}: {error}\n")
            return 500, ApiError(500, "server_error", "emulator bug").body(), {}

    def send_json(self, status, body, headers=None):
        data = (json.dumps(body, indent=None) + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def json_body(self):
        """The request body as JSON. EMULATOR CHOICE: a body must be declared application/json (415)."""
        if not (self.headers.get("Content-Type") or "").lower().startswith("application/json"):
            raise ApiError(415, "unsupported_media_type", "the body must be sent as application/json")
        try:
            return json.loads(self.raw_body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise ApiError(400, "invalid_json", f"the body is not JSON: {error}")

    # ---- routing

    def api(self):
        segments = self.route_path.split("/")
        # /v1/accounts/{aid}/auth/token
        if len(segments) == 6 and segments[1:3] == ["v1", "accounts"] and segments[4:] == ["auth", "token"]:
            self.require_method("POST")
            return self.issue_token(urllib.parse.unquote(segments[3]))
        if self.route_path == "/v1/admin/checkout":
            return self.checkout()
        if self.route_path == "/v1/admin/session/profiles":
            return self.profiles()
        prefix = "/v1/admin/session/profiles/"
        if self.route_path.startswith(prefix) and "/" not in self.route_path[len(prefix):] and len(self.route_path) > len(prefix):
            return self.profile(urllib.parse.unquote(self.route_path[len(prefix):]))
        raise ApiError(404, "not_found", f"no route {self.route_path}")

    def require_method(self, *allowed):
        if self.command not in allowed:
            raise ApiError(405, "method_not_allowed", f"{self.command} is not allowed here",
                           headers={"Allow": ", ".join(allowed)})

    # ---- auth (DINTERO-API: POST {auth base}/accounts/{aid}/auth/token)

    def issue_token(self, account_id):
        client_id = self.basic_client(account_id)
        body = self.json_body()
        if not isinstance(body, dict) or body.get("grant_type") != "client_credentials":
            raise ApiError(400, "invalid_request", "grant_type must be client_credentials")
        audience = body.get("audience")
        # The real audience is https://api.dintero.com/v1/accounts/{aid}; a client pointed at the emulator
        # may name the emulator's own base instead, so only the account part is compared.
        if not isinstance(audience, str) or not audience.startswith(("https://", "http://")) \
                or not audience.endswith(f"/v1/accounts/{account_id}"):
            raise ApiError(400, "invalid_request", f"audience must be {AUTH_AUDIENCE_BASE}{account_id}")
        token = secrets.token_urlsafe(32)
        ttl = self.emulator.token_ttl()
        with self.emulator.lock:
            self.emulator.tokens[token] = {"account": account_id, "client_id": client_id, "expires": time.time() + ttl}
        return 200, {"access_token": token, "token_type": "Bearer", "expires_in": ttl}

    def basic_client(self, account_id):
        """The client_id of valid Basic credentials for the account; 401 otherwise."""
        scheme, _, value = (self.headers.get("Authorization") or "").partition(" ")
        try:
            client_id, _, client_secret = base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            client_id = client_secret = None
        with self.emulator.lock:
            account = self.emulator.state["accounts"].get(account_id)
            valid = (scheme.lower() == "basic" and account is not None and client_id is not None
                     and same_secret(client_id, account.get("client_id"))
                     and same_secret(client_secret, account.get("client_secret")))
        if not valid:
            raise ApiError(401, "unauthorized", "invalid client credentials for this account")
        return client_id

    def bearer(self):
        """(account_id, client_id) of a valid bearer token; 401 for a missing, unknown or expired one."""
        scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "unauthorized", "missing bearer token")
        with self.emulator.lock:
            grant = self.emulator.tokens.get(token.strip())
            if grant is None:
                raise ApiError(401, "unauthorized", "invalid token")
            if grant["expires"] <= time.time():
                raise ApiError(401, "token_expired", "the access token has expired")
            if grant["account"] not in self.emulator.state["accounts"]:
                raise ApiError(401, "unauthorized", "the account of this token no longer exists")
            return grant["account"], grant["client_id"]

    # ---- /admin/checkout

    def checkout(self):
        self.require_method("GET", "PUT")
        account_id, client_id = self.bearer()
        if self.command == "GET":
            with self.emulator.lock:
                document = self.emulator.account(account_id).get("checkout")
                if document is None:
                    raise ApiError(404, "not_found", "the account has no checkout configuration")
                return 200, copy.deepcopy(document)
        body = self.json_body()
        self.validate("checkout-configuration", body)
        with self.emulator.lock:
            account = self.emulator.account(account_id)
            previous = account.get("checkout") or {}
            configuration = copy.deepcopy(body["configuration"])
            # A full replacement (DINTERO-API), except the read-only payout Dintero keeps.
            if "payout" in previous.get("configuration", {}):
                configuration["payout"] = previous["configuration"]["payout"]
            account["checkout"] = {"configuration": configuration, "created_by": client_id,
                                   "updated_at": self.emulator.clock.stamp()}
            return 200, copy.deepcopy(account["checkout"])

    def validate(self, schema_name, body):
        errors = schema_errors(self.emulator.validators[schema_name], body)
        if errors:
            raise ApiError(400, "validation_error", f"the body does not match {schema_name}", errors)

    # ---- /admin/session/profiles

    def profiles(self):
        self.require_method("GET", "POST")
        account_id, client_id = self.bearer()
        if self.command == "GET":
            return 200, self.list_profiles(account_id)
        body = self.json_body()
        self.validate("session-profile", body)
        with self.emulator.lock:
            profiles = self.emulator.account(account_id).setdefault("profiles", {})
            profile_id = body.get("profile_id") or self.generated_id(account_id, profiles)
            if profile_id in profiles:
                # EMULATOR CHOICE: Dintero documents no 409 for create; a taken id (a soft-deleted one
                # too) is a 400 with a conflict code.
                raise ApiError(400, "profile_id_conflict", f"profile '{profile_id}' already exists")
            profile = self.emulator.new_profile_envelope(profile_id, client_id)
            profile.update(copy.deepcopy(body), profile_id=profile_id)
            profiles[profile_id] = profile
            return 200, copy.deepcopy(profile)

    def list_profiles(self, account_id):
        """One page sorted by profile_id, soft-deleted profiles included (DINTERO-API)."""
        params = urllib.parse.parse_qs(self.query, keep_blank_values=True)
        unknown = set(params) - {"limit", "starting_after"}  # EMULATOR CHOICE: strict about the query
        if unknown:
            raise ApiError(400, "invalid_request", f"unknown query parameter(s): {', '.join(sorted(unknown))}")
        raw_limit = params.get("limit", [str(PAGE_DEFAULT)])[-1]
        if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= PAGE_MAX:
            raise ApiError(400, "invalid_request", f"limit must be an integer from 1 to {PAGE_MAX}")
        starting_after = params.get("starting_after", [None])[-1]
        with self.emulator.lock:
            profiles = self.emulator.account(account_id).get("profiles", {})
            ids = sorted(pid for pid in profiles if starting_after is None or pid > starting_after)
            return [copy.deepcopy(profiles[pid]) for pid in ids[:int(raw_limit)]]

    @staticmethod
    def generated_id(account_id, taken):
        """DINTERO-API: generated ids look like T12345678.46dP6T4F1mUXYPeYKYc5Gj (22 base62 characters)."""
        while True:
            candidate = account_id + "." + "".join(secrets.choice(BASE62) for _ in range(22))
            if candidate not in taken:
                return candidate

    def profile(self, profile_id):
        self.require_method("GET", "PUT", "DELETE")
        account_id, client_id = self.bearer()
        if self.command == "PUT":
            body = self.json_body()
            self.validate("session-profile", body)
            if body.get("profile_id", profile_id) != profile_id:
                raise ApiError(400, "invalid_request", "profile_id in the body must equal the one in the path")
        with self.emulator.lock:
            profiles = self.emulator.account(account_id).get("profiles", {})
            current = profiles.get(profile_id)
            if current is None:
                raise ApiError(404, "not_found", f"profile '{profile_id}' not found")
            if self.command == "GET":
                return 200, copy.deepcopy(current)
            # EMULATOR CHOICE: a soft-deleted profile can be read (and is listed) but not changed again.
            if current.get("deleted_at"):
                raise ApiError(404, "not_found", f"profile '{profile_id}' was deleted")
            if self.command == "DELETE":
                stamp = self.emulator.clock.stamp()
                current.update(deleted_at=stamp, deleted_by=client_id, updated_at=stamp)
                return 200, copy.deepcopy(current)
            profiles[profile_id] = self.replaced(current, body, profile_id)
            return 200, copy.deepcopy(profiles[profile_id])

    def replaced(self, current, body, profile_id):
        """PUT is a full replacement: the envelope's read-only fields stay, everything else comes from the
        body. payout.payment_products is server-managed, so it survives (a client cannot send it)."""
        profile = {key: current[key] for key in ("id", "created_at", "created_by", "deleted_at", "deleted_by") if key in current}
        profile.update(copy.deepcopy(body))
        profile.update(profile_id=profile_id, updated_at=self.emulator.clock.stamp())
        kept = current.get("configuration", {}).get("payout", {}).get("payment_products")
        if kept is not None:
            profile["configuration"].setdefault("payout", {})["payment_products"] = kept
        return profile

    # ---- control API (tests only)

    def control(self):
        if self.client_address[0] not in ("127.0.0.1", "::1"):
            raise ApiError(403, "forbidden", "the control API answers loopback clients only")
        emulator = self.emulator
        route = (self.command, self.route_path)
        if route == ("GET", "/_emulator/state"):
            with emulator.lock:
                return 200, copy.deepcopy(emulator.state)
        if route == ("PUT", "/_emulator/state"):
            state = self.json_body()
            check_state_shape(state)
            with emulator.lock:
                emulator.state = state
            return 200, {"ok": True}
        if route == ("POST", "/_emulator/faults"):
            body = self.json_body()
            faults = [validate_fault(fault) for fault in (body if isinstance(body, list) else [body])]
            with emulator.lock:
                emulator.faults.extend(faults)
                return 200, {"queued": len(faults), "pending": len(emulator.faults)}
        if route == ("GET", "/_emulator/faults"):
            with emulator.lock:
                return 200, copy.deepcopy(emulator.faults)
        if route == ("DELETE", "/_emulator/faults"):
            with emulator.lock:
                emulator.faults.clear()
            return 200, {"ok": True}
        if route == ("GET", "/_emulator/requests"):
            with emulator.lock:
                return 200, copy.deepcopy(emulator.log)
        if route == ("DELETE", "/_emulator/requests"):
            with emulator.lock:
                emulator.log.clear()
            return 200, {"ok": True}
        raise ApiError(404, "not_found", f"no control route {self.command} {self.route_path}")


# ---------------------------------------------------------------------------------------------- main


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Emulates Dintero's auth and checkout admin API on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=0, help="port to listen on; 0 picks a free one (default)")
    parser.add_argument("--state", help="JSON state document to start from (see the top of this file)")
    parser.add_argument("--schema-dir", default=DEFAULT_SCHEMA_DIR, help="folder of the *.schema.json fixtures")
    parser.add_argument("--token-ttl", type=int, default=3600, help="token lifetime in seconds (default 3600)")
    return parser.parse_args(argv)


def load_state(path):
    if path is None:
        return default_state()
    try:
        with open(path, encoding="utf-8") as handle:
            state = json.load(handle)
        check_state_shape(state)
        return state
    except (OSError, ValueError) as error:
        sys.stderr.write(f"dintero_emulator: cannot load state '{path}': {error}\n")
    except ApiError as error:
        sys.stderr.write(f"dintero_emulator: state '{path}': {error.message}\n")
    sys.exit(2)


def main(argv):
    arguments = parse_arguments(argv)
    Handler.emulator = Emulator(load_state(arguments.state), arguments.schema_dir, arguments.token_ttl)
    server = ThreadingHTTPServer(("127.0.0.1", arguments.port), Handler)
    server.daemon_threads = True

    def stop(signum, frame):
        # shutdown() waits for serve_forever to return, which runs in this thread: do it from another.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"listening http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
