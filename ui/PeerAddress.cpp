// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PeerAddress.h"

#include <QCoreApplication>
#include <QNetworkInterface>
#include <QRegularExpression>

namespace sotto::ui {
namespace {

// RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens.
bool isHostName(const QString &host)
{
    static const QRegularExpression name(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    return host.size() <= 253 && name.match(host).hasMatch();
}

QString withPort(const QHostAddress &address, quint16 port)
{
    const QString host = address.toString();
    return (address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + host + u']' : host) + u':' + QString::number(port);
}

} // namespace

std::expected<TypedAddress, QString> parseTypedAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    // translate() with the context spelled out: lupdate files a free tr() under the namespace.
    const QString example = QCoreApplication::translate(
        "PeerAddress", "Write the address as host:port, e.g. 192.168.1.20:47000 or laptop.local:47000.");
    const qsizetype colon = trimmed.lastIndexOf(u':');
    if (colon <= 0)
        return std::unexpected(example);
    bool portOk = false;
    const uint port = trimmed.mid(colon + 1).toUInt(&portOk);
    if (!portOk || port == 0 || port > 65535)
        return std::unexpected(
            QCoreApplication::translate("PeerAddress", "The port is the number after the last colon, from 1 to 65535."));
    QString host = trimmed.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    TypedAddress out{host, QHostAddress(host), quint16(port)};
    if (out.ip.isNull() && !isHostName(host))
        return std::unexpected(example);
    return out;
}

QStringList reachableAddresses(const QHostAddress &listening, quint16 port)
{
    if (!listening.isNull() && listening != QHostAddress::Any && listening != QHostAddress::AnyIPv4
        && listening != QHostAddress::AnyIPv6)
        return {withPort(listening, port)};
    QStringList out, loopback;
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces()) {
        if (!(interface.flags() & QNetworkInterface::IsUp) || !(interface.flags() & QNetworkInterface::IsRunning))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            const QHostAddress ip = entry.ip();
            if (ip.isLinkLocal() && ip.protocol() == QAbstractSocket::IPv6Protocol)
                continue;
            if (listening == QHostAddress::AnyIPv4 && ip.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            (ip.isLoopback() ? loopback : out) << withPort(ip, port);
        }
    }
    return out + loopback;
}

} // namespace sotto::ui
