// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments in a group between real headless processes (issue 9: "groups send one
// encrypted copy for all"): Ann sends a file to a group of three; Bob and Cat each pull it
// from her and save it with the hash she had; the sender keeps one sealed copy. Mallory, a
// stranger with a proven link to Ann who learnt the file's id, asks for its chunks and gets
// "unavailable" and not one byte of them.
#include "core/crypto/ChunkSealer.h"
#include "core/net/Link.h"
#include "core/net/TlsIdentity.h"
#include "tests/support/HeadlessNode.h"
#include "tests/support/LinkPeer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace sotto;
using namespace sotto::test;

namespace {

bool isEvent(const QJsonObject &e, const char *name) { return e.value(QStringLiteral("event")) == QLatin1String(name); }

bool linked(HeadlessNode &from, HeadlessNode &to)
{
    from.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), to.address()}});
    for (HeadlessNode *side : {&from, &to}) {
        const QString peer = (side == &from ? to : from).peer();
        if (side->waitFor([&](const QJsonObject &e) { return isEvent(e, "peer_online") && e.value(QStringLiteral("peer")) == peer; })
                .isEmpty())
            return false;
    }
    // A group reaches us only from a contact we accepted.
    return to.call({{QStringLiteral("cmd"), QStringLiteral("accept_request")}, {QStringLiteral("peer"), from.peer()}})
               .value(QStringLiteral("event"))
        == QLatin1String("ok");
}

QJsonObject attachmentOf(const QJsonObject &event) { return event.value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject(); }

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return f.open(QIODevice::ReadOnly) && hash.addData(&f) ? hash.result() : QByteArray();
}

// Mallory: a real identity key and certificate, speaking the link protocol by hand.
struct FakePeer : LinkPeer {
    explicit FakePeer(crypto::SignalContext &ctx)
        : LinkPeer(ctx, QStringLiteral("Mallory"))
    {
    }
};

} // namespace

class TestGroupAttachmentsLive : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;
    crypto::SignalContext ctx;

