// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/TestProfiles.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

namespace sotto::test {

crypto::SecretBytes passphrase(const char *text) { return crypto::SecretBytes(text, std::strlen(text)); }

protocol::PeerId randomPeerId()
{
    QByteArray key(33, Qt::Uninitialized);
    key[0] = 0x05;
    for (int i = 1; i < key.size(); ++i)
        key[i] = char(QRandomGenerator::global()->bounded(256));
    return protocol::PeerId::fromIdentityKey(key);
}

TestPeer::TestPeer(crypto::SignalContext &context, const QString &name)
    : m_context(context)
    , m_tmp(std::make_unique<QTemporaryDir>())
    , m_dirPath(m_tmp->filePath(QStringLiteral("profile")))
{
    storage::ProfileOptions options;
    options.kdf = storage::Vault::Strength::FastForTests;
    auto created = storage::Profile::create(m_dirPath, name, passphrase("correct horse"), context, options);
    if (!created)
        qFatal("test profile: %s", qPrintable(created.error().reason));
    m_profile = std::move(*created);
    m_messenger = std::make_unique<messenger::Messenger>(context, *m_profile);
}

TestPeer::~TestPeer() { close(); }

void TestPeer::close()
{
    m_messenger.reset();
    m_profile.reset();
}

void TestPeer::reopen()
{
    close();
    auto opened = storage::Profile::unlock(m_dirPath, passphrase("correct horse"));
    if (!opened)
        qFatal("test profile reopen: %s", qPrintable(opened.error().reason));
    m_profile = std::move(*opened);
    m_messenger = std::make_unique<messenger::Messenger>(m_context, *m_profile);
}

void introduce(TestPeer &a, TestPeer &b, const QString &nameOfB)
{
    auto bundle = b.messenger().bundle();
    if (!bundle)
        qFatal("bundle: %s", qPrintable(bundle.error().reason));
    auto added = a.messenger().addContact(*bundle, nameOfB);
    if (!added)
        qFatal("addContact: %s", qPrintable(added.error().reason));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace sotto::test
