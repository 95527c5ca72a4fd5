#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package build/sotto_<version>_<arch>.deb with CPack (cmake/Packaging.cmake)
# and checks it: the desktop file and the AppStream metainfo validate, the package holds the
# program and its desktop integration and nothing else, and its Depends name what Sotto
# needs at run time. Reuses build/ (scripts/test.sh's) when it is there.
#
# With SOTTO_PACKAGE_INSTALL_TEST=1, as root, it also installs the .deb with apt-get, runs the
# installed sotto (--version, the headless mode, the window offscreen) and purges it again.
# It refuses to do so when a sotto package was installed before: that one is not ours to remove.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
fail() { echo "package: $*" >&2; exit 1; }

# dpkg-dev: dpkg-shlibdeps, which computes the library dependencies (CPack also needs
# `file`, absent from minimal Debian images); the other two validate.
bash scripts/install-deps.sh dpkg-dev file desktop-file-utils appstream
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
# cpack builds the 'all' target before installing anyway (tests included); doing it here
# makes a cold build's errors read like a build's.
cmake --build build --parallel "$(nproc)"
rm -f build/sotto_*.deb # one package for the glob below, not last version's too
(cd build && cpack -G DEB)

debs=(build/sotto_*.deb)
deb="${debs[0]}"
[ ${#debs[@]} -eq 1 ] && [ -f "$deb" ] || fail "expected one build/sotto_*.deb, found: ${debs[*]}"
version=$(dpkg-deb -f "$deb" Version)
arch=$(dpkg-deb -f "$deb" Architecture)
[ "$deb" = "build/sotto_${version}_${arch}.deb" ] || fail "unexpected file name $deb"
echo "package: $deb ($(du -k "$deb" | cut -f1) KiB)"

# Exactly these files and nothing else: no tests, benchmarks, headers or static libraries.
app_id=org.sotto.Sotto
expected="./usr/bin/sotto
./usr/share/applications/$app_id.desktop
./usr/share/doc/sotto/copyright
./usr/share/icons/hicolor/scalable/apps/$app_id.svg
./usr/share/metainfo/$app_id.metainfo.xml"
listing=$(dpkg-deb -c "$deb") # once, into a variable: grep -q on the pipe would kill dpkg-deb (pipefail)
files=$(awk '$1 !~ /^d/ {print $6}' <<<"$listing" | sort)
if [ "$files" != "$expected" ]; then
  echo "package: the .deb holds:" >&2
  echo "$files" >&2
  fail "expected exactly:
$expected"
fi
grep -q '^-rwxr-xr-x .* \./usr/bin/sotto$' <<<"$listing" || fail "/usr/bin/sotto is not an executable (0755) file"

depends=$(dpkg-deb -f "$deb" Depends)
echo "package: Depends: $depends"
# From dpkg-shlibdeps: the libraries the binary links. From Packaging.cmake: the QML modules
# the window loads at run time, libqt6svg6 and the emoji font. Each name must start an entry
# ("qml6-module-qtquick," with its comma, or -controls would do).
for need in libsqlcipher libsignal-protocol-c libqt6core6 libqt6quick6 libqt6svg6 libssl3 libsodium \
  qml6-module-qtquick, qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-templates \
  qml6-module-qtquick-window qml6-module-qtqml-workerscript fonts-noto-color-emoji; do
  case " $depends," in
    *" $need"*) ;;
    *) fail "Depends lacks $need" ;;
  esac
done

# Validate what is shipped, as it is shipped.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
echo "package: desktop-file-validate: ok"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml"
# The tree as installed: the metainfo's launchable is the desktop file, whose icon is found.
appstreamcli validate-tree --no-net "$root"

if [ "${SOTTO_PACKAGE_INSTALL_TEST:-0}" = 1 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "package: install test skipped (needs root and apt-get)"
  elif dpkg-query -W -f='${Status}' sotto 2>/dev/null | grep -q "install ok installed"; then
    fail "a sotto package is already installed here; the install test would replace and then remove it"
  else
    export DEBIAN_FRONTEND=noninteractive
    # Whatever happens below, the package does not stay.
    trap 'apt-get purge -y -qq sotto >/dev/null 2>&1 || true; rm -rf "$root"' EXIT
    apt-get install -y -qq --no-install-recommends "./$deb" >"$root/apt.log" 2>&1 || { cat "$root/apt.log" >&2; fail "apt-get install ./$deb failed"; }
    [ "$(command -v sotto)" = /usr/bin/sotto ] || fail "sotto is not /usr/bin/sotto after installing"
    out=$(/usr/bin/sotto --version)
    [ "$out" = "Sotto $version" ] || fail "sotto --version said '$out', expected 'Sotto $version'"
    echo "package: installed sotto --version: $out"
    # The headless mode: SQLCipher, libsignal and libsodium as installed create a profile.
    profile="$root/profile"
    reply=$(printf '{"cmd":"create","name":"Package test","id":"1"}\n{"cmd":"quit"}\n' |
      SOTTO_PASSPHRASE=package-test /usr/bin/sotto --headless --profile "$profile" --insecure-fast-kdf \
        --no-discovery --listen 127.0.0.1:0 2>"$root/headless.log") || true # judged by its reply
    grep -q '"event":"ok","id":"1","peer":' <<<"$reply" || { cat "$root/headless.log" >&2; fail "the installed sotto did not create a profile: $reply"; }
    echo "package: installed sotto --headless created a profile"
    # The window, offscreen: every QML import must resolve from the installed packages, or it exits.
    log="$root/window.log"
    QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$root" /usr/bin/sotto --profile "$root/window-profile" \
      --no-discovery --listen 127.0.0.1:0 >"$log" 2>&1 &
    pid=$!
    sleep 5
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$log" >&2
      fail "the installed sotto's window exited within 5 s"
    fi
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    if grep -Ei 'is not installed|failed to load|qml.*error' "$log" >&2; then
      fail "the installed sotto's window reported QML errors (above)"
    fi
    echo "package: installed sotto opened its window (offscreen) for 5 s"
    apt-get purge -y -qq sotto >"$root/apt.log" 2>&1 || { cat "$root/apt.log" >&2; fail "apt-get purge sotto failed"; }
    ! dpkg-query -W -f='${Status}' sotto 2>/dev/null | grep -q "install ok installed" || fail "sotto is still installed"
    echo "package: install test passed; sotto purged again"
  fi
fi
echo "package: $deb checked in $((SECONDS - start)) s"
