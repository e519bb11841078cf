#!/usr/bin/env bash
# Builds the retention-service, the edge bridge and the bench module, then runs RetentionPurgeBenchmark:
# 5,000,000 events over 100 sites of 10 tenants (an image every 50th, its blob on disk), 80% of them older
# than the tenants' 30-day retention, on a fresh database on the local Postgres (127.0.0.1:5432, superuser
# postgres), dropped at the end, also when stopped. Phases: the purge alone (rows/s), then ingest at a fixed
# rate without, beside and again without the purge (p99 publish-to-commit). About 10 minutes; see
# docs/benchmarks.md, "Retention purge".
#
#   bench/run-retention-benchmark.sh
#   RETENTION_ARGS="--events 1000000 --rate 1000" bench/run-retention-benchmark.sh
#
# Exit code: 0 if each purge deleted exactly the expired rows and left site_storage exact (whatever the rates).
set -euo pipefail
cd "$(dirname "$0")/.."

RETENTION_ARGS=${RETENTION_ARGS:-"--tenants 10 --sites-per-tenant 10 --events 5000000 --image-every 50 --expired 0.8 --rate 2000 --ingest-s 20"}

if [[ "${ATC_SKIP_BUILD:-0}" != 1 ]]; then
  echo "== build (mvn -pl retention-service,edge-bridge,bench -am package)"
  if ! timeout 900 mvn -B -q -o -pl retention-service,edge-bridge,bench -am package -DskipTests; then
    echo "offline build failed; trying online"
    timeout 900 mvn -B -q -pl retention-service,edge-bridge,bench -am package -DskipTests
  fi
fi
CP="bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
JAVA=${JAVA:-java}

echo
echo "== RetentionPurgeBenchmark $RETENTION_ARGS"
# shellcheck disable=SC2086
exec timeout --kill-after=30 3600 "$JAVA" -Xmx1g -cp "$CP" io.atc.bench.RetentionPurgeBenchmark $RETENTION_ARGS
