// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/QrImageProvider.h"

#include <QPainter>

#include <qrencode.h>

#include <memory>

namespace sotto::ui {

QrImageProvider::QrImageProvider()
    : QQuickImageProvider(QQuickImageProvider::Image)
{
}

QImage QrImageProvider::render(const QByteArray &payload, int moduleSize)
{
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(payload.size()), reinterpret_cast<const unsigned char *>(payload.constData()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code)
        return {};
    constexpr int QuietZone = 4;
    const int side = (code->width + 2 * QuietZone) * moduleSize;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                painter.fillRect((x + QuietZone) * moduleSize, (y + QuietZone) * moduleSize, moduleSize, moduleSize, Qt::black);
    return image;
}

QImage QrImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const QByteArray payload = QByteArray::fromBase64(id.toLatin1(), QByteArray::Base64UrlEncoding);
    const int wanted = requestedSize.isValid() ? std::max(requestedSize.width(), requestedSize.height()) : 256;
    QImage probe = render(payload, 1);
    if (probe.isNull())
        return {};
    QImage image = render(payload, std::max(1, wanted / probe.width()));
    if (size)
        *size = image.size();
    return image;
}

} // namespace sotto::ui
