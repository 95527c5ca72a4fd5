// SPDX-License-Identifier: GPL-3.0-or-later
// Thumbnailer makes the small picture an image attachment carries in its pointer (the
// sender's side) and reads one back (the receiver's side, from hostile bytes). Both are
// plain functions, safe on any thread; callers run make() off the GUI thread. It owns no
// file and keeps nothing.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace sotto::ui::Thumbnailer {

constexpr int MaxSide = 320;          // px, the long side
constexpr int MaxBytes = 20 * 1024;   // the pointer's bound (docs/PROTOCOL.md, Attachments)
// Images whose decoded size would pass this many megabytes are not read at all: a small
// PNG can claim 60,000 × 60,000 pixels (a decompression bomb).
constexpr int AllocationLimitMb = 256;

// Whether Qt can read `path` as an image (by its content, not its name).
bool isImage(const QString &path);
// A JPEG of the image at `path`, at most MaxSide px on its long side and MaxBytes long
// (quality lowered, then the size, until it fits); empty when it is no image Qt reads, or
// too big to decode safely.
QByteArray make(const QString &path);
// The same for an image already in memory (a paste).
QByteArray make(const QImage &image);
// A received thumbnail: a JPEG or PNG (by its signature; no other decoder sees it),
// decoded only within the allocation limit, whatever it claims, and shown at most
// MaxSide × MaxSide; a null image when it is anything else.
QImage decode(const QByteArray &bytes);

} // namespace sotto::ui::Thumbnailer
