// SPDX-License-Identifier: GPL-3.0-or-later
// A group message is sealed once: its ciphertext is kept once in group_ciphertexts and each
// member's outbox row points at it (shared_id). This module drops a kept ciphertext once
// no outbox row points at it any more; it does not keep or read them (GroupStore and
// OutboxStore do).
//
// Until schema 15 an AFTER DELETE trigger on outbox did this. A statement that fires a
// trigger needs a statement journal, whose pages SQLCipher encrypts one by one: every
// acknowledgement's `DELETE FROM outbox` took ~110 us instead of a few (docs/BENCHMARKS.md,
// issue 11, tenth session). So whoever deletes outbox rows calls one of these, in the
// same transaction.
#pragma once

#include "core/storage/Database.h"

#include <cstdint>

namespace sotto::storage {

// After one row that pointed at `sharedId` went: drops the ciphertext if it was the last.
[[nodiscard]] bool dropSharedCiphertextIfUnused(Database &db, std::int64_t sharedId);
// After rows went in bulk (a peer's whole outbox, messages deleted with their rows):
// drops every kept ciphertext no row points at.
[[nodiscard]] bool dropUnusedSharedCiphertexts(Database &db);

} // namespace sotto::storage
