#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Retakes docs/screenshots under Xvfb, light and dark: the window driven by tests/gui/
# tst_visual through its items' object names (no clicks at fixed positions), against a real
# headless Bob on loopback; the test saves the window at its telling moments. Needs the
# build plus xvfb (installed if missing). Usage: scripts/screenshot.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
for p in xvfb fonts-noto-color-emoji; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $p"
done
if [ -n "${missing:-}" ]; then
  ${SUDO:-$( [ "$(id -u)" -ne 0 ] && echo sudo )} apt-get install -y -qq --no-install-recommends $missing
fi
cmake --build build --target sotto tst_visual tst_groupwindow tst_attachmentswindow >/dev/null

out="${1:-docs/screenshots}"
mkdir -p "$out"
work="$(mktemp -d)"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

shoot() { # scheme, folder
  mkdir -p "$2"
  SOTTO_COLOR_SCHEME="$1" SOTTO_SCREENSHOTS="$2" SOTTO_BINARY="$PWD/build/app/sotto" XDG_RUNTIME_DIR="$work" \
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" ./build/tests/tst_visual >"$work/$1.log" 2>&1 \
    || { cat "$work/$1.log"; exit 1; }
}
shoot light "$work/light"
shoot dark "$work/dark"
# Groups (tests/gui/tst_groupwindow): the group's chat and its info, light.
mkdir -p "$work/groups"
SOTTO_COLOR_SCHEME=light SOTTO_SCREENSHOTS="$work/groups" SOTTO_BINARY="$PWD/build/app/sotto" XDG_RUNTIME_DIR="$work" \
  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" ./build/tests/tst_groupwindow >"$work/groups.log" 2>&1 \
  || { cat "$work/groups.log"; exit 1; }
# Attachments (tests/gui/tst_attachmentswindow): images inline, a file card part-way, light.
mkdir -p "$work/attachments"
SOTTO_COLOR_SCHEME=light SOTTO_SCREENSHOTS="$work/attachments" SOTTO_BINARY="$PWD/build/app/sotto" XDG_RUNTIME_DIR="$work" \
  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" ./build/tests/tst_attachmentswindow >"$work/attachments.log" 2>&1 \
  || { cat "$work/attachments.log"; exit 1; }
cp "$work/attachments/attachment.png" "$out/attachment.png"
cp "$work/light/main-window.png" "$out/main-window.png"
cp "$work/light/conversation-features.png" "$out/conversation-features.png"
cp "$work/light/first-run.png" "$out/first-run.png"
cp "$work/dark/main-window.png" "$out/main-window-dark.png"
cp "$work/groups/group-chat.png" "$out/group-chat.png"
cp "$work/groups/group-info.png" "$out/group-info.png"
ls -l "$out"/*.png
