"""Where output goes wrong: a stdout that cannot be written, `--output` and backup targets that must be refused,
and a full or read-only disk."""
import json
import os
import sqlite3
import stat
import subprocess

from common import (TALLY, cli, describe_exit, file_bytes, filled_store, leftover_temporaries, logical_content,
                    make_state, path, remove_store, row_counts, scenario)
import common

ACCOUNT = "T00000001"


def run_with_stdout(store, words, sink):
    """Runs the tool with stdout `sink`: "/dev/full", "closed" (fd 1 closed) or "head -c1" (a pipe whose reader
    leaves after one byte; SIGPIPE at its default disposition, as a shell leaves it). Returns (exit, stderr)."""
    command = [common.BIN, "--store", store, *words]
    environment = {**os.environ, "CI": "1"}
    if sink == "head -c1":
        tool = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
        head = subprocess.Popen(["head", "-c1"], stdin=tool.stdout, stdout=subprocess.DEVNULL)
        tool.stdout.close()
        stderr = tool.stderr.read()
        head.wait()
        return tool.wait(), stderr.decode(errors="replace")
    if sink == "/dev/full":
        with open("/dev/full", "wb") as full:
            result = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, env=environment)
    else:
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment,
                                preexec_fn=lambda: os.close(1))
    return result.returncode, result.stderr.decode(errors="replace")


SINKS = ("/dev/full", "closed", "head -c1")
READS = (["dump"], ["account", "list"], ["account", "export", ACCOUNT], ["profile", "export", ACCOUNT],
         ["settings", "show", ACCOUNT], ["store", "info"], ["history", "--limit", "3"], ["dump", "--json"])


def stdout_failures():
    """A read whose output cannot be written exits 5 (`dump` of 1 000 accounts through `| head -c1` too; a small
    output that fit in the pipe may exit 0). A write that committed exits 0 whatever happens to stdout, warns on
    stderr when stdout failed, and its change is in the store. A refused write keeps its code (3)."""
    scenario("stdout failures: >/dev/full, closed stdout, | head -c1 (SIGPIPE)")
    store = filled_store("stdout.sqlite", 1000)
    attempts, problems = 0, []
    for sink in SINKS:
        for words in READS:
            attempts += 1
            status, stderr = run_with_stdout(store, words, sink)
            small = sink == "head -c1" and words[0] != "dump"
            if status != 5 and not (small and status == 0):
                problems.append("read `%s` %s: %s, expected 5%s" % (" ".join(words), sink, describe_exit(status),
                                                                     " (or 0)" if small else ""))
    for number, sink in enumerate(SINKS):
        attempts += 3
        value = "Written %d" % number
        status, stderr = run_with_stdout(store, ["settings", "set", ACCOUNT, "name=" + value], sink)
        stored = json.loads(cli(store, "settings", "show", ACCOUNT, "--json").stdout)["settings"].get("name")
        if status != 0 or stored != value:
            problems.append("write `settings set` %s: %s, stored %r" % (sink, describe_exit(status), stored))
        elif sink != "head -c1" and not stderr.strip():
            problems.append("write `settings set` %s: exit 0 but no warning on stderr" % sink)
        fresh = path("stdout-apply.sqlite")
        remove_store(fresh)
        status, _ = run_with_stdout(fresh, ["apply", make_state(1000)], sink)
        counts = row_counts(fresh) or {}
        if status != 0 or counts.get("account") != 1000:
            problems.append("write `apply` %s: %s with %s accounts committed" % (sink, describe_exit(status),
                                                                               counts.get("account")))
        status, _ = run_with_stdout(store, ["account", "add", ACCOUNT], sink)
        if status != 3:
            problems.append("refused write `account add` (exists) %s: %s, expected 3" % (sink, describe_exit(status)))
    TALLY.check("stdout failures: exit codes tell the truth", True, "runs %d" % attempts, problems)


def kind_of(target):
    """What is at `target` (without following a symlink), and its content when a regular file."""
    if not os.path.lexists(target):
        return ("missing",)
    mode = os.lstat(target).st_mode
    if stat.S_ISREG(mode):
        return ("file", file_bytes(target))
    if stat.S_ISDIR(mode):
        return ("directory", tuple(sorted(os.listdir(target))))
    return ("special", stat.S_IFMT(mode), os.lstat(target).st_rdev)


