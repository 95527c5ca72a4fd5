// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ProtocolError.h"

#include <signal/signal_protocol.h>

namespace sotto::protocol {

Error Error::fromSignal(int sg, const char *where)
{
    Errc code = Errc::Internal;
    switch (sg) {
    case SG_ERR_NO_SESSION:
        code = Errc::NoSession;
        break;
    case SG_ERR_UNTRUSTED_IDENTITY:
        code = Errc::UntrustedIdentity;
        break;
    case SG_ERR_DUPLICATE_MESSAGE:
        code = Errc::Duplicate;
        break;
    case SG_ERR_INVALID_MESSAGE:
    case SG_ERR_INVALID_MAC:
    case SG_ERR_INVALID_VERSION:
    case SG_ERR_LEGACY_MESSAGE:
    case SG_ERR_INVALID_PROTO_BUF:
    case SG_ERR_STALE_KEY_EXCHANGE:
    case SG_ERR_FP_VERSION_MISMATCH:
    case SG_ERR_FP_IDENT_MISMATCH:
        code = Errc::InvalidMessage;
        break;
    case SG_ERR_INVALID_KEY_ID:
        code = Errc::InvalidKeyId;
        break;
    case SG_ERR_INVALID_KEY:
    case SG_ERR_VRF_SIG_VERIF_FAILED:
        code = Errc::InvalidKey;
        break;
    case SG_ERR_NOMEM:
    case SG_ERR_INVAL:
    case SG_ERR_UNKNOWN:
    default:
        code = Errc::Internal;
    }
    return {code, QStringLiteral("%1: %2 (libsignal %3)")
                      .arg(QLatin1String(where), QLatin1String(errcName(code)))
                      .arg(sg)};
}

const char *errcName(Errc code)
{
    switch (code) {
    case Errc::Internal: return "internal error";
    case Errc::NoSession: return "no session";
    case Errc::UntrustedIdentity: return "untrusted identity";
    case Errc::Blocked: return "contact blocked";
    case Errc::Duplicate: return "duplicate message";
    case Errc::InvalidMessage: return "invalid message";
    case Errc::InvalidKeyId: return "unknown prekey";
    case Errc::InvalidKey: return "invalid key";
    case Errc::StoreFailed: return "store failed";
    }
    return "unknown";
}

} // namespace sotto::protocol
