// SPDX-License-Identifier: GPL-3.0-or-later
// RAII for libsignal-protocol-c handles: reference-counted types (SIGNAL_UNREF) and
// signal_buffer (always freed with bzero, since buffers carry keys and plaintext).
// Owns nothing else; the signal context itself lives in SignalContext.
#pragma once

#include <memory>

#include <QByteArray>

#include <signal/signal_protocol.h>

namespace sotto::crypto {

struct SignalUnref {
    void operator()(void *p) const
    {
        if (p)
            signal_type_unref(static_cast<signal_type_base *>(p));
    }
};

// A counted libsignal object we hold one reference to.
template<typename T>
using SignalPtr = std::unique_ptr<T, SignalUnref>;

struct SignalBufferFree {
    void operator()(signal_buffer *b) const { signal_buffer_bzero_free(b); }
};
using SignalBuffer = std::unique_ptr<signal_buffer, SignalBufferFree>;

// Out-parameter helper: `f(&out.ptr)` then adopt, e.g.
//   Adopt<ec_key_pair> pair; curve_generate_key_pair(ctx, pair.out());
template<typename T, typename Owner = SignalPtr<T>>
class Adopt {
public:
    ~Adopt() { m_owner.reset(m_raw); }
    T **out() { return &m_raw; }
    // Move the adopted object to a long-lived owner.
    Owner take()
    {
        Owner o(m_raw);
        m_raw = nullptr;
        return o;
    }

private:
    T *m_raw = nullptr;
    Owner m_owner;
};

inline QByteArray toByteArray(const signal_buffer *b)
{
    if (!b)
        return {};
    return QByteArray(reinterpret_cast<const char *>(signal_buffer_const_data(b)),
                      qsizetype(signal_buffer_len(b)));
}

// Takes ownership of a buffer handed out by libsignal and copies it to a QByteArray.
inline QByteArray takeBuffer(signal_buffer *b)
{
    SignalBuffer owned(b);
    return toByteArray(owned.get());
}

} // namespace sotto::crypto
