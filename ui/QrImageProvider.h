// SPDX-License-Identifier: GPL-3.0-or-later
// Draws QR codes (libqrencode) for "image://qr/<base64url payload>": the scannable safety
// number. Black modules on white with a quiet zone, whatever the theme, so phones read it.
#pragma once

#include <QQuickImageProvider>

namespace sotto::ui {

class QrImageProvider : public QQuickImageProvider {
public:
    QrImageProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

    static QImage render(const QByteArray &payload, int moduleSize);
};

} // namespace sotto::ui
