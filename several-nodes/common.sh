# Shared by start, stop and prove: where things are, and the ports (nginx on 9000, node N on 900N and 940N).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state="$root/cancel-web/target/several-nodes"
wlp="$root/cancel-web/target/liberty/wlp"
servers="$wlp/usr/servers"
proxy_port=9000
db_port=15442
node_name() { echo "cancelportal-node$1"; }
node_http_port() { echo $((9000 + $1)); }
node_https_port() { echo $((9400 + $1)); }
started_nodes() { ls -d "$servers"/cancelportal-node* 2>/dev/null | sed 's/.*cancelportal-node//' | sort -n; }

# Waits until a command succeeds, at most $1 seconds, checking every second.
wait_for() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      echo "Gave up waiting for $what after ${seconds}s" >&2
      return 1
    fi
    sleep 1
  done
}

node_ready() { curl -fsS "http://localhost:$(node_http_port "$1")/health/ready"; }
