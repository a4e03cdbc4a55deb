#!/usr/bin/env bash
# Outage and recovery under load: Lodestone in external mode (NEO4J_URI) against a separate Neo4j server process,
# which is killed with SIGKILL while wrk drives the app and started again on the same store later.
#
#   ./mvnw -DskipTests package && docs/load/outage.sh
#
# The "external" server is a second Lodestone process: its embedded Neo4j 5.26 is a full server with Bolt; nothing
# else of it is used. A probe asks for an entity every 200 ms and logs each status with a timestamp, which gives the
# time from the server's restart to the app's first good answer. Writes target/outage/.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=target/outage
JAR=$(ls target/lodestone-*.jar | grep -v original | head -1)
APP_PORT=18081
BOLT=17787
DOWN_AFTER=${DOWN_AFTER:-30}
DOWN_FOR=${DOWN_FOR:-30}
rm -rf "$OUT" && mkdir -p "$OUT"

start_server() {
  java -jar "$JAR" --server.port=18180 --lodestone.neo4j.directory="$OUT/server-store" \
    --lodestone.neo4j.bolt-port=$BOLT --lodestone.neo4j.http-port=17574 >> "$OUT/server.log" 2>&1 &
  SERVER=$!
}
await() { # file, text[, how many times]
  for _ in $(seq 1 240); do [ "$(grep -c "$2" "$1")" -ge "${3:-1}" ] && return 0; sleep 0.5; done
  echo "timed out waiting for '$2' in $1" >&2; exit 1
}
ms() { date +%s%3N; }

start_server
trap 'kill -9 $SERVER $APP $PROBE 2>/dev/null || true' EXIT
await "$OUT/server.log" "Lodestone ready"
NEO4J_URI=bolt://127.0.0.1:$BOLT java -jar "$JAR" --server.port=$APP_PORT --lodestone.rate-limit.enabled=false \
  > "$OUT/app.log" 2>&1 &
APP=$!
await "$OUT/app.log" "Lodestone ready"

(while true; do
  echo "$(ms) $(curl -s -o /dev/null -w '%{http_code} %{content_type}' --max-time 15 \
    "http://127.0.0.1:$APP_PORT/api/entities/mineral:ndpr")"
  sleep 0.2
done) > "$OUT/probe.log" &
PROBE=$!

# wrk runs until it is interrupted 20 s after the app answered again; it reports on SIGINT.
wrk -t2 -c8 -d30m --timeout 15s -s docs/load/statuses.lua \
  "http://127.0.0.1:$APP_PORT" > "$OUT/wrk.txt" &
WRK=$!
sleep "$DOWN_AFTER"
KILLED=$(ms); kill -9 $SERVER; wait $SERVER 2>/dev/null || true
sleep "$DOWN_FOR"
RESTARTED=$(ms); start_server
await "$OUT/server.log" "INFO  Started." 2
BACK=$(ms)
for _ in $(seq 1 600); do
  awk -v t="$BACK" '$1 >= t && $2 == "200" {found = 1} END {exit !found}' "$OUT/probe.log" && break
  sleep 0.2
done
sleep 20
kill -INT $WRK; wait $WRK || true
kill $PROBE

FIRST_BAD=$(awk -v t="$KILLED" '$1 >= t && $2 != "200" {print $1; exit}' "$OUT/probe.log")
FIRST_GOOD=$(awk -v t="$BACK" '$1 >= t && $2 == "200" {print $1; exit}' "$OUT/probe.log")
echo "server killed at +0 ms; first non-200 probe at +$((FIRST_BAD - KILLED)) ms"
echo "server restarted at +$((RESTARTED - KILLED)) ms, its Bolt up (\"Started.\") at +$((BACK - KILLED)) ms"
echo "first 200 probe after that: +$((FIRST_GOOD - KILLED)) ms, i.e. $((FIRST_GOOD - BACK)) ms after the server was up"
echo "probe statuses: $(awk '{print $2, $3}' "$OUT/probe.log" | sort | uniq -c | tr '\n' ';')"
cat "$OUT/wrk.txt"
