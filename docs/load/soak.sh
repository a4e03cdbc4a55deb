#!/usr/bin/env bash
# Load and soak run: starts the packaged jar on a throwaway store, drives it with wrk (docs/load/mixed.lua) for
# DURATION, and every INTERVAL seconds records, after a forced full GC, the live heap, the JVM's thread count and
# the number of open Bolt connections to the engine (the driver's connection pool, seen from the server side).
#
#   ./mvnw -DskipTests package && docs/load/soak.sh            # 10 minutes, 8 connections
#   DURATION=30m CONNECTIONS=16 docs/load/soak.sh
#
# Needs wrk (Debian's package), jcmd (the JDK's) and ss (iproute2). Writes target/soak/samples.csv and wrk's report.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10m}
CONNECTIONS=${CONNECTIONS:-8}
INTERVAL=${INTERVAL:-30}
PORT=${PORT:-18080}
BOLT=${BOLT:-17687}
HTTP=${HTTP:-17474}
OUT=target/soak
JAR=$(ls target/lodestone-*.jar | grep -v original | head -1)

rm -rf "$OUT" && mkdir -p "$OUT"
java -jar "$JAR" --server.port="$PORT" --lodestone.neo4j.directory="$OUT/store" \
  --lodestone.neo4j.bolt-port="$BOLT" --lodestone.neo4j.http-port="$HTTP" \
  --lodestone.rate-limit.enabled=false > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  grep -q "Lodestone ready" "$OUT/app.log" && break
  kill -0 $APP 2>/dev/null || { cat "$OUT/app.log"; exit 1; }
  sleep 1
done
grep -q "Lodestone ready" "$OUT/app.log" || { echo "app did not start" >&2; exit 1; }

sample() {
  local heap threads bolt
  jcmd $APP GC.run > /dev/null
  heap=$(jcmd $APP GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  threads=$(jcmd $APP Thread.print | grep -c '^"')
  bolt=$(ss -Htn state established "( sport = :$BOLT )" | wc -l)
  echo "$(date -u +%H:%M:%S),$((heap / 1024)),$threads,$bolt" >> "$OUT/samples.csv"
}

echo "time,live_heap_mb,jvm_threads,bolt_connections" > "$OUT/samples.csv"
# Warm-up, so the first sample is taken on a JIT-compiled, connected application.
wrk -t2 -c"$CONNECTIONS" -d20s -s docs/load/mixed.lua "http://127.0.0.1:$PORT" > "$OUT/warmup.txt"
sample
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s docs/load/mixed.lua "http://127.0.0.1:$PORT" \
  > "$OUT/wrk.txt" &
WRK=$!
while kill -0 $WRK 2>/dev/null; do
  sleep "$INTERVAL"
  kill -0 $WRK 2>/dev/null && sample
done
wait $WRK
sample
curl -s "http://127.0.0.1:$PORT/actuator/health" > "$OUT/health.json"
cat "$OUT/wrk.txt" "$OUT/samples.csv" "$OUT/health.json"; echo
