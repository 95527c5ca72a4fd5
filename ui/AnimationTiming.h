// SPDX-License-Identifier: GPL-3.0-or-later
// How fast and how large an animation asks to be played, read from the headers of a GIF (its
// graphic control blocks and image descriptors) or an animated WebP (its ANMF chunks) without
// decoding a pixel, with the delays as Qt will play them. Qt decodes each frame whole on the
// GUI thread: Animation plays only what stays within a decoding budget. The bytes come from a
// peer: every length is checked against what is there, and anything malformed ends the scan
// as not playable.
#pragma once

#include <QByteArrayView>

#include <cstdint>
#include <optional>

namespace sotto::ui::AnimationTiming {

struct Timing {
    int width = 0;   // the largest of the canvas and every frame, px
    int height = 0;
    int frames = 0;
    std::int64_t totalMs = 0; // one loop
    int shortestMs = 0;       // the shortest frame's delay
    // The most pixels a second any one frame asks for (its area, or the canvas if larger,
    // over its own delay): a burst of fast frames counts, not only the average.
    std::int64_t peakPixelsPerSecond = 0;
};

// nullopt: neither a GIF nor an animated WebP, or malformed.
std::optional<Timing> read(QByteArrayView bytes);

} // namespace sotto::ui::AnimationTiming
