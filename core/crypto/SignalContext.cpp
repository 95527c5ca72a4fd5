// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/SignalContext.h"

#include "core/crypto/CryptoLog.h"
#include "core/crypto/X25519.h"

namespace sotto::crypto {
namespace {

void lockFn(void *userData) { static_cast<SignalContext *>(userData)->mutex().lock(); }
void unlockFn(void *userData) { static_cast<SignalContext *>(userData)->mutex().unlock(); }

// libsignal logs protocol events (e.g. "Bad MAC", "Duplicate message"); it never logs key
// material or plaintext, so its text is passed through, capped in length.
void logFn(int level, const char *message, size_t len, void *)
{
    const QString text = QString::fromUtf8(message, qsizetype(std::min<size_t>(len, 512)));
    switch (level) {
    case SG_LOG_ERROR:
        qCWarning(lcCrypto).noquote() << "libsignal error:" << text;
        break;
    case SG_LOG_WARNING:
        qCWarning(lcCrypto).noquote() << "libsignal:" << text;
        break;
    case SG_LOG_NOTICE:
    case SG_LOG_INFO:
        qCInfo(lcCrypto).noquote() << "libsignal:" << text;
        break;
    default:
        qCDebug(lcCrypto).noquote() << "libsignal:" << text;
    }
}

} // namespace

SignalContext::SignalContext()
    : m_owner(QThread::currentThread())
{
    if (!m_provider.isValid())
        return;
    signal_context *ctx = nullptr;
    if (signal_context_create(&ctx, this) != SG_SUCCESS)
        return;
    const signal_crypto_provider table = m_provider.table();
    if (signal_context_set_crypto_provider(ctx, &table) != SG_SUCCESS
        || signal_context_set_locking_functions(ctx, lockFn, unlockFn) != SG_SUCCESS
        || signal_context_set_log_function(ctx, logFn) != SG_SUCCESS) {
        signal_context_destroy(ctx);
        qCCritical(lcCrypto) << "libsignal context could not be set up";
        return;
    }
    if (!x25519::selfTest(ctx)) {
        signal_context_destroy(ctx);
        qCCritical(lcCrypto) << "X25519 failed its known-answer test: the ratchet is not used";
        return;
    }
    qCDebug(lcCrypto) << "X25519:" << (x25519::onLibsodium() ? "libsodium" : "libsignal's own curve25519-donna");
    m_context = ctx;
}

SignalContext::~SignalContext()
{
    if (m_context)
        signal_context_destroy(m_context);
}

} // namespace sotto::crypto
