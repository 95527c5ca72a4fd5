// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SystemAppearance.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>

namespace sotto::ui {

ColorScheme preferredColorScheme()
{
    const QByteArray forced = qgetenv("SOTTO_COLOR_SCHEME");
    if (forced == "dark")
        return ColorScheme::Dark;
    if (forced == "light")
        return ColorScheme::Light;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return ColorScheme::Light;
    QDBusMessage read = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.portal.Desktop"),
                                                       QStringLiteral("/org/freedesktop/portal/desktop"),
                                                       QStringLiteral("org.freedesktop.portal.Settings"), QStringLiteral("Read"));
    read << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme");
    const QDBusMessage reply = bus.call(read, QDBus::Block, 300); // a missing portal must not delay the start
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return ColorScheme::Light;
    // The value comes wrapped in one or two variants: 1 means "prefer dark".
    QVariant value = reply.arguments().first();
    while (value.canConvert<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    return value.toUInt() == 1 ? ColorScheme::Dark : ColorScheme::Light;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1f, 0x20, 0x22), text(0xe8, 0xe8, 0xe8), highlight(0x3a, 0x7b, 0xd5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, highlight.lighter(130));
    p.setColor(QPalette::Mid, QColor(0x45, 0x47, 0x4b));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1a));
    p.setColor(QPalette::Light, QColor(0x50, 0x52, 0x56));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace sotto::ui

namespace sotto::ui {

QVariantMap darkPaletteRoles()
{
    const QPalette p = darkPalette();
    const std::pair<const char *, QPalette::ColorRole> roles[] = {
        {"window", QPalette::Window},       {"windowText", QPalette::WindowText},
        {"base", QPalette::Base},           {"alternateBase", QPalette::AlternateBase},
        {"text", QPalette::Text},           {"button", QPalette::Button},
        {"buttonText", QPalette::ButtonText}, {"brightText", QPalette::BrightText},
        {"highlight", QPalette::Highlight}, {"highlightedText", QPalette::HighlightedText},
        {"toolTipBase", QPalette::ToolTipBase}, {"toolTipText", QPalette::ToolTipText},
        {"placeholderText", QPalette::PlaceholderText}, {"link", QPalette::Link},
        {"mid", QPalette::Mid},             {"dark", QPalette::Dark},
        {"light", QPalette::Light},
    };
    QVariantMap out;
    for (const auto &[name, role] : roles)
        out.insert(QLatin1String(name), p.color(QPalette::Active, role));
    return out;
}

} // namespace sotto::ui
