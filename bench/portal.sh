#!/usr/bin/env bash
# The portal benchmark in one command: the work subscribers and operators do, measured on the production artifact.
# Builds cancel-portal.jar (mvn -Dproduction), starts a fresh embedded PostgreSQL, fills it with SIZE subscribers and
# subscriptions by set-based SQL, starts the artifact on it (java -jar, sessions in PostgreSQL as in production), drops
# the benchmark-only WAR bench-bare next to the portal's WARs, and measures side by side (docs/benchmarks.md says what
# each figure means). Prints a table and writes bench/target/portal-benchmark.json; stops everything at the end.
#
#   bench/portal.sh                       10,000 and then 1,000,000 subscriptions (the real run, on a quiet machine)
#   BENCH_SIZES="2000 20000" BENCH_SECONDS=5 bench/portal.sh      a small proof run
#   BENCH_ONLY="account api-cancel" BENCH_BUILD=0 bench/portal.sh  only these phases (a phase that needs another's
#                                                                  work pulls it in)
#
# Environment: BENCH_SIZES ("10000 1000000"), BENCH_SECONDS per load phase (30), BENCH_WARM_SECONDS per warm-up (20),
# BENCH_ONE_SECONDS per one-caller path (10), BENCH_SESSIONS (50), BENCH_CANCELS per cancel comparison (2000),
# BENCH_IMPORT_ROWS per CSV file (1000, the import takes at most 10,000), BENCH_IMPORT_PLANS (200), BENCH_JOB_ITEMS
# per job (1000), BENCH_JOB_SECONDS the longest a job is waited for (60), BENCH_PROFILE=0 records no flight recording, BENCH_ONLY (every phase: $phases), BENCH_HTTP_PORT
# (9680), BENCH_HTTPS_PORT (10043), BENCH_DB_PORT (35532), BENCH_BUILD=0 reuses the artifact already built.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
out="$bench/target/portal"
sizes="${BENCH_SIZES:-10000 1000000}"
seconds="${BENCH_SECONDS:-30}"
warm_seconds="${BENCH_WARM_SECONDS:-20}"
one_seconds="${BENCH_ONE_SECONDS:-10}"
sessions="${BENCH_SESSIONS:-50}"
import_rows="${BENCH_IMPORT_ROWS:-1000}"
import_plans="${BENCH_IMPORT_PLANS:-200}"
job_items="${BENCH_JOB_ITEMS:-1000}"
job_seconds="${BENCH_JOB_SECONDS:-60}"
profile="${BENCH_PROFILE:-1}"
cancels="${BENCH_CANCELS:-2000}"
http_port="${BENCH_HTTP_PORT:-9680}"
https_port="${BENCH_HTTPS_PORT:-10043}"
db_port="${BENCH_DB_PORT:-35532}"
base="http://localhost:$http_port"
jdbc="jdbc:postgresql://localhost:$db_port/postgres?user=postgres&password=postgres"
api_key="bench-operator-key-$(openssl rand -hex 8)"
export PGHOST=localhost PGPORT="$db_port" PGUSER=postgres PGPASSWORD=postgres PGDATABASE=postgres
mkdir -p "$out"

# --- phases -------------------------------------------------------------------------------------------------------------
phases="statements account cancel-page api-cancel upserts import one sign-in relay effective-date survey"
only=" ${BENCH_ONLY:-$phases} "
for phase in $only; do
  [[ " $phases " == *" $phase "* ]] || { echo "BENCH_ONLY: no phase '$phase' (phases: $phases)" >&2; exit 2; }
done
# The jobs work on the cancellations the API cancel phase makes.
if [[ "$only" == *" effective-date "* || "$only" == *" survey "* ]] && [[ "$only" != *" api-cancel "* ]]; then
  only="$only api-cancel "
fi
only=" $(echo $only) "
wants() {
  local phase
  for phase in "$@"; do [[ "$only" == *" $phase "* ]] && return 0; done
  return 1
}

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

