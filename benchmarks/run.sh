#!/usr/bin/env bash
# Runs every benchmark (scaled corpora 1x/10x/100x, indexing vs pdftotext, search in-process and over HTTP,
# start-up, memory, the 50-connection load run) and writes benchmarks/results/latest.md.
# Usage: benchmarks/run.sh [options of `java -jar benchmarks/target/benchmarks.jar run --help`]
# Needs: JDK 21+, Maven, pdftotext (Debian poppler-utils), /usr/bin/time (Debian time).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in pdftotext /usr/bin/time java mvn; do
  command -v "$tool" >/dev/null || { echo "benchmarks need $tool on the PATH" >&2; exit 1; }
done
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${java_major:-0}" -lt 21 ]; then
  echo "benchmarks need JDK 21 or newer as 'java' and for Maven (set JAVA_HOME and PATH); found ${java_major:-none}" >&2
  exit 1
fi
# MVN_FLAGS=-o builds offline once the dependencies are in the local repository.
mvn -B -q ${MVN_FLAGS:-} -Pbench package -DskipTests
exec java -jar benchmarks/target/benchmarks.jar run "$@"
