#!/usr/bin/env bash
# Boots `./tonearm dev` for real, as a user would, and checks what a user meets first: readiness, auth on the
# API, the demo catalog, an import through the CLI, a clean stop with no orphan process, and state kept across
# a restart. Prints "dev-smoke: N passed, M failed" and exits non-zero on any failure.
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
data=$(mktemp -d "${TMPDIR:-/tmp}/tonearm-smoke.XXXXXX")
port=$((20000 + RANDOM % 20000))
url="http://127.0.0.1:$port"
log="$data.log"
export TONEARM_DATA_DIR="$data" TONEARM_PORT="$port"
passed=0; failed=0; dev=

check() { # check <description> <command...>
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $what"; else failed=$((failed + 1)); echo "FAIL $what"; fi
}
start_dev() {
  # A script's background jobs ignore SIGINT, and so would the JVM: restore the default, as a terminal has it.
  setsid python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' \
    ./tonearm dev "$@" > "$log" 2>&1 < /dev/null & dev=$!
  local waited=0
  until curl -sf -o /dev/null "$url/ready"; do
    kill -0 "$dev" 2>/dev/null || { echo "dev stack exited:"; tail -n 30 "$log"; return 1; }
    [ $waited -ge 600 ] && { echo "not ready after 600 s"; tail -n 30 "$log"; return 1; }
    sleep 1; waited=$((waited + 1))
  done
}
stop_dev() { # SIGINT, like Ctrl-C, then wait for every process of the group
  kill -INT "$dev" 2>/dev/null
  local waited=0
  while kill -0 "$dev" 2>/dev/null && [ $waited -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
  ! kill -0 "$dev" 2>/dev/null
}
no_orphans() { sleep 2; ! pgrep -f "s3mock.store.root=$data" > /dev/null; }
status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
cleanup() { [ -n "$dev" ] && kill -KILL -- -"$dev" 2>/dev/null; pkill -f "s3mock.store.root=$data" 2>/dev/null; rm -rf "$data" "$log"; }
trap cleanup EXIT

start_dev --fresh || { echo "dev-smoke: $passed passed, 1 failed"; exit 1; }
user=$(./tonearm token alice 2>/dev/null)
check "health answers without a token" test "$(status_of "$url/health")" = 200
check "the API refuses a request without a token" test "$(status_of "$url/v1/tracks")" = 401
check "the API refuses a garbage token" test "$(status_of -H 'Authorization: Bearer x.y.z' "$url/v1/tracks")" = 401
check "the 401 is a problem document" bash -c "curl -s -D - -o /dev/null '$url/v1/tracks' | grep -qi 'content-type: application/problem+json'"
check "the docs are served" bash -c "curl -sf '$url/docs' | grep -q swagger-ui && curl -sf '$url/openapi.json' | grep -q '/v1/tracks'"
check "the start-up banner prints tokens" grep -q "admin token:" "$log"
waited=0
until curl -sf "$url/ready" | grep -q '"demoCatalog":"loaded"' || [ $waited -ge 600 ]; do sleep 2; waited=$((waited + 2)); done
check "the demo catalog loads" bash -c "curl -sf '$url/ready' | grep -q '\"demoCatalog\":\"loaded\"'"
demo_count=$(curl -sf -H "Authorization: Bearer $user" "$url/v1/tracks/export?format=json" | grep -o '"id":' | wc -l)
check "a user sees the whole demo catalog ($demo_count tracks)" test "$demo_count" -ge 24000
check "suggest finds a demo track as it is typed" bash -c "curl -sf -H 'Authorization: Bearer $user' \
  '$url/v1/suggest?q=for%20those%20ab' | grep -q '\"title\":\"For Those About To Rock (We Salute You)\"'"
check "the discover page counts genres" bash -c "curl -sf -H 'Authorization: Bearer $user' \
  '$url/v1/search?genre=Rock&limit=1' | grep -q '\"value\":\"Rock\",\"count\":'"
check "a user token lists public tracks" bash -c "curl -sf -H 'Authorization: Bearer $user' '$url/v1/tracks?limit=3' | grep -q '\"nextCursor\":\"'"
printf 'title,artists,year\nSmoke on the Water,Deep Purple,1972\n,Nobody,1999\n' > "$data/import.csv"
import_out=$(./tonearm import "$data/import.csv" 2>&1)
check "./tonearm import keeps good rows and reports bad ones" bash -c "grep -q 'imported 1 tracks, 1 rows refused' <<< '$import_out'"
check "Ctrl-C stops the dev stack" stop_dev
check "no process outlives the dev stack" no_orphans

start_dev || { echo "dev-smoke: $passed passed, $((failed + 1)) failed"; exit 1; }
check "state and tokens survive a restart" bash -c "curl -sf -H 'Authorization: Bearer $user' \
  '$url/v1/tracks/export?format=csv' | grep -q 'Smoke on the Water'"
check "the index is reopened, not rebuilt, and still answers" bash -c "! grep -q 'index built from the table' '$log' \
  && curl -sf -H 'Authorization: Bearer $user' '$url/v1/search?q=smoke%20on%20the%20water&limit=100' \
  | grep -q 'Smoke on the Water'"
check "the demo catalog is not loaded twice" bash -c "! grep -q 'loading the demo catalog' '$log'"
check "Ctrl-C stops the restarted stack" stop_dev
check "no process outlives the restarted stack" no_orphans

start_dev || { echo "dev-smoke: $passed passed, $((failed + 1)) failed"; exit 1; }
kill -KILL "$dev"
gone_within() { # gone_within <seconds>: S3Mock of this data dir has exited (its watchdog stops it gracefully)
  local waited=0
  while pgrep -f "s3mock.store.root=$data" > /dev/null; do
    [ $waited -ge "$1" ] && return 1
    sleep 1; waited=$((waited + 1))
  done
}
check "even kill -9 of the server leaves no S3Mock behind" gone_within 20

echo "dev-smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
