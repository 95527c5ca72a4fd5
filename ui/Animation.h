// SPDX-License-Identifier: GPL-3.0-or-later
// Whether a picture plays as an animation, in the image viewer or inside its bubble. Qt 6.4's
// AnimatedImage decodes every frame at the picture's full size, on the GUI thread, whatever
// sourceSize says: a hostile GIF of a few kilobytes with a huge canvas and thousands of frames
// would keep the window busy for as long as it is shown. So only a modest animation plays
// (GIF or WebP by its content, never by the name a peer gave it, within the limits of where
// it shows); anything else is shown still by Image, which decodes once, off the GUI thread, at
// the size shown. A plain function that reads the file: callers run it off the GUI thread.
#pragma once

#include <QString>

namespace sotto::ui::Animation {

struct Limits {
    int maxSide;     // px, the canvas
    int maxFrames;
    qint64 maxBytes; // the file
    // How fast (AnimationTiming, the delays as Qt plays them): no frame shorter than
    // minDelayMs (Qt plays a WebP's 0 ms as written), and no frame asking for more than this
    // many pixels decoded a second on the GUI thread (~7 ms a 640 × 640 frame here).
    int minDelayMs;
    qint64 maxPixelsPerSecond;
};

// The viewer shows one picture at a time (1,024 px at 30 frames a second), read whole to
// check it (a larger GIF shows still).
constexpr Limits Viewer{1024, 1000, 64 * 1024 * 1024, 20, 32'000'000};
// A bubble: several play at once while the chat scrolls, each from its own copy in the private
// folder, so smaller (a GIF from the web is most often 480 px wide, a few megabytes, 10 to 30
// frames a second: 480 × 360 at 30 is 5.2 million pixels a second).
constexpr Limits Inline{640, 1000, 8 * 1024 * 1024, 20, 8'000'000};

bool playable(const QString &path, const Limits &limits = Viewer);

} // namespace sotto::ui::Animation
