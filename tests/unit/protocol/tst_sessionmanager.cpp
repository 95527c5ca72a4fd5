// SPDX-License-Identifier: GPL-3.0-or-later
// SessionManager's own rules: bounds checked before parsing, no session, the version
// bytes libsignal accepts, a failing plaintext sink rolling the whole decrypt back (on the
// real SQLCipher store), and PreKey keys with X25519's ignored top bit set refused.
#include "core/crypto/SignalHandles.h"
#include "tests/support/TestProfiles.h"

#include <QMessageAuthenticationCode>
#include <QTest>

#include <signal/curve.h>
#include <signal/ratchet.h>
#include <signal/session_record.h>
#include <signal/session_state.h>

using namespace sotto;
using namespace sotto::protocol;

namespace {
std::expected<void, Error> accept(const QByteArray &) { return {}; }

CipherMessage withFirstByte(CipherMessage m, char first)
{
    m.bytes[0] = first;
    return m;
}

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

// Decrypts and returns the plaintext, or the error.
std::expected<QByteArray, Error> decryptText(SessionManager &s, const PeerId &from, const CipherMessage &m)
{
    QByteArray got;
    auto r = s.decrypt(from, m, [&](const QByteArray &p) -> std::expected<void, Error> {
        got = p;
        return {};
    });
    if (!r)
        return std::unexpected(r.error());
    return got;
}

QByteArray serialized(ec_public_key *key)
{
    signal_buffer *raw = nullptr;
    if (ec_public_key_serialize(&raw, key) != SG_SUCCESS)
        return {};
    crypto::SignalBuffer owned(raw);
    return crypto::toByteArray(raw);
}

// The MAC key and identities `sender` will use for its next message to `to`, read from
// its stored session: what a Whisper message's 8-byte MAC is computed with.
struct NextMacInput {
    QByteArray macKey, senderIdentity, receiverIdentity;
};

std::optional<NextMacInput> nextMacInput(test::TestPeer &sender, const PeerId &to, crypto::SignalContext &ctx)
{
    std::optional<QByteArray> stored = sender.profile().protocolStore().loadSession(to, 1);
    if (!stored)
        return std::nullopt;
    crypto::Adopt<session_record> record;
    if (session_record_deserialize(record.out(), reinterpret_cast<const uint8_t *>(stored->constData()), size_t(stored->size()), ctx.get())
        != SG_SUCCESS)
        return std::nullopt;
    auto owned = record.take();
    session_state *state = session_record_get_state(owned.get());
    ratchet_message_keys keys;
    if (!state || ratchet_chain_key_get_message_keys(session_state_get_sender_chain_key(state), &keys) != SG_SUCCESS)
        return std::nullopt;
    return NextMacInput{QByteArray(reinterpret_cast<const char *>(keys.mac_key), sizeof keys.mac_key),
                        serialized(session_state_get_local_identity_key(state)), serialized(session_state_get_remote_identity_key(state))};
}

// Rewrites a Whisper message as a sender writing `first` would have: the version byte
// is under the MAC (HMAC-SHA256 over both identities and the message, first 8 bytes).
CipherMessage rewrittenWithMac(CipherMessage m, char first, const NextMacInput &in)
{
    m.bytes[0] = first;
    m.bytes.chop(8);
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, in.macKey);
    mac.addData(in.senderIdentity);
    mac.addData(in.receiverIdentity);
    mac.addData(m.bytes);
    m.bytes.append(mac.result().left(8));
    return m;
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
        const PeerId someone = test::randomPeerId();
        auto tooBig = s.decrypt(someone, {MessageKind::Whisper, QByteArray(SessionManager::MaxCiphertextSize + 1, '\x33')}, accept);
        QCOMPARE(tooBig.error().code, Errc::InvalidMessage);
        auto empty = s.decrypt(someone, {MessageKind::Whisper, {}}, accept);
        QCOMPARE(empty.error().code, Errc::InvalidMessage);
        auto badKind = s.decrypt(someone, {MessageKind(7), QByteArray(40, '\x33')}, accept);
        QCOMPARE(badKind.error().code, Errc::InvalidMessage);
        auto badVersion = s.decrypt(someone, {MessageKind::Whisper, QByteArray(40, '\x22')}, accept);
        QCOMPARE(badVersion.error().code, Errc::InvalidMessage);
        // Too short to be a message: refused as invalid (so the envelope is rejected), not
        // passed to libsignal, whose SG_ERR_INVAL read as an internal failure.
        for (int n = 1; n < 10; ++n)
            QCOMPARE(s.decrypt(someone, {MessageKind::Whisper, QByteArray(n, '\x33')}, accept).error().code, Errc::InvalidMessage);
        QCOMPARE(s.decrypt(someone, {MessageKind::PreKey, QByteArray(1, '\x33')}, accept).error().code, Errc::InvalidMessage);
        auto garbage = s.decrypt(someone, {MessageKind::PreKey, QByteArray("\x33garbage")}, accept);
        QCOMPARE(garbage.error().code, Errc::InvalidMessage);
        auto tooLong = bob.messenger().sessions().encrypt(someone, QByteArray(SessionManager::MaxPlaintextSize + 1, 'a'));
        QCOMPARE(tooLong.error().code, Errc::InvalidMessage);
    }

    // Signal's current library writes 0x34 for version-3 messages; libsignal-protocol-c
    // reads only the high nibble. A PreKey message's first byte is outside every MAC, so
    // flipping it on a real message is exactly what a 0x3X sender's message looks like.
    void preKeyVersionByteFollowsLibsignal()
    {
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        SessionManager &a = alice.messenger().sessions();
        SessionManager &b = bob.messenger().sessions();
        std::vector<CipherMessage> sent;
        for (const char *text : {"one", "two", "three", "four"}) {
            auto m = a.encrypt(bob.id(), text);
            QVERIFY(m);
            QCOMPARE(m->kind, MessageKind::PreKey); // until Bob answers
            QCOMPARE(m->bytes.at(0), '\x33');
            sent.push_back(*m);
        }
        // Versions the C decoder refuses stay refused, and nothing is stored.
        for (char bad : {'\x03', '\x13', '\x23', '\x24', '\x43', '\x44', '\xf3'}) {
            auto r = decryptText(b, alice.id(), withFirstByte(sent[0], bad));
            QVERIFY2(!r, qPrintable(QString::number(uchar(bad), 16)));
            QCOMPARE(r.error().code, Errc::InvalidMessage);
        }
        QVERIFY(!b.hasSession(alice.id()));
        // Version 3 with any supported-version nibble decrypts.
        QCOMPARE(decryptText(b, alice.id(), withFirstByte(sent[0], '\x34')).value_or("failed"), QByteArray("one"));
        QCOMPARE(decryptText(b, alice.id(), withFirstByte(sent[1], '\x30')).value_or("failed"), QByteArray("two"));
        QCOMPARE(decryptText(b, alice.id(), withFirstByte(sent[2], '\x3f')).value_or("failed"), QByteArray("three"));
        QCOMPARE(decryptText(b, alice.id(), sent[3]).value_or("failed"), QByteArray("four"));
        // Another encoding of a message already read is only a replay.
        auto replay = decryptText(b, alice.id(), withFirstByte(sent[0], '\x33'));
        QVERIFY(!replay);
        QCOMPARE(replay.error().code, Errc::Duplicate);
    }

    // In a Whisper message the version byte is under the MAC: a 0x34 message decrypts
    // only when its sender wrote (and MACed) 0x34, as Signal's library does.
    void whisperVersionByteFollowsLibsignal()
    {
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        SessionManager &a = alice.messenger().sessions();
        SessionManager &b = bob.messenger().sessions();
        QVERIFY(decryptText(b, alice.id(), *a.encrypt(bob.id(), "hello")));
        QVERIFY(decryptText(a, bob.id(), *b.encrypt(alice.id(), "hi")));

        for (const char *text : {"first", "second"}) {
            std::optional<NextMacInput> in = nextMacInput(alice, bob.id(), ctx);
            QVERIFY(in);
            auto m = a.encrypt(bob.id(), text);
            QVERIFY(m);
            QCOMPARE(m->kind, MessageKind::Whisper);
            QCOMPARE(m->bytes.at(0), '\x33');
            // Flipped without the sender's MAC: refused (and nothing moved).
            auto flipped = decryptText(b, alice.id(), withFirstByte(*m, '\x34'));
            QVERIFY(!flipped);
            QCOMPARE(flipped.error().code, Errc::InvalidMessage);
            // Refused before parsing even with a valid MAC: versions the C library never
            // decrypts (0x2X passes its decoder, then fails the session-version check).
            for (char bad : {'\x23', '\x43'}) {
                auto r = decryptText(b, alice.id(), rewrittenWithMac(*m, bad, *in));
                QVERIFY(!r);
                QCOMPARE(r.error().code, Errc::InvalidMessage);
            }
            // Written as 0x34 by its sender: decrypts.
            QCOMPARE(decryptText(b, alice.id(), rewrittenWithMac(*m, '\x34', *in)).value_or("failed"), QByteArray(text));
        }
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
