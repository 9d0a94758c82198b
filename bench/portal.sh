#!/usr/bin/env bash
# The portal benchmark in one command: the work subscribers and operators do, measured on the production artifact.
# Builds cancel-portal.jar (mvn -Dproduction), starts a fresh embedded PostgreSQL, fills it with SIZE subscribers and
# subscriptions by set-based SQL, starts the artifact on it (java -jar, sessions in PostgreSQL as in production), drops
# the benchmark-only WAR bench-bare next to the portal's WARs, and measures side by side (docs/benchmarks.md says what
# each figure means). Prints a table and writes bench/target/portal-benchmark.json; stops everything at the end.
#
#   bench/portal.sh                       10,000 and then 1,000,000 subscriptions (the real run, on a quiet machine)
#   BENCH_SIZES="2000 20000" BENCH_SECONDS=5 bench/portal.sh      a small proof run
#
# Environment: BENCH_SIZES ("10000 1000000"), BENCH_SECONDS per load phase (30), BENCH_SESSIONS (50),
# BENCH_CANCELS per cancel comparison (2000), BENCH_HTTP_PORT (9680), BENCH_HTTPS_PORT (10043), BENCH_DB_PORT (35532),
# BENCH_BUILD=0 reuses the artifact already built.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
out="$bench/target/portal"
sizes="${BENCH_SIZES:-10000 1000000}"
seconds="${BENCH_SECONDS:-30}"
sessions="${BENCH_SESSIONS:-50}"
cancels="${BENCH_CANCELS:-2000}"
http_port="${BENCH_HTTP_PORT:-9680}"
https_port="${BENCH_HTTPS_PORT:-10043}"
db_port="${BENCH_DB_PORT:-35532}"
base="http://localhost:$http_port"
jdbc="jdbc:postgresql://localhost:$db_port/postgres?user=postgres&password=postgres"
api_key="bench-operator-key-$(openssl rand -hex 8)"
export PGHOST=localhost PGPORT="$db_port" PGUSER=postgres PGPASSWORD=postgres PGDATABASE=postgres
mkdir -p "$out"

# --- building ---------------------------------------------------------------------------------------------------------
if [ "${BENCH_BUILD:-1}" != "0" ]; then
  echo "== Building the production artifact (mvn -Dproduction -DskipTests package)"
  (cd "$root" && mvn -B -q -Dproduction -DskipTests package)
