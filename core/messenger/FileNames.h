// SPDX-License-Identifier: GPL-3.0-or-later
// File names from the network or the disk made safe to show and to save under. Used where a
// pointer arrives (MessengerAttachments.cpp) and again where a name is shown or written
// (the window, the headless mode), so a name stored by an older version that let more
// through is shown as this one would have stored it.
#pragma once

#include <QString>

namespace sotto::messenger {

// A pointer's name has at most this many bytes of UTF-8 (longer ones are cut, whole
// characters; a received pointer with a longer one is invalid).
constexpr qsizetype MaxFileNameBytes = 255;

// One path component, no control or format characters, no letters that draw nothing, no
// run of spaces; never empty.
QString safeFileName(const QString &received);

// A pointer's MIME type is the sender's claim, used as a hint only (an icon, whether to try
// an image, whether to fetch it at once): anything but `type/subtype` in RFC 6838's
// characters (at most 127 each, no parameters) becomes "application/octet-stream", so no
// control character, space or odd text reaches a view, a log or a script. Lower-cased.
QString safeMimeType(const QString &received);

} // namespace sotto::messenger
