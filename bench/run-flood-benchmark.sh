#!/usr/bin/env bash
# Key flood (issue 16; results in docs/benchmarks.md, "Key flood (issue 16)").
# Packages the keys-service, the tenant-gateway and the bench module, then runs KeyFloodBenchmark:
# the real gateway and keys-service on a fresh database of their own on the local Postgres
# (127.0.0.1:5432, superuser postgres; dropped at the end), a flood of well-formed unknown keys at
# 2,000 requests/s from one and from 64 loopback addresses, beside 100 real keys whose cache entries
# expire during the run; the gateway as built ("protected") and with the per-address budget and
# refresh-ahead off ("unprotected", today's main code path). About 4 minutes per round.
#
#   bench/run-flood-benchmark.sh
#   FLOOD_ARGS="--rounds 3 --seconds 30 --modes protected" bench/run-flood-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."

FLOOD_ARGS=${FLOOD_ARGS:-"--rounds 2 --seconds 30"}

if [ "${ATC_SKIP_BUILD:-0}" != "1" ]; then
  echo "== build (mvn -pl keys-service,tenant-gateway,bench -am package)"
  if ! timeout 900 mvn -B -q -o -pl keys-service,tenant-gateway,bench -am package -DskipTests; then
    echo "offline build failed; trying online"
    timeout 900 mvn -B -q -pl keys-service,tenant-gateway,bench -am package -DskipTests
  fi
fi
CP="bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
echo "== KeyFloodBenchmark $FLOOD_ARGS"
# shellcheck disable=SC2086
exec timeout --kill-after=30 3600 "${JAVA:-java}" -Xmx1g -cp "$CP" io.atc.bench.KeyFloodBenchmark $FLOOD_ARGS
