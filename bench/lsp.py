#!/usr/bin/env python3
"""`newslint lsp` on a corpus, over stdio, as an editor drives it. For every article: open
it, wait for its diagnostics, ask for the code actions at its first finding, close it.
Prints latency percentiles (open → diagnostics, code-action round trip), checks that the
findings are exactly those of `newslint check --format json` on the same files, at the same
positions converted to UTF-16 units (the CLI counts characters), and the server's peak
memory. Then "typing": one long document (the corpus joined) gets N changes in quick
succession; prints how many diagnostics were published (coalesced) and the time from the
last change to its diagnostics. Last, one 0.76 MB line with 40,000 findings.

usage: python3 bench/lsp.py CORPUS_DIR [--bin target/release/newslint] [--limit N]
           [--changes 50] [--joined 200]

Build first: `cargo build --release`. Runs with --isolated (the built-in news pack).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import queue
import time


def article_files(root, limit):
    files = []
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith((".txt", ".md")):
                files.append(os.path.join(d, n))
    files.sort()
    return files[:limit] if limit else files


class Server:
    def __init__(self, binary):
        self.proc = subprocess.Popen(
            [binary, "lsp", "--isolated"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=os.getcwd())
        self.incoming = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.incoming.put((time.perf_counter(), json.loads(out.read(length))))

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m)

    def wait(self, wanted):
        while True:
            at, message = self.incoming.get(timeout=300)
            if wanted(message):
                return at, message

    def peak_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0


def utf16_col(text_line, char_col):
    return len(text_line[:char_col].encode("utf-16-le")) // 2


def percentiles(values):
    values = sorted(values)
    pick = lambda p: values[min(len(values) - 1, int(p * len(values)))]
    return f"p50 {statistics.median(values) * 1000:.2f} ms, p90 {pick(0.9) * 1000:.2f} ms, " \
           f"p99 {pick(0.99) * 1000:.2f} ms, max {values[-1] * 1000:.2f} ms"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--bin", default="target/release/newslint")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--changes", type=int, default=50)
    ap.add_argument("--joined", type=int, default=200)
    args = ap.parse_args()
    files = article_files(args.corpus, args.limit)

    cli = subprocess.run([args.bin, "check", "--isolated", "--format", "json", *files],
                         capture_output=True, text=True)
    expected = {}
    for d in json.loads(cli.stdout)["diagnostics"]:
        expected.setdefault(os.path.abspath(d["path"]), []).append(d)

    server = Server(args.bin)
    server.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    server.notify("initialized", {})
    opens, actions, mismatches, findings = [], [], 0, 0
    skipped = 0
    for path in files:
        path = os.path.abspath(path)
        try:
            text = open(path, encoding="utf-8", newline="").read()
        except UnicodeDecodeError:
            skipped += 1  # `check` reports these as unreadable; an editor would not send them
            continue
        uri = "file://" + path
        sent = time.perf_counter()
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
        at, published = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                    and m["params"]["uri"] == uri)
        opens.append(at - sent)
        got = sorted((d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"])
                     for d in published["params"]["diagnostics"])
        lines = text.split("\n")  # LSP lines, like the CLI's, end at \n
        want = sorted((d["rule"], d["line"] - 1, utf16_col(lines[d["line"] - 1], d["column"] - 1))
                      for d in expected.get(path, []))
        findings += len(got)
        if got != want:
            mismatches += 1
            if mismatches <= 3:
                print(f"mismatch in {path}:\n  lsp {got}\n  cli {want}", file=sys.stderr)
        if published["params"]["diagnostics"]:
            first = published["params"]["diagnostics"][0]["range"]
            sent = time.perf_counter()
            at, _ = server.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": first, "context": {"diagnostics": []}})
            actions.append(at - sent)
        server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    print(f"{len(opens)} articles ({skipped} not UTF-8, left out), {findings} findings; articles whose findings differ from "
          f"`newslint check`: {mismatches}")
    print(f"open → diagnostics: {percentiles(opens)}")
    if actions:
        print(f"code actions at the first finding ({len(actions)} articles): {percentiles(actions)}")

    joined = "\n\n".join(open(p, encoding="utf-8", errors="replace", newline="").read()
                         for p in files[:args.joined])
    uri = "file://" + os.path.abspath("joined.txt")
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": joined}})
    server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri)
    for version in range(2, args.changes + 2):
        joined = joined + " x"
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": joined}]})
        time.sleep(0.01)
    last_sent = time.perf_counter()
    published = []
    while True:
        at, m = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri)
        published.append(m["params"]["version"])
        if m["params"]["version"] == args.changes + 1:
            break
    print(f"typing: {args.changes} changes 10 ms apart to a {len(joined.encode()) / 1e6:.2f} MB "
          f"document: {len(published)} diagnostics published (versions {published}); "
          f"last change → its diagnostics {(at - last_sent) * 1000:.0f} ms")
    # One long line with a finding every few characters (a CMS export without line breaks).
    line = "Headline\n\n" + "“Quote” — TK " * 40_000 + "\n"
    uri = "file://" + os.path.abspath("one-line.txt")
    sent = time.perf_counter()
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": line}})
    at, m = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"]["uri"] == uri)
    print(f"one {len(line.encode()) / 1e6:.2f} MB line, {len(m['params']['diagnostics'])} "
          f"findings: open → diagnostics {(at - sent) * 1000:.0f} ms")
    print(f"server peak memory: {server.peak_kib() / 1024:.1f} MiB")
    server.request("shutdown", None)
    server.notify("exit", None)
    server.proc.wait(timeout=60)


if __name__ == "__main__":
    main()
