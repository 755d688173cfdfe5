#!/usr/bin/env bash
# Body-extraction score on the web-extraction benchmark, with the benchmark's own scorer.
# Usage: bench/extraction.sh [NEWSLINT] [CORPUS]   (defaults: target/release/newslint,
# ../shared/corpus/web-extraction). Pages are decompressed into a temporary folder; each is
# read with `newslint inspect --format json` and its `articleBody` scored by evaluate.py.
set -euo pipefail
newslint=$(realpath "${1:-target/release/newslint}")
corpus=$(realpath "${2:-$(dirname "$0")/../../shared/corpus/web-extraction}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$corpus/evaluate.py" "$corpus/ground-truth.json" "$work/"
mkdir -p "$work/output" "$work/pages"
python3 - "$newslint" "$corpus" "$work" <<'PY'
import gzip, json, subprocess, sys, pathlib
newslint, corpus, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
out, failed = {}, 0
for page in sorted((corpus / "html").glob("*.html.gz")):
    key = page.name[: -len(".html.gz")]
    html = work / "pages" / f"{key}.html"
    html.write_bytes(gzip.decompress(page.read_bytes()))
    run = subprocess.run([newslint, "inspect", "--isolated", "--format", "json", str(html)],
                         capture_output=True)
    if run.returncode != 0:
        failed += 1
        print(f"{key}: {run.stderr.decode(errors='replace').strip()}", file=sys.stderr)
        out[key] = {"articleBody": ""}
        continue
    out[key] = {"articleBody": json.loads(run.stdout)["articleBody"]}
(work / "output" / "newslint.json").write_text(json.dumps(out))
print(f"{len(out)} pages, {failed} not read", file=sys.stderr)
PY
cd "$work" && python3 evaluate.py --n-bootstrap 200
