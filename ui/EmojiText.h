// SPDX-License-Identifier: GPL-3.0-or-later
// Colour emoji inside message text. Qt 6.4 picks a glyph from the first font that has
// one, and DejaVu Sans (Debian's default) has outline glyphs for many emoji, so "✨" or
// "☕" came out as black outlines beside colour ones. The text is therefore shown as
// escaped HTML with each emoji run set in Noto Color Emoji. A peer's text is never markup:
// every other character is escaped.
#pragma once

#include <QString>

namespace sotto::ui::emoji {

// True if `text` has at least one character shown as a colour emoji.
[[nodiscard]] bool contains(const QString &text);

// `text` escaped for Qt's rich text, each emoji run (with its joiners, variation
// selectors, skin tones, keycaps and tag sequences) wrapped in a span in the colour font.
[[nodiscard]] QString toHtml(const QString &text);

} // namespace sotto::ui::emoji
