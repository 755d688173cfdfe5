#!/usr/bin/env bash
# Findings per rule over a folder (default: the BBC corpus beside the checkout), for
# false-alarm hunting: every structural finding on edited, published copy is worth reading.
# usage: bench/findings.sh [FOLDER] [extra newslint options, e.g. --config house.toml]
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-../shared/corpus/bbc}
shift || true
cargo build --release --quiet
target/release/newslint check --statistics "$@" "$folder" || true
