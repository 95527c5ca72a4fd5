// SPDX-License-Identifier: GPL-3.0-or-later
// MessageModel is the open conversation: newest message at row 0 (the chat view lays it
// out bottom to top), older pages fetched on demand through fetchMore, so a conversation
// of 100,000 messages opens with one page; at most MaxRows are held, a window that slides
// as the user scrolls.
// Opened at a search hit it holds a window around that message and pages forward with
// fetchNewer. Pages are read on the core thread; the model never touches SQL itself.
#pragma once

#include "core/messenger/CoreThread.h"
#include "core/messenger/Queries.h"

#include <QAbstractListModel>

#include <functional>
#include <QtQml/qqmlregistration.h>

namespace sotto::ui {

struct HistoryWindow;
struct HistoryPage;

// An attachment message's file as a row shows it: the pointer's facts and how far its
// transfer got. The thumbnail's bytes stay in the database (the image provider reads them
// by file id), so 2000 rows of images hold no pictures here.
struct RowAttachment {
    QByteArray fileId; // 16 bytes
    QString name;      // the sender's name for it (shown only as plain text)
    QString mime;
    quint64 size = 0;
    storage::AttachmentState state = storage::AttachmentState::Downloading;
    quint64 chunksDone = 0;
    QString error;
    bool hasThumbnail = false;
};

// What a row shows beside its own record: read with its page on the core thread.
struct RowExtras {
    QString quote;          // the quoted message's text ("" when not a reply)
    qint64 quoteRow = 0;    // its history row, 0 when it is not here (or not a reply)
    QString reactions;      // "👍 2  ❤️ 1", empty when none
    QStringList reactors;   // "👍 Ann", one line per reaction, for the tooltip
    std::optional<RowAttachment> attachment; // an attachment message's file
};

class MessageModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by the application")
    // The open conversation (0: none); its peer, once its header is read ("" for none).
    Q_PROPERTY(qint64 conversationId READ conversationId NOTIFY conversationChanged)
    Q_PROPERTY(QString peer READ peer NOTIFY peerChanged)
    Q_PROPERTY(QString peerName READ peerName NOTIFY contactChanged)
    Q_PROPERTY(QString trust READ trust NOTIFY contactChanged)
    // "Maybe Bob with a new key?": an older contact of the same name, offline (else empty).
    Q_PROPERTY(QString namesake READ namesake NOTIFY contactChanged)
    Q_PROPERTY(QString namesakeName READ namesakeName NOTIFY contactChanged)
    Q_PROPERTY(bool online READ online NOTIFY contactChanged)
    // A message request: a stranger wrote and the user has not accepted, blocked or deleted
    // it yet. The window offers those three instead of the composer.
    Q_PROPERTY(bool request READ request NOTIFY contactChanged)
    Q_PROPERTY(bool atNewest READ atNewest NOTIFY windowChanged)
    Q_PROPERTY(bool atOldest READ atOldest NOTIFY windowChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY windowChanged)
    Q_PROPERTY(bool inView READ inView WRITE setInView NOTIFY inViewChanged)
    Q_PROPERTY(int timer READ timer NOTIFY contactChanged)
    Q_PROPERTY(bool peerTyping READ peerTyping NOTIFY peerTypingChanged)
    // A group is open: no peer; peerName is the group's name. groupMember: we are still in
    // it (else the composer gives way to a note); memberCount for the header.
    Q_PROPERTY(bool isGroup READ isGroup NOTIFY contactChanged)
    Q_PROPERTY(bool groupMember READ groupMember NOTIFY contactChanged)
    Q_PROPERTY(int memberCount READ memberCount NOTIFY contactChanged)

public:
    static constexpr int PageSize = 50;
    // The most rows held: scrolling further drops pages at the far end (fetched again when
    // scrolled back), so memory stays bounded however long the history.
    static constexpr int MaxRows = 2000;

