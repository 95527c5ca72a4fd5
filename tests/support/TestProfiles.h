// SPDX-License-Identifier: GPL-3.0-or-later
// Test support: profiles in temporary folders (with cheap Argon2id limits so that a suite
// can make dozens), two-party fixtures, and small file helpers. Never used by the program.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/messenger/Messenger.h"
#include "core/storage/Profile.h"

#include <QTemporaryDir>

#include <memory>

namespace sotto::test {

crypto::SecretBytes passphrase(const char *text);
// The PeerId of a random key no one holds: a peer that only ever appears in storage.
protocol::PeerId randomPeerId();

// A profile in its own temporary folder, opened, with a messenger over it.
class TestPeer {
public:
    explicit TestPeer(crypto::SignalContext &context, const QString &name = QStringLiteral("peer"));
    ~TestPeer();

    // Closes everything (fresh objects on reopen: nothing survives in memory).
    void close();
    void reopen();

    const QString &dir() const { return m_dirPath; }
    storage::Profile &profile() { return *m_profile; }
    messenger::Messenger &messenger() { return *m_messenger; }
    protocol::PeerId id() const { return m_profile->peerId(); }

private:
    crypto::SignalContext &m_context;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dirPath;
    std::unique_ptr<storage::Profile> m_profile;
    std::unique_ptr<messenger::Messenger> m_messenger;
};

// Makes `a` start a session with `b` from b's bundle (X3DH).
void introduce(TestPeer &a, TestPeer &b, const QString &nameOfB = QStringLiteral("b"));

QByteArray readFile(const QString &path);

} // namespace sotto::test
