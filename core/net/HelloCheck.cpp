// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/HelloCheck.h"

#include "core/protocol/IdentitySignature.h"

#include <algorithm>

namespace sotto::net {
namespace {
constexpr char ProofContext[] = "sotto-link-v1";
}

QString displayNameFromWire(const std::string &raw, int maxLength)
{
    std::u32string kept;
    for (const uint c : QString::fromStdString(raw).toUcs4()) {
        const QChar::Category category = QChar::category(char32_t(c));
        if (c != 0x200D
            && (category == QChar::Other_Control || category == QChar::Other_Format || category == QChar::Separator_Line
                || category == QChar::Separator_Paragraph))
            continue;
        kept.push_back(char32_t(c));
    }
    return QString::fromStdU32String(kept).left(maxLength);
}

QByteArray helloProofMessage(const QByteArray &signerCertHash, const QByteArray &otherCertHash)
{
    return QByteArray(ProofContext) + signerCertHash + otherCertHash;
}

std::optional<PeerHello> checkHello(crypto::SignalContext &context, const wire::Hello &hello, const protocol::PeerId &self,
                                    const QByteArray &peerCertHash, const QByteArray &localCertHash, quint32 ourContentVersion,
                                    QString *refusal)
{
    PeerHello out;
    out.peer = protocol::PeerId::fromString(QString::fromStdString(hello.peer_id()));
    out.identityKey = QByteArray::fromStdString(hello.identity_key());
    // A newer Hello layout keeps these fields (protobuf): accepted, and each side speaks
    // the lower Content version. Version 1 peers chose random PeerIds and cannot prove them.
    if (hello.version() < MinHelloVersion) {
        if (refusal)
            *refusal = QStringLiteral("peer speaks link version %1; it must update").arg(hello.version());
        return std::nullopt;
    }
    if (!out.peer.isValid() || out.identityKey.size() != 33)
        return std::nullopt;
    // Self-certifying ids: the PeerId must be the hash of the key that signs the proof, so
    // no link can speak for a contact's PeerId without the contact's private key.
    if (!out.peer.isIdOf(out.identityKey)) {
        if (refusal)
            *refusal = QStringLiteral("PeerId is not the one of its identity key");
        return std::nullopt;
    }
    if (out.peer == self)
        return std::nullopt; // a connection to ourselves
    if (!protocol::verifyIdentitySignature(context, out.identityKey, helloProofMessage(peerCertHash, localCertHash),
                                           QByteArray::fromStdString(hello.proof())))
        return std::nullopt;
    out.displayName = displayNameFromWire(hello.display_name(), MaxHelloNameLength);
    out.listenPort = quint16(std::min<quint32>(hello.listen_port(), 65535));
    out.contentVersion = std::clamp<quint32>(hello.content_version(), 1, ourContentVersion);
    out.linkVersion = std::min(hello.version(), HelloVersion);
    return out;
}

} // namespace sotto::net
