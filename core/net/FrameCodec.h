// SPDX-License-Identifier: GPL-3.0-or-later
// Link framing: a 4-byte big-endian length, then a protobuf Frame. The length is checked
// against the cap before a byte of the body is buffered; a frame that does not parse is
// an error. The reader owns only its buffer.
#pragma once

#include "core/net/Wire.pb.h"

#include <QByteArray>

#include <optional>

namespace sotto::net {

inline constexpr qsizetype MaxFrameSize = 256 * 1024;

QByteArray encodeFrame(const wire::Frame &frame);

class FrameReader {
public:
    enum class Status { NeedMore, Frame, TooLarge, Malformed };

    void append(const QByteArray &bytes) { m_buffer.append(bytes); }
    // Next complete frame, if any. After TooLarge or Malformed the link must be closed.
    Status next(wire::Frame &frame);
    qsizetype buffered() const { return m_buffer.size(); }

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0;
};

} // namespace sotto::net
