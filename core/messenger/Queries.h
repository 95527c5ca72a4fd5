// SPDX-License-Identifier: GPL-3.0-or-later
// Queries is the read facade for ui/ and app/: history pages with what a window shows
// beside each row (quotes, reactions read in one batch), one message, search pages, the
// conversation list and a conversation's header. It returns plain values and never writes
// (writes go through Node and Messenger), save that a search first brings the search index
// up to date (texts are indexed in batches, schema 11): nothing anyone reads changes.
// Cheap to make: one per read, on the core thread.
#pragma once

#include "core/messenger/Messenger.h"
#include "core/storage/AttachmentStore.h"

#include <QHash>

#include <optional>
#include <vector>

namespace sotto::messenger {

class Node;

// What a reply quotes, as far as this profile knows it.
struct Quote {
    enum class State { None, Here, Deleted, Missing };
    State state = State::None;
    std::int64_t row = 0; // the quoted message's history row (State::Here, Deleted)
    QString text;         // its text, at most 300 characters (State::Here)
};

struct Reaction {
    protocol::PeerId reactor;
    QString reactorName; // the contact's name, or the first 8 digits of its id; "" for us
    bool ours = false;
    QString emoji;
};

// What a row shows beside its own record.
struct MessageExtras {
    Quote quote;
    std::vector<Reaction> reactions; // in the order they were set
    std::optional<storage::AttachmentRecord> attachment; // an attachment message's file
};

struct HistoryItems {
    std::vector<storage::MessageRecord> rows;
    QHash<std::int64_t, MessageExtras> extras; // only rows that quote or have reactions
};

struct SearchResult {
    storage::SearchHit hit;
    protocol::PeerId peer; // the conversation's peer
    QString name;          // its name (or the first 8 digits of its id)
};

// Where the sidebar lists a conversation, in this order.
enum class ListSection { Request, Chat, Blocked, Nearby };

struct ConversationListRow {
    std::int64_t conversationId = 0; // 0: someone nearby we never talked with
    protocol::PeerId peer;
    QString name;
    std::optional<storage::MessageRecord> last; // the last message, for the preview
    std::int64_t lastActivity = 0;
    int unread = 0;
    bool online = false;
    bool contact = true;
    protocol::TrustState trust = protocol::TrustState::Unverified;
    ListSection section = ListSection::Chat;
    // A group (no peer): its name is the group's, and the preview says who wrote last.
    bool group = false;
    int memberCount = 0;
    QString lastSenderName; // "" when the last message is ours (or there is none)
};

// One member of a group as its info panel lists it.
struct GroupMemberInfo {
    protocol::PeerId peer;
    QString name; // the contact's name, else the first 8 digits of its id; ours for us
    bool admin = false;
    bool self = false;
    // Its safety-number state as we hold it; a member need not be our contact (then
    // `contact` is false and it shows as not verified until someone checks).
    protocol::TrustState trust = protocol::TrustState::Unverified;
    bool contact = false;
};

// What a conversation's header and composer need.
struct ConversationInfo {
    std::int64_t id = 0;
    protocol::PeerId peer; // 1:1: the one peer
    QString name;
    protocol::TrustState trust = protocol::TrustState::Unverified;
    bool known = false;    // a contact record exists
    bool accepted = false;
    bool online = false;
    bool request = false;
    int timer = 0;         // disappearing-message seconds, 0 off
    int unread = 0;
    QString draft;
    std::optional<protocol::PeerId> namesake; // an older contact of the same name, offline
    QString namesakeName;
    // A group: `peer` is invalid, `name` the group's; members in the state's order (by id).
    bool group = false;
    bool member = false; // we are still in it (not left, not removed)
    bool admin = false;  // we may change it
    std::vector<GroupMemberInfo> members;
};

class Queries {
public:
    // `node` (optional) tells who is online and nearby; without one nobody is.
    explicit Queries(Messenger &messenger, const Node *node = nullptr);
    explicit Queries(Node &node);

    // Pages, with their extras. Newest first, strictly older than `before` when given.
    HistoryItems page(std::int64_t conversationId, std::optional<storage::HistoryCursor> before, int limit);
    // Oldest first, strictly newer than `after`.
    HistoryItems pageAfter(std::int64_t conversationId, storage::HistoryCursor after, int limit);
    // These rows of the conversation (others are left out), with their extras.
    HistoryItems rows(std::int64_t conversationId, const std::vector<std::int64_t> &ids);
    MessageExtras extras(const storage::MessageRecord &message);
    QHash<std::int64_t, MessageExtras> extras(const std::vector<storage::MessageRecord> &rows);

    std::optional<storage::MessageRecord> message(std::int64_t id);
    std::optional<storage::MessageRecord> messageByUuid(const QByteArray &uuid);
    std::vector<storage::EditRecord> edits(std::int64_t messageId);
    // One attachment by its file id (16 bytes), thumbnail included: what the window's image
    // provider and its Open / Save as read.
    std::optional<storage::AttachmentRecord> attachment(const QByteArray &fileId);

    // Newest first; the next page starts below the last hit's row. Finds a text stored a
    // moment ago too (MessageStore::indexPending runs first).
    std::vector<SearchResult> search(const QString &text, int limit, std::optional<std::int64_t> beforeId = std::nullopt);

    // Requests, chats (most recent first), blocked strangers who wrote, then peers nearby.
    std::vector<ConversationListRow> conversationList();
    // nullopt: no such conversation.
    std::optional<ConversationInfo> conversation(std::int64_t conversationId);
    // A peer we have no conversation with yet (someone nearby): id 0.
    ConversationInfo conversationWith(const protocol::PeerId &peer);
    // The conversation with `peer`, if there is one (none is made).
    std::optional<std::int64_t> findConversation(const protocol::PeerId &peer);
    QString draft(std::int64_t conversationId);

    std::optional<storage::ContactRecord> contact(const protocol::PeerId &peer);
    std::vector<storage::ContactRecord> contacts();
    // Whether anything was ever said with `peer` (a stranger who wrote is a request).
    bool hasMessages(const protocol::PeerId &peer);
    // The contact's name, else the name it beacons, else the first 8 digits of its id.
    QString nameOf(const protocol::PeerId &peer);
    // Our group message's state per member it was sealed for ("delivered to 3 of 5"):
    // (member, its name, how far it got), by name.
    struct MemberReceipt {
        protocol::PeerId member;
        QString name;
        storage::MessageState state = storage::MessageState::Sent;
    };
    std::vector<MemberReceipt> receipts(std::int64_t messageId);

private:
    bool isOnline(const protocol::PeerId &peer) const;
    void fillPeer(ConversationInfo &info, const protocol::PeerId &peer);
    void fillGroup(ConversationInfo &info, const GroupState &state);
    void appendGroups(std::vector<ConversationListRow> &rows);

    Messenger &m_messenger;
    const Node *m_node = nullptr;
};

} // namespace sotto::messenger
