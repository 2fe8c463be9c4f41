#!/usr/bin/python3
"""Interrupts a notebook cell that runs a long sweep, through jupyter_client, as the notebook's stop button does.

Called by SweepCellInterruptIT (after ./mvnw package) with JUPYTER_PATH pointing at a sweeplab kernelspec.
A cell runs Notebook.run(...) over 100,000 runs of 20 ms; the kernel is interrupted a few seconds after its
first runs. The cell
must end within the sweep's interrupt grace plus a margin, with an error output "sweep interrupted: N of M runs
done; resume with ...", an execute_reply and an idle status of its own; the journal must stop growing. A next cell
resumes the folder (finished runs are not run again) and is interrupted too: more runs are done, none twice.
Prints one line per check and "PASSED" at the end; exit code 0 only if every check held.
"""
import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import time

GRACE_S = 2.0        # execution.interrupt_grace of the sweep below
MARGIN_S = 8.0       # what the kernel may add: stopping, cancelling, writing results.csv and summary.json

SETUP = r'''
import java.nio.file.*;
Path out = Path.of("%(out)s");
SweepSpec spec = SweepSpec.builder("interrupt-me").simulation("lambda")
    .range("x", 1, 1000, 1).replicates(100).seed(7).maxParallel(2)
    .interruptGrace(java.time.Duration.ofSeconds(2)).build();
Simulation slow = ctx -> { Thread.sleep(20); return Metrics.of("y", ctx.getLong("x") + ctx.random().nextGaussian()); };
Sweep.of(spec).plan().runCount()
'''
RUN = 'Notebook.run(Sweep.of(spec).simulation(slow).output(out).ifExists(ExistingOutput.%s))'

failures = []


def check(ok, what):
    print("%s %s" % ("ok  " if ok else "FAIL", what), flush=True)
    if not ok:
        failures.append(what)


def execute_and_collect(kc, code, timeout):
    """Runs a cell to its end; returns (outputs of the cell, its execute_reply content, seconds)."""
    msg_id = kc.execute(code)
    return collect(kc, msg_id, time.monotonic(), timeout)


def collect(kc, msg_id, t0, timeout):
    outputs, idle, reply = [], False, None
    deadline = t0 + timeout
    while (not idle or reply is None) and time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=0.2)
            if msg["parent_header"].get("msg_id") == msg_id:
                kind = msg["msg_type"]
                if kind == "status" and msg["content"]["execution_state"] == "idle":
                    idle = True
                elif kind in ("stream", "error", "execute_result"):
                    outputs.append(msg)
        except queue.Empty:
            pass
        try:
            msg = kc.get_shell_msg(timeout=0.01)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_reply":
                reply = msg["content"]
        except queue.Empty:
            pass
    return outputs, idle, reply, time.monotonic() - t0


def journal_lines(out):
    path = os.path.join(out, "runs.jsonl")
    if not os.path.exists(path):
        return 0
    with open(path, "rb") as f:
        return f.read().count(b"\n")


def interrupted_cell(kc, km, code, out, after_s, label):
    """Runs the cell; once its sweep has journalled 20 new runs (the kernel may be slow to start it on a loaded
    machine), lets it go on for after_s seconds, then interrupts it."""
    start_lines = journal_lines(out)
    msg_id = kc.execute(code)
    deadline = time.monotonic() + 90
    while journal_lines(out) < start_lines + 20 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(after_s)
    before = journal_lines(out)
    t_int = time.monotonic()
    km.interrupt_kernel()
    outputs, idle, reply, secs = collect(kc, msg_id, t_int, GRACE_S + MARGIN_S + 20)
    check(reply is not None, "%s: the interrupted cell got its execute_reply (%.1f s after the interrupt)" % (label, secs))
    check(idle, "%s: the interrupted cell got its idle status" % label)
    check(secs <= GRACE_S + MARGIN_S, "%s: it ended within the grace %.0f s + %.0f s (took %.1f s)"
          % (label, GRACE_S, MARGIN_S, secs))
    check(reply is not None and reply.get("status") == "error", "%s: the reply's status is error (was %s)"
          % (label, reply and reply.get("status")))
    text = " ".join(o["content"].get("evalue", "") + o["content"].get("text", "") for o in outputs)
    m = re.search(r"sweep interrupted: ([\d,]+) of ([\d,]+) runs done; resume with", text)
    check(m is not None, "%s: the cell says 'sweep interrupted: N of M runs done; resume with ...' (got %r)"
          % (label, text[:300]))
    lines = journal_lines(out)
    time.sleep(1.0)
    check(journal_lines(out) == lines, "%s: the journal stopped growing at %d lines" % (label, lines))
    check(lines > before, "%s: runs were journalled before the interrupt (%d before it, %d in all)"
          % (label, before, lines))
    if m is None:
        return None, None
    done, planned = int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))
    check(done == lines, "%s: N (%d) is the number of runs in the journal (%d)" % (label, done, lines))
    check(planned == 100000, "%s: M is the plan's 100,000 runs (got %d)" % (label, planned))
    return done, planned


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True, help="the sweep's output folder (replaced)")
    ap.add_argument("--kernel", default="sweeplab-java")
    ap.add_argument("--interrupt-after", type=float, default=2.0)
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name=args.kernel)
    km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=90)
        outputs, idle, reply, _ = execute_and_collect(kc, SETUP % {"out": os.path.abspath(args.out)}, 90)
        check(reply is not None and reply.get("status") == "ok", "setup cell ran (%s)" % json.dumps(
            [o["content"] for o in outputs])[:300])
        first, _ = interrupted_cell(kc, km, RUN % "REPLACE", args.out, args.interrupt_after, "first run")
        second, _ = interrupted_cell(kc, km, RUN % "RESUME", args.out, args.interrupt_after / 2, "resumed run")
        if first is not None and second is not None:
            check(second > first, "the resume went on from %d to %d runs, none run twice" % (first, second))
        outputs, idle, reply, _ = execute_and_collect(kc, '"still alive: " + (1 + 1)', 30)
        check(reply is not None and reply.get("status") == "ok" and idle, "a next cell runs normally")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print("FAILED: %d check(s)" % len(failures) if failures else "PASSED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
