// SPDX-License-Identifier: GPL-3.0-or-later
// Contacts-only beacons (core/net/ContactBeacon, BeaconFilter): a contact who holds the
// sender's beacon key recognises it and learns where it listens; a stranger learns
// nothing, not even that two beacons came from the same node; forged, tampered, replayed
// and stale beacons are dropped; a rotated key stops the old holders; and a node that only
// knows signed beacons (link version 2) drops the new kind as malformed.
#include "core/net/BeaconFilter.h"
#include "core/net/Wire.pb.h"
#include "tests/support/SigningIdentity.h"
#include "tests/support/TestProfiles.h"

#include <QTest>

#include <limits>

using namespace sotto;
using namespace sotto::net;
using V = BeaconFilter::Verdict;

namespace {

const QHostAddress From(QStringLiteral("10.0.0.7"));
constexpr qint64 Now = 1'800'000'000'000;

// A node in contacts-only mode: its identity and its beacon key.
struct Hider : test::SigningIdentity {
    explicit Hider(crypto::SignalContext &ctx, const QString &name = QStringLiteral("Ann"), quint16 port = 4242)
        : SigningIdentity(ctx, name, port)
    {
        local.visibility = Visibility::ContactsOnly;
        local.beaconKey = std::make_shared<const BeaconKey>(BeaconKey::generate());
    }
    // What a contact holds after the link: our PeerId, identity key and a copy of the key.
    BeaconContact asContact() const
    {
        return {local.peer, local.identityKey, *BeaconKey::fromSecret(local.beaconKey->secret())};
    }
};

BeaconFilter filterKnowing(crypto::SignalContext &ctx, std::initializer_list<const Hider *> contacts)
{
    BeaconFilter filter(test::randomPeerId(), ctx);
    std::vector<BeaconContact> known;
    for (const Hider *h : contacts)
        known.push_back(h->asContact());
    filter.setContacts(std::move(known));
    return filter;
}

} // namespace

class TestContactBeacon : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