# The environment the server runs with, as production would give it. One keystore for every start: the self-signed one
# a first start makes is not opened again by a later start of the same extraction.
server_environment() {
  [ -f "$out/key.p12" ] || keytool -genkeypair -alias default -keyalg RSA -keysize 2048 -validity 30 -dname CN=localhost \
    -storetype PKCS12 -keystore "$out/key.p12" -storepass bench-keystore > /dev/null 2>&1
  printf '%s\n' "DB_URL=jdbc:postgresql://localhost:$db_port/postgres" DB_USER=postgres DB_PASSWORD=postgres \
    "LINKS_SIGNING_KEYS=$signing_keys" "HTTP_PORT=$http_port" "HTTPS_PORT=$https_port" "PORTAL_BASE_URL=$base" \
    "SURVEY_BASE_URL=$base/survey" MAIL_DELIVERY=folder "MAIL_FOLDER=$out/mail" LOG_FORMAT=simple \
    "PORTAL_BENCH_STATEMENTS=$out/statements" CANCEL_COMPLETION_INTERVAL_SECONDS=1 "TLS_KEYSTORE=$out/key.p12" \
    TLS_KEYSTORE_PASSWORD=bench-keystore
}
signing_keys="bench:$(openssl rand -base64 32)"

# Seconds from $started until /health/ready answers UP and until the first page (/login) is served: "ready page".
wait_until_serving() {
  local started=$1 log=$2 ready="" page=""
  for _ in $(seq 1 1200); do
    kill -0 "$server" 2>/dev/null || { tail -40 "$log" >&2; echo "The portal did not start" >&2; exit 1; }
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
  echo "$ready $page"
}

