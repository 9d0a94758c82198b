#!/usr/bin/env bash
# Where sessions live, measured: two nodes behind nginx (several-nodes/start, round robin, no stickiness), once with
# sessions in PostgreSQL (Liberty's sessionDatabase, what the portal ships) and once in Hazelcast members embedded in
# the nodes (Liberty's sessionCache), under the same load: signed-in visitors reading their account page, then
# cancelling and undoing (each postback with its redirect). Prints both side by side with Hazelcast's figures as a
# ratio of the database's. Not a test: it prints figures. About 10 minutes; stops the nodes at the end.
#
#   bench/sessions.sh                  16 visitors, 30 s per phase
#   bench/sessions.sh 32 60            32 visitors, 60 s per phase
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
visitors=${1:-16}
seconds=${2:-30}
results="$root/bench/target/sessions"
mkdir -p "$results"
trap '"$root/several-nodes/stop" >/dev/null 2>&1 || true' EXIT

for store in database hazelcast; do
  echo "== Two nodes, sessions in $store"
  SESSION_STORE=$store "$root/several-nodes/start" 2 | grep -E '^  (Cancel Portal|node)' || true
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package exec:java@session-store-load \
    -Dexec.args="http://localhost:9000/ $visitors $seconds") | grep -o 'RESULT.*' | tee "$results/$store.txt"
  "$root/several-nodes/stop" >/dev/null
done

echo
echo "== $visitors signed-in visitors, ${seconds} s per phase, 2 nodes, client and servers on the same $(nproc) cores"
printf '%-16s | %-36s | %-36s | %s\n' "" "database (sessionDatabase)" "hazelcast (sessionCache)" "hazelcast / database"
paste -d'|' "$results/database.txt" "$results/hazelcast.txt" | awk -F'|' '
  function num(s) { sub(/^ *p[0-9]+/, "", s); gsub(/[^0-9.]/, "", s); return s + 0 }
  function cells(a, b, c, d) { return sprintf("%6s %12s %13s %9s", a, b, c, d) }
  {
    name = $1; sub(/^RESULT /, "", name)
    printf "%-16s | %s | %s | %.2f as many per second, p50 %.2f, p99 %.2f\n", name, cells($2, $3, $4, $5),
      cells($7, $8, $9, $10), num($7) / num($2), num($8) / num($3), num($9) / num($4)
  }'
