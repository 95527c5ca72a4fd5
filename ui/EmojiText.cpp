// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EmojiText.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace sotto::ui::emoji {
namespace {

// Characters below U+1F000 with Emoji_Presentation=Yes (Unicode's emoji-data.txt): shown
// as emoji even without U+FE0F. Others in the symbol blocks (☺, ✓, ♥) stay text unless a
// U+FE0F follows, as the standard says and as other messengers show them.
constexpr std::pair<char32_t, char32_t> BmpPresentation[] = {
    {0x231A, 0x231B}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
    {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE},
    {0x26C4, 0x26C5}, {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
    {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C},
    {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
};

constexpr char32_t Zwj = 0x200D;
constexpr char32_t Vs16 = 0xFE0F;
constexpr char32_t Keycap = 0x20E3;

bool inPresentationList(char32_t c)
{
    return std::any_of(std::begin(BmpPresentation), std::end(BmpPresentation),
                       [c](const auto &r) { return c >= r.first && c <= r.second; });
}

// Pictographs, flags' regional indicators and the like: everything in U+1F000–U+1FAFF
// is drawn in colour (the few text-default ones there look better in colour too).
bool isPictograph(char32_t c) { return c >= 0x1F000 && c <= 0x1FAFF; }

// A symbol that becomes an emoji when U+FE0F follows it (✔️, ❤️, ☺️, ©️).
bool mayTakeVs16(char32_t c) { return (c >= 0x2000 && c <= 0x2BFF) || c == 0x00A9 || c == 0x00AE || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299; }

bool isKeycapBase(char32_t c) { return (c >= u'0' && c <= u'9') || c == u'#' || c == u'*'; }

// What continues an emoji run without starting one.
bool isModifier(char32_t c)
{
    return c == Vs16 || c == Keycap || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

// Length in code points of the emoji starting at `i`, 0 if none starts there.
qsizetype emojiAt(const std::u32string &s, qsizetype i)
{
    const char32_t c = s[size_t(i)];
    const auto at = [&](qsizetype k) -> char32_t { return k < qsizetype(s.size()) ? s[size_t(k)] : 0; };
    if (isKeycapBase(c)) {
        if (at(i + 1) == Vs16 && at(i + 2) == Keycap)
            return 3;
        if (at(i + 1) == Keycap)
            return 2;
        return 0;
    }
    if (!isPictograph(c) && !inPresentationList(c) && !(mayTakeVs16(c) && at(i + 1) == Vs16))
        return 0;
    qsizetype n = 1;
    for (;;) {
        const char32_t next = at(i + n);
        if (isModifier(next)) {
            ++n;
        } else if (next == Zwj && at(i + n + 1) != 0) {
            n += 2; // a joined sequence (👩‍💻) is one picture
        } else {
            break;
        }
    }
    return n;
}

} // namespace

bool contains(const QString &text)
{
    const std::u32string s = text.toStdU32String();
    for (qsizetype i = 0; i < qsizetype(s.size()); ++i)
        if (emojiAt(s, i) > 0)
            return true;
    return false;
}

QString toHtml(const QString &text)
{
    const std::u32string s = text.toStdU32String();
    QString html;
    html.reserve(text.size() + 16);
    const auto plain = [&](qsizetype from, qsizetype to) {
        html += QString::fromStdU32String(s.substr(size_t(from), size_t(to - from))).toHtmlEscaped();
    };
    qsizetype from = 0;
    qsizetype i = 0;
    while (i < qsizetype(s.size())) {
        qsizetype n = emojiAt(s, i);
        if (n == 0) {
            ++i;
            continue;
        }
        // Emoji next to each other share one span.
        qsizetype end = i + n;
        while (end < qsizetype(s.size()) && (n = emojiAt(s, end)) > 0)
            end += n;
        plain(from, i);
        html += QStringLiteral("<span style=\"font-family:'Noto Color Emoji'\">");
        plain(i, end);
        html += QStringLiteral("</span>");
        from = i = end;
    }
    plain(from, qsizetype(s.size()));
    return html;
}

} // namespace sotto::ui::emoji
