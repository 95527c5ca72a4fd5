// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13.9: avatar colours that tell people apart (two of three names were purple) and
// keep white initials readable.
#include "ui/AvatarPalette.h"

#include "tests/support/TestProfiles.h"

#include <QTest>

#include <cmath>

using namespace sotto;
using sotto::ui::AvatarPalette;

namespace {

double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double luminance(const QColor &c)
{
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

// CIELAB (D65), for the distance people see between two colours (CIE76).
std::array<double, 3> lab(const QColor &c)
{
    const double r = linear(c.redF()), g = linear(c.greenF()), b = linear(c.blueF());
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

} // namespace

class TestAvatarPalette : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyTwoColoursLookDifferent()
    {
        const auto &colours = AvatarPalette::colours();
        for (std::size_t i = 0; i < colours.size(); ++i)
            for (std::size_t j = i + 1; j < colours.size(); ++j) {
                const auto a = lab(colours[i]), b = lab(colours[j]);
                const double distance = std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
                QVERIFY2(distance >= 15, qPrintable(QStringLiteral("%1 and %2: %3").arg(colours[i].name(), colours[j].name()).arg(distance)));
            }
    }

    void whiteInitialsStayReadable()
    {
        for (const QColor &c : AvatarPalette::colours()) {
            const double contrast = 1.05 / (luminance(c) + 0.05);
            QVERIFY2(contrast >= 3.0, qPrintable(QStringLiteral("%1: %2").arg(c.name()).arg(contrast)));
        }
    }

    // Real PeerIds use the whole palette, about evenly, and always get the same colour.
    void peersSpreadOverThePalette()
    {
        QHash<QRgb, int> used;
        for (int i = 0; i < 1600; ++i) {
            const QString peer = test::randomPeerId().toString();
            const QColor c = AvatarPalette::colourFor(peer);
            QCOMPARE(AvatarPalette::colourFor(peer), c);
            ++used[c.rgb()];
        }
        QCOMPARE(used.size(), qsizetype(AvatarPalette::colours().size()));
        for (auto it = used.cbegin(); it != used.cend(); ++it)
            QVERIFY2(it.value() > 50 && it.value() < 170, qPrintable(QString::number(it.value())));
    }
};

QTEST_GUILESS_MAIN(TestAvatarPalette)
#include "tst_avatarpalette.moc"
