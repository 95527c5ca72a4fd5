#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Sotto and starts it. Extra arguments go to sotto,
# e.g. --profile DIR. Until the window lands, Sotto runs headless: type JSON commands,
# e.g. {"cmd":"create","name":"Ada"} then {"cmd":"whoami"} and {"cmd":"quit"}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)" --target sotto
if [ -z "${SOTTO_PASSPHRASE:-}" ] && [ -t 0 ]; then
  read -r -s -p "Passphrase for your Sotto profile: " SOTTO_PASSPHRASE
  echo
  export SOTTO_PASSPHRASE
fi
exec ./build/app/sotto --headless "$@"
