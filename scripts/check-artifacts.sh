#!/usr/bin/env bash
# Checks the release artifacts of distribution/target (made by ./mvnw package) as a user would use them:
# - the tarball, extracted into a temporary directory, runs with no java on the PATH and no JAVA_HOME (a PATH of
#   POSIX tools alone) and prints its completion script;
# - the Debian package, installed with dpkg -i when run as root with CI=true (else extracted with dpkg-deb -x into a
#   temporary root), runs the demo chain (scripts/demo.sh against moto) with the installed command, and carries the
#   bash completion and the man pages where bash-completion and man look for them; then a later version of the
#   package is installed over it (dpkg -i, or extracted over the same root) and the credential_process line the demo
#   wrote must still work; installed with dpkg, the start-up archive its postinst makes must be mapped by the JVM,
#   before and after the upgrade, and gone with the package;
# - in the extracted tarball, the warm path's archive (made at build time elsewhere) serves, and doctor --fix makes
#   the full command's;
# - the portable zip runs on the installed Java.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
target=$here/distribution/target
fail() { echo "check-artifacts: $*" >&2; exit 1; }

tarball=$(ls "$target"/rolehop-*-linux-x64.tar.gz 2>/dev/null | head -n 1)
deb=$(ls "$target"/rolehop_*_amd64.deb 2>/dev/null | head -n 1)
zip=$(ls "$target"/rolehop-*.zip 2>/dev/null | head -n 1)
[ -n "$tarball" ] && [ -n "$deb" ] && [ -n "$zip" ] || fail "the artifacts are missing from $target; build them with ./mvnw package"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "check-artifacts: $tarball with no java on the PATH and no JAVA_HOME"
mkdir -p "$work/tar" "$work/tools" "$work/home"
tar -xzf "$tarball" -C "$work/tar"
# The launcher needs the first six; cds/train.sh (run by doctor --fix) the rest.
for tool in sh dirname readlink ls sed cat env mktemp cp rm mkdir grep; do ln -s "$(command -v "$tool")" "$work/tools/$tool"; done
launcher=$(ls -d "$work"/tar/rolehop-*/bin/rolehop)
run_bare() { env -i HOME="$work/home" ROLEHOP_HOME="$work/home/.rolehop" PATH="$work/tools" "$launcher" "$@"; }
env -i PATH="$work/tools" sh -c 'command -v java' >/dev/null && fail "java is on the tools-only PATH"
version=$(run_bare --version) || fail "the tarball's rolehop --version failed"
case $version in "rolehop "*) ;; *) fail "the tarball's rolehop --version printed '$version'" ;; esac
[ "$(run_bare session list -o json | tr -d '[:space:]')" = "[]" ] || fail "the tarball's rolehop session list failed"
run_bare completion bash | grep -q '_rolehop_dynamic' || fail "the tarball's completion bash printed no script"
ls "$work"/tar/rolehop-*/man/man1/rolehop.1 "$work"/tar/rolehop-*/man/man1/rolehop-session-start.1 >/dev/null \
  || fail "the tarball has no man pages"
# The warm path's archive was made at build time in another directory: on the class path, it serves here all the same.
run_bare_opts() { env -i HOME="$work/home" ROLEHOP_HOME="$work/home/.rolehop" PATH="$work/tools" "$@"; }
run_bare_opts ROLEHOP_WARM_JAVA_OPTS="-Xlog:class+load:file=$work/warm.log" "$launcher" session generate nosuch \
  >/dev/null 2>&1 || true
grep -q 'io.rolehop.cli.fast.WarmGenerate source: shared objects file' "$work/warm.log" \
  || fail "the tarball's warm path does not load its classes from lib/rolehop-warm.jsa after the tree moved"
# The full command's archive records the module path, so it is made where the tarball is: doctor notes it, --fix makes it.
# (Both exit 1 all the same: rolehop is not on this PATH.)
report=$(run_bare doctor || true)
printf '%s\n' "$report" | grep -q "^note: .*/lib/rolehop.jsa: none for this directory" \
  || fail "the tarball's doctor does not note the missing start-up archive: $report"
