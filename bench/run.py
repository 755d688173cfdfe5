#!/usr/bin/env python3
"""Whole-process benchmarks of newslint: throughput against the `cat` floor, growth with
corpus size, peak memory, and the one-article (editor, pre-commit) case.

usage: python3 bench/run.py CORPUS_DIR [--bin target/release/newslint] [--runs 5]
                            [--scales 1,10,20,40] [--skip-scale]

Build first: `cargo build --release`. Every figure is the median of --runs runs; peak
memory is the maximum resident set size reported by /usr/bin/time -v.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def article_files(root):
    files = []
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith((".txt", ".md", ".markdown")):
                files.append(os.path.join(d, n))
    files.sort()
    return files


def timed(argv, stdin=None, env=None):
    """Run argv under /usr/bin/time -v; return (seconds, peak KiB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-v"] + argv,
        stdin=stdin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    seconds = time.perf_counter() - start
    peak = 0
    for line in proc.stderr.decode(errors="replace").splitlines():
        if "Maximum resident set size" in line:
            peak = int(line.split(":")[1])
    return seconds, peak, proc.returncode


def median_run(argv, runs, stdin_path=None):
    times, peaks, code = [], [], None
    for _ in range(runs):
        stdin = open(stdin_path, "rb") if stdin_path else None
        seconds, peak, code = timed(argv, stdin=stdin)
        if stdin:
            stdin.close()
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks), code


def cat_floor(files, runs):
    """`cat` of every file into /dev/null, in batches so argv stays short."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for i in range(0, len(files), 2000):
            subprocess.run(["cat"] + files[i : i + 2000], stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def config_dir(packs):
    d = tempfile.mkdtemp(prefix="newslint-bench-")
    with open(os.path.join(d, "newslint.toml"), "w") as fh:
        fh.write("packs = [%s]\n" % ", ".join('"%s"' % p for p in packs))
    return d


def report_line(label, seconds, total_bytes, n_files, floor, peak_kib):
    mb = total_bytes / 1e6
    ratio = f"{seconds / floor:5.1f}x cat" if floor else ""
    print(
        f"{label:28} {seconds * 1000:9.1f} ms {mb / seconds:8.1f} MB/s "
        f"{n_files / seconds:10.0f} articles/s {ratio:>10} {peak_kib / 1024:7.1f} MB peak"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--bin", default="target/release/newslint")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scales", default="1,10,20,40")
    ap.add_argument("--skip-scale", action="store_true")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: run `cargo build --release` first")
    files = article_files(args.corpus)
    total = sum(os.path.getsize(f) for f in files)
    print(f"corpus: {args.corpus}: {len(files)} articles, {total / 1e6:.1f} MB; {os.cpu_count()} cores; median of {args.runs} runs")

    floor = cat_floor(files, args.runs)
    print(f"{'cat > /dev/null (floor)':28} {floor * 1000:9.1f} ms {total / 1e6 / floor:8.1f} MB/s")
    for packs in (["news"], ["news", "ap"]):
        cfg = config_dir(packs)
        argv = [binary, "check", "--format", "json", "--config", os.path.join(cfg, "newslint.toml"), os.path.abspath(args.corpus)]
        seconds, peak, _ = median_run(argv, args.runs)
        report_line("newslint " + "+".join(packs), seconds, total, len(files), floor, peak)
        shutil.rmtree(cfg)

    # One article: start-up plus one lint, as an editor or a pre-commit hook runs it. Timed
    # without /usr/bin/time in between; `true` shows what spawning a process costs here.
    one = files[len(files) // 2]
    def spawn_median(argv, n=50):
        times = []
        for _ in range(n):
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    floor_one = spawn_median(["true"])
    for packs in (["news"], ["news", "ap"]):
        cfg = config_dir(packs)
        seconds = spawn_median([binary, "check", "--format", "concise", "--config", os.path.join(cfg, "newslint.toml"), one])
        shutil.rmtree(cfg)
        print(f"{'one article, ' + '+'.join(packs):28} {seconds * 1000:9.2f} ms  (median of 50; {os.path.getsize(one)} bytes; spawning `true` takes {floor_one * 1000:.2f} ms)")

    if args.skip_scale:
        return
    print("\ngrowth with corpus size:")
    scales = [int(s) for s in args.scales.split(",")]
    work = tempfile.mkdtemp(prefix="newslint-scale-")
    try:
        made = 0
        for scale in scales:
            while made < scale:
                shutil.copytree(args.corpus, os.path.join(work, f"copy{made:03d}"))
                made += 1
            for packs in (["news"], ["news", "ap"]):
                cfg = config_dir(packs)
                argv = [binary, "check", "--format", "json", "--config", os.path.join(cfg, "newslint.toml"), work]
                seconds, peak, _ = median_run(argv, max(1, min(args.runs, 3)))
                shutil.rmtree(cfg)
                label = f"{scale:3d}x {'+'.join(packs)} ({len(files) * scale} articles)"
                report_line(label, seconds, total * scale, len(files) * scale, 0, peak)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
