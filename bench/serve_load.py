#!/usr/bin/env python3
"""Load on `newslint serve`, on loopback only: N clients, each on its own keep-alive
connection, post articles from a corpus to /api/v1/check for a fixed time. Prints
requests/s, latency percentiles, errors, and the server's resident memory over the run
(peak in the first and in the last 10 s, to show whether it grows). With --faults, during
the same run: clients that hang up halfway through a body, one 50 MB body, 1,000 idle
connections, and a broken rule pack written (then repaired) while the load goes on.
With --cli, also times `newslint check --format json` over the same files for articles/s.

usage: python3 bench/serve_load.py CORPUS_DIR [--bin target/release/newslint]
           [--clients 64] [--seconds 30] [--faults] [--cli]

Build first: `cargo build --release`. The server is started by the script on 127.0.0.1
with a free port and stopped at the end; nothing but loopback is touched.
"""
import argparse
import asyncio
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time


def article_files(root):
    files = []
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith(".txt"):
                files.append(os.path.join(d, n))
    files.sort()
    return files


def request_bytes(path, text, host):
    body = json.dumps({"text": text, "filename": os.path.basename(path)}).encode()
    head = (
        f"POST /api/v1/check HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    return head + body


async def read_response(reader):
    """Status and body length of one keep-alive response (Content-Length bodies)."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def client(host, port, requests, offset, stop_at, results):
    reader, writer = await asyncio.open_connection(host, port)
    i = offset
    try:
        while time.monotonic() < stop_at:
            payload = requests[i % len(requests)]
            i += 1
            started = time.perf_counter()
            writer.write(payload)
            try:
                status = await read_response(reader)
            except (asyncio.IncompleteReadError, ConnectionError) as err:
                results["errors"].append(f"connection: {err!r}")
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                continue
            results["latencies"].append(time.perf_counter() - started)
            results["statuses"][status] = results["statuses"].get(status, 0) + 1
            if status != 200:
                results["errors"].append(f"status {status}")
    finally:
        writer.close()


def cpu_seconds(pid):
    """User plus system CPU time of a process so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def sample_memory(pid, stop_at, samples):
    start = time.monotonic()
    while time.monotonic() < stop_at:
        samples.append((time.monotonic() - start, rss_kib(pid)))
        await asyncio.sleep(0.25)


# ---- faults ---------------------------------------------------------------------------

async def hang_up_halfway(host, port, stop_at, counts):
    """Send headers promising 20,000 bytes, send 500, hang up; again and again."""
    while time.monotonic() < stop_at:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(
            b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 20000\r\n\r\n"
            + b'{"text": "' + b"x" * 490
        )
        await writer.drain()
        writer.transport.abort()
        counts["hung_up"] += 1
        await asyncio.sleep(0.05)


async def huge_body(host, port, counts):
    """One 50 MB body, sent whole; the answer must be a JSON 413."""
    await asyncio.sleep(5)
    size = 50 * 1024 * 1024
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        f"POST /api/v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: {size}\r\n\r\n".encode()
    )
    chunk = b"a" * (1024 * 1024)
    sent = 0
    try:
        for _ in range(50):
            writer.write(chunk)
            await writer.drain()
            sent += len(chunk)
    except ConnectionError as err:
        counts["huge_send_error"] = repr(err)
    try:
        status = await asyncio.wait_for(read_response(reader), 30)
        counts["huge_status"] = status
    except Exception as err:  # noqa: BLE001 - reported, not hidden
        counts["huge_status"] = f"no answer: {err!r}"
    counts["huge_sent_mb"] = sent // (1024 * 1024)
    writer.close()


async def idle_connections(host, port, n, stop_at, counts):
    """Hold n connections open, sending nothing, for the whole run."""
    held = []
    for _ in range(n):
        try:
            held.append(await asyncio.open_connection(host, port))
        except OSError as err:
            counts["idle_error"] = repr(err)
            break
    counts["idle_open"] = len(held)
    while time.monotonic() < stop_at:
        await asyncio.sleep(0.5)
    for _, writer in held:
        writer.close()


async def broken_reload(pack_path, good_pack, log_path, counts):
    """Break the rule pack at 10 s, repair it at 20 s; read what the log says."""
    await asyncio.sleep(10)
    with open(pack_path, "w") as f:
        f.write('[pack]\nname = "house"\n\n[[rule]]\nid = "house-word"\nkind = "pattern"\npattern = \'ab(c\'\nmessage = "x"\n')
    await asyncio.sleep(10)
    with open(pack_path, "w") as f:
        f.write(good_pack.replace("pier", "harbour"))
    await asyncio.sleep(3)
    with open(log_path) as f:
        reloads = [json.loads(l) for l in f if '"event":"reload"' in l]
    counts["reloads"] = [
        {"ok": r["ok"], "trigger": r["trigger"], **({"errors": r["errors"]} if not r["ok"] else {})}
        for r in reloads
    ]


