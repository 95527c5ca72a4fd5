#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes docs/screenshots/main-window.png: Sotto's window under Xvfb, a fresh profile, a
# conversation with the demo peer (a real second Sotto on loopback). Needs the build
# (./scripts/test.sh or run.sh) plus xvfb, xdotool and imagemagick (installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
for p in xvfb xdotool imagemagick; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $p"
done
if [ -n "${missing:-}" ]; then
  ${SUDO:-$( [ "$(id -u)" -ne 0 ] && echo sudo )} apt-get install -y -qq --no-install-recommends $missing
fi
cmake --build build --target sotto >/dev/null

out="${1:-docs/screenshots/main-window.png}"
work="$(mktemp -d)"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1000x680x24 >/dev/null 2>&1 &
xvfb=$!
cleanup() { kill "${app:-}" "$xvfb" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export DISPLAY="$display" QT_QPA_PLATFORM=xcb XDG_RUNTIME_DIR="$work"
sleep 1

# The window's layout is fixed at its default size, so the clicks below land on the
# first conversation and on the composer.
./build/app/sotto --profile "$work/profile" --insecure-fast-kdf --no-discovery --demo-peer >"$work/log" 2>&1 &
app=$!
sleep 2
xdotool search --sync --name "Sotto" >/dev/null
xdotool mousemove 500 317 click 1; sleep 0.3   # no window manager: a click gives focus
xdotool type --delay 30 "Ada"; xdotool key Tab
xdotool type --delay 10 "correct horse battery staple"; xdotool key Tab
xdotool type --delay 10 "correct horse battery staple"; xdotool key Return
sleep 5                                   # profile, demo peer, link, greeting
xdotool mousemove 150 60 click 1; sleep 1 # the demo peer's conversation
say() { xdotool mousemove 600 658 click 1; xdotool type --delay 15 "$1"; xdotool key Return; sleep 2.5; }
say "Hi! Is this really end-to-end encrypted?"
say "And nothing goes through a server?"
xdotool mousemove 990 670
sleep 1
import -window root "$out"
echo "screenshot: $out"