# Starts the artifact as production would (java -jar, which unpacks it first), and records seconds to /health/ready UP
# and to the first page served.
start_server() {
  local size=$1
  rm -rf "$out/wlp" "$out/mail"
  local started
  started=$(date +%s.%N)
  env $(server_environment) WLP_JAR_EXTRACT_DIR="$out/wlp" java -jar "$jar" > "$out/server-$size.log" 2>&1 &
  server=$!
  local ready page
  read -r ready page < <(wait_until_serving "$started" "$out/server-$size.log")
  [ -n "$page" ] || exit 1
  printf '  ready (/health/ready UP) after %.1f s, first page (/login) after %.1f s, unpacking the artifact first\n' \
    "$ready" "$page"
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
  # bc writes numbers under 1 without their leading zero (.09), which JSON does not allow
  echo "{\"size\":$1,\"name\":\"$2\",${3#\{}" | sed -E 's/:(-?)\./:\10./g' >> "$results"
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
  local pool first_api first_pgbench first_bare spare=$((sessions + 1)) started_size
  started_size=$(date +%s)
  # Four ranges of subscriptions nobody else touches, each cancelled once: API, pgbench, bare JDBC, warming up.
  pool=$(( (current_size - sessions - 100) / 4 ))
  [ "$pool" -gt "$cancels" ] && pool=$cancels
  first_api=$((sessions + 100)); first_pgbench=$((first_api + pool)); first_bare=$((first_pgbench + pool))
  first_warm=$((first_bare + pool))
  echo
  echo "== $current_size subscriptions (phases:$only)"
  start_database
  java -cp "$tools" org.cancelportal.bench.portal.PortalData "$jdbc" "$current_size" "$spare" "$api_key" 2>&1 | grep -v SLF4J
  start_server "$current_size"
  memory idle

  local spare_session="" support_session="" admin_session=""
  cookies="$out/cookies-$current_size.txt"
  : > "$cookies"
  if wants statements account cancel-page one; then
    echo "-- signing in $sessions sessions (and one more for the captures)"
    for n in $(seq 1 "$sessions"); do sign_in "person-$n@bench.invalid" >> "$cookies"; done
    spare_session=$(sign_in "person-$spare@bench.invalid")
  fi
  wants statements one && support_session=$(sign_in support@bench.invalid)
  wants import && admin_session=$(sign_in admin@bench.invalid)

  echo "-- warming up ($warm_seconds s each)"
  wants statements account one && run_wrk warm-account page.lua "$sessions" "$sessions" "$warm_seconds" /account > /dev/null
  wants cancel-page && run_wrk warm-cancel-page cancel-page.lua "$sessions" "$sessions" "$warm_seconds" > /dev/null
  reset_sessions_subscriptions
  wants statements api-cancel upserts && BENCH_FIRST=$first_warm BENCH_COUNT=$((pool / 2)) \
    BENCH_PATH='/api/v1/subscriptions/sub_%d/cancel' BENCH_AUTH="Bearer $api_key" \
    run_wrk warm-api-cancel each-once.lua 20 20 "$warm_seconds" 20 > /dev/null

  rm -rf "$out/statements" && mkdir -p "$out/statements"   # only this size's captures count
  receipt=""
  if wants statements account cancel-page api-cancel one; then
    echo "-- statements per action, captured from PostgreSQL (plans in bench/target/plans/$current_size)"
    wants statements account && capture account "$spare" curl -s -H "Cookie: JSESSIONID=$spare_session" \
      -H 'X-Forwarded-Proto: https' "$base/account"
    wants statements cancel-page one && receipt=$(capture_page_cycle)
    wants statements api-cancel && capture api-cancel "$((current_size - 3))" + api_cancel_once
    wants statements && capture_one_caller_paths
    local name
    for name in $(cd "$out/statements" && ls -- *.count 2>/dev/null | sed 's/\.count$//'); do
      figure "$current_size" "statements-$name" "{\"statements_round_trips_session\":\"$(tr -d '\n' < "$out/statements/$name.count")\"}"
    done
  fi

  if wants account; then
    echo "-- 1. account page at $sessions sessions, beside the bare endpoint"
    profile_start account
    run_wrk account page.lua "$sessions" "$sessions" "$seconds" /account
    profile_stop account
    run_wrk bare-ping page.lua "$sessions" "$sessions" "$seconds" /bench-bare/ping
  fi
  if wants cancel-page; then
    echo "-- 2. cancel and undo through the page at $sessions sessions, beside pgbench and bare JDBC on its statements"
    reset_sessions_subscriptions
    profile_start cancel-page
    run_wrk cancel-page cancel-page.lua "$sessions" "$sessions" "$seconds"
    profile_stop cancel-page
    { echo '\set sid 1 + :client_id'; cat "$out/statements/page-cycle.sql"; } > "$out/statements/page-cycle-pgbench.sql"
    reset_sessions_subscriptions
    run_pgbench pgbench-page-cycle "$out/statements/page-cycle-pgbench.sql" "$sessions" -T "$seconds"
    reset_sessions_subscriptions
    BENCH_FIRST=1 BENCH_COUNT="$sessions" BENCH_REPEAT=1 BENCH_PATH='/bench-bare/replay/page-cycle?sid=%d' \
      run_wrk bare-page-cycle each-once.lua "$sessions" "$sessions" "$seconds" "$sessions"
  fi
  if wants api-cancel; then
    echo "-- 3. operator API cancel with Idempotency-Keys, 20 at a time, $pool each, beside pgbench and bare JDBC"
    BENCH_FIRST=$first_api BENCH_COUNT=$pool BENCH_PATH='/api/v1/subscriptions/sub_%d/cancel' BENCH_AUTH="Bearer $api_key" \
      run_wrk api-cancel each-once.lua 20 20 "$seconds" 20
    psql_do -c "DROP SEQUENCE IF EXISTS bench_sid" -c "CREATE SEQUENCE bench_sid START $first_pgbench" 2> /dev/null
    { echo "SELECT nextval('bench_sid') AS sid \\gset"; cat "$out/statements/api-cancel.sql"; } \
      > "$out/statements/api-cancel-pgbench.sql"
    run_pgbench pgbench-api-cancel "$out/statements/api-cancel-pgbench.sql" 20 -t $((pool / 20))
    BENCH_FIRST=$first_bare BENCH_COUNT=$pool BENCH_PATH='/bench-bare/replay/api-cancel?sid=%d' \
      run_wrk bare-api-cancel each-once.lua 20 20 "$seconds" 20
  fi
  memory loaded

  if wants upserts; then
    echo "-- 4. upserts through the API, 20 at a time"
    BENCH_FIRST=$((current_size + 1)) BENCH_COUNT=$pool BENCH_METHOD=PUT BENCH_PATH='/api/v1/subscribers/new_%d' \
      BENCH_BODY='{"email":"new-%d@bench.invalid","name":"New %d","locale":"de","time_zone":"Europe/Berlin","country":"DE"}' \
      BENCH_AUTH="Bearer $api_key" run_wrk api-upsert-subscriber each-once.lua 20 20 "$seconds" 20
    BENCH_FIRST=$((current_size + 1)) BENCH_COUNT=$pool BENCH_METHOD=PUT BENCH_PATH='/api/v1/subscriptions/new_%d' \
      BENCH_BODY_OFFSET=$current_size BENCH_BODY='{"subscriber":"cus_%d","plan":"bench-plus-monthly-eur","started_at":"2026-01-01T00:00:00Z","current_period_start":"2026-12-01T00:00:00Z","current_period_end":"2027-01-01T00:00:00Z"}' \
      BENCH_AUTH="Bearer $api_key" run_wrk api-upsert-subscription each-once.lua 20 20 "$seconds" 20
  fi
  if wants import; then
    echo "-- 4. upserts through the CSV import (/admin/import: check, then import), one file at a time"
    import_timing "$admin_session"
  fi

  if wants one; then
    echo "-- one caller at a time ($one_seconds s each)"
    local one=$((sessions / 2)) api="Bearer $api_key"
    echo "$spare_session" > "$out/spare-session.txt"
    echo "$support_session" > "$out/support-session.txt"
    BENCH_COOKIES="$out/spare-session.txt" run_wrk one-account page.lua 1 1 "$one_seconds" /account
    BENCH_COOKIES="$out/spare-session.txt" run_wrk one-receipt page.lua 1 1 "$one_seconds" "${receipt#"$base"}"
    BENCH_COOKIES=/dev/null run_wrk one-public-cancel-form page.lua 1 1 "$one_seconds" /cancel-contract
    BENCH_COOKIES="$out/support-session.txt" run_wrk one-support-search page.lua 1 1 "$one_seconds" \
      "/support/search?q=person-$one%40bench.invalid"
    export BENCH_COOKIES=/dev/null
    BENCH_AUTH="$api" run_wrk one-api-subscription page.lua 1 1 "$one_seconds" "/api/v1/subscriptions/sub_$one"
    BENCH_AUTH="$api" run_wrk one-api-subscriber page.lua 1 1 "$one_seconds" "/api/v1/subscribers/cus_$one"
    BENCH_AUTH="$api" run_wrk one-api-subscription-list page.lua 1 1 "$one_seconds" "/api/v1/subscriptions?limit=50"
    BENCH_AUTH="$api" run_wrk one-api-cancellation-list page.lua 1 1 "$one_seconds" "/api/v1/cancellations?limit=50"
    BENCH_FIRST=1 BENCH_COUNT=$pool BENCH_PATH='/api/v1/portal-sessions' BENCH_AUTH="$api" \
      BENCH_BODY='{"subscriber":"cus_%d","return_url":"https://shop.bench.invalid/account"}' \
      run_wrk one-api-portal-session each-once.lua 1 1 "$one_seconds" 1
    unset BENCH_COOKIES
  fi
  wants sign-in && sign_in_timing
  if wants relay effective-date survey; then
    echo "-- the jobs, one at a time"
    wants relay && jobs_timing
    wants effective-date && effective_date_timing
    wants survey && survey_timing
  fi

  stop_server
  warm_starts "$current_size"
  stop_database
  figure "$current_size" duration "{\"took_seconds\":$(( $(date +%s) - started_size ))}"
  printf '  %-28s %d s\n' "this size took" "$(( $(date +%s) - started_size ))"
}

