// SPDX-License-Identifier: GPL-3.0-or-later
// Our bundle round-trips through protobuf; hostile bundles are refused before or by X3DH.
#include "core/protocol/InMemoryProtocolStore.h"
#include "core/protocol/SessionManager.h"

#include <QTest>

using namespace sotto;
using namespace sotto::protocol;

class TestPreKeyBundle : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

    std::unique_ptr<InMemoryProtocolStore> makeStore()
    {
        auto store = std::make_unique<InMemoryProtocolStore>();
        KeyMaintenance keys(ctx, *store);
        if (!keys.createLocalIdentity(1000))
            qFatal("identity");
        return store;
    }

private Q_SLOTS:
    void roundTrip()
    {
        auto store = makeStore();
        auto bundle = buildOwnBundle(ctx, *store);
        QVERIFY(bundle);
        QCOMPARE(bundle->identityKey, store->localIdentity()->publicKey);
        const QByteArray bytes = bundle->serialize();
        QVERIFY(bytes.size() < PreKeyBundle::MaxSerializedSize);
        auto parsed = PreKeyBundle::parse(bytes);
        QVERIFY(parsed);
        QCOMPARE(parsed->peer, bundle->peer);
        QCOMPARE(parsed->preKeyId, bundle->preKeyId);
        QCOMPARE(parsed->preKey, bundle->preKey);
        QCOMPARE(parsed->signedPreKeySignature, bundle->signedPreKeySignature);
        // Each bundle hands out another one-time prekey.
        QVERIFY(buildOwnBundle(ctx, *store)->preKeyId != bundle->preKeyId);
    }

    void hostileBytesAreRefused()
    {
        QVERIFY(!PreKeyBundle::parse(QByteArray(PreKeyBundle::MaxSerializedSize + 1, 'x')));
        QVERIFY(!PreKeyBundle::parse(QByteArray("\xff\xff\xff\xff garbage")));
        QVERIFY(!PreKeyBundle::parse(QByteArray()));
        auto store = makeStore();
        PreKeyBundle b = *buildOwnBundle(ctx, *store);
        PreKeyBundle shortKey = b;
        shortKey.identityKey.chop(1);
        QVERIFY(!PreKeyBundle::parse(shortKey.serialize()));
        PreKeyBundle idWithoutKey = b;
        idWithoutKey.preKey.clear();
        QVERIFY(!PreKeyBundle::parse(idWithoutKey.serialize()));
    }

    // A bundle cannot speak for another PeerId than its identity key's: Mallory's bundle
    // under Bob's PeerId is refused before X3DH could store her key for Bob.
    void bundleForAnotherPeerIdIsRefused()
    {
        auto bob = makeStore(), mallory = makeStore();
        PreKeyBundle forged = *buildOwnBundle(ctx, *mallory);
        forged.peer = bob->localIdentity()->peer;
        auto parsed = PreKeyBundle::parse(forged.serialize());
        QVERIFY(!parsed);
        QVERIFY(parsed.error().reason.contains(QStringLiteral("identity key")));
        QVERIFY(PreKeyBundle::parse(buildOwnBundle(ctx, *bob)->serialize()));
    }

    void forgedSignatureFailsX3dh()
    {
        auto bob = makeStore();
        auto alice = makeStore();
        PreKeyBundle b = *buildOwnBundle(ctx, *bob);
        b.signedPreKeySignature[10] = char(b.signedPreKeySignature[10] ^ 0x40);
        SessionManager sessions(ctx, *alice);
        auto r = sessions.startSession(*PreKeyBundle::parse(b.serialize()));
        QVERIFY(!r);
        QCOMPARE(r.error().code, Errc::InvalidKey);
        QVERIFY(!sessions.hasSession(b.peer));
    }

    void bundleWithoutOneTimePreKeyStillWorks()
    {
        auto bob = makeStore();
        auto alice = makeStore();
        PreKeyBundle b = *buildOwnBundle(ctx, *bob);
        b.preKeyId = 0;
        b.preKey.clear();
        SessionManager aliceSessions(ctx, *alice), bobSessions(ctx, *bob);
        QVERIFY(aliceSessions.startSession(*PreKeyBundle::parse(b.serialize())));
        auto sealed = aliceSessions.encrypt(b.peer, "hi");
        QVERIFY(sealed);
        QByteArray got;
        auto r = bobSessions.decrypt(alice->localIdentity()->peer, *sealed, [&](const QByteArray &p) -> std::expected<void, Error> {
            got = p;
            return {};
        });
        QVERIFY(r);
        QCOMPARE(got, QByteArray("hi"));
    }
};

QTEST_GUILESS_MAIN(TestPreKeyBundle)
#include "tst_prekeybundle.moc"