fi
jar="$root/cancel-web/target/cancel-portal.jar"
# The benchmark's own classes, against this checkout's cancel-core (package, never install: the local repository is
# shared) and its dependencies, which include the Jakarta EE API the bench-bare WAR compiles against.
(cd "$root" && mvn -B -q -o -pl cancel-core dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt")
classpath="$root/cancel-core/target/classes:$(cat "$out/classpath.txt")"
rm -rf "$out/classes" "$out/war" && mkdir -p "$out/classes" "$out/war/WEB-INF/classes"
javac -q -d "$out/classes" -cp "$classpath" "$bench"/src/portal/java/org/cancelportal/bench/portal/*.java 2>/dev/null \
  || javac -d "$out/classes" -cp "$classpath" "$bench"/src/portal/java/org/cancelportal/bench/portal/*.java
javac -d "$out/war/WEB-INF/classes" -cp "$classpath" "$bench"/src/portal-war/java/org/cancelportal/bench/bare/*.java
(cd "$out/war" && jar cf "$out/bench-bare.war" WEB-INF)
tools="$out/classes:$classpath"

# --- processes, stopped on exit -----------------------------------------------------------------------------------------
database=""
server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  server=""
}
stop_all() {
  stop_server
  if [ -n "$database" ]; then
    kill "$database" 2>/dev/null || true   # its shutdown hook stops PostgreSQL
    wait "$database" 2>/dev/null || true
  fi
}
trap stop_all EXIT

start_database() {
  rm -rf "$out/pg" "$out/postgresql.log"
  java -cp "$tools" org.cancelportal.bench.portal.PortalDatabase "$db_port" "$out/pg" > "$out/postgres-launcher.log" 2>&1 &
  database=$!
  for _ in $(seq 1 240); do
    grep -q "PostgreSQL is ready" "$out/postgres-launcher.log" && return 0
    kill -0 "$database" 2>/dev/null || { cat "$out/postgres-launcher.log"; echo "PostgreSQL did not start" >&2; exit 1; }
    sleep 0.5
  done
  echo "PostgreSQL did not start in 120 s" >&2; exit 1
}

stop_database() {
  kill "$database" 2>/dev/null || true
  wait "$database" 2>/dev/null || true
  database=""
}

# Starts the artifact as production would, and records seconds to /health/ready UP and to the first page served.
start_server() {
  local size=$1
  rm -rf "$out/wlp" "$out/mail"
  local started
  started=$(date +%s.%N)
  WLP_JAR_EXTRACT_DIR="$out/wlp" DB_URL="jdbc:postgresql://localhost:$db_port/postgres" DB_USER=postgres \
  DB_PASSWORD=postgres LINKS_SIGNING_KEYS="bench:$(openssl rand -base64 32)" HTTP_PORT="$http_port" \
  HTTPS_PORT="$https_port" PORTAL_BASE_URL="$base" SURVEY_BASE_URL="$base/survey" MAIL_DELIVERY=folder \
  MAIL_FOLDER="$out/mail" LOG_FORMAT=simple PORTAL_BENCH_STATEMENTS="$out/statements" \
    java -jar "$jar" > "$out/server-$size.log" 2>&1 &
  server=$!
  local ready="" page=""
  for _ in $(seq 1 1200); do
    kill -0 "$server" 2>/dev/null || { tail -40 "$out/server-$size.log"; echo "The portal did not start" >&2; exit 1; }
    if [ -z "$ready" ] && curl -s "$base/health/ready" | grep -q '"status":"UP"'; then
      ready=$(echo "$(date +%s.%N) - $started" | bc)
    fi
    if [ -n "$ready" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/login")" = 200 ]; then
      page=$(echo "$(date +%s.%N) - $started" | bc)
      break
    fi
    sleep 0.1
  done
  [ -n "$page" ] || { echo "The portal served no page in 120 s" >&2; exit 1; }
  printf '  ready (/health/ready UP) after %.1f s, first page (/login) after %.1f s\n' "$ready" "$page"
  figure "$size" start "{\"ready_seconds\":$ready,\"first_page_seconds\":$page}"
  # The benchmark-only WAR goes into the running server's dropins (Liberty watches the folder): never into the artifact.
  cp "$out/bench-bare.war" "$out/wlp/wlp/usr/servers/cancelportal-production/dropins/"
  for _ in $(seq 1 600); do
    [ "$(curl -s "$base/bench-bare/ping")" = ok ] && return 0
    sleep 0.2
  done
  echo "bench-bare did not deploy" >&2; exit 1
}

# --- figures ------------------------------------------------------------------------------------------------------------
results="$out/results.jsonl"
# One JSON object a line: {"size":…,"name":…, figures…}; PortalReport reads them all at the end.
figure() {
  echo "{\"size\":$1,\"name\":\"$2\",${3#\{}" >> "$results"
}
load_average() { cut -d' ' -f1 /proc/loadavg; }

# wrk with one of the Lua scripts; its done() appends the figures. Arguments: name, script, threads, connections,
# seconds, wrk's script arguments...
run_wrk() {
  local name=$1 script=$2 threads=$3 connections=$4 duration=$5
  shift 5
  local before lines
  before=$(load_average)
  lines=$(wc -l < "$out/wrk.jsonl")
  # the sessions: the caller's BENCH_COOKIES, else the signed-in visitors'
  BENCH_LUA="$bench/portal" BENCH_RESULTS="$out/wrk.jsonl" BENCH_NAME="$name" \
    BENCH_COOKIES="${BENCH_COOKIES:-${cookies:-/dev/null}}" wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s "$bench/portal/$script" "$base" -- "$@" \
    > "$out/wrk-$name.txt" 2>&1 || true
  local line
  if [ "$(wc -l < "$out/wrk.jsonl")" = "$lines" ]; then
    echo "  $name: wrk gave no figures, see $out/wrk-$name.txt"
    return 0
  fi
  line=$(tail -1 "$out/wrk.jsonl")
  figure "$current_size" "$name" "{\"load_before\":$before,\"load_after\":$(load_average),${line#\{\"name\":\"$name\",}"
  printf '  %-28s %s\n' "$name" "$(echo "$line" | sed 's/.*"requests"/requests/; s/[{}"]//g; s/,/ /g')"
}

# pgbench on the captured statements; "done" is transactions (one script run each). Arguments: name, script,
# clients, then -T seconds or -t transactions per client.
run_pgbench() {
  local name=$1 script=$2 clients=$3
  shift 3
  local before
  before=$(load_average)
  pgbench -n -M simple -c "$clients" -j 2 "$@" -f "$script" > "$out/pgbench-$name.txt" 2>&1 || true
  local tps latency failed
  tps=$(grep -o 'tps = [0-9.]*' "$out/pgbench-$name.txt" | tail -1 | cut -d' ' -f3 || true)
  latency=$(grep -o 'latency average = [0-9.]*' "$out/pgbench-$name.txt" | cut -d' ' -f4 || true)
  failed=$(grep -o 'number of failed transactions: [0-9]*' "$out/pgbench-$name.txt" | cut -d' ' -f5 || true)
  if grep -q 'error' "$out/pgbench-$name.txt"; then
    echo "  pgbench $name reported errors:"
    grep error "$out/pgbench-$name.txt" | head -3
  fi
  figure "$current_size" "$name" "{\"load_before\":$before,\"load_after\":$(load_average),\"done_per_second\":${tps:-0},\"latency_average_ms\":${latency:-0},\"failed\":${failed:-0}}"
  printf '  %-28s %s transactions/s, latency average %s ms, failed %s\n' "$name" "${tps:-?}" "${latency:-?}" "${failed:-?}"
}

# Heap (after a full collection, and as used) and resident memory of the server.
memory() {
  local when=$1 used rss
  used=$(jcmd "$server" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
  rss=$(grep VmRSS "/proc/$server/status" | grep -o '[0-9]*')
  figure "$current_size" "memory-$when" "{\"heap_used_mb\":$(( ${used:-0} / 1024 )),\"rss_mb\":$(( ${rss:-0} / 1024 ))}"
  printf '  %-28s heap used %d MB, RSS %d MB\n' "memory $when" "$(( ${used:-0} / 1024 ))" "$(( ${rss:-0} / 1024 ))"
}

# Signs a login in through the form, as a browser without JavaScript; prints the new session's id.
sign_in() {
  local user=$1 page headers sid vs
  headers=$(mktemp)
  page=$(curl -s -D "$headers" -H 'X-Forwarded-Proto: https' "$base/login")
  sid=$(grep -i '^set-cookie: JSESSIONID=' "$headers" | sed 's/.*JSESSIONID=//; s/;.*//; s/\r//')
  vs=$(view_state "$page")
  curl -s -o /dev/null -D "$headers" -H "Cookie: JSESSIONID=$sid" -H 'X-Forwarded-Proto: https' \
    --data-urlencode "login:email=$user" --data-urlencode "login:password=bench-password-1" \
    --data-urlencode "login:submit=x" --data-urlencode "login_SUBMIT=1" --data-urlencode "jakarta.faces.ViewState=$vs" \
    "$base/login"
  grep -i '^set-cookie: JSESSIONID=' "$headers" | sed 's/.*JSESSIONID=//; s/;.*//; s/\r//'
  rm -f "$headers"
}
view_state() {
  echo "$1" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}

