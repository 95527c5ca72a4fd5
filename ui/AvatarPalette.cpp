// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AvatarPalette.h"

#include <QCryptographicHash>

namespace sotto::ui {

const std::array<QColor, 16> &AvatarPalette::colours()
{
    // Sixteen hues 22.5 degrees apart in CIELCh (chroma 60), lightness alternating 40 and
    // 50: every pair at least 17 apart (CIE76 delta E), white on each at least 3.8:1.
    static const std::array<QColor, 16> palette = {
        QColor(0xB32057), QColor(0xCE4949), QColor(0xA1400D), QColor(0xA66A00),
        QColor(0x6A5F00), QColor(0x5F8207), QColor(0x006F18), QColor(0x008D58),
        QColor(0x007367), QColor(0x008EA6), QColor(0x0071AA), QColor(0x0085D9),
        QColor(0x0061C1), QColor(0x6F6AD1), QColor(0x893E9D), QColor(0xC44795),
    };
    return palette;
}

QColor AvatarPalette::colourFor(const QString &peer)
{
    if (peer.isEmpty())
        return QColor(0x75, 0x75, 0x75);
    // A hash of the whole id, not its first digits: PeerIds are hashes already, but a
    // name-like placeholder (the demo peer, a test) should spread too.
    const QByteArray digest = QCryptographicHash::hash(peer.toUtf8(), QCryptographicHash::Sha256);
    return colours()[std::size_t(quint8(digest[0])) % colours().size()];
}

} // namespace sotto::ui
