#!/usr/bin/env python3
"""Writes a state document of N accounts (3 profiles, 4 methods each) for benchmarks and stress tests: a clean
estate, with no audit finding, so `audit` measures the rules rather than printing warnings."""
import json
import sys


def account(index):
    account_id = "T%08d" % index
    card = {"enabled": True}
    return {
        "account_id": account_id,
        "settings": {"name": "Merchant %d" % index, "logo_url": "https://example.com/%d.png" % index,
                     "country": "NO", "checkout_express": True, "session_customer_email": True},
        "payment_methods": [{"type": t, "currencies": ["NOK", "SEK"]} for t in
                            ["dintero_psp.creditcard", "dintero_psp.clicktopay", "vipps", "klarna.klarna"]],
        "profiles": [
            {"profile_id": "webshop", "description": "Web shop",
             "configuration": {"default_payment_type": "dintero_psp.creditcard",
                               "dintero_psp": {"creditcard": card, "clicktopay": {"enabled": True}},
                               "vipps": {"enabled": True}}},
            {"profile_id": "app", "configuration": {"active_payment_types": {"enabled": True}, "channel": "in_app"}},
            # Click to Pay is not offered in store: there is no hosted checkout there (the ctp-channel rule).
            {"profile_id": "pos", "configuration": {"klarna": {"klarna": {"enabled": True}}, "channel": "in_store",
                                                    "dintero_psp": {"creditcard": card}}},
        ],
    }


def main():
    count, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "w") as out:
        json.dump({"format_version": "1", "accounts": [account(i) for i in range(count)]}, out)


if __name__ == "__main__":
    main()
