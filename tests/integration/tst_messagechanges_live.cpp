// SPDX-License-Identifier: GPL-3.0-or-later
// Conversations v2 between two real headless processes on loopback: replies, edits,
// deletes, reactions and typing in both directions, as the headless commands and events
// show them; drafts kept across a restart; and a sender killed with SIGKILL in the middle
// of a burst of edits, deletes and reactions: after the restart both sides agree, with
// nothing lost or doubled.
#include "tests/support/HeadlessNode.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace sotto::test;

namespace {

bool linked(HeadlessNode &from, HeadlessNode &to)
{
    from.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), to.address()}});
    for (HeadlessNode *side : {&from, &to}) {
        const QString peer = (side == &from ? to : from).peer();
        if (side->waitFor([&](const QJsonObject &e) {
                    return e.value(QStringLiteral("event")) == QLatin1String("peer_online") && e.value(QStringLiteral("peer")) == peer;
                }).isEmpty())
            return false;
    }
    return true;
}

QJsonArray history(HeadlessNode &node, const QString &peer)
{
    return node.call({{QStringLiteral("cmd"), QStringLiteral("history")}, {QStringLiteral("peer"), peer}, {QStringLiteral("limit"), 1000}})
        .value(QStringLiteral("messages"))
        .toArray();
}

QJsonObject messageIn(HeadlessNode &node, const QString &peer, const QString &id)
{
    for (const auto &m : history(node, peer))
        if (m.toObject().value(QStringLiteral("id")) == id)
            return m.toObject();
    return {};
}

QString sent(HeadlessNode &from, const QString &to, const QString &body)
{
    return cmd(from, {{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), to}, {QStringLiteral("body"), body}})
        .value(QStringLiteral("message"))
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

// Waits for a message_updated event about `id` that satisfies `match`.
QJsonObject updated(HeadlessNode &node, const QString &id, const std::function<bool(const QJsonObject &)> &match)
{
    return node.waitFor([&](const QJsonObject &e) {
        const QJsonObject m = e.value(QStringLiteral("message")).toObject();
        return e.value(QStringLiteral("event")) == QLatin1String("message_updated") && m.value(QStringLiteral("id")) == id && match(m);
    });
}

QStringList emojis(const QJsonObject &message)
{
    QStringList out;
    for (const auto &r : message.value(QStringLiteral("reactions")).toArray())
        out << r.toObject().value(QStringLiteral("emoji")).toString();
    out.sort();
    return out;
}

} // namespace

