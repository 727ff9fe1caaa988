#!/usr/bin/env python3
"""Tests of dintero_emulator.py, run as a subprocess on a free port (stdlib urllib/http.client only).

Run: python3 -m unittest -v test_dintero_emulator  (from this folder), or Support/run_python_tests.sh.
"""

import base64
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
EMULATOR = os.path.join(HERE, "dintero_emulator.py")
A, B = "T11111111", "P22222222"
STAMP = "2026-01-01T00:00:00.000Z"


def stored_profile(profile_id, deleted=False, **configuration):
    """A profile as the state holds it (read-only fields included)."""
    return {"id": f"id-{profile_id}", "created_at": STAMP, "created_by": "backoffice", "updated_at": STAMP,
            "deleted_at": STAMP if deleted else None, "deleted_by": "backoffice" if deleted else None,
            "profile_id": profile_id,
            "configuration": configuration or {"vipps": {"enabled": True}}}


def account(client_id, name, profiles):
    return {
        "client_id": client_id, "client_secret": f"secret-{client_id}",
        "checkout": {
            "configuration": {
                "merchant": {"name": name, "logo_url": "https://example.com/logo.png"},
                "payment_options": [{"type": "dintero_psp.creditcard", "currencies": ["NOK"], "details": {"sca_policy": "x"}},
                                    {"type": "vipps", "currencies": ["NOK"]}],
                "payout": {"payment_products": [{"payment_product": "dintero_psp"}]},
            },
            "created_by": "backoffice", "updated_at": STAMP,
        },
        "profiles": {profile["profile_id"]: profile for profile in profiles},
    }


def test_state():
    """Account A: 12 live profiles, one soft-deleted, one with an id that needs percent-encoding, and one
    whose payout.payment_products is stored. Account B: only `default`."""
    profiles = [stored_profile(f"p{index:02d}") for index in range(12)]
    profiles.append(stored_profile("gone", deleted=True))
    profiles.append(stored_profile("web shop/nø"))
    profiles.append(stored_profile("paid", vipps={"enabled": True},
                                   payout={"payment_products": [{"payment_product": "payex"}]}))
    return {"accounts": {A: account("client-a", "Shop A", profiles),
                         B: account("client-b", "Shop B", [stored_profile("default")])}}


