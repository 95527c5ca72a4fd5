// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/InMemoryProtocolStore.h"

#include <algorithm>

namespace sotto::protocol {

std::optional<LocalIdentityRecord> InMemoryProtocolStore::localIdentity()
{
    if (!m_local)
        return std::nullopt;
    LocalIdentityRecord copy;
    copy.peer = m_local->peer;
    copy.publicKey = m_local->publicKey;
    copy.privateKey = crypto::SecretBytes(m_local->privateKey.data(), m_local->privateKey.size());
    copy.registrationId = m_local->registrationId;
    return copy;
}

bool InMemoryProtocolStore::saveLocalIdentity(const LocalIdentityRecord &record)
{
    LocalIdentityRecord copy;
    copy.peer = record.peer;
    copy.publicKey = record.publicKey;
    copy.privateKey = crypto::SecretBytes(record.privateKey.data(), record.privateKey.size());
    copy.registrationId = record.registrationId;
    m_local = std::move(copy);
    return true;
}

std::optional<IdentityRecord> InMemoryProtocolStore::identity(const PeerId &peer)
{
    auto it = m_identities.find(peer.toString());
    if (it == m_identities.end())
        return std::nullopt;
    return it->second;
}

bool InMemoryProtocolStore::saveIdentity(const IdentityRecord &record)
{
    m_identities[record.peer.toString()] = record;
    return true;
}

std::optional<QByteArray> InMemoryProtocolStore::loadPreKey(std::uint32_t id)
{
    auto it = m_preKeys.find(id);
    if (it == m_preKeys.end())
        return std::nullopt;
    return it->second.record;
}

bool InMemoryProtocolStore::storePreKey(std::uint32_t id, const QByteArray &record)
{
    m_preKeys[id].record = record;
    return true;
}

bool InMemoryProtocolStore::containsPreKey(std::uint32_t id) { return m_preKeys.count(id) > 0; }

bool InMemoryProtocolStore::removePreKey(std::uint32_t id) { return m_preKeys.erase(id) > 0; }

std::optional<std::uint32_t> InMemoryProtocolStore::takeFreshPreKeyId()
{
    for (auto &[id, key] : m_preKeys) {
        if (!key.handedOut) {
            key.handedOut = true;
            return id;
        }
    }
    return std::nullopt;
}

int InMemoryProtocolStore::freshPreKeyCount()
{
    return int(std::count_if(m_preKeys.begin(), m_preKeys.end(),
                             [](const auto &entry) { return !entry.second.handedOut; }));
}

int InMemoryProtocolStore::preKeyCount() { return int(m_preKeys.size()); }

std::optional<QByteArray> InMemoryProtocolStore::loadSignedPreKey(std::uint32_t id)
{
    auto it = m_signedPreKeys.find(id);
    if (it == m_signedPreKeys.end())
        return std::nullopt;
    return it->second.first;
}

bool InMemoryProtocolStore::storeSignedPreKey(std::uint32_t id, const QByteArray &record, std::int64_t createdAtMs)
{
    m_signedPreKeys[id] = {record, createdAtMs};
    return true;
}

bool InMemoryProtocolStore::containsSignedPreKey(std::uint32_t id) { return m_signedPreKeys.count(id) > 0; }

bool InMemoryProtocolStore::removeSignedPreKey(std::uint32_t id) { return m_signedPreKeys.erase(id) > 0; }

std::vector<SignedPreKeyInfo> InMemoryProtocolStore::signedPreKeys()
{
    std::vector<SignedPreKeyInfo> out;
    for (const auto &[id, entry] : m_signedPreKeys)
        out.push_back({id, entry.second});
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return a.createdAtMs != b.createdAtMs ? a.createdAtMs > b.createdAtMs : a.id > b.id;
    });
    return out;
}

std::optional<QByteArray> InMemoryProtocolStore::loadSession(const PeerId &peer, std::int32_t device)
{
    auto it = m_sessions.find({peer.toString(), device});
    if (it == m_sessions.end())
        return std::nullopt;
    return it->second;
}

bool InMemoryProtocolStore::storeSession(const PeerId &peer, std::int32_t device, const QByteArray &record)
{
    m_sessions[{peer.toString(), device}] = record;
    return true;
}

bool InMemoryProtocolStore::containsSession(const PeerId &peer, std::int32_t device)
{
    return m_sessions.count({peer.toString(), device}) > 0;
}

bool InMemoryProtocolStore::deleteSession(const PeerId &peer, std::int32_t device)
{
    return m_sessions.erase({peer.toString(), device}) > 0;
}

int InMemoryProtocolStore::deleteAllSessions(const PeerId &peer)
{
    int removed = 0;
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->first.first == peer.toString()) {
            it = m_sessions.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return removed;
}

std::vector<std::int32_t> InMemoryProtocolStore::subDeviceSessions(const PeerId &peer)
{
    std::vector<std::int32_t> out;
    for (const auto &[key, record] : m_sessions)
        if (key.first == peer.toString() && key.second != 1)
            out.push_back(key.second);
    return out;
}

std::optional<QByteArray> InMemoryProtocolStore::loadSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device)
{
    auto it = m_senderKeys.find({groupId, sender.toString(), device});
    if (it == m_senderKeys.end())
        return std::nullopt;
    return it->second;
}

bool InMemoryProtocolStore::removeSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device)
{
    m_senderKeys.erase({groupId, sender.toString(), device});
    return true;
}

bool InMemoryProtocolStore::storeSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device, const QByteArray &record)
{
    m_senderKeys[{groupId, sender.toString(), device}] = record;
    return true;
}

std::uint32_t InMemoryProtocolStore::nextId(const char *counter, std::uint32_t count)
{
    std::uint32_t &next = m_counters[counter];
    if (next == 0)
        next = 1;
    const std::uint32_t first = next;
    next += count;
    return first;
}

} // namespace sotto::protocol