class TestMessageChangesLive : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyChangeBothWays()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));

        // Each direction: A writes, B replies quoting it, A edits, B reacts, A deletes.
        for (auto [a, b] : {std::pair{&ann, &bob}, std::pair{&bob, &ann}}) {
            const QString first = sent(*a, b->peer(), QStringLiteral("see you at 7 (%1)").arg(a->peer().left(4)));
            QVERIFY(!first.isEmpty());
            QVERIFY(!b->waitFor([&](const QJsonObject &e) {
                          return e.value(QStringLiteral("event")) == QLatin1String("message_received")
                              && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("id")) == first;
                      }).isEmpty());

            const QJsonObject reply = cmd(*b, {{QStringLiteral("cmd"), QStringLiteral("reply")}, {QStringLiteral("peer"), a->peer()},
                                               {QStringLiteral("to"), first}, {QStringLiteral("body"), QStringLiteral("7 is fine")}});
            const QString replyId = reply.value(QStringLiteral("message")).toObject().value(QStringLiteral("id")).toString();
            const QJsonObject gotReply = a->waitFor([&](const QJsonObject &e) {
                return e.value(QStringLiteral("event")) == QLatin1String("message_received")
                    && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("id")) == replyId;
            });
            QCOMPARE(gotReply.value(QStringLiteral("message")).toObject().value(QStringLiteral("reply_to")).toString(), first);

            cmd(*a, {{QStringLiteral("cmd"), QStringLiteral("edit")}, {QStringLiteral("message"), first},
                     {QStringLiteral("body"), QStringLiteral("see you at 8")}});
            QVERIFY(!updated(*b, first, [](const QJsonObject &m) {
                         return m.value(QStringLiteral("body")) == QLatin1String("see you at 8") && m.value(QStringLiteral("edited")).toBool();
                     }).isEmpty());
            // Editing someone else's message is refused with a clear code.
            const QJsonObject refused = b->call({{QStringLiteral("cmd"), QStringLiteral("edit")}, {QStringLiteral("message"), first},
                                                 {QStringLiteral("body"), QStringLiteral("x")}});
            QCOMPARE(refused.value(QStringLiteral("code")).toString(), QStringLiteral("not_allowed"));

            cmd(*b, {{QStringLiteral("cmd"), QStringLiteral("react")}, {QStringLiteral("message"), first},
                     {QStringLiteral("emoji"), QStringLiteral("👍")}});
            QVERIFY(!updated(*a, first, [](const QJsonObject &m) { return emojis(m) == QStringList{QStringLiteral("👍")}; }).isEmpty());
            cmd(*a, {{QStringLiteral("cmd"), QStringLiteral("react")}, {QStringLiteral("message"), first},
                     {QStringLiteral("emoji"), QStringLiteral("🎉")}});
            QVERIFY(!updated(*b, first, [](const QJsonObject &m) { return emojis(m).size() == 2; }).isEmpty());
            QCOMPARE(emojis(messageIn(*a, b->peer(), first)), emojis(messageIn(*b, a->peer(), first)));

            cmd(*a, {{QStringLiteral("cmd"), QStringLiteral("delete")}, {QStringLiteral("message"), first},
                     {QStringLiteral("for"), QStringLiteral("everyone")}});
            QVERIFY(!updated(*b, first, [](const QJsonObject &m) { return m.value(QStringLiteral("deleted")).toBool(); }).isEmpty());
            for (HeadlessNode *side : {a, b}) {
                const QJsonObject tomb = messageIn(*side, (side == a ? b : a)->peer(), first);
                QVERIFY(tomb.value(QStringLiteral("deleted")).toBool());
                QCOMPARE(tomb.value(QStringLiteral("body")).toString(), QString());
                QVERIFY(tomb.value(QStringLiteral("reactions")).toArray().isEmpty());
                const QJsonArray hits = side->call({{QStringLiteral("cmd"), QStringLiteral("search")}, {QStringLiteral("query"), QStringLiteral("8")}})
                                            .value(QStringLiteral("hits"))
                                            .toArray();
                QVERIFY(hits.isEmpty());
            }

            // Typing: ephemeral, arrives while online.
            QVERIFY(cmd(*a, {{QStringLiteral("cmd"), QStringLiteral("typing")}, {QStringLiteral("peer"), b->peer()}, {QStringLiteral("typing"), true}})
                        .value(QStringLiteral("sent"))
                        .toBool());
            QVERIFY(!b->waitFor([&](const QJsonObject &e) {
                          return e.value(QStringLiteral("event")) == QLatin1String("typing") && e.value(QStringLiteral("peer")) == a->peer()
                              && e.value(QStringLiteral("typing")).toBool();
                      }).isEmpty());
        }
    }

    void typingToAnOfflinePeerIsDroppedAndDraftsSurviveARestart()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("set_draft")}, {QStringLiteral("peer"), bob.peer()},
                  {QStringLiteral("text"), QStringLiteral("half a thought")}});
        // The draft is the conversation's state: its change is told like the others.
        QVERIFY(!ann.waitFor([](const QJsonObject &e) {
                        return e.value(QStringLiteral("event")) == QLatin1String("conversation_updated")
                            && e.value(QStringLiteral("conversation")).toObject().value(QStringLiteral("draft")) == QLatin1String("half a thought");
                    }).isEmpty());
        bob.kill();
        QVERIFY(!ann.waitFor([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("peer_offline"); }).isEmpty());
        QVERIFY(!cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("typing")}, {QStringLiteral("peer"), bob.peer()}}).value(QStringLiteral("sent")).toBool());
        ann.quit();
        QVERIFY(ann.start());
        QCOMPARE(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("draft")}, {QStringLiteral("peer"), bob.peer()}}).value(QStringLiteral("text")).toString(),
                 QStringLiteral("half a thought"));
        QCOMPARE(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("draft")}, {QStringLiteral("conversation"), 1}}).value(QStringLiteral("text")).toString(),
                 QStringLiteral("half a thought"));
    }

    // A 2-second timer set by Ann: her copies go 2 s after sending, Bob's 2 s after he read
    // them, also when he was offline while hers went. Nothing of them stays in either
    // profile's files.
    void disappearingMessagesOnBothClocks()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("set_timer")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("seconds"), 2}});
        QVERIFY(!bob.waitFor([](const QJsonObject &e) {
                        return e.value(QStringLiteral("event")) == QLatin1String("message_received")
                            && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("timer")).toInt() == 2;
                    }).isEmpty());
        // Both sides hear that the conversation changed, with the timer in force.
        for (HeadlessNode *node : {&ann, &bob})
            QVERIFY(!node->waitFor([](const QJsonObject &e) {
                             return e.value(QStringLiteral("event")) == QLatin1String("conversation_updated")
                                 && e.value(QStringLiteral("conversation")).toObject().value(QStringLiteral("timer")).toInt() == 2;
                         }).isEmpty());
        const auto removed = [](HeadlessNode &node, const QString &id, int timeoutMs) {
            return !node.waitFor([&](const QJsonObject &e) {
                            return e.value(QStringLiteral("event")) == QLatin1String("message_removed") && e.value(QStringLiteral("message")) == id;
                        }, timeoutMs).isEmpty();
        };
        const auto receivedId = [](HeadlessNode &node, const QString &id) {
            return !node.waitFor([&](const QJsonObject &e) {
                            return e.value(QStringLiteral("event")) == QLatin1String("message_received")
                                && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("id")) == id;
                        }).isEmpty();
        };

        const QString first = sent(ann, bob.peer(), QStringLiteral("vanishing zebra one"));
        QVERIFY(receivedId(bob, first));
        QVERIFY(removed(ann, first, 10000));  // the sender's clock ran from sending
        QVERIFY(!removed(bob, first, 1500));  // unread: Bob's has not started
        bob.forgetEvents(); // the timer's own conversation_updated said unread 0 too
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("mark_read")}, {QStringLiteral("peer"), ann.peer()}});
        QVERIFY(!bob.waitFor([](const QJsonObject &e) {
                        return e.value(QStringLiteral("event")) == QLatin1String("conversation_updated")
                            && e.value(QStringLiteral("conversation")).toObject().value(QStringLiteral("unread")).toInt() == 0;
                    }).isEmpty());
        QVERIFY(removed(bob, first, 10000));

        // Bob offline: Ann's copy goes on her clock; Bob's on his, once he is back and reads.
        bob.kill();
        QVERIFY(!ann.waitFor([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("peer_offline"); }).isEmpty());
        const QString second = sent(ann, bob.peer(), QStringLiteral("vanishing zebra two"));
        QVERIFY(removed(ann, second, 10000));
        QVERIFY(bob.start());
        QVERIFY(receivedId(bob, second));
        QCOMPARE(history(bob, ann.peer()).last().toObject().value(QStringLiteral("expires_at")).isNull(), true);
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("mark_read")}, {QStringLiteral("peer"), ann.peer()}});
        if (!removed(bob, second, 10000)) {
            qWarning() << history(bob, ann.peer());
            QFAIL("not removed");
        }

        for (HeadlessNode *node : {&ann, &bob}) {
            for (const auto &m : history(*node, (node == &ann ? bob : ann).peer()))
                QVERIFY(!m.toObject().value(QStringLiteral("body")).toString().contains(QLatin1String("zebra")));
            const QJsonArray hits = node->call({{QStringLiteral("cmd"), QStringLiteral("search")}, {QStringLiteral("query"), QStringLiteral("zebra")}})
                                        .value(QStringLiteral("hits"))
                                        .toArray();
            QVERIFY(hits.isEmpty());
        }
        ann.quit();
        bob.quit();
        for (HeadlessNode *node : {&ann, &bob}) {
            QDirIterator files(node->profileDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile f(files.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(!f.readAll().contains("zebra"), qPrintable(f.fileName()));
            }
        }
    }

    // Ann renames herself; Bob shows the new name from the next link on.
    void aNewDisplayNameReachesContacts()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        const auto nameAtBob = [&] {
            for (const auto &p : cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("peers")}}).value(QStringLiteral("peers")).toArray())
                if (p.toObject().value(QStringLiteral("peer")) == ann.peer())
                    return p.toObject().value(QStringLiteral("name")).toString();
            return QString();
        };
        QCOMPARE(nameAtBob(), QStringLiteral("Ann"));
        QCOMPARE(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("set_name")}, {QStringLiteral("name"), QStringLiteral("Annie")}})
                     .value(QStringLiteral("name")).toString(), QStringLiteral("Annie"));
        QCOMPARE(ann.call({{QStringLiteral("cmd"), QStringLiteral("set_name")}, {QStringLiteral("name"), QStringLiteral("   ")}})
                     .value(QStringLiteral("code")).toString(), QStringLiteral("invalid_input"));
        bob.kill();
        QVERIFY(bob.start());
        QVERIFY(linked(bob, ann));
        QVERIFY(waitUntil([&] { return nameAtBob() == QLatin1String("Annie"); }, bob, 10000));
    }

    // A burst of edits, reactions and deletes; the sender is killed in the middle of it,
    // restarted, and the burst finished. Both sides then show the same thing.
    void senderKilledMidBurstAgreesAfterRestart()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        constexpr int Messages = 30;
        QStringList ids;
        for (int i = 0; i < Messages; ++i)
            ids << sent(ann, bob.peer(), QStringLiteral("burst %1").arg(i));
        QVERIFY(waitUntil([&] { return history(bob, ann.peer()).size() == Messages; }, bob, 30000));

        // Fire the changes without waiting, and kill Ann while they are on their way.
        const auto change = [&](int i) {
            const QString &id = ids[i];
            switch (i % 3) {
            case 0: ann.post({{QStringLiteral("cmd"), QStringLiteral("edit")}, {QStringLiteral("message"), id}, {QStringLiteral("body"), QStringLiteral("edited %1").arg(i)}}); break;
            case 1: ann.post({{QStringLiteral("cmd"), QStringLiteral("react")}, {QStringLiteral("message"), id}, {QStringLiteral("emoji"), QStringLiteral("🔥")}}); break;
            case 2: ann.post({{QStringLiteral("cmd"), QStringLiteral("delete")}, {QStringLiteral("message"), id}, {QStringLiteral("for"), QStringLiteral("everyone")}}); break;
            }
        };
        for (int i = 0; i < Messages / 2; ++i)
            change(i);
        ann.flushCommands();
        ann.kill();
        QVERIFY(ann.start());
        // Whatever the kill cut off is done again; a change that did land is refused or
        // repeated harmlessly (a second delete: not_allowed; an edit or reaction again: the same).
        for (int i = 0; i < Messages; ++i)
            change(i);
        ann.flushCommands();
        QVERIFY(linked(ann, bob));
        const auto agree = [&] {
            const QJsonArray mine = history(ann, bob.peer());
            const QJsonArray theirs = history(bob, ann.peer());
            if (mine.size() != Messages || theirs.size() != Messages)
                return false;
            for (int i = 0; i < Messages; ++i) {
                const QJsonObject m = mine[i].toObject(), t = theirs[i].toObject();
                if (m.value(QStringLiteral("id")) != t.value(QStringLiteral("id")) || m.value(QStringLiteral("body")) != t.value(QStringLiteral("body"))
                    || m.value(QStringLiteral("deleted")) != t.value(QStringLiteral("deleted")) || emojis(m) != emojis(t))
                    return false;
            }
            return true;
        };
        QVERIFY(waitUntil(agree, bob, 30000));
        const QJsonArray final = history(bob, ann.peer());
        for (int i = 0; i < Messages; ++i) {
            const QJsonObject m = final[i].toObject();
            switch (i % 3) {
            case 0: QCOMPARE(m.value(QStringLiteral("body")).toString(), QStringLiteral("edited %1").arg(i)); break;
            case 1: QCOMPARE(emojis(m), QStringList{QStringLiteral("🔥")}); break;
            case 2: QVERIFY(m.value(QStringLiteral("deleted")).toBool()); break;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMessageChangesLive)
#include "tst_messagechanges_live.moc"
