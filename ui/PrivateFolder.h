// SPDX-License-Identifier: GPL-3.0-or-later
// PrivateFolder is the one place outside the profile where an attachment's plaintext may
// be: <runtime dir>/sotto-<uid>/<name>-<pid>, made 0700 and checked to be ours (not a link
// someone else planted in /tmp). It is per process because two instances run side by side
// and each wipes its own on lock and exit; folders left by a process that died are swept
// when the next one starts. It owns those folders only, never the user's own files.
#pragma once

#include <QString>

namespace sotto::ui::PrivateFolder {

// The folder for `name` ("open", "paste"), made if needed; "" when it cannot be made safely.
QString path(const QString &name);
// Removes everything in this process's folder for `name`, and the folder.
void wipe(const QString &name);
// Removes the `name` folders of processes that no longer run (a crash, a kill -9).
void sweepStale(const QString &name);
// A file name from a peer made harmless: the last component, no control characters, no
// leading dots (no hidden or relative names), at most 200 bytes; "file" when nothing is left.
QString safeName(QString name);
// Whether Open may hand a file to the desktop: only kinds that are shown, not run (an
// allowlist: pictures, sound, video, PDF, plain text, office documents, archives). By the
// name it has on disk, and once written by its bytes as well.
bool mayOpenByName(const QString &diskName);
bool mayOpenFile(const QString &path);

} // namespace sotto::ui::PrivateFolder