# The start an operator who keeps the extraction gets (docs/operations.md, "How long a start takes"): the server of the
# artifact unpacked above, started again with `server run` on the same database, three times; the median counts.
warm_starts() {
  local size=$1 readies=() pages=() started ready page
  for round in 1 2 3; do
    started=$(date +%s.%N)
    env $(server_environment) "$out/wlp/wlp/bin/server" run cancelportal-production > "$out/server-$size-warm-$round.log" 2>&1 &
    server=$!
    read -r ready page < <(wait_until_serving "$started" "$out/server-$size-warm-$round.log")
    stop_server
    [ -n "$page" ] || { echo "  warm start $round failed: see $out/server-$size-warm-$round.log"; return 0; }
    readies+=("$ready"); pages+=("$page")
  done
  ready=$(printf '%s\n' "${readies[@]}" | sort -g | sed -n 2p)
  page=$(printf '%s\n' "${pages[@]}" | sort -g | sed -n 2p)
  printf '  %-28s ready after %.1f s, first page after %.1f s (median of 3: %s)\n' "warm start (kept extraction)" \
    "$ready" "$page" "${readies[*]}"
  figure "$size" start-warm "{\"ready_seconds\":$ready,\"first_page_seconds\":$page}"
}

# The statements of each path a person or an operator takes one at a time, as for the account page above.
capture_one_caller_paths() {
  local one=$((sessions / 2)) xfp='X-Forwarded-Proto: https' api="Authorization: Bearer $api_key"
  capture receipt "$spare" curl -s -H "Cookie: JSESSIONID=$spare_session" -H "$xfp" "$receipt"
  capture public-cancel-form "$spare" curl -s -H "$xfp" "$base/cancel-contract"
  capture support-search "$one" curl -s -H "Cookie: JSESSIONID=$support_session" -H "$xfp" \
    "$base/support/search?q=person-$one%40bench.invalid"
  capture api-subscription "$one" curl -s -H "$api" -H "$xfp" "$base/api/v1/subscriptions/sub_$one"
  capture api-subscriber "$one" curl -s -H "$api" -H "$xfp" "$base/api/v1/subscribers/cus_$one"
  capture api-subscription-list "$one" curl -s -H "$api" -H "$xfp" "$base/api/v1/subscriptions?limit=50"
  capture api-cancellation-list "$one" curl -s -H "$api" -H "$xfp" "$base/api/v1/cancellations?limit=50"
  capture api-portal-session "$one" curl -s -H "$api" -H "$xfp" -H 'Content-Type: application/json' \
    -d "{\"subscriber\":\"cus_$one\",\"return_url\":\"https://shop.bench.invalid/account\"}" "$base/api/v1/portal-sessions"
  capture api-upsert-subscriber "$((current_size * 3))" + api_upsert_subscriber_once
  capture api-upsert-subscription "$((current_size * 3))" + api_upsert_subscription_once
  capture sign-in "$one" sign_in "person-$one@bench.invalid"
}
api_upsert_subscriber_once() {
  curl -s -o /dev/null -H "Authorization: Bearer $api_key" -H 'X-Forwarded-Proto: https' \
    -H 'Content-Type: application/json' -X PUT "$base/api/v1/subscribers/new_$1" \
    -d "{\"email\":\"new-$1@bench.invalid\",\"name\":\"New $1\",\"locale\":\"de\",\"time_zone\":\"Europe/Berlin\",\"country\":\"DE\"}"
}

