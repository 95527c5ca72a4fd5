// SPDX-License-Identifier: GPL-3.0-or-later
// Error codes of the protocol layer. Every SG_ERR_* maps to exactly one code here.
// An Error never carries key material or plaintext: only a code and a short reason.
#pragma once

#include <QString>

namespace sotto::protocol {

enum class Errc {
    Internal,          // a libsignal or store failure that is not the peer's doing
    NoSession,         // no session with this peer: a bundle is needed first
    UntrustedIdentity, // the peer's identity key differs from the one we know
    Blocked,           // the contact is blocked
    Duplicate,         // this message was already decrypted
    InvalidMessage,    // malformed, bad MAC, wrong version, too large, bad padding
    InvalidKeyId,      // refers to a prekey we do not have (e.g. a used one-time prekey)
    InvalidKey,        // a key or signature in a bundle does not verify
    StoreFailed,       // the database refused a write
};

struct Error {
    Errc code = Errc::Internal;
    QString reason; // for logs and the UI; never a secret

    static Error fromSignal(int sgError, const char *where);
};

const char *errcName(Errc code);

} // namespace sotto::protocol
