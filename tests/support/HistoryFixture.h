// SPDX-License-Identifier: GPL-3.0-or-later
// The history a long-time user has: one conversation of many messages written straight
// through the store (no network, no ratchet), so GUI tests and benchmarks can scroll years
// of chat within seconds of setting up. Never used by the program.
#pragma once

#include "core/storage/Profile.h"

namespace sotto::test {

// Message i (0 = oldest) of a seeded conversation says this; tests read the number back.
QString seededBody(int i);
// The number a seeded body carries, or -1.
int seededNumber(const QString &body);

// Adds a contact (a fixed identity key, unverified) and `count` messages with it, one a
// minute up to now, alternating ours and theirs, all read. Returns the contact's PeerId.
std::expected<protocol::PeerId, QString> seedConversation(storage::Profile &profile, int count, const QString &name = QStringLiteral("Bob"));

} // namespace sotto::test
