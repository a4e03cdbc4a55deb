#!/usr/bin/env bash
# Throughput run for issue 19's figures: the packaged jar on a throwaway store with the bundled data, rate limiting
# off, wrk with 2 threads and 8 connections. Three pairs, each measured back to back on the same application:
#   1. a path asked by names vs the same path by ids: with every cache off (spring.cache.type=none), and with the
#      caches on (path.lua's "fresh" mode), so every path answer is computed (a negligible, different minConfidence each) while
#      name resolution is cached, as it is in use;
#   2. the mixed load of docs/load/mixed.lua uncached (caches off) vs cached (caches on, warmed);
#   3. the mixed load revalidated with If-None-Match (304s) is not measured here: wrk sends no validators.
# Each measurement has a 15 s warm-up. Needs wrk. Writes target/throughput/*.txt.
#   ./mvnw -DskipTests package && docs/load/throughput.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-8}
OUT=target/throughput
JAR=$(ls target/lodestone-*.jar | grep -v original | head -1)
rm -rf "$OUT" && mkdir -p "$OUT"

run_app() { # $1 = name, then extra arguments
  local name=$1; shift
  java -jar "$JAR" --server.port=18080 --lodestone.neo4j.directory="$OUT/store-$name" \
    --lodestone.neo4j.bolt-port=17687 --lodestone.neo4j.http-port=17474 --lodestone.rate-limit.enabled=false "$@" \
    > "$OUT/app-$name.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 240); do
    grep -q "Lodestone ready" "$OUT/app-$name.log" && return 0
    kill -0 $APP 2>/dev/null || { cat "$OUT/app-$name.log"; exit 1; }
    sleep 0.5
  done
  echo "app did not start" >&2; exit 1
}
stop_app() { kill $APP; wait $APP 2>/dev/null || true; }
measure() { # $1 = label, $2 = script, then the script's arguments
  local label=$1 script=$2; shift 2
  wrk -t2 -c"$CONNECTIONS" -d15s -s "$script" http://127.0.0.1:18080 -- "$@" > /dev/null
  echo -n "$label: " | tee -a "$OUT/results.txt"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" http://127.0.0.1:18080 -- "$@" | tail -1 \
    | tee -a "$OUT/results.txt"
}

run_app uncached --spring.cache.type=none
measure "path by id, uncached" docs/load/path.lua id
measure "path by name, uncached" docs/load/path.lua name
measure "mixed, uncached" docs/load/mixed.lua
stop_app
run_app cached
measure "path by id, answers computed, resolution cached" docs/load/path.lua id fresh
measure "path by name, answers computed, resolution cached" docs/load/path.lua name fresh
measure "path by id, cached" docs/load/path.lua id
measure "path by name, cached" docs/load/path.lua name
measure "mixed, cached" docs/load/mixed.lua
stop_app
cat "$OUT/results.txt"
