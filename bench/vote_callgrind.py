"""Count the instructions of each kind of vote request with callgrind: ``python bench/vote_callgrind.py``.

It runs ``bench/vote_profile.py`` (BENCH_VOTERS voters, 20 by default) under
``valgrind --tool=callgrind`` with instrumentation off, and switches it on only while each kind's
requests run (a first vote, a refused second vote, ``/salud/``), through callgrind's client
requests in a small C helper compiled here with the system's compiler. Instructions are the
machine-independent cost of a request: the same code gives the same count on a busy machine.
Set BENCH_SECRET=1 to vote in a secret ballot instead of a named one.
"""

import ctypes
import gc
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELPER = r"""
#include <valgrind/callgrind.h>
void phase_start(void) { CALLGRIND_START_INSTRUMENTATION; CALLGRIND_ZERO_STATS; }
void phase_stop(const char *label) { CALLGRIND_DUMP_STATS_AT(label); CALLGRIND_STOP_INSTRUMENTATION; }
"""


def child():
    """Inside valgrind: run the profile with a hook that counts each kind's requests alone."""
    folder = Path(os.environ["VOTE_CALLGRIND_DIR"])
    source = folder / "phases.c"
    source.write_text(HELPER)
    library = folder / "phases.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-O1", "-o", str(library), str(source)], check=True)
    phases = ctypes.CDLL(str(library))
    sys.path.insert(0, str(ROOT))
    from bench import vote_profile

    def hook(label, count, started):
        if started:
            gc.collect()  # so that no phase pays for collecting what an earlier one left
            phases.phase_start()
        else:
            phases.phase_stop(f"{label}|{count}".encode())

    vote_profile.PHASE_HOOK = hook
    vote_profile.main()


def main():
    folder = tempfile.mkdtemp(prefix="axs-callgrind-")
    env = {**os.environ, "VOTE_CALLGRIND_DIR": folder, "BENCH_VOTERS": os.environ.get("BENCH_VOTERS", "20")}
    subprocess.run(
        ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={folder}/out.%p",
         sys.executable, __file__],
        cwd=ROOT, env=env, check=True, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    print(f"\n{'request kind':<22} {'instructions per request':>26}")
    for dump in sorted(Path(folder).glob("out.*"), key=lambda path: path.stat().st_mtime):
        text = dump.read_text(errors="replace")
        trigger = re.search(r"^desc: Trigger: Client Request: (.+)\|(\d+)$", text, re.MULTILINE)
        total = re.search(r"^(?:summary|totals): (\d+)", text, re.MULTILINE)
        if trigger and total:
            label, count = trigger.group(1), int(trigger.group(2))
            print(f"{label:<22} {int(total.group(1)) / count:>26,.0f}")


if __name__ == "__main__":
    if os.environ.get("VOTE_CALLGRIND_DIR"):
        child()
    else:
        main()