# One cancel and undo through the page with curl, for the statement capture. Argument: session id.
page_cycle() {
  local cookie="Cookie: JSESSIONID=$1" page form button location action
  page=$(curl -s -H "$cookie" -H 'X-Forwarded-Proto: https' "$base/account")
  form=$(echo "$page" | grep -o '<form id="[^"]*:cancel"' | head -1 | sed 's/<form id="//; s/"$//')
  button=$(echo "$page" | grep -o "<input id=\"$form:[^\"]*\" name=\"[^\"]*\" type=\"submit\"" | head -1 | sed 's/<input id="//; s/".*//')
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -H "$cookie" -H 'X-Forwarded-Proto: https' \
    --data-urlencode "${form}_SUBMIT=1" --data-urlencode "$button=x" \
    --data-urlencode "jakarta.faces.ViewState=$(view_state "$page")" "$base/account")
  page=$(curl -s -H "$cookie" -H 'X-Forwarded-Proto: https' "$location")
  action=$(echo "$page" | grep -o '<form id="undo" name="undo" method="post" action="[^"]*"' | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -H "$cookie" -H 'X-Forwarded-Proto: https' \
    --data-urlencode "undo_SUBMIT=1" --data-urlencode "undo:submit=x" \
    --data-urlencode "jakarta.faces.ViewState=$(view_state "$page")" "$base$action")
  curl -s -o /dev/null -H "$cookie" -H 'X-Forwarded-Proto: https' "$location"
  echo "$location"
}

