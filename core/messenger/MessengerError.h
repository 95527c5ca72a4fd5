// SPDX-License-Identifier: GPL-3.0-or-later
// Error codes at the messenger facade: what the UI and headless mode show to people.
#pragma once

#include "core/protocol/ProtocolError.h"
#include "core/storage/StorageError.h"

#include <QString>

namespace sotto::messenger {

enum class Errc {
    Storage,         // the database refused
    NoSession,       // no session yet: a bundle is needed (network fetches it)
    UnknownContact,
    UntrustedKey,    // an identity key that is not the PeerId's (a forgery), or a blocked contact's
    Blocked,
    Duplicate,       // already received; dropped
    InvalidMessage,  // malformed or forged; dropped
    InvalidInput,    // the user's own input is out of bounds (e.g. too long)
    NotFound,        // no such message or conversation
    NotAllowed,      // not the user's to change (someone else's message, too late to edit)
    Deferred,        // not tried: an earlier envelope of the batch failed and order must hold
    Internal,
};

struct Error {
    Errc code = Errc::Internal;
    QString reason;

    static Error from(const protocol::Error &e);
    static Error from(const storage::Error &e);
};

// A received envelope that failed with this is neither acknowledged nor rejected: the
// sender sends it again (our disk was full, or something else that may pass).
inline bool willBeResent(Errc code) { return code == Errc::Storage || code == Errc::Internal || code == Errc::Deferred; }

} // namespace sotto::messenger
