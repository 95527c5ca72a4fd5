// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/SharedCiphertexts.h"

namespace sotto::storage {

bool dropSharedCiphertextIfUnused(Database &db, std::int64_t sharedId)
{
    // outbox_by_shared makes the NOT EXISTS one index lookup.
    return db.prepare("DELETE FROM group_ciphertexts WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM outbox WHERE shared_id = ?1)")
        .bind(1, sharedId)
        .run();
}

bool dropUnusedSharedCiphertexts(Database &db)
{
    // group_ciphertexts holds only what some member has not acknowledged yet: small.
    return db.exec("DELETE FROM group_ciphertexts WHERE NOT EXISTS "
                   "(SELECT 1 FROM outbox WHERE outbox.shared_id = group_ciphertexts.id);");
}

} // namespace sotto::storage
