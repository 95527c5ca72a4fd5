// SPDX-License-Identifier: GPL-3.0-or-later
// SignalContext owns one libsignal-protocol-c global context: its OpenSSL provider, its
// recursive lock and its log routing into "sotto.crypto". It does not own any store.
// libsignal's reference counts are not atomic: a context and everything made from it
// belong to the thread that created it (the core thread); debug builds assert that.
#pragma once

#include "core/crypto/OpenSslProvider.h"

#include <memory>
#include <mutex>

#include <QThread>

#include <signal/signal_protocol.h>

namespace sotto::crypto {

class SignalContext {
public:
    SignalContext();
    ~SignalContext();
    SignalContext(const SignalContext &) = delete;
    SignalContext &operator=(const SignalContext &) = delete;

    bool isValid() const { return m_context != nullptr; }
    signal_context *get() const
    {
        Q_ASSERT_X(QThread::currentThread() == m_owner, "SignalContext", "used off its thread");
        return m_context;
    }

    // libsignal calls lock twice on one thread while decrypting: it must be recursive.
    std::recursive_mutex &mutex() { return m_mutex; }

private:
    OpenSslProvider m_provider;
    std::recursive_mutex m_mutex;
    signal_context *m_context = nullptr;
    QThread *m_owner = nullptr;
};

} // namespace sotto::crypto