private Q_SLOTS:
    void aContactRecognisesItAndLearnsWhereItListens()
    {
        Hider ann(ctx), cem(ctx, QStringLiteral("Cem"), 5000);
        BeaconFilter bob = filterKnowing(ctx, {&cem, &ann});
        const QByteArray beacon = encodeOwnBeacon(ann.local, Now);
        QCOMPARE(beacon.size(), ContactBeaconSize);
        SeenPeer seen;
        QCOMPARE(bob.check(beacon, From, Now, seen), V::Accepted);
        QCOMPARE(seen.peer, ann.local.peer);
        QCOMPARE(seen.identityKey, ann.local.identityKey);
        QCOMPARE(seen.port, quint16(4242));
        QCOMPARE(seen.address, From);
        QCOMPARE(seen.timestampMs, Now);
        QCOMPARE(seen.kind, Visibility::ContactsOnly);
        QVERIFY(seen.displayName.isEmpty()); // no name travels; the contact knows it
        // Cem's, under his own key, is Cem's: never taken for Ann's.
        QCOMPARE(bob.check(encodeOwnBeacon(cem.local, Now), From, Now, seen), V::Accepted);
        QCOMPARE(seen.peer, cem.local.peer);
        QCOMPARE(seen.port, quint16(5000));
    }

    void aStrangerLearnsNothing()
    {
        Hider ann(ctx), longName(ctx, QString(64, u'x'), 65535);
        const QByteArray beacon = encodeOwnBeacon(ann.local, Now);
        // Nothing of who sent it is in it, in any encoding.
        const QByteArray rawPeerId = QByteArray::fromHex(ann.local.peer.toString().toLatin1());
        for (const QByteArray &needle : {ann.local.peer.toString().toLatin1(), rawPeerId, ann.local.identityKey,
                                         ann.local.identityKey.mid(1), QByteArray("Ann")})
            QVERIFY(!beacon.contains(needle));
        // Every contacts-only beacon has the same size, whatever the name or port.
        QCOMPARE(encodeOwnBeacon(longName.local, Now).size(), beacon.size());
        // A stranger's filter (no keys, or other contacts' keys) recognises nobody.
        Hider other(ctx);
        for (bool knowsOthers : {false, true}) {
            BeaconFilter stranger = knowsOthers ? filterKnowing(ctx, {&other}) : filterKnowing(ctx, {});
            SeenPeer seen;
            QCOMPARE(stranger.check(beacon, From, Now, seen), V::Unrecognised);
            QVERIFY(!seen.peer.isValid());
            QVERIFY(seen.identityKey.isEmpty());
            QCOMPARE(seen.port, quint16(0));
        }
    }

    void twoBeaconsOfOneNodeShareNoField()
    {
        Hider ann(ctx);
        const QByteArray a = encodeOwnBeacon(ann.local, Now);
        const QByteArray b = encodeOwnBeacon(ann.local, Now); // same node, same port, same millisecond
        QCOMPARE(a.left(1), b.left(1)); // the fixed kind byte, the same for every node
        QCOMPARE(quint8(a[0]), ContactBeaconKind);
        const auto field = [](const QByteArray &x, int from, int size) { return x.mid(from, size); };
        constexpr int nonceAt = 1, cipherAt = nonceAt + ContactBeaconNonceSize, tagAt = cipherAt + ContactBeaconPlaintextSize;
        QVERIFY(field(a, nonceAt, ContactBeaconNonceSize) != field(b, nonceAt, ContactBeaconNonceSize));
        QVERIFY(field(a, cipherAt, ContactBeaconPlaintextSize) != field(b, cipherAt, ContactBeaconPlaintextSize));
        QVERIFY(field(a, tagAt, ContactBeaconTagSize) != field(b, tagAt, ContactBeaconTagSize));
        // Past the kind byte they agree no more than random bytes do (about 114/256 places;
        // 20 or more happens to random bytes with a probability below 1e-9).
        int same = 0;
        for (int i = 1; i < a.size(); ++i)
            same += a[i] == b[i];
        QVERIFY2(same < 20, qPrintable(QString::number(same)));
    }

    void forgedAndTamperedBeaconsAreDropped()
    {
        Hider ann(ctx), cem(ctx, QStringLiteral("Cem"));
        BeaconFilter bob = filterKnowing(ctx, {&ann, &cem});
        SeenPeer seen;
        const QByteArray beacon = encodeOwnBeacon(ann.local, Now);
        // Any changed byte past the kind breaks the tag.
        for (int i = 1; i < beacon.size(); ++i) {
            QByteArray tampered = beacon;
            tampered[i] = char(tampered[i] ^ 0x01);
            QCOMPARE(bob.check(tampered, QHostAddress(QStringLiteral("10.0.%1.%2").arg(i / 200).arg(1 + i % 200)), Now, seen),
                     V::Unrecognised);
        }
        // Cut or lengthened: malformed before any key is tried.
        QCOMPARE(bob.check(beacon.left(ContactBeaconSize - 1), From, Now, seen), V::Malformed);
        QCOMPARE(bob.check(beacon + 'x', From, Now, seen), V::Malformed);
        QCOMPARE(bob.check(QByteArray(1, char(ContactBeaconKind)), From, Now, seen), V::Malformed);
        // A stranger with a key of its own is no one to Bob.
        Hider mallory(ctx, QStringLiteral("Mallory"));
        QCOMPARE(bob.check(encodeOwnBeacon(mallory.local, Now), From, Now, seen), V::Unrecognised);
        // Cem is Ann's contact too and knows her beacon key; a beacon under it that he signs
        // is not taken for Ann's.
        LocalIdentity cemAsAnn = cem.local;
        cemAsAnn.beaconKey = ann.local.beaconKey;
        QCOMPARE(bob.check(encodeOwnBeacon(cemAsAnn, Now), From, Now, seen), V::BadSignature);
        // Not even when Cem handed Bob Ann's key as his own: then it is Cem's beacon, and
        // Ann's own beacons are still Ann's.
        std::vector<BeaconContact> keys;
        keys.push_back(cem.asContact());
        keys.back().key = *BeaconKey::fromSecret(ann.local.beaconKey->secret());
        keys.push_back(ann.asContact());
        BeaconFilter fooled(test::randomPeerId(), ctx);
        fooled.setContacts(std::move(keys));
        QCOMPARE(fooled.check(encodeOwnBeacon(ann.local, Now), From, Now, seen), V::Accepted);
        QCOMPARE(seen.peer, ann.local.peer);
        QCOMPARE(fooled.check(encodeOwnBeacon(cemAsAnn, Now), From, Now, seen), V::Accepted);
        QCOMPARE(seen.peer, cem.local.peer);
    }

    void replayedAndStaleBeaconsAreDropped()
    {
        Hider ann(ctx);
        BeaconFilter bob = filterKnowing(ctx, {&ann});
        SeenPeer seen;
        const QByteArray beacon = encodeOwnBeacon(ann.local, Now);
        QCOMPARE(bob.check(beacon, From, Now, seen), V::Accepted);
        // The same beacon again, from anywhere (a replay from another address would point
        // Bob's dial there): refused.
        QCOMPARE(bob.check(beacon, QHostAddress(QStringLiteral("10.0.0.66")), Now + 100, seen), V::Replayed);
        QCOMPARE(bob.check(encodeOwnBeacon(ann.local, Now - 1), From, Now + 100, seen), V::Replayed);
        QCOMPARE(bob.check(encodeOwnBeacon(ann.local, Now + 1000), From, Now + 1000, seen), V::Accepted);
        // A recorded beacon is worth nothing 30 s on, and one from the future neither.
        QCOMPARE(filterKnowing(ctx, {&ann}).check(beacon, From, Now + 30001, seen), V::Stale);
        QCOMPARE(bob.check(encodeOwnBeacon(ann.local, Now + 31001), From, Now + 1000, seen), V::Stale);
        QCOMPARE(bob.check(encodeOwnBeacon(ann.local, std::numeric_limits<qint64>::min()), From, Now + 1000, seen), V::Stale);
        QCOMPARE(bob.check(encodeOwnBeacon(ann.local, std::numeric_limits<qint64>::max()), From, Now + 1000, seen), V::Stale);
        // Both kinds share one replay memory: switching to "everyone" and back does not
        // let an older beacon of either kind in.
        LocalIdentity everyone = ann.local;
        everyone.visibility = Visibility::Everyone;
        QCOMPARE(bob.check(encodeOwnBeacon(everyone, Now + 2000), From, Now + 2000, seen), V::Accepted);
        QCOMPARE(seen.kind, Visibility::Everyone);
        QCOMPARE(bob.check(encodeOwnBeacon(ann.local, Now + 1500), From, Now + 2000, seen), V::Replayed);
    }

    void aRotatedKeyStopsTheOldHolders()
    {
        Hider ann(ctx);
        BeaconFilter removed = filterKnowing(ctx, {&ann}); // holds the key from before
        SeenPeer seen;
        QCOMPARE(removed.check(encodeOwnBeacon(ann.local, Now), From, Now, seen), V::Accepted);
        ann.local.beaconKey = std::make_shared<const BeaconKey>(BeaconKey::generate());
        QCOMPARE(removed.check(encodeOwnBeacon(ann.local, Now + 1000), From, Now + 1000, seen), V::Unrecognised);
        BeaconFilter kept = filterKnowing(ctx, {&ann}); // was given the new one
        QCOMPARE(kept.check(encodeOwnBeacon(ann.local, Now + 1000), From, Now + 1000, seen), V::Accepted);
    }

    void ourOwnBeaconIsOurs()
    {
        Hider ann(ctx);
        BeaconFilter own(ann.local.peer, ctx);
        own.setOwnKey(ann.local.beaconKey);
        SeenPeer seen;
        QCOMPARE(own.check(encodeOwnBeacon(ann.local, Now), From, Now, seen), V::Own);
    }

    // Nothing that names us is sent in contacts-only mode, even without a key.
    void contactsOnlyWithoutAKeySendsNothing()
    {
        Hider ann(ctx);
        ann.local.beaconKey.reset();
        QVERIFY(encodeOwnBeacon(ann.local, Now).isEmpty());
        ann.local.visibility = Visibility::Everyone;
        wire::SignedBeacon signedBeacon;
        QVERIFY(signedBeacon.ParseFromString(encodeOwnBeacon(ann.local, Now).toStdString()));
    }

    // The example of docs/PROTOCOL.md ("The datagram"), computed independently of this code
    // (HMAC-SHA256, and XChaCha20 as HChaCha20 + ChaCha20, in Python): beacon key 32 × 0x5a,
    // nonce 00 01 … 17, port 47003, time 1,800,000,000,000, a "signature" of 64 × 0x11.
    void opensTheDocumentedExample()
    {
        const QByteArray datagram = QByteArray::fromHex(
            "07000102030405060708090a0b0c0d0e0f10111213141516178a6c6c7bfac544fda1ffcbf4538fa0089d0b05e254d76c884f9271738ceb456b"
            "23aad8a42a84ae81d252d11b7dffd386bb5e6cf0bf94c7f98276253edb9019ce44f26af2c631ebd2dcfbd689fc2d1f3caf5b510a9c09d4a13c26");
        QCOMPARE(datagram.size(), ContactBeaconSize);
        const QByteArray secret(32, '\x5a');
        const std::optional<BeaconKey> key = BeaconKey::fromSecret(crypto::SecretBytes(secret.constData(), 32));
        QVERIFY(key);
        const std::optional<ContactBeaconBody> body = key->open(datagram);
        QVERIFY(body);
        QCOMPARE(body->port, quint16(47003));
        QCOMPARE(body->timestampMs, Now);
        QCOMPARE(body->signature, QByteArray(64, '\x11'));
        QCOMPARE(body->signedMessage.toHex(), QByteArray("736f74746f2d626561636f6e2d636f6e74616374732d7631000102030405060708090a0b0c0d0e0f1011"
                                                         "121314151617b79b000001a3185c5000"));
        // Another key does not open it.
        QVERIFY(!BeaconKey::generate().open(datagram));
    }

    // A node of link version 2 parses every beacon as SignedBeacon: the kind byte (field 0,
    // wire type 7) makes that fail, so it drops the beacon as malformed and shows nothing.
    void olderNodesDropTheNewKind()
    {
        Hider ann(ctx);
        for (int i = 0; i < 500; ++i) {
            const QByteArray beacon = encodeOwnBeacon(ann.local, Now + i);
            wire::SignedBeacon parsed;
            QVERIFY(!parsed.ParseFromArray(beacon.constData(), int(beacon.size())));
        }
    }
};

QTEST_GUILESS_MAIN(TestContactBeacon)
#include "tst_contactbeacon.moc"
