// SPDX-License-Identifier: GPL-3.0-or-later
// Messenger's part in contacts-only beacons: our beacon key, our contacts' keys and the
// "Visible to" setting, all in the profile database (docs/PROTOCOL.md, "LAN:
// contacts-only beacons"). Sending and recognising beacons is core/net's.
#include "core/messenger/Messenger.h"

#include "core/messenger/MessengerLog.h"

namespace sotto::messenger {

using protocol::PeerId;

namespace {
constexpr std::size_t BeaconKeySize = 32;
}

std::expected<crypto::SecretBytes, Error> Messenger::ownBeaconKey()
{
    storage::SqlProtocolStore &store = m_profile.protocolStore();
    if (std::optional<crypto::SecretBytes> key = store.ownBeaconKey(); key && key->size() == BeaconKeySize)
        return std::move(*key);
    protocol::StoreTransaction tx(store);
    if (!tx.isOpen() || !rotateBeaconKey() || !tx.commit())
        return std::unexpected(Error{Errc::Storage, QStringLiteral("cannot make a beacon key")});
    if (std::optional<crypto::SecretBytes> key = store.ownBeaconKey())
        return std::move(*key);
    return std::unexpected(Error{Errc::Storage, QStringLiteral("the beacon key vanished")});
}

bool Messenger::rotateBeaconKey()
{
    return m_profile.protocolStore().setOwnBeaconKey(crypto::SecretBytes::random(BeaconKeySize));
}

std::expected<void, Error> Messenger::rememberBeaconKey(const PeerId &peer, const QByteArray &key)
{
    if (std::size_t(key.size()) != BeaconKeySize)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a beacon key has 32 bytes")});
    if (auto allowed = mayMessage(peer); !allowed)
        return std::unexpected(allowed.error());
    QByteArray copy = key;
    copy.detach();
    const crypto::SecretBytes secret = crypto::SecretBytes::takeFrom(copy);
    if (!m_profile.protocolStore().setContactBeaconKey(peer, secret))
        return std::unexpected(Error{Errc::Storage, QStringLiteral("cannot store the beacon key")});
    beaconKeysChanged();
    return {};
}

std::expected<void, Error> Messenger::setVisibleToContactsOnly(bool contactsOnly)
{
    if (!m_profile.protocolStore().setContactsOnlyBeacons(contactsOnly))
        return std::unexpected(Error{Errc::Storage, QStringLiteral("cannot save the setting")});
    qCInfo(lcMessenger) << "visible to" << (contactsOnly ? "contacts only" : "everyone on this network");
    return {};
}

} // namespace sotto::messenger
