// SPDX-License-Identifier: GPL-3.0-or-later
// The messenger's part in contacts-only beacons, on real profiles: our beacon key is made
// once and kept; blocking or merging away a contact replaces it (the removed one stops
// recognising us); a contact's key is kept only for a contact we have not blocked; the
// "Visible to" setting survives a restart and defaults to everyone.
#include "tests/support/TestProfiles.h"

#include <QTest>

using namespace sotto;

namespace {

QByteArray bytesOf(const crypto::SecretBytes &s) { return QByteArray(reinterpret_cast<const char *>(s.data()), qsizetype(s.size())); }

QByteArray ownKey(test::TestPeer &peer)
{
    auto key = peer.messenger().ownBeaconKey();
    if (!key)
        qFatal("no beacon key: %s", qPrintable(key.error().reason));
    return bytesOf(*key);
}

} // namespace

class TestBeaconKeys : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

private Q_SLOTS:
    void ourKeyIsMadeOnceAndKept()
    {
        test::TestPeer ann(ctx, QStringLiteral("ann"));
        QVERIFY(!ann.profile().protocolStore().ownBeaconKey()); // none before it is needed
        const QByteArray key = ownKey(ann);
        QCOMPARE(key.size(), 32);
        QCOMPARE(ownKey(ann), key);
        ann.reopen();
        QCOMPARE(ownKey(ann), key);
    }

    void blockingAContactReplacesOurKey()
    {
        test::TestPeer ann(ctx, QStringLiteral("ann")), bob(ctx, QStringLiteral("bob"));
        test::introduce(ann, bob);
        const QByteArray before = ownKey(ann);
        int told = 0;
        ann.messenger().setBeaconKeysObserver([&told] { ++told; });
        QVERIFY(ann.messenger().setBlocked(bob.id(), true));
        const QByteArray after = ownKey(ann);
        QVERIFY(after != before);
        QCOMPARE(told, 1);
        // Unblocking does not give the old key back, nor make a new one.
        QVERIFY(ann.messenger().setBlocked(bob.id(), false));
        QCOMPARE(ownKey(ann), after);
    }

    void mergingAContactAwayReplacesOurKey()
    {
        test::TestPeer ann(ctx, QStringLiteral("ann")), bob(ctx, QStringLiteral("bob")), bobAgain(ctx, QStringLiteral("bob2"));
        test::introduce(ann, bob, QStringLiteral("Bob"));
        QTest::qWait(5); // the new contact is seen later than the old one
        test::introduce(ann, bobAgain, QStringLiteral("Bob"));
        const QByteArray before = ownKey(ann);
        QVERIFY(ann.messenger().mergeContact(bob.id(), bobAgain.id()));
        QVERIFY(ownKey(ann) != before);
    }

    void aContactsKeyIsKeptOnlyForAContactWeHaveNotBlocked()
    {
        test::TestPeer ann(ctx, QStringLiteral("ann")), bob(ctx, QStringLiteral("bob"));
        test::introduce(ann, bob);
        const QByteArray bobsKey = ownKey(bob);
        QVERIFY(ann.messenger().rememberBeaconKey(bob.id(), bobsKey));
        std::vector<storage::ContactBeaconKeyRecord> known = ann.messenger().contactBeaconKeys();
        QCOMPARE(known.size(), std::size_t(1));
        QCOMPARE(known[0].peer, bob.id());
        QCOMPARE(known[0].identityKey, bob.profile().identityKey());
        QCOMPARE(bytesOf(known[0].beaconKey), bobsKey);
        // Wrong sizes and strangers are refused.
        QCOMPARE(ann.messenger().rememberBeaconKey(bob.id(), bobsKey.left(31)).error().code, messenger::Errc::InvalidInput);
        QCOMPARE(ann.messenger().rememberBeaconKey(test::randomPeerId(), bobsKey).error().code, messenger::Errc::UnknownContact);
        // A blocked contact is recognised no more, and gives no new key.
        QVERIFY(ann.messenger().setBlocked(bob.id(), true));
        QVERIFY(ann.messenger().contactBeaconKeys().empty());
        QCOMPARE(ann.messenger().rememberBeaconKey(bob.id(), bobsKey).error().code, messenger::Errc::Blocked);
        QVERIFY(ann.messenger().mayRecogniseUs(bob.id()) == false);
        QVERIFY(ann.messenger().setBlocked(bob.id(), false));
        QCOMPARE(ann.messenger().contactBeaconKeys().size(), std::size_t(1));
        QVERIFY(ann.messenger().mayRecogniseUs(bob.id()));
    }

    void visibilityIsSavedAndDefaultsToEveryone()
    {
        test::TestPeer ann(ctx, QStringLiteral("ann"));
        QVERIFY(!ann.messenger().visibleToContactsOnly());
        QVERIFY(ann.messenger().setVisibleToContactsOnly(true));
        ann.reopen();
        QVERIFY(ann.messenger().visibleToContactsOnly());
        QVERIFY(ann.messenger().setVisibleToContactsOnly(false));
        ann.reopen();
        QVERIFY(!ann.messenger().visibleToContactsOnly());
    }
};

QTEST_GUILESS_MAIN(TestBeaconKeys)
#include "tst_beaconkeys.moc"
