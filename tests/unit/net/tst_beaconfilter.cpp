// SPDX-License-Identifier: GPL-3.0-or-later
// Which beacons are believed: signed by the key they carry, fresh, newer than the last,
// not ours, well formed, small, and not part of a flood.
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

struct Announcer : test::SigningIdentity {
    explicit Announcer(crypto::SignalContext &ctx)
        : SigningIdentity(ctx, QStringLiteral("Ann"), 4242)
    {
    }
};

const QHostAddress From(QStringLiteral("10.0.0.7"));
constexpr qint64 Now = 1'800'000'000'000;

} // namespace

class TestBeaconFilter : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

private Q_SLOTS:
    void acceptsAGoodBeaconOnce()
    {
        Announcer ann(ctx);
        BeaconFilter filter(test::randomPeerId(), ctx);
        SeenPeer seen;
        const QByteArray beacon = encodeBeacon(ann.local, Now);
        QCOMPARE(filter.check(beacon, From, Now, seen), V::Accepted);
        QCOMPARE(seen.peer, ann.local.peer);
        QCOMPARE(seen.identityKey, ann.local.identityKey);
        QCOMPARE(seen.displayName, QStringLiteral("Ann"));
        QCOMPARE(seen.port, quint16(4242));
        QCOMPARE(seen.address, From);
        QCOMPARE(filter.check(beacon, From, Now + 500, seen), V::Replayed);
        QCOMPARE(filter.check(encodeBeacon(ann.local, Now - 1), From, Now + 500, seen), V::Replayed);
        QCOMPARE(filter.check(encodeBeacon(ann.local, Now + 1000), From, Now + 1000, seen), V::Accepted);
    }

    void refusesForgedUnsignedAndTampered()
    {
        Announcer ann(ctx), mallory(ctx);
        BeaconFilter filter(test::randomPeerId(), ctx);
        SeenPeer seen;
        // Mallory claims Ann's identity key but can only sign with her own.
        LocalIdentity forged = ann.local;
        forged.sign = mallory.local.sign;
        QCOMPARE(filter.check(encodeBeacon(forged, Now), From, Now, seen), V::BadSignature);
        // Unsigned.
        wire::SignedBeacon parsed;
        QVERIFY(parsed.ParseFromString(encodeBeacon(ann.local, Now).toStdString()));
        wire::SignedBeacon unsigned_ = parsed;
        unsigned_.clear_signature();
        QCOMPARE(filter.check(QByteArray::fromStdString(unsigned_.SerializeAsString()), From, Now, seen), V::Malformed);
        // A changed port under the original signature.
        wire::Beacon body;
        QVERIFY(body.ParseFromString(parsed.beacon()));
        body.set_port(1);
        wire::SignedBeacon tampered = parsed;
        tampered.set_beacon(body.SerializeAsString());
        QCOMPARE(filter.check(QByteArray::fromStdString(tampered.SerializeAsString()), From, Now, seen), V::BadSignature);
        // Garbage and oversized datagrams.
        QCOMPARE(filter.check(QByteArray("\xff\xfe garbage"), From, Now, seen), V::Malformed);
        QCOMPARE(filter.check(QByteArray(BeaconFilter::MaxDatagram + 1, 'x'), From, Now, seen), V::TooLarge);
    }

    // PeerIds are self-certifying: Mallory, signing with her own key, cannot announce
    // herself under Ann's PeerId (the attack that froze conversations in version 1).
    void refusesAPeerIdThatIsNotTheKeys()
    {
        Announcer ann(ctx), mallory(ctx);
        BeaconFilter filter(test::randomPeerId(), ctx);
        SeenPeer seen;
        LocalIdentity claimsAnn = mallory.local;
        claimsAnn.peer = ann.local.peer;
        QCOMPARE(filter.check(encodeBeacon(claimsAnn, Now), From, Now, seen), V::ForeignId);
        // Ann's own beacons are still believed afterwards.
        QCOMPARE(filter.check(encodeBeacon(ann.local, Now + 1), From, Now + 1, seen), V::Accepted);
        QCOMPARE(seen.peer, protocol::PeerId::fromIdentityKey(ann.local.identityKey));
    }

    // We dial a beacon's source: one from the unspecified address (which Linux dials as
    // this very host), a multicast or the broadcast address is dropped.
    void refusesBeaconsFromAddressesWeMustNotDial()
    {
        Announcer ann(ctx);
        BeaconFilter filter(test::randomPeerId(), ctx);
        SeenPeer seen;
        for (const char *from : {"0.0.0.0", "::", "255.255.255.255", "239.255.77.77", "ff02::1"})
            QCOMPARE(filter.check(encodeBeacon(ann.local, Now), QHostAddress(QLatin1String(from)), Now, seen), V::BadSource);
        QCOMPARE(filter.check(encodeBeacon(ann.local, Now), From, Now, seen), V::Accepted);
    }

    void refusesStaleAndOwn()
    {
        Announcer ann(ctx);
        SeenPeer seen;
        BeaconFilter filter(test::randomPeerId(), ctx);
        QCOMPARE(filter.check(encodeBeacon(ann.local, Now - 31000), From, Now, seen), V::Stale);
        QCOMPARE(filter.check(encodeBeacon(ann.local, Now + 31000), From, Now, seen), V::Stale);
        // Extreme times once overflowed the skew computation (UBSan: scripts/sanitize.sh).
        QCOMPARE(filter.check(encodeBeacon(ann.local, std::numeric_limits<qint64>::min()), From, Now, seen), V::Stale);
        QCOMPARE(filter.check(encodeBeacon(ann.local, std::numeric_limits<qint64>::max()), From, Now, seen), V::Stale);
        BeaconFilter own(ann.local.peer, ctx);
        QCOMPARE(own.check(encodeBeacon(ann.local, Now), From, Now, seen), V::Own);
    }

    void floodingSourceIsCut()
    {
        Announcer ann(ctx);
        BeaconFilter filter(test::randomPeerId(), ctx);
        SeenPeer seen;
        int accepted = 0, limited = 0;
        for (int i = 0; i < 100; ++i) {
            const V v = filter.check(encodeBeacon(ann.local, Now + i), From, Now + i, seen);
            accepted += v == V::Accepted;
            limited += v == V::RateLimited;
        }
        QCOMPARE(accepted, BeaconFilter::MaxPerSourcePerSecond);
        QCOMPARE(limited, 100 - BeaconFilter::MaxPerSourcePerSecond);
        // Another source is not affected, and the window reopens a second later.
        QCOMPARE(filter.check(encodeBeacon(ann.local, Now + 200), QHostAddress(QStringLiteral("10.0.0.8")), Now + 200, seen), V::Accepted);
        QCOMPARE(filter.check(encodeBeacon(ann.local, Now + 1200), From, Now + 1200, seen), V::Accepted);
    }
};

QTEST_GUILESS_MAIN(TestBeaconFilter)
#include "tst_beaconfilter.moc"
