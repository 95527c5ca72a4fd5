// SPDX-License-Identifier: GPL-3.0-or-later
// Addresses as people type and read them: "host:port" where the host is an IP address
// (IPv6 in brackets) or a computer's name (resolved when dialled), and the addresses this
// computer can be reached at, to give a friend.
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <expected>

namespace sotto::ui {

struct TypedAddress {
    QString host;        // as typed, brackets removed
    QHostAddress ip;     // set when the host is an IP address; null for a name
    quint16 port = 0;
};

// The problem, in words for the user, when `text` is not "host:port".
[[nodiscard]] std::expected<TypedAddress, QString> parseTypedAddress(const QString &text);

// "address:port" for each address a peer could dial us at: the listening address when it is
// a specific one, else every address of every interface that is up (loopback last, IPv6 in
// brackets, link-local IPv6 left out: it needs a scope a friend cannot type).
QStringList reachableAddresses(const QHostAddress &listening, quint16 port);

} // namespace sotto::ui
