#!/usr/bin/env bash
# Builds the edge bridge and the bench module, then runs EdgeIngestBenchmark: 100 simulated devices
# across 10 tenants through a Mosquitto started from deploy/mosquitto/mosquitto.conf into the
# packaged bridge, on a fresh database on the local Postgres (127.0.0.1:5432, superuser postgres),
# dropped at the end, also when stopped. About 2 minutes; see docs/benchmarks.md, "Edge ingest".
#
#   bench/run-edge-benchmark.sh
#   EDGE_ARGS="--saturate-s 30 --latency-rate 5000" bench/run-edge-benchmark.sh
#
# Exit code: 0 if every message the broker acknowledged was stored exactly once (whatever the rates).
set -euo pipefail
cd "$(dirname "$0")/.."

EDGE_ARGS=${EDGE_ARGS:-"--devices 100 --tenants 10 --warmup-s 5 --broker-s 10 --saturate-s 20 --latency-s 15"}

echo "== build (mvn -pl edge-bridge,bench -am package)"
if ! timeout 900 mvn -B -q -o -pl edge-bridge,bench -am package -DskipTests; then
  echo "offline build failed; trying online"
  timeout 900 mvn -B -q -pl edge-bridge,bench -am package -DskipTests
fi
CP="bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
JAVA=${JAVA:-java}

echo
echo "== EdgeIngestBenchmark $EDGE_ARGS"
# shellcheck disable=SC2086
exec timeout --kill-after=30 900 "$JAVA" -cp "$CP" io.atc.bench.EdgeIngestBenchmark $EDGE_ARGS
