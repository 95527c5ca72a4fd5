// SPDX-License-Identifier: GPL-3.0-or-later
// A receiver whose disk fills up and is freed again (issue 14.6): its profile lives on a
// 3 MiB tmpfs. Before, the messages it failed to store waited for a new link (pings kept
// the old one alive): 0 of 200 arrived within 60 s and a later message overtook them.
// Now the sender sends again what is not acknowledged after Node::AckTimeoutMs, on the
// same link and in order; the receiver takes nothing past the first one it missed; and the
// write-ahead log gives the space back instead of regrowing into it.
#include "core/messenger/Node.h"
#include "tests/support/HeadlessNode.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace sotto;
using namespace sotto::test;

namespace {

bool isReceived(const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("message_received"); }

// Writes zeros until the file system is full; returns the bytes written.
qint64 fill(const QString &path)
{
    QFile filler(path);
    if (!filler.open(QIODevice::WriteOnly))
        return -1;
    const QByteArray chunk(4096, '\0');
    qint64 written = 0;
    while (filler.write(chunk) == chunk.size() && filler.flush())
        written += chunk.size();
    return written;
}

} // namespace

class TestFullDisk : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;
    QString mountPoint;

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root (CI runs as root)");
        mountPoint = tmp.filePath(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(mountPoint));
        QCOMPARE(QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                              QStringLiteral("size=3m"), QStringLiteral("tmpfs"), mountPoint}),
                 0);
    }
    void cleanupTestCase()
    {
        if (!mountPoint.isEmpty())
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mountPoint});
    }

    void messagesRefusedForAFullDiskArriveInOrderOnceItIsFreed()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery());
        HeadlessNode bob(QStringLiteral("Bob"), mountPoint + QStringLiteral("/bob"), noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        bob.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), ann.address()}});
        QVERIFY(!ann.waitFor([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("peer_online"); }).isEmpty());
        QVERIFY(!bob.waitFor([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("peer_online"); }).isEmpty());
        ann.call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("body"), QStringLiteral("before")}});
        QVERIFY(!bob.waitFor(isReceived).isEmpty());

        // The disk fills up; Ann sends 200 that Bob cannot store.
        const QString filler = mountPoint + QStringLiteral("/filler");
        QVERIFY(fill(filler) > 0);
        for (int i = 0; i < 200; ++i)
            ann.post({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), bob.peer()},
                      {QStringLiteral("body"), QStringLiteral("queued %1").arg(i)}});
        ann.flushCommands();
        QVERIFY(waitUntil([&] { return bob.count([](const QJsonObject &e) { return e.value(QStringLiteral("code")) == QLatin1String("receive_failed"); }) > 0; },
                          bob, 20000));
        QVERIFY(bob.count(isReceived) < 201); // some were refused for want of space

        // Space comes back; one more message is sent after it: it must not overtake.
        QVERIFY(QFile::remove(filler));
        ann.call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("body"), QStringLiteral("after")}});
        QVERIFY2(waitUntil([&] { return bob.count(isReceived) == 202; }, bob, 60000),
                 qPrintable(QString::number(bob.count(isReceived))));
        // Everything once, in the order sent, on the link that was up all along.
        const QJsonArray history = bob.call({{QStringLiteral("cmd"), QStringLiteral("history")},
                                             {QStringLiteral("peer"), ann.peer()},
                                             {QStringLiteral("limit"), 1000}})
                                       .value(QStringLiteral("messages"))
                                       .toArray();
        QStringList bodies;
        for (const auto &m : history)
            bodies << m.toObject().value(QStringLiteral("body")).toString();
        QStringList expected{QStringLiteral("before")};
        for (int i = 0; i < 200; ++i)
            expected << QStringLiteral("queued %1").arg(i);
        expected << QStringLiteral("after");
        if (bodies != expected) {
            for (const QByteArray &line : bob.stderrText().split('\n'))
                if (line.contains("not stored") || line.contains("waits") || line.contains("failed"))
                    qDebug() << line;
            for (const QByteArray &line : ann.stderrText().split('\n'))
                if (line.contains("acknowledgement"))
                    qDebug() << line;
            for (const QJsonObject &e : bob.events())
                if (e.value(QStringLiteral("event")) == QLatin1String("error"))
                    qDebug() << e;
        }
        if (bodies != expected)
            for (const auto &m : history)
                qDebug() << m.toObject().value(QStringLiteral("body")).toString() << m.toObject().value(QStringLiteral("row")).toDouble() << m.toObject().value(QStringLiteral("sent_at")).toDouble();
        QCOMPARE(bodies, expected);
        QCOMPARE(ann.count([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("peer_offline"); }), 0);
        // The log gave the space back.
        QVERIFY2(QFileInfo(mountPoint + QStringLiteral("/bob/sotto.db-wal")).size() < 1024 * 1024,
                 qPrintable(QString::number(QFileInfo(mountPoint + QStringLiteral("/bob/sotto.db-wal")).size())));
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
