// SPDX-License-Identifier: GPL-3.0-or-later
// The receive path, one small handler per Content kind (docs/PROTOCOL.md, "Content"): each
// checks its kind's bounds and applies it inside the decrypt's transaction. Messenger
// parses and dispatches through handlerFor; a kind without a handler is kept as unsupported.
#pragma once

#include "core/messenger/Content.pb.h"
#include "core/messenger/FileNames.h"
#include "core/messenger/Messenger.h"

namespace sotto::messenger {

// What a handler works with: the profile, who sent it over its pairwise session or group,
// the decrypted bytes (for the unknown-kind rule) and the result it fills in.
struct Receiving {
    Messenger &messenger;
    storage::Profile &profile;
    const protocol::PeerId &from;
    const QByteArray &plaintext;
    Incoming &out;
    // A group message: its conversation (0: the 1:1 conversation with `from`).
    std::int64_t groupConversation = 0;

    storage::MessageStore &history() { return profile.messages(); }
    // The conversation the content belongs to.
    [[nodiscard]] std::expected<std::int64_t, storage::Error> conversation();
};

using HandlerResult = std::expected<void, protocol::Error>;
using ContentHandler = HandlerResult (*)(Receiving &, const wire::Content &);

// nullptr: a kind this version does not know.
ContentHandler handlerFor(wire::Content::BodyCase kind);
// Forward compatibility: a durable unknown kind kept as "unsupported", an ephemeral one ignored.
[[nodiscard]] HandlerResult receiveUnknown(Receiving &r);

// A new message id: 16 bytes laid out like a UUIDv7 (time first, then random).
QByteArray newMessageId();


// Shared by the handlers of each kind's file.
namespace handlers {
std::int64_t nowMs();
QByteArray fromStd(const std::string &s);
HandlerResult invalid(const char *why);
HandlerResult storeFailed(const QString &why);
// How far ahead of our clock a peer's time may be (clocks on a LAN disagree a little).
inline constexpr std::int64_t FutureMarginMs = 5 * 60 * 1000;
// A peer's clock decides "the latest wins" for edits, reactions and timers, and the order of
// a conversation; a time far ahead would win forever, one before 1970 (or INT64_MIN) would
// sort first and break arithmetic on it. Every time from the wire is brought into
// [0, now + FutureMarginMs] before it is stored.
std::int64_t clamped(std::int64_t at);
// A reply's time: at least 1 ms after the message it quotes, so the view (ordered by
// sent_at) never shows a reply above what it answers when clocks disagree (docs/PROTOCOL.md,
// "Order of a conversation"). Not beyond a few minutes ahead of our clock: a quoted time
// far ahead (a wrong clock, a forgery) must not drag ours along.
std::int64_t afterQuoted(std::int64_t sentAt, const std::optional<storage::MessageRecord> &quoted);
// A received durable message (text, attachment) as the handlers store it: from the sender,
// received now, its timer clamped (its clock starts when read).
storage::MessageRecord incoming(const Receiving &r, std::int64_t conversationId, const QByteArray &uuid, const std::string &body,
                                std::int64_t sentAt, quint32 expiresIn);
// Inserts it and sets its id; one resent after a lost acknowledgement is kept once (no
// error, r.out.duplicate set, nothing else to store).
HandlerResult insertIncoming(Receiving &r, storage::MessageRecord &record);
// The message a change names: it must be in the conversation the change came in.
std::optional<storage::MessageRecord> targetOf(Receiving &r, const std::string &uuid);

HandlerResult text(Receiving &, const wire::Content &);
HandlerResult receipt(Receiving &, const wire::Content &);
HandlerResult edit(Receiving &, const wire::Content &);
HandlerResult deletion(Receiving &, const wire::Content &);
HandlerResult reaction(Receiving &, const wire::Content &);
HandlerResult timer(Receiving &, const wire::Content &);
HandlerResult typing(Receiving &, const wire::Content &);
HandlerResult groupUpdate(Receiving &, const wire::Content &);
HandlerResult senderKey(Receiving &, const wire::Content &);
HandlerResult attachment(Receiving &, const wire::Content &);
} // namespace handlers

} // namespace sotto::messenger
