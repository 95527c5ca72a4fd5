// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AppController.h"

#include "ui/TypingTracker.h"

#include "ui/DemoPeer.h"
#include "ui/SystemAppearance.h"
#include "ui/UiLog.h"

#include "core/messenger/Queries.h"

#include <QCoreApplication>

namespace sotto::ui {

AppController::AppController(AppOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_core(std::make_unique<messenger::CoreThread>())
    , m_session(new SessionController(*m_core, m_options.profileDir, m_options.node, m_options.fastKdfForTests, this))
    , m_conversations(new ConversationListModel(*m_core, this))
    , m_messages(new MessageModel(*m_core, this))
    , m_composer(new ComposerController(*m_core, *m_messages, this))
    , m_search(new SearchModel(*m_core, this))
    , m_contact(new ContactController(*m_core, this))
    , m_desktop(new DesktopController(this))
    , m_groups(new GroupController(*m_core, this))
    , m_attachments(new AttachmentController(*m_core, *m_messages, *m_composer, this))
    , m_typing(new TypingTracker(this))
{
    // Who is typing to us: the sidebar row and, for the open conversation, the header.
    connect(m_core.get(), &messenger::CoreThread::typingChanged, this,
            [this](const protocol::PeerId &peer, bool typing) { m_typing->set(peer.toString(), typing); });
    connect(m_core.get(), &messenger::CoreThread::groupTypingChanged, this,
            [this](qint64 conversation, const protocol::PeerId &member, const QString &name, bool typing) {
                m_typing->setInGroup(conversation, member.toString(), name, typing);
            });
    // A message from them ends their typing at once (in that group, for a group's).
    connect(m_core.get(), &messenger::CoreThread::messageReceived, this, [this](const storage::MessageRecord &m) {
        m_typing->set(m.sender.toString(), false);
        m_typing->setInGroup(m.conversationId, m.sender.toString(), {}, false);
    });
    // The header of the open group: a change there, or another conversation opened.
    connect(m_typing, &TypingTracker::groupTypingChanged, this, [this](qint64 conversation) {
        if (conversation == m_messages->conversationId())
            Q_EMIT groupTypingChanged();
    });
    connect(m_messages, &MessageModel::conversationChanged, this, &AppController::groupTypingChanged);
    connect(m_typing, &TypingTracker::typingChanged, m_conversations, &ConversationListModel::setTyping);
    // A message that disappeared leaves the sidebar's preview and the composer too.
    connect(m_core.get(), &messenger::CoreThread::messageRemoved, m_conversations, &ConversationListModel::refresh);
    connect(m_core.get(), &messenger::CoreThread::messageRemoved, this,
            [this](const storage::MessageRecord &m) { m_composer->forgetRow(m.id); });
    connect(m_typing, &TypingTracker::typingChanged, m_messages, &MessageModel::setPeerTyping);
    connect(m_messages, &MessageModel::peerChanged, this,
            [this] { m_messages->setPeerTyping(m_messages->peer(), m_typing->isTyping(m_messages->peer())); });
    connect(m_session, &SessionController::unlocked, this, &AppController::onUnlocked);
    connect(m_session, &SessionController::locked, this, &AppController::onLocked);
    connect(m_messages, &MessageModel::sent, m_conversations, &ConversationListModel::refresh);
    connect(m_messages, &MessageModel::conversationRead, m_conversations, &ConversationListModel::refresh);
    connect(m_messages, &MessageModel::sendFailed, this, &AppController::setNotice);
    connect(m_contact, &ContactController::failed, this, &AppController::setNotice);
    connect(m_attachments, &AttachmentController::failed, this, &AppController::setNotice);
    connect(m_contact, &ContactController::trustChanged, this, [this](const QString &peer) {
        m_conversations->refresh();
        if (peer == m_messages->peer())
            m_messages->refreshContact();
    });
    connect(m_contact, &ContactController::requestDeleted, this, [this](const QString &peer) {
        m_conversations->refresh();
        if (peer == m_messages->peer())
            m_messages->open(0); // its history is gone
    });
    // A group just made opens, as a new chat does (the sidebar learns it from groupUpdated).
    connect(m_groups, &GroupController::created, m_messages, &MessageModel::openGroup);
    connect(m_conversations, &ConversationListModel::totalUnreadChanged, this,
            [this] { m_desktop->setUnread(m_conversations->totalUnread()); });
    connect(m_desktop, &DesktopController::lockRequested, m_session, &SessionController::lock);
    connect(m_desktop, &DesktopController::showRequested, this, &AppController::showWindow);
    connect(m_desktop, &DesktopController::quitRequested, qApp, &QCoreApplication::quit);
    connect(m_core.get(), &messenger::CoreThread::messageReceived, this, [this](const storage::MessageRecord &m) {
        if (m_messages->inView() && m_messages->conversationId() == m.conversationId)
            return; // being read right now
        if (m.kind != storage::MessageKind::Text && m.kind != storage::MessageKind::Attachment)
            return; // a notice or a kind we cannot show: nothing to tell
        // The sender's name from the profile: the sidebar may not list a new contact yet.
        // In a group the title is the group's name and the text says who wrote (Signal's
        // "Climbing / Ann: see you there"); a member need not be our contact.
        struct Told {
            QString title;
            QString sender;
            bool notify = false;
        };
        const protocol::PeerId sender = m.sender;
        const std::int64_t conversationId = m.conversationId;
        // A file says so (its name stays out of the notification; the caption is its text).
        const QString body = m.kind == storage::MessageKind::Attachment
            ? QStringLiteral("\U0001F4CE ") + (m.body.isEmpty() ? tr("File") : m.body)
            : m.body;
        m_core->run([sender, conversationId](messenger::CoreState &state) {
                  if (!state.node)
                      return Told{sender.toString().left(8), {}, false};
                  messenger::Queries queries(*state.node);
                  if (const std::optional<messenger::ConversationInfo> c = queries.conversation(conversationId); c && c->group)
                      return Told{c->name, queries.nameOf(sender), c->member};
                  const std::optional<storage::ContactRecord> contact = queries.contact(sender);
                  return Told{queries.nameOf(sender), {}, contact && contact->accepted};
              })
            .then(this, [this, body](const Told &told) {
                // A stranger's message is not a chat's: its request is told once, quietly
                // (messageRequest).
                if (m_session->state() == SessionController::Unlocked && told.notify) // not after a lock
                    m_desktop->notifyMessage(told.title, told.sender.isEmpty() ? body : tr("%1: %2").arg(told.sender, body));
            });
    });
    // A stranger wrote: one quiet notification, without the text, not a chat's.
    connect(m_core.get(), &messenger::CoreThread::messageRequest, this, [this](const protocol::PeerId &peer) {
        m_conversations->refreshNow();
        const protocol::PeerId sender = peer;
        m_core->run([sender](messenger::CoreState &state) {
                  return state.node ? messenger::Queries(*state.node).nameOf(sender) : QString();
              })
            .then(this, [this, sender](const QString &name) {
                if (m_session->state() == SessionController::Unlocked)
                    m_desktop->notifyRequest(name.isEmpty() ? sender.toString().left(8) : name);
            });
    });
    connect(m_core.get(), &messenger::CoreThread::sessionReset, this, [this](const protocol::PeerId &peer) {
        const QString name = m_conversations->nameOf(peer.toString());
        setNotice(tr("Messages with %1 could not be read (a profile restored from an older copy?). Sotto started a new "
                     "secure session and is sending what waited again.")
                      .arg(name.isEmpty() ? peer.toString().left(8) : name));
    });
    // Named after the contact it may be (the new one is not in the list yet).
    connect(m_core.get(), &messenger::CoreThread::namesakeFound, this, [this](const protocol::PeerId &, const protocol::PeerId &previous) {
        const QString name = m_conversations->nameOf(previous.toString());
        setNotice(tr("A new contact calls itself %1. If %1 reinstalled Sotto, compare safety numbers in the new chat "
                     "before you merge the two.")
                      .arg(name.isEmpty() ? previous.toString().left(8) : name));
    });
}

AppController::~AppController()
{
    m_composer->clear(); // a draft typed in the last moments is saved before the core closes
    m_attachments->clear(); // opened files and pasted images: no plaintext outlives the window
    delete m_demo; // stops the demo process before the core goes
    m_demo = nullptr;
}

QString AppController::groupTyping() const { return m_messages->isGroup() ? m_typing->groupText(m_messages->conversationId()) : QString(); }

void AppController::onUnlocked()
{
    m_desktop->setUnlocked(true);
    m_attachments->applySettings();
    m_conversations->refreshNow();
    if (!m_options.demoProgram.isEmpty() && !m_demo) {
        m_demo = new DemoPeer(m_options.demoProgram, m_options.demoDir, this);
        connect(m_demo, &DemoPeer::ready, this, [this](const QString &address) {
            qCInfo(lcUi) << "demo peer listening on" << address;
            m_session->addPeer(address);
        });
        connect(m_demo, &DemoPeer::failed, this, &AppController::setNotice);
        m_demo->start();
    }
}

void AppController::onLocked()
{
    // Nothing of the profile stays in the window's models.
    m_desktop->setUnlocked(false);
    m_composer->clear();
    m_attachments->clear(); // the opened files' plaintext goes with the key
    m_typing->clear();
    m_messages->open(0);
    m_conversations->clear();
    m_search->clear();
    m_contact->setPeer(QString());
    m_groups->clear();
    setNotice({});
}

QVariantMap AppController::darkPalette() const { return m_options.dark ? darkPaletteRoles() : QVariantMap(); }

void AppController::dismissNotice() { setNotice({}); }

void AppController::setNotice(const QString &text)
{
    if (m_notice != text) {
        m_notice = text;
        Q_EMIT noticeChanged();
    }
}

} // namespace sotto::ui
