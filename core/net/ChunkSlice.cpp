// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/ChunkSlice.h"

#include <cstdint>
#include <cstring>

namespace sotto::net {
namespace {

// Protobuf's tags (field number << 3 | wire type) for Frame.chunk_data and its fields.
constexpr std::uint8_t FrameChunkData = (10 << 3) | 2;
constexpr std::uint8_t FileIdTag = (1 << 3) | 2;
constexpr std::uint8_t IndexTag = (2 << 3) | 0;
constexpr std::uint8_t OffsetTag = (3 << 3) | 0;
constexpr std::uint8_t DataTag = (4 << 3) | 2;

// Reads from hostile bytes: every read is checked against the end.
class Cursor {
public:
    explicit Cursor(QByteArrayView bytes)
        : m_p(reinterpret_cast<const std::uint8_t *>(bytes.data()))
        , m_end(m_p + bytes.size())
    {
    }
    bool atEnd() const { return m_p == m_end; }
    qsizetype left() const { return qsizetype(m_end - m_p); }
    std::uint8_t peek() const { return *m_p; }
    void skip(qsizetype n) { m_p += n; }
    // A varint of at most 10 bytes whose value fits 64 bits (protobuf's own limit; a value
    // that would overflow is not read here, so protobuf decides what it means).
    std::optional<std::uint64_t> varint()
    {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p == m_end)
                return std::nullopt;
            const std::uint8_t byte = *m_p++;
            if (shift == 63 && byte > 1)
                return std::nullopt;
            value |= std::uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return value;
        }
        return std::nullopt;
    }
    // A length-delimited field's bytes, only if all of them are there.
    std::optional<QByteArrayView> bytes()
    {
        const std::optional<std::uint64_t> length = varint();
        if (!length || *length > std::uint64_t(left()))
            return std::nullopt;
        const QByteArrayView view(reinterpret_cast<const char *>(m_p), qsizetype(*length));
        m_p += qsizetype(*length);
        return view;
    }

private:
    const std::uint8_t *m_p;
    const std::uint8_t *m_end;
};

int varintSize(std::uint64_t value)
{
    int n = 1;
    while (value >= 0x80) {
        value >>= 7;
        ++n;
    }
    return n;
}

char *putVarint(char *out, std::uint64_t value)
{
    while (value >= 0x80) {
        *out++ = char((value & 0x7f) | 0x80);
        value >>= 7;
    }
    *out++ = char(value);
    return out;
}

} // namespace

std::optional<ChunkSlice> readChunkSlice(QByteArrayView body)
{
    Cursor frame(body);
    if (frame.atEnd() || frame.peek() != FrameChunkData)
        return std::nullopt;
    frame.skip(1);
    const std::optional<QByteArrayView> message = frame.bytes();
    if (!message || !frame.atEnd()) // a second field after it: protobuf merges, we do not
        return std::nullopt;
    ChunkSlice slice;
    Cursor in(*message);
    int last = 0; // the last field number read: each comes once, in order
    while (!in.atEnd()) {
        const std::uint8_t tag = in.peek();
        const int field = tag >> 3;
        if (field <= last || tag > DataTag)
            return std::nullopt;
        in.skip(1);
        last = field;
        if (tag == FileIdTag || tag == DataTag) {
            const std::optional<QByteArrayView> bytes = in.bytes();
            if (!bytes)
                return std::nullopt;
            (tag == FileIdTag ? slice.fileId : slice.data) = *bytes;
        } else if (tag == IndexTag) {
            const std::optional<std::uint64_t> index = in.varint();
            if (!index)
                return std::nullopt;
            slice.index = *index;
        } else if (tag == OffsetTag) {
            const std::optional<std::uint64_t> offset = in.varint();
            if (!offset || *offset > 0xffffffffu) // protobuf would truncate it: left to protobuf
                return std::nullopt;
            slice.offset = quint32(*offset);
        } else {
            return std::nullopt; // a wire type these fields do not have
        }
    }
    return slice;
}

QByteArray chunkSliceHeader(const ChunkSlice &slice)
{
    // Fields as protobuf writes them: in order, those holding their default value left out.
    const std::uint64_t idLength = std::uint64_t(slice.fileId.size());
    const std::uint64_t dataLength = std::uint64_t(slice.data.size());
    std::uint64_t message = 0;
    if (idLength)
        message += 1 + varintSize(idLength) + idLength;
    if (slice.index)
        message += 1 + varintSize(slice.index);
    if (slice.offset)
        message += 1 + varintSize(slice.offset);
    if (dataLength)
        message += 1 + varintSize(dataLength) + dataLength;
    const std::uint64_t body = 1 + varintSize(message) + message;
    QByteArray header(qsizetype(4 + body - dataLength), Qt::Uninitialized);
    char *out = header.data();
    *out++ = char((body >> 24) & 0xff);
    *out++ = char((body >> 16) & 0xff);
    *out++ = char((body >> 8) & 0xff);
    *out++ = char(body & 0xff);
    *out++ = char(FrameChunkData);
    out = putVarint(out, message);
    if (idLength) {
        *out++ = char(FileIdTag);
        out = putVarint(out, idLength);
        std::memcpy(out, slice.fileId.data(), idLength);
        out += idLength;
    }
    if (slice.index) {
        *out++ = char(IndexTag);
        out = putVarint(out, slice.index);
    }
    if (slice.offset) {
        *out++ = char(OffsetTag);
        out = putVarint(out, slice.offset);
    }
    if (dataLength) {
        *out++ = char(DataTag);
        out = putVarint(out, dataLength);
    }
    Q_ASSERT(out == header.constData() + header.size());
    return header;
}

} // namespace sotto::net
