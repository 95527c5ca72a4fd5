// SPDX-License-Identifier: GPL-3.0-or-later
// MessageModel over a real profile of 100,000 messages in one conversation, read through
// the core thread: pages arrive in order with no gap and no repeat, backwards from the
// newest and forwards from a search hit, in a window that never exceeds MaxRows; the
// model obeys QAbstractItemModel's contract.
#include "ui/MessageModel.h"

#include "tests/support/TestProfiles.h"

#include <QAbstractItemModelTester>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

using namespace sotto;
using storage::MessageRecord;

namespace {

constexpr int Messages = 100000;

MessageRecord message(std::int64_t conversation, const protocol::PeerId &from, int i)
{
    MessageRecord m;
    m.uuid = QByteArray(12, 'm') + QByteArray(reinterpret_cast<const char *>(&i), 4);
    m.conversationId = conversation;
    m.sender = from;
    m.outgoing = i % 3 == 0;
    m.body = QString::number(i);
    m.sentAt = 1'700'000'000'000 + qint64(i / 4) * 1000; // four messages share each second
    m.receivedAt = m.sentAt + 1;
    m.state = m.outgoing ? storage::MessageState::Delivered : storage::MessageState::Read;
    return m;
}

} // namespace

class TestMessageModel : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;
    std::unique_ptr<test::TestPeer> profile;
    protocol::PeerId other;
    qint64 conversationId = 0;
    std::unique_ptr<messenger::CoreThread> core;

    // Waits for the page in flight: its continuation is an event posted from the core thread.
    static bool settle(ui::MessageModel &model)
    {
        // An event loop that ends when the page lands: no spinning (a processEvents loop with
        // a timeout kept a core at 100 %), no sleeping between polls (qWaitFor's 10 ms per
        // page made 4,000 pages take 50 s).
        if (!model.loading())
            return true;
        QEventLoop loop;
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        connect(&model, &ui::MessageModel::windowChanged, &loop, [&] {
            if (!model.loading())
                loop.quit();
        });
        loop.exec();
        return !model.loading();
    }

    int bodyAt(ui::MessageModel &model, int row) { return model.data(model.index(row), ui::MessageModel::BodyRole).toInt(); }

