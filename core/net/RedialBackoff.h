// SPDX-License-Identifier: GPL-3.0-or-later
// When to dial a peer again: after failed dials the wait doubles from 0.5 s to at most
// 30 s, and every wait is drawn ±50 % around that, so the nodes that lost one peer (or
// that restarted together) spread their dials instead of arriving in step. A first dial
// (a peer just seen, or a contact at start) is spread over a window of its own. Pure
// arithmetic; the random draw can be passed in, so each rule is testable. It dials nothing.
#pragma once

namespace sotto::net {

class RedialBackoff {
public:
    static constexpr int FirstMs = 500;
    static constexpr int CapMs = 30000;
    static constexpr double Jitter = 0.5; // each wait is drawn from [1 - Jitter, 1 + Jitter) × its nominal value
    // Dials at start: 20 nodes restarting at once, each dialling its contacts, would
    // otherwise land in the same few milliseconds (and on the peers' unproven slots).
    static constexpr int StartSpreadMs = 2000;
    // A peer just seen at a new address: soon, but not in step with everyone else who saw
    // the same beacon.
    static constexpr int SeenSpreadMs = 500;

    // Nominal wait before the next dial after `failures` failed ones: 500 ms × 2^failures, at most 30 s.
    static int nominalMs(int failures);
    // The wait drawn with `unit` in [0, 1) (0: the shortest, towards 1: the longest).
    static int delayMs(int failures, double unit);
    static int delayMs(int failures); // drawn from QRandomGenerator::global()
    // A delay in [0, windowMs).
    static int spreadMs(int windowMs);
};

} // namespace sotto::net
