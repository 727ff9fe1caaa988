"""Attacks with plain SQL on a store, and files that are not stores.

Plain INSERT/UPDATE/REPLACE/UPSERT must be refused by the store itself. What needs the triggers off for the
session (`.dbconfig enable_trigger off`, `PRAGMA writable_schema`, `DROP TRIGGER`) cannot be prevented in a
file the attacker owns, so `store check` must report it (exit 5). In no case may `profile export`,
`account export` or `dump` exit 0 with Click to Pay offered through a gateway other than dintero_psp."""
import os
import random
import shutil
import subprocess

from common import TALLY, cli, file_bytes, filled_store, foreign_click_to_pay, path, remove_store, scenario, sql
import common

ACCOUNT = "T00000000"
# Since schema step 3 the history is three tables (a write, its account groups, the values) behind a view.
FORGED_WRITE = "(1, 1, 1, '2026-01-01T00:00:00Z', 'mallory', 'forged', '')"
TRIGGERS_OFF = ".dbconfig enable_trigger off\nPRAGMA ignore_check_constraints = ON;\n"

# Plain DML: each must be refused by the store. (label, statement, does it touch Click to Pay?)
PLAIN_DML = [
    ("payment_method.type as a BLOB",
     "INSERT INTO payment_method (account_id, type, currencies) VALUES('%s', CAST('payex.clicktopay' AS BLOB), 'NOK')" % ACCOUNT, True),
    ("profile_method.type as a BLOB",
     "INSERT INTO profile_method (account_id, profile_id, type, options) VALUES('%s', 'webshop', CAST('payex.clicktopay' AS BLOB), '{}')" % ACCOUNT, True),
    ("profile.default_payment_type as a BLOB",
     "UPDATE profile SET default_payment_type = CAST('payex.clicktopay' AS BLOB) WHERE profile_id = 'webshop'", True),
    ("an escaped key in pass-through JSON (click\\u0074opay)",
     "UPDATE profile SET extra_configuration = '{\"payex\":{\"click\\u0074opay\":{\"enabled\":true}}}' "
     "WHERE profile_id = 'webshop'", True),
    ("a type without a dot, Click to Pay in its options",
     "INSERT INTO profile_method (account_id, profile_id, type, options) VALUES('%s', 'webshop', 'payex', '{\"clicktopay\":{\"enabled\":true}}')" % ACCOUNT,
     True),
    ("plain text payex.clicktopay (REPLACE INTO payment_method)",
     "REPLACE INTO payment_method (account_id, type, currencies) VALUES('%s', 'payex.clicktopay', 'NOK')" % ACCOUNT, True),
    ("upper-case PAYEX.CLICKTOPAY (UPSERT on profile_method)",
     "INSERT INTO profile_method (account_id, profile_id, type, options) VALUES('%s', 'webshop', 'PAYEX.CLICKTOPAY', '{}') ON CONFLICT DO NOTHING" % ACCOUNT,
     True),
    ("pass-through JSON with payex.clicktopay",
     "UPDATE profile SET extra_configuration = '{\"payex\":{\"clicktopay\":{\"enabled\":true}}}'", True),
    ("REPLACE INTO history_write rewriting write 1", "REPLACE INTO history_write VALUES%s" % FORGED_WRITE, False),
    ("UPSERT on history_write rewriting write 1",
     "INSERT INTO history_write VALUES%s ON CONFLICT(id) DO UPDATE SET actor = 'mallory'" % FORGED_WRITE, False),
    ("REPLACE INTO history_value rewriting value 1", "REPLACE INTO history_value VALUES (1, 0, '\"forged\"')", False),
    ("REPLACE INTO history_changes rewriting write 1",
     "REPLACE INTO history_changes VALUES (1, 0, '%s', '[]')" % ACCOUNT, False),
    ("UPDATE history_write", "UPDATE history_write SET actor = 'mallory' WHERE id = 1", False),
    ("UPDATE history_value", "UPDATE history_value SET json = 'null' WHERE id = 1", False),
    ("DELETE FROM history_changes", "DELETE FROM history_changes", False),
]


