// SPDX-License-Identifier: GPL-3.0-or-later
// Frames that arrive together are handed on together. QSslSocket says readyRead for every
// 4 KiB it decrypts; a node makes a transaction and a delivery receipt (a ratchet step at
// both ends) per batch of frames, so 600 envelopes sent at once must not become 36 batches
// of 17. Two real Links over TLS 1.3 on loopback, each proving its identity.
#include "core/net/Link.h"
#include "tests/support/LinkPeer.h"

#include <QTcpServer>
#include <QTest>

using namespace sotto;

namespace {

// Accepts one connection as the link's accepting end.
class OneLinkServer : public QTcpServer {
public:
    OneLinkServer(test::LinkPeer &party, crypto::SignalContext &ctx)
        : m_party(party)
        , m_ctx(ctx)
    {
    }
    std::unique_ptr<net::Link> link;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket;
        socket->setSslConfiguration(m_party.config(QSslSocket::QueryPeer));
        QVERIFY(socket->setSocketDescriptor(descriptor));
        link = std::make_unique<net::Link>(socket, false, m_party.local, m_ctx);
        socket->startServerEncryption(); // QTcpServer says newConnection after this returns
    }

private:
    test::LinkPeer &m_party;
    crypto::SignalContext &m_ctx;
};

} // namespace

class TestLinkBatches : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

private Q_SLOTS:
    void envelopesSentTogetherArriveAsFewBatches()
    {
        test::LinkPeer ann(ctx, QStringLiteral("Ann")), bob(ctx, QStringLiteral("Bob"));
        OneLinkServer server(bob, ctx);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        std::vector<std::size_t> batches;
        std::vector<quint64> ids;
        bool bobUp = false;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            connect(server.link.get(), &net::Link::established, this, [&] { bobUp = true; });
            connect(server.link.get(), &net::Link::framesReceived, this, [&](net::Link *, const std::vector<wire::Frame> &frames) {
                batches.push_back(frames.size());
                for (const wire::Frame &f : frames)
                    ids.push_back(f.envelope().id());
            });
        });

        auto *socket = new QSslSocket;
        socket->setSslConfiguration(ann.config());
        net::Link annLink(socket, true, ann.local, ctx);
        bool annUp = false;
        connect(&annLink, &net::Link::established, this, [&] { annUp = true; });
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(annUp && bobUp, 10000);

        // 600 envelopes of a 100-character message's size, in one turn of the event loop
        // (as Node::flush sends a window), pushed out at once.
        constexpr int Envelopes = 600;
        for (int i = 1; i <= Envelopes; ++i) {
            wire::Frame frame;
            frame.mutable_envelope()->set_id(quint64(i));
            frame.mutable_envelope()->set_kind(1);
            frame.mutable_envelope()->set_ciphertext(std::string(230, char('a' + i % 26)));
            QVERIFY(annLink.send(frame));
        }
        annLink.push();
        QTRY_COMPARE_WITH_TIMEOUT(int(ids.size()), Envelopes, 10000);
        for (int i = 0; i < Envelopes; ++i)
            QCOMPARE(ids[std::size_t(i)], quint64(i + 1)); // all, in order, once
        // Loopback may hand them over in a few reads; per 4 KiB they would be 36 batches.
        qInfo() << "batches:" << batches.size();
        QVERIFY2(batches.size() <= 8, qPrintable(QStringLiteral("%1 batches").arg(batches.size())));
    }
};

QTEST_GUILESS_MAIN(TestLinkBatches)
#include "tst_linkbatches.moc"
