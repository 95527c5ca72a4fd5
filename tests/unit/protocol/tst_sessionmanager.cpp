// SPDX-License-Identifier: GPL-3.0-or-later
// SessionManager's own rules: bounds checked before parsing, no session, and a failing
// plaintext sink rolling the whole decrypt back (on the real SQLCipher store).
#include "tests/support/TestProfiles.h"

#include <QTest>

using namespace sotto;
using namespace sotto::protocol;

namespace {
std::expected<void, Error> accept(const QByteArray &) { return {}; }
}

class TestSessionManager : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

private Q_SLOTS:
    void encryptWithoutSessionSaysSo()
    {
        test::TestPeer alice(ctx), bob(ctx);
        // A known contact without a session (as after accepting a changed key).
        test::introduce(alice, bob);
        alice.profile().protocolStore().deleteAllSessions(bob.id());
        auto r = alice.messenger().sessions().encrypt(bob.id(), "x");
        QVERIFY(!r);
        QCOMPARE(r.error().code, Errc::NoSession);
    }

    void boundsAreCheckedBeforeParsing()
    {
        test::TestPeer bob(ctx);
        SessionManager &s = bob.messenger().sessions();
        const PeerId someone = test::randomPeerId();
        auto tooBig = s.decrypt(someone, {MessageKind::Whisper, QByteArray(SessionManager::MaxCiphertextSize + 1, '\x33')}, accept);
        QCOMPARE(tooBig.error().code, Errc::InvalidMessage);
        auto empty = s.decrypt(someone, {MessageKind::Whisper, {}}, accept);
        QCOMPARE(empty.error().code, Errc::InvalidMessage);
        auto badKind = s.decrypt(someone, {MessageKind(7), QByteArray(40, '\x33')}, accept);
        QCOMPARE(badKind.error().code, Errc::InvalidMessage);
        auto badVersion = s.decrypt(someone, {MessageKind::Whisper, QByteArray(40, '\x22')}, accept);
        QCOMPARE(badVersion.error().code, Errc::InvalidMessage);
        auto garbage = s.decrypt(someone, {MessageKind::PreKey, QByteArray("\x33garbage")}, accept);
        QCOMPARE(garbage.error().code, Errc::InvalidMessage);
        auto tooLong = bob.messenger().sessions().encrypt(someone, QByteArray(SessionManager::MaxPlaintextSize + 1, 'a'));
        QCOMPARE(tooLong.error().code, Errc::InvalidMessage);
    }

    void failingSinkRollsEverythingBack()
    {
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        SessionManager &a = alice.messenger().sessions();
        SessionManager &b = bob.messenger().sessions();
        auto first = a.encrypt(bob.id(), "first");
        const int preKeysBefore = bob.profile().protocolStore().preKeyCount();
        auto failed = b.decrypt(alice.id(), *first, [](const QByteArray &) -> std::expected<void, Error> {
            return std::unexpected(Error{Errc::StoreFailed, QStringLiteral("disk full")});
        });
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, Errc::StoreFailed);
        // Nothing moved: no session, no contact, the one-time prekey still there.
        QVERIFY(!b.hasSession(alice.id()));
        QVERIFY(!bob.profile().protocolStore().identity(alice.id()));
        QCOMPARE(bob.profile().protocolStore().preKeyCount(), preKeysBefore);
        // So the very same message decrypts when tried again.
        QByteArray got;
        QVERIFY(b.decrypt(alice.id(), *first, [&](const QByteArray &p) -> std::expected<void, Error> {
            got = p;
            return {};
        }));
        QCOMPARE(got, QByteArray("first"));
        QCOMPARE(bob.profile().protocolStore().preKeyCount(), preKeysBefore - 1);
    }
};

QTEST_GUILESS_MAIN(TestSessionManager)
#include "tst_sessionmanager.moc"
