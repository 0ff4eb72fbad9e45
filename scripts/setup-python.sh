#!/usr/bin/env sh
# Installs the Python OpenLineage client the interop test drives (test/openlineage-python.test.ts)
# into a git-ignored .venv. Pinned, so the test speaks a known client version; re-runs are cheap
# (pip skips an installed pin). Skipped with a notice when python3 is missing: the interop test
# then reports itself skipped rather than failing unrelated work.
set -eu
cd "$(dirname "$0")/.."
OPENLINEAGE_PYTHON_VERSION=1.54.0
if ! command -v python3 >/dev/null 2>&1; then
  [ -n "${CI:-}" ] && { echo "setup-python: python3 is required in CI" >&2; exit 1; }
  echo "setup-python: python3 not found; the openlineage-python interop test will be skipped" >&2
  exit 0
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
if ! .venv/bin/python -c "import importlib.metadata as m, sys; sys.exit(m.version('openlineage-python') != '$OPENLINEAGE_PYTHON_VERSION')" 2>/dev/null; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "openlineage-python==$OPENLINEAGE_PYTHON_VERSION"
fi
