"""Several processes on one store: many writers, writers racing on the same row, readers during writes."""
import json
import threading
import time

from common import TALLY, cli, describe_exit, make_state, path, popen, remove_store, row_counts, scenario, sql
import common


def in_threads(count, work):
    """Runs work(index) in `count` threads and waits for them; returns the wall time."""
    threads = [threading.Thread(target=work, args=(index,)) for index in range(count)]
    started = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.time() - started


def many_writers(processes, writes):
    """`processes` processes add `writes` profiles each (pairs share an account), default lock timeout: every
    write exits 0 and every one is present afterwards."""
    scenario("concurrency: %d processes x %d writes on one store (pairs of processes share an account)"
             % (processes, writes))
    store = path("concurrent.sqlite")
    remove_store(store)
    for account in range(processes // 2):
        cli(store, "account", "add", "T%08d" % account)
    exits, problems, lock = {}, [], threading.Lock()

    def worker(process):
        for write in range(writes):
            result = cli(store, "profile", "add", "T%08d" % (process % (processes // 2)), "p%d-%d" % (process, write),
                         "--all-active")
            with lock:
                exits[result.returncode] = exits.get(result.returncode, 0) + 1
                if result.returncode != 0:
                    problems.append("write %s: %s" % (describe_exit(result.returncode), result.stderr.decode().strip()))

    elapsed = in_threads(processes, worker)
    present = (row_counts(store) or {}).get("profile", 0)
    attempted = processes * writes
    if present != attempted:
        problems.append("%d writes lost" % (attempted - present))
    TALLY.check("concurrent writers lose nothing", True, "writes attempted %d, exit 0 %d, present %d (%.1f s)"
                % (attempted, exits.get(0, 0), present, elapsed), problems)


def settings_history(store, account, key):
    """The `after` values of the history rows of setting `key`, oldest first."""
    output = sql(store, "SELECT after FROM history WHERE kind = 'settings' AND account_id = '%s' AND object_id = '%s' "
                        "ORDER BY seq" % (account, key))[1]
    return [json.loads(line) for line in output.splitlines() if line]


def same_row(processes, writes):
    """`processes` processes set the same setting `writes` times each with `--lock-timeout 0.02`: every exit is
    0 or 4 (busy); the final value is one an exit-0 run wrote; the history holds exactly one row per exit-0
    write, and none for a write that exited 4."""
    scenario("same row: %d processes x %d `settings set` of one key, --lock-timeout 0.02" % (processes, writes))
    store = path("same-row.sqlite")
    remove_store(store)
    cli(store, "account", "add", "T00000001")
    before = settings_history(store, "T00000001", "name")
    outcomes, lock = {}, threading.Lock()

    def worker(process):
        for write in range(writes):
            value = "w%d-%d" % (process, write)
            status = cli(store, "--lock-timeout", "0.02", "settings", "set", "T00000001", "name=" + value).returncode
            with lock:
                outcomes[value] = status

    elapsed = in_threads(processes, worker)
    problems = ["'%s' %s" % (value, describe_exit(status)) for value, status in outcomes.items() if status not in (0, 4)]
    written = {value for value, status in outcomes.items() if status == 0}
    busy = {value for value, status in outcomes.items() if status == 4}
    final = json.loads(cli(store, "settings", "show", "T00000001", "--json").stdout)["settings"].get("name")
    if final not in written:
        problems.append("final value %r is not one an exit-0 run wrote" % final)
    rows = settings_history(store, "T00000001", "name")[len(before):]
    if sorted(rows) != sorted(written):
        problems.append("history has %d rows for %d exit-0 writes (missing %s, extra %s)"
                        % (len(rows), len(written), sorted(written - set(rows))[:3], sorted(set(rows) - written)[:3]))
    if rows and rows[-1] != final:
        problems.append("the newest history row says %r, the store %r" % (rows[-1], final))
    TALLY.check("same row: exits 0 or 4, final value written, one history row per exit-0 write", True,
                "writes %d, exit 0 %d, exit 4 (busy) %d, other %d, history rows %d (%.1f s)"
                % (len(outcomes), len(written), len(busy), len(outcomes) - len(written) - len(busy), len(rows),
                   elapsed), problems)


def paired_settings_readers(writes, readers):
    """A writer sets two keys together (`name` and `postal_place` to the same value) `writes` times while
    `readers` processes read them: every read exits 0 and sees both keys equal, never half a write."""
    scenario("readers during writes: %d paired `settings set` with %d readers" % (writes, readers))
    store = path("readers.sqlite")
    remove_store(store)
    cli(store, "account", "add", "T00000001")
    cli(store, "settings", "set", "T00000001", "name=v0", "postal_place=v0")
    done = threading.Event()
    reads, problems, lock = [0], [], threading.Lock()

    def reader(_):
        while not done.is_set():
            result = cli(store, "settings", "show", "T00000001", "--json")
            with lock:
                reads[0] += 1
                if result.returncode != 0:
                    problems.append("read %s: %s" % (describe_exit(result.returncode), result.stderr.decode().strip()[:200]))
                    continue
                settings = json.loads(result.stdout)["settings"]
                if settings.get("name") != settings.get("postal_place"):
                    problems.append("half a write seen: %s" % settings)

    threads = [threading.Thread(target=reader, args=(index,)) for index in range(readers)]
    for thread in threads:
        thread.start()
    failed_writes = sum(cli(store, "settings", "set", "T00000001", "name=v%d" % i, "postal_place=v%d" % i).returncode != 0
                        for i in range(1, writes + 1))
    done.set()
    for thread in threads:
        thread.join()
    if failed_writes:
        problems.append("%d writes failed" % failed_writes)
    busy = sum("exit 4" in problem for problem in problems)
    TALLY.check("readers see a write whole or not at all (settings), every read exits 0", True,
                "writes %d, reads %d, reads that exited 4 (busy) %d, other problems %d"
                % (writes, reads[0], busy, len(problems) - busy), problems)


def readers_during_apply(rounds, accounts):
    """Readers run `account list --json` while an apply of `accounts` accounts goes into a fresh empty store:
    every read exits 0 and sees 0 or all the accounts."""
    scenario("readers during an apply of %d accounts, %d rounds" % (accounts, rounds))
    store, state = path("read-apply.sqlite"), make_state(accounts)
    seen, problems = {}, []
    for _ in range(rounds):
        remove_store(store)
        cli(store, "init")
        writer = popen(store, "apply", state)
        while writer.poll() is None:
            result = cli(store, "account", "list", "--json")
            count = len(json.loads(result.stdout)["accounts"]) if result.returncode == 0 else None
            key = "exit %d" % result.returncode if count is None else ("all" if count == accounts else
                                                                       "none" if count == 0 else "PARTIAL")
            seen[key] = seen.get(key, 0) + 1
            if key not in ("all", "none"):
                problems.append("a read saw %s (%s)" % (key, result.stderr.decode()[:200]))
        if writer.returncode != 0:
            problems.append("the apply exited %d" % writer.returncode)
    TALLY.check("readers see an apply whole or not at all", True,
                "reads %d: %s" % (sum(seen.values()), ", ".join("%s %d" % item for item in sorted(seen.items()))),
                problems)


def run():
    quick = common.QUICK
    many_writers(8, 25 if quick else 50)
    same_row(8, 10 if quick else 25)
    paired_settings_readers(100 if quick else 300, 2)
    readers_during_apply(3 if quick else 10, 2000 if quick else 5000)
