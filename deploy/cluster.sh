#!/usr/bin/env bash
# A local cluster for anyone to try: N Lumbra instances (Payara Micro, the WAR of web/target)
# on one PostgreSQL database, with HAProxy in front, all on loopback.
#
#   deploy/cluster.sh start [N]   build nothing; start N instances (default 3) and the balancer
#   deploy/cluster.sh stop        stop the balancer and every instance
#   deploy/cluster.sh status      readiness of each instance and of the balancer
#
# Needs: ./mvnw -B -q package -DskipTests (for web/target/lumbra.war and the Payara Micro jar),
# HAProxy (apt install haproxy), and a PostgreSQL database named by LUMBRA_DB_URL, LUMBRA_DB_USER
# and LUMBRA_DB_PASSWORD. Ports: the balancer on LB_PORT (default 8080), the instances on
# FIRST_PORT, FIRST_PORT+1, ... (default 8081). Logs and data: target/cluster/.
set -euo pipefail
cd "$(dirname "$0")/.."

LB_PORT=${LB_PORT:-8080}
FIRST_PORT=${FIRST_PORT:-8081}
WORK=target/cluster
WAR=web/target/lumbra.war
MICRO=web/target/payara/payara-micro.jar

fail() { echo "cluster: $*" >&2; exit 1; }

# Ready as the balancer sees it: Lumbra's own database check answers UP (Payara answers UP with no
# checks while it is still deploying) and the FHIR endpoint is mapped.
ready() {
  curl -fs --max-time 2 "http://127.0.0.1:$1/health/ready" 2>/dev/null | grep -q '"name":"database","status":"UP"' &&
    curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/fhir/metadata" 2>/dev/null
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  local count=${1:-3}
  [ -f "$WAR" ] && [ -f "$MICRO" ] || fail "build first: ./mvnw -B -q package -DskipTests"
  command -v haproxy >/dev/null || fail "HAProxy is needed: apt install haproxy"
  [ -n "${LUMBRA_DB_URL:-}" ] || fail "set LUMBRA_DB_URL, LUMBRA_DB_USER and LUMBRA_DB_PASSWORD (PostgreSQL)"
  for pidfile in "$WORK/haproxy.pid" "$WORK"/instance-*/pid; do
    alive "$pidfile" && fail "a cluster is already running from $WORK: deploy/cluster.sh stop first"
  done
  mkdir -p "$WORK"
  local servers=""
  for i in $(seq 1 "$count"); do
    local port=$((FIRST_PORT + i - 1)) dir="$WORK/instance-$i"
    mkdir -p "$dir/data"
    rm -rf "$dir/payara"
    # Every instance answers for the balancer's token URL, the audience clients sign for.
    LUMBRA_AUTH_TOKEN_URL="http://127.0.0.1:$LB_PORT/auth/token" \
      LUMBRA_BULK_DIR="$PWD/$WORK/bulk-export" \
      nohup java -Xmx768m -Dlumbra.data.dir="$PWD/$dir/data" -jar "$MICRO" \
        --deploy "$WAR" --contextroot / --nohazelcast --port "$port" \
        --rootdir "$PWD/$dir/payara" >"$dir/server.log" 2>&1 &
    echo $! >"$dir/pid"
    servers+="    server instance-$i 127.0.0.1:$port check cookie i$i"$'\n'
    echo "instance-$i: port $port, pid $(cat "$dir/pid"), log $dir/server.log"
  done
  local config
  config=$(<deploy/haproxy.cfg)
  config=${config//'${LB_BIND}'/127.0.0.1:$LB_PORT}
  config=${config//'${LB_SERVERS}'/${servers%$'\n'}}
  config=${config//'${LB_SOCKET}'/$PWD/$WORK/haproxy.sock}
  printf '%s\n' "$config" >"$WORK/haproxy.cfg"
  haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid" || fail "HAProxy did not start"
  echo "balancer: http://127.0.0.1:$LB_PORT/ (config $WORK/haproxy.cfg)"
  for _ in $(seq 1 240); do
    local up=0
    for i in $(seq 1 "$count"); do
      alive "$WORK/instance-$i/pid" || fail "instance-$i exited while starting; see $WORK/instance-$i/server.log"
      ready $((FIRST_PORT + i - 1)) && up=$((up + 1))
    done
    [ "$up" = "$count" ] && { echo "all $count instances ready"; return 0; }
    sleep 1
  done
  fail "not every instance was ready within 4 minutes; see $WORK/instance-*/server.log"
}

# SIGTERM, as an operator stops a server: each instance stores its audit journal on the way out.
stop() {
  [ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null || true
  rm -f "$WORK/haproxy.pid"
  local pidfile
  for pidfile in "$WORK"/instance-*/pid; do
    alive "$pidfile" && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  for pidfile in "$WORK"/instance-*/pid; do
    [ -f "$pidfile" ] || continue
    for _ in $(seq 1 60); do alive "$pidfile" || break; sleep 1; done
    alive "$pidfile" && { echo "cluster: $(dirname "$pidfile") did not stop in 60 s, killing it" >&2; kill -9 "$(cat "$pidfile")"; }
    rm -f "$pidfile"
  done
  echo "stopped"
}

status() {
  for dir in "$WORK"/instance-*; do
    [ -d "$dir" ] || continue
    local i=${dir##*-}
    local port=$((FIRST_PORT + i - 1))
    if ready "$port"; then
      echo "instance-$i :$port ready"
    elif alive "$dir/pid"; then
      echo "instance-$i :$port running, NOT ready"
    else
      echo "instance-$i :$port not running"
    fi
  done
  if ready "$LB_PORT"; then echo "balancer :$LB_PORT ready"; else echo "balancer :$LB_PORT NOT ready"; fi
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start [N] | stop | status" >&2; exit 2 ;;
esac
