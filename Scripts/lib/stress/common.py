"""What every scenario shares: the binary under test, the scratch folder, running it, and the tally of checks.

A *check* is one promise tested by a scenario (it may take many attempts). Each is recorded once, as passed or
failed, with its figures; the run ends with `stress: N passed, M failed`.
"""
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import time

BIN = WORK = None
QUICK = False
ALLOWED_EXITS = {0, 1, 2, 3, 4, 5}
TABLES = ("account", "setting", "payment_method", "profile", "profile_method", "history")


def configure(binary, work, quick):
    global BIN, WORK, QUICK
    BIN, WORK, QUICK = os.path.abspath(binary), os.path.abspath(work), quick


def path(name):
    """A path in the scratch folder."""
    return os.path.join(WORK, name)


def cli(store, *words, stdin=None, stdout=subprocess.PIPE, timeout=120, env=None):
    """Runs the binary on `store`; returns the CompletedProcess (stdout None when it was redirected)."""
    environment = {**os.environ, "CI": "1", **(env or {})}
    return subprocess.run([BIN, "--store", store, *words], input=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          timeout=timeout, env=environment)


def popen(store, *words, **options):
    options.setdefault("stdout", subprocess.DEVNULL)
    options.setdefault("stderr", subprocess.DEVNULL)
    return subprocess.Popen([BIN, "--store", store, *words], env={**os.environ, "CI": "1"}, **options)


def sql(store, statement):
    """Runs `statement` with the sqlite3 shell; returns (exit code, stdout, stderr)."""
    result = subprocess.run(["sqlite3", store], input=statement.encode(), capture_output=True)
    return result.returncode, result.stdout.decode(errors="replace").strip(), result.stderr.decode(errors="replace").strip()


def logical_content(store):
    """A hash of the store's rows and schema as `sqlite3 .dump` prints them, in sorted order (file bytes change
    with checkpoints; rows may not; `VACUUM INTO` may list indexes in another order and leaves out the empty
    `sqlite_sequence` that only schema step 2's dropped history table needed). None when the file does not exist."""
    if not os.path.exists(store):
        return None
    dump = subprocess.run(["sqlite3", "-readonly", store, ".dump"], capture_output=True)
    if dump.returncode != 0:
        return "unreadable by sqlite3: " + dump.stderr.decode(errors="replace").strip()
    lines = sorted(line for line in dump.stdout.splitlines() if b"sqlite_sequence" not in line)
    return hashlib.sha256(b"\n".join(lines)).hexdigest()


def file_bytes(name):
    with open(name, "rb") as handle:
        return handle.read()


def row_counts(store):
    """Rows per table (history: its changes), read without the tool; None when the store cannot be read."""
    try:
        database = sqlite3.connect("file:%s?mode=ro" % store, uri=True, timeout=10)
        try:
            return {table: database.execute(count_query(database, table)).fetchone()[0] for table in TABLES}
        finally:
            database.close()
    except sqlite3.Error:
        return None


def count_query(database, table):
    """`count(*)`, but for the history of a schema-3 store the sum its writes keep: the view `history` unpacks
    every change, too slow for a poll."""
    if table == "history" and database.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'history_write'").fetchone()[0]:
        return "SELECT coalesce(sum(changes), 0) FROM history_write"
    return "SELECT count(*) FROM %s" % table


def remove_store(store):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.lexists(store + suffix):
            os.remove(store + suffix)


def leftover_temporaries(store):
    """`<name>.tmp-<pid>` files (and their journals) beside `store`, as a killed run leaves them."""
    folder, name = os.path.split(store)
    return sorted(entry for entry in os.listdir(folder) if entry.startswith(name + ".tmp-"))


def make_state(count):
    """A state document of `count` accounts (Scripts/lib/make_state.py), made once per size."""
    name = path("state%d.json" % count)
    if not os.path.exists(name):
        here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        subprocess.run([sys.executable, os.path.join(here, "make_state.py"), str(count), name], check=True)
    return name


def filled_store(name, accounts):
    """A store holding `accounts` accounts from a state document."""
    store = path(name)
    remove_store(store)
    result = cli(store, "apply", make_state(accounts))
    if result.returncode != 0:
        raise RuntimeError("setting up %s: apply exited %d: %s" % (name, result.returncode, result.stderr.decode()))
    return store


# A <gateway>.clicktopay from any gateway but dintero_psp, as a type string or as a key path.
FOREIGN_TYPE = re.compile(r"\b(?!dintero_psp\.)([A-Za-z0-9_-]+)\.clicktopay\b", re.IGNORECASE)


def foreign_click_to_pay(text):
    """Where `text` (a command's output) offers Click to Pay through a gateway other than dintero_psp:
    a `gw.clicktopay` string anywhere, or an object `{"gw": {"clicktopay": …}}`. Returns a description or None."""
    match = FOREIGN_TYPE.search(text)
    if match:
        return "'%s'" % match.group(0)
    try:
        document = json.loads(text)
    except ValueError:
        return None
    return _foreign_key(document)


def _foreign_key(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if (isinstance(value, dict) and key.lower() != "dintero_psp"
                    and any(inner.lower() == "clicktopay" for inner in value)):
                return "'%s' → 'clicktopay'" % key
            found = _foreign_key(value)
            if found:
                return found
    elif isinstance(node, list):
        for item in node:
            found = _foreign_key(item)
            if found:
                return found
    return None


def describe_exit(code):
    return "signal %d" % -code if code < 0 else "exit %d" % code


class Tally:
    """The checks of the run: each passes or fails once, with its figures."""

    def __init__(self):
        self.passed = []
        self.failed = []
        self.started = time.time()

    def check(self, name, ok, figures="", problems=()):
        """Records check `name`. `figures` (attempts, outcomes) print either way; `problems` (at most 5 shown)
        say what broke."""
        problems = list(problems)
        ok = ok and not problems
        (self.passed if ok else self.failed).append(name)
        print("  %s %s%s" % ("pass" if ok else "FAIL", name, (": " + figures) if figures else ""))
        for problem in problems[:5]:
            print("       - " + problem)
        if len(problems) > 5:
            print("       - … and %d more" % (len(problems) - 5))
        return ok

    def not_run(self, name, reason):
        """A check this machine cannot run: said so, counted neither as passed nor as failed."""
        print("  NOT RUN %s: %s" % (name, reason))


TALLY = Tally()


def scenario(title):
    print("\n%s" % title)
    sys.stdout.flush()
