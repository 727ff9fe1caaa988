#!/usr/bin/env python3
"""The scenarios of Scripts/stress.sh. Each prints its figures; any broken guarantee makes the run fail."""
import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time

BIN, WORK = sys.argv[1], sys.argv[2]
QUICK = len(sys.argv) > 3 and sys.argv[3] == "--quick"
HERE = os.path.dirname(os.path.abspath(__file__))
ALLOWED_EXITS = {0, 1, 2, 3, 4, 5}
failures = []


def cli(store, *words, stdin=None, env=None):
    return subprocess.run([BIN, "--store", store, *words], input=stdin, capture_output=True, env=env)


def fail(message):
    failures.append(message)
    print("  FAILED: " + message)


def logical_content(store):
    """The store's rows, as sqlite3 dumps them (file bytes may differ after a checkpoint; rows may not)."""
    if not os.path.exists(store):
        return None
    dump = subprocess.run(["sqlite3", "-readonly", store, ".dump"], capture_output=True).stdout
    return hashlib.sha256(dump).hexdigest()


def concurrency(processes=8, writes=50):
    print("concurrency: %d processes x %d writes on one store (pairs of processes share an account)" % (processes, writes))
    store = os.path.join(WORK, "concurrent.sqlite")
    for account in range(processes // 2):
        cli(store, "account", "add", "T%08d" % account)
    outcomes = {"ok": 0, "failed": 0}
    lock = threading.Lock()

    def worker(process):
        for write in range(writes):
            result = cli(store, "profile", "add", "T%08d" % (process % (processes // 2)), "p%d-%d" % (process, write), "--all-active")
            with lock:
                outcomes["ok" if result.returncode == 0 else "failed"] += 1
                if result.returncode != 0:
                    fail("write exited %d: %s" % (result.returncode, result.stderr.decode().strip()))

    threads = [threading.Thread(target=worker, args=(p,)) for p in range(processes)]
    started = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    present = int(subprocess.run(["sqlite3", store, "SELECT count(*) FROM profile"], capture_output=True, text=True).stdout)
    attempted = processes * writes
    print("  writes attempted %d, succeeded %d, present %d, lost %d (%.1f s)"
          % (attempted, outcomes["ok"], present, attempted - present, time.time() - started))
    if present != attempted:
        fail("%d writes lost" % (attempted - present))


def make_state(count):
    path = os.path.join(WORK, "state%d.json" % count)
    subprocess.run([sys.executable, os.path.join(HERE, "make_state.py"), str(count), path], check=True)
    return path


def account_count(store):
    return int(subprocess.run(["sqlite3", store, "SELECT count(*) FROM account"], capture_output=True, text=True).stdout or 0)


def interrupted_applies(signal_number, iterations, accounts):
    name = {signal.SIGKILL: "kill -9", signal.SIGINT: "SIGINT", signal.SIGTERM: "SIGTERM"}[signal_number]
    print("%s at random points of an apply of %d accounts, %d times" % (name, accounts, iterations))
    state = make_state(accounts)
    store = os.path.join(WORK, "killed.sqlite")
    started = time.time()
    cli(store, "apply", state)
    duration = time.time() - started
    outcomes = {}
    for iteration in range(iterations):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        cli(store, "init")
        process = subprocess.Popen([BIN, "--store", store, "apply", state], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(random.uniform(0, duration * 1.1))
        process.send_signal(signal_number)
        status = process.wait()
        count = account_count(store)
        check = cli(store, "store", "check")
        outcome = "all" if count == accounts else "none" if count == 0 else "PARTIAL"
        outcomes[(status, outcome)] = outcomes.get((status, outcome), 0) + 1
        if outcome == "PARTIAL" or check.returncode != 0:
            fail("%s iteration %d: %d of %d accounts, store check %d" % (name, iteration, count, accounts, check.returncode))
        if signal_number != signal.SIGKILL and status not in (0, 128 + signal_number, -signal_number):
            fail("%s: exit %d" % (name, status))
        if cli(store, "account", "list").returncode != 0:
            fail("%s: the next command failed" % name)
    summary = ", ".join("exit %s/%s: %d" % (status, outcome, n) for (status, outcome), n in sorted(outcomes.items()))
    print("  apply takes %.2f s; outcomes (exit/accounts present): %s" % (duration, summary))


def foreign_stores():
    print("stores that are not ours: each must exit 5, stay byte-identical, get no sidecar files")
    real = os.path.join(WORK, "real.sqlite")
    cli(real, "account", "add", "T00000001")
    other = os.path.join(WORK, "other.sqlite")
    subprocess.run(["sqlite3", other, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');"], check=True)
    newer = os.path.join(WORK, "newer.sqlite")
    subprocess.run(["cp", real, newer], check=True)
    subprocess.run(["sqlite3", newer, "PRAGMA user_version = 99"], check=True)
    cases = {
        "random bytes": bytes(random.getrandbits(8) for _ in range(8192)),
        "zero bytes": b"",
        "truncated store": open(real, "rb").read()[:50],
        "another application's database": open(other, "rb").read(),
        "newer schema": open(newer, "rb").read(),
    }
    tried = refused = 0
    for name, content in cases.items():
        path = os.path.join(WORK, "foreign-" + name.replace(" ", "-").replace("'", ""))
        with open(path, "wb") as out:
            out.write(content)
        for words in (["account", "list"], ["account", "add", "T00000002"], ["store", "check"]):
            tried += 1
            result = cli(path, *words)
            sidecars = [s for s in ("-wal", "-shm", "-journal") if os.path.exists(path + s)]
            if result.returncode == 5 and open(path, "rb").read() == content and not sidecars:
                refused += 1
            else:
                fail("%s / %s: exit %d, sidecars %s" % (name, " ".join(words), result.returncode, sidecars))
    directory = os.path.join(WORK, "a-directory")
    os.mkdir(directory)
    link = os.path.join(WORK, "a-symlink.sqlite")
    os.symlink(real, link)
    for name, path in (("a directory", directory), ("a symlink", link)):
        tried += 1
        result = cli(path, "account", "add", "T00000003")
        refused += result.returncode == 5
        if result.returncode != 5:
            fail("%s: exit %d" % (name, result.returncode))
    tried_mounts, refused_mounts = mounted_cases()
    print("  inputs tried %d, refused with exit 5 as required %d" % (tried + tried_mounts, refused + refused_mounts))


def mounted_cases():
    """A full disk and a read-only file system, on small tmpfs mounts (root only; said so when unavailable)."""
    mount = os.path.join(WORK, "mount")
    os.mkdir(mount)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount], capture_output=True).returncode != 0:
        print("  (disk full and read-only file system not run: this machine cannot mount a tmpfs)")
        return 0, 0
    tried = refused = 0
    try:
        store = os.path.join(mount, "store.sqlite")
        cli(store, "account", "add", "T00000001")
        before = logical_content(store)
        big = "x" * 200
        status = 0
        for index in range(2000):
            status = cli(store, "settings", "set", "T00000001", "address_line=%s%d" % (big[:190], index)).returncode
            if status != 0:
                break
        tried += 1
        refused += status == 5
        if status != 5:
            fail("disk full: exit %d" % status)
        if cli(store, "store", "check").returncode != 0 and before:
            fail("disk full left a damaged store")
        subprocess.run(["mount", "-o", "remount,ro", mount], check=True)
        tried += 1
        status = cli(store, "account", "add", "T00000009").returncode
        refused += status == 5
        if status != 5:
            fail("read-only file system: exit %d" % status)
    finally:
        subprocess.run(["umount", mount], capture_output=True)
    return tried, refused


VOCABULARY = ["account", "add", "list", "show", "remove", "export", "settings", "set", "unset", "method", "enable",
              "disable", "types", "profile", "add-method", "remove-method", "import", "clicktopay", "status", "audit",
              "dump", "apply", "history", "store", "info", "check", "init", "help", "completion", "bash",
              "T12345678", "P12345678", "T1234", "webshop", "dintero_psp.creditcard", "dintero_psp.clicktopay",
              "payex.clicktopay", "vipps", "name=Shop", "country=NO", "country=XX", "email=a@b.no", "--json", "--yes",
              "--force", "--currency", "NOK", "XXX", "--method", "--default", "--all-active", "--no-json", "-q", "--",
              "-", "--strict", "--dry-run", "--limit", "0", "5", "--since", "2026-01-01", "'; DROP TABLE account; --",
              "\u202eevil", "x" * 5000, "--lock-timeout", "-1", "--output", "=", "--name=", "-h", "--bogus"]


COMMANDS = ["account add", "account show", "account remove", "account export", "settings set", "settings unset",
            "settings show", "method enable", "method disable", "profile add", "profile set", "profile add-method",
            "profile remove-method", "profile remove", "profile export", "clicktopay enable", "clicktopay disable",
            "clicktopay status", "audit", "dump", "history", "store info", "completion"]


def fuzz(runs):
    print("argument fuzzing: %d random argument lists" % runs)
    store = os.path.join(WORK, "fuzz.sqlite")
    cli(store, "account", "add", "T12345678", "--name", "Fuzz")
    cli(store, "method", "enable", "T12345678", "dintero_psp.creditcard", "--currency", "NOK")
    cli(store, "profile", "add", "T12345678", "webshop", "--method", "dintero_psp.creditcard")
    exits = {}
    unchanged_checked = 0
    rng = random.Random(7)
    for _ in range(runs):
        words = [rng.choice(VOCABULARY) for _ in range(rng.randint(0, 7))]
        if rng.random() < 0.7:
            words = rng.choice(COMMANDS).split() + words
        before = logical_content(store)
        result = subprocess.run([BIN, "--store", store, *words], input=b"", capture_output=True, env={**os.environ, "CI": "1"})
        exits[result.returncode] = exits.get(result.returncode, 0) + 1
        if result.returncode not in ALLOWED_EXITS:
            fail("exit %d for %r: %s" % (result.returncode, words, result.stderr.decode(errors="replace")[:300]))
        if result.returncode != 0:
            unchanged_checked += 1
            if logical_content(store) != before:
                fail("refused command changed the store: %r" % words)
    print("  exit codes: %s; refused runs checked unchanged: %d" % (dict(sorted(exits.items())), unchanged_checked))


def main():
    concurrency()
    interrupted_applies(signal.SIGKILL, 6 if QUICK else 40, 1000 if QUICK else 5000)
    interrupted_applies(signal.SIGINT, 4 if QUICK else 15, 1000 if QUICK else 5000)
    interrupted_applies(signal.SIGTERM, 2 if QUICK else 10, 1000 if QUICK else 5000)
    foreign_stores()
    fuzz(300 if QUICK else 3000)
    print("stress: %s" % ("all guarantees held" if not failures else "%d failures" % len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