now_ms() { date -u '+%Y-%m-%d %H:%M:%S.%3N'; }
psql_do() { psql -qAt -v ON_ERROR_STOP=1 "$@"; }

# Logs every statement while a command runs, three times, and hands the window with the fewest statements to
# CapturedStatements: the outbox relays and jobs keep working meanwhile, and a window into which less of their work fell
# is closer to the action alone. (Holding the relays back with a lock was tried: their threads are the server's
# default executor's, and blocked they left no thread to serve the request.) Arguments: name, subscription id for the
# first try (the next tries add 1 and 2 when the command is given "+"), then the command.
capture() {
  local name=$1 sid=$2 from to id cancellation log="$out/pg/log/postgresql.log" try best="" fewest=999999 windows=()
  shift 2
  wait_for_relays > /dev/null
  psql_do -c "ALTER SYSTEM SET log_line_prefix = '%m [%p] '" -c "ALTER SYSTEM SET log_statement = 'all'" \
    -c "SELECT pg_reload_conf()" > /dev/null
  sleep 0.5
  for try in 0 1 2; do
    local id=$sid
    [ "${1:-}" = + ] && id=$((sid + try))
    from=$(now_ms)
    if [ "${1:-}" = + ]; then "${@:2}" "$id" > /dev/null; else "$@" > /dev/null; fi
    to=$(now_ms)
    windows+=("$from|$to|$id|$(cancellation_of "$id")")
    sleep 0.3
  done
  psql_do -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" > /dev/null
  sleep 0.5
  for try in 0 1 2; do
    IFS='|' read -r from to id cancellation <<< "${windows[$try]}"
    java -cp "$tools" org.cancelportal.bench.portal.CapturedStatements "$log" "$from" "$to" "$name" "$id" \
      "$cancellation" "$out/statements" - "$jdbc" > /dev/null
    local count
    count=$(cut -d' ' -f1 "$out/statements/$name.count")
    if [ "$count" -lt "$fewest" ]; then fewest=$count; best=$try; fi
  done
  IFS='|' read -r from to id cancellation <<< "${windows[$best]}"
  java -cp "$tools" org.cancelportal.bench.portal.CapturedStatements "$log" "$from" "$to" "$name" "$id" \
    "$cancellation" "$out/statements" "$bench/target/plans/$current_size" "$jdbc"
}
cancellation_of() {
  psql_do -c "SELECT coalesce(max(id), 0) FROM cancellation WHERE subscription_id = $1"
}

