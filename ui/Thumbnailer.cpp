// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Thumbnailer.h"

#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>

namespace sotto::ui::Thumbnailer {
namespace {

// The reader's own limit, not the global one: a thumbnail made on a worker must not depend
// on what another part of the program set.
void bound(QImageReader &reader) { reader.setAllocationLimit(AllocationLimitMb); }

QSize fitted(QSize size)
{
    if (size.width() <= MaxSide && size.height() <= MaxSide)
        return size;
    return size.scaled(MaxSide, MaxSide, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

QByteArray encode(const QImage &image, int quality)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.setOptimizedWrite(true);
    writer.setProgressiveScanWrite(true);
    return writer.write(image) ? out : QByteArray();
}

} // namespace

bool isImage(const QString &path)
{
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    return reader.canRead();
}

QByteArray make(const QImage &source)
{
    if (source.isNull())
        return {};
    // JPEG has no alpha: transparent pixels go white (as a chat bubble shows them), not
    // black. Painting on a QImage is safe on a worker thread.
    QImage image(fitted(source.size()), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        // QImage::scaled averages many pixels into one; the painter alone would sample.
        painter.drawImage(0, 0, source.size() == image.size() ? source
                                : source.scaled(image.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    }
    // Lower the quality first (cheap, keeps the detail a preview needs), then the size.
    for (int pass = 0; pass < 6 && !image.isNull(); ++pass) {
        for (int quality : {80, 65, 50, 35}) {
            QByteArray bytes = encode(image, quality);
            if (bytes.isEmpty())
                return {};
            if (bytes.size() <= MaxBytes)
                return bytes;
        }
        image = image.scaled(image.size() * 3 / 4, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    return {};
}

QByteArray make(const QString &path)
{
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true); // a phone's photo stands the right way up
    bound(reader);
    const QSize size = reader.size();
    if (!reader.canRead() || !size.isValid() || qint64(size.width()) * size.height() > 100'000'000LL)
        return {};
    // JPEG decodes straight at a smaller size (a 24 MP photo never fills memory whole).
    if (reader.supportsOption(QImageIOHandler::ScaledSize)) {
        // Twice the target: the smooth scale afterwards keeps it sharp.
        const QSize target = size.scaled(2 * MaxSide, 2 * MaxSide, Qt::KeepAspectRatio);
        if (target.width() < size.width())
            reader.setScaledSize(target.expandedTo(QSize(1, 1)));
    }
    return make(reader.read());
}

QImage decode(const QByteArray &bytes)
{
    if (bytes.isEmpty() || bytes.size() > MaxBytes)
        return {};
    // Only the two formats a thumbnail comes in (Sotto makes JPEG; PNG for other clients),
    // told by their signatures. Letting Qt guess from the content would hand hostile bytes
    // to every image plugin installed (SVG, TIFF, MNG, TGA, ICNS...), each its own parser
    // to attack, for a picture no sender makes in those formats.
    const char *format = bytes.startsWith("\xff\xd8\xff") ? "jpeg" : bytes.startsWith("\x89PNG\r\n\x1a\n") ? "png" : nullptr;
    if (!format)
        return {};
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    reader.setAutoDetectImageFormat(false); // that format's plugin or nothing, never a guess
    reader.setAutoTransform(false); // what the sender drew is what is shown
    // A thumbnail is small: anything that claims more than a few megabytes is refused.
    reader.setAllocationLimit(8);
    const QSize claimed = reader.size();
    if (!claimed.isValid() || claimed.width() > 4 * MaxSide || claimed.height() > 4 * MaxSide)
        return {};
    QImage image = reader.read();
    if (image.isNull())
        return {};
    if (image.width() > MaxSide || image.height() > MaxSide)
        image = image.scaled(MaxSide, MaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

} // namespace sotto::ui::Thumbnailer
