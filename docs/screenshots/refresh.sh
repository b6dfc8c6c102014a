#!/usr/bin/env bash
# Rewrites the PNGs in this folder from the application on demo data (embedded PostgreSQL,
# headless Chromium at /usr/bin/chromium or $TANDEM_CHROMIUM). Run from anywhere:
#   docs/screenshots/refresh.sh
# Offline when the Maven repository already has everything (pass ONLINE=1 otherwise).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
offline=(-o)
[ "${ONLINE:-}" = 1 ] && offline=()
./mvnw -B -q "${offline[@]}" install -DskipTests -pl engine
CI=true ./mvnw -B "${offline[@]}" test -pl app -Dtest=PageScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtandem.screenshots=true -Dtandem.screenshots.dir="$root/docs/screenshots"
git -C "$root" checkout -- docs/modules 2>/dev/null || true
ls -l "$root"/docs/screenshots/*.png
