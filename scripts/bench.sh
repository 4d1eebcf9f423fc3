#!/usr/bin/env bash
# rolehop's benchmark harness: prints each figure of docs/performance.md next to its baseline, measured in the same
# run, with the ratio and the target. Builds nothing: run `./mvnw -DskipTests package` first.
#
#   scripts/bench.sh                      # everything (a few minutes)
#   scripts/bench.sh --only warm,cold     # a subset: warm, commands, cold, unlocked, aws, big, sts, jmh
#   scripts/bench.sh --markdown out.md    # also write the table as Markdown
#   scripts/bench.sh --no-keyring         # figure 2 with the encrypted vault only (no private Secret Service)
#   ROLEHOP_DIST=/opt/rolehop scripts/bench.sh   # an installed tree (its own runtime); the floor stays the java on PATH
#
# Needs what the tests need: java 17+, python3 with botocore, moto_server, the AWS CLI. Everything runs in a
# temporary directory against a moto_server on a free loopback port; your own ~/.aws and ~/.rolehop are not touched.
# Exit status: 0 when every figure meets its target, 1 when one does not.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dist=${ROLEHOP_DIST:-$root/cli/target/rolehop}

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "bench: '$1' is missing: $2" >&2; exit 2; }
}
need java "install a JDK 17 (apt-get install openjdk-17-jdk-headless)"
need javac "install a JDK 17, not only a JRE (apt-get install openjdk-17-jdk-headless)"
need python3 "install Python 3"
need moto_server "install moto with its server extra (pip install 'moto[server]')"
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is missing: apt-get install time" >&2; exit 2; }
need aws "install the AWS CLI (pip install awscli, or apt-get install awscli)"
python3 -c 'import botocore' 2>/dev/null || { echo "bench: botocore is missing for python3 (pip install botocore)" >&2; exit 2; }
[ -x "$dist/bin/rolehop" ] || { echo "bench: no distribution at $dist; build it with ./mvnw -DskipTests package" >&2; exit 2; }
[ -f "$dist/lib/rolehop-warm.jsa" ] || echo "bench: warning: $dist has no class data sharing archives (built with -Drolehop.cds.skip?)" >&2

# Figure 2 is also measured with the keys in a Secret Service, where a Linux desktop keeps them (rolehop detects one
# first): inside a private D-Bus session with a throw-away, unlocked GNOME Keyring, as .ci/run runs the tests, so
# nobody's own keyring is touched. --no-keyring, or the tools missing, measures the encrypted vault only.
keyring=yes
args=()
for a in "$@"; do
  if [ "$a" = --no-keyring ]; then keyring=no; else args+=("$a"); fi
done
if [ $keyring = yes ]; then
  for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
    if ! command -v $tool >/dev/null 2>&1; then
      echo "bench: warning: $tool is missing (apt-get install dbus gnome-keyring libsecret-tools): figure 2 is measured with the encrypted vault only" >&2
      keyring=no
    fi
  done
fi
if [ $keyring = no ]; then
  exec python3 "$root/scripts/bench.py" --dist "$dist" --root "$root" "${args[@]}"
fi
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
dbus-run-session -- bash -c '
  set -euo pipefail
  home=$1; shift
  export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache"
  printf "%s" "bench keyring password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec python3 "$@"
' bench-keyring "$keyring_home" "$root/scripts/bench.py" --dist "$dist" --root "$root" --keyring "${args[@]}" \
  2> >(grep -v "Failed to set fd limit" >&2)
