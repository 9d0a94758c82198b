#!/usr/bin/env bash
# The insights benchmark in one command: builds cancel-core, starts an embedded PostgreSQL of its own, fills it with
# 1,000,000 survey answers (once; the data stays in bench/target/pg for the next run), prints the dashboard's query
# times and the CSV export's speed and heap, and stops the database. Not a test: it prints figures.
#
#   bench/insights.sh                      the full run (generating takes ~4 min once, the benchmark ~6 min)
#   bench/insights.sh -Dbench.runs=10      fewer runs per query (any -D goes to the benchmark's JVM)
#
# Environment: BENCH_DB_PORT (35432) for the database port.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
port="${BENCH_DB_PORT:-35432}"
data="$bench/target/pg"
url="jdbc:postgresql://localhost:$port/postgres?user=postgres&password=postgres"

echo "== Building cancel-core and the benchmark"
# -DskipITs too: cancel-web's build would otherwise start its integration-test database.
(cd "$root" && mvn -q -B -DskipTests -DskipITs install)
mvn -q -B -f "$bench/pom.xml" compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# The local Maven repository is shared: another checkout's install may replace cancel-core there at any moment, even
# while a JVM still loads classes from it. So every step runs on a private copy of the cancel-core of this checkout.
cp "$root/cancel-core/target/cancel-core-0.1.0-SNAPSHOT.jar" "$bench/target/cancel-core.jar"
dependencies="$(tr ':' '\n' < "$bench/target/classpath.txt" | grep -v '/cancel-core-' | paste -sd:)"
classpath="$bench/target/classes:$bench/target/cancel-core.jar:$dependencies"

echo "== Starting PostgreSQL on port $port, data in $data"
java -cp "$classpath" org.cancelportal.bench.BenchDatabase "$port" "$data" > "$bench/target/postgres.log" 2>&1 &
database=$!
stop_database() {
  echo "== Stopping PostgreSQL"
  kill "$database" 2>/dev/null || true   # the launcher's shutdown hook stops the server
  wait "$database" 2>/dev/null || true
}
trap stop_database EXIT
for _ in $(seq 1 240); do
  grep -q "PostgreSQL is ready" "$bench/target/postgres.log" && break
  if ! kill -0 "$database" 2>/dev/null; then
    cat "$bench/target/postgres.log"
    echo "PostgreSQL did not start" >&2
    exit 1
  fi
  sleep 0.5
done
grep -q "PostgreSQL is ready" "$bench/target/postgres.log" || { echo "PostgreSQL did not start in 120 s" >&2; exit 1; }

echo "== Generating 1,000,000 answers (skipped when the database already holds them)"
java -cp "$classpath" org.cancelportal.bench.InsightsData "$url"

echo "== Benchmark (its own JVM, -Xmx256m); query plans go to bench/target/plans"
# The same JVM options as the pom's exec:exec@benchmark; any -D given to this script goes to the benchmark.
java -Xmx256m "$@" -cp "$classpath" org.cancelportal.bench.InsightsBenchmark "$url" "$bench/target" \
  | tee "$bench/target/insights-benchmark.txt"
