#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test binary on a private D-Bus session bus that starts a real notification
# daemon (dunst, on a virtual X display) on demand, by D-Bus activation, as XFCE or MATE
# do. What dunst receives is printed to the file named by SOTTO_NOTIFICATION_LOG, which
# the test reads. Without these tools the test runs bare and skips, saying what is
# missing. Nothing of the host's own session is touched.
set -u
test_binary="$1"
for tool in dunst dbus-daemon dbus-run-session xvfb-run; do
  command -v "$tool" >/dev/null 2>&1 || exec "$test_binary"
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/services"
log="$work/notifications.log"
: >"$log"
cat >"$work/start-dunst" <<SCRIPT
#!/bin/sh
exec dunst -print >>"$log" 2>/dev/null
SCRIPT
chmod +x "$work/start-dunst"
cat >"$work/services/org.freedesktop.Notifications.service" <<SERVICE
[D-BUS Service]
Name=org.freedesktop.Notifications
Exec=$work/start-dunst
SERVICE
cat >"$work/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$work</listen>
  <servicedir>$work/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
# The bus runs inside the virtual display, so the daemon it starts can draw there.
SOTTO_NOTIFICATION_LOG="$log" xvfb-run -a -s "-nolisten tcp" \
  dbus-run-session --config-file="$work/bus.conf" -- "$test_binary"
