"""The scenarios of Scripts/stress.sh: python3 Scripts/lib/stress BINARY WORK_FOLDER [--quick] [GROUP…].

Each scenario prints its figures and records its checks; the run ends with `stress: N passed, M failed` and
exits 1 when any check failed. A check this machine cannot run is printed as NOT RUN, never as passed."""
import sys
import time
import traceback

import common


def main():
    binary, work = sys.argv[1], sys.argv[2]
    only = [word for word in sys.argv[3:] if not word.startswith("--")]
    common.configure(binary, work, "--quick" in sys.argv[3:])
    import attacks
    import concurrency
    import inputs
    import output
    import signals
    groups = {"attacks": attacks, "concurrency": concurrency, "signals": signals, "output": output, "inputs": inputs}
    tally = common.TALLY
    print("stress: %s, binary %s" % ("--quick" if common.QUICK else "full run", common.BIN))
    for name, module in groups.items():
        if only and name not in only:
            continue
        started = time.time()
        try:
            module.run()
        except Exception:  # a scenario that cannot finish is a failed check, never a silent pass
            traceback.print_exc(file=sys.stdout)
            tally.check("%s scenarios ran to the end" % name, False)
        print("  (%s: %.0f s)" % (name, time.time() - started))
    print()
    for name in tally.failed:
        print("FAILED: " + name)
    print("took %.0f s" % (time.time() - tally.started))
    print("stress: %d passed, %d failed" % (len(tally.passed), len(tally.failed)))
    sys.exit(1 if tally.failed else 0)


if __name__ == "__main__":
    main()
