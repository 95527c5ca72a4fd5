// SPDX-License-Identifier: GPL-3.0-or-later
// SessionManager's own rules: bounds checked before parsing, no session, a failing
// plaintext sink rolling the whole decrypt back (on the real SQLCipher store), and PreKey
// keys with X25519's ignored top bit set refused.
#include "tests/support/TestProfiles.h"

#include <QTest>

using namespace sotto;
using namespace sotto::protocol;

namespace {
std::expected<void, Error> accept(const QByteArray &) { return {}; }

// Where the last byte of a 33-byte key field of a serialized PreKey message is
// (0x33 || PreKeySignalMessage: baseKey is field 2, identityKey field 3), or -1.
qsizetype lastKeyByte(const QByteArray &message, int field)
{
    const auto varint = [&](qsizetype &at) {
        quint64 v = 0;
        for (int shift = 0; at < message.size(); shift += 7) {
            const quint8 b = quint8(message.at(at++));
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                break;
        }
        return v;
    };
    qsizetype at = 1;
    while (at < message.size()) {
        const quint64 tag = varint(at);
        if ((tag & 7) == 0) {
            varint(at);
            continue;
        }
        const qsizetype length = qsizetype(varint(at));
        if (int(tag >> 3) == field && length == 33)
            return at + 32;
        at += length;
    }
    return -1;
}
} // namespace

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
        const PeerId someone = PeerId::generate();
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

    // docs/PROTOCOL.md, Sealed messages: X25519 ignores the top bit of a key's last byte, so
    // a PreKey message with it set would still decrypt (the base key is under no MAC) and
    // store a key the sender never had. Refused, and nothing is stored.
    void preKeyKeysWithTheTopBitSetAreRefused_data()
    {
        QTest::addColumn<int>("field");
        QTest::newRow("base key") << 2;
        QTest::newRow("identity key") << 3;
    }
    void preKeyKeysWithTheTopBitSetAreRefused()
    {
        QFETCH(int, field);
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        auto sealed = alice.messenger().sessions().encrypt(bob.id(), "hello");
        QVERIFY(sealed);
        QCOMPARE(sealed->kind, MessageKind::PreKey);
        QByteArray tampered = sealed->bytes;
        const qsizetype at = lastKeyByte(tampered, field);
        QVERIFY(at > 0);
        QCOMPARE(quint8(tampered.at(at)) & 0x80, 0); // libsignal's keys have it clear
        tampered[at] = char(quint8(tampered.at(at)) | 0x80);
        SessionManager &b = bob.messenger().sessions();
        auto refused = b.decrypt(alice.id(), {MessageKind::PreKey, tampered}, accept);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Errc::InvalidKey);
        QVERIFY(!b.hasSession(alice.id()));
        QVERIFY(!bob.profile().protocolStore().identity(alice.id()));
        QVERIFY(b.decrypt(alice.id(), *sealed, accept)); // the genuine one still opens
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
