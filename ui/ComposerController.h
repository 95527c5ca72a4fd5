// SPDX-License-Identifier: GPL-3.0-or-later
// ComposerController is what is being written, per conversation (NeoChat's ChatBarCache):
// the draft, the message being answered and the message being edited. Switching
// conversations switches all three, so a text typed to one person never goes to another;
// drafts are kept in the profile (across restarts), reply and edit only while it runs. It
// does not send (MessageModel does) and owns no history.
#pragma once

#include "core/messenger/CoreThread.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace sotto::ui {

class MessageModel;

class ComposerController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by the application")
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(qint64 replyToRow READ replyToRow NOTIFY modeChanged)
    Q_PROPERTY(QString replyPreview READ replyPreview NOTIFY modeChanged)
    Q_PROPERTY(qint64 editingRow READ editingRow NOTIFY modeChanged)
    // Whether the peer is told while we type (a setting, on by default).
    Q_PROPERTY(bool sendTyping READ sendTyping WRITE setSendTyping NOTIFY sendTypingChanged)

public:
    ComposerController(messenger::CoreThread &core, MessageModel &messages, QObject *parent = nullptr);

    QString text() const { return m_current.text; }
    void setText(const QString &text);
    qint64 replyToRow() const { return m_current.replyTo; }
    QString replyPreview() const { return m_current.replyPreview; }
    qint64 editingRow() const { return m_current.editing; }
    bool sendTyping() const { return m_sendTyping; }
    void setSendTyping(bool send);

    // Typing is told at most once every 3 s while it goes on, and "stopped" after 5 s
    // without a key (or when the text is sent or the conversation left).
    static constexpr int TypingRepeatMs = 3000;
    static constexpr int TypingIdleMs = 5000;

    // Answer this message (the composer shows a quote of it).
    Q_INVOKABLE void startReply(qint64 rowId);
    // Change one of our own messages: its text goes into the composer.
    Q_INVOKABLE void startEdit(qint64 rowId);
    Q_INVOKABLE void cancel(); // no reply, no edit: back to the draft
    // Sends the text (or the edit); the composer is empty afterwards.
    Q_INVOKABLE void submit();
    // Files are being sent: the text typed, if any, becomes the caption (of the last file,
    // as Signal does) and the composer is empty afterwards, as after a send. An edit in
    // progress is left alone (its text is not a caption): "" then.
    QString takeCaption();

    // The message went away (it disappeared): a reply to it or an edit of it ends.
    void forgetRow(qint64 rowId);
    // Forgets everything (a lock); drafts not yet saved are saved first.
    void clear();

Q_SIGNALS:
    void textChanged();
    void modeChanged();
    void sendTypingChanged();
    // The text was replaced from here (another conversation, a draft loaded, an edit
    // started or ended), not typed: the field puts its cursor at the end.
    void textReplaced();

private:
    struct State {
        QString text;
        qint64 replyTo = 0;
        QString replyPreview;
        qint64 editing = 0;
        QString draftBeforeEdit; // the draft comes back when an edit ends
    };

    void switchTo(qint64 conversationId);
    void saveDraft(); // the current conversation's draft, to the profile
    void load(qint64 conversationId);
    void typed();               // a key changed the text
    void stopTyping();          // tells the peer we stopped, if we had said we were typing
    void tellTyping(qint64 conversationId, bool typing);

    messenger::CoreThread &m_core;
    MessageModel &m_messages;
    qint64 m_conversation = 0;      // what is being written is for this conversation
    State m_current;
    QHash<qint64, State> m_others;  // conversations switched away from, while running
    QTimer m_save;                  // drafts are written after a pause in typing
    quint64 m_generation = 0;
    bool m_sendTyping = true;
    bool m_typingSent = false;     // the peer was told we are typing
    qint64 m_typingConversation = 0; // whose peer was told
    QElapsedTimer m_typingTold;     // since we last told it
    QTimer m_typingIdle;
};

} // namespace sotto::ui
