#!/usr/bin/env python3
"""Two newslint binaries timed in turn over the same copies of a corpus, for a before/after
figure on a machine whose speed drifts from one minute to the next (a bench run of each,
minutes apart, can differ by a fifth on a shared 2-core machine): runs alternate A, B, A,
B ..., so both see the same drift, and each side's median is printed with every run.

usage: python3 bench/ab.py CORPUS_DIR --a OLD_BINARY --b NEW_BINARY
                           [--copies 40] [--runs 5] [--packs news,ap]

Build both first, e.g. `git worktree add /tmp/old <rev>` and `cargo build --release` there.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from run import article_files, config_dir


def one_run(binary, config, folder):
    """Wall-clock seconds of one `check --format json` over `folder`."""
    start = time.perf_counter()
    subprocess.run(
        [binary, "check", "--format", "json", "--config", config, folder],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--a", required=True, help="the binary before")
    ap.add_argument("--b", required=True, help="the binary after")
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--packs", default="news,ap")
    args = ap.parse_args()
    binaries = [os.path.abspath(args.a), os.path.abspath(args.b)]
    for binary in binaries:
        if not os.path.exists(binary):
            sys.exit(f"{binary} not found")
    total = sum(os.path.getsize(f) for f in article_files(args.corpus)) * args.copies
    work = tempfile.mkdtemp(prefix="newslint-ab-")
    cfg = config_dir(args.packs.split(","))
    try:
        for copy in range(args.copies):
            shutil.copytree(args.corpus, os.path.join(work, f"copy{copy:03d}"))
        config = os.path.join(cfg, "newslint.toml")
        times = [[], []]
        for _ in range(args.runs):
            for side, binary in enumerate(binaries):
                times[side].append(one_run(binary, config, work))
        print(f"{args.copies} copies of {args.corpus} ({total / 1e6:.0f} MB), packs {args.packs}, "
              f"{args.runs} runs each, alternating")
        for label, binary, runs in zip("AB", binaries, times):
            median = statistics.median(runs)
            shown = " ".join(f"{t:.2f}" for t in runs)
            print(f"{label} {binary}: median {median:.2f} s, {total / 1e6 / median:.1f} MB/s  ({shown})")
        change = statistics.median(times[1]) / statistics.median(times[0]) - 1
        print(f"B's median time is {change:+.1%} against A's")
    finally:
        shutil.rmtree(work)
        shutil.rmtree(cfg)


if __name__ == "__main__":
    main()
