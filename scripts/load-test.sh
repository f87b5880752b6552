#!/usr/bin/env bash
# Load test of the HTTP API (issue 12): the demo workspace served on loopback, each endpoint below hammered by wrk
# for DURATION; prints requests/s, latency percentiles (p50, p99), errors, and the server's resident memory (RSS)
# and Java heap before and after. Exits 1 when any request failed (non-2xx, socket error or timeout) or the
# process grew past MAX_RSS_MB.
#
# usage: scripts/load-test.sh [DURATION (20s)] [CONNECTIONS (16)] [THREADS (2)]
#   env: HEAP (512m, the server's -Xmx), MAX_RSS_MB (1024), KEEP=1 keeps the temporary directory
#   needs: wrk (Debian: apt-get install -y wrk), curl, a JDK (jcmd)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION=${1:-20s}
CONNECTIONS=${2:-16}
THREADS=${3:-2}
HEAP=${HEAP:-512m}
MAX_RSS_MB=${MAX_RSS_MB:-1024}
command -v wrk >/dev/null || { echo "load-test: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

"$here/geoassure" demo --dir "$work/demo" >"$work/demo.log"
ws="$work/demo/geoassure-demo.gpkg"

GEOASSURE_JAVA_OPTS="-Xmx$HEAP" "$here/geoassure" serve "$ws" --port 0 >"$work/serve.log" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 1 120); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
    [ -n "$port" ] && break
    sleep 0.5
done
[ -n "${port:-}" ] || { echo "load-test: the server did not start:" >&2; cat "$work/serve.err" >&2; exit 2; }
base="http://127.0.0.1:$port"
java_pid=$(pgrep -P "$server_pid" java || echo "$server_pid") # ./geoassure execs java: usually the same process

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$java_pid/status"; }
heap_mb() { jcmd "$java_pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|total/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub("K,?", "", v); printf "%.0f", v / 1024; exit}}'; }

# warm up (class loading, JIT) so that the figures are of the steady state
query='{"from": "intervals", "table": "lithology", "near": {"point": [494930.3, 6803192.0, 256.3], "within": 150}}'
sql='{"sql": "SELECT CET_Litho, count(*) AS n FROM lithology GROUP BY CET_Litho"}'
curl -sf "$base/api/v1/workspace" >/dev/null
curl -sf -X POST -H 'Content-Type: application/json' -d "$query" "$base/api/v1/query" >/dev/null
curl -sf -X POST -H 'Content-Type: application/json' -d "$sql" "$base/api/v1/sql" >/dev/null
curl -sf -o /dev/null "$base/api/v1/gltf?table=lithology&colorBy=CET_Litho"
rss_before=$(rss_mb)
heap_before=$(heap_mb)

post_script() { # a wrk script posting one JSON body
    printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[%s]]\n' "$1" >"$2"
}
post_script "$query" "$work/query.lua"
post_script "$sql" "$work/sql.lua"

failed=0
printf '%-44s %9s %9s %9s %9s %8s\n' endpoint "req/s" p50 p90 p99 errors
run() { # name, url, [wrk script]
    local name=$1 url=$2 script=${3:-}
    local out="$work/wrk-${name//\//_}.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency ${script:+-s "$script"} "$url" >"$out"
    local rps p50 p90 p99 non2xx sock
    rps=$(awk '/Requests\/sec/ {print $2}' "$out")
    p50=$(awk '$1 == "50%" {print $2}' "$out")
    p90=$(awk '$1 == "90%" {print $2}' "$out")
    p99=$(awk '$1 == "99%" {print $2}' "$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$out")
    sock=$(awk -F'[ ,]+' '/Socket errors/ {print $4 + $6 + $8 + $10}' "$out")
    local errors=$(( ${non2xx:-0} + ${sock:-0} ))
    printf '%-44s %9s %9s %9s %9s %8s\n' "$name" "$rps" "$p50" "$p90" "$p99" "$errors"
    [ "$errors" = 0 ] || failed=1
    awk -v r="$rps" 'BEGIN {exit !(r > 0)}' || { echo "load-test: no request of $name completed" >&2; failed=1; }
}
run "GET /api/v1/workspace" "$base/api/v1/workspace"
run "POST /api/v1/query (near, 150 m)" "$base/api/v1/query" "$work/query.lua"
run "POST /api/v1/sql (group by)" "$base/api/v1/sql" "$work/sql.lua"
run "GET /api/v1/gltf (lithology tubes)" "$base/api/v1/gltf?table=lithology&colorBy=CET_Litho"

rss_after=$(rss_mb)
heap_after=$(heap_mb)
echo "server: -Xmx$HEAP; RSS ${rss_before} MB before, ${rss_after} MB after; heap used ${heap_before:-?} MB before, ${heap_after:-?} MB after"
echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per endpoint; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
if [ "$rss_after" -gt "$MAX_RSS_MB" ]; then echo "load-test: RSS ${rss_after} MB is over ${MAX_RSS_MB} MB" >&2; failed=1; fi
if grep -q "internal error" "$work/serve.err"; then echo "load-test: the server logged internal errors:" >&2; grep -m5 "internal error" "$work/serve.err" >&2; failed=1; fi
[ "$failed" = 0 ] && echo "load-test: no errors" || { echo "load-test: FAILED" >&2; exit 1; }