api_cancel_once() {
  curl -s -o /dev/null -H "Authorization: Bearer $api_key" -H "Idempotency-Key: bench-$1" -H 'X-Forwarded-Proto: https' \
    -X POST "$base/api/v1/subscriptions/sub_$1/cancel"
}

# --- one size -----------------------------------------------------------------------------------------------------------
measure_size() {
  current_size=$1
  local pool first_api first_pgbench first_bare spare=$((sessions + 1))
  # Four ranges of subscriptions nobody else touches, each cancelled once: API, pgbench, bare JDBC, warming up.
  pool=$(( (current_size - sessions - 100) / 4 ))
  [ "$pool" -gt "$cancels" ] && pool=$cancels
  first_api=$((sessions + 100)); first_pgbench=$((first_api + pool)); first_bare=$((first_pgbench + pool))
  first_warm=$((first_bare + pool))
  echo
  echo "== $current_size subscriptions"
  start_database
  java -cp "$tools" org.cancelportal.bench.portal.PortalData "$jdbc" "$current_size" "$spare" "$api_key" 2>&1 | grep -v SLF4J
  start_server "$current_size"
  memory idle

  echo "-- signing in $sessions sessions (and one more for the capture)"
  cookies="$out/cookies-$current_size.txt"
  : > "$cookies"
  for n in $(seq 1 "$sessions"); do sign_in "person-$n@bench.invalid" >> "$cookies"; done
  local spare_session support_session admin_session
  spare_session=$(sign_in "person-$spare@bench.invalid")
  support_session=$(sign_in support@bench.invalid)

  echo "-- warming up ($seconds s each: account page, cancel cycle, API cancel)"
  run_wrk warm-account page.lua "$sessions" "$sessions" "$seconds" /account > /dev/null
  run_wrk warm-cancel-page cancel-page.lua "$sessions" "$sessions" "$seconds" > /dev/null
  reset_sessions_subscriptions
  BENCH_FIRST=$first_warm BENCH_COUNT=$((pool / 2)) BENCH_PATH='/api/v1/subscriptions/sub_%d/cancel' \
    BENCH_AUTH="Bearer $api_key" run_wrk warm-api-cancel each-once.lua 20 20 "$seconds" 20 > /dev/null

  echo "-- statements per action, captured from PostgreSQL (plans in bench/target/plans/$current_size)"
  mkdir -p "$out/statements"
  capture account "$spare" curl -s -H "Cookie: JSESSIONID=$spare_session" -H 'X-Forwarded-Proto: https' "$base/account"
  receipt=$(capture_page_cycle)
  capture api-cancel "$((current_size - 3))" + api_cancel_once
  for name in account page-cycle api-cancel; do
    figure "$current_size" "statements-$name" "{\"statements_round_trips_session\":\"$(cat "$out/statements/$name.count" | tr -d '\n')\"}"
  done

  echo "-- 1. account page at $sessions sessions, beside the bare endpoint"
  run_wrk account page.lua "$sessions" "$sessions" "$seconds" /account
  run_wrk bare-ping page.lua "$sessions" "$sessions" "$seconds" /bench-bare/ping
  echo "-- 2. cancel and undo through the page at $sessions sessions, beside pgbench and bare JDBC on its statements"
  reset_sessions_subscriptions
  run_wrk cancel-page cancel-page.lua "$sessions" "$sessions" "$seconds"
  { echo '\set sid 1 + :client_id'; cat "$out/statements/page-cycle.sql"; } > "$out/statements/page-cycle-pgbench.sql"
  reset_sessions_subscriptions
  run_pgbench pgbench-page-cycle "$out/statements/page-cycle-pgbench.sql" "$sessions" -T "$seconds"
  reset_sessions_subscriptions
  BENCH_FIRST=1 BENCH_COUNT="$sessions" BENCH_REPEAT=1 BENCH_PATH='/bench-bare/replay/page-cycle?sid=%d' \
    run_wrk bare-page-cycle each-once.lua "$sessions" "$sessions" "$seconds" "$sessions"
  echo "-- 3. operator API cancel with Idempotency-Keys, 20 at a time, $pool each, beside pgbench and bare JDBC"
  BENCH_FIRST=$first_api BENCH_COUNT=$pool BENCH_PATH='/api/v1/subscriptions/sub_%d/cancel' BENCH_AUTH="Bearer $api_key" \
    run_wrk api-cancel each-once.lua 20 20 "$seconds" 20
  psql_do -c "DROP SEQUENCE IF EXISTS bench_sid" -c "CREATE SEQUENCE bench_sid START $first_pgbench" 2> /dev/null
  { echo "SELECT nextval('bench_sid') AS sid \\gset"; cat "$out/statements/api-cancel.sql"; } \
    > "$out/statements/api-cancel-pgbench.sql"
  run_pgbench pgbench-api-cancel "$out/statements/api-cancel-pgbench.sql" 20 -t $((pool / 20))
  BENCH_FIRST=$first_bare BENCH_COUNT=$pool BENCH_PATH='/bench-bare/replay/api-cancel?sid=%d' \
    run_wrk bare-api-cancel each-once.lua 20 20 "$seconds" 20
  memory loaded

  echo "-- 4. upserts through the API, 20 at a time"
  BENCH_FIRST=$((current_size + 1)) BENCH_COUNT=$pool BENCH_METHOD=PUT BENCH_PATH='/api/v1/subscribers/new_%d' \
    BENCH_BODY='{"email":"new-%d@bench.invalid","name":"New %d","locale":"de","time_zone":"Europe/Berlin","country":"DE"}' \
    BENCH_AUTH="Bearer $api_key" run_wrk api-upsert-subscriber each-once.lua 20 20 "$seconds" 20
  BENCH_FIRST=$((current_size + 1)) BENCH_COUNT=$pool BENCH_METHOD=PUT BENCH_PATH='/api/v1/subscriptions/new_%d' \
    BENCH_BODY_OFFSET=$current_size BENCH_BODY='{"subscriber":"cus_%d","plan":"bench-plus-monthly-eur","started_at":"2026-01-01T00:00:00Z","current_period_start":"2026-12-01T00:00:00Z","current_period_end":"2027-01-01T00:00:00Z"}' \
    BENCH_AUTH="Bearer $api_key" run_wrk api-upsert-subscription each-once.lua 20 20 "$seconds" 20

  echo "-- one caller at a time ($seconds s each)"
  local one=$((sessions / 2)) api="Bearer $api_key"
  echo "$spare_session" > "$out/spare-session.txt"
  echo "$support_session" > "$out/support-session.txt"
  BENCH_COOKIES="$out/spare-session.txt" run_wrk one-account page.lua 1 1 "$seconds" /account
  BENCH_COOKIES="$out/spare-session.txt" run_wrk one-receipt page.lua 1 1 "$seconds" "${receipt#"$base"}"
  BENCH_COOKIES=/dev/null run_wrk one-public-cancel-form page.lua 1 1 "$seconds" /cancel-contract
  BENCH_COOKIES="$out/support-session.txt" run_wrk one-support-search page.lua 1 1 "$seconds" \
    "/support/search?q=person-$one%40bench.invalid"
  export BENCH_COOKIES=/dev/null
  BENCH_AUTH="$api" run_wrk one-api-subscription page.lua 1 1 "$seconds" "/api/v1/subscriptions/sub_$one"
  BENCH_AUTH="$api" run_wrk one-api-subscriber page.lua 1 1 "$seconds" "/api/v1/subscribers/cus_$one"
  BENCH_AUTH="$api" run_wrk one-api-subscription-list page.lua 1 1 "$seconds" "/api/v1/subscriptions?limit=50"
  BENCH_AUTH="$api" run_wrk one-api-cancellation-list page.lua 1 1 "$seconds" "/api/v1/cancellations?limit=50"
  BENCH_FIRST=1 BENCH_COUNT=$pool BENCH_PATH='/api/v1/portal-sessions' BENCH_AUTH="$api" \
    BENCH_BODY='{"subscriber":"cus_%d","return_url":"https://shop.bench.invalid/account"}' \
    run_wrk one-api-portal-session each-once.lua 1 1 "$seconds" 1
  unset BENCH_COOKIES
  sign_in_timing
  jobs_timing

  stop_server
  stop_database
}

