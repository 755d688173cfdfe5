#!/usr/bin/env bash
# Throughput of the markup formats with the `news` pack (the default): the 181 real pages
# of the web-extraction corpus (decompressed) as HTML; the NITF and NewsML-G2 fixtures
# copied to 4,000 files as wire XML; and 500 copies of an invented Word story as .docx
# (its MB/s counted on the unpacked word/document.xml, what is parsed). Prints MB/s, the
# median of five runs on one core and on all, with the CPU time (user + system) beside
# the wall time, since a shared machine's wall time says more about the load than about
# newslint: `uptime` is printed first.
# Usage: bench/formats.sh [NEWSLINT] [CORPUS]
set -euo pipefail
newslint=$(realpath "${1:-target/release/newslint}")
corpus=$(realpath "${2:-$(dirname "$0")/../../shared/corpus/web-extraction}")
fixtures=$(realpath "$(dirname "$0")/../tests/fixtures/formats")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/html" "$work/xml" "$work/docx"
for page in "$corpus"/html/*.html.gz; do
  gzip -dc "$page" > "$work/html/$(basename "$page" .gz)"
done
for i in $(seq 1 2000); do
  cp "$fixtures/wire-nitf.xml" "$work/xml/nitf-$i.xml"
  cp "$fixtures/wire-newsml.xml" "$work/xml/newsml-$i.xml"
done
python3 - "$work/docx" <<'PY'
# A Word story as Word writes it: styles, runs with properties, proofing marks, bookmarks.
import shutil, sys, zipfile
folder = sys.argv[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
run = lambda t: f'<w:r w:rsidRPr="00A1B2C3"><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>'
para = lambda style, text: (f'<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:pPr>'
    + (f'<w:pStyle w:val="{style}"/>' if style else '') + '<w:spacing w:after="160"/></w:pPr>'
    + ''.join(run(t) for t in text.split('|')) + '<w:proofErr w:type="spellStart"/><w:proofErr w:type="spellEnd"/></w:p>')
sentence = ('The harbour board met on Tuesday, for the third time this month, and agreed, '
            '|after a long debate about costs, to rebuild the north wall by the spring. ')
body = [para('Title', 'Harbour wall to be rebuilt by spring'),
        para('Subtitle', 'Penhallow board approves the contract after a long debate')]
for n in range(40):
    body.append(para('Heading2', f'Part {n}') if n % 10 == 9 else para('', sentence * 3))
body.append(para('', 'Photo: Penhallow Post/Ines Corrow'))
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>'
first = f'{folder}/story-0.docx'
with zipfile.ZipFile(first, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('word/document.xml', document)
for i in range(1, 500):
    shutil.copy(first, f'{folder}/story-{i}.docx')
open(f'{folder}/../docx-xml-bytes', 'w').write(str(len(document.encode()) * 500))
PY
uptime
python3 - "$newslint" "$work" <<'PY'
import os, resource, statistics, subprocess, sys, time
newslint, work = sys.argv[1], sys.argv[2]
for kind in ("html", "xml", "docx"):
    folder = os.path.join(work, kind)
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    size = sum(os.path.getsize(f) for f in files)
    if kind == "docx":
        size = int(open(os.path.join(work, "docx-xml-bytes")).read())
    for jobs in ("1", str(os.cpu_count())):
        walls, cpus = [], []
        for _ in range(5):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([newslint, "--isolated", "--format", "concise", "--jobs", jobs, "--fail-on", "never", *files],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        print(f"{kind}: {len(files)} files, {size/1e6:.1f} MB, --jobs {jobs}: "
              f"wall {wall:.3f} s median, {size/1e6/wall:.1f} MB/s; CPU {cpu:.3f} s, {size/1e6/cpu:.1f} MB/s of CPU")
PY
