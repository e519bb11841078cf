#!/usr/bin/env bash
# Gateway vs nginx (issue 5; results in docs/benchmarks.md, "Gateway vs nginx").
#
# Both proxies sit in front of the same trivial upstream (an nginx answering a fixed JSON body) and
# get the same wrk load, in alternating rounds of the same run:
#   (a) nginx as a bare reverse proxy (keep-alive upstream, no authentication);
#   (b) the tenant-gateway with everything on: API-key authentication (a real key issued by the
#       keys-service, verified once with argon2id and then cached), the key's IP allowlist, its
#       CORS origin check, the rate limiter (limit set far above the load so it admits everything
#       but still runs), and a signed internal JWT forwarded upstream.
# The rest of the platform (keys-service, embedded Postgres, ...) is started by ./run and stays idle.
# Two more contenders, for reference only, with no Quarkus and no checks: (c) the smallest streaming
# proxy on Vert.x's HTTP server and client (bench's BareVertxProxy), and (d) the smallest one on
# plain Netty's HTTP codec (BareNettyProxy): what the JVM costs per proxied request, below Vert.x.
#
# Needs: nginx and wrk (Debian packages nginx-light, wrk), a JDK and Maven.
#   bench/gateway/run-gateway-benchmark.sh [--connections 64] [--threads 2] [--duration 20] [--rounds 2]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

CONNECTIONS=64
THREADS=2
DURATION=20
ROUNDS=2
WARMUP=15
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
for tool in nginx wrk curl java mvn; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install nginx-light wrk curl)" >&2; exit 69; }
done

UPSTREAM_PORT=18090
PROXY_PORT=18091
GATEWAY_PORT=18080
MANAGEMENT_PORT=19080 # the gateway's health and metrics; the services take 19081..19084
BARE_PORT=18092
NETTY_PORT=18093
RUN=$(mktemp -d /tmp/atc-gateway-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$RUN"
}
trap cleanup EXIT INT TERM

for conf in upstream proxy; do
  sed -e "s#__RUN__#$RUN#g" -e "s#__UPSTREAM_PORT__#$UPSTREAM_PORT#g" -e "s#__PROXY_PORT__#$PROXY_PORT#g" \
    bench/gateway/nginx-$conf.conf > "$RUN/nginx-$conf.conf"
  nginx -p "$RUN" -c "$RUN/nginx-$conf.conf" &
  PIDS+=($!)
done

if [ "${ATC_SKIP_BUILD:-0}" != "1" ]; then
  mvn -B -q install -DskipTests
fi
OPERATOR_TOKEN="atc_op_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ATC_SKIP_BUILD=1 ATC_OPERATOR_TOKEN="$OPERATOR_TOKEN" ATC_LOG_LEVEL=WARN \
  ATC_GATEWAY_PORT=$GATEWAY_PORT ATC_KEYS_PORT=18081 ATC_AUDIT_PORT=18082 ATC_RETENTION_PORT=18083 ATC_EDGE_PORT=18084 \
  ATC_GATEWAY_MANAGEMENT_PORT=$MANAGEMENT_PORT ATC_KEYS_MANAGEMENT_PORT=19081 ATC_AUDIT_MANAGEMENT_PORT=19082 \
  ATC_RETENTION_MANAGEMENT_PORT=19083 ATC_EDGE_MANAGEMENT_PORT=19084 \
  ATC_GATEWAY_UPSTREAMS_EDGE_URL=http://127.0.0.1:$UPSTREAM_PORT \
  QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE="${QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE:-$(nproc)}" ATC_JAVA_OPTS="${ATC_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC}" ATC_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND=1000000 ATC_GATEWAY_RATE_LIMIT_BURST=1000000 \
  ./run > "$RUN/platform.log" 2>&1 &
PIDS+=($!)
java ${ATC_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC} -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.atc.bench.gateway.BareVertxProxy $BARE_PORT 127.0.0.1 $UPSTREAM_PORT > "$RUN/bare.log" 2>&1 &
PIDS+=($!)
java ${ATC_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC} -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.atc.bench.gateway.BareNettyProxy $NETTY_PORT 127.0.0.1 $UPSTREAM_PORT > "$RUN/bare-netty.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 240); do
  grep -q "ATC platform is up" "$RUN/platform.log" && break
  sleep 1
done
grep -q "ATC platform is up" "$RUN/platform.log" || { cat "$RUN/platform.log"; echo "the platform did not start" >&2; exit 1; }