class EmulatorProcess:
    """The emulator as a child process; `base` is its URL."""

    def __init__(self, *arguments):
        self.process = subprocess.Popen([sys.executable, EMULATOR, "--port", "0", *arguments],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.first_line = self.process.stdout.readline().rstrip("\n")
        match = re.fullmatch(r"listening (http://127\.0\.0\.1:(\d+))", self.first_line)
        if not match:
            self.process.kill()
            raise AssertionError(f"unexpected first line {self.first_line!r}: {self.process.stderr.read()}")
        self.base, self.port = match.group(1), int(match.group(2))

    def stop(self, signum=signal.SIGTERM):
        self.process.send_signal(signum)
        status = self.process.wait(timeout=10)
        self.process.stdout.close()
        self.process.stderr.close()
        return status


class Api:
    """A small HTTP client: every call returns (status, headers, parsed JSON body or None)."""

    def __init__(self, base):
        self.base = base

    def call(self, method, path, body=None, token=None, basic=None, content_type="application/json"):
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None and content_type:
            request.add_header("Content-Type", content_type)
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        if basic:
            request.add_header("Authorization", "Basic " + base64.b64encode(":".join(basic).encode()).decode())
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.headers, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            with error:
                return error.code, error.headers, json.loads(error.read() or b"null")

    def token_response(self, account_id, client_id, secret=None, audience=None):
        body = {"grant_type": "client_credentials",
                "audience": audience or f"https://api.dintero.com/v1/accounts/{account_id}"}
        return self.call("POST", f"/v1/accounts/{account_id}/auth/token", body,
                         basic=(client_id, secret or f"secret-{client_id}"))

    def token(self, account_id=A, client_id="client-a", secret=None):
        status, _, body = self.token_response(account_id, client_id, secret)
        assert status == 200, body
        return body["access_token"]


class EmulatorTestCase(unittest.TestCase):
    """One emulator for the whole module; every test starts from test_state() with no faults and no log."""

    emulator = None

    @classmethod
    def setUpClass(cls):
        if EmulatorTestCase.emulator is None:
            EmulatorTestCase.emulator = EmulatorProcess()
        cls.api = Api(EmulatorTestCase.emulator.base)

    def setUp(self):
        for method, path, body in (("PUT", "/_emulator/state", test_state()), ("DELETE", "/_emulator/faults", None),
                                   ("DELETE", "/_emulator/requests", None)):
            self.assertEqual(self.api.call(method, path, body)[0], 200)

    def assert_error(self, response, status, code=None):
        """Dintero's error shape: {"error": {"code", "message", "errors": [...]}}."""
        self.assertEqual(response[0], status, response[2])
        error = response[2]["error"]
        self.assertIsInstance(error["message"], str)
        self.assertIsInstance(error["errors"], list)
        if code:
            self.assertEqual(error["code"], code)
        return error

    def queue(self, *faults):
        status, _, body = self.api.call("POST", "/_emulator/faults", list(faults))
        self.assertEqual(status, 200, body)

    def state(self):
        return self.api.call("GET", "/_emulator/state")[2]


def tearDownModule():
    if EmulatorTestCase.emulator is not None:
        EmulatorTestCase.emulator.stop()


class TokenFlow(EmulatorTestCase):
    def test_good_credentials_give_a_bearer_token(self):
        status, _, body = self.api.token_response(A, "client-a")
        self.assertEqual(status, 200)
        self.assertEqual(body["token_type"], "Bearer")
        self.assertEqual(body["expires_in"], 3600)
        self.assertEqual(self.api.call("GET", "/v1/admin/checkout", token=body["access_token"])[0], 200)

    def test_bad_credentials_are_401(self):
        self.assert_error(self.api.token_response(A, "client-a", secret="wrong"), 401, "unauthorized")
        self.assert_error(self.api.token_response("T99999999", "client-a"), 401)
        self.assert_error(self.api.call("POST", f"/v1/accounts/{A}/auth/token",
                                        {"grant_type": "client_credentials"}), 401)

    def test_credentials_of_account_a_are_refused_for_account_b(self):
        self.assert_error(self.api.token_response(B, "client-a", audience=f"https://api.dintero.com/v1/accounts/{B}"), 401)

    def test_bad_body_is_400(self):
        basic = ("client-a", "secret-client-a")
        path = f"/v1/accounts/{A}/auth/token"
        self.assert_error(self.api.call("POST", path, {"grant_type": "password",
                                                       "audience": f"https://api.dintero.com/v1/accounts/{A}"}, basic=basic), 400)
        self.assert_error(self.api.token_response(A, "client-a", audience=f"https://api.dintero.com/v1/accounts/{B}"), 400)
        self.assert_error(self.api.call("POST", path, b"{not json", basic=basic), 400, "invalid_json")

    def test_the_token_decides_the_account(self):
        name_a = self.api.call("GET", "/v1/admin/checkout", token=self.api.token())[2]["configuration"]["merchant"]["name"]
        token_b = self.api.token(B, "client-b")
        name_b = self.api.call("GET", "/v1/admin/checkout", token=token_b)[2]["configuration"]["merchant"]["name"]
        self.assertEqual((name_a, name_b), ("Shop A", "Shop B"))
        self.assertEqual([p["profile_id"] for p in self.api.call("GET", "/v1/admin/session/profiles", token=token_b)[2]],
                         ["default"])
        self.assert_error(self.api.call("GET", "/v1/admin/session/profiles/p00", token=token_b), 404)

    def test_missing_or_unknown_token_is_401(self):
        self.assert_error(self.api.call("GET", "/v1/admin/checkout"), 401)
        self.assert_error(self.api.call("GET", "/v1/admin/session/profiles", token="not-a-token"), 401)

    def test_token_expires_after_expires_in(self):
        state = test_state()
        state["token_ttl"] = 1
        self.api.call("PUT", "/_emulator/state", state)
        status, _, body = self.api.token_response(A, "client-a")
        self.assertEqual(body["expires_in"], 1)
        self.assertEqual(self.api.call("GET", "/v1/admin/checkout", token=body["access_token"])[0], 200)
        time.sleep(1.2)
        self.assert_error(self.api.call("GET", "/v1/admin/checkout", token=body["access_token"]), 401, "token_expired")


class Checkout(EmulatorTestCase):
    def put_body(self, **merchant):
        return {"configuration": {"merchant": {"name": "Shop A2", "logo_url": "https://example.com/l.png", **merchant},
                                  "payment_options": [{"type": "vipps", "currencies": ["NOK", "SEK"]}]}}

    def test_get_carries_read_only_fields(self):
        status, _, body = self.api.call("GET", "/v1/admin/checkout", token=self.api.token())
        self.assertEqual(status, 200)
        self.assertEqual(set(body), {"configuration", "created_by", "updated_at"})
        self.assertIn("payment_products", body["configuration"]["payout"])

    def test_put_is_a_full_replacement(self):
        token = self.api.token()
        status, _, body = self.api.call("PUT", "/v1/admin/checkout", self.put_body(), token=token)
        self.assertEqual(status, 200, body)
        self.assertGreater(body["updated_at"], STAMP)
        after = self.api.call("GET", "/v1/admin/checkout", token=token)[2]
        self.assertEqual(after, body)
        self.assertEqual(after["configuration"]["payment_options"], [{"type": "vipps", "currencies": ["NOK", "SEK"]}])
        self.assertEqual(after["configuration"]["merchant"]["name"], "Shop A2")
        self.assertIn("payout", after["configuration"], "the read-only payout stays")

    def test_every_put_moves_updated_at_forward(self):
        token = self.api.token()
        stamps = [self.api.call("PUT", "/v1/admin/checkout", self.put_body(), token=token)[2]["updated_at"]
                  for _ in range(3)]
        self.assertEqual(stamps, sorted(set(stamps)))

    def test_schema_rejected_bodies_are_400_with_errors(self):
        token = self.api.token()
        body = self.put_body()
        body["updated_at"] = STAMP
        body["configuration"]["payment_options"][0]["currencies"] = ["nok"]
        del body["configuration"]["merchant"]["logo_url"]
        error = self.assert_error(self.api.call("PUT", "/v1/admin/checkout", body, token=token), 400, "validation_error")
        paths = {item["path"] for item in error["errors"]}
        self.assertEqual(paths, {"$.updated_at", "$.configuration.payment_options[0].currencies[0]", "$.configuration.merchant"})
        self.assertEqual(self.state()["accounts"][A]["checkout"]["updated_at"], STAMP, "nothing was written")

    def test_a_body_must_be_declared_json(self):
        self.assert_error(self.api.call("PUT", "/v1/admin/checkout", self.put_body(), token=self.api.token(),
                                        content_type="text/plain"), 415)

    def test_wrong_method_is_405(self):
        status, headers, _ = self.api.call("DELETE", "/v1/admin/checkout", token=self.api.token())
        self.assertEqual((status, headers["Allow"]), (405, "GET, PUT"))


class Profiles(EmulatorTestCase):
    def setUp(self):
        super().setUp()
        self.token = self.api.token()

    def list(self, query=""):
        return self.api.call("GET", "/v1/admin/session/profiles" + query, token=self.token)

    def test_default_page_is_10_sorted_by_profile_id(self):
        status, _, page = self.list()
        self.assertEqual(status, 200)
        self.assertEqual([p["profile_id"] for p in page], ["gone", "p00", "p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08"])

    def test_starting_after_walks_every_page(self):
        seen, cursor = [], None
        while True:
            page = self.list("?limit=4" + (f"&starting_after={urllib.parse.quote(cursor)}" if cursor else ""))[2]
            seen += [p["profile_id"] for p in page]
            if len(page) < 4:
                break
            cursor = page[-1]["profile_id"]
        self.assertEqual(seen, sorted(test_state()["accounts"][A]["profiles"]))

    def test_limit_is_1_to_100(self):
        state = test_state()
        state["accounts"][A]["profiles"] = {f"q{i:03d}": stored_profile(f"q{i:03d}") for i in range(105)}
        self.api.call("PUT", "/_emulator/state", state)
        self.assertEqual(len(self.list("?limit=100")[2]), 100)
        for bad in ("101", "0", "-1", "ten", ""):
            with self.subTest(limit=bad):
                self.assert_error(self.list(f"?limit={bad}"), 400)

    def test_lists_include_soft_deleted_profiles_and_read_only_fields(self):
        page = {p["profile_id"]: p for p in self.list("?limit=100")[2]}
        self.assertEqual(page["gone"]["deleted_by"], "backoffice")
        self.assertTrue(page["gone"]["deleted_at"])
        self.assertIsNone(page["p00"]["deleted_at"])
        for field in ("id", "created_at", "created_by", "updated_at"):
            self.assertIn(field, page["p00"])
        self.assertEqual(page["paid"]["configuration"]["payout"]["payment_products"], [{"payment_product": "payex"}])

    def test_get_one_with_a_percent_encoded_id(self):
        status, _, body = self.api.call("GET", "/v1/admin/session/profiles/" + urllib.parse.quote("web shop/nø", safe=""),
                                        token=self.token)
        self.assertEqual((status, body["profile_id"]), (200, "web shop/nø"))
        self.assert_error(self.api.call("GET", "/v1/admin/session/profiles/absent", token=self.token), 404, "not_found")

    def test_post_generates_an_id(self):
        status, _, body = self.api.call("POST", "/v1/admin/session/profiles",
                                        {"description": "new", "configuration": {"vipps": {"enabled": True}}}, token=self.token)
        self.assertEqual(status, 200, body)
        self.assertRegex(body["profile_id"], r"^T11111111\.[0-9A-Za-z]{22}$")
        self.assertEqual(body["created_by"], "client-a")
        got = self.api.call("GET", "/v1/admin/session/profiles/" + body["profile_id"], token=self.token)[2]
        self.assertEqual(got, body)

    def test_post_with_a_taken_id_is_refused(self):
        body = {"profile_id": "p00", "configuration": {"vipps": {"enabled": True}}}
        self.assert_error(self.api.call("POST", "/v1/admin/session/profiles", body, token=self.token), 400, "profile_id_conflict")
        body["profile_id"] = "gone"  # a soft-deleted profile still holds its id
        self.assert_error(self.api.call("POST", "/v1/admin/session/profiles", body, token=self.token), 400, "profile_id_conflict")

    def test_put_is_a_full_replacement(self):
        self.api.call("PUT", "/_emulator/state", self.with_description(test_state()))
        body = {"profile_id": "p01", "configuration": {"dintero_psp": {"creditcard": {"enabled": True, "generate_payment_token": False}}}}
        status, _, after = self.api.call("PUT", "/v1/admin/session/profiles/p01", body, token=self.token)
        self.assertEqual(status, 200, after)
        self.assertNotIn("description", after)
        self.assertEqual(after["configuration"], body["configuration"])
        self.assertEqual((after["id"], after["created_at"]), ("id-p01", STAMP))
        self.assertGreater(after["updated_at"], STAMP)

    @staticmethod
    def with_description(state):
        state["accounts"][A]["profiles"]["p01"]["description"] = "to be dropped"
        return state

    def test_put_keeps_server_managed_payout_products(self):
        body = {"profile_id": "paid", "configuration": {"vipps": {"enabled": False}}}
        after = self.api.call("PUT", "/v1/admin/session/profiles/paid", body, token=self.token)[2]
        self.assertEqual(after["configuration"]["payout"], {"payment_products": [{"payment_product": "payex"}]})

    def test_put_of_a_missing_profile_is_404(self):
        body = {"profile_id": "absent", "configuration": {"vipps": {"enabled": True}}}
        self.assert_error(self.api.call("PUT", "/v1/admin/session/profiles/absent", body, token=self.token), 404)
        self.assertNotIn("absent", self.state()["accounts"][A]["profiles"])

    def test_put_with_another_profile_id_is_400(self):
        body = {"profile_id": "p02", "configuration": {"vipps": {"enabled": True}}}
        self.assert_error(self.api.call("PUT", "/v1/admin/session/profiles/p01", body, token=self.token), 400)

    def test_schema_rejected_profile_bodies(self):
        bodies = (
            {"profile_id": "p01", "configuration": {"payex": {"clicktopay": {}}}},
            {"profile_id": "p01", "updated_at": STAMP, "configuration": {}},
            {"profile_id": "p01", "configuration": {"collector": {"installment_b2b_preapproved": {"enabled": True}}}},
        )
        for body in bodies:
            with self.subTest(body=body):
                error = self.assert_error(self.api.call("PUT", "/v1/admin/session/profiles/p01", body, token=self.token),
                                          400, "validation_error")
                self.assertTrue(error["errors"] and all({"path", "message"} <= set(e) for e in error["errors"]))
                error = self.assert_error(self.api.call("POST", "/v1/admin/session/profiles", body, token=self.token), 400)

    def test_delete_is_a_soft_delete(self):
        status, _, body = self.api.call("DELETE", "/v1/admin/session/profiles/p03", token=self.token)
        self.assertEqual(status, 200)
        self.assertTrue(body["deleted_at"])
        self.assertEqual(body["deleted_by"], "client-a")
        listed = {p["profile_id"]: p for p in self.list("?limit=100")[2]}
        self.assertEqual(listed["p03"]["deleted_at"], body["deleted_at"])
        self.assertEqual(self.api.call("GET", "/v1/admin/session/profiles/p03", token=self.token)[2], body)
        self.assert_error(self.api.call("DELETE", "/v1/admin/session/profiles/p03", token=self.token), 404)
        body = {"profile_id": "p03", "configuration": {"vipps": {"enabled": True}}}
        self.assert_error(self.api.call("PUT", "/v1/admin/session/profiles/p03", body, token=self.token), 404)
        self.assert_error(self.api.call("DELETE", "/v1/admin/session/profiles/absent", token=self.token), 404)


class Faults(EmulatorTestCase):
    def setUp(self):
        super().setUp()
        self.token = self.api.token()

    def get_checkout(self):
        return self.api.call("GET", "/v1/admin/checkout", token=self.token)

    def test_429_with_retry_after_once(self):
        self.queue({"kind": "status", "status": 429, "retry_after": 7, "method": "GET", "path": "/v1/admin/checkout"})
        status, headers, _ = self.get_checkout()
        self.assertEqual((status, headers["Retry-After"]), (429, "7"))
        self.assertEqual(self.get_checkout()[0], 200, "consumed once")

    def test_5xx_statuses_and_times(self):
        for code in (500, 502, 503):
            with self.subTest(status=code):
                self.queue({"kind": "status", "status": code, "times": 2})
                self.assert_error(self.get_checkout(), code)
                self.assert_error(self.get_checkout(), code)
                self.assertEqual(self.get_checkout()[0], 200)

    def test_method_and_path_prefix_must_match(self):
        self.queue({"kind": "status", "status": 503, "method": "PUT", "path": "/v1/admin/session/profiles"})
        self.assertEqual(self.get_checkout()[0], 200)
        self.assertEqual(self.api.call("GET", "/v1/admin/session/profiles", token=self.token)[0], 200)
        self.assertEqual(len(self.api.call("GET", "/_emulator/faults")[2]), 1, "still pending")
        body = {"profile_id": "p00", "configuration": {"vipps": {"enabled": True}}}
        self.assertEqual(self.api.call("PUT", "/v1/admin/session/profiles/p00", body, token=self.token)[0], 503)
        self.assertEqual(self.api.call("GET", "/_emulator/faults")[2], [])

    def test_delay(self):
        self.queue({"kind": "delay", "ms": 400})
        started = time.monotonic()
        self.assertEqual(self.get_checkout()[0], 200)
        self.assertGreaterEqual(time.monotonic() - started, 0.4)

    def test_drop_closes_the_connection_without_an_answer(self):
        self.queue({"kind": "drop", "path": "/v1/admin/checkout"})
        connection = http.client.HTTPConnection("127.0.0.1", EmulatorTestCase.emulator.port, timeout=10)
        try:
            connection.request("GET", "/v1/admin/checkout", headers={"Authorization": f"Bearer {self.token}"})
            with self.assertRaises((http.client.RemoteDisconnected, ConnectionResetError, http.client.BadStatusLine)):
                connection.getresponse()
        finally:
            connection.close()
        self.assertEqual(self.get_checkout()[0], 200)

    def test_expire_tokens(self):
        self.queue({"kind": "expire_tokens"})
        self.assert_error(self.get_checkout(), 401, "token_expired")
        self.token = self.api.token()
        self.assertEqual(self.get_checkout()[0], 200)

    def test_backoffice_edit_of_the_checkout_configuration(self):
        pulled = self.get_checkout()[2]
        self.queue({"kind": "backoffice_edit", "account": A, "target": "checkout", "method": "PUT",
                    "patch": {"configuration": {"merchant": {"name": "Edited in Backoffice"}}}})
        body = {"configuration": {"merchant": pulled["configuration"]["merchant"],
                                  "payment_options": pulled["configuration"]["payment_options"]}}
        status, _, pushed = self.api.call("PUT", "/v1/admin/checkout", body, token=self.token)
        self.assertEqual(status, 200)
        log = self.api.call("GET", "/_emulator/requests")[2]
        self.assertEqual(log[-1]["fault"], "backoffice_edit")
        # The edit landed first, then the push overwrote it (last writer wins, DINTERO-API).
        self.assertEqual(pushed["configuration"]["merchant"]["name"], "Shop A")

    def test_backoffice_edit_between_pull_and_push_moves_updated_at(self):
        self.queue({"kind": "backoffice_edit", "account": A, "target": "profile", "profile_id": "p05",
                    "patch": {"description": "edited", "configuration": {"vipps": None, "auto_capture": True}},
                    "method": "GET", "path": "/v1/admin/session/profiles/p05"})
        edited = self.api.call("GET", "/v1/admin/session/profiles/p05", token=self.token)[2]
        self.assertEqual(edited["description"], "edited")
        self.assertEqual(edited["configuration"], {"auto_capture": True})
        self.assertGreater(edited["updated_at"], STAMP)

    def test_backoffice_edit_can_create_a_profile(self):
        self.queue({"kind": "backoffice_edit", "account": A, "target": "profile", "profile_id": "fresh",
                    "patch": {"configuration": {"vipps": {"enabled": True}}}})
        self.get_checkout()
        fresh = self.state()["accounts"][A]["profiles"]["fresh"]
        self.assertEqual((fresh["profile_id"], fresh["created_by"]), ("fresh", "backoffice"))

    def test_invalid_faults_are_400(self):
        for fault in ({"kind": "explode"}, {"kind": "status", "status": 404}, {"kind": "delay"},
                      {"kind": "backoffice_edit", "account": A, "target": "profile", "patch": {}},
                      {"kind": "drop", "times": 0}):
            with self.subTest(fault=fault):
                self.assert_error(self.api.call("POST", "/_emulator/faults", fault), 400, "invalid_fault")
        self.assertEqual(self.api.call("GET", "/_emulator/faults")[2], [])


class RequestLog(EmulatorTestCase):
    def test_every_request_is_logged_without_secrets(self):
        token = self.api.token()
        self.api.call("GET", "/v1/admin/session/profiles?limit=5", token=token)
        self.api.call("GET", "/v1/admin/checkout")
        self.api.call("GET", "/_emulator/state")  # the control API is not logged
        log = self.api.call("GET", "/_emulator/requests")[2]
        summary = [(e["method"], e["path"], e["query"], e["authorization"], e["auth_scheme"], e["status"]) for e in log]
        self.assertEqual(summary, [
            ("POST", f"/v1/accounts/{A}/auth/token", "", True, "Basic", 200),
            ("GET", "/v1/admin/session/profiles", "limit=5", True, "Bearer", 200),
            ("GET", "/v1/admin/checkout", "", False, None, 401),
        ])
        text = json.dumps(log)
        self.assertNotIn(token, text)
        self.assertNotIn("secret-client-a", text)
        self.assertNotIn(base64.b64encode(b"client-a:secret-client-a").decode(), text)

    def test_faults_are_logged_and_the_log_can_be_cleared(self):
        self.queue({"kind": "status", "status": 502})
        self.api.call("GET", "/v1/admin/checkout")
        self.assertEqual([(e["status"], e["fault"]) for e in self.api.call("GET", "/_emulator/requests")[2]], [(502, "status")])
        self.assertEqual(self.api.call("DELETE", "/_emulator/requests")[0], 200)
        self.assertEqual(self.api.call("GET", "/_emulator/requests")[2], [])


class Process(unittest.TestCase):
    def test_state_file_and_signals(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            json.dump(test_state(), handle)
        try:
            for signum in (signal.SIGTERM, signal.SIGINT):
                with self.subTest(signal=signum):
                    emulator = EmulatorProcess("--state", handle.name, "--token-ttl", "60")
                    api = Api(emulator.base)
                    self.assertEqual(api.token_response(B, "client-b")[2]["expires_in"], 60)
                    self.assertEqual(emulator.stop(signum), 0)
        finally:
            os.unlink(handle.name)

    def test_exactly_one_line_on_stdout(self):
        emulator = EmulatorProcess()
        emulator.process.send_signal(signal.SIGTERM)
        out, err = emulator.process.communicate(timeout=10)
        self.assertEqual((emulator.process.returncode, out, err), (0, "", ""))

    def test_unreadable_state_file_exits_2(self):
        result = subprocess.run([sys.executable, EMULATOR, "--port", "0", "--state", "/nonexistent/state.json"],
                                capture_output=True, text=True, timeout=20)
        self.assertEqual((result.returncode, result.stdout), (2, ""))
        self.assertIn("cannot load state", result.stderr)

    def test_default_state_has_a_default_profile(self):
        emulator = EmulatorProcess()
        try:
            api = Api(emulator.base)
            token = api.token("T12345678", "test-client", "test-secret")
            status, _, body = api.call("GET", "/v1/admin/session/profiles/default", token=token)
            self.assertEqual((status, body["profile_id"]), (200, "default"))
        finally:
            self.assertEqual(emulator.stop(), 0)


if __name__ == "__main__":
    unittest.main()