    enum Role {
        RowIdRole = Qt::UserRole + 1, // the history row id (stable)
        BodyRole,                     // the text
        OutgoingRole,                 // ours
        StateRole,                    // "queued", "sent", "delivered", "read", "failed", "received"
        TimeRole,                     // "14:03"
        DayRole,                      // "Monday, 23 November 2026"
        FirstOfDayRole,               // the oldest loaded message of its day: show the day
        FirstOfGroupRole,             // starts a run of one sender's messages within one minute
        HighlightRole,                // the search hit this conversation was opened at
        MessageIdRole,                // the message's id (32 hex digits), as the headless mode names it
        KindRole,                     // a MessageKind: which delegate shows it
        EditedRole,                   // the text was edited
        QuoteRole,                    // a reply: the text it quotes
        QuoteRowRole,                 // a reply: the quoted message's row id (0: not here)
        ReactionsRole,                // "👍 2  ❤️ 1"
        ReactorsRole,                 // who reacted with what, one line each
        CanChangeRole,                // ours and recent: can be edited or deleted for everyone
        FirstUnreadRole,              // the oldest message that was unread when the conversation opened
        RichBodyRole,                 // the text as HTML: links clickable, emoji in colour; "" when plain text shows it as well
        LastOfGroupRole,              // ends such a run (the newest of it): its bubble shows the time
        SenderNameRole,               // in a group, who wrote it ("" for ours and in 1:1 chats)
        ReactionsRichRole,            // the reactions as HTML, emoji in the colour font
        // An attachment (kind Attachment; empty or 0 for other rows):
        AttachmentIdRole,             // its file id (32 hex digits), as the image provider and actions name it
        AttachmentNameRole,           // the file's name (plain text: a peer chose it)
        AttachmentSizeRole,           // bytes
        AttachmentSizeTextRole,       // "4.2 MB"
        AttachmentMimeRole,           // "image/png"
        AttachmentStateRole,          // "uploading", "downloading", "paused", "done", "failed"
        AttachmentBytesRole,          // bytes moved so far
        AttachmentProgressTextRole,   // "1.2 MB of 4.2 MB · 3.1 MB/s · 1 s left" while it moves
        AttachmentErrorRole,          // why it failed or paused ("" otherwise)
        AttachmentThumbnailRole,      // it carries a thumbnail (image://attachment/<id> serves it)
        AttachmentIsImageRole,        // an image this window can show
    };
    Q_ENUM(Role)

    // Which delegate shows a row (NeoChat's MessageComponentType): no string compares in QML.
    enum MessageKind {
        Text,
        Unsupported, // a kind a newer Sotto sent: "update Sotto to see it"
        Deleted,     // a tombstone
        TimerNotice, // "X set disappearing messages to 1 hour"; quote holds the words
        Attachment,  // a file or an image; its caption is the body
    };
    Q_ENUM(MessageKind)

