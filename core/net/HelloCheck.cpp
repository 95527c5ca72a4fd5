// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/HelloCheck.h"

#include "core/protocol/IdentitySignature.h"

#include <algorithm>

namespace sotto::net {
namespace {
constexpr char ProofContext[] = "sotto-link-v1";
}

QByteArray helloProofMessage(const QByteArray &signerCertHash, const QByteArray &otherCertHash)
{
    return QByteArray(ProofContext) + signerCertHash + otherCertHash;
}

std::optional<PeerHello> checkHello(crypto::SignalContext &context, const wire::Hello &hello, const protocol::PeerId &self,
                                    const QByteArray &peerCertHash, const QByteArray &localCertHash, quint32 ourContentVersion)
{
    PeerHello out;
    out.peer = protocol::PeerId::fromString(QString::fromStdString(hello.peer_id()));
    out.identityKey = QByteArray::fromStdString(hello.identity_key());
    // A newer Hello layout keeps these fields (protobuf): accepted, and each side speaks
    // the lower Content version.
    if (hello.version() < 1 || !out.peer.isValid() || out.identityKey.size() != 33)
        return std::nullopt;
    if (out.peer == self)
        return std::nullopt; // a connection to ourselves
    if (!protocol::verifyIdentitySignature(context, out.identityKey, helloProofMessage(peerCertHash, localCertHash),
                                           QByteArray::fromStdString(hello.proof())))
        return std::nullopt;
    out.displayName = QString::fromStdString(hello.display_name()).left(MaxHelloNameLength);
    out.listenPort = quint16(std::min<quint32>(hello.listen_port(), 65535));
    out.contentVersion = std::clamp<quint32>(hello.content_version(), 1, ourContentVersion);
    return out;
}

} // namespace sotto::net
