// SPDX-License-Identifier: GPL-3.0-or-later
// StoreBinding hands a ProtocolStore to libsignal as a signal_protocol_store_context:
// the C callbacks, the copy of records into signal_buffers, and the trust-on-first-use
// rule of is_trusted_identity. It owns the store context, not the store.
#pragma once

#include "core/protocol/ProtocolStore.h"

#include <optional>
#include <utility>

#include <signal/signal_protocol.h>

namespace sotto::protocol {

class StoreBinding {
public:
    StoreBinding(signal_context *context, ProtocolStore &store);
    ~StoreBinding();
    StoreBinding(const StoreBinding &) = delete;
    StoreBinding &operator=(const StoreBinding &) = delete;

    bool isValid() const { return m_storeContext != nullptr; }
    signal_protocol_store_context *get() const { return m_storeContext; }
    ProtocolStore &store() { return m_store; }

    // The local identity is read on every PreKey message and bundle: cache it.
    const LocalIdentityRecord *localIdentity();
    void forgetLocalIdentity() { m_local.reset(); }

private:
    ProtocolStore &m_store;
    signal_protocol_store_context *m_storeContext = nullptr;
    std::optional<LocalIdentityRecord> m_local;
};

} // namespace sotto::protocol
