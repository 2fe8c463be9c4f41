#!/usr/bin/python3
"""Consecutive headless starts of the sweeplab Jupyter kernel; reports the starts that hang.

Each start launches the kernelspec through jupyter_client, waits for the kernel to answer, executes one
cell, and checks that the cell's outputs hold the expected MIME type. A start that does not answer within
the timeouts counts as a hang; its kernel is killed and the next start goes on.

Usage (after ./mvnw package):
    /usr/bin/python3 bench/kernel_starts.py                  # 30 starts with the kernelspec of target/
    /usr/bin/python3 bench/kernel_starts.py --without-fix    # the same kernel without sweeplab's start-up fix
Exit code: 0 if no start hung or failed, 1 otherwise.
"""
import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CODE = 'Table.create("t", IntColumn.create("x", 1, 2, 3), StringColumn.create("s", "a", "b", "c"))'


def install(dist, jupyter_dir, without_fix):
    kernels = os.path.join(jupyter_dir, "kernels")
    shutil.rmtree(kernels, ignore_errors=True)
    cp = os.pathsep.join([os.path.join(dist, "*"), os.path.join(dist, "lib", "*")])
    subprocess.run(["java", "-cp", cp, os.path.join(HERE, "InstallBenchKernel.java"), dist, kernels],
                   check=True, stdout=subprocess.DEVNULL)
    spec_path = os.path.join(kernels, "sweeplab-java", "kernel.json")
    if without_fix:
        with open(spec_path) as f:
            spec = json.load(f)
        i = spec["argv"].index("-cp") + 1
        spec["argv"][i] = os.pathsep.join(p for p in spec["argv"][i].split(os.pathsep) if "kernel-fix" not in p)
        with open(spec_path, "w") as f:
            json.dump(spec, f, indent=1)
    return "sweeplab-java"


def one_start(name, code, expect, ready_timeout, exec_timeout):
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name=name)
    km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    t0 = time.monotonic()
    try:
        try:
            kc.wait_for_ready(timeout=ready_timeout)
        except RuntimeError as e:
            return "hang", time.monotonic() - t0, "not ready: %s" % e
        msg_id = kc.execute(code)
        mimes = set()
        deadline = time.monotonic() + exec_timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return "hang", time.monotonic() - t0, "no idle status after execute"
            try:
                msg = kc.get_iopub_msg(timeout=left)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind in ("execute_result", "display_data"):
                mimes.update(msg["content"]["data"].keys())
            elif kind == "error":
                return "error", time.monotonic() - t0, msg["content"].get("evalue", "")
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                break
        if expect and expect not in mimes:
            return "error", time.monotonic() - t0, "outputs %s lack %s" % (sorted(mimes), expect)
        return "ok", time.monotonic() - t0, ""
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--starts", type=int, default=30)
    ap.add_argument("--dist", default=os.path.join(ROOT, "target"), help="built distribution folder")
    ap.add_argument("--without-fix", action="store_true", help="drop sweeplab's start-up fix from the class path")
    ap.add_argument("--code", default=DEFAULT_CODE, help="the cell to execute")
    ap.add_argument("--expect", default="text/html", help="MIME type the cell must output ('' for none)")
    ap.add_argument("--jupyter-path", help="use the kernelspec already under JUPYTER_PATH/kernels; install none")
    ap.add_argument("--ready-timeout", type=float, default=60.0)
    ap.add_argument("--exec-timeout", type=float, default=60.0)
    args = ap.parse_args()

    if args.jupyter_path:
        os.environ["JUPYTER_PATH"] = args.jupyter_path
        name = "sweeplab-java"
    else:
        jupyter_dir = os.path.join(os.path.abspath(args.dist), "bench-jupyter")
        os.environ["JUPYTER_PATH"] = jupyter_dir
        name = install(os.path.abspath(args.dist), jupyter_dir, args.without_fix)
    counts = {"ok": 0, "hang": 0, "error": 0}
    times = []
    for i in range(1, args.starts + 1):
        status, secs, detail = one_start(name, args.code, args.expect, args.ready_timeout, args.exec_timeout)
        counts[status] += 1
        times.append(secs)
        print("start %2d: %-5s %5.1f s %s" % (i, status, secs, detail), flush=True)
    times.sort()
    print("%d passed, %d failed" % (counts["ok"], counts["hang"] + counts["error"]))
    print("starts=%d ok=%d hang=%d error=%d fix=%s median=%.1fs max=%.1fs" % (
        args.starts, counts["ok"], counts["hang"], counts["error"], "no" if args.without_fix else "yes",
        times[len(times) // 2], times[-1]))
    return 0 if counts["ok"] == args.starts else 1


if __name__ == "__main__":
    sys.exit(main())
