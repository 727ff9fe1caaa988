#!/usr/bin/env python3
"""The scale section of Scripts/bench.sh (issue 15): for 10 000 and 100 000 accounts (and 1 000 000 with
BENCH_MILLION=1), the time and peak memory of every command over the whole store, the store's bytes per account,
the growth from one size to the next against the targets, and the sqlite3 shell's floor for apply. The sizes take
turns run by run (and the no-change apply with the audit it is compared with), so a machine whose speed drifts
during the bench moves both sides of every ratio alike.
Usage: bench_scale.py BIN WORK   (BENCH_SCALE_SIZES=1000,10000 overrides the sizes; BENCH_SCALE_RUNS runs of
each read and of the no-change apply, default 3, median time and largest peak; BENCH_SCALE_APPLY_RUNS applies into
an empty store, default 3, likewise; BENCH_STRICT=1 exits 1 when a figure is over its target)"""
import os
import statistics
import subprocess
import sys
import time

BIN, WORK = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = int(os.environ.get("BENCH_SCALE_RUNS", "3"))
APPLY_RUNS = int(os.environ.get("BENCH_SCALE_APPLY_RUNS", "3"))
READ_PEAK_MIB, APPLY_PEAK_MIB, GROWTH, FLOOR_RATIO, NO_CHANGE_RATIO, BYTES_PER_ACCOUNT = 64, 256, 11, 4, 2, 1536
# Plain tables with primary keys: no triggers, no history, no checks. The floor apply is measured against.
MINIMAL_SCHEMA = """
CREATE TABLE account (id TEXT PRIMARY KEY);
CREATE TABLE setting (account_id TEXT, key TEXT, value TEXT, PRIMARY KEY (account_id, key));
CREATE TABLE payment_method (account_id TEXT, type TEXT, currencies TEXT, PRIMARY KEY (account_id, type));
CREATE TABLE profile (account_id TEXT, profile_id TEXT, description TEXT, channel TEXT, default_payment_type TEXT,
                      PRIMARY KEY (account_id, profile_id));
CREATE TABLE profile_method (account_id TEXT, profile_id TEXT, type TEXT, options TEXT,
                             PRIMARY KEY (account_id, profile_id, type));
"""
over = []


def sizes():
    if os.environ.get("BENCH_SCALE_SIZES"):
        return [int(size) for size in os.environ["BENCH_SCALE_SIZES"].split(",")]
    return [10_000, 100_000] + ([1_000_000] if os.environ.get("BENCH_MILLION") == "1" else [])


def measure(command, stdin=None):
    """Seconds and peak resident KiB of one run (/usr/bin/time -f %M); exit 0 or 1 (an audit finding) only."""
    with open(stdin) if stdin else open(os.devnull) as source:
        started = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdin=source,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - started
    lines = result.stderr.decode(errors="replace").strip().splitlines()
    if result.returncode not in (0, 1):
        sys.exit("bench: %s failed (%d): %s" % (" ".join(command), result.returncode, "\n".join(lines[-5:])))
    return elapsed, int(lines[-1]) / 1024


