#!/usr/bin/env bash
# Runs the whole test suite on SQLite and on PostgreSQL (real servers, real Chromium).
# Installs what the tests need from Debian packages when it is missing, starts a throwaway
# PostgreSQL cluster on 127.0.0.1, and stops it again. Usage: scripts/test.sh [all|sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
which_providers="${1:-all}"

scripts/install-test-deps.sh

# The whole solution, so the benchmarks keep compiling too.
dotnet build Shegong.slnx --nologo -v quiet

summary=()
run_suite() { # name, then env assignments
  local name="$1"; shift
  local log; log="$(mktemp)"
  echo "== tests on $name"
  set +e
  env "$@" dotnet test --project tests/Shegong.Tests --no-build 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  local passed failed
  passed=$(grep -Eo 'succeeded: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
  failed=$(grep -Eo 'failed: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
  summary+=("$name: $passed passed, $failed failed")
  # Name the failed tests in the summary, so a CI log cut short still says which ones.
  # With the first lines of each failure's message: the log above it may be cut.
  while IFS= read -r line; do summary+=("  $name $line"); done < <(grep -E -A6 '^failed ' "$log" | grep -v -E '^\s+at |from /' | cut -c1-240 || true)
  if [ "$rc" -ne 0 ]; then
    # The app's own errors during the run (an unexpected 500 says why only there), the first of each kind.
    while IFS= read -r line; do summary+=("  $name app: $line"); done < <(grep -E -A2 '^\s*fail: ' "$log" | grep -v -E '^\s+at |^--' | cut -c1-240 | awk '!seen[$0]++' | head -30 || true)
    # What the database server refused, and whether the machine ran out of room.
    if [ -n "${PG_TEST_DIR:-}" ] && [ -f "$PG_TEST_DIR/server.log" ]; then
      while IFS= read -r line; do summary+=("  $name server: $line"); done < <(grep -oE '(FATAL|PANIC|ERROR): .*' "$PG_TEST_DIR/server.log" | grep -E 'FATAL|PANIC|too many|No space' | cut -c1-200 | sort | uniq -c | sort -rn | head -10 || true)
    fi
    summary+=("  $name disk: $(df -h /tmp | tail -1)")
  fi
  rm -f "$log"
  if [ "$rc" -ne 0 ] && [ "$failed" = 0 ]; then failed=1; summary+=("$name: test run failed (exit $rc)"); fi
  [ "$rc" -eq 0 ]
}

status=0
if [ "$which_providers" = all ] || [ "$which_providers" = sqlite ]; then
  run_suite sqlite SHEGONG_TEST_POSTGRES= || status=1
fi
# The published app, started from another folder as an operator runs it (no database server needed).
if [ "$which_providers" = all ] || [ "$which_providers" = sqlite ]; then
  if scripts/publish-check.sh; then summary+=("publish: served from another folder"); else summary+=("publish: FAILED"); status=1; fi
fi
if [ "$which_providers" = all ] || [ "$which_providers" = postgres ]; then
  source scripts/pg-test-cluster.sh
  pg_cluster_start
  trap pg_cluster_stop EXIT
  run_suite postgres "SHEGONG_TEST_POSTGRES=$PG_TEST_CONNECTION" || status=1
fi

printf '%s\n' "${summary[@]}"
exit $status
