// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AnimationTiming.h"

#include <QtEndian>

#include <algorithm>
#include <limits>

namespace sotto::ui::AnimationTiming {
namespace {

// A cursor over hostile bytes: every read says whether the bytes were there.
class Cursor {
public:
    explicit Cursor(QByteArrayView bytes)
        : m_bytes(bytes)
    {
    }
    bool has(qsizetype n) const { return n >= 0 && m_at <= m_bytes.size() - n; }
    bool skip(qsizetype n)
    {
        if (!has(n))
            return false;
        m_at += n;
        return true;
    }
    std::optional<std::uint8_t> byte()
    {
        if (!has(1))
            return std::nullopt;
        return std::uint8_t(m_bytes[m_at++]);
    }
    const uchar *at() const { return reinterpret_cast<const uchar *>(m_bytes.data()) + m_at; }
    qsizetype position() const { return m_at; }

private:
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
};

void addFrame(Timing &t, int delayMs)
{
    t.shortestMs = t.frames == 0 ? delayMs : std::min(t.shortestMs, delayMs);
    ++t.frames;
    t.totalMs += delayMs;
}

// GIF: header, screen descriptor, global colour table, then blocks up to the trailer. Each
// image's delay is that of the graphic control extension before it (0 without one).
std::optional<Timing> readGif(QByteArrayView bytes)
{
    Cursor c(bytes);
    if (!c.has(13))
        return std::nullopt;
    Timing t;
    t.width = qFromLittleEndian<quint16>(c.at() + 6);
    t.height = qFromLittleEndian<quint16>(c.at() + 8);
    const std::uint8_t screen = c.at()[10];
    c.skip(13);
    if ((screen & 0x80) && !c.skip(3 * (qsizetype(2) << (screen & 7))))
        return std::nullopt;
    const auto skipSubBlocks = [&c]() -> bool {
        for (;;) {
            const auto size = c.byte();
            if (!size)
                return false;
            if (*size == 0)
                return true;
            if (!c.skip(*size))
                return false;
        }
    };
    int pendingDelayMs = 0;
    for (;;) {
        const auto block = c.byte();
        if (!block)
            return t.frames ? std::optional(t) : std::nullopt; // cut short: what was there
        switch (*block) {
        case 0x21: { // an extension
            const auto label = c.byte();
            if (!label)
                return std::nullopt;
            if (*label == 0xF9 && c.has(6) && c.at()[0] == 4) {
                pendingDelayMs = 10 * qFromLittleEndian<quint16>(c.at() + 2); // centiseconds
                c.skip(5);
            }
            if (!skipSubBlocks())
                return std::nullopt;
            break;
        }
        case 0x2C: { // an image: descriptor, local colour table, LZW data
            if (!c.has(9))
                return std::nullopt;
            const std::uint8_t packed = c.at()[8];
            c.skip(9);
            if ((packed & 0x80) && !c.skip(3 * (qsizetype(2) << (packed & 7))))
                return std::nullopt;
            if (!c.skip(1) || !skipSubBlocks())
                return std::nullopt;
            addFrame(t, pendingDelayMs);
            pendingDelayMs = 0;
            break;
        }
        case 0x3B: return t; // the trailer
        default: return std::nullopt;
        }
    }
}

// WebP: a RIFF of chunks (four-character code, 32-bit length, data padded to even). An
// animation has one ANMF chunk per frame; its duration is the 24-bit field after its offset
// and size. The canvas is in VP8X.
std::optional<Timing> readWebp(QByteArrayView bytes)
{
    Cursor c(bytes);
    if (!c.skip(12))
        return std::nullopt;
    Timing t;
    bool animated = false;
    while (c.has(8)) {
        const QByteArrayView fourcc(reinterpret_cast<const char *>(c.at()), 4);
        const quint32 length = qFromLittleEndian<quint32>(c.at() + 4);
        c.skip(8);
        if (length > quint32(std::numeric_limits<qsizetype>::max() / 2) || !c.has(qsizetype(length)))
            break; // cut short: what was there
        const uchar *data = c.at();
        if (fourcc == "VP8X" && length >= 10) {
            animated = data[0] & 0x02;
            t.width = 1 + int(data[4] | data[5] << 8 | data[6] << 16);
            t.height = 1 + int(data[7] | data[8] << 8 | data[9] << 16);
        } else if (fourcc == "ANMF" && length >= 16) {
            addFrame(t, int(data[12] | data[13] << 8 | data[14] << 16));
        }
        c.skip(qsizetype(length) + (length & 1));
    }
    if (!animated || !t.frames)
        return std::nullopt;
    return t;
}

} // namespace

std::optional<Timing> read(QByteArrayView bytes)
{
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return readGif(bytes);
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.sliced(8, 4) == "WEBP")
        return readWebp(bytes);
    return std::nullopt;
}

} // namespace sotto::ui::AnimationTiming
