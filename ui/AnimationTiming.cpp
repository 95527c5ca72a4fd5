// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AnimationTiming.h"

#include <QtEndian>

#include <algorithm>

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

private:
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
};

// One frame of `width` × `height` shown for `delayMs`: decoding it costs at least the canvas
// (Qt composes every frame onto it), or the frame itself if larger.
void addFrame(Timing &t, int width, int height, int delayMs, std::int64_t canvasArea)
{
    t.width = std::max(t.width, width);
    t.height = std::max(t.height, height);
    t.shortestMs = t.frames == 0 ? delayMs : std::min(t.shortestMs, delayMs);
    ++t.frames;
    t.totalMs += delayMs;
    const std::int64_t area = std::max(canvasArea, std::int64_t(width) * height);
    // A 0 ms frame counts as 1 ms: it is refused by its delay anyway.
    t.peakPixelsPerSecond = std::max(t.peakPixelsPerSecond, area * 1000 / std::max(delayMs, 1));
}

// GIF: header, screen descriptor, global colour table, then blocks up to the trailer. The
// delays as Qt's GIF reader plays them: 0 or 1 centisecond is 100 ms (as browsers do), and a
// frame without a graphic control block keeps the delay before it (100 ms at first).
std::optional<Timing> readGif(QByteArrayView bytes)
{
    Cursor c(bytes);
    if (!c.has(13))
        return std::nullopt;
    Timing t;
    t.width = qFromLittleEndian<quint16>(c.at() + 6);
    t.height = qFromLittleEndian<quint16>(c.at() + 8);
    const std::int64_t screenArea = std::int64_t(t.width) * t.height;
    const std::uint8_t screen = c.at()[10];
    c.skip(13);
    if ((screen & 0x80) && !c.skip(3 * (qsizetype(2) << (screen & 7))))
        return std::nullopt;
    // The bytes of a run of sub-blocks, or nullopt if cut short.
    const auto skipSubBlocks = [&c]() -> std::optional<std::int64_t> {
        std::int64_t total = 0;
        for (;;) {
            const auto size = c.byte();
            if (!size)
                return std::nullopt;
            if (*size == 0)
                return total;
            if (!c.skip(*size))
                return std::nullopt;
            total += *size;
        }
    };
    int delayMs = 100;
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
                const int centiseconds = qFromLittleEndian<quint16>(c.at() + 2);
                delayMs = 10 * (centiseconds < 2 ? 10 : centiseconds);
                c.skip(5);
            }
            if (!skipSubBlocks())
                return std::nullopt;
            break;
        }
        case 0x2C: { // an image: descriptor, local colour table, LZW data
            if (!c.has(9))
                return std::nullopt;
            const int width = qFromLittleEndian<quint16>(c.at() + 4);
            const int height = qFromLittleEndian<quint16>(c.at() + 6);
            const std::uint8_t packed = c.at()[8];
            c.skip(9);
            if ((packed & 0x80) && !c.skip(3 * (qsizetype(2) << (packed & 7))))
                return std::nullopt;
            if (!c.skip(1))
                return std::nullopt;
            const auto data = skipSubBlocks();
            // LZW spends at most 12 bits a pixel: more data than the frame could use would
            // still be decoded (the cost is the data's, not the frame's). Not a GIF to play.
            if (!data || *data > 2 * std::int64_t(width) * height + 1024)
                return std::nullopt;
            addFrame(t, width, height, delayMs, screenArea);
            break;
        }
        case 0x3B: return t; // the trailer
        default: return std::nullopt;
        }
    }
}

// WebP: a RIFF of chunks (four-character code, 32-bit length, data padded to even), read only
// up to the RIFF's own length (libwebp ignores what follows). An animation has one ANMF chunk
// per frame: its size and its duration (24 bits, ms, played as written) follow its offset.
// The canvas is in VP8X.
std::optional<Timing> readWebp(QByteArrayView bytes)
{
    const quint32 riff = qFromLittleEndian<quint32>(bytes.data() + 4);
    if (riff < 4)
        return std::nullopt;
    Cursor c(bytes.first(std::min<qsizetype>(bytes.size(), 8 + qsizetype(riff))));
    if (!c.skip(12))
        return std::nullopt;
    Timing t;
    bool animated = false;
    std::int64_t canvasArea = 0;
    while (c.has(8)) {
        const QByteArrayView fourcc(reinterpret_cast<const char *>(c.at()), 4);
        const quint32 length = qFromLittleEndian<quint32>(c.at() + 4);
        c.skip(8);
        if (!c.has(qsizetype(length)))
            break; // cut short: what was there
        const uchar *data = c.at();
        if (fourcc == "VP8X" && length >= 10) {
            animated = data[0] & 0x02;
            t.width = 1 + int(data[4] | data[5] << 8 | data[6] << 16);
            t.height = 1 + int(data[7] | data[8] << 8 | data[9] << 16);
            canvasArea = std::int64_t(t.width) * t.height;
        } else if (fourcc == "ANMF" && length >= 16) {
            const int width = 1 + int(data[6] | data[7] << 8 | data[8] << 16);
            const int height = 1 + int(data[9] | data[10] << 8 | data[11] << 16);
            addFrame(t, width, height, int(data[12] | data[13] << 8 | data[14] << 16), canvasArea);
        }
        if (!c.skip(qsizetype(length) + (length & 1)))
            break; // the last chunk without its padding byte
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
