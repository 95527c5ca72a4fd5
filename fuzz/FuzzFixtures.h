// SPDX-License-Identifier: GPL-3.0-or-later
// What the fuzz targets and the seed generator (make_corpus) agree on: a fixed clock and
// fixed certificate hashes, so that the committed seeds stay valid inputs (fresh beacons,
// verifying link proofs) and every run of a target starts from the same state.
#pragma once

#include "core/protocol/PeerId.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <google/protobuf/stubs/logging.h>

namespace sotto::fuzz {

// The clock the beacon target runs at (2027-01-15); seeds are signed at this time.
inline constexpr qint64 NowMs = 1'800'000'000'000;

// Our side of the fuzzed link and beacon filter; never the seeds' sender.
inline protocol::PeerId selfPeer() { return protocol::PeerId::fromString(QStringLiteral("ffeeddccbbaa99887766554433221100")); }

// TLS certificate fingerprints of the fuzzed connection: the peer's and ours.
inline QByteArray peerCertHash() { return QByteArray(32, '\x11'); }
inline QByteArray localCertHash() { return QByteArray(32, '\x22'); }

// Millions of "dropped a message" lines (ours) and "invalid UTF-8" lines (protobuf's) would
// cost more than the code under test; only fatal messages are left (none are expected).
inline void quietLogs()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false\n*.warning=false\n*.critical=false"));
    google::protobuf::SetLogHandler(nullptr);
}

} // namespace sotto::fuzz
