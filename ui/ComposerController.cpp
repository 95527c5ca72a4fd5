// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ComposerController.h"

#include "ui/MessageModel.h"

#include "core/messenger/Queries.h"

#include <QGuiApplication>
#include <QSettings>

namespace sotto::ui {

namespace {
constexpr int SaveAfterMs = 400;
} // namespace

ComposerController::ComposerController(messenger::CoreThread &core, MessageModel &messages, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_messages(messages)
{
    m_save.setSingleShot(true);
    m_save.setInterval(SaveAfterMs);
    connect(&m_save, &QTimer::timeout, this, &ComposerController::saveDraft);
    connect(&messages, &MessageModel::conversationChanged, this, [this] { switchTo(m_messages.conversationId()); });
    m_sendTyping = QSettings().value(QStringLiteral("privacy/sendTyping"), true).toBool();
    m_typingIdle.setSingleShot(true);
    m_typingIdle.setInterval(TypingIdleMs);
    connect(&m_typingIdle, &QTimer::timeout, this, &ComposerController::stopTyping);
}

void ComposerController::setSendTyping(bool send)
{
    if (send == m_sendTyping)
        return;
    m_sendTyping = send;
    QSettings().setValue(QStringLiteral("privacy/sendTyping"), send);
    if (!send)
        stopTyping();
    Q_EMIT sendTypingChanged();
}

void ComposerController::tellTyping(qint64 conversationId, bool typing)
{
    m_core.run([conversationId, typing](messenger::CoreState &state) {
        if (!state.node)
            return;
        const std::optional<messenger::ConversationInfo> info = messenger::Queries(*state.node).conversation(conversationId);
        if (info && info->group) // to each member online (pairwise, ephemeral)
            state.node->sendGroupTyping(conversationId, typing);
        else if (info)
            state.node->sendTyping(info->peer, typing); // ephemeral: dropped if the peer is offline
    });
}

void ComposerController::typed()
{
    if (!m_sendTyping || !m_conversation)
        return;
    if (m_current.text.isEmpty()) {
        stopTyping();
        return;
    }
    if (!m_typingSent || m_typingTold.elapsed() >= TypingRepeatMs) {
        m_typingConversation = m_conversation;
        tellTyping(m_typingConversation, true);
        m_typingSent = true;
        m_typingTold.start();
    }
    m_typingIdle.start();
}

void ComposerController::stopTyping()
{
    m_typingIdle.stop();
    if (m_typingSent && m_typingConversation)
        tellTyping(m_typingConversation, false);
    m_typingSent = false;
}

void ComposerController::setText(const QString &text)
{
    if (text == m_current.text)
        return;
    m_current.text = text;
    Q_EMIT textChanged();
    if (m_conversation && !m_current.editing)
        m_save.start();
    typed();
}

void ComposerController::switchTo(qint64 conversationId)
{
    if (conversationId == m_conversation)
        return;
    stopTyping();
    if (m_conversation) {
        if (m_save.isActive()) {
            m_save.stop();
            saveDraft();
        }
        m_others.insert(m_conversation, m_current);
    }
    // What was typed while a conversation with someone nearby was being made (no id yet)
    // belongs to that conversation, once it has one.
    const bool carry = m_conversation == 0 && conversationId && !m_others.contains(conversationId)
        && (!m_current.text.isEmpty() || m_current.replyTo || m_current.editing);
    ++m_generation;
    m_conversation = conversationId;
    m_current = carry ? std::exchange(m_current, {}) : m_others.take(conversationId);
    if (carry && !m_current.editing)
        m_save.start();
    Q_EMIT textChanged();
    Q_EMIT modeChanged();
    Q_EMIT textReplaced();
    if (conversationId && m_current.text.isEmpty() && !m_current.replyTo && !m_current.editing)
        load(conversationId);
}

void ComposerController::load(qint64 conversationId)
{
    const quint64 generation = m_generation;
    m_core.run([conversationId](messenger::CoreState &state) {
              return state.node ? messenger::Queries(*state.node).draft(conversationId) : QString();
          })
        .then(this, [this, generation](const QString &draft) {
            // Not if the user moved on, or typed meanwhile.
            if (generation != m_generation || !m_current.text.isEmpty() || draft.isEmpty())
                return;
            m_current.text = draft;
            Q_EMIT textChanged();
            Q_EMIT textReplaced();
        });
}

void ComposerController::saveDraft()
{
    if (!m_conversation)
        return;
    const qint64 conversationId = m_conversation;
    const QString text = m_current.editing ? m_current.draftBeforeEdit : m_current.text;
    m_core.run([conversationId, text](messenger::CoreState &state) {
        if (state.node)
            (void)state.node->setDraft(conversationId, text); // a draft that could not be kept is only a draft
    });
}

void ComposerController::forgetRow(qint64 rowId)
{
    if (m_current.replyTo == rowId || m_current.editing == rowId)
        cancel();
}

void ComposerController::startReply(qint64 rowId)
{
    const QVariantMap info = m_messages.rowInfo(rowId);
    if (info.isEmpty())
        return;
    if (m_current.editing)
        cancel();
    m_current.replyTo = rowId;
    m_current.replyPreview = info.value(QStringLiteral("body")).toString().left(200);
    Q_EMIT modeChanged();
}

void ComposerController::startEdit(qint64 rowId)
{
    const QVariantMap info = m_messages.rowInfo(rowId);
    if (info.isEmpty() || !info.value(QStringLiteral("outgoing")).toBool())
        return;
    if (!m_current.editing)
        m_current.draftBeforeEdit = m_current.text;
    m_current.replyTo = 0;
    m_current.replyPreview.clear();
    m_current.editing = rowId;
    m_current.text = info.value(QStringLiteral("body")).toString();
    Q_EMIT modeChanged();
    Q_EMIT textChanged();
    Q_EMIT textReplaced();
}

void ComposerController::cancel()
{
    const bool wasEditing = m_current.editing != 0;
    m_current.replyTo = 0;
    m_current.replyPreview.clear();
    m_current.editing = 0;
    if (wasEditing) {
        m_current.text = std::exchange(m_current.draftBeforeEdit, QString());
        Q_EMIT textChanged();
        Q_EMIT textReplaced();
    }
    Q_EMIT modeChanged();
}

void ComposerController::submit()
{
    const QString text = m_current.text.trimmed();
    if (text.isEmpty() || !m_conversation)
        return;
    stopTyping();
    if (m_current.editing) {
        m_messages.edit(m_current.editing, text);
        m_current.editing = 0;
        m_current.text = std::exchange(m_current.draftBeforeEdit, QString());
    } else {
        m_messages.send(text, m_current.replyTo);
        m_current.text.clear();
    }
    m_current.replyTo = 0;
    m_current.replyPreview.clear();
    Q_EMIT textChanged();
    Q_EMIT modeChanged();
    m_save.stop();
    saveDraft();
}

void ComposerController::clear()
{
    stopTyping();
    if (m_save.isActive()) {
        m_save.stop();
        saveDraft(); // queued before the core closes the profile
    }
    ++m_generation;
    m_others.clear();
    m_current = {};
    m_conversation = 0;
    Q_EMIT textChanged();
    Q_EMIT modeChanged();
}

QString ComposerController::takeCaption()
{
    if (m_current.editing || !m_conversation)
        return {};
    const QString caption = m_current.text.trimmed();
    stopTyping();
    m_current.text.clear();
    Q_EMIT textChanged();
    m_save.stop();
    saveDraft();
    return caption;
}

} // namespace sotto::ui