# Sign-in through the form, one at a time: GET /login, then the POST (timed; PBKDF2 with 600,000 iterations).
sign_in_timing() {
  local times=() n
  for n in $(seq 1 10); do
    local start end
    start=$(date +%s%N)
    sign_in "person-$n@bench.invalid" > /dev/null
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000 ))")
  done
  local p50
  p50=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 5p)
  figure "$current_size" one-sign-in "{\"p50_ms\":$(echo "scale=2; $p50 / 1000" | bc),\"requests\":10}"
  printf '  %-28s p50 %s ms (10 sign-ins, GET /login and the POST)\n' one-sign-in "$(echo "scale=1; $p50 / 1000" | bc)"
}

# Waits (at most 5 minutes) until the outbox relays have handled every delivery that is due.
wait_for_relays() {
  for _ in $(seq 1 600); do
    [ "$(psql_do -c "SELECT count(*) FROM outbox_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()")" = 0 ] \
      && return 0
    sleep 0.5
  done
}

# The relay: how long until every delivery the load above made is handled (receipt emails, webhooks, enrolments).
jobs_timing() {
  local pending start end
  pending=$(psql_do -c "SELECT count(*) FROM outbox_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()")
  start=$(date +%s%N)
  wait_for_relays
  end=$(date +%s%N)
  local seconds_taken
  seconds_taken=$(echo "scale=2; ($end - $start) / 1000000000" | bc)
  local left
  left=$(psql_do -c "SELECT count(*) FROM outbox_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()")
  figure "$current_size" relay "{\"deliveries\":$pending,\"drain_seconds\":$seconds_taken,\"still_due\":$left}"
  printf '  %-28s %s due deliveries, %s s later %s still due\n' relay "$pending" "$seconds_taken" "$left"
}

