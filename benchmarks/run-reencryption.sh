#!/usr/bin/env bash
# Builds the benchmarks module and runs the re-encryption benchmark of issue 15 on PostgreSQL: 100,000 credentials
# re-encrypted with batch sizes 100, 1,000 and 10,000 beside the floor (the same rows read and updated without
# cryptography, and one plain UPDATE), with the heap at 10,000 and 100,000 rows. Needs a PostgreSQL server:
#   eval "$(bash .ci/start-postgres.sh)"   (sets KSM_TEST_POSTGRES_URL), or pass --jdbc-url jdbc:postgresql://...
# The data goes into a new schema, dropped at the end. About 2 minutes on 2 cores. Extra arguments go to
# ReencryptionBenchmark (--credentials N, --small N, --batch-sizes a,b,c). Not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -pl benchmarks -am package -DskipTests
cd benchmarks
# a small, fixed heap: what re-encryption keeps alive must not grow with the number of rows
exec timeout --signal=TERM 1200 java -Xms256m -Xmx256m -cp "target/classes:$(cat target/benchmark.classpath)" \
    io.camelksm.benchmarks.ReencryptionBenchmark "$@"
