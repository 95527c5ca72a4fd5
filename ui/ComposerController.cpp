// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ComposerController.h"

#include "ui/MessageModel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
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
    connect(&messages, &MessageModel::peerChanged, this, [this] { switchTo(m_messages.peer()); });
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

void ComposerController::tellTyping(const QString &peer, bool typing)
{
    const protocol::PeerId id = protocol::PeerId::fromString(peer);
    m_core.run([id, typing](messenger::CoreState &state) {
        if (state.node && id.isValid())
            state.node->sendTyping(id, typing); // ephemeral: dropped if the peer is offline
    });
}

void ComposerController::typed()
{
    if (!m_sendTyping || m_peer.isEmpty())
        return;
    if (m_current.text.isEmpty()) {
        stopTyping();
        return;
    }
    if (!m_typingSent || m_typingTold.elapsed() >= TypingRepeatMs) {
        tellTyping(m_peer, true);
        m_typingSent = true;
        m_typingTold.start();
    }
    m_typingIdle.start();
}

void ComposerController::stopTyping()
{
    m_typingIdle.stop();
    if (m_typingSent && !m_peer.isEmpty())
        tellTyping(m_peer, false);
    m_typingSent = false;
}

void ComposerController::setText(const QString &text)
{
    if (text == m_current.text)
        return;
    m_current.text = text;
    Q_EMIT textChanged();
    if (!m_peer.isEmpty() && !m_current.editing)
        m_save.start();
    typed();
}

void ComposerController::switchTo(const QString &peer)
{
    if (peer == m_peer)
        return;
    stopTyping();
    if (!m_peer.isEmpty()) {
        if (m_save.isActive()) {
            m_save.stop();
            saveDraft();
        }
        m_others.insert(m_peer, m_current);
    }
    ++m_generation;
    m_peer = peer;
    m_current = m_others.take(peer);
    Q_EMIT textChanged();
    Q_EMIT modeChanged();
    Q_EMIT textReplaced();
    if (!peer.isEmpty() && m_current.text.isEmpty() && !m_current.replyTo && !m_current.editing)
        load(peer);
}

void ComposerController::load(const QString &peer)
{
    const quint64 generation = m_generation;
    const protocol::PeerId id = protocol::PeerId::fromString(peer);
    m_core.run([id](messenger::CoreState &state) {
              if (!state.node || !id.isValid())
                  return QString();
              storage::MessageStore &history = state.node->messenger().history();
              auto conversation = history.conversationFor(id);
              return conversation ? history.draft(*conversation) : QString();
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
    if (m_peer.isEmpty())
        return;
    const protocol::PeerId id = protocol::PeerId::fromString(m_peer);
    const QString text = m_current.editing ? m_current.draftBeforeEdit : m_current.text;
    m_core.run([id, text](messenger::CoreState &state) {
        if (!state.node || !id.isValid())
            return;
        storage::MessageStore &history = state.node->messenger().history();
        if (auto conversation = history.conversationFor(id))
            (void)history.setDraft(*conversation, text); // a draft that could not be kept is only a draft
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
    if (text.isEmpty() || m_peer.isEmpty())
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
    m_peer.clear();
    Q_EMIT textChanged();
    Q_EMIT modeChanged();
}

QString ComposerController::pasteProblem() const
{
    const QClipboard *clipboard = QGuiApplication::clipboard();
    const QMimeData *data = clipboard ? clipboard->mimeData() : nullptr;
    if (!data || (data->hasText() && !data->text().isEmpty()))
        return {};
    if (data->hasImage())
        return tr("Images cannot be sent yet: Sotto sends text only for now.");
    if (data->hasUrls())
        return tr("Files cannot be sent yet: Sotto sends text only for now.");
    return {};
}

} // namespace sotto::ui
