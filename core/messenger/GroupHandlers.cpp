// SPDX-License-Identifier: GPL-3.0-or-later
// The handlers of the pairwise group kinds: a group's signed state (GroupUpdate) and a
// member's sender key. Both only ever come over the pairwise session of their sender.
#include "core/messenger/ContentHandlers.h"

namespace sotto::messenger::handlers {

HandlerResult groupUpdate(Receiving &r, const wire::Content &content)
{
    const wire::GroupUpdate &update = content.group_update();
    std::vector<QByteArray> states;
    for (const wire::SignedGroupState &s : update.states())
        states.push_back(fromStd(s.SerializeAsString()));
    return r.messenger.receiveGroupUpdate(r.from, states, r.out);
}

HandlerResult senderKey(Receiving &r, const wire::Content &content)
{
    const wire::SenderKeyDistribution &key = content.sender_key();
    QByteArray distribution = fromStd(key.distribution()); // a chain key: wiped after use
    HandlerResult result = r.messenger.receiveSenderKey(r.from, fromStd(key.group_id()), key.epoch(), distribution, r.out);
    crypto::wipe(distribution);
    // And the parsed Content's own copy (the receive path's local object, so not const).
    crypto::wipe(*const_cast<wire::Content &>(content).mutable_sender_key()->mutable_distribution());
    return result;
}

} // namespace sotto::messenger::handlers
