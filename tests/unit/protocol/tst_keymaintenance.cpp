// SPDX-License-Identifier: GPL-3.0-or-later
// Key material at creation, prekey replenishment and signed prekey rotation on a clock
// we control.
#include "core/protocol/InMemoryProtocolStore.h"
#include "core/protocol/KeyMaintenance.h"

#include <QTest>

using namespace sotto;
using namespace sotto::protocol;

namespace {
constexpr std::int64_t Day = 24LL * 3600 * 1000;
}

class TestKeyMaintenance : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

private Q_SLOTS:
    void creationMakesIdentityPoolAndSignedPreKey()
    {
        InMemoryProtocolStore store;
        KeyMaintenance keys(ctx, store);
        const auto me = keys.createLocalIdentity(0);
        QVERIFY(me);
        auto local = store.localIdentity();
        QVERIFY(local);
        QCOMPARE(local->peer, *me);
        QCOMPARE(*me, PeerId::fromIdentityKey(local->publicKey)); // named by its key
        QCOMPARE(local->publicKey.size(), 33);
        QCOMPARE(local->privateKey.size(), std::size_t(32));
        QVERIFY(local->registrationId > 0);
        QCOMPARE(store.preKeyCount(), 100);
        QCOMPARE(store.signedPreKeys().size(), std::size_t(1));
    }

    void replenishesBelowTwentyOnly()
    {
        InMemoryProtocolStore store;
        KeyMaintenance keys(ctx, store);
        QVERIFY(keys.createLocalIdentity(0));
        for (int i = 0; i < 80; ++i)
            store.takeFreshPreKeyId();
        QCOMPARE(store.freshPreKeyCount(), 20);
        QCOMPARE(keys.replenishPreKeys().value(), 0);
        store.takeFreshPreKeyId();
        QCOMPARE(keys.replenishPreKeys().value(), 81);
        QCOMPARE(store.freshPreKeyCount(), 100);
        // New ids never reuse old ones.
        QVERIFY(store.containsPreKey(181));
        QVERIFY(!store.containsPreKey(182));
    }

    void signedPreKeyRotatesWeeklyAndOldOnesExpire()
    {
        InMemoryProtocolStore store;
        KeyMaintenance keys(ctx, store);
        QVERIFY(keys.createLocalIdentity(0));
        QVERIFY(keys.rotateSignedPreKey(6 * Day));
        QCOMPARE(store.signedPreKeys().size(), std::size_t(1));
        QVERIFY(keys.rotateSignedPreKey(7 * Day));
        QCOMPARE(store.signedPreKeys().size(), std::size_t(2));
        QCOMPARE(store.signedPreKeys().front().createdAtMs, 7 * Day);
        QVERIFY(keys.rotateSignedPreKey(14 * Day));
        QVERIFY(keys.rotateSignedPreKey(21 * Day));
        QCOMPARE(store.signedPreKeys().size(), std::size_t(4));
        QVERIFY(keys.rotateSignedPreKey(30 * Day)); // the first (day 0) is now 30 days old
        QCOMPARE(store.signedPreKeys().size(), std::size_t(4)); // a day-30 key made, the day-0 one dropped
        QVERIFY(!store.containsSignedPreKey(1));
        // After a long sleep: a fresh key, and every expired one gone.
        QVERIFY(keys.rotateSignedPreKey(400 * Day));
        auto left = store.signedPreKeys();
        QCOMPARE(left.size(), std::size_t(1));
        QCOMPARE(left.front().createdAtMs, 400 * Day);
    }
};

QTEST_GUILESS_MAIN(TestKeyMaintenance)
#include "tst_keymaintenance.moc"