GATEWAY=http://127.0.0.1:$GATEWAY_PORT
ORIGIN=https://app.example.com
# A tenant (its first admin key comes back once), then the benchmark's own key with an allowlist and an origin.
post() { # path json [key] -> body; fails loudly unless 201
  local auth=() body status
  if [ -n "${3:-}" ]; then auth=(-H "Authorization: Bearer $3"); else auth=(-H "X-Operator-Token: $OPERATOR_TOKEN"); fi
  body=$(curl -s -w '\n%{http_code}' -X POST "$GATEWAY$1" "${auth[@]}" -H 'Content-Type: application/json' -d "$2")
  status=${body##*$'\n'}; body=${body%$'\n'*}
  [ "$status" = 201 ] || { echo "POST $1 answered $status: $body" >&2; grep -i -A3 "error\|exception" "$RUN/platform.log" | head -40 >&2; return 1; }
  printf '%s' "$body"
}
key_of() { sed -n 's/.*"key":"\([^"]*\)".*/\1/p'; }
ADMIN_KEY=$(post /v1/tenants '{"name":"Gateway bench"}' | key_of)
KEY=$(post /v1/keys "{\"name\":\"bench\",\"scopes\":[\"sites:read\"],\"allowedCidrs\":[\"127.0.0.0/8\",\"::1/128\"],\"allowedOrigins\":[\"$ORIGIN\"]}" "$ADMIN_KEY" | key_of)
[ -n "$KEY" ] || { echo "could not create the benchmark key" >&2; exit 1; }

check() {
  local url=$1 status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" -H "Origin: $ORIGIN" "$url/v1/sites")
  [ "$status" = 200 ] || { echo "$url/v1/sites answered $status, expected 200" >&2; exit 1; }
}
check "http://127.0.0.1:$PROXY_PORT"
check "$GATEWAY"
check "http://127.0.0.1:$BARE_PORT"
check "http://127.0.0.1:$NETTY_PORT"
# The gateway must really be checking: a wrong key and a foreign origin are refused.
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${KEY%??????}AAAAAA" "$GATEWAY/v1/sites")" = 401 ]
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" -H 'Origin: https://evil.example' "$GATEWAY/v1/sites")" = 403 ]

load() { # url seconds -> wrk output
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency -H "Authorization: Bearer $KEY" -H "Origin: $ORIGIN" "$1/v1/sites"
}
rps() { sed -n 's/^Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p'; }
p99() { awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } print v }'; }
errors() { grep -E "Non-2xx|Socket errors" || true; }

echo "Gateway vs nginx: wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per run, $ROUNDS round(s), warm-up ${WARMUP}s each; $(nproc) cores"
load "http://127.0.0.1:$PROXY_PORT" "$WARMUP" > /dev/null
load "$GATEWAY" "$WARMUP" > /dev/null
load "http://127.0.0.1:$BARE_PORT" "$WARMUP" > /dev/null
load "http://127.0.0.1:$NETTY_PORT" "$WARMUP" > /dev/null
declare -a NGINX_RPS GATEWAY_RPS NGINX_P99 GATEWAY_P99 BARE_RPS BARE_P99 NETTY_RPS NETTY_P99 RATIOS
for round in $(seq 1 "$ROUNDS"); do
  for target in nginx gateway bare-vertx bare-netty; do
    case "$target" in
      nginx) url="http://127.0.0.1:$PROXY_PORT" ;;
      gateway) url=$GATEWAY ;;
      bare-vertx) url="http://127.0.0.1:$BARE_PORT" ;;
      *) url="http://127.0.0.1:$NETTY_PORT" ;;
    esac
    out=$(load "$url" "$DURATION")
    r=$(echo "$out" | rps); p=$(echo "$out" | p99)
    printf "  round %d %-10s %10.0f req/s   p99 %7.2f ms   %s\n" "$round" "$target" "$r" "$p" "$(echo "$out" | errors | tr '\n' ' ')"
    case "$target" in
      nginx) NGINX_RPS+=("$r"); NGINX_P99+=("$p") ;;
      gateway) GATEWAY_RPS+=("$r"); GATEWAY_P99+=("$p") ;;
      bare-vertx) BARE_RPS+=("$r"); BARE_P99+=("$p") ;;
      *) NETTY_RPS+=("$r"); NETTY_P99+=("$p") ;;
    esac
  done
  ratio=$(awk -v n="${NGINX_RPS[-1]}" -v g="${GATEWAY_RPS[-1]}" 'BEGIN { printf "%.3f", g / n }')
  RATIOS+=("$ratio")
  awk -v ratio="$ratio" -v np="${NGINX_P99[-1]}" -v gp="${GATEWAY_P99[-1]}" -v round="$round" \
    'BEGIN { printf "  round %d gateway/nginx = %s, p99 %+.2f ms\n", round, ratio, gp - np }'
done
mean() { printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%.2f", s / NR }'; }
n=$(mean "${NGINX_RPS[@]}"); g=$(mean "${GATEWAY_RPS[@]}")
np=$(mean "${NGINX_P99[@]}"); gp=$(mean "${GATEWAY_P99[@]}")
echo "  mean nginx    $n req/s  p99 $np ms"
echo "  mean gateway  $g req/s  p99 $gp ms"
b=$(mean "${BARE_RPS[@]}"); bp=$(mean "${BARE_P99[@]}")
echo "  mean bare Vert.x proxy (reference, no checks)  $b req/s  p99 $bp ms  ($(awk -v b="$b" -v n="$n" 'BEGIN { printf "%.3f", b / n }') of nginx)"
b=$(mean "${NETTY_RPS[@]}"); bp=$(mean "${NETTY_P99[@]}")
echo "  mean bare Netty proxy (reference, no checks)   $b req/s  p99 $bp ms  ($(awk -v b="$b" -v n="$n" 'BEGIN { printf "%.3f", b / n }') of nginx)"
awk -v n="$n" -v g="$g" -v np="$np" -v gp="$gp" 'BEGIN {
  ratio = g / n; extra = gp - np
  printf "  throughput gateway/nginx = %.3f (goal >= 0.9: %s)\n", ratio, ratio >= 0.9 ? "MET" : "NOT MET"
  printf "  p99 gateway - nginx = %+.2f ms (goal <= +1 ms: %s)\n", extra, extra <= 1 ? "MET" : "NOT MET"
}'
median=$(printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "  median of the rounds' gateway/nginx = $median (for the spread only; the goals are judged on the means above)"
echo "  gateway counters after the run:"
curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | grep -E '^atc_gateway_(auth|keys_cold)' | sed 's/^/    /' || true
