// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Animation.h"

#include <QImageReader>

namespace sotto::ui::Animation {

bool playable(const QString &path)
{
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true); // the bytes say what it is, not the name
    const QByteArray format = reader.format();
    if ((format != "gif" && format != "webp") || !reader.supportsAnimation())
        return false;
    const QSize size = reader.size(); // the header's claim; nothing is decoded yet
    if (!size.isValid() || size.width() > MaxSide || size.height() > MaxSide)
        return false;
    const int frames = reader.imageCount();
    return frames > 1 && frames <= MaxFrames;
}

} // namespace sotto::ui::Animation
