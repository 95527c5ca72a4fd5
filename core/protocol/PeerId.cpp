// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/PeerId.h"

#include <QCryptographicHash>

namespace sotto::protocol {

PeerId PeerId::fromIdentityKey(const QByteArray &serializedKey)
{
    PeerId id;
    // libsignal's serialized Curve25519 public key: the DJB type byte, then the key.
    if (serializedKey.size() != 33 || serializedKey.at(0) != 0x05)
        return id;
    const QByteArray digest = QCryptographicHash::hash(serializedKey, QCryptographicHash::Sha256);
    id.m_text = QString::fromLatin1(digest.left(16).toHex());
    return id;
}

PeerId PeerId::fromString(const QString &text)
{
    PeerId id;
    if (text.size() != 32)
        return id;
    for (QChar c : text)
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return id;
    id.m_text = text;
    return id;
}

SignalAddress::SignalAddress(const PeerId &peer, int32_t deviceId)
    : m_name(peer.toStdString())
{
    m_address.name = m_name.c_str();
    m_address.name_len = m_name.size();
    m_address.device_id = deviceId;
}

} // namespace sotto::protocol