def triggers_off_attacks(base):
    """Attacks that switch the triggers off first: (label, sqlite3 scripts run one after another, touches Click
    to Pay?). Each must be reported by `store check`."""
    trigger = sql(base, "SELECT sql FROM sqlite_master WHERE name = 'profile_method_provider_rule_on_insert'")[1]
    return [
        (".dbconfig enable_trigger off: payex.clicktopay in payment_method",
         [TRIGGERS_OFF + "INSERT INTO payment_method (account_id, type, currencies) VALUES('%s', 'payex.clicktopay', 'NOK');" % ACCOUNT], True),
        ("DROP TRIGGER, insert payex.clicktopay into a profile, CREATE TRIGGER again (schema back as expected)",
         ["PRAGMA ignore_check_constraints = ON; DROP TRIGGER profile_method_provider_rule_on_insert; "
          "INSERT INTO profile_method (account_id, profile_id, type, options) VALUES('%s', 'webshop', 'payex.clicktopay', '{}'); %s;" % (ACCOUNT, trigger)],
         True),
        ("PRAGMA writable_schema removes the profile triggers, then payex Click to Pay in pass-through JSON",
         ["PRAGMA writable_schema = ON; DELETE FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'profile';",
          "UPDATE profile SET extra_configuration = '{\"payex\":{\"clicktopay\":{\"enabled\":true}}}' "
          "WHERE profile_id = 'webshop';"], True),
        (".dbconfig enable_trigger off: UPDATE a write's actor and command",
         [TRIGGERS_OFF + "UPDATE history_write SET actor = 'mallory', command = 'forged' WHERE id = 1;"], False),
        (".dbconfig enable_trigger off: UPDATE a value a change names",
         [TRIGGERS_OFF + "UPDATE history_value SET json = '\"forged\"' WHERE id = (SELECT max(id) FROM history_value);"],
         False),
        (".dbconfig enable_trigger off: DELETE an account's changes from a write",
         [TRIGGERS_OFF + "DELETE FROM history_changes WHERE position = (SELECT max(position) FROM history_changes);"],
         False),
        (".dbconfig enable_trigger off: REPLACE INTO history_write rewriting write 1",
         [TRIGGERS_OFF + "REPLACE INTO history_write VALUES%s;" % FORGED_WRITE], False),
        ("DROP TABLE history", ["DROP VIEW history; DROP TABLE history_write;"], False),
    ]


def attacked_copy(base, scripts):
    """A copy of `base` with the sqlite3 `scripts` run on it; returns (store, exit and stderr of the last one)."""
    store = path("attacked.sqlite")
    remove_store(store)
    shutil.copyfile(base, store)
    status, error = 0, ""
    for script in scripts:
        status, _, error = sql(store, script)
    return store, status, error


def exported_leaks(store):
    """The export commands that exit 0 with a foreign Click to Pay in their output."""
    leaks = []
    for words in (["profile", "export", ACCOUNT], ["account", "export", ACCOUNT], ["dump"]):
        result = cli(store, *words)
        found = result.returncode == 0 and foreign_click_to_pay(result.stdout.decode(errors="replace"))
        if found:
            leaks.append("`%s` exits 0 with %s" % (" ".join(words), found))
    return leaks


def check_summary(store):
    result = cli(store, "store", "check")
    failed = [line.split(":")[0] for line in result.stdout.decode(errors="replace").splitlines()
              if line.endswith("FAILED")]
    return result.returncode, failed


