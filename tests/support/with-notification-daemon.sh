#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test binary on a private D-Bus session bus with a real notification daemon
# (dunst) on a virtual X display. What dunst receives is printed to the file named by
# SOTTO_NOTIFICATION_LOG, which the test reads. Without these tools the test runs bare
# and skips, saying what is missing. Nothing of the host's own session is touched.
set -u
test_binary="$1"
for tool in dunst dbus-run-session xvfb-run; do
  command -v "$tool" >/dev/null 2>&1 || exec "$test_binary"
done
log=$(mktemp)
SOTTO_NOTIFICATION_LOG="$log" dbus-run-session -- xvfb-run -a -s "-nolisten tcp" sh -c '
  dunst -print >"$SOTTO_NOTIFICATION_LOG" 2>/dev/null &
  daemon=$!
  "$0"
  rc=$?
  kill "$daemon" 2>/dev/null
  exit $rc' "$test_binary"
rc=$?
rm -f "$log"
exit $rc
