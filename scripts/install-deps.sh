#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Sotto builds, tests and runs with.
# Idempotent: packages already installed are skipped, and apt is not touched at all
# when nothing is missing. Extra package names given as arguments are installed too
# (scripts/fuzz.sh adds its compiler this way; the plain build does not need it).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtquick-dialogs
  qml6-module-qtqml-workerscript qml6-module-qttest qml6-module-qtquick-shapes
  libqt6svg6 qt6-qpa-plugins qt6-image-formats-plugins
  libsignal-protocol-c-dev
  libsqlcipher-dev sqlcipher
  libssl-dev libsodium-dev
  libprotobuf-dev protobuf-compiler
  libqrencode-dev
  fonts-noto-color-emoji
  xvfb xauth iproute2
  dbus dunst
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# The interop test runs Signal's libsignal-client under Node.js, installed with npm.
# Debian's nodejs (18) and npm (9) do; a Node.js installed another way (e.g. NodeSource,
# which ships its own npm) is used as it is, and Debian's npm is not added beside it.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present, and node and npm"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