# Brings the signed-in visitors' subscriptions back to active between runs: a run's end may cut a cycle between its
# cancel and its undo. Undone as the undo would (the row kept, undone_at set), without the undo's event.
reset_sessions_subscriptions() {
  psql_do -c "UPDATE cancellation SET undone_at = now() WHERE subscription_id <= $((sessions + 1)) AND undone_at IS NULL" \
    -c "UPDATE subscription SET status = 'ACTIVE' WHERE id <= $((sessions + 1)) AND status <> 'ACTIVE'" > /dev/null
}

capture_page_cycle() {
  local receipt
  capture page-cycle "$spare" page_cycle "$spare_session" >&2
  # the receipt the last cycle ended on, for the one-caller figure
  page_cycle "$spare_session"
}

# --- the run ------------------------------------------------------------------------------------------------------------
: > "$results"
: > "$out/wrk.jsonl"
rm -rf "$bench/target/plans"
echo "== Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
figure 0 machine "{\"cores\":$(nproc),\"load_average\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"commit\":\"$(git -C "$root" rev-parse --short HEAD)\"}"
for size in $sizes; do
  measure_size "$size"
done
java -cp "$tools" org.cancelportal.bench.portal.PortalReport "$results" "$bench/target/portal-benchmark.json" \
  | tee "$bench/target/portal-benchmark.txt"
