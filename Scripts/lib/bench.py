#!/usr/bin/env python3
"""The measures of Scripts/bench.sh: interleaved medians of checkout-admin against the sqlite3 shell."""
import os
import shutil
import statistics
import subprocess
import sys
import time

BIN, WORK, RUNS = sys.argv[1], sys.argv[2], int(sys.argv[3])
HERE = os.path.dirname(os.path.abspath(__file__))
DATA_TABLES = "account setting payment_method profile profile_method"
rows = []


def run(command, stdin=None):
    with open(stdin) if stdin else open(os.devnull) as source:
        started = time.perf_counter()
        result = subprocess.run(command, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit("bench: %s failed (%d): %s" % (" ".join(command), result.returncode, result.stderr.decode()))
    return elapsed


def interleaved(ours, floor, runs, prepare=None):
    """Medians of A B A B …; `prepare(i)` runs untimed before each pair."""
    a, b = [], []
    for i in range(runs):
        if prepare:
            prepare(i)
        a.append(run(*ours(i)))
        b.append(run(*floor(i)))
    return statistics.median(a), statistics.median(b)


def record(name, ours, floor, target, floor_name):
    ratio = ours / floor
    rows.append((name, "%.1f ms" % (ours * 1000), "%.1f ms" % (floor * 1000), "%.2f" % ratio,
                 "<= %.1f" % target, "ok" if ratio <= target else "OVER", floor_name))


def peak_kib(command, stdin=None):
    with open(stdin) if stdin else open(os.devnull) as source:
        result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdin=source,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return int(result.stderr.decode().strip().splitlines()[-1])


def store_for(count):
    state = os.path.join(WORK, "state%d.json" % count)
    store = os.path.join(WORK, "store%d.sqlite" % count)
    subprocess.run([sys.executable, os.path.join(HERE, "make_state.py"), str(count), state], check=True)
    subprocess.run([BIN, "--store", store, "apply", state], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return state, store


def main():
    state, store = store_for(10_000)
    empty = os.path.join(WORK, "empty.sqlite")
    subprocess.run([BIN, "--store", empty, "init"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    inserts = os.path.join(WORK, "inserts.sql")
    with open(inserts, "w") as out:
        # The history tables in the order their append-only triggers accept: values, then a write's changes, then
        # the write itself (a change may only join a write not recorded yet).
        dump = "".join(subprocess.run(["sqlite3", store, ".dump %s" % table], check=True, capture_output=True,
                                      text=True).stdout
                       for table in DATA_TABLES.split() + ["history_value", "history_changes", "history_write"])
        out.write("BEGIN IMMEDIATE;\n")
        out.writelines(line + "\n" for line in dump.splitlines() if line.startswith("INSERT INTO") and "sqlite_sequence" not in line)
        out.write("COMMIT;\n")

    median = interleaved(lambda i: ([BIN, "--store", store, "profile", "export", "T00005000", "webshop"],),
                         lambda i: (["sqlite3", store, ".schema"],), RUNS * 2)
    record("read: profile export", *median, 1.5, "sqlite3 .schema")
    median = interleaved(lambda i: ([BIN, "--store", store, "settings", "show", "T00005000"],),
                         lambda i: (["sqlite3", store, ".schema"],), RUNS * 2)
    record("read: settings show", *median, 1.5, "sqlite3 .schema")

    copy = os.path.join(WORK, "copy.sqlite")
    shutil.copy(store, copy)
    median = interleaved(lambda i: ([BIN, "--store", store, "--actor", "bench", "settings", "set", "T00005000", "name=Bench %d" % i],),
                         lambda i: (["sqlite3", copy, "INSERT INTO account VALUES ('P%08d', '2026-01-01T00:00:00Z')" % i],), RUNS * 2)
    record("write: settings set", *median, 1.5, "sqlite3 one INSERT")

    targets = [os.path.join(WORK, "apply-ours.sqlite"), os.path.join(WORK, "apply-floor.sqlite")]

    def fresh(_):
        for target in targets:
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(target + suffix):
                    os.remove(target + suffix)
        shutil.copy(empty, targets[1])

    median = interleaved(lambda i: ([BIN, "--store", targets[0], "apply", state],),
                         lambda i: (["sqlite3", targets[1]], inserts), max(3, RUNS // 3), prepare=fresh)
    record("apply 10 000 accounts", *median, 3.0, "sqlite3 INSERTs, 1 txn")

    dump_floor = lambda i: (["sqlite3", store, ".dump %s" % DATA_TABLES],)
    audit10 = interleaved(lambda i: ([BIN, "--store", store, "audit"],), dump_floor, max(3, RUNS // 2))
    record("audit 10 000 accounts", *audit10, 2.0, "sqlite3 .dump")
    dump10 = interleaved(lambda i: ([BIN, "--store", store, "dump"],), dump_floor, max(3, RUNS // 2))
    record("dump 10 000 accounts", *dump10, 3.0, "sqlite3 .dump")

    print_table()
    export_peak = peak_kib([BIN, "--store", store, "profile", "export", "T00005000", "webshop"])
    fresh(0)
    apply_peak = peak_kib([BIN, "--store", targets[0], "apply", state])
    print("\npeak memory: profile export %.1f MiB (target <= 32), apply 10 000 %.1f MiB (target <= 256)"
          % (export_peak / 1024, apply_peak / 1024))
    if os.environ.get("BENCH_LARGE", "1") != "0":
        growth(audit10[0], dump10[0])
    if os.environ.get("BENCH_STRICT") == "1" and any(row[5] == "OVER" for row in rows):
        sys.exit("bench: a measure is over its target")


def growth(audit10, dump10):
    _, store = store_for(100_000)
    audit100 = statistics.median(run([BIN, "--store", store, "audit"]) for _ in range(3))
    dump100 = statistics.median(run([BIN, "--store", store, "dump"]) for _ in range(3))
    print("growth 10 000 -> 100 000 accounts: audit %.1fx (%.0f ms), dump %.1fx (%.0f ms); target <= 12x"
          % (audit100 / audit10, audit100 * 1000, dump100 / dump10, dump100 * 1000))


def print_table():
    header = ("measure", "ours", "floor", "ratio", "target", "", "floor is")
    widths = [max(len(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())


if __name__ == "__main__":
    main()
