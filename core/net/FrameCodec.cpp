// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/FrameCodec.h"

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

FrameReader::Status FrameReader::next(wire::Frame &frame)
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
    const bool ok = frame.ParseFromArray(m_buffer.constData() + m_offset + 4, int(length))
        && frame.body_case() != wire::Frame::BODY_NOT_SET;
    m_offset += qsizetype(length) + 4;
    // Compact now and then rather than on every frame.
    if (m_offset > 65536 || m_offset == m_buffer.size()) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    return ok ? Status::Frame : Status::Malformed;
}

} // namespace sotto::net
