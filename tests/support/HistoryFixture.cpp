// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/HistoryFixture.h"

#include <QDateTime>

namespace sotto::test {

QString seededBody(int i)
{
    return QStringLiteral("Message %1: a line of ordinary length, about what people write to each other.").arg(i);
}

int seededNumber(const QString &body)
{
    // Read on every step of a scrolling test, for every row on screen: no regex.
    static const QString prefix = QStringLiteral("Message ");
    if (!body.startsWith(prefix))
        return -1;
    int n = 0;
    qsizetype i = prefix.size();
    for (; i < body.size() && body[i].isDigit(); ++i)
        n = n * 10 + body[i].digitValue();
    return i > prefix.size() && i < body.size() && body[i] == u':' ? n : -1;
}

std::expected<protocol::PeerId, QString> seedConversation(storage::Profile &profile, int count, const QString &name)
{
    QByteArray key(33, Qt::Uninitialized);
    key[0] = 0x05;
    for (int i = 1; i < key.size(); ++i)
        key[i] = char(i * 37);
    const protocol::PeerId other = protocol::PeerId::fromIdentityKey(key);
    if (!profile.protocolStore().saveIdentity({other, key, protocol::TrustState::Unverified})
        || !profile.protocolStore().setContactName(other, name))
        return std::unexpected(QStringLiteral("cannot save the contact"));
    storage::MessageStore &store = profile.messages();
    const auto conversation = store.conversationFor(other);
    if (!conversation)
        return std::unexpected(conversation.error().reason);
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(count) * 60'000; // one a minute, up to now
    for (int i = 0; i < count;) {
        if (!profile.database().begin())
            return std::unexpected(QStringLiteral("begin failed"));
        for (int end = std::min(count, i + 5000); i < end; ++i) {
            storage::MessageRecord m;
            m.uuid = QByteArray(12, 'b') + QByteArray(reinterpret_cast<const char *>(&i), 4);
            m.conversationId = *conversation;
            m.outgoing = i % 2 == 0;
            m.sender = m.outgoing ? profile.peerId() : other;
            m.body = seededBody(i);
            m.sentAt = start + qint64(i) * 60'000;
            m.receivedAt = m.sentAt + 5;
            m.state = storage::MessageState::Read;
            if (auto inserted = store.insert(m); !inserted)
                return std::unexpected(inserted.error().reason);
        }
        if (!profile.database().commit())
            return std::unexpected(QStringLiteral("commit failed"));
    }
    return other;
}

} // namespace sotto::test
