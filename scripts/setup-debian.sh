#!/usr/bin/env sh
# Installs the Debian packages some tests drive for real (listed in scripts/debian-packages.txt,
# one per line, with the reason beside each): a browser for the web UI tests, a Redis server for
# the multi-instance tests, PostgreSQL for the bench's side-by-side impact closure. Only what is
# missing is installed; nothing happens when all are there.
# Without root or apt-get (a developer's laptop) it says what to install and leaves the tests that
# need a package to report themselves skipped; in CI a missing package is an error.
set -eu
cd "$(dirname "$0")/.."
missing=""
for pkg in $(sed -e 's/#.*//' scripts/debian-packages.txt); do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  [ -n "${CI:-}" ] && { echo "setup-debian: cannot install:$missing (needs root and apt-get)" >&2; exit 1; }
  echo "setup-debian: please install:$missing (tests that need them will be skipped)" >&2
  exit 0
fi
echo "setup-debian: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
