# shellcheck shell=bash
# Test counts for .ci/run (sourced, not run), from mocha's JSON reporter: never from text output.
#
# count NAME JSON STATUS adds one mocha run to the totals `passed` and `failed` and sets `status=1`
# when the run failed. JSON is the file mocha's JSON reporter wrote (see
# tests/src/reporting/spec-and-json.ts), STATUS the run's exit status. Rules:
#   - no readable report: the run broke before mocha counted (a build error, a crash): 1 failed;
#   - pending (skipped) tests count as failed: in CI a skipped test proves nothing;
#   - a non-zero exit without a counted failure: 1 failed; a zero exit with no test at all: 1 failed.
passed=${passed:-0} failed=${failed:-0} status=${status:-0}

count() {
  local name=$1 json=$2 run_status=$3 counts p f k
  if ! counts="$(pnpm -s exec node -e '
    const { stats } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (![stats.passes, stats.failures, stats.pending].every(Number.isInteger)) process.exit(1);
    console.log(stats.passes, stats.failures, stats.pending);' "$json" 2>/dev/null)"; then
    echo "ci: $name broke before mocha counted its tests (no readable JSON report at $json)" >&2
    failed=$((failed + 1)) status=1
    return 0
  fi
  read -r p f k <<<"$counts"
  echo "ci: $name: $p passed, $f failed, $k pending (mocha JSON report)" >&2
  if [ "$k" -gt 0 ]; then
    echo "ci: $name skipped $k tests; each counts as failed" >&2
  fi
  if [ "$run_status" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "ci: $name exited with status $run_status although mocha counted no failure" >&2
    f=1
  fi
  if [ "$run_status" -eq 0 ] && [ "$p" -eq 0 ] && [ "$k" -eq 0 ]; then
    echo "ci: $name ran no test" >&2
    f=$((f + 1))
  fi
  passed=$((passed + p)) failed=$((failed + f + k))
  if [ "$run_status" -ne 0 ] || [ "$f" -ne 0 ] || [ "$k" -ne 0 ]; then status=1; fi
  return 0
}
