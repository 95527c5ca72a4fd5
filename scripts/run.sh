#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Sotto and starts it. Extra arguments go to sotto,
# e.g. --demo-peer (someone to talk to) or --profile DIR. Without a display (or with
# --headless) Sotto runs headless: type JSON commands, e.g. {"cmd":"create","name":"Ada"},
# {"cmd":"whoami"}, {"cmd":"quit"}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)" --target sotto

headless=0
for arg in "$@"; do [ "$arg" = "--headless" ] && headless=1; done
if [ $headless -eq 0 ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/app/sotto "$@"
fi
if [ $headless -eq 0 ]; then
  echo "run.sh: no display here; starting the headless mode (see README, \"Headless mode\")." >&2
  args=()
  for arg in "$@"; do [ "$arg" != "--demo-peer" ] && args+=("$arg"); done
  set -- --headless ${args[@]+"${args[@]}"}
fi
if [ -z "${SOTTO_PASSPHRASE:-}" ] && [ -t 0 ]; then
  read -r -s -p "Passphrase for your Sotto profile: " SOTTO_PASSPHRASE
  echo
  export SOTTO_PASSPHRASE
fi
exec ./build/app/sotto "$@"