# A new subscription of a subscriber from the range no phase cancels. Argument: the new subscription's number.
api_upsert_subscription_once() {
  local start end
  start=$(date -u -d '-7 days' +%Y-%m-%dT00:00:00Z)
  end=$(date -u -d '-7 days +1 month' +%Y-%m-%dT00:00:00Z)
  curl -s -o /dev/null -H "Authorization: Bearer $api_key" -H 'X-Forwarded-Proto: https' \
    -H 'Content-Type: application/json' -X PUT "$base/api/v1/subscriptions/new_$1" \
    -d "{\"subscriber\":\"cus_$((sessions + 50))\",\"plan\":\"bench-plus-monthly-eur\",\"started_at\":\"$start\",\"current_period_start\":\"$start\",\"current_period_end\":\"$end\"}"
}

# A flight recording (settings=profile) of the server while one load phase runs; its top frames are written to
# profile-<phase>-<size>.txt and the top 5 go into the table.
profile_start() {
  [ "$profile" = 1 ] || return 0
  jcmd "$server" JFR.start name="bench-$1" settings=profile filename="$out/profile-$1-$current_size.jfr" > /dev/null
}
profile_stop() {
  [ "$profile" = 1 ] || return 0
  local top
  jcmd "$server" JFR.stop name="bench-$1" > /dev/null
  top=$(java -cp "$tools" org.cancelportal.bench.portal.ProfileTopFrames "$out/profile-$1-$current_size.jfr" \
    "$out/profile-$1-$current_size.txt")
  figure "$current_size" "profile-$1" "{\"top_self\":\"$(echo "$top" | sed -n 1p)\",\"top_application\":\"$(echo "$top" | sed -n 2p)\"}"
  printf '  %-28s %s\n' "profile $1 (self)" "$(echo "$top" | sed -n 1p)"
  printf '  %-28s %s\n' "profile $1 (application)" "$(echo "$top" | sed -n 2p)"
}

