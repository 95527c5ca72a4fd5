// SPDX-License-Identifier: GPL-3.0-or-later
// The handlers of the conversation kinds every chat has: text, receipt, edit, delete,
// reaction, disappearing timer and typing. Each runs inside the decrypt's transaction: the
// change is stored with the ratchet step that revealed it, or neither is.
#include "core/messenger/ContentHandlers.h"

namespace sotto::messenger::handlers {

using storage::MessageState;

HandlerResult text(Receiving &r, const wire::Content &content)
{
    const wire::TextMessage &text = content.text();
    const QByteArray uuid = fromStd(text.id());
    if (uuid.size() != 16 || text.body().empty() || qsizetype(text.body().size()) > Messenger::MaxBodyBytes)
        return invalid("text out of bounds");
    auto conversation = r.conversation();
    if (!conversation)
        return storeFailed(conversation.error().reason);
    storage::MessageRecord record = incoming(r, *conversation, uuid, text.body(), text.sent_at(), text.expires_in());
    if (text.reply_to().size() == 16) {
        record.replyTo = fromStd(text.reply_to()); // shown as a quote if we have it
        // A sender of Content version 4 or less, or one whose quoted copy differs from
        // ours, may stamp a reply before what it answers: it sorts after it all the same.
        record.sentAt = afterQuoted(record.sentAt, targetOf(r, text.reply_to()));
    }
    if (auto stored = insertIncoming(r, record); !stored || r.out.duplicate)
        return stored;
    r.out.message = std::move(record);
    return {};
}

HandlerResult receipt(Receiving &r, const wire::Content &content)
{
    r.out.kind = Incoming::Kind::Receipt;
    const wire::Receipt &receipt = content.receipt();
    if (receipt.ids_size() > Messenger::MaxReceiptIds)
        return invalid("receipt too long");
    const MessageState state = receipt.kind() == wire::Receipt::READ ? MessageState::Read : MessageState::Delivered;
    r.out.receiptState = state;
    storage::MessageStore &history = r.history();
    storage::GroupStore &groups = r.profile.groups();
    // The 1:1 conversation with the sender, looked up, never made: a group member who is no
    // contact of ours gets no empty conversation for sending a receipt.
    const std::optional<std::int64_t> conversation = history.findConversation(r.from);
    // A member's receipt for our group messages: its own row moves; the message's state is
    // the least any member it was for has reached.
    const auto memberMoved = [&](std::int64_t messageId, const QByteArray &uuid) -> HandlerResult {
        r.out.memberAcknowledged.push_back(uuid);
        const int least = groups.leastReceipt(messageId);
        if (least >= int(MessageState::Delivered)) {
            auto moved = history.advanceState(uuid, MessageState(least));
            if (!moved)
                return storeFailed(moved.error().reason);
            if (*moved)
                r.out.groupStates.push_back({uuid, MessageState(least)});
        }
        return {};
    };
    if (receipt.up_to() && state == MessageState::Read && receipt.ids_size() == 1) {
        // "This one and everything before it": only our messages to this peer move.
        std::optional<storage::MessageRecord> record = history.messageByUuid(fromStd(receipt.ids(0)));
        if (!record || !record->outgoing)
            return {};
        if (record->conversationId != conversation) { // a group's: what this member read there
            auto read = groups.readUpTo(record->conversationId, record->id, r.from.toString());
            if (!read)
                return storeFailed(read.error().reason);
            for (std::int64_t id : *read)
                if (std::optional<storage::MessageRecord> m = history.message(id))
                    if (auto moved = memberMoved(id, m->uuid); !moved)
                        return moved;
            return {};
        }
        auto moved = history.advanceStateUpTo(*conversation, record->id, state);
        if (!moved)
            return storeFailed(moved.error().reason);
        r.out.acknowledged = std::move(*moved);
        return {};
    }
    for (const std::string &raw : receipt.ids()) {
        // A peer may only acknowledge messages we sent to it.
        const QByteArray id = fromStd(raw);
        if (conversation) {
            // The common case, our message to this peer, in one statement (a receipt names
            // up to 512). Nothing moved: a group message, or one already that far.
            auto moved = history.advanceStateIn(*conversation, id, state);
            if (!moved)
                return storeFailed(moved.error().reason);
            if (*moved) {
                r.out.acknowledged.push_back(id);
                continue;
            }
        }
        std::optional<storage::MessageRecord> record = history.messageByUuid(id);
        if (!record || !record->outgoing)
            continue;
        if (record->conversationId != conversation) { // only if it was sealed for this member
            auto moved = groups.advanceReceipt(record->id, r.from.toString(), int(state));
            if (!moved)
                return storeFailed(moved.error().reason);
            if (*moved)
                if (auto done = memberMoved(record->id, id); !done)
                    return done;
            continue;
        }
        auto moved = history.advanceState(id, state);
        if (!moved)
            return storeFailed(moved.error().reason);
        if (*moved)
            r.out.acknowledged.push_back(id);
    }
    return {};
}

HandlerResult edit(Receiving &r, const wire::Content &content)
{
    const wire::Edit &edit = content.edit();
    if (edit.id().size() != 16 || edit.body().empty() || qsizetype(edit.body().size()) > Messenger::MaxBodyBytes)
        return invalid("edit out of bounds");
    r.out.kind = Incoming::Kind::Ignored;
    std::optional<storage::MessageRecord> target = targetOf(r, edit.target());
    if (!target)
        return {}; // not (or no longer) here: acknowledged, nothing to change
    auto edited
        = r.history().applyEdit(target->uuid, r.from, fromStd(edit.id()), QString::fromStdString(edit.body()), clamped(edit.sent_at()));
    if (!edited)
        return storeFailed(edited.error().reason);
    if (*edited) {
        r.out.kind = Incoming::Kind::Update;
        r.out.message = **edited;
    }
    return {};
}

HandlerResult deletion(Receiving &r, const wire::Content &content)
{
    r.out.kind = Incoming::Kind::Ignored;
    std::optional<storage::MessageRecord> target = targetOf(r, content.delete_().target());
    if (!target)
        return {};
    if (target->kind != storage::MessageKind::Text && target->kind != storage::MessageKind::Attachment)
        return {}; // notices and unsupported kinds are not the sender's to delete
    auto gone = r.history().tombstone(target->id, r.from); // only the sender's own message
    if (!gone)
        return storeFailed(gone.error().reason);
    if (*gone) {
        r.out.kind = Incoming::Kind::Update;
        r.out.message = **gone;
    }
    return {};
}

HandlerResult reaction(Receiving &r, const wire::Content &content)
{
    const wire::Reaction &reaction = content.reaction();
    if (qsizetype(reaction.emoji().size()) > Messenger::MaxEmojiBytes)
        return invalid("reaction out of bounds");
    r.out.kind = Incoming::Kind::Ignored;
    std::optional<storage::MessageRecord> target = targetOf(r, reaction.target());
    if (!target || target->deleted)
        return {};
    auto changed = r.history().setReaction(target->id, r.from, QString::fromStdString(reaction.emoji()), clamped(reaction.sent_at()));
    if (!changed)
        return storeFailed(changed.error().reason);
    if (*changed) {
        r.out.kind = Incoming::Kind::Update;
        r.out.message = target;
    }
    return {};
}

HandlerResult timer(Receiving &r, const wire::Content &content)
{
    const wire::TimerChange &change = content.timer();
    if (change.id().size() != 16 || change.seconds() > quint32(Messenger::MaxTimerSeconds))
        return invalid("timer out of bounds");
    r.out.kind = Incoming::Kind::Ignored;
    auto conversation = r.conversation();
    if (!conversation)
        return storeFailed(conversation.error().reason);
    storage::MessageStore &history = r.history();
    auto applied = history.setTimer(*conversation, int(change.seconds()), clamped(change.sent_at()));
    if (!applied)
        return storeFailed(applied.error().reason);
    if (!*applied)
        return {}; // an older change arriving late: the newer one stays
    storage::MessageRecord notice;
    notice.uuid = fromStd(change.id());
    notice.conversationId = *conversation;
    notice.sender = r.from;
    notice.body = QString::number(change.seconds());
    notice.sentAt = clamped(change.sent_at());
    notice.receivedAt = nowMs();
    notice.state = MessageState::Read; // a notice is not an unread message
    notice.kind = storage::MessageKind::TimerChanged;
    auto id = history.insert(notice);
    if (!id && id.error().code == storage::Errc::Duplicate)
        return {};
    if (!id)
        return storeFailed(id.error().reason);
    notice.id = *id;
    r.out.kind = Incoming::Kind::Text;
    r.out.message = notice;
    return {};
}

HandlerResult typing(Receiving &r, const wire::Content &content)
{
    r.out.kind = Incoming::Kind::Typing;
    r.out.typing = content.typing().typing();
    if (content.typing().group_id().empty())
        return {};
    // In a group: only from a member of a group we are in, else ignored (a stranger must
    // not make "typing…" appear in a group it is not in).
    r.out.kind = Incoming::Kind::Ignored;
    if (r.groupConversation) // inside a group ciphertext: never sent so, ignored
        return {};
    const std::optional<std::int64_t> conversation = r.profile.groups().conversationOf(fromStd(content.typing().group_id()));
    if (!conversation)
        return {};
    auto state = r.messenger.groupState(*conversation);
    if (!state || !state->isMember(r.from) || !state->isMember(r.messenger.self()))
        return {};
    r.out.kind = Incoming::Kind::Typing;
    r.out.typingGroup = *conversation;
    return {};
}

} // namespace sotto::messenger::handlers
