// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/PeerId.h"

#include <QRandomGenerator>

namespace sotto::protocol {

PeerId PeerId::generate()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QByteArray raw(reinterpret_cast<const char *>(words), sizeof words);
    PeerId id;
    id.m_text = QString::fromLatin1(raw.toHex());
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
