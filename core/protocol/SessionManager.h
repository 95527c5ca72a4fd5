// SPDX-License-Identifier: GPL-3.0-or-later
// SessionManager is the one door to libsignal's 1:1 sessions: X3DH from a peer's bundle,
// encrypt, decrypt, and the trust rules libsignal leaves to us (blocked and changed
// contacts are refused before anything is encrypted or decrypted). Every library call
// runs in one store transaction that rolls back on any error, and the decrypted plaintext
// is handed to the caller inside that transaction, so history and ratchet move together.
// It owns the cipher cache and the store binding, not the store or the context.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/protocol/KeyMaintenance.h"
#include "core/protocol/PreKeyBundle.h"
#include "core/protocol/ProtocolError.h"
#include "core/protocol/ProtocolStore.h"
#include "core/protocol/StoreBinding.h"

#include <expected>
#include <functional>
#include <memory>
#include <unordered_map>

namespace sotto::protocol {

// Carried explicitly in our envelope: both libsignal message kinds start with the same
// version byte (0x33 from libsignal-protocol-c, 0x34 from Signal's current library).
enum class MessageKind : int {
    Whisper = 2, // a normal Double Ratchet message (CIPHERTEXT_SIGNAL_TYPE)
    PreKey = 3, // the first messages of a session, carrying the X3DH header (CIPHERTEXT_PREKEY_TYPE)
    SenderKey = 4, // a group message, sealed once with the sender's sender key (a GroupCiphertext)
};

struct CipherMessage {
    MessageKind kind = MessageKind::Whisper;
    QByteArray bytes;
};

class SessionManager {
public:
    // Checked before anything is parsed. A padded 64 KiB text plus libsignal's framing
    // fits well inside the ciphertext cap.
    static constexpr qsizetype MaxPlaintextSize = 64 * 1024;
    static constexpr qsizetype MaxCiphertextSize = 96 * 1024;

    SessionManager(crypto::SignalContext &context, ProtocolStore &store, KeyPolicy policy = {});
    ~SessionManager();
    SessionManager(const SessionManager &) = delete;
    SessionManager &operator=(const SessionManager &) = delete;

    bool isValid() const { return m_binding.isValid(); }
    ProtocolStore &store() { return m_store; }
    KeyMaintenance &keys() { return m_keys; }
    StoreBinding &binding() { return m_binding; } // for GroupSessions: one store context

    // Our bundle for a peer that wants to start a session (hands out a one-time prekey).
    [[nodiscard]] std::expected<PreKeyBundle, Error> ownBundle();
    // X3DH from a peer's bundle; refuses a blocked peer or a changed identity key.
    [[nodiscard]] std::expected<void, Error> startSession(const PreKeyBundle &bundle);
    bool hasSession(const PeerId &peer);

    // Pads and encrypts. Runs in its own transaction, nested in the caller's if one is open.
    [[nodiscard]] std::expected<CipherMessage, Error> encrypt(const PeerId &peer, const QByteArray &plaintext);

    // Called with the unpadded plaintext inside the decrypt's transaction; an error aborts
    // the decrypt and rolls everything back, so the message can be decrypted again later.
    using PlaintextSink = std::function<std::expected<void, Error>(const QByteArray &plaintext)>;
    [[nodiscard]] std::expected<void, Error> decrypt(const PeerId &peer, const CipherMessage &message, const PlaintextSink &sink);

    // Trust decisions of the user.
    std::optional<IdentityRecord> identity(const PeerId &peer) { return m_store.identity(peer); }
    [[nodiscard]] std::expected<void, Error> setTrust(const PeerId &peer, TrustState trust);
    // Forgets every session with the peer (inside the caller's transaction if one is open):
    // the next message to it starts a new one from a fresh bundle (X3DH).
    [[nodiscard]] std::expected<void, Error> resetSession(const PeerId &peer);

    // Prekey pool and signed prekey rotation; cheap when nothing is due.
    [[nodiscard]] std::expected<void, Error> maintainKeys(std::int64_t nowMs);

private:
    struct Cipher;
    Cipher *cipherFor(const PeerId &peer);
    [[nodiscard]] std::expected<void, Error> checkTrust(const PeerId &peer);

    crypto::SignalContext &m_context;
    ProtocolStore &m_store;
    StoreBinding m_binding;
    KeyMaintenance m_keys;
    std::unordered_map<QString, std::unique_ptr<Cipher>> m_ciphers;
};

} // namespace sotto::protocol