def output_targets():
    """`--output` of dump, profile export and account export, and `store backup`, aimed at the store (also
    through a symlink and a path with `..`), its -wal/-shm (present, while a connection is open) and -wal/
    -journal (absent), /dev/null, a FIFO and a directory: each refused with exit 3, the target unchanged, the
    store intact. `-` and /dev/stdout mean stdout; a plain file works."""
    scenario("--output and backup targets that must be refused")
    folder = path("targets")
    os.makedirs(os.path.join(folder, "sub"), exist_ok=True)
    store = os.path.join(folder, "store.sqlite")
    remove_store(store)
    cli(store, "apply", make_state(3))
    rows = logical_content(store)
    fifo, directory, link = os.path.join(folder, "fifo"), os.path.join(folder, "a-dir"), os.path.join(folder, "link")
    for made in (fifo, directory, link):
        if not os.path.lexists(made):
            {fifo: os.mkfifo, directory: os.mkdir, link: lambda p: os.symlink("store.sqlite", p)}[made](made)
    targets = {"the store": store, "the store via sub/..": os.path.join(folder, "sub", "..", "store.sqlite"),
               "a symlink to the store": link, "-wal (absent)": store + "-wal", "-journal (absent)": store + "-journal",
               "/dev/null": "/dev/null", "a FIFO": fifo, "a directory": directory}
    commands = (["dump", "--output"], ["profile", "export", "T00000000", "webshop", "--output"],
                ["account", "export", "T00000000", "--output"], ["store", "backup"])
    attempts, problems = 0, []
    for name, target in targets.items():
        for words in commands:
            attempts += 1
            problems += refused_target(store, rows, words, name, target)
    holder = sqlite3.connect(store)  # while it is open, the -wal and -shm files exist
    holder.execute("SELECT count(*) FROM account").fetchone()
    try:
        for name, target in (("-wal (present)", store + "-wal"), ("-shm (present)", store + "-shm")):
            for words in commands:
                attempts += 1
                problems += refused_target(store, rows, words, name, target)
    finally:
        holder.close()
    attempts += 3
    problems += stdout_spellings(store)
    TALLY.check("--output/backup targets refused with exit 3, unchanged", True,
                "attempts %d, as required %d" % (attempts, attempts - len(problems)), problems)


def refused_target(store, rows, words, name, target):
    before = kind_of(target)
    try:
        result = cli(store, *words, target, stdout=subprocess.DEVNULL, timeout=20)
        status = result.returncode
    except subprocess.TimeoutExpired:
        return ["`%s` %s: hung (opened it and waited)" % (" ".join(words), name)]
    problems = []
    label = "`%s` → %s" % (" ".join(words), name)
    if status != 3:
        problems.append("%s: %s, expected 3" % (label, describe_exit(status)))
    if target != store and not target.endswith(("-wal", "-shm")) and kind_of(target) != before:
        problems.append("%s: the target changed" % label)
    if logical_content(store) != rows or cli(store, "store", "check").returncode != 0:
        problems.append("%s: the store changed or fails store check" % label)
    return problems


def stdout_spellings(store):
    """`--output -` and `--output /dev/stdout` write the document to stdout; a plain file gets it too."""
    problems = []
    plain = path("targets/out.json")
    for target in ("-", "/dev/stdout", plain):
        result = cli(store, "dump", "--output", target)
        text = result.stdout.decode() if target != plain else (open(plain).read() if os.path.exists(plain) else "")
        try:
            json.loads(text)
        except ValueError:
            problems.append("`dump --output %s`: %s, no JSON document where expected" % (target, describe_exit(result.returncode)))
    return problems


def mount_tmpfs(folder, size):
    os.makedirs(folder, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%s" % size, "tmpfs", folder],
                          capture_output=True).returncode == 0


def fill(folder):
    """Fills the file system of `folder` until it has no space left."""
    with open(os.path.join(folder, "filler"), "wb") as filler:
        try:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        except OSError:
            pass
    for index in range(1000):  # the last blocks
        try:
            with open(os.path.join(folder, "filler-%d" % index), "wb") as small:
                small.write(b"\0" * 512)
        except OSError:
            break


