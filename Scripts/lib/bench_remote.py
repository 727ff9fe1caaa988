#!/usr/bin/env python3
"""Bench of pull and push of many accounts against the Dintero emulator (issue 13): one account at a time
(--jobs 1) against the default concurrency, with a fixed emulated network latency per request, since on
loopback the emulator's own speed would hide what concurrency buys against Dintero over the internet.

usage: bench_remote.py BIN WORK [ACCOUNTS] [LATENCY_MS]"""
import json
import os
import subprocess
import sys
import time
import urllib.request

BIN, WORK = sys.argv[1], sys.argv[2]
ACCOUNTS = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
LATENCY_MS = int(sys.argv[4]) if len(sys.argv) > 4 else 10
EMULATOR = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "CheckoutAdminTests", "Support",
                        "dintero_emulator.py")
STAMP = "2026-01-01T00:00:00.000Z"


def account_state():
    return {
        "client_id": "bench", "client_secret": "bench-secret",
        "checkout": {"configuration": {
            "merchant": {"name": "Bench AS", "logo_url": "https://example.com/logo.png"},
            "payment_options": [{"type": "dintero_psp.creditcard", "currencies": ["NOK"]}]},
            "created_by": "bench", "updated_at": STAMP},
        "profiles": {"default": {
            "id": "00000000-0000-4000-8000-000000000000", "created_at": STAMP, "created_by": "bench",
            "updated_at": STAMP, "deleted_at": None, "deleted_by": None, "profile_id": "default",
            "configuration": {"dintero_psp": {"creditcard": {"enabled": True, "generate_payment_token": False}}}}},
    }


def control(origin, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(origin + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return answer.read()


def timed(command, environment):
    started = time.monotonic()
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("bench: %s failed (%d): %s" % (" ".join(command[:3]), result.returncode, result.stderr[-2000:]))
    return time.monotonic() - started


def main():
    ids = ["T%08d" % (index + 1) for index in range(ACCOUNTS)]
    state_path = os.path.join(WORK, "remote-state.json")
    with open(state_path, "w") as out:
        json.dump({"accounts": {account: account_state() for account in ids}}, out)
    emulator = subprocess.Popen([sys.executable, EMULATOR, "--port", "0", "--state", state_path],
                                stdout=subprocess.PIPE, text=True)
    try:
        origin = emulator.stdout.readline().split()[1]
        environment = dict(os.environ, CHECKOUT_ADMIN_API_URL=origin + "/v1", CHECKOUT_ADMIN_AUTH_URL=origin + "/v1",
                           CHECKOUT_ADMIN_CLIENT_ID="bench", CHECKOUT_ADMIN_CLIENT_SECRET="bench-secret",
                           CHECKOUT_ADMIN_ACTOR="bench")
        control(origin, "POST", "/_emulator/faults",
                {"kind": "delay", "ms": LATENCY_MS, "times": 1_000_000_000})
        rows = []
        for jobs in (1, 8):
            store = os.path.join(WORK, "remote-%d.sqlite" % jobs)
            pull = timed([BIN, "--store", store, "pull", *ids, "--jobs", str(jobs)], environment)
            subprocess.run(["sqlite3", store, "UPDATE setting SET value = 'https://bench.example/logo.png' "
                            "WHERE key = 'logo_url'"], check=True)
            push = timed([BIN, "--store", store, "push", "--all", "--jobs", str(jobs), "--quiet"], environment)
            control(origin, "PUT", "/_emulator/state", json.load(open(state_path)))
            control(origin, "POST", "/_emulator/faults",
                    {"kind": "delay", "ms": LATENCY_MS, "times": 1_000_000_000})
            rows.append((jobs, pull, push))
        print("\nremote: %d accounts, %d ms emulated latency per request (3 reads per account to pull, "
              "3 reads + 1 PUT to push)" % (ACCOUNTS, LATENCY_MS))
        print("  jobs  pull      push")
        for jobs, pull, push in rows:
            print("  %-4d  %6.1f s  %6.1f s" % (jobs, pull, push))
        print("  speed-up with --jobs 8: pull %.1fx, push %.1fx" % (rows[0][1] / rows[1][1], rows[0][2] / rows[1][2]))
    finally:
        emulator.terminate()
        emulator.wait()


if __name__ == "__main__":
    main()