# The admin import with three files, each checked and then imported as an admin does it: new subscribers with a
# subscription each, the same rows again with new names (updates), and new plans.
import_timing() {
  local session=$1 n start end
  start=$(date -u -d '-7 days' +%Y-%m-%dT00:00:00Z)
  end=$(date -u -d '-7 days +1 month' +%Y-%m-%dT00:00:00Z)
  {
    echo "subscriber_id,email,name,locale,time_zone,subscription_id,plan,started_at,current_period_start,current_period_end,trial_ends_at,country,service_start_requested"
    for n in $(seq 1 "$import_rows"); do
      echo "imp_$n,imp-$n@bench.invalid,Imported $n,de,Europe/Berlin,isub_$n,bench-plus-monthly-eur,$start,$start,$end,,DE,"
    done
  } > "$out/import-new.csv"
  sed '2,$ s/,Imported \([0-9]*\),de,/,Imported \1 renamed,en,/' "$out/import-new.csv" > "$out/import-update.csv"
  {
    echo "plan_code,name,price,currency,billing_period"
    for n in $(seq 1 "$import_plans"); do echo "bench-imported-$n,Imported plan $n,4.99,EUR,MONTHLY"; done
  } > "$out/import-plans.csv"
  import_file import-new "$session" "$out/import-new.csv" "$import_rows" 'rows are fine' 'Imported all'
  import_file import-update "$session" "$out/import-update.csv" "$import_rows" 'rows are fine' 'Imported all'
  import_file import-plans "$session" "$out/import-plans.csv" "$import_plans" 'rows of plans are fine' \
    'Imported all [0-9]* rows of plans'
}