def full_disk():
    """On a 2 MB tmpfs filled to the last block: reads (dump, account list, store info, store check, profile
    export) exit 0 with whole output; `store backup` to another disk works; `dump` or a backup onto the full
    disk exits 5 and leaves no file; a write exits 5 and changes nothing. Then, remounted read-only: reads exit
    0 and a write exits 5. Not run (and said so) where a tmpfs cannot be mounted."""
    scenario("a full disk and a read-only file system (2 MB tmpfs)")
    mount = path("full")
    if not mount_tmpfs(mount, "2m"):
        TALLY.not_run("reads on a full disk", "this machine cannot mount a tmpfs (needs root)")
        return
    try:
        store = os.path.join(mount, "store.sqlite")
        cli(store, "apply", make_state(100))
        rows = logical_content(store)
        fill(mount)
        problems = full_disk_reads(store, rows)
        TALLY.check("full disk: reads and rescue work, writes onto it exit 5", True,
                    "store of %d KB on a full 2 MB tmpfs" % (os.path.getsize(store) // 1024), problems)
        subprocess.run(["mount", "-o", "remount,ro", mount], check=True)
        write = cli(store, "account", "add", "T99999999")
        problems = [] if write.returncode == 5 else ["a write exited %d, not 5: %s" % (
            write.returncode, write.stderr.decode().strip()[:200])]
        for words in (["account", "list"], ["dump"], ["store", "check"], ["store", "info"]):
            result = cli(store, *words)
            if result.returncode != 0:
                problems.append("read-only `%s`: %s: %s" % (" ".join(words), describe_exit(result.returncode),
                                                           result.stderr.decode()[:200]))
        TALLY.check("read-only file system: reads exit 0, a write exits 5", True, "", problems)
    finally:
        subprocess.run(["umount", mount], capture_output=True)


READS_ON_FULL_DISK = (["dump"], ["account", "list"], ["store", "info"], ["store", "check"],
                      ["profile", "export", "T00000001"])


def reads_work(store, when):
    """The read commands that exit other than 0 on `store`."""
    problems = []
    for words in READS_ON_FULL_DISK:
        result = cli(store, *words)
        if result.returncode != 0:
            problems.append("read `%s` %s: %s: %s" % (" ".join(words), when, describe_exit(result.returncode),
                                                     result.stderr.decode().strip()[:160]))
    return problems


def full_disk_reads(store, rows):
    """Reads, a rescue backup, outputs onto the full disk, a write, reads again; then space is freed and the rows
    must be as before."""
    problems = reads_work(store, "on a full disk")
    rescue = path("rescued.sqlite")
    remove_store(rescue)
    result = cli(store, "store", "backup", rescue)
    if result.returncode != 0 or logical_content(rescue) != rows:
        problems.append("store backup to another disk: %s" % describe_exit(result.returncode))
    folder = os.path.dirname(store)
    for words, target in ((["dump", "--output"], "dump.json"), (["store", "backup"], "copy.sqlite")):
        result = cli(store, *words, os.path.join(folder, target))
        left = [name for name in os.listdir(folder) if name.startswith(target)]
        if result.returncode != 5 or left:
            problems.append("`%s` onto the full disk: %s, left %s" % (" ".join(words), describe_exit(result.returncode), left))
    with open(os.path.join(folder, "redirected.json"), "wb") as redirected:
        status = subprocess.run([common.BIN, "--store", store, "dump"], stdout=redirected,
                                stderr=subprocess.DEVNULL).returncode
    if status != 5:
        problems.append("`dump > file` on the full disk: %s, expected 5" % describe_exit(status))
    write = cli(store, "settings", "set", "T00000001", "name=" + "x" * 150)
    if write.returncode != 5:
        problems.append("a write on the full disk: %s, expected 5" % describe_exit(write.returncode))
    problems += reads_work(store, "after a failed write on the full disk")
    for name in os.listdir(folder):
        if name.startswith(("filler", "redirected")):
            os.remove(os.path.join(folder, name))
    check = cli(store, "store", "check")
    if check.returncode != 0 or logical_content(store) != rows:
        problems.append("once space is freed: store check %s, rows %s" % (
            describe_exit(check.returncode), "unchanged" if logical_content(store) == rows else "CHANGED"))
    else:
        print("       (once space is freed: store check passes, rows unchanged)")
    return problems


def run():
    stdout_failures()
    output_targets()
    full_disk()
