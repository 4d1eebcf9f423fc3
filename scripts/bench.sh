#!/usr/bin/env bash
# rolehop's benchmark harness: prints each figure of docs/performance.md next to its baseline, measured in the same
# run, with the ratio and the target. Builds nothing: run `./mvnw -DskipTests package` first.
#
#   scripts/bench.sh                      # everything (a few minutes)
#   scripts/bench.sh --only warm,cold     # a subset: warm, cold, aws, big, sts, jmh
#   scripts/bench.sh --markdown out.md    # also write the table as Markdown
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

exec python3 "$root/scripts/bench.py" --dist "$dist" --root "$root" "$@"
