// SPDX-License-Identifier: GPL-3.0-or-later
// ProtocolStore kept in memory: for unit tests and the bare-library benchmark. It
// persists nothing, and its transactions do not roll back (it keeps no undo log).
#pragma once

#include "core/protocol/ProtocolStore.h"

#include <map>
#include <tuple>

namespace sotto::protocol {

class InMemoryProtocolStore final : public ProtocolStore {
public:
    std::optional<LocalIdentityRecord> localIdentity() override;
    bool saveLocalIdentity(const LocalIdentityRecord &record) override;
    std::optional<IdentityRecord> identity(const PeerId &peer) override;
    bool saveIdentity(const IdentityRecord &record) override;

    std::optional<QByteArray> loadPreKey(std::uint32_t id) override;
    bool storePreKey(std::uint32_t id, const QByteArray &record) override;
    bool containsPreKey(std::uint32_t id) override;
    bool removePreKey(std::uint32_t id) override;
    std::optional<std::uint32_t> takeFreshPreKeyId() override;
    int freshPreKeyCount() override;
    int preKeyCount() override;

    std::optional<QByteArray> loadSignedPreKey(std::uint32_t id) override;
    bool storeSignedPreKey(std::uint32_t id, const QByteArray &record, std::int64_t createdAtMs) override;
    bool containsSignedPreKey(std::uint32_t id) override;
    bool removeSignedPreKey(std::uint32_t id) override;
    std::vector<SignedPreKeyInfo> signedPreKeys() override;

    std::optional<QByteArray> loadSession(const PeerId &peer, std::int32_t device) override;
    bool storeSession(const PeerId &peer, std::int32_t device, const QByteArray &record) override;
    bool containsSession(const PeerId &peer, std::int32_t device) override;
    bool deleteSession(const PeerId &peer, std::int32_t device) override;
    int deleteAllSessions(const PeerId &peer) override;
    std::vector<std::int32_t> subDeviceSessions(const PeerId &peer) override;

    std::optional<QByteArray> loadSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device) override;
    bool removeSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device) override;
    bool storeSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device, const QByteArray &record) override;

    bool begin() override { return true; }
    bool commit() override { return true; }
    void rollback() override {}
    std::uint32_t nextId(const char *counter, std::uint32_t count) override;

private:
    struct PreKey {
        QByteArray record;
        bool handedOut = false;
    };
    std::optional<LocalIdentityRecord> m_local;
    std::map<QString, IdentityRecord> m_identities;
    std::map<std::uint32_t, PreKey> m_preKeys;
    std::map<std::uint32_t, std::pair<QByteArray, std::int64_t>> m_signedPreKeys;
    std::map<std::pair<QString, std::int32_t>, QByteArray> m_sessions;
    std::map<std::tuple<QByteArray, QString, std::int32_t>, QByteArray> m_senderKeys;
    std::map<std::string, std::uint32_t> m_counters;
};

} // namespace sotto::protocol
