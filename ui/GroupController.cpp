// SPDX-License-Identifier: GPL-3.0-or-later
// Group making and changing for the window; every call runs on the core thread (as
// MessageModel's do) and answers on the GUI thread.
#include "ui/GroupController.h"

#include "core/messenger/Queries.h"

#include <QCollator>

#include <algorithm>

namespace sotto::ui {

namespace {

struct GroupView {
    qint64 conversation = 0;
    QString name;
    QVariantList members;
    bool admin = false;
    bool member = false;
};

std::vector<protocol::PeerId> peerIds(const QStringList &peers)
{
    std::vector<protocol::PeerId> ids;
    for (const QString &p : peers)
        if (const protocol::PeerId id = protocol::PeerId::fromString(p); id.isValid())
            ids.push_back(id);
    return ids;
}

} // namespace

GroupController::GroupController(messenger::CoreThread &core, QObject *parent)
    : QObject(parent)
    , m_core(core)
{
    // Whoever changed it (us, another admin), the panel shows the group as it is now.
    connect(&core, &messenger::CoreThread::groupUpdated, this, [this](qint64 conversation) {
        if (conversation == m_conversation)
            load(conversation);
    });
}

void GroupController::loadContacts()
{
    m_core.run([](messenger::CoreState &state) {
              QList<std::pair<QString, QString>> found;
              if (!state.node)
                  return found;
              for (const storage::ContactRecord &c : messenger::Queries(*state.node).contacts())
                  if (c.accepted && c.trust != protocol::TrustState::Blocked)
                      found.append({c.peer.toString(), c.displayName.isEmpty() ? c.peer.toString().left(8) : c.displayName});
              return found;
          })
        .then(this, [this](QList<std::pair<QString, QString>> found) {
            QCollator collator;
            collator.setCaseSensitivity(Qt::CaseInsensitive);
            std::sort(found.begin(), found.end(), [&](const auto &a, const auto &b) { return collator.compare(a.second, b.second) < 0; });
            m_contacts.clear();
            for (const auto &[peer, name] : found)
                m_contacts.append(QVariantMap{{QStringLiteral("peer"), peer}, {QStringLiteral("name"), name}});
            Q_EMIT contactsChanged();
        });
}

void GroupController::loadReceipts(qint64 rowId)
{
    m_core.run([rowId](messenger::CoreState &state) {
              std::vector<messenger::Queries::MemberReceipt> rows;
              if (state.node)
                  rows = messenger::Queries(*state.node).receipts(rowId);
              return rows;
          })
        .then(this, [this, rowId](const std::vector<messenger::Queries::MemberReceipt> &rows) {
            using storage::MessageState;
            QStringList lines;
            int delivered = 0, read = 0;
            for (const auto &r : rows) {
                delivered += r.state >= MessageState::Delivered ? 1 : 0;
                read += r.state >= MessageState::Read ? 1 : 0;
                lines << (r.state >= MessageState::Read        ? tr("%1: read").arg(r.name)
                              : r.state >= MessageState::Delivered ? tr("%1: delivered").arg(r.name)
                                                                   : tr("%1: sent").arg(r.name));
            }
            if (!rows.empty())
                lines.prepend(tr("Delivered to %1 of %2 · read by %3").arg(delivered).arg(rows.size()).arg(read));
            m_receipts = lines.join(u'\n');
            m_receiptsRow = rowId;
            Q_EMIT receiptsChanged();
        });
}

void GroupController::create(const QString &name, const QStringList &peers)
{
    if (name.trimmed().isEmpty())
        return setError(tr("Give the group a name."));
    if (peers.isEmpty())
        return setError(tr("Choose at least one contact."));
    setError({});
    setBusy(true);
    const std::vector<protocol::PeerId> members = peerIds(peers);
    m_core.run([name, members](messenger::CoreState &state) -> std::expected<std::int64_t, messenger::Error> {
              if (!state.node)
                  return std::unexpected(messenger::Error{messenger::Errc::Internal, QStringLiteral("locked")});
              return state.node->createGroup(name, members);
          })
        .then(this, [this](const std::expected<std::int64_t, messenger::Error> &made) {
            setBusy(false);
            if (!made)
                return setError(worded(made.error()));
            Q_EMIT created(*made);
        });
}

void GroupController::load(qint64 conversationId)
{
    const quint64 generation = ++m_generation;
    if (conversationId != m_conversation)
        setError({});
    m_conversation = conversationId;
    if (!conversationId) {
        m_name.clear();
        m_members.clear();
        m_admin = m_member = false;
        Q_EMIT groupChanged();
        return;
    }
    m_core.run([conversationId](messenger::CoreState &state) {
              GroupView view;
              if (!state.node)
                  return view;
              const std::optional<messenger::ConversationInfo> info = messenger::Queries(*state.node).conversation(conversationId);
              if (!info || !info->group)
                  return view;
              view.conversation = conversationId;
              view.name = info->name;
              view.admin = info->admin;
              view.member = info->member;
              // Us first, then admins, then the others, each by name.
              std::vector<messenger::GroupMemberInfo> members = info->members;
              QCollator collator;
              collator.setCaseSensitivity(Qt::CaseInsensitive);
              std::sort(members.begin(), members.end(), [&](const auto &a, const auto &b) {
                  if (a.self != b.self)
                      return a.self;
                  if (a.admin != b.admin)
                      return a.admin;
                  return collator.compare(a.name, b.name) < 0;
              });
              for (const messenger::GroupMemberInfo &m : members)
                  view.members.append(QVariantMap{{QStringLiteral("peer"), m.peer.toString()},
                                                  {QStringLiteral("name"), m.name},
                                                  {QStringLiteral("admin"), m.admin},
                                                  {QStringLiteral("self"), m.self},
                                                  {QStringLiteral("trust"), protocol::trustStateName(m.trust)},
                                                  {QStringLiteral("contact"), m.contact}});
              return view;
          })
        .then(this, [this, generation](const GroupView &view) {
            if (generation != m_generation)
                return;
            m_name = view.name;
            m_members = view.members;
            m_admin = view.admin;
            m_member = view.member;
            Q_EMIT groupChanged();
        });
}

void GroupController::rename(const QString &name)
{
    if (name.trimmed().isEmpty())
        return setError(tr("Give the group a name."));
    change([conversation = m_conversation, name](messenger::Messenger &m, std::vector<protocol::PeerId> *queued) {
        return m.renameGroup(conversation, name, queued);
    });
}

void GroupController::addMembers(const QStringList &peers)
{
    if (peers.isEmpty())
        return setError(tr("Choose at least one contact."));
    change([conversation = m_conversation, members = peerIds(peers)](messenger::Messenger &m, std::vector<protocol::PeerId> *queued) {
        return m.addMembers(conversation, members, queued);
    });
}

void GroupController::removeMember(const QString &peer)
{
    change([conversation = m_conversation, member = protocol::PeerId::fromString(peer)](messenger::Messenger &m,
                                                                                        std::vector<protocol::PeerId> *queued) {
        return m.removeMembers(conversation, {member}, queued);
    });
}

void GroupController::setAdmin(const QString &peer, bool admin)
{
    change([conversation = m_conversation, member = protocol::PeerId::fromString(peer), admin](messenger::Messenger &m,
                                                                                               std::vector<protocol::PeerId> *queued) {
        return m.setGroupAdmin(conversation, member, admin, queued);
    });
}

void GroupController::leave()
{
    change([conversation = m_conversation](messenger::Messenger &m, std::vector<protocol::PeerId> *queued) {
        return m.leaveGroup(conversation, queued);
    });
}

// Every change goes through Node::changeGroup (it sends at once and emits groupUpdated,
// which reloads the panel and the window's header and list).
void GroupController::change(Change call)
{
    if (!m_conversation)
        return;
    setError({});
    setBusy(true);
    m_core.run([conversation = m_conversation, call = std::move(call)](messenger::CoreState &state)
                   -> std::expected<messenger::GroupState, messenger::Error> {
              if (!state.node)
                  return std::unexpected(messenger::Error{messenger::Errc::Internal, QStringLiteral("locked")});
              return state.node->changeGroup(conversation, call);
          })
        .then(this, [this](const std::expected<messenger::GroupState, messenger::Error> &result) {
            setBusy(false);
            if (!result)
                return setError(worded(result.error()));
            Q_EMIT changed();
        });
}

QString GroupController::worded(const messenger::Error &error) const
{
    switch (error.code) {
    case messenger::Errc::Blocked: return tr("One of them is blocked: unblock them first.");
    case messenger::Errc::UnknownContact: return tr("One of them is not a contact yet.");
    case messenger::Errc::NotAllowed:
        // The core's words say why: not an admin, no longer a member, the last admin.
        return tr("Not allowed: %1.").arg(error.reason);
    case messenger::Errc::InvalidInput: return tr("Not done: %1.").arg(error.reason);
    default: return tr("Something went wrong: %1.").arg(error.reason);
    }
}

void GroupController::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

void GroupController::setError(const QString &text)
{
    if (text != m_errorText) {
        m_errorText = text;
        Q_EMIT errorTextChanged();
    }
}

void GroupController::clearError() { setError({}); }

void GroupController::clear()
{
    load(0);
    m_contacts.clear();
    Q_EMIT contactsChanged();
    setError({});
}

} // namespace sotto::ui
