// SPDX-License-Identifier: GPL-3.0-or-later
// A profile restored from an older copy (issue 14.7): its ratchet state is behind its
// contact's. Before, every new message either way ended failed, with no event and no way
// out. Now the side that cannot decrypt rejects, both sides reset their sessions (an event
// says so), and what failed goes again after a fresh X3DH: nothing ends failed.
#include "tests/support/HeadlessNode.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace sotto;
using namespace sotto::test;

namespace {

auto isEvent(const char *name)
{
    return [name](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String(name); };
}

auto receivedBody(const QString &body)
{
    return [body](const QJsonObject &e) {
        return e.value(QStringLiteral("event")) == QLatin1String("message_received")
            && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("body")).toString() == body;
    };
}

void send(HeadlessNode &from, const HeadlessNode &to, const QString &body)
{
    QCOMPARE(from.call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), to.peer()}, {QStringLiteral("body"), body}})
                 .value(QStringLiteral("event"))
                 .toString(),
             QStringLiteral("ok"));
}

// Each side sends `n` texts and the other gets them.
void talk(HeadlessNode &ann, HeadlessNode &bob, const QString &tag, int n)
{
    for (int i = 0; i < n; ++i) {
        const QString a = QStringLiteral("%1 from Ann %2").arg(tag).arg(i), b = QStringLiteral("%1 from Bob %2").arg(tag).arg(i);
        send(ann, bob, a);
        QVERIFY(!bob.waitFor(receivedBody(a)).isEmpty());
        send(bob, ann, b);
        QVERIFY(!ann.waitFor(receivedBody(b)).isEmpty());
    }
}

bool copyFiles(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QString &f : QDir(to).entryList(QDir::Files))
        QFile::remove(to + u'/' + f);
    for (const QString &f : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(from + u'/' + f, to + u'/' + f))
            return false;
    return true;
}

QStringList statesOf(HeadlessNode &node, const QString &peer)
{
    QStringList states;
    const QJsonArray messages = node.call({{QStringLiteral("cmd"), QStringLiteral("history")}, {QStringLiteral("peer"), peer}, {QStringLiteral("limit"), 100}})
                                    .value(QStringLiteral("messages"))
                                    .toArray();
    for (const auto &m : messages)
        if (m.toObject().value(QStringLiteral("outgoing")).toBool())
            states << m.toObject().value(QStringLiteral("state")).toString();
    return states;
}

} // namespace

class TestRestoredBackup : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;

private Q_SLOTS:
    void aProfileRestoredFromAnOlderCopyHealsItsSessions()
    {
        HeadlessNode bob(QStringLiteral("Bob"), {}, noDiscovery());
        HeadlessNode ann(QStringLiteral("Ann"), tmp.filePath(QStringLiteral("ann")), noDiscovery());
        QVERIFY(bob.start());
        QVERIFY(ann.start());
        ann.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), bob.address()}});
        QVERIFY(!ann.waitFor(isEvent("peer_online")).isEmpty());
        QVERIFY(!bob.waitFor(isEvent("peer_online")).isEmpty());
        talk(ann, bob, QStringLiteral("first"), 3);

        // Ann's backup, then more talk: both ratchets move on past it.
        ann.quit();
        const QString backup = tmp.filePath(QStringLiteral("backup"));
        QVERIFY(copyFiles(ann.profileDir(), backup));
        QVERIFY(ann.start());
        QVERIFY(!ann.waitFor(isEvent("peer_online")).isEmpty());
        talk(ann, bob, QStringLiteral("second"), 3);

        // Ann restores the older copy and comes back (she redials Bob's stored address).
        ann.quit();
        QVERIFY(copyFiles(backup, ann.profileDir()));
        ann.forgetEvents();
        bob.forgetEvents();
        QVERIFY(ann.start());
        QVERIFY(!ann.waitFor(isEvent("peer_online"), 30000).isEmpty());

        // Bob writes first: Ann cannot read it with her old state; both reset, and it
        // arrives after a fresh X3DH. Then Ann writes, on the new session.
        send(bob, ann, QStringLiteral("after the restore, from Bob"));
        QVERIFY(!ann.waitFor(receivedBody(QStringLiteral("after the restore, from Bob")), 30000).isEmpty());
        QVERIFY(!bob.waitFor(isEvent("session_reset"), 1000).isEmpty() || !ann.waitFor(isEvent("session_reset"), 1000).isEmpty());
        send(ann, bob, QStringLiteral("after the restore, from Ann"));
        QVERIFY(!bob.waitFor(receivedBody(QStringLiteral("after the restore, from Ann")), 30000).isEmpty());
        talk(ann, bob, QStringLiteral("third"), 2);

        // Nothing ended failed on either side.
        QVERIFY(waitUntil([&] { return !statesOf(bob, ann.peer()).contains(QStringLiteral("failed")); }, bob, 5000));
        QVERIFY2(!statesOf(bob, ann.peer()).contains(QStringLiteral("failed")), qPrintable(statesOf(bob, ann.peer()).join(u',')));
        QVERIFY2(!statesOf(ann, bob.peer()).contains(QStringLiteral("failed")), qPrintable(statesOf(ann, bob.peer()).join(u',')));
    }
};

QTEST_GUILESS_MAIN(TestRestoredBackup)
#include "tst_restoredbackup.moc"
