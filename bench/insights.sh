#!/usr/bin/env bash
# The insights benchmark in one command: builds cancel-core and insights, starts an embedded PostgreSQL of its own, fills it with
# 1,000,000 survey answers (once; the data stays in bench/target/pg for the next run), prints the dashboard's query
# times and the CSV export's speed and heap, then starts the portal on that database (heap -Xmx256m) and times the
# pages and the export over HTTP, and stops both. Not a test: it prints figures.
#
#   bench/insights.sh                      the full run (generating takes ~4 min once, the rest ~10 min)
#   bench/insights.sh -Dbench.runs=10      fewer runs per query (any -D goes to the benchmark JVMs)
#
# Environment: BENCH_DB_PORT (35432), BENCH_HTTP_PORT (9280), BENCH_HTTPS_PORT (9643); BENCH_HTTP=0 skips the server.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
port="${BENCH_DB_PORT:-35432}"
http_port="${BENCH_HTTP_PORT:-9280}"
https_port="${BENCH_HTTPS_PORT:-9643}"
data="$bench/target/pg"
url="jdbc:postgresql://localhost:$port/postgres?user=postgres&password=postgres"

echo "== Building cancel-core, insights and the benchmark"
# clean: a migration renamed or removed must not linger in target/classes. -DskipITs: no integration-test database.
(cd "$root" && mvn -q -B -DskipTests -DskipITs -pl cancel-core,insights clean install)
mvn -q -B -f "$bench/pom.xml" compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# The local Maven repository is shared: another checkout's install may replace cancel-core there at any moment, even
# while a JVM still loads classes from it. So every step runs on private copies of this checkout's two JARs.
cp "$root/cancel-core/target/cancel-core-0.1.0-SNAPSHOT.jar" "$bench/target/cancel-core.jar"
cp "$root/insights/target/insights-0.1.0-SNAPSHOT.jar" "$bench/target/insights.jar"
dependencies="$(tr ':' '\n' < "$bench/target/classpath.txt" | grep -v -e '/cancel-core-' -e '/insights-' | paste -sd:)"
classpath="$bench/target/classes:$bench/target/cancel-core.jar:$bench/target/insights.jar:$dependencies"

echo "== Starting PostgreSQL on port $port, data in $data"
java -cp "$classpath" org.cancelportal.bench.BenchDatabase "$port" "$data" > "$bench/target/postgres.log" 2>&1 &
database=$!
server=""
stop_all() {
  if [ -n "$server" ]; then
    echo "== Stopping the portal"
    (cd "$root" && mvn -q -B -pl cancel-web liberty:stop) || true
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  echo "== Stopping PostgreSQL"
  kill "$database" 2>/dev/null || true   # the launcher's shutdown hook stops the server
  wait "$database" 2>/dev/null || true
}
trap stop_all EXIT
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

[ "${BENCH_HTTP:-1}" = "0" ] && exit 0

echo "== Starting the portal on port $http_port against this database (heap -Xmx256m); log in bench/target/liberty.log"
# -am builds both WARs from this checkout (not from the shared local repository). No demo data: the benchmark
# writes the product login itself, and a year of demo history would add to the generated answers.
(cd "$root" && exec mvn -B -pl cancel-web -am -DskipTests -DskipITs package liberty:run \
  -Dliberty.var.db.url="jdbc:postgresql://localhost:$port/postgres" \
  -Dliberty.var.http.port="$http_port" -Dliberty.var.https.port="$https_port" -Dliberty.jvm.maxHeap=-Xmx256m \
  -Dliberty.var.cancelportal.demo-data=false -Dliberty.var.cancelportal.demo-history=false) \
  > "$bench/target/liberty.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do
  curl -s -o /dev/null -w '%{http_code}' "http://localhost:$http_port/survey/login" | grep -q 200 && break
  kill -0 "$server" 2>/dev/null || { tail -50 "$bench/target/liberty.log"; echo "The portal did not start" >&2; exit 1; }
  sleep 2
done

echo "== Pages and export over HTTP"
# "demo-insights-key" is the API key whose hash cancel-web's pom gives the servers it starts.
java "$@" -cp "$classpath" org.cancelportal.bench.HttpPageBenchmark "http://localhost:$http_port" "$url" \
  demo-insights-key | tee -a "$bench/target/insights-benchmark.txt"
