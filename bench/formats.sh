#!/usr/bin/env bash
# Throughput of the markup formats with the `news` pack: the 181 real pages of the
# web-extraction corpus (decompressed) as HTML, and the NITF and NewsML-G2 fixtures copied
# to 4,000 files as wire XML. Prints MB/s, the median of five runs on one core and on all.
# Usage: bench/formats.sh [NEWSLINT] [CORPUS]
set -euo pipefail
newslint=$(realpath "${1:-target/release/newslint}")
corpus=$(realpath "${2:-$(dirname "$0")/../../shared/corpus/web-extraction}")
fixtures=$(realpath "$(dirname "$0")/../tests/fixtures/formats")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/html" "$work/xml"
for page in "$corpus"/html/*.html.gz; do
  gzip -dc "$page" > "$work/html/$(basename "$page" .gz)"
done
for i in $(seq 1 2000); do
  cp "$fixtures/wire-nitf.xml" "$work/xml/nitf-$i.xml"
  cp "$fixtures/wire-newsml.xml" "$work/xml/newsml-$i.xml"
done
python3 - "$newslint" "$work" <<'PY'
import os, statistics, subprocess, sys, time
newslint, work = sys.argv[1], sys.argv[2]
for kind in ("html", "xml"):
    folder = os.path.join(work, kind)
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    size = sum(os.path.getsize(f) for f in files)
    for jobs in ("1", str(os.cpu_count())):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([newslint, "--isolated", "--format", "concise", "--jobs", jobs, "--fail-on", "never", *files],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        t = statistics.median(times)
        print(f"{kind}: {len(files)} files, {size/1e6:.1f} MB, --jobs {jobs}: {t:.3f} s median, {size/1e6/t:.1f} MB/s")
PY
