#!/usr/bin/env bash
# Packaging smoke test (run by .ci/run after the tests): builds the jpackage app-image with its own
# trimmed runtime, then launches it headless with --version and checks it answers with the version
# Maven stamped into the client jar. Keeps to the app-image (no .deb) so it stays well under 2 minutes
# on a warm machine. Extra Maven flags (e.g. -o) can be passed as arguments.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
mvn -B -ntp -q "$@" -Pinstaller -Dfaro.deb.skip=true -DskipTests package -pl client -am
image=client/target/jpackage/Faro
launcher="$image/bin/Faro"
[ -x "$launcher" ] || { echo "smoke: $launcher was not built" >&2; exit 1; }

expected="Faro $(unzip -p client/target/faro-client-*.jar es/faro/client/app/version.properties | sed -n 's/^version=//p' | tr -d '\r')"
actual=$(env -u DISPLAY timeout 60 "$launcher" --version 2>/dev/null)
if [ "$actual" != "$expected" ]; then
    echo "smoke: expected '$expected' from $launcher --version, got '$actual'" >&2
    exit 1
fi
echo "smoke: $launcher --version -> $actual (app-image $(du -sh "$image" | cut -f1), built in $(( $(date +%s) - start )) s)"
