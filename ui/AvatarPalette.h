// SPDX-License-Identifier: GPL-3.0-or-later
// The colour of a person's avatar: one of sixteen hand-picked colours, chosen by their
// PeerId. Hues spread around the wheel at two lightness levels, so three contacts rarely
// look alike (a hue from the first six hex digits made two of three names purple), and
// each keeps white initials readable (contrast >= 3:1, large bold text).
#pragma once

#include <QColor>
#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <array>

namespace sotto::ui {

class AvatarPalette : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    static const std::array<QColor, 16> &colours();
    // The colour for a PeerId (hex text); a fixed grey for anything else.
    Q_INVOKABLE static QColor colourFor(const QString &peer);
};

} // namespace sotto::ui
