// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Animation.h"

#include <QFileInfo>
#include <QImageReader>

namespace sotto::ui::Animation {

bool playable(const QString &path, const Limits &limits)
{
    if (QFileInfo(path).size() > limits.maxBytes)
        return false;
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true); // the bytes say what it is, not the name
    const QByteArray format = reader.format();
    if ((format != "gif" && format != "webp") || !reader.supportsAnimation())
        return false;
    const QSize size = reader.size(); // the header's claim; nothing is decoded yet
    if (!size.isValid() || size.width() > limits.maxSide || size.height() > limits.maxSide)
        return false;
    const int frames = reader.imageCount();
    return frames > 1 && frames <= limits.maxFrames;
}

} // namespace sotto::ui::Animation