# One file through /admin/import: GET the page, POST the file with "check" (the preview), POST it again with "import"
# from the page that preview answered. Arguments: name, session, file, rows, what the preview says, what the import says.
import_file() {
  local name=$1 file=$3 rows=$4 accepted=$5 imported=$6 cookie="Cookie: JSESSIONID=$2" page action before checked applied
  before=$(load_average)
  page=$(curl -s -H "$cookie" -H 'X-Forwarded-Proto: https' -H 'Accept-Language: en' "$base/admin/import")
  action=$(echo "$page" | grep -o '<form id="import"[^>]*action="[^"]*"' | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')
  checked=$(post_import "$action" "$cookie" "$(view_state "$page")" "$file" check "$out/$name-check.html")
  if ! grep -q "$accepted" "$out/$name-check.html"; then
    echo "  $name: the check did not accept the file, see $out/$name-check.html"
    return 0
  fi
  applied=$(post_import "$action" "$cookie" "$(view_state "$(cat "$out/$name-check.html")")" "$file" apply \
    "$out/$name-apply.html")
  if ! grep -q "$imported" "$out/$name-apply.html"; then
    echo "  $name: the import did not say it imported the file, see $out/$name-apply.html"
    return 0
  fi
  figure "$current_size" "$name" "{\"load_before\":$before,\"load_after\":$(load_average),\"rows\":$rows,\"check_seconds\":$checked,\"import_seconds\":$applied,\"done_per_second\":$(echo "scale=1; $rows / $applied" | bc),\"ms_per_item\":$(echo "scale=3; $applied * 1000 / $rows" | bc)}"
  printf '  %-28s %s rows: check %.2f s, import %.2f s, %.0f rows/s imported\n' "$name" "$rows" "$checked" "$applied" \
    "$(echo "$rows / $applied" | bc -l)"
}
# Prints the seconds the POST took. Arguments: form action, cookie header, view state, file, button, page to write.
post_import() {
  curl -s --max-time 900 -o "$6" -w '%{time_total}' -H "$2" -H 'X-Forwarded-Proto: https' -H 'Accept-Language: en' \
    -F "import_SUBMIT=1" -F "import:operator=bench-shop" -F "import:file=@$4;type=text/csv" -F "import:$5=x" \
    -F "jakarta.faces.ViewState=$3" "$base$1"
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

# Waits (at most about 5 minutes) until the outbox relays have handled every delivery that is due.
wait_for_relays() {
  for _ in $(seq 1 1500); do
    [ "$(due_deliveries)" = 0 ] && return 0
    sleep 0.2
  done
}

# The relay: how many of the deliveries the load left due (receipt emails, webhooks, enrolments) the outbox relays
# handle per second, for at most BENCH_JOB_SECONDS, and whether they are through by then.
jobs_timing() {
  local due before start handled
  before=$(load_average)
  due=$(due_deliveries)
  handled=$(handled_deliveries)
  start=$(date +%s%N)
  wait_until "$job_seconds" due_deliveries
  job_figure relay "$before" "$start" "$(( $(handled_deliveries) - handled ))" "$(due_deliveries)" "$due"
}
due_deliveries() {
  psql_do -c "SELECT count(*) FROM outbox_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()"
}
handled_deliveries() {
  psql_do -c "SELECT count(*) FROM outbox_delivery WHERE status <> 'PENDING'"
}
# Polls a count every 0.2 s until it is 0 or the seconds have passed. Arguments: seconds, the function that counts.
wait_until() {
  local deadline=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    [ "$("$2")" = 0 ] && return 0
    sleep 0.2
  done
}

# The effective-date job: BENCH_JOB_ITEMS of the cancellations the API cancel phase scheduled get an effective date
# that has passed (set to when they were requested), and the clock runs until the job has ended them all. The server
# looks every second (CANCEL_COMPLETION_INTERVAL_SECONDS=1), so up to a second of the time is the wait for its turn.
# The relays go on with what the load left them meanwhile, as they would in production.
effective_date_timing() {
  local due before start
  before=$(load_average)
  due=$(psql_do -c "WITH due AS (SELECT c.id FROM cancellation c JOIN subscription s ON s.id = c.subscription_id
      WHERE c.undone_at IS NULL AND s.status = 'CANCELLATION_SCHEDULED' ORDER BY c.id LIMIT $job_items),
    made_due AS (UPDATE cancellation c SET effective_at = c.requested_at FROM due WHERE c.id = due.id RETURNING 1)
    SELECT count(*) FROM made_due")
  start=$(date +%s%N)
  wait_until "$job_seconds" scheduled_due
  local left
  left=$(scheduled_due)
  job_figure effective-date "$before" "$start" "$((due - left))" "$left" "$due"
}
scheduled_due() {
  psql_do -c "SELECT count(*) FROM subscription s JOIN cancellation c ON c.subscription_id = s.id
    AND c.undone_at IS NULL WHERE s.status = 'CANCELLATION_SCHEDULED' AND c.effective_at <= now()"
}

# The survey invitations: BENCH_JOB_ITEMS of the invitations the cancels enrolled (due survey.invitation-delay, an
# hour, after each cancel) are made due now, and the clock runs until the survey's relay has sent them all. Making
# them due here, rather than starting the server with a delay of a second, keeps the invitations from being sent
# while the load phases above are measured.
survey_timing() {
  local due before start
  before=$(load_average)
  due=$(psql_do -c "WITH due AS (SELECT event_id FROM outbox_delivery WHERE consumer = 'survey-invitation'
      AND status = 'PENDING' ORDER BY next_attempt_at LIMIT $job_items),
    made_due AS (UPDATE outbox_delivery d SET next_attempt_at = now() FROM due
      WHERE d.event_id = due.event_id AND d.consumer = 'survey-invitation' RETURNING 1)
    SELECT count(*) FROM made_due")
  start=$(date +%s%N)
  wait_until "$job_seconds" invitations_due
  local left
  left=$(invitations_due)
  job_figure survey-invitations "$before" "$start" "$((due - left))" "$left" "$due"
}
invitations_due() {
  psql_do -c "SELECT count(*) FROM outbox_delivery WHERE consumer = 'survey-invitation' AND status = 'PENDING'
    AND next_attempt_at <= now()"
}

# Arguments: name, load average before, start (date +%s%N), items handled, items still due at the end, items due at
# the start.
job_figure() {
  local name=$1 before=$2 start=$3 items=$4 left=$5 due=$6 taken
  taken=$(echo "scale=2; ($(date +%s%N) - $start) / 1000000000" | bc)
  local rate=0 per=0
  if [ "$items" -gt 0 ]; then
    rate=$(echo "scale=1; $items / $taken" | bc)
    per=$(echo "scale=3; $taken * 1000 / $items" | bc)
  fi
  figure "$current_size" "$name" "{\"load_before\":$before,\"load_after\":$(load_average),\"due\":$due,\"items\":$items,\"drain_seconds\":$taken,\"done_per_second\":$rate,\"ms_per_item\":$per,\"still_due\":$left}"
  printf '  %-28s %s due, %s handled in %s s (%s/s), %s still due\n' "$name" "$due" "$items" "$taken" "$rate" "$left"
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
machine="$(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(( $(grep MemTotal /proc/meminfo | grep -o '[0-9]*') / 1024 / 1024 )) GB memory, Linux $(uname -r), $(java -version 2>&1 | head -1 | tr -d '"')"
echo "== Machine: $machine; load average $(cut -d' ' -f1-3 /proc/loadavg)"
run_started=$(date +%s)
figure 0 machine "{\"description\":\"$machine\",\"cores\":$(nproc),\"load_average\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"commit\":\"$(git -C "$root" rev-parse --short HEAD)\",\"phases\":\"$(echo $only)\"}"
for size in $sizes; do
  measure_size "$size"
done
figure 0 run "{\"seconds\":$(( $(date +%s) - run_started )),\"load_average_end\":\"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
java -cp "$tools" org.cancelportal.bench.portal.PortalReport "$results" "$bench/target/portal-benchmark.json" \
  | tee "$bench/target/portal-benchmark.txt"
