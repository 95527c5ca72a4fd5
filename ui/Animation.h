// SPDX-License-Identifier: GPL-3.0-or-later
// Whether the image viewer plays a file as an animation. Qt 6.4's AnimatedImage decodes
// every frame at the picture's full size, on the GUI thread, whatever sourceSize says: a
// hostile GIF of a few kilobytes with a huge canvas and thousands of frames would keep the
// window busy for as long as it is shown. So only a modest animation plays (GIF or WebP by
// its content, never by the name a peer gave it, at most MaxSide a side and MaxFrames
// frames); anything else is shown still by Image, which decodes once, off the GUI thread, at
// the size shown. A plain function that reads the file: callers run it off the GUI thread.
#pragma once

#include <QString>

namespace sotto::ui::Animation {

constexpr int MaxSide = 1024;   // px, the canvas
constexpr int MaxFrames = 1000;

bool playable(const QString &path);

} // namespace sotto::ui::Animation