def repeated(command, runs):
    results = [measure(command) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def remove(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def store_bytes(path):
    return sum(os.path.getsize(path + suffix) for suffix in ("", "-wal") if os.path.exists(path + suffix))


BACKUP = os.path.join(WORK, "scale-backup.sqlite")
# The whole-store reads after audit, each as the words for a store of `count` accounts.
READS = [("dump", lambda count: ["dump"]),
         ("profile export (all of one account)", lambda count: ["profile", "export", "T%08d" % (count // 2)]),
         ("clicktopay status", lambda count: ["clicktopay", "status"]),
         ("store check", lambda count: ["store", "check"]),
         ("store backup", lambda count: ["store", "backup", BACKUP])]


def interleaved(commands, runs, before=None):
    """Each command run `runs` times, the commands taking turns (A B A B ...), so a machine that speeds up or slows
    down during the bench moves every size alike: [(median seconds, largest peak MiB)] in the commands' order."""
    samples = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            if before:
                before(index)
            samples[index].append(measure(command))
    return [(statistics.median(r[0] for r in runs_of), max(r[1] for r in runs_of)) for runs_of in samples]


def all_sizes(counts):
    """Every measure at every size, the sizes taking turns: [({name: (seconds, MiB)}, bytes per account, store)]."""
    states = [os.path.join(WORK, "scale%d.json" % count) for count in counts]
    stores = [os.path.join(WORK, "scale%d.sqlite" % count) for count in counts]
    for count, state in zip(counts, states):
        subprocess.run([sys.executable, os.path.join(HERE, "make_state.py"), str(count), state], check=True)
    cli = lambda index, *words: [BIN, "--store", stores[index]] + list(words)
    indices = range(len(counts))
    figures = [{} for _ in counts]
    # Each apply into an empty store starts again from no store: a single run of a few seconds varies by 15 % here.
    for index, result in enumerate(interleaved([cli(i, "apply", states[i]) for i in indices], APPLY_RUNS,
                                               before=lambda i: remove(stores[i]))):
        figures[index]["apply"] = result
    per_account = [store_bytes(store) / count for store, count in zip(stores, counts)]
    # The no-change apply and the audit it is held against take turns too.
    pairs = interleaved([cli(i, *words) for i in indices for words in (["apply", states[i]], ["audit"])], RUNS)
    for index in indices:
        figures[index]["apply, no change"], figures[index]["audit"] = pairs[2 * index], pairs[2 * index + 1]
    for name, words in READS:
        commands = [cli(i, *words(counts[i])) for i in indices]
        for index, result in enumerate(interleaved(commands, RUNS, before=lambda _: remove(BACKUP))):
            figures[index][name] = result
    remove(BACKUP)
    for state in states:
        os.remove(state)
    return [(figures[i], per_account[i], stores[i]) for i in indices]


def floor(count):
    """The sqlite3 shell inserting the same rows into the minimal schema in one transaction; apply of the same
    document into an empty store, each the median of RUNS runs."""
    inserts, state = os.path.join(WORK, "floor.sql"), os.path.join(WORK, "floor.json")
    subprocess.run([sys.executable, os.path.join(HERE, "make_state.py"), str(count), inserts, "--sql"], check=True)
    subprocess.run([sys.executable, os.path.join(HERE, "make_state.py"), str(count), state], check=True)
    shell, ours = [], []
    target, minimal = os.path.join(WORK, "floor-ours.sqlite"), os.path.join(WORK, "floor-shell.sqlite")
    for _ in range(max(1, RUNS // 2)):
        for path in (target, minimal):
            remove(path)
        subprocess.run(["sqlite3", minimal, MINIMAL_SCHEMA + "PRAGMA journal_mode = WAL;"], check=True,
                       stdout=subprocess.DEVNULL)
        shell.append(measure(["sqlite3", minimal], stdin=inserts)[0])
        ours.append(measure([BIN, "--store", target, "apply", state])[0])
    for path in (target, minimal, inserts, state):
        remove(path)
    return statistics.median(ours), statistics.median(shell)


def verdict(value, limit):
    ok = value <= limit
    if not ok:
        over.append(value)
    return "ok" if ok else "OVER"


def report(counts, results):
    names = list(results[0][0].keys())
    header = ["measure"] + ["%s accounts" % format(c, ",").replace(",", " ") for c in counts]
    header += ["growth %dk->%dk" % (a // 1000, b // 1000) for a, b in zip(counts, counts[1:])] + ["peak target"]
    rows = [header]
    for name in names:
        cells = [name] + ["%.2f s %6.1f MiB" % results[i][0][name] for i in range(len(counts))]
        for i in range(1, len(counts)):
            ratio = results[i][0][name][0] / max(results[i - 1][0][name][0], 1e-9)
            # 11x for ten times the accounts: linear, with 10 % to spare.
            limit = GROWTH / 10 * counts[i] / counts[i - 1]
            graded = name in ("apply", "apply, no change", "audit", "dump")
            cells.append("%.1fx" % ratio + (" (<= %gx %s)" % (round(limit, 1), verdict(ratio, limit)) if graded else ""))
        limit = APPLY_PEAK_MIB if name.startswith("apply") else READ_PEAK_MIB
        peak = max(result[0][name][1] for result in results)
        cells.append("<= %d MiB %s" % (limit, verdict(peak, limit)))
        rows.append(cells)
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    print("\nscale: median of %d runs of apply into an empty store, of %d runs of the no-change apply and of each read;"
          " peak = max resident memory" % (APPLY_RUNS, RUNS))
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    for count, (figures, per_account, _) in zip(counts, results):
        no_change = figures["apply, no change"][0] / max(figures["audit"][0], 1e-9)
        print("%d accounts: store %.0f bytes per account (<= %d %s); no-change apply %.1fx audit (<= %d %s)"
              % (count, per_account, BYTES_PER_ACCOUNT, verdict(per_account, BYTES_PER_ACCOUNT) if count == counts[0]
                 else "-", no_change, NO_CHANGE_RATIO, verdict(no_change, NO_CHANGE_RATIO)))


def main():
    counts = sizes()
    results = all_sizes(counts)
    for result in results:
        remove(result[2])
    report(counts, results)
    ours, shell = floor(counts[0])
    print("floor: apply of %d accounts %.2f s, sqlite3 shell into a minimal schema %.2f s: %.1fx (<= %d %s)"
          % (counts[0], ours, shell, ours / shell, FLOOR_RATIO, verdict(ours / shell, FLOOR_RATIO)))
    if os.environ.get("BENCH_STRICT") == "1" and over:
        sys.exit("bench: a scale figure is over its target")


if __name__ == "__main__":
    main()
