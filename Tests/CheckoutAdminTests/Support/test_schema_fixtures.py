#!/usr/bin/env python3
"""Proves that the schema fixtures in ../Fixtures/schema are strict, through schema_check.py.

Run: python3 -m unittest -v test_schema_fixtures  (from this folder), or Support/run_python_tests.sh.
Each case runs the checker as a subprocess, so the command line and exit codes are tested as well.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "schema_check.py")
SCHEMA_DIR = os.path.join(HERE, "..", "Fixtures", "schema")
PROFILE = os.path.join(SCHEMA_DIR, "session-profile.schema.json")
CHECKOUT = os.path.join(SCHEMA_DIR, "checkout-configuration.schema.json")


def check(schema, document):
    """(exit status, stdout lines) of schema_check.py for `document`, given on stdin."""
    result = subprocess.run([sys.executable, CHECKER, schema, "-"], input=json.dumps(document),
                            capture_output=True, text=True, timeout=60)
    return result.returncode, result.stdout.splitlines()


CARD_AND_CLICK_TO_PAY = {
    "profile_id": "webshop",
    "description": "Norwegian web shop",
    "url": {"merchant_terms_url": "https://example.com/terms"},
    "configuration": {
        "active_payment_types": {"enabled": False},
        "auto_capture": False,
        "default_payment_type": "dintero_psp.creditcard",
        "dintero_psp": {
            "creditcard": {"enabled": True, "generate_payment_token": True,
                           "sca_policy": {"network_exemptions": {"low_value": True}}},
            "clicktopay": {"enabled": True, "generate_payment_token": False},
        },
        "vipps": {"enabled": True, "dynamic_descriptor": "Example AS"},
        "theme": {"backdrop": "#ffffff", "primary": "#003366"},
        "countries": {"preferred_country": "NO", "allow_countries": ["NO", "SE"]},
        "default_customer_type": "b2c",
        "allow_different_billing_shipping_address": ["b2c"],
        "publish": [{"channel": "sms", "type": "checkout-link"}],
        "discounts": {"order": {"enabled": False}},
    },
}

DISABLED_WITH_OPTIONS = {
    "profile_id": "T12345678.46dP6T4F1mUXYPeYKYc5Gj",
    "configuration": {
        "channel": "in_app",
        "active_payment_types": {"enabled": True},
        "payex": {"dynamic_descriptor": "EXAMPLE WEB",
                  "creditcard": {"enabled": False, "generate_payment_token": True,
                                 "generate_recurrence_token": False, "no_cvc": True}},
        "bambora": {"type": "payment_type",
                    "creditcard": {"type": "payment_product_type", "enabled": False, "generate_payment_token": False}},
        "kravia": {"invoice_b2c": {"enabled": False, "require_identity_verification": True, "days_until_due": 14}},
    },
}

COLLECTOR = {
    "profile_id": "walley",
    "configuration": {
        "default_payment_type": "collector.installment_b2b_preapproved",
        "collector": {
            "type": "payment_type",
            "invoice": {"type": "payment_product_type", "enabled": True, "payability": "payable",
                        "options": {"enable_on_hold": True}},
            "invoice_b2b": {"type": "payment_product_type", "enabled": True,
                            "options": {"disable_collector_b2b_address_enforcement": False}},
        },
        "instabank": {"installment": {"type": "payment_product_type", "enabled": True}},
    },
}

EXTERNAL = {
    "configuration": {
        "dintero": {"external": {"enabled": True,
                                 "display": {"payment_method_label": "Gift card", "button_label": "Pay with gift card"}}},
    },
}

CHECKOUT_CONFIGURATION = {
    "configuration": {
        "merchant": {"name": "Example AS", "logo_url": "https://example.com/logo.png", "country": "NO",
                     "platform_type": "aggregator"},
        "payment_options": [
            {"type": "dintero_psp.creditcard", "currencies": ["NOK", "SEK"],
             "details": {"sca_policy": "default", "test_processor": True}},
            {"type": "dintero_psp.applepay", "currencies": ["NOK"],
             "details": {"applepay_merchant_id": "merchant.com.example", "domain_names": ["example.com"]}},
            {"type": "collector.installment_b2b_preapproved", "currencies": ["SEK"]},
        ],
    },
}


def changed(document, edit):
    """A deep copy of `document` with `edit(copy)` applied."""
    result = copy.deepcopy(document)
    edit(result)
    return result


class ValidBodies(unittest.TestCase):
    def assert_valid(self, schema, document):
        status, lines = check(schema, document)
        self.assertEqual((status, lines), (0, []))

    def test_card_and_click_to_pay_profile(self):
        self.assert_valid(PROFILE, CARD_AND_CLICK_TO_PAY)

    def test_disabled_products_keep_their_options(self):
        self.assert_valid(PROFILE, DISABLED_WITH_OPTIONS)

    def test_collector_products_with_their_type(self):
        self.assert_valid(PROFILE, COLLECTOR)

    def test_dintero_external_with_labels(self):
        self.assert_valid(PROFILE, EXTERNAL)

    def test_payex_clicktopay_is_in_dinteros_schema(self):
        # The tool forbids it by its own rule; Dintero's schema accepts it.
        self.assert_valid(PROFILE, {"configuration": {"payex": {"clicktopay": {"enabled": True}}}})

    def test_array_of_profiles(self):
        self.assert_valid(PROFILE, [CARD_AND_CLICK_TO_PAY, COLLECTOR])

    def test_checkout_configuration_with_details(self):
        self.assert_valid(CHECKOUT, CHECKOUT_CONFIGURATION)


class RejectedBodies(unittest.TestCase):
    def assert_rejected(self, schema, document, path, fragment):
        """Exit 1 and an error line at `path` whose message contains `fragment`."""
        status, lines = check(schema, document)
        self.assertEqual(status, 1, lines)
        self.assertTrue(any(line.startswith(path + ": ") and fragment in line for line in lines), lines)

    def test_unknown_top_level_field(self):
        body = changed(CARD_AND_CLICK_TO_PAY, lambda b: b.update(metadata={"team": "web"}))
        self.assert_rejected(PROFILE, body, "$", "'metadata' was unexpected")

    def test_unknown_product_under_a_gateway(self):
        body = changed(CARD_AND_CLICK_TO_PAY, lambda b: b["configuration"]["dintero_psp"].update(paypal={"enabled": True}))
        self.assert_rejected(PROFILE, body, "$.configuration.dintero_psp", "'paypal' was unexpected")

    def test_product_missing_enabled(self):
        self.assert_rejected(PROFILE, {"configuration": {"payex": {"clicktopay": {}}}},
                             "$.configuration.payex.clicktopay", "'enabled' is a required property")

    def test_payex_creditcard_missing_token_flags(self):
        body = {"configuration": {"payex": {"creditcard": {"enabled": True, "generate_payment_token": False}}}}
        self.assert_rejected(PROFILE, body, "$.configuration.payex.creditcard", "'generate_recurrence_token' is a required")

    def test_dintero_psp_creditcard_without_generate_payment_token(self):
        body = changed(CARD_AND_CLICK_TO_PAY,
                       lambda b: b["configuration"]["dintero_psp"]["creditcard"].pop("generate_payment_token"))
        self.assert_rejected(PROFILE, body, "$.configuration.dintero_psp.creditcard", "'generate_payment_token' is a required")

    def test_default_payment_type_wallets(self):
        body = changed(CARD_AND_CLICK_TO_PAY, lambda b: b["configuration"].update(default_payment_type="dintero.wallets"))
        self.assert_rejected(PROFILE, body, "$.configuration.default_payment_type", "is not one of")

    def test_collector_installment_b2b_preapproved_product(self):
        body = changed(COLLECTOR, lambda b: b["configuration"]["collector"].update(
            installment_b2b_preapproved={"type": "payment_product_type", "enabled": True}))
        self.assert_rejected(PROFILE, body, "$.configuration.collector", "'installment_b2b_preapproved' was unexpected")

    def test_collector_product_without_type(self):
        body = changed(COLLECTOR, lambda b: b["configuration"]["collector"]["invoice"].pop("type"))
        self.assert_rejected(PROFILE, body, "$.configuration.collector.invoice", "'type' is a required property")

    def test_kravia_without_identity_verification(self):
        body = {"configuration": {"kravia": {"invoice_b2b": {"enabled": True}}}}
        self.assert_rejected(PROFILE, body, "$.configuration.kravia.invoice_b2b", "'require_identity_verification'")

    def test_dintero_external_without_labels(self):
        body = changed(EXTERNAL, lambda b: b["configuration"]["dintero"]["external"]["display"].pop("button_label"))
        self.assert_rejected(PROFILE, body, "$.configuration.dintero.external.display", "'button_label' is a required")
        self.assert_rejected(PROFILE, {"configuration": {"dintero": {"external": {"enabled": True}}}},
                             "$.configuration.dintero.external", "'display' is a required property")

    def test_read_only_envelope_fields(self):
        for field, value in (("id", "4f1c2d8e"), ("updated_at", "2026-01-01T00:00:00Z"), ("created_by", "x")):
            with self.subTest(field=field):
                body = changed(CARD_AND_CLICK_TO_PAY, lambda b: b.update({field: value}))
                self.assert_rejected(PROFILE, body, f"$.{field}", "read-only")

    def test_read_only_nested_fields(self):
        cases = (
            ("publish", [{"channel": "sms", "type": "checkout-link", "status": "sent"}], "$.configuration.publish[0].status"),
            ("payout", {"payment_products": [{"payment_product": "payex"}]}, "$.configuration.payout.payment_products"),
            ("discounts", {"type": "discounts"}, "$.configuration.discounts.type"),
        )
        for key, value, path in cases:
            with self.subTest(key=key):
                body = changed(CARD_AND_CLICK_TO_PAY, lambda b: b["configuration"].update({key: value}))
                self.assert_rejected(PROFILE, body, path, "read-only")

    def test_type_discriminator_only_where_n26_has_it(self):
        body = {"configuration": {"payex": {"swish": {"type": "payment_product_type", "enabled": True}}}}
        self.assert_rejected(PROFILE, body, "$.configuration.payex.swish", "'type' was unexpected")

    def test_profile_body_is_required_to_have_configuration(self):
        self.assert_rejected(PROFILE, {"profile_id": "x"}, "$", "'configuration' is a required property")

    def test_one_bad_element_of_an_array(self):
        self.assert_rejected(PROFILE, [CARD_AND_CLICK_TO_PAY, {"profile_id": "x"}], "$[1]", "'configuration'")

    def test_merchant_without_logo_url(self):
        body = changed(CHECKOUT_CONFIGURATION, lambda b: b["configuration"]["merchant"].pop("logo_url"))
        self.assert_rejected(CHECKOUT, body, "$.configuration.merchant", "'logo_url' is a required property")

    def test_lower_case_currency(self):
        body = changed(CHECKOUT_CONFIGURATION, lambda b: b["configuration"]["payment_options"][0].update(currencies=["nok"]))
        self.assert_rejected(CHECKOUT, body, "$.configuration.payment_options[0].currencies[0]", "does not match")

    def test_empty_currencies(self):
        body = changed(CHECKOUT_CONFIGURATION, lambda b: b["configuration"]["payment_options"][2].update(currencies=[]))
        self.assert_rejected(CHECKOUT, body, "$.configuration.payment_options[2].currencies", "should be non-empty")

    def test_checkout_read_only_fields(self):
        body = changed(CHECKOUT_CONFIGURATION, lambda b: b.update(updated_at="2026-01-01T00:00:00Z"))
        self.assert_rejected(CHECKOUT, body, "$.updated_at", "read-only")
        body = changed(CHECKOUT_CONFIGURATION, lambda b: b["configuration"].update(payout={"payment_products": []}))
        self.assert_rejected(CHECKOUT, body, "$.configuration.payout", "read-only")

    def test_checkout_requires_payment_options(self):
        body = changed(CHECKOUT_CONFIGURATION, lambda b: b["configuration"].pop("payment_options"))
        self.assert_rejected(CHECKOUT, body, "$.configuration", "'payment_options' is a required property")

    def test_unknown_payment_option_type(self):
        body = changed(CHECKOUT_CONFIGURATION, lambda b: b["configuration"]["payment_options"][0].update(type="ingenico.creditcard"))
        self.assert_rejected(CHECKOUT, body, "$.configuration.payment_options[0].type", "is not one of")


class CheckerCommandLine(unittest.TestCase):
    def run_checker(self, *args, stdin=""):
        return subprocess.run([sys.executable, CHECKER, *args], input=stdin, capture_output=True, text=True, timeout=60)

    def test_usage_errors_exit_2(self):
        self.assertEqual(self.run_checker().returncode, 2)
        self.assertEqual(self.run_checker(PROFILE, "/nonexistent/file.json").returncode, 2)

    def test_invalid_schema_exits_2(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            handle.write('{"type": 12}')
        try:
            self.assertEqual(self.run_checker(handle.name, "-", stdin="{}").returncode, 2)
        finally:
            os.unlink(handle.name)

    def test_document_that_is_not_json_exits_1(self):
        result = self.run_checker(PROFILE, "-", stdin="{not json")
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stdout.startswith("$: not JSON"))

    def test_file_argument(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            json.dump(CHECKOUT_CONFIGURATION, handle)
        try:
            self.assertEqual(self.run_checker(CHECKOUT, handle.name).returncode, 0)
        finally:
            os.unlink(handle.name)


if __name__ == "__main__":
    unittest.main()
