#!/usr/bin/env sh
# Installs the real tools the interop tests drive into a git-ignored .venv: the Python OpenLineage
# client (test/openlineage-python.test.ts), an MLflow tracking server and client (test/mlflow*.test.ts)
# and dbt with its OpenLineage wrapper dbt-ol (test/dbt-openlineage.test.ts, and the end-to-end test in test/mlflow-sync.test.ts).
# Pinned, so the tests speak known versions; re-runs are cheap (only a pin that is missing or at
# another version is installed). dbt-core stays on 1.10: 1.11 and later build a parser wheel
# downloaded from outside the package registries at install time. Skipped with a notice when
# python3 is missing: the interop tests then report themselves skipped rather than failing
# unrelated work.
set -eu
cd "$(dirname "$0")/.."
PINS="openlineage-python==1.54.0
mlflow==3.17.2
dbt-core==1.10.23
dbt-duckdb==1.10.1
openlineage-dbt==1.54.0"
if ! command -v python3 >/dev/null 2>&1; then
  [ -n "${CI:-}" ] && { echo "setup-python: python3 is required in CI" >&2; exit 1; }
  echo "setup-python: python3 not found; the Python interop tests will be skipped" >&2
  exit 0
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
# The pins not yet installed at their version, one per line (none: nothing to do).
MISSING=$(printf '%s\n' "$PINS" | .venv/bin/python -c '
import sys, importlib.metadata as m
for line in sys.stdin.read().split():
    name, version = line.split("==")
    try:
        ok = m.version(name) == version
    except m.PackageNotFoundError:
        ok = False
    if not ok:
        print(line)
')
if [ -n "$MISSING" ]; then
  echo "setup-python: installing $(echo $MISSING)" >&2
  # All pins in one resolution, so installing one never moves another off its version.
  # shellcheck disable=SC2086 # one argument per pin
  .venv/bin/python -m pip install --quiet --disable-pip-version-check $PINS
fi
