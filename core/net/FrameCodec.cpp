// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/FrameCodec.h"

#include <algorithm>

namespace sotto::net {

QByteArray encodeFrame(const wire::Frame &frame)
{
    const size_t size = frame.ByteSizeLong();
    QByteArray out(qsizetype(size + 4), Qt::Uninitialized);
    out[0] = char((size >> 24) & 0xff);
    out[1] = char((size >> 16) & 0xff);
    out[2] = char((size >> 8) & 0xff);
    out[3] = char(size & 0xff);
    frame.SerializeToArray(out.data() + 4, int(size));
    return out;
}

void FrameReader::compact()
{
    // Everything read: start over at the front (the allocation is kept). Otherwise only
    // now and then, so a large partial frame is not moved after every small one.
    if (m_offset == m_buffer.size() || m_offset > 65536) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
}

void FrameReader::append(QByteArrayView bytes)
{
    compact();
    m_buffer.append(bytes);
}

void FrameReader::readFrom(QIODevice &device)
{
    const qint64 available = device.bytesAvailable();
    if (available <= 0)
        return;
    compact();
    const qsizetype before = m_buffer.size();
    m_buffer.resize(before + qsizetype(available));
    const qint64 got = device.read(m_buffer.data() + before, available);
    m_buffer.resize(before + qsizetype(std::max<qint64>(got, 0)));
}

FrameReader::Status FrameReader::next(wire::Frame &frame, ChunkSlice *slice)
{
    const qsizetype available = m_buffer.size() - m_offset;
    if (available < 4)
        return Status::NeedMore;
    const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData() + m_offset);
    const quint32 length = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    if (length > quint32(MaxFrameSize))
        return Status::TooLarge;
    if (available < qsizetype(length) + 4)
        return Status::NeedMore;
    const QByteArrayView body(m_buffer.constData() + m_offset + 4, qsizetype(length));
    m_offset += qsizetype(length) + 4;
    if (slice) {
        if (std::optional<ChunkSlice> read = readChunkSlice(body)) {
            *slice = *read;
            return Status::Slice;
        }
    }
    const bool ok = frame.ParseFromArray(body.data(), int(body.size())) && frame.body_case() != wire::Frame::BODY_NOT_SET;
    return ok ? Status::Frame : Status::Malformed;
}

} // namespace sotto::net
