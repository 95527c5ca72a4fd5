// SPDX-License-Identifier: GPL-3.0-or-later
// X25519 for libsignal-protocol-c, on libsodium (see X25519.cpp for why and how).
#pragma once

#include <signal/signal_protocol.h>

namespace sotto::crypto::x25519 {

// Checks libsignal's X25519 against RFC 7748's test vector (section 5.2), through libsignal's
// own curve_calculate_agreement, whichever implementation the linker bound. False: this
// process must not use the ratchet. Run once per SignalContext; about 0.1 ms.
[[nodiscard]] bool selfTest(signal_context *context);

// Whether libsignal's X25519 calls have reached libsodium in this process (the binding
// worked); false before the first call.
[[nodiscard]] bool onLibsodium();

} // namespace sotto::crypto::x25519
