// SPDX-License-Identifier: GPL-3.0-or-later
// The read facade (messenger::Queries) against real profiles (SQLCipher files, real
// sessions): pages with their quotes and reactions, search with the conversation's peer and
// name, the conversation list's sections, a conversation's header and draft. It must never
// write: reading a peer we have no conversation with makes none.
#include "core/messenger/Queries.h"

#include "tests/support/TestProfiles.h"

#include <QTest>

using namespace sotto;
using messenger::Queries;
using storage::MessageRecord;

namespace {

// Delivers everything `from` has waiting for `to` after `sentUpTo`.
void deliverAll(test::TestPeer &from, test::TestPeer &to, std::int64_t &sentUpTo)
{
    for (const storage::OutboxEntry &e : from.profile().outbox().pending(to.id(), sentUpTo, 1000)) {
        auto got = to.messenger().receive(from.id(), {protocol::MessageKind(e.kind), e.ciphertext});
        if (!got)
            qFatal("receive failed: %s", qPrintable(got.error().reason));
        sentUpTo = e.id;
    }
}

} // namespace

class TestQueries : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;
    std::unique_ptr<test::TestPeer> ann, bob;
    std::int64_t annSent = 0, bobSent = 0;

private Q_SLOTS:
    void init()
    {
        ann = std::make_unique<test::TestPeer>(ctx, QStringLiteral("ann"));
        bob = std::make_unique<test::TestPeer>(ctx, QStringLiteral("bob"));
        test::introduce(*ann, *bob, QStringLiteral("Bob"));
        annSent = bobSent = 0;
        QVERIFY(ann->messenger().sendText(bob->id(), QStringLiteral("hello bob")));
        deliverAll(*ann, *bob, annSent);
        QVERIFY(bob->messenger().sendText(ann->id(), QStringLiteral("hello ann, lovely weather")));
        deliverAll(*bob, *ann, bobSent);
    }

    void cleanup()
    {
        ann.reset();
        bob.reset();
    }

    // A page carries its quotes and everybody's reactions, named; a deleted quote says so.
    void pageHasQuotesAndReactions()
    {
        Queries annReads(ann->messenger());
        const std::int64_t conversation = *annReads.findConversation(bob->id());
        const MessageRecord fromBob = annReads.page(conversation, std::nullopt, 10).rows.front();
        QCOMPARE(fromBob.body, QStringLiteral("hello ann, lovely weather"));

        // Ann answers Bob's message and both react to it.
        auto reply = ann->messenger().sendText(bob->id(), QStringLiteral("it is"), fromBob.uuid);
        QVERIFY(reply);
        QVERIFY(ann->messenger().react(fromBob.id, QStringLiteral("👍")));
        deliverAll(*ann, *bob, annSent);
        const MessageRecord atBob = *bob->profile().messages().messageByUuid(fromBob.uuid);
        QVERIFY(bob->messenger().react(atBob.id, QStringLiteral("❤️")));
        deliverAll(*bob, *ann, bobSent);

        const messenger::HistoryItems page = annReads.page(conversation, std::nullopt, 10);
        QCOMPARE(page.rows.size(), 3u);
        QCOMPARE(page.rows.front().body, QStringLiteral("it is")); // newest first
        const messenger::MessageExtras quoted = page.extras.value(page.rows.front().id);
        QCOMPARE(quoted.quote.state, messenger::Quote::State::Here);
        QCOMPARE(quoted.quote.row, fromBob.id);
        QCOMPARE(quoted.quote.text, fromBob.body);
        const messenger::MessageExtras reacted = page.extras.value(fromBob.id);
        QCOMPARE(reacted.reactions.size(), 2u);
        QStringList seen;
        for (const messenger::Reaction &r : reacted.reactions)
            seen << r.emoji + u':' + (r.ours ? QStringLiteral("us") : r.reactorName);
        seen.sort();
        QCOMPARE(seen, (QStringList{QStringLiteral("❤️:Bob"), QStringLiteral("👍:us")}));
        QVERIFY(!page.extras.contains(page.rows.back().id)); // "hello bob": nothing beside it

        // One message's extras, and the rows asked for (others left out).
        QCOMPARE(annReads.extras(fromBob).reactions.size(), 2u);
        const messenger::HistoryItems rows = annReads.rows(conversation, {fromBob.id, 999999});
        QCOMPARE(rows.rows.size(), 1u);
        QCOMPARE(rows.extras.value(fromBob.id).reactions.size(), 2u);
        QVERIFY(annReads.rows(conversation + 1000, {fromBob.id}).rows.empty()); // not that conversation's

        // Ann deletes Bob's message for herself: the reply's quote says it is gone.
        QVERIFY(ann->messenger().deleteMessage(fromBob.id, false));
        const messenger::MessageExtras after = annReads.extras(*annReads.message(reply->messageId));
        QCOMPARE(after.quote.state, messenger::Quote::State::Deleted);
        QVERIFY(after.quote.text.isEmpty());
        QVERIFY(annReads.extras(*annReads.message(fromBob.id)).reactions.empty()); // a tombstone keeps none

        // Older than a cursor, and forward from one.
        const messenger::HistoryItems older = annReads.page(conversation, storage::HistoryCursor{page.rows[0].sentAt, page.rows[0].id}, 10);
        QCOMPARE(older.rows.size(), 2u);
        const messenger::HistoryItems newer = annReads.pageAfter(conversation, storage::HistoryCursor{older.rows[1].sentAt, older.rows[1].id}, 10);
        QCOMPARE(newer.rows.size(), 2u);
        QCOMPARE(newer.rows.back().id, page.rows.front().id); // oldest first
    }

    // A text that just arrived is not in the search index yet (schema 11: batches); a
    // search finds it all the same.
    void searchFindsWhatJustArrived()
    {
        QVERIFY(bob->messenger().sendText(ann->id(), QStringLiteral("a zebra just now")));
        deliverAll(*bob, *ann, bobSent);
        Queries annReads(ann->messenger());
        const std::vector<messenger::SearchResult> hits = annReads.search(QStringLiteral("zebra"), 10);
        QCOMPARE(hits.size(), std::size_t(1));
        QCOMPARE(annReads.search(QStringLiteral("zebra"), 10).size(), std::size_t(1)); // indexed once
    }

    void searchNamesTheConversation()
    {
        Queries annReads(ann->messenger());
        const std::vector<messenger::SearchResult> hits = annReads.search(QStringLiteral("lovely"), 10);
        QCOMPARE(hits.size(), 1u);
        QCOMPARE(hits[0].peer, bob->id());
        QCOMPARE(hits[0].name, QStringLiteral("Bob"));
        QCOMPARE(hits[0].hit.conversationId, *annReads.findConversation(bob->id()));
        QVERIFY(annReads.search(QStringLiteral("lovely"), 10, hits[0].hit.messageId).empty()); // the next page
    }

    // The header of a conversation, its draft, and the list's sections: Bob wrote to Ann
    // first as a stranger (a request at Ann's until she accepts or writes).
    void listAndHeader()
    {
        Queries annReads(ann->messenger());
        const std::int64_t conversation = *annReads.findConversation(bob->id());
        std::optional<messenger::ConversationInfo> info = annReads.conversation(conversation);
        QVERIFY(info);
        QCOMPARE(info->id, conversation);
        QCOMPARE(info->peer, bob->id());
        QCOMPARE(info->name, QStringLiteral("Bob"));
        QVERIFY(info->known);
        QVERIFY(info->accepted); // Ann added Bob and wrote to him
        QVERIFY(!info->request);
        QVERIFY(!info->online); // no node: nobody is
        QCOMPARE(info->timer, 0);
        QCOMPARE(info->draft, QString());
        QVERIFY(ann->profile().messages().setDraft(conversation, QStringLiteral("half a thought")));
        QCOMPARE(annReads.conversation(conversation)->draft, QStringLiteral("half a thought"));
        QCOMPARE(annReads.draft(conversation), QStringLiteral("half a thought"));
        QVERIFY(!annReads.conversation(conversation + 1000));

        const std::vector<messenger::ConversationListRow> annList = annReads.conversationList();
        QCOMPARE(annList.size(), 1u);
        QCOMPARE(annList[0].conversationId, conversation);
        QCOMPARE(annList[0].section, messenger::ListSection::Chat);
        QCOMPARE(annList[0].unread, 1);
        QVERIFY(annList[0].last);
        QCOMPARE(annList[0].last->body, QStringLiteral("hello ann, lovely weather"));

        // At Bob's, Ann is a stranger who wrote: a message request, until Bob writes back
        // (he did, in init: so a chat).
        Queries bobReads(bob->messenger());
        const std::vector<messenger::ConversationListRow> bobList = bobReads.conversationList();
        QCOMPARE(bobList.size(), 1u);
        QCOMPARE(bobList[0].peer, ann->id());
        QCOMPARE(bobList[0].section, messenger::ListSection::Chat);
    }

    // A group is a chat with no peer: listed by its name with who wrote last, its header
    // names every member with their admin mark, and says when we are no longer in it.
    void groupsInListAndHeader()
    {
        auto created = ann->messenger().createGroup(QStringLiteral("Climbing"), {bob->id()});
        QVERIFY(created);
        const std::int64_t atAnn = *created;
        deliverAll(*ann, *bob, annSent);
        Queries bobReads(bob->messenger());
        std::int64_t atBob = 0;
        for (const messenger::ConversationListRow &row : bobReads.conversationList())
            if (row.group)
                atBob = row.conversationId;
        QVERIFY(atBob != 0);
        QVERIFY(bob->messenger().sendGroupText(atBob, QStringLiteral("rope or no rope?")));
        deliverAll(*bob, *ann, bobSent);

        Queries annReads(ann->messenger());
        const std::vector<messenger::ConversationListRow> list = annReads.conversationList();
        QCOMPARE(list.size(), 2u);
        QCOMPARE(list[0].conversationId, atAnn); // the most recent activity first
        QVERIFY(list[0].group);
        QVERIFY(!list[0].peer.isValid());
        QCOMPARE(list[0].section, messenger::ListSection::Chat);
        QCOMPARE(list[0].name, QStringLiteral("Climbing"));
        QCOMPARE(list[0].memberCount, 2);
        QCOMPARE(list[0].unread, 1);
        QVERIFY(list[0].last);
        QCOMPARE(list[0].last->body, QStringLiteral("rope or no rope?"));
        QCOMPARE(list[0].lastSenderName, QStringLiteral("Bob"));
        QVERIFY(!list[1].group);

        std::optional<messenger::ConversationInfo> info = annReads.conversation(atAnn);
        QVERIFY(info);
        QVERIFY(info->group);
        QCOMPARE(info->name, QStringLiteral("Climbing"));
        QVERIFY(info->member);
        QVERIFY(info->admin);
        QCOMPARE(info->members.size(), 2u);
        for (const messenger::GroupMemberInfo &m : info->members) {
            QCOMPARE(m.self, m.peer == ann->id());
            QCOMPARE(m.admin, m.peer == ann->id()); // the creator is its admin
            QCOMPARE(m.name, m.self ? ann->profile().displayName() : QStringLiteral("Bob"));
        }
        const std::vector<messenger::SearchResult> hits = annReads.search(QStringLiteral("rope"), 10);
        QCOMPARE(hits.size(), 1u);
        QCOMPARE(hits[0].name, QStringLiteral("Climbing"));

        // Bob is no admin; once he left, his header says he is out (the history stays).
        QVERIFY(!bobReads.conversation(atBob)->admin);
        QVERIFY(bob->messenger().leaveGroup(atBob));
        info = bobReads.conversation(atBob);
        QVERIFY(info && info->group);
        QVERIFY(!info->member);
        QCOMPARE(info->members.size(), 1u);
    }

    void aStrangerWhoWroteIsARequest()
    {
        test::TestPeer eve(ctx, QStringLiteral("eve"));
        test::introduce(eve, *ann, QStringLiteral("Ann"));
        QVERIFY(eve.messenger().sendText(ann->id(), QStringLiteral("hi, it is eve")));
        std::int64_t eveSent = 0;
        deliverAll(eve, *ann, eveSent);
        Queries annReads(ann->messenger());
        const std::vector<messenger::ConversationListRow> list = annReads.conversationList();
        QCOMPARE(list.size(), 2u);
        QCOMPARE(list[0].section, messenger::ListSection::Request); // requests first
        QCOMPARE(list[0].peer, eve.id());
        const messenger::ConversationInfo info = annReads.conversationWith(eve.id());
        QVERIFY(info.request);
        QVERIFY(!info.accepted);
    }

    // Reads never write: a peer with no conversation gets none by being looked at.
    void readingMakesNoConversation()
    {
        Queries annReads(ann->messenger());
        const protocol::PeerId stranger = test::randomPeerId();
        const messenger::ConversationInfo info = annReads.conversationWith(stranger);
        QCOMPARE(info.id, std::int64_t(0));
        QCOMPARE(info.name, stranger.toString().left(8));
        QVERIFY(!info.known);
        QVERIFY(!annReads.findConversation(stranger));
        QCOMPARE(annReads.conversationList().size(), 1u);
        QCOMPARE(annReads.nameOf(bob->id()), QStringLiteral("Bob"));
        QCOMPARE(annReads.contacts().size(), 1u);
        QVERIFY(annReads.hasMessages(bob->id()));
        QVERIFY(!annReads.hasMessages(stranger));
    }
};

QTEST_GUILESS_MAIN(TestQueries)
#include "tst_queries.moc"
