#!/usr/bin/env bash
# Entry script of the newslint GitHub Action (../../action.yml). Reads the INPUT_* variables
# the action sets and GitHub's own GITHUB_* ones; tested with fake ones in tests/action.rs.
set -uo pipefail

fail() { echo "::error title=newslint action::$*"; exit 2; }

# 1. newslint itself: a given version, this checkout, or the one on PATH.
case "${INPUT_VERSION:-}" in
  "") ;;
  path) cargo install --locked --quiet --path "${NEWSLINT_ACTION_DIR:?}" || fail "cargo install failed" ;;
  *) cargo install --locked --quiet newslint --version "$INPUT_VERSION" || fail "cargo install newslint $INPUT_VERSION failed" ;;
esac
command -v newslint >/dev/null 2>&1 || fail "newslint is not on PATH (set the action's \`version\` input)"

# 2. What to check.
read -r -a paths <<<"${INPUT_PATHS:-.}"
read -r -a args <<<"${INPUT_ARGS:-}"
if [ "${INPUT_CHANGED_ONLY:-false}" = "true" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
  base="${NEWSLINT_BASE:-origin/$GITHUB_BASE_REF}"
  git fetch --quiet --depth=1 origin "$GITHUB_BASE_REF" 2>/dev/null || true
  mapfile -t changed < <(git diff --name-only --diff-filter=ACMR "$base" -- "${paths[@]}")
  if [ "${#changed[@]}" -eq 0 ]; then
    echo "newslint: the pull request changes no article"
    [ -n "${GITHUB_STEP_SUMMARY:-}" ] && echo "### newslint: no changed article to check" >>"$GITHUB_STEP_SUMMARY"
    [ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=0" >>"$GITHUB_OUTPUT"
    exit 0
  fi
  # Named files must still honour the config's `exclude`.
  paths=(--force-exclude "${changed[@]}")
fi

# 3. Annotations, then the same run for the summary (every finding) and SARIF.
newslint check --format github "${args[@]}" "${paths[@]}"
code=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    echo "### newslint"
    echo
    if [ "$code" -eq 0 ]; then echo "No finding at or above the fail level."; else echo "Exit code $code."; fi
    echo
    echo '```'
    newslint check --format concise --color never "${args[@]}" "${paths[@]}" 2>&1
    echo '```'
  } >>"$GITHUB_STEP_SUMMARY"
fi
if [ -n "${INPUT_SARIF:-}" ]; then
  newslint check --format sarif "${args[@]}" "${paths[@]}" >"$INPUT_SARIF" 2>/dev/null
fi
[ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=$code" >>"$GITHUB_OUTPUT"
exit "$code"
