#!/bin/sh
# Makes a class data sharing archive of this distribution by running bin/rolehop on made-up training data:
#   cds/train.sh warm|full FILE [dynamic|aot]
# warm: the JVM of session generate's warm and lean paths (class path), trained on a lean miss;
# full: the full command (module path), trained on the command lines of cds/commands.txt in one JVM.
# dynamic (the default) writes a dynamic archive (-XX:ArchiveClassesAtExit, any JDK 17+) over the JDK's own; aot
# writes an ahead-of-time cache (-XX:AOTCacheOutput, JDK 25+). The launcher uses lib/rolehop-warm.jsa and
# lib/rolehop.jsa when they are there. The training data's credentials are made up, and every STS call goes to
# 127.0.0.1:9, where nothing listens. See docs/performance.md.
set -eu
mode=${1:-}
out=${2:-}
kind=${3:-dynamic}
case $mode in warm | full) ;; *) echo "usage: cds/train.sh warm|full FILE [dynamic|aot]" >&2; exit 2 ;; esac
[ -n "$out" ] || { echo "usage: cds/train.sh warm|full FILE [dynamic|aot]" >&2; exit 2; }
case $kind in
  dynamic) option=-XX:ArchiveClassesAtExit=$out ;;
  aot) option=-XX:AOTCacheOutput=$out ;;
  *) echo "cds/train.sh: the kind is dynamic or aot, not '$kind'" >&2; exit 2 ;;
esac
cds=$(cd "$(dirname "$0")" && pwd -P)
# The JVM options travel in ROLEHOP_JAVA_OPTS, which the launcher splits on blanks.
case $cds$out in
  *[[:space:]]*) echo "cds/train.sh: the distribution's path and FILE must hold no blank" >&2; exit 2 ;;
esac
launcher=$cds/../bin/rolehop
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/home"
cp -R "$cds/warm" "$work/rolehop"
# An archive that is there already would be used while training: the new one replaces it.
rm -f "$out" "$out.dir"

run() {
  env -i PATH="$PATH" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} HOME="$work/home" ROLEHOP_HOME="$work/rolehop" \
    ROLEHOP_SECRET_STORE=encrypted-file ROLEHOP_VAULT_PASSPHRASE='cds training' \
    AWS_ENDPOINT_URL_STS=http://127.0.0.1:9 AWS_ENDPOINT_URL=http://127.0.0.1:9 AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false \
    "$@"
}

if [ "$mode" = warm ]; then
  # Trained on the miss that goes furthest: cds-hop2's own entry expired long ago, so the warm reader parses it and
  # misses; its assumer is cached until 2999, so the lean path resolves the chain up to one AssumeRole, which is
  # refused. The full command the launcher runs next fails as it should (exit 1) and does not touch this archive.
  # A Java 25 cache then makes every warm hit load the lean path's classes too: a few milliseconds on each warm
  # generate, some 60 ms saved on each cold one (docs/performance.md, "Class data sharing").
  run ROLEHOP_WARM_JAVA_OPTS="$option" "$launcher" session generate cds-hop2 >"$work/warm.out" 2>&1 || true
  if grep -q AccessKeyId "$work/warm.out"; then
    echo "cds/train.sh: the lean path answered although STS was unreachable" >&2
    exit 1
  fi
else
  # A user whose keys are in the vault, so that the vault's classes load, then every line of commands.txt.
  printf 'cdsTrainingSecretAccessKey0000000000000\n' | run "$launcher" session add aws-iam-user --alias cds-user \
    --access-key-id AKIACDSTRAINING00001 --secret-access-key-stdin >"$work/setup.out" 2>&1 \
    || { cat "$work/setup.out" >&2; exit 1; }
  run ROLEHOP_JAVA_OPTS="$option -Drolehop.training=$cds/commands.txt" "$launcher" --version >"$work/full.out" 2>&1 \
    || { cat "$work/full.out" >&2; exit 1; }
fi
[ -f "$out" ] || { echo "cds/train.sh: the JVM wrote no archive at $out" >&2; cat "$work/$mode.out" >&2; exit 1; }
if [ "$mode" = full ]; then
  # The directory the archive serves: the launcher uses it only there (see bin/rolehop).
  (cd "$(dirname "$out")" && pwd -P) >"$out.dir"
fi