private Q_SLOTS:
    void aFileSentToAGroupReachesEveryMemberAndNoOneElse()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery()),
            cat(QStringLiteral("Cat"), {}, noDiscovery());
        for (HeadlessNode *n : {&ann, &bob, &cat})
            QVERIFY(n->start());
        QVERIFY(linked(ann, bob));
        QVERIFY(linked(ann, cat));
        QVERIFY(linked(bob, cat));
        const QJsonObject created = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("create_group")},
                                              {QStringLiteral("name"), QStringLiteral("Darkroom")},
                                              {QStringLiteral("members"), QJsonArray{bob.peer(), cat.peer()}}});
        const double group = created.value(QStringLiteral("conversation")).toDouble();
        QVERIFY(group > 0);
        for (HeadlessNode *n : {&bob, &cat})
            QVERIFY(!n->waitFor([](const QJsonObject &e) { return isEvent(e, "group_updated"); }).isEmpty());

        // 3 MB and a bit: twelve chunks, the last one short.
        const QString source = tmp.filePath(QStringLiteral("contact-sheet.tiff"));
        {
            QByteArray bytes(3 * 1000 * 1000 + 12345, Qt::Uninitialized);
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        const QByteArray hash = sha256Of(source);
        const QJsonObject sent = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")},
                                           {QStringLiteral("conversation"), group},
                                           {QStringLiteral("path"), source}});
        const QString id = sent.value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY2(id.size() == 32, qPrintable(QString::fromUtf8(QJsonDocument(sent).toJson())));
        // One sealed copy at the sender, whatever the number of members. (The reply comes once
        // the file is hashed; the copy is sealed after it: counted once it is whole.)
        const QString sealedCopy = ann.profileDir() + QStringLiteral("/attachments/") + id + QStringLiteral(".sealed");
        QVERIFY(waitUntil([&] { return quint64(QFileInfo(sealedCopy).size()) == crypto::ChunkSealer::sealedFileSize(3 * 1000 * 1000 + 12345); }, ann, 30000));
        QCOMPARE(QDir(ann.profileDir() + QStringLiteral("/attachments")).entryList(QDir::Files).size(), 1);

        for (HeadlessNode *n : {&bob, &cat}) {
            const QJsonObject arrived = n->waitFor([&](const QJsonObject &e) { return isEvent(e, "message_received") && attachmentOf(e).value(QStringLiteral("id")) == id; });
            QVERIFY2(!arrived.isEmpty(), qPrintable(n->peer()));
            QCOMPARE(arrived.value(QStringLiteral("message")).toObject().value(QStringLiteral("from")).toString(), ann.peer());
            QCOMPARE(attachmentOf(arrived).value(QStringLiteral("name")).toString(), QStringLiteral("contact-sheet.tiff"));
            cmd(*n, {{QStringLiteral("cmd"), QStringLiteral("download")}, {QStringLiteral("attachment"), id}});
        }
        for (HeadlessNode *n : {&bob, &cat}) {
            const QJsonObject done = n->waitFor(
                [&](const QJsonObject &e) {
                    const QString state = attachmentOf(e).value(QStringLiteral("state")).toString();
                    return isEvent(e, "message_updated") && attachmentOf(e).value(QStringLiteral("id")) == id && (state == u"done" || state == u"failed");
                },
                60000);
            QCOMPARE(attachmentOf(done).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
            const QString copy = tmp.filePath(QStringLiteral("saved-by-%1.tiff").arg(n->peer().left(8)));
            cmd(*n, {{QStringLiteral("cmd"), QStringLiteral("save_attachment")}, {QStringLiteral("attachment"), id}, {QStringLiteral("path"), copy}});
            QCOMPARE(sha256Of(copy), hash);
        }

        // Mallory links to Ann (strangers may link) and asks for the file by its id.
        FakePeer mallory(ctx);
        auto *socket = new QSslSocket;
        socket->setSslConfiguration(mallory.config());
        net::Link link(socket, true, mallory.local, ctx);
        bool up = false, unavailable = false;
        qint64 chunkBytes = 0;
        QObject::connect(&link, &net::Link::established, [&] { up = true; });
        QObject::connect(&link, &net::Link::framesReceived, [&](net::Link *, const std::vector<wire::Frame> &frames) {
            for (const wire::Frame &f : frames) {
                if (f.body_case() == wire::Frame::kChunkData)
                    chunkBytes += qint64(f.chunk_data().data().size());
                if (f.body_case() == wire::Frame::kTransferEnd && f.transfer_end().status() == wire::TransferEnd::UNAVAILABLE
                    && QByteArray::fromStdString(f.transfer_end().file_id()).toHex() == id.toLatin1())
                    unavailable = true;
            }
        });
        // Slices in protobuf's usual encoding come read in place, not among the frames.
        QObject::connect(&link, &net::Link::sliceReceived, [&](net::Link *, const net::ChunkSlice &slice) { chunkBytes += slice.data.size(); });
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), ann.port(), QString());
        QVERIFY(waitUntil([&] { return up; }, ann, 20000));
        wire::Frame ask;
        ask.mutable_chunk_request()->set_file_id(QByteArray::fromHex(id.toLatin1()).toStdString());
        ask.mutable_chunk_request()->set_first(0);
        ask.mutable_chunk_request()->set_count(4);
        QVERIFY(link.send(ask));
        QVERIFY(waitUntil([&] { return unavailable; }, ann, 10000));
        QTest::qWait(500); // anything that would have followed
        QCOMPARE(chunkBytes, 0);
        for (HeadlessNode *n : {&ann, &bob, &cat})
            n->quit();
    }
};

QTEST_GUILESS_MAIN(TestGroupAttachmentsLive)
#include "tst_groupattachments_live.moc"
