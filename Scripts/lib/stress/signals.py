"""Signals and kill -9 at the moments that matter: during an apply (before, during and after its commit), during
`store backup`, during the first write that creates a store, and during `init` creating or upgrading a store."""
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import time

from common import (TALLY, cli, describe_exit, leftover_temporaries, logical_content, make_state, path,
                    popen, remove_store, row_counts, scenario)
import common

NAMES = {signal.SIGKILL: "kill -9", signal.SIGINT: "SIGINT", signal.SIGTERM: "SIGTERM"}


def has_exited(process):
    """True when the process has ended, without reaping it (its pid stays reserved, so a signal sent after
    this answer cannot reach another process)."""
    try:
        return os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def holds_write_lock(store):
    """True when another connection holds the store's write lock (a write transaction is open)."""
    try:
        database = sqlite3.connect("file:%s?mode=rw" % store, uri=True, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        database.execute("BEGIN IMMEDIATE")
        database.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        database.close()


def fresh_empty_store(store):
    remove_store(store)
    result = cli(store, "init")
    assert result.returncode == 0, result.stderr


def apply_duration(store, state, runs=3):
    """The median time of an apply into a fresh, empty store: the window the signals are spread over."""
    durations = []
    for _ in range(runs):
        fresh_empty_store(store)
        started = time.time()
        cli(store, "apply", state)
        durations.append(time.time() - started)
    return statistics.median(durations)


def wait_for_commit(store, process, accounts, deadline):
    """Polls (as a WAL reader, never blocking the writer) until the apply's accounts are visible: one connection
    kept open, so a poll costs a query, not an open (the window between an apply's commit and its exit is short)."""
    database = None
    try:
        while time.time() < deadline and not has_exited(process):
            try:
                database = database or sqlite3.connect("file:%s?mode=ro" % store, uri=True, timeout=10)
                if database.execute("SELECT count(*) FROM account").fetchone()[0] == accounts:
                    return
            except sqlite3.Error:
                database = None  # the store is not there yet (a new one is linked into place at its commit)
            time.sleep(0.0002)
    finally:
        if database:
            database.close()


def interrupt_once(signal_number, store, state, accounts, delay, at_commit):
    """One apply into a fresh empty store, signalled after `delay` s (or as soon as its commit is visible).
    Returns (moment, exit status, store outcome); moment is before/during/after the commit, or missed."""
    fresh_empty_store(store)
    before = logical_content(store)
    process = popen(store, "apply", state)
    if at_commit:
        wait_for_commit(store, process, accounts, time.time() + 30)
    else:
        time.sleep(delay)
    if has_exited(process):
        moment = "missed"
    else:
        moment = "during" if holds_write_lock(store) else "open"
        process.send_signal(signal_number)
    status = process.wait()
    counts = row_counts(store)
    if logical_content(store) == before:
        outcome = "unchanged"
    elif counts and counts["account"] == accounts:
        outcome = "committed"
    else:
        outcome = "PARTIAL"
    if moment == "open":
        moment = "after" if outcome == "committed" else "before"
    if signal_number == signal.SIGKILL and moment != "missed" and status != -signal.SIGKILL:
        moment = "missed"  # it ended on its own between the look and the kill
    return moment, status, outcome, counts


def interrupted_applies(signal_number, iterations, accounts):
    """SIGINT, SIGTERM or kill -9 during an apply of `accounts` accounts into a fresh empty store, spread from
    the start to past the end of the apply, plus signals sent the moment the commit is visible. A run that exits
    130/143 must leave the store exactly as before (`sqlite3 .dump`); one that exits 0 must have committed
    everything (the row counts of an uninterrupted apply); kill -9 leaves all or nothing; `store check` passes
    and the next command works. Only signals that reached a live process count."""
    name = NAMES[signal_number]
    scenario("%s during an apply of %d accounts into a fresh empty store, %d times" % (name, accounts, iterations))
    state = make_state(accounts)
    store = path("interrupted.sqlite")
    duration = apply_duration(store, state)
    complete = row_counts(store)
    rng = random.Random(signal_number)
    moments, outcomes, problems = {}, {}, []
    for iteration in range(iterations):
        at_commit = iteration % 3 == 2
        delay = rng.uniform(0, duration * 1.1)
        moment, status, outcome, counts = interrupt_once(signal_number, store, state, accounts, delay, at_commit)
        moments[moment] = moments.get(moment, 0) + 1
        key = "%s/%s" % (describe_exit(status), outcome)
        outcomes[key] = outcomes.get(key, 0) + 1
        problems += judge_interrupted(name, signal_number, iteration, status, outcome, counts, complete)
        check = cli(store, "store", "check")
        if check.returncode != 0:
            problems.append("iteration %d: store check exit %d: %s" % (iteration, check.returncode,
                                                                      check.stderr.decode().strip()[:200]))
        if cli(store, "account", "list").returncode != 0:
            problems.append("iteration %d: the next command failed" % iteration)
    landed = iterations - moments.get("missed", 0)
    figures = ("apply takes %.2f s; %d sent, landed on a live process %d (before the commit %d, during the write "
               "%d, after the commit %d), missed (process had exited) %d; outcomes: %s"
               % (duration, iterations, landed, moments.get("before", 0), moments.get("during", 0),
                  moments.get("after", 0), moments.get("missed", 0),
                  ", ".join("%s %d" % item for item in sorted(outcomes.items()))))
    TALLY.check("%s during apply: exit code matches what the store holds" % name, True, figures, problems)
    if signal_number != signal.SIGKILL:
        covered = moments.get("before", 0) + moments.get("during", 0) > 0 and moments.get("after", 0) > 0
        TALLY.check("%s during apply: signals landed both before and after the commit" % name, covered,
                    "" if covered else "the timing did not reach both sides of the commit; the check proves less")


def judge_interrupted(name, signal_number, iteration, status, outcome, counts, complete):
    """What is wrong with one interrupted apply's exit status given what the store holds."""
    problems = []
    where = "iteration %d (%s, %s)" % (iteration, describe_exit(status), outcome)
    if outcome == "PARTIAL":
        problems.append("%s: partial apply, rows %s" % (where, counts))
    interrupted_codes = {128 + signal_number, -signal_number}
    if signal_number == signal.SIGKILL:
        return problems
    if status not in interrupted_codes | {0}:
        problems.append("%s: exit is neither 0 nor %d" % (where, 128 + signal_number))
    if status in interrupted_codes and outcome != "unchanged":
        problems.append("%s: reported interrupted, but the store changed" % where)
    if status == 0 and counts != complete:
        problems.append("%s: exit 0 but the store holds %s, not %s" % (where, counts, complete))
    return problems


def kill_at_random(make_process, duration, rng):
    """Starts a process and kills it with SIGKILL at a random point of `duration`. Returns True when the kill
    hit the live process."""
    process = make_process()
    time.sleep(rng.uniform(0, duration))
    if has_exited(process):
        process.wait()
        return False
    process.kill()
    return process.wait() == -signal.SIGKILL


def clear_temporaries(destination):
    """Removes what earlier iterations left beside `destination`, so each iteration reports only its own."""
    for leftover in leftover_temporaries(destination):
        os.remove(os.path.join(os.path.dirname(destination), leftover))


def timed(command):
    started = time.time()
    command()
    return time.time() - started


def kill_during_backup(iterations, accounts):
    """kill -9 during `store backup` of a store of `accounts` accounts: the target is either absent or a complete
    copy; the store is unchanged; the next backup to the same target succeeds and leaves no temporary file."""
    scenario("kill -9 during store backup of %d accounts, %d times" % (accounts, iterations))
    store = common.filled_store("backup-source.sqlite", accounts)
    source = logical_content(store)
    target = path("backups/copy.sqlite")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    duration = timed(lambda: cli(store, "store", "backup", target))
    rng = random.Random(9)
    hits, copies, problems = 0, 0, []
    for iteration in range(iterations):
        remove_store(target)
        clear_temporaries(target)
        hit = kill_at_random(lambda: popen(store, "store", "backup", target), duration * 1.2, rng)
        hits += hit
        if os.path.exists(target):
            copies += 1
            if logical_content(target) != source:
                problems.append("iteration %d: the target exists but is not a complete copy" % iteration)
        if logical_content(store) != source:
            problems.append("iteration %d: the store changed" % iteration)
        again = cli(store, "store", "backup", target)
        left = leftover_temporaries(target)
        if again.returncode != 0 or logical_content(target) != source or left:
            problems.append("iteration %d: the next backup exited %d, temporaries left %s"
                            % (iteration, again.returncode, left))
    TALLY.check("kill -9 during store backup: no partial copy, no temporary left after the next backup", True,
                "backup takes %.3f s; kills %d, hit a live process %d, complete copy present after the kill %d, "
                "iterations with a problem %d" % (duration, iterations, hits, copies, len(problems)), problems)


def kill_during_creation(iterations, words, label):
    """kill -9 while `words` creates a store that does not exist yet: afterwards the store is either absent or
    whole (store check passes); the next run of the same command succeeds and removes the temporaries."""
    scenario("kill -9 during %s on a missing store, %d times" % (label, iterations))
    store = path("created/store.sqlite")
    os.makedirs(os.path.dirname(store), exist_ok=True)
    remove_store(store)
    duration = timed(lambda: cli(store, *words))
    rng = random.Random(len(label))
    hits, present, problems = 0, 0, []
    for iteration in range(iterations):
        remove_store(store)
        clear_temporaries(store)
        hits += kill_at_random(lambda: popen(store, *words), duration * 1.2, rng)
        if os.path.exists(store):
            present += 1
            check = cli(store, "store", "check")
            if check.returncode != 0:
                problems.append("iteration %d: a store was left that fails store check: %s"
                                % (iteration, check.stdout.decode().strip()[:200]))
        again = cli(store, *words)
        left = leftover_temporaries(store)
        if again.returncode != 0 or left:
            problems.append("iteration %d: the next run exited %d, temporaries left %s: %s"
                            % (iteration, again.returncode, left, again.stderr.decode().strip()[:200]))
    TALLY.check("kill -9 during %s: the store is absent or whole; the next run cleans up" % label, True,
                "run takes %.3f s; kills %d, hit a live process %d, store present afterwards %d, iterations with a "
                "problem %d" % (duration, iterations, hits, present, len(problems)), problems)


def version0_store(store):
    """A store of schema version 0, the one older version this binary upgrades from: an SQLite file with
    checkout-admin's application id and no tables yet (migration 1 creates them)."""
    remove_store(store)
    subprocess.run(["sqlite3", store, "PRAGMA application_id = 1128811329; PRAGMA user_version = 0; "
                    "PRAGMA journal_mode = WAL;"], check=True, capture_output=True)


def kill_during_upgrade(iterations):
    """kill -9 while `init` upgrades a version-0 store to the current version: afterwards the store is at a whole
    schema step (0, 1, … current), never inside one; the next `init` succeeds and `store check` then passes."""
    scenario("kill -9 during init upgrading a version-0 store, %d times" % iterations)
    store = path("upgraded.sqlite")
    version0_store(store)
    duration = timed(lambda: cli(store, "init"))
    rng = random.Random(3)
    hits, upgraded, problems = 0, 0, []
    for iteration in range(iterations):
        version0_store(store)
        hits += kill_at_random(lambda: popen(store, "init"), duration * 1.2, rng)
        version = subprocess.run(["sqlite3", "-readonly", store, "PRAGMA user_version"], capture_output=True,
                                 text=True).stdout.strip()
        counts = row_counts(store)
        # Each schema step commits with its version bump, so any whole step is a valid place to stop.
        if version.isdigit() and int(version) > 0:
            upgraded += 1
            if counts is None:
                problems.append("iteration %d: version %s without its tables" % (iteration, version))
        elif version != "0" or counts is not None:
            problems.append("iteration %d: half-upgraded (user_version %r, tables %s)" % (iteration, version, counts))
        again, check = cli(store, "init"), cli(store, "store", "check")
        if again.returncode != 0 or check.returncode != 0:
            problems.append("iteration %d: next init exited %d, store check %d" % (iteration, again.returncode,
                                                                                 check.returncode))
    TALLY.check("kill -9 during init upgrading an older store: whole schema steps only", True,
                "init takes %.3f s; kills %d, hit a live process %d, upgraded before the kill %d"
                % (duration, iterations, hits, upgraded), problems)


def run():
    quick = common.QUICK
    accounts = 1000 if quick else 5000
    interrupted_applies(signal.SIGKILL, 10 if quick else 40, accounts)
    interrupted_applies(signal.SIGINT, 15 if quick else 30, accounts)
    interrupted_applies(signal.SIGTERM, 9 if quick else 15, accounts)
    kill_during_backup(10 if quick else 40, 5000 if quick else 20000)
    kill_during_creation(10 if quick else 40, ["apply", make_state(200)], "the first write (apply)")
    kill_during_creation(10 if quick else 40, ["init"], "init creating a store")
    kill_during_upgrade(10 if quick else 40)
