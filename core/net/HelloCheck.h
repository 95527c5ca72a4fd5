// SPDX-License-Identifier: GPL-3.0-or-later
// The link proof on its own: what a peer's Hello must hold (a peer id, a 33-byte identity
// key, a signature by that key over both certificates' hashes) and what we take from it.
// No socket here, so the rules can be tested and fuzzed; Link owns the connection.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/net/Wire.pb.h"
#include "core/protocol/PeerId.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sotto::net {


inline constexpr int MaxHelloNameLength = 64;
// Version 2: PeerIds are the hash of the identity key (version 1's were random); a
// version 1 Hello is refused (docs/PROTOCOL.md, "How old and new peers meet").
// Version 3: the BeaconKey frame (contacts-only beacons); a version 2 peer is still
// linked to, and is sent no BeaconKey.
inline constexpr quint32 HelloVersion = 3;
inline constexpr quint32 MinHelloVersion = 2;
inline constexpr quint32 BeaconKeyLinkVersion = 3;

struct PeerHello {
    protocol::PeerId peer;
    QByteArray identityKey;
    QString displayName;     // at most MaxHelloNameLength characters
    quint16 listenPort = 0;
    quint32 contentVersion = 1; // the lower of theirs and ours
    quint32 linkVersion = MinHelloVersion; // the lower of theirs and ours
};

// A display name as it comes from the network (Hello, beacon), made safe to show: control
// and format characters (Cc, Cf: newlines, bidi overrides and isolates, invisible marks) and
// line or paragraph separators are removed, except the zero-width joiner (emoji sequences);
// then cut to `maxLength`. A name must not forge lines where it is shown ("Bob: read\nCarol:
// read" in a receipts tooltip) or reorder the text around it.
QString displayNameFromWire(const std::string &raw, int maxLength);

// What a Hello's proof signs: a fixed context, the signer's certificate hash, the other's.
QByteArray helloProofMessage(const QByteArray &signerCertHash, const QByteArray &otherCertHash);

// Empty when the Hello is malformed, of version 1, names a PeerId that is not its key's,
// comes from ourselves, or its proof does not verify. `peerCertHash`/`localCertHash` are
// the TLS certificate fingerprints of this connection. `refusal`, if given, says why when
// it is more than a bad proof (logged as the link's close reason).
std::optional<PeerHello> checkHello(crypto::SignalContext &context, const wire::Hello &hello, const protocol::PeerId &self,
                                    const QByteArray &peerCertHash, const QByteArray &localCertHash, quint32 ourContentVersion,
                                    QString *refusal = nullptr);

} // namespace sotto::net
