"""Hostile input: JSON documents on stdin that try to crash the parser, and random argument lists."""
import os
import random
import subprocess

from common import ALLOWED_EXITS, TALLY, cli, describe_exit, filled_store, logical_content, path, scenario
import common


def hostile_documents(quick):
    """(name, bytes) of JSON meant to break a parser."""
    depth = 100_000 if quick else 1_000_000
    big = 10 * 1024 * 1024
    account = ('{"format_version":"1","accounts":[{"account_id":"T00000009","settings":{"name":%s},'
               '"payment_methods":[],"profiles":[]}]}')
    return [
        ("deep array nesting", b"[" * depth + b"]" * depth),
        ("deep object nesting", b'{"a":' * depth + b"1" + b"}" * depth),
        ("unclosed deep nesting", b"[" * depth),
        ("huge number", (account % ("1" * 100_000)).encode()),
        ("huge exponent", (account % "1e999999999").encode()),
        ("negative zero and tiny", (account % "-0.0e-999999").encode()),
        ("invalid UTF-8 in a string", (account % '"\xff\xfe"').encode("latin-1")),
        ("overlong UTF-8", (account % '"\xc0\xaf"').encode("latin-1")),
        ("lone surrogate escape", (account % '"\\ud800"').encode()),
        ("NUL inside a string", (account % '"a\\u0000b"').encode()),
        ("raw NUL byte", (account % '"a\x00b"').encode()),
        ("duplicate keys", b'{"format_version":"1","accounts":[],"accounts":[{"account_id":"T00000009"}]}'),
        ("duplicate account ids", ((account[:-2] + ',{"account_id":"T00000009","settings":{},'
                                                    '"payment_methods":[],"profiles":[]}]}') % '"x"').encode()),
        ("byte-order mark", b"\xef\xbb\xbf" + (account % '"BOM"').encode()),
        ("10 MB string", (account % ('"' + "x" * big + '"')).encode()),
        ("10 MB of escapes", (account % ('"' + "\\u00e9" * (big // 6) + '"')).encode()),
        ("10 MB key", ('{"' + "k" * big + '":1}').encode()),
        ("empty input", b""),
        ("whitespace only", b" \n\t " * 1000),
        ("truncated document", (account % '"x"').encode()[:40]),
        ("trailing garbage", (account % '"x"').encode() + b" }{ trailing"),
        ("a number, not a document", b"42"),
        ("wide array of numbers", b"[" + b",".join(b"1" for _ in range(500_000)) + b"]"),
    ]


def hostile_json():
    """Each hostile document goes to `apply -`, `apply - --dry-run` and `profile import T… - --replace`: no
    crash (no signal, no exit 70), every exit in 0–5, and a refused run leaves the store unchanged. A valid
    document through each command exits 0 first, so the commands really read stdin."""
    scenario("hostile JSON on stdin: apply -, apply - --dry-run, profile import - --replace")
    store = filled_store("hostile.sqlite", 2)
    commands = (["apply", "-"], ["apply", "-", "--dry-run"], ["profile", "import", "T00000001", "-", "--replace"])
    exits, problems, attempts = {}, [], 0
    profile = cli(store, "profile", "export", "T00000001", "webshop").stdout
    state = open(common.make_state(2), "rb").read()
    for words, valid in zip(commands, (state, state, profile)):
        status = cli(store, *words, stdin=valid, stdout=subprocess.DEVNULL).returncode
        if status != 0:
            problems.append("control: a valid document through `%s` exits %d" % (" ".join(words), status))
    for name, document in hostile_documents(common.QUICK):
        for words in commands:
            attempts += 1
            before = logical_content(store)
            try:
                result = cli(store, *words, stdin=document, stdout=subprocess.DEVNULL, timeout=120)
                status = result.returncode
            except subprocess.TimeoutExpired:
                problems.append("%s / %s: still running after 120 s" % (name, " ".join(words)))
                continue
            exits[status] = exits.get(status, 0) + 1
            if status not in ALLOWED_EXITS:
                problems.append("%s / %s: %s: %s" % (name, " ".join(words), describe_exit(status),
                                                     result.stderr.decode(errors="replace")[:200]))
            if status != 0 and logical_content(store) != before:
                problems.append("%s / %s: refused, yet the store changed" % (name, " ".join(words)))
    TALLY.check("hostile JSON: no crash, exits in 0-5, refusals change nothing", True,
                "documents %d, runs %d, exit codes %s" % (len(hostile_documents(common.QUICK)), attempts,
                                                         dict(sorted(exits.items()))), problems)


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
    """Random argument lists from the tool's own vocabulary: every exit in 0–5, and every refused run leaves the
    store's rows unchanged."""
    scenario("argument fuzzing: %d random argument lists" % runs)
    store = path("fuzz.sqlite")
    cli(store, "account", "add", "T12345678", "--name", "Fuzz")
    cli(store, "method", "enable", "T12345678", "dintero_psp.creditcard", "--currency", "NOK")
    cli(store, "profile", "add", "T12345678", "webshop", "--method", "dintero_psp.creditcard")
    exits, problems, refused = {}, [], 0
    rng = random.Random(7)
    for _ in range(runs):
        words = [rng.choice(VOCABULARY) for _ in range(rng.randint(0, 7))]
        if rng.random() < 0.7:
            words = rng.choice(COMMANDS).split() + words
        before = logical_content(store)
        result = subprocess.run([common.BIN, "--store", store, *words], input=b"", capture_output=True,
                                env={**os.environ, "CI": "1"}, cwd=common.WORK)
        exits[result.returncode] = exits.get(result.returncode, 0) + 1
        if result.returncode not in ALLOWED_EXITS:
            problems.append("%s for %r: %s" % (describe_exit(result.returncode), words,
                                               result.stderr.decode(errors="replace")[:200]))
        if result.returncode != 0:
            refused += 1
            if logical_content(store) != before:
                problems.append("refused command changed the store: %r" % words)
    TALLY.check("argument fuzzing: exits in 0-5, refusals change nothing", True,
                "exit codes %s; refused runs checked unchanged %d" % (dict(sorted(exits.items())), refused), problems)


def run():
    hostile_json()
    fuzz(300 if common.QUICK else 3000)
