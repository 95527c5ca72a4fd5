// SPDX-License-Identifier: GPL-3.0-or-later
// One Sotto peer for the interop test with Signal's libsignal-client: a real profile
// (SQLCipher protocol store) and the Messenger the app uses for 1:1 messages, driven by
// JSON commands. It owns a throw-away profile; it knows nothing of Signal or of links
// (the driver plays the network, handing over bundles and ciphertexts).
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/messenger/Messenger.h"
#include "core/storage/Profile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace sotto::interop {

class InteropHarness {
public:
    InteropHarness();
    bool isValid() const { return m_messenger != nullptr; }

    // One command in, one reply out: {"ok": true, ...} or {"ok": false, "code", "reason"}.
    QJsonObject handle(const QJsonObject &command);

private:
    QJsonObject bundle();
    QJsonObject startSession(const QJsonObject &command);
    QJsonObject acceptRequest(const QJsonObject &command);
    QJsonObject send(const QJsonObject &command);
    QJsonObject receive(const QJsonObject &command);
    // What this peer sealed for `peer` since the last call (delivery receipts): the
    // driver forwards it as the network would.
    QJsonArray newlySealed(const protocol::PeerId &peer);

    crypto::SignalContext m_context;
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Profile> m_profile;
    std::unique_ptr<messenger::Messenger> m_messenger;
    std::int64_t m_lastReportedOutboxId = 0;
};

} // namespace sotto::interop