private Q_SLOTS:
    void initTestCase()
    {
        profile = std::make_unique<test::TestPeer>(ctx, QStringLiteral("reader"));
        other = test::randomPeerId();
        storage::MessageStore &store = profile->profile().messages();
        const std::int64_t conversation = *store.conversationFor(other);
        conversationId = conversation;
        for (int i = 0; i < Messages;) {
            QVERIFY(profile->profile().database().begin());
            for (int end = i + 5000; i < end; ++i)
                QVERIFY(store.insert(message(conversation, other, i)));
            QVERIFY(profile->profile().database().commit());
        }
        const QString dir = profile->dir();
        profile->close();

        core = std::make_unique<messenger::CoreThread>();
        messenger::NodeOptions options;
        options.listenAddress = QHostAddress::LocalHost;
        options.discovery = false;
        auto opened = core->open({dir, {}, test::passphrase("correct horse"), true, options});
        const auto result = opened.future().result();
        QVERIFY2(result.has_value(), result ? "" : qPrintable(result.error().reason));
    }

    void cleanupTestCase() { core.reset(); }

    // Newest first, row after row, over the whole window the model holds.
    void verifyContiguous(ui::MessageModel &model)
    {
        for (int row = 0; row + 1 < model.rowCount(); ++row)
            QCOMPARE(bodyAt(model, row), bodyAt(model, row + 1) + 1);
    }

    void pagesBackwardsAndForwardsThroughEverything()
    {
        ui::MessageModel model(*core);
        model.open(conversationId);
        QCOMPARE(model.conversationId(), conversationId); // known at once: the window comes after
        QTRY_COMPARE(model.rowCount(), ui::MessageModel::PageSize);
        QVERIFY(!model.loading());
        QCOMPARE(model.peer(), other.toString());
        QCOMPARE(bodyAt(model, 0), Messages - 1);

        // Up to the very first message, a page at a time: each page continues exactly
        // where the last one ended, and the model never holds more than MaxRows.
        int pages = 1;
        int maxRows = 0;
        while (model.canFetchMore({})) {
            const int oldest = bodyAt(model, model.rowCount() - 1);
            model.fetchMore({});
            QVERIFY(settle(model));
            if (model.rowCount() > 0 && bodyAt(model, model.rowCount() - 1) != oldest)
                QCOMPARE(bodyAt(model, model.rowCount() - 1), oldest - ui::MessageModel::PageSize);
            maxRows = std::max(maxRows, model.rowCount());
            if (++pages % 200 == 0)
                verifyContiguous(model);
        }
        QVERIFY(model.atOldest());
        QVERIFY(!model.atNewest());
        QCOMPARE(bodyAt(model, model.rowCount() - 1), 0);
        QCOMPARE(maxRows, ui::MessageModel::MaxRows);
        // Each page is read a row longer than kept: the last one is known to be the last, no
        // empty page is asked for.
        QCOMPARE(pages, Messages / ui::MessageModel::PageSize);
        verifyContiguous(model);

        // And down again to the newest, the window sliding the other way.
        while (!model.atNewest()) {
            const int newest = bodyAt(model, 0);
            model.fetchNewer();
            QVERIFY(settle(model));
            QVERIFY(model.rowCount() <= ui::MessageModel::MaxRows);
            if (bodyAt(model, 0) != newest)
                QCOMPARE(bodyAt(model, 0), std::min(Messages - 1, newest + ui::MessageModel::PageSize));
        }
        QCOMPARE(bodyAt(model, 0), Messages - 1);
        verifyContiguous(model);
    }

    void opensAtAHitAndPagesBothWays()
    {
        ui::MessageModel model(*core);
        // The history row of message 50,000 (rows were inserted in order, from 1).
        const qint64 hitRow = 50001;
        QSignalSpy positioned(&model, &ui::MessageModel::positioned);
        model.openAt(conversationId, hitRow);
        QTRY_COMPARE(positioned.size(), 1);
        const int at = positioned.first().first().toInt();
        QCOMPARE(bodyAt(model, at), 50000);
        QVERIFY(model.data(model.index(at), ui::MessageModel::HighlightRole).toBool());
        QVERIFY(!model.atNewest());

        // Forward to the newest.
        while (!model.atNewest()) {
            model.fetchNewer();
            QVERIFY(settle(model));
        }
        QCOMPARE(bodyAt(model, 0), Messages - 1);
        QCOMPARE(model.rowCount(), ui::MessageModel::MaxRows); // the window slid along
        verifyContiguous(model);
        // And back a few pages: the newest end gives way.
        const int oldest = bodyAt(model, model.rowCount() - 1);
        for (int i = 0; i < 3; ++i) {
            model.fetchMore({});
            QVERIFY(settle(model));
        }
        QCOMPARE(bodyAt(model, model.rowCount() - 1), oldest - 3 * ui::MessageModel::PageSize);
        QVERIFY(!model.atNewest());
        QVERIFY(model.rowCount() <= ui::MessageModel::MaxRows);
        verifyContiguous(model);
    }

    // Home: the first page of the conversation, positioned at its first message, then
    // forward from there.
    void opensAtTheFirstMessageAndPagesForward()
    {
        ui::MessageModel model(*core);
        QSignalSpy positioned(&model, &ui::MessageModel::positioned);
        model.open(conversationId);
        QTRY_VERIFY(model.rowCount() > 0 && !model.loading());
        model.openOldest();
        QTRY_COMPARE(positioned.size(), 1);
        const int at = positioned.first().first().toInt();
        QCOMPARE(at, model.rowCount() - 1);
        QCOMPARE(bodyAt(model, at), 0);
        QVERIFY(model.atOldest());
        QVERIFY(!model.atNewest());
        QVERIFY(!model.data(model.index(at), ui::MessageModel::HighlightRole).toBool()); // a place, not a hit
        QSignalSpy inserted(&model, &ui::MessageModel::newerPageInserted);
        model.fetchNewer();
        QVERIFY(settle(model));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().first().toInt(), ui::MessageModel::PageSize);
        QCOMPARE(bodyAt(model, 0), 2 * ui::MessageModel::PageSize - 1);
        verifyContiguous(model);
    }

    // Links become anchors; everything else stays text, escaped: a peer's message is never markup.
    void linksAreAnchorsAndNothingElseIsMarkup()
    {
        const auto rich = [](const char *text) { return ui::MessageModel::richBody(QString::fromUtf8(text)); };
        const auto wrapped = [](const QString &html) { return QStringLiteral("<span style=\"white-space:pre-wrap\">%1</span>").arg(html); };
        QCOMPARE(rich("no link <b>here</b>"), QString());
        QCOMPARE(rich("see https://example.org/a?b=1&c=2."),
                 wrapped(QStringLiteral("see <a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>.")));
        const QString sneaky = rich("<img src=x> http://a.example\" onclick=\"x javascript:alert(1)");
        QVERIFY(sneaky.contains(QLatin1String("&lt;img src=x&gt; <a href=\"http://a.example\">")));
        QVERIFY(!sneaky.contains(QLatin1String("<img")));
        QVERIFY(!sneaky.contains(QLatin1String("href=\"javascript")));
        QVERIFY(rich("mail mailto:ann@example.org\nbye").contains(QLatin1String("<br>bye")));
        QCOMPARE(rich("just http:// alone"), QString());
    }

    // Emoji are set in the colour font (DejaVu's outline glyphs came first before), whole
    // sequences in one span; text-default symbols stay text; the rest stays escaped.
    void emojiAreInTheColourFont()
    {
        const auto rich = [](const char *text) { return ui::MessageModel::richBody(QString::fromUtf8(text)); };
        const QString span = QStringLiteral("<span style=\"font-family:'Noto Color Emoji'\">");
        QCOMPARE(rich("plain \u2713 \u263A text"), QString()); // ✓ and ☺ are text by default
        QCOMPARE(rich("coffee \u2615 <b>"),
                 QStringLiteral("<span style=\"white-space:pre-wrap\">coffee %1\u2615</span> &lt;b&gt;</span>").arg(span));
        // A family joined by ZWJ with a skin tone, a heart with VS16, a keycap and a flag:
        // four pictures, one run.
        const char *family = "\U0001F469\U0001F3FD\u200D\U0001F4BB\u2764\uFE0F1\uFE0F\u20E3\U0001F1E9\U0001F1EA";
        QCOMPARE(rich(family), QStringLiteral("<span style=\"white-space:pre-wrap\">%1%2</span></span>").arg(span, QString::fromUtf8(family)));
        // A digit alone is not a keycap; a bare ZWJ at the end does not run past the text.
        QCOMPARE(rich("1 2 3"), QString());
        QVERIFY(rich("\U0001F600\u200D").endsWith(QStringLiteral("\U0001F600</span>\u200D</span>")));
        // Emoji and a link together, and spaces kept.
        QCOMPARE(rich("\u2728  https://a.example"),
                 QStringLiteral("<span style=\"white-space:pre-wrap\">%1\u2728</span>  <a href=\"https://a.example\">https://a.example</a></span>").arg(span));
    }

    void timersReadAsPeopleSayThem()
    {
        QCOMPARE(ui::MessageModel::timerText(0), QStringLiteral("off"));
        QCOMPARE(ui::MessageModel::timerText(30), QStringLiteral("30 seconds"));
        QCOMPARE(ui::MessageModel::timerText(300), QStringLiteral("5 minutes"));
        QCOMPARE(ui::MessageModel::timerText(3600), QStringLiteral("1 hour"));
        QCOMPARE(ui::MessageModel::timerText(86400), QStringLiteral("1 day"));
        QCOMPARE(ui::MessageModel::timerText(604800), QStringLiteral("1 week"));
        QCOMPARE(ui::MessageModel::timerText(2 * 604800), QStringLiteral("2 weeks"));
    }

    // The item-model contract, checked on every change (its checks walk the whole model, so
    // a few pages each way rather than all 100,000 rows).
    void keepsTheModelContractWhilePaging()
    {
        ui::MessageModel model(*core);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy positioned(&model, &ui::MessageModel::positioned);
        model.openAt(conversationId, 70001);
        QTRY_COMPARE(positioned.size(), 1);
        for (int i = 0; i < 5; ++i) {
            model.fetchMore({});
            QVERIFY(settle(model));
            model.fetchNewer();
            QVERIFY(settle(model));
        }
        // The hit with 49 older and 50 newer, then five pages of 50 each way.
        QCOMPARE(model.rowCount(), 50 + 50 + 5 * 50 + 5 * 50);
        verifyContiguous(model);
        // Past MaxRows: rows leave at the far end, under the tester's eye too.
        for (int i = 0; i < 40; ++i) {
            model.fetchMore({});
            QVERIFY(settle(model));
        }
        QCOMPARE(model.rowCount(), ui::MessageModel::MaxRows);
        for (int i = 0; i < 40; ++i) {
            model.fetchNewer();
            QVERIFY(settle(model));
        }
        QCOMPARE(model.rowCount(), ui::MessageModel::MaxRows);
        verifyContiguous(model);
        model.open(0);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.conversationId(), qint64(0));
        QCOMPARE(model.peer(), QString());
    }

    void groupsAndDaysFollowTheNeighbours()
    {
        ui::MessageModel model(*core);
        model.openPeer(other.toString()); // by its peer: the same conversation
        QTRY_COMPARE(model.rowCount(), ui::MessageModel::PageSize);
        QCOMPARE(model.conversationId(), conversationId);
        for (int row = 0; row + 1 < model.rowCount(); ++row) {
            const bool outgoing = model.data(model.index(row), ui::MessageModel::OutgoingRole).toBool();
            const bool olderOutgoing = model.data(model.index(row + 1), ui::MessageModel::OutgoingRole).toBool();
            if (outgoing != olderOutgoing)
                QVERIFY(model.data(model.index(row), ui::MessageModel::FirstOfGroupRole).toBool());
        }
        // The oldest row loaded is marked against the message just beyond it (read with the
        // page): its marks, and so its height in the view, stay when that message's page
        // comes in (they changed, and the view jumped).
        const int last = model.rowCount() - 1;
        const qint64 lastRow = model.data(model.index(last), ui::MessageModel::RowIdRole).toLongLong();
        const bool firstOfDay = model.data(model.index(last), ui::MessageModel::FirstOfDayRole).toBool();
        const bool firstOfGroup = model.data(model.index(last), ui::MessageModel::FirstOfGroupRole).toBool();
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(settle(model));
        QCOMPARE(model.rowCount(), 2 * ui::MessageModel::PageSize);
        QCOMPARE(model.data(model.index(last), ui::MessageModel::RowIdRole).toLongLong(), lastRow);
        QCOMPARE(model.data(model.index(last), ui::MessageModel::FirstOfDayRole).toBool(), firstOfDay);
        QCOMPARE(model.data(model.index(last), ui::MessageModel::FirstOfGroupRole).toBool(), firstOfGroup);
        // A group ends where the next newer one starts; the newest row ends its group.
        QVERIFY(model.data(model.index(0), ui::MessageModel::LastOfGroupRole).toBool());
        for (int row = 1; row < model.rowCount(); ++row)
            QCOMPARE(model.data(model.index(row), ui::MessageModel::LastOfGroupRole).toBool(),
                     model.data(model.index(row - 1), ui::MessageModel::FirstOfGroupRole).toBool());
    }
};

QTEST_GUILESS_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
