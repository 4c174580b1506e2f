#!/usr/bin/env bash
# Builds the project, then the JMH benchmarks of the reply parser, and runs them briefly (~1 min).
#   usage: bench/jmh/run.sh [extra JMH options, e.g. -wi 5 -i 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q install -DskipTests
./mvnw -B -q -f bench/jmh/pom.xml package
java -jar bench/jmh/target/benchmarks.jar -f 1 -wi 3 -w 1s -i 5 -r 1s "$@"
