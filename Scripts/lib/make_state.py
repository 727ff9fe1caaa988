#!/usr/bin/env python3
"""Writes a state document of N accounts (3 profiles, 4 methods each) for benchmarks and stress tests: a clean
estate, with no audit finding, so `audit` measures the rules rather than printing warnings. The document is
written one account at a time (the bytes of json.dump of the whole), so 1 000 000 accounts need no more memory
than 10. With --sql it writes instead the same settings, methods, profiles and profile methods as INSERTs into
the minimal schema of Scripts/lib/bench_scale.py (the sqlite3 shell's floor for apply).
Usage: make_state.py COUNT PATH [--sql]"""
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


def write_document(count, out):
    out.write('{"format_version": "1", "accounts": [')
    for index in range(count):
        out.write((", " if index else "") + json.dumps(account(index)))
    out.write("]}")


def quoted(value):
    return "NULL" if value is None else "'" + str(value).replace("'", "''") + "'"


def insert(table, rows):
    return "INSERT INTO %s VALUES %s;\n" % (table, ",".join("(" + ",".join(map(quoted, row)) + ")" for row in rows))


def write_sql(count, out):
    """One transaction of INSERTs carrying what apply stores: settings as text, currencies joined, profile fields,
    and each profile's products with their options as compact JSON."""
    out.write("BEGIN;\n")
    for index in range(count):
        entry = account(index)
        key = entry["account_id"]
        out.write(insert("account", [(key,)]))
        out.write(insert("setting", [(key, name, str(value).lower() if isinstance(value, bool) else value)
                                     for name, value in entry["settings"].items()]))
        out.write(insert("payment_method", [(key, method["type"], ",".join(method["currencies"]))
                                            for method in entry["payment_methods"]]))
        profiles, products = [], []
        for profile in entry["profiles"]:
            configuration = profile["configuration"]
            profiles.append((key, profile["profile_id"], profile.get("description"),
                             configuration.get("channel", "ecommerce"), configuration.get("default_payment_type")))
            for gateway, members in configuration.items():
                if not isinstance(members, dict) or gateway == "active_payment_types":
                    continue
                if "enabled" in members:
                    products.append((key, profile["profile_id"], gateway, json.dumps({}, separators=(",", ":"))))
                    continue
                for product, options in members.items():
                    products.append((key, profile["profile_id"], "%s.%s" % (gateway, product),
                                     json.dumps({k: v for k, v in options.items() if k != "enabled"}, separators=(",", ":"))))
        out.write(insert("profile", profiles))
        out.write(insert("profile_method", products))
    out.write("COMMIT;\n")


def main():
    count, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "w") as out:
        (write_sql if sys.argv[3:] == ["--sql"] else write_document)(count, out)


if __name__ == "__main__":
    main()