report=$(run_bare doctor --fix || true)
printf '%s\n' "$report" | grep -q "^fixed: .*/lib/rolehop.jsa: made for this directory" \
  || fail "the tarball's doctor --fix did not make the start-up archive: $report"
run_bare_opts ROLEHOP_JAVA_OPTS=-Xshare:on "$launcher" --version >/dev/null \
  || fail "the tarball's JVM does not map the archive doctor --fix made"

echo "check-artifacts: $zip on the installed Java"
mkdir -p "$work/zip"
unzip -q "$zip" -d "$work/zip"
zip_launcher=$(ls -d "$work"/zip/rolehop-*/bin/rolehop)
[ -x "$zip_launcher" ] || fail "the zip's bin/rolehop is not executable"
[ -f "$(dirname "$zip_launcher")/rolehop.cmd" ] || fail "the zip has no bin/rolehop.cmd"
HOME="$work/home" ROLEHOP_HOME="$work/home/.rolehop" "$zip_launcher" --version | grep -q '^rolehop ' \
  || fail "the zip's rolehop --version failed"

if [ "${CI:-}" = true ] && [ "$(id -u)" -eq 0 ]; then
  echo "check-artifacts: installing $deb with dpkg -i"
  dpkg -i "$deb" >/dev/null
  installed=/usr/bin/rolehop
  root=
else
  echo "check-artifacts: extracting $deb into a temporary root (dpkg -i runs in CI as root)"
  root=$work/deb
  dpkg-deb -x "$deb" "$root"
  installed=$root/opt/rolehop/bin/rolehop
  [ "$(readlink "$root/usr/bin/rolehop")" = /opt/rolehop/bin/rolehop ] || fail "the package's /usr/bin/rolehop does not name /opt/rolehop/bin/rolehop"
fi
[ -f "$root/usr/share/bash-completion/completions/rolehop" ] || fail "the package has no bash completion"
[ -f "$root/usr/share/man/man1/rolehop.1.gz" ] || fail "the package has no man page"
[ -x "$root/opt/rolehop/runtime/bin/java" ] || fail "the package has no runtime"
# Version B: the same package with a later version, installed over version A while the demo's line is in use.
version_a=$(dpkg-deb -f "$deb" Version)
dpkg-deb -R "$deb" "$work/deb-b"
sed -i "s/^Version: .*/Version: $version_a+upgrade1/" "$work/deb-b/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip --build "$work/deb-b" "$work/rolehop_b_amd64.deb" >/dev/null
if [ -z "$root" ]; then
  upgrade="dpkg -i '$work/rolehop_b_amd64.deb' >/dev/null && dpkg-query -W -f '\${Version}' rolehop | grep -qx '$version_a+upgrade1'"
else
  upgrade="dpkg-deb -x '$work/rolehop_b_amd64.deb' '$root'"
fi
if [ -z "$root" ]; then
  # postinst made the full command's archive for /opt/rolehop; -Xshare:on makes the JVM refuse one it cannot map.
  [ -f /opt/rolehop/lib/rolehop.jsa ] || fail "the package's postinst made no /opt/rolehop/lib/rolehop.jsa"
  ROLEHOP_JAVA_OPTS=-Xshare:on HOME="$work/home" /usr/bin/rolehop --version >/dev/null \
    || fail "the installed JVM does not map /opt/rolehop/lib/rolehop.jsa"
fi
ROLEHOP=$installed ROLEHOP_DEMO_AFTER=$upgrade "$here/scripts/demo.sh" \
  || fail "the demo chain failed with the installed $installed, or its credential_process line after an upgrade"
if [ -z "$root" ]; then
  ROLEHOP_JAVA_OPTS=-Xshare:on HOME="$work/home" /usr/bin/rolehop --version >/dev/null \
    || fail "after the upgrade, the installed JVM does not map /opt/rolehop/lib/rolehop.jsa"
  dpkg -r rolehop >/dev/null
  [ ! -e /opt/rolehop ] || fail "dpkg -r left /opt/rolehop behind"
fi
echo "check-artifacts: tarball, zip and Debian package work"
