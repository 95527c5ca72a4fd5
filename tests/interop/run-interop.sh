#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the libsignal-client interop test: installs the pinned npm packages into a cache
# directory in the build tree (again only when package-lock.json changed), then drives
# the harness. No node, no npm or no registry: the test fails.
# Usage: run-interop.sh HARNESS CACHE_DIR
set -eu
harness=$1
cache=$2
here=$(cd "$(dirname "$0")" && pwd)

mkdir -p "$cache"
if ! cmp -s "$here/package-lock.json" "$cache/installed-lock.json" \
   || [ ! -d "$cache/node_modules/@signalapp/libsignal-client" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$cache/"
  rm -f "$cache/installed-lock.json"
  # --ignore-scripts: the native module is prebuilt in the tarball (prebuilds/linux-x64),
  # nothing needs to be compiled.
  (cd "$cache" && npm ci --ignore-scripts --no-audit --no-fund)
  cp "$here/package-lock.json" "$cache/installed-lock.json"
fi
# ES modules resolve packages next to the script: run the driver from the cache.
cp "$here"/*.mjs "$cache/"
exec node "$cache/interop.mjs" "$harness"
