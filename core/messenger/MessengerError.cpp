// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/MessengerError.h"

namespace sotto::messenger {

Error Error::from(const protocol::Error &e)
{
    using P = protocol::Errc;
    switch (e.code) {
    case P::NoSession: return {Errc::NoSession, e.reason};
    case P::UntrustedIdentity: return {Errc::UntrustedKey, e.reason};
    case P::Blocked: return {Errc::Blocked, e.reason};
    case P::Duplicate: return {Errc::Duplicate, e.reason};
    case P::InvalidMessage:
    case P::InvalidKeyId:
    case P::InvalidKey: return {Errc::InvalidMessage, e.reason};
    case P::StoreFailed: return {Errc::Storage, e.reason};
    case P::Internal: break;
    }
    return {Errc::Internal, e.reason};
}

Error Error::from(const storage::Error &e)
{
    if (e.code == storage::Errc::Duplicate)
        return {Errc::Duplicate, e.reason};
    if (e.code == storage::Errc::NotFound)
        return {Errc::NotFound, e.reason};
    return {Errc::Storage, e.reason};
}

} // namespace sotto::messenger