def raw_sql_attacks():
    """Each plain-DML attack against a store holding dintero_psp.clicktopay must be refused by the store; each
    attack with the triggers off must be reported by `store check`; no export may exit 0 with a foreign Click to
    Pay. A write after `DROP TABLE history` must exit 5, not 70."""
    scenario("raw SQL attacks on the Click to Pay rule and the history (a store with one account)")
    base = filled_store("attack-base.sqlite", 1)
    refused = reported = leaking = 0
    for label, statement, click_to_pay in PLAIN_DML:
        store, status, error = attacked_copy(base, [statement + ";"])
        code, failed = check_summary(store)
        refused += status != 0
        detail = ("sqlite3: " + error.splitlines()[-1][:120]) if status != 0 else "got in; store check exit %d%s" % (code, " (%s)" % ", ".join(failed) if failed else "")
        TALLY.check("plain SQL refused by the store: %s" % label, status != 0, detail,
                    ["the statement itself is wrong: " + error] if "Parse error" in error else [])
        if click_to_pay:
            leaks = exported_leaks(store)
            leaking += bool(leaks)
            TALLY.check("never exported: %s" % label, not leaks, problems=leaks)
    for label, scripts, click_to_pay in triggers_off_attacks(base):
        store, status, _ = attacked_copy(base, scripts)
        code, failed = check_summary(store)
        reported += code == 5
        problems = [] if code == 5 else ["store check exit %d after the attack (sqlite3 exit %d)" % (code, status)]
        if label == "DROP TABLE history":
            write = cli(store, "settings", "set", ACCOUNT, "name=After")
            if write.returncode != 5:
                problems.append("a write afterwards exits %d, not 5" % write.returncode)
        TALLY.check("triggers off, reported by store check: %s" % label, True,
                    "store check exit %d%s" % (code, " (%s)" % ", ".join(failed) if failed else ""), problems)
        if click_to_pay:
            leaks = exported_leaks(store)
            leaking += bool(leaks)
            TALLY.check("never exported: %s" % label, not leaks, problems=leaks)
    print("  figures: plain DML %d, refused %d; triggers-off attacks %d, reported by store check %d; attacks "
          "whose Click to Pay an export emitted with exit 0: %d"
          % (len(PLAIN_DML), refused, len(triggers_off_attacks(base)), reported, leaking))


def foreign_stores():
    """Files that are not checkout-admin stores (random bytes, empty, truncated, another application's database,
    a newer schema, a directory, a symlink): every command exits 5 and leaves them byte-identical, without
    sidecar files."""
    scenario("stores that are not ours: each must exit 5, stay byte-identical, get no sidecar files")
    real = path("real.sqlite")
    cli(real, "account", "add", "T00000001")
    other = path("other.sqlite")
    subprocess.run(["sqlite3", other, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');"], check=True)
    newer = path("newer.sqlite")
    shutil.copyfile(real, newer)
    subprocess.run(["sqlite3", newer, "PRAGMA user_version = 99"], check=True)
    rng = random.Random(5)
    cases = {
        "random bytes": bytes(rng.getrandbits(8) for _ in range(8192)),
        "zero bytes": b"",
        "truncated store": file_bytes(real)[:50],
        "another application's database": file_bytes(other),
        "newer schema": file_bytes(newer),
    }
    tried, problems = 0, []
    for name, content in cases.items():
        store = path("foreign-" + name.replace(" ", "-").replace("'", ""))
        with open(store, "wb") as out:
            out.write(content)
        for words in (["account", "list"], ["account", "add", "T00000002"], ["store", "check"], ["dump"]):
            tried += 1
            result = cli(store, *words)
            sidecars = [s for s in ("-wal", "-shm", "-journal") if os.path.exists(store + s)]
            if result.returncode != 5 or file_bytes(store) != content or sidecars:
                problems.append("%s / %s: exit %d, sidecars %s" % (name, " ".join(words), result.returncode, sidecars))
    directory = path("a-directory")
    os.makedirs(directory, exist_ok=True)
    link = path("a-symlink.sqlite")
    if not os.path.lexists(link):
        os.symlink(real, link)
    for name, store in (("a directory", directory), ("a symlink", link)):
        tried += 1
        result = cli(store, "account", "add", "T00000003")
        if result.returncode != 5:
            problems.append("%s: exit %d" % (name, result.returncode))
    TALLY.check("foreign files refused with exit 5, untouched", True,
                "inputs tried %d, refused as required %d" % (tried, tried - len(problems)), problems)


def run():
    raw_sql_attacks()
    foreign_stores()