GOOD_PACK = """[pack]
name = "house"

[[rule]]
id = "house-word"
kind = "pattern"
severity = "info"
words = ["pier"]
message = "house style: avoid {match}"

[[rule.examples]]
bad = "The pier opened."
[[rule.examples]]
good = "The town grew."
"""


def start_server(binary, workdir, extra):
    log_path = os.path.join(workdir, "server.log")
    log = open(log_path, "w")
    proc = subprocess.Popen(
        [binary, "serve", "--bind", "127.0.0.1:0", *extra],
        stdout=subprocess.DEVNULL,
        stderr=log,
        cwd=workdir,
    )
    for _ in range(200):
        time.sleep(0.05)
        with open(log_path) as f:
            for line in f:
                if '"event":"listening"' in line:
                    host, port = json.loads(line)["address"].rsplit(":", 1)
                    return proc, host, int(port), log_path
    proc.kill()
    sys.exit("the server did not start: " + open(log_path).read())


async def run(args, requests, host, port, pid, workdir, log_path):
    stop_at = time.monotonic() + args.seconds
    results = {"latencies": [], "statuses": {}, "errors": []}
    samples = []
    counts = {"hung_up": 0}
    tasks = [
        client(host, port, requests, i * 37, stop_at, results) for i in range(args.clients)
    ]
    tasks.append(sample_memory(pid, stop_at, samples))
    if args.faults:
        tasks += [
            hang_up_halfway(host, port, stop_at, counts),
            huge_body(host, port, counts),
            idle_connections(host, port, 1000, stop_at, counts),
            broken_reload(os.path.join(workdir, "rules", "house.toml"), GOOD_PACK, log_path, counts),
        ]
    started = time.monotonic()
    cpu_before = cpu_seconds(pid)
    await asyncio.gather(*tasks)
    counts["server_cpu_s"] = cpu_seconds(pid) - cpu_before
    return results, samples, counts, time.monotonic() - started


def cli_seconds(binary, corpus, config, runs=5):
    """Median wall time and median CPU time (user + system) of `newslint check`."""
    times = []
    cpu = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [binary, "check", "--config", config, "--format", "json", corpus],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--bin", default="target/release/newslint")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--faults", action="store_true")
    parser.add_argument("--cli", action="store_true")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))

    binary = os.path.abspath(args.bin)
    files = article_files(args.corpus)
    with tempfile.TemporaryDirectory() as workdir:
        os.mkdir(os.path.join(workdir, "rules"))
        with open(os.path.join(workdir, "rules", "house.toml"), "w") as f:
            f.write(GOOD_PACK)
        with open(os.path.join(workdir, "newslint.toml"), "w") as f:
            f.write('rule-files = ["rules"]\n')
        proc, host, port, log_path = start_server(
            binary, workdir, ["--config", os.path.join(workdir, "newslint.toml")]
        )
        try:
            requests = []
            for path in files:
                with open(path, "rb") as f:
                    raw = f.read()
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    # A few BBC files are Latin-1 (the CLI reports them as not UTF-8); a CMS
                    # sends text, so they are sent decoded.
                    text = raw.decode("latin-1")
                requests.append(request_bytes(path, text, f"{host}:{port}"))
            results, samples, counts, elapsed = asyncio.run(
                run(args, requests, host, port, proc.pid, workdir, log_path)
            )
            alive = proc.poll() is None
            cli = None
            if args.cli:
                cli = cli_seconds(binary, args.corpus, os.path.join(workdir, "newslint.toml"))
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        lat = sorted(results["latencies"])
        n = len(lat)

        def pct(p):
            return lat[min(n - 1, int(p * n))] * 1000 if n else float("nan")

        first = [kib for t, kib in samples if t <= 10]
        last = [kib for t, kib in samples if t >= args.seconds - 10]
        print(f"articles: {len(files)} from {args.corpus}; clients: {args.clients}; {elapsed:.1f} s")
        print(f"requests: {n}  ({n / elapsed:,.0f} req/s)")
        print(f"latency: p50 {pct(0.50):.2f} ms, p90 {pct(0.90):.2f} ms, p99 {pct(0.99):.2f} ms, max {lat[-1] * 1000 if n else 0:.2f} ms")
        print(f"statuses: {results['statuses']}")
        print(f"errors: {len(results['errors'])}" + (f" (first: {results['errors'][:3]})" if results["errors"] else ""))
        print(f"server RSS: peak first 10 s {max(first) / 1024:.1f} MiB, peak last 10 s {max(last) / 1024:.1f} MiB, overall peak {max(k for _, k in samples) / 1024:.1f} MiB")
        server_cpu = counts.pop("server_cpu_s")
        print(f"server CPU: {server_cpu:.1f} s over the run ({n / server_cpu:,.0f} requests per CPU-second)")
        print(f"server alive at the end: {alive}")
        if args.faults:
            print(f"faults: {json.dumps(counts)}")
        if cli is not None:
            wall, cpu = cli
            print(f"CLI: newslint check --format json over the same {len(files)} files, same settings: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU, medians of 5 ({len(files) / wall:,.0f} articles/s; {len(files) / cpu:,.0f} per CPU-second)")


if __name__ == "__main__":
    main()
