// SPDX-License-Identifier: GPL-3.0-or-later
// How fast an animation asks to be played, read from the headers of a GIF (its graphic
// control blocks) or an animated WebP (its ANMF chunks) without decoding a pixel. Qt plays a
// frame's delay as written, even 0 ms, decoding each frame whole on the GUI thread, so a
// hostile file of a few kilobytes could keep the window busy for good: Animation plays only
// what stays within a decoding budget. The bytes come from a peer: every length is checked
// against what is there, and anything malformed ends the scan as not playable.
#pragma once

#include <QByteArrayView>

#include <cstdint>
#include <optional>

namespace sotto::ui::AnimationTiming {

struct Timing {
    int width = 0;          // the canvas, px
    int height = 0;
    int frames = 0;
    std::int64_t totalMs = 0; // one loop
    int shortestMs = 0;       // the shortest frame's delay
};

// nullopt: neither a GIF nor an animated WebP, or malformed.
std::optional<Timing> read(QByteArrayView bytes);

} // namespace sotto::ui::AnimationTiming