    MessageModel(messenger::CoreThread &core, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    qint64 conversationId() const { return m_conversation; }
    QString peer() const { return m_peer; }
    QString peerName() const { return m_peerName; }
    QString trust() const { return m_trust; }
    QString namesake() const { return m_namesake; }
    QString namesakeName() const { return m_namesakeName; }
    bool online() const { return m_online; }
    bool request() const { return m_request; }
    bool atNewest() const { return m_atNewest; }
    bool atOldest() const { return m_atOldest; }
    bool loading() const { return m_loading; }
    bool inView() const { return m_inView; }
    int timer() const { return m_timer; }
    bool peerTyping() const { return m_peerTyping; }
    bool isGroup() const { return m_group; }
    bool groupMember() const { return m_groupMember; }
    int memberCount() const { return m_memberCount; }
    void setPeerTyping(const QString &peer, bool typing);
    // `text` escaped as HTML, with http, https and mailto links as anchors and emoji runs in
    // the colour font (nothing else becomes markup); "" when it has neither.
    static QString richBody(const QString &text);
    // "1 hour", "30 seconds", "off": how the window says a timer.
    Q_INVOKABLE static QString timerText(int seconds);
    void setInView(bool inView);

    // Opens the newest page of the conversation (0 closes it). `peer`, when the caller
    // knows it (a sidebar row, a search hit), is the one shown and acted on (Block, contact
    // page, typing) from now on, not the previous conversation's until the header is read.
    Q_INVOKABLE void open(qint64 conversationId, const QString &peer = QString());
    // The same for the conversation with `peer` ("" closes it): someone nearby we never
    // talked with has none yet, and gets one.
    Q_INVOKABLE void openPeer(const QString &peer);
    // Opens a group's conversation (a sidebar row with no peer): the header is the group's
    // at once, never the previous peer's.
    Q_INVOKABLE void openGroup(qint64 conversationId);
    // Opens the conversation around one message (a search hit); `positioned` tells where.
    Q_INVOKABLE void openAt(qint64 conversationId, qint64 rowId, const QString &peer = QString());
    // Opens the open conversation at its first message (Home); `positioned` tells where.
    Q_INVOKABLE void openOldest();
    // The next page towards the first message (what fetchMore does) or towards the newest.
    // The view asks for them itself, as it nears either end of what is loaded: Qt 6.4's
    // ListView never calls fetchMore for a delegate it reuses (reuseItems), so history
    // stopped at the first page.
    Q_INVOKABLE void fetchOlder();
    Q_INVOKABLE void fetchNewer();
    // `replyToRow`: the row id of the message answered, 0 for none.
    Q_INVOKABLE void send(const QString &text, qint64 replyToRow = 0);
    Q_INVOKABLE void edit(qint64 rowId, const QString &text);
    Q_INVOKABLE void remove(qint64 rowId, bool forEveryone);
    Q_INVOKABLE void react(qint64 rowId, const QString &emoji);
    // Asks for the earlier texts of an edited message; editHistoryRead brings them.
    Q_INVOKABLE void readEditHistory(qint64 rowId);
    // The open conversation's disappearing-message timer, in seconds (0: off).
    Q_INVOKABLE void setTimer(int seconds);
    // The row's text and whether it is ours (what the composer needs to start an edit or a reply).
    Q_INVOKABLE QVariantMap rowInfo(qint64 rowId) const;
    // The user compared safety numbers: the namesake's history joins this conversation.
    Q_INVOKABLE void mergeNamesake();
    // "Not the same person": the question is not asked again for this contact.
    Q_INVOKABLE void dismissNamesake();
    Q_INVOKABLE void refreshContact();
    Q_INVOKABLE void clear();
    // One of our messages made elsewhere (a file sent by AttachmentController): shown as a
    // text sent from here is.
    void addSent(const storage::MessageRecord &m);
    // The row's extras (its attachment's state) read again, after a pause, resume or cancel.
    void refreshRow(qint64 rowId) { refreshExtras({rowId}); }
    // Formats for the window: "4.2 MB" (the locale's units).
    static QString sizeText(quint64 bytes);

Q_SIGNALS:
    void conversationChanged();
    // Also when a conversation is opened again (its window read anew).
    void peerChanged();
    void contactChanged();
    void windowChanged();
    void inViewChanged();
    void peerTypingChanged();
    // A new message arrived in the open conversation (not a page read from history).
    void messageArrived();
    // Earlier texts of a message, oldest first, each "time: text"; the current text last.
    void editHistoryRead(qint64 rowId, const QStringList &versions);
    void positioned(int row);
    // Around rows inserted below what is loaded (a newer page): a view that sits at the
    // bottom would stay pinned there and show them, losing the reader's place.
    void newerPageAboutToBeInserted();
    void newerPageInserted(int count);
    void sendFailed(const QString &reason);
    void sent();
    void conversationRead();

private:
    using WindowFill = std::function<messenger::HistoryItems(messenger::Queries &, HistoryWindow &)>;
    void openWindow(qint64 conversationId, const QString &peer, qint64 highlight, WindowFill fill, bool group = false);
    void addSenderNames(const QHash<QString, QString> &names);
    void setConversation(qint64 conversationId, const QString &peer);
    void applyInfo(const messenger::ConversationInfo &info);
    void show(const HistoryWindow &window, qint64 highlight);
    void onReceived(const storage::MessageRecord &m);
    void onState(const QByteArray &uuid, storage::MessageState state);
    void onUpdated(const storage::MessageRecord &m);
    void onRemoved(const storage::MessageRecord &m);
    void onProgress(const storage::AttachmentRecord &a, quint64 bytesDone);
    QVariant attachmentData(const storage::MessageRecord &m, int role) const;
    void refreshExtras(const QList<qint64> &rowIds);
    void changeFailed(const messenger::Error &error);
    void insertNewest(const storage::MessageRecord &m);
    void trimNewest(); // beyond MaxRows, after older pages came in
    void trimOldest(); // beyond MaxRows, after newer rows came in
    void markReadIfInView();
    void setLoading(bool loading);
    // clear(), keeping the header (name, trust, request...) when the same conversation is
    // opened at another place.
    void clearWindow(bool keepHeader);

    messenger::CoreThread &m_core;
    QString m_peer;
    QString m_peerName;
    // The messages just beyond the oldest and the newest row loaded (none at either end of
    // the conversation): day and group marks are worked out against them, so a row looks
    // the same before and after its neighbour's page is loaded.
    std::optional<storage::MessageRecord> m_olderEdge, m_newerEdge;
    QString m_trust = QStringLiteral("unverified");
    QString m_namesake;
    bool m_request = false;
    QString m_namesakeName;
    bool m_online = false;
    int m_timer = 0;
    bool m_peerTyping = false;
    bool m_group = false;
    bool m_groupMember = false;
    int m_memberCount = 0;
    QHash<QString, QString> m_senderNames; // a group's writers by PeerId text
    qint64 m_conversation = 0;
    QList<storage::MessageRecord> m_rows; // newest first
    QHash<qint64, RowExtras> m_extras;    // by row id, for rows that quote or have reactions
    // Transfers moving now, by file id: what the last progress said, for speed and time left.
    struct Progress {
        quint64 bytes = 0;
        double bytesPerSecond = 0; // smoothed
        qint64 at = 0;             // ms, monotonic
    };
    QHash<QByteArray, Progress> m_progress;
    bool m_atNewest = true;
    bool m_atOldest = true;
    bool m_loading = false;
    bool m_shown = false; // the open conversation's window is in (not being read)
    bool m_inView = false;
    qint64 m_highlight = 0;
    qint64 m_firstUnread = 0; // row id of the "New messages" marker, 0: none
    QList<storage::MessageRecord> m_arrivedWhileOpening;
    quint64 m_generation = 0; // a page that arrives after the conversation changed is dropped
};

} // namespace sotto::ui
