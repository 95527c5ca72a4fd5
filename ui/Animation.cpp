// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Animation.h"

#include "ui/AnimationTiming.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>

namespace sotto::ui::Animation {
namespace {

// The pace the file's own headers ask for. Read, not mapped: a copy Open handed to another
// program may be cut short under a mapping (SIGBUS).
bool withinBudget(const QString &path, const Limits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() <= 0 || file.size() > limits.maxBytes)
        return false;
    const QByteArray bytes = file.readAll();
    const auto timing = AnimationTiming::read(bytes);
    if (!timing || timing->frames <= 1 || timing->shortestMs < limits.minDelayMs)
        return false;
    if (timing->width > limits.maxSide || timing->height > limits.maxSide)
        return false;
    return timing->peakPixelsPerSecond <= limits.maxPixelsPerSecond;
}

} // namespace

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
    if (frames <= 1 || frames > limits.maxFrames)
        return false;
    return withinBudget(path, limits);
}

} // namespace sotto::ui::Animation
