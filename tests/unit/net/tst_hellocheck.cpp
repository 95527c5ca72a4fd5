// SPDX-License-Identifier: GPL-3.0-or-later
// A Hello crafted by hand, as a newer Sotto would send it (issue 8, forward compatibility):
// a higher link version and a higher Content version are accepted, and the link speaks
// the lower of each, ours; a version-1 Hello and a proof for another connection are refused.
#include "core/net/HelloCheck.h"
#include "core/net/Link.h"

#include "tests/support/SigningIdentity.h"
#include "tests/support/TestProfiles.h"

#include <QCryptographicHash>
#include <QTest>

using namespace sotto;

namespace {

const QByteArray PeerCert = QCryptographicHash::hash("the newer peer's certificate", QCryptographicHash::Sha256);
const QByteArray OurCert = QCryptographicHash::hash("our certificate", QCryptographicHash::Sha256);

wire::Hello helloFrom(test::SigningIdentity &who, quint32 version, quint32 contentVersion)
{
    wire::Hello hello;
    hello.set_version(version);
    hello.set_peer_id(who.local.peer.toString().toStdString());
    hello.set_identity_key(who.local.identityKey.toStdString());
    hello.set_display_name("Newer");
    hello.set_listen_port(47000);
    hello.set_content_version(contentVersion);
    hello.set_proof(who.local.sign(net::helloProofMessage(PeerCert, OurCert)).toStdString());
    return hello;
}

} // namespace

class TestHelloCheck : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

private Q_SLOTS:
    void aNewerHelloIsAcceptedAndTheLowerVersionsAreSpoken()
    {
        test::SigningIdentity newer(ctx, QStringLiteral("Newer"));
        const protocol::PeerId self = test::randomPeerId();
        QString refusal;
        const std::optional<net::PeerHello> hello = net::checkHello(
            ctx, helloFrom(newer, net::HelloVersion + 5, net::Link::ContentVersion + 9), self, PeerCert, OurCert,
            net::Link::ContentVersion, &refusal);
        QVERIFY2(hello, qPrintable(refusal));
        QCOMPARE(hello->peer, newer.local.peer);
        QCOMPARE(hello->displayName, QStringLiteral("Newer"));
        QCOMPARE(hello->linkVersion, net::HelloVersion);           // ours, the lower
        QCOMPARE(hello->contentVersion, net::Link::ContentVersion); // ours, the lower
    }

    // Review finding 9: a name must not forge lines ("Bob: read\nCarol: read" in the
    // receipts tooltip) or flip the text around it; emoji sequences keep their joiners.
    void aDisplayNameLosesControlAndFormatCharacters()
    {
        const auto clean = [](const QString &name) { return net::displayNameFromWire(name.toStdString(), 64); };
        QCOMPARE(clean(QStringLiteral("Bob: read\nCarol: read")), QStringLiteral("Bob: readCarol: read"));
        QCOMPARE(clean(QStringLiteral("Eve\r\t\x1b[2J")), QStringLiteral("Eve[2J"));
        QCOMPARE(clean(QString::fromUtf8("Mallory\u202Egnp.exe")), QStringLiteral("Mallorygnp.exe"));      // RLO
        QCOMPARE(clean(QString::fromUtf8("A\u2066B\u2069\u200BC\u2028D\u2029E")), QStringLiteral("ABCDE")); // isolates, ZWSP, separators
        const QString family = QString::fromUtf8("\U0001F468\u200D\U0001F469\u200D\U0001F467 Ann");
        QCOMPARE(clean(family), family); // ZWJ kept
        QCOMPARE(clean(QStringLiteral("Zoë")), QStringLiteral("Zoë"));
        QCOMPARE(clean(QString(70, QLatin1Char('a'))).size(), 64);
        // Through a whole Hello, as a peer sends it.
        test::SigningIdentity peer(ctx, QStringLiteral("Newer"));
        wire::Hello hello = helloFrom(peer, net::HelloVersion, net::Link::ContentVersion);
        hello.set_display_name("Bob\nCarol: read");
        QString refusal;
        const auto checked = net::checkHello(ctx, hello, test::randomPeerId(), PeerCert, OurCert, net::Link::ContentVersion, &refusal);
        QVERIFY2(checked, qPrintable(refusal));
        QCOMPARE(checked->displayName, QStringLiteral("BobCarol: read"));
    }

    void anOlderHelloIsSpokenAtItsVersion()
    {
        test::SigningIdentity older(ctx, QStringLiteral("Older"));
        const std::optional<net::PeerHello> hello =
            net::checkHello(ctx, helloFrom(older, net::MinHelloVersion, 0), test::randomPeerId(), PeerCert, OurCert, net::Link::ContentVersion);
        QVERIFY(hello);
        QCOMPARE(hello->linkVersion, net::MinHelloVersion);
        QCOMPARE(hello->contentVersion, 1u); // absent: 1
    }

    void refusals()
    {
        test::SigningIdentity peer(ctx, QStringLiteral("Peer"));
        QString refusal;
        QVERIFY(!net::checkHello(ctx, helloFrom(peer, 1, 2), test::randomPeerId(), PeerCert, OurCert, 2, &refusal));
        QVERIFY(refusal.contains(QLatin1String("update")));
        // A proof made for another connection (other certificates) does not verify.
        QVERIFY(!net::checkHello(ctx, helloFrom(peer, net::HelloVersion + 1, 2), test::randomPeerId(), OurCert, PeerCert, 2));
    }
};

QTEST_GUILESS_MAIN(TestHelloCheck)
#include "tst_hellocheck.moc"
