// SPDX-License-Identifier: GPL-3.0-or-later
// Link framing: a 4-byte big-endian length, then a protobuf Frame. The length is checked
// against the cap before a byte of the body is buffered; a frame that does not parse is
// an error. Attachment slices may be read in place (ChunkSlice). The reader owns only its
// buffer.
#pragma once

#include "core/net/ChunkSlice.h"
#include "core/net/Wire.pb.h"

#include <QByteArray>
#include <QIODevice>

#include <optional>

namespace sotto::net {

inline constexpr qsizetype MaxFrameSize = 256 * 1024;

QByteArray encodeFrame(const wire::Frame &frame);

class FrameReader {
public:
    enum class Status { NeedMore, Frame, Slice, TooLarge, Malformed };

    void append(QByteArrayView bytes);
    // Whatever `device` has ready, read straight into the buffer (no intermediate copy).
    void readFrom(QIODevice &device);
    // Next complete frame, if any. After TooLarge or Malformed the link must be closed.
    // With `slice`, a ChunkData frame in protobuf's own encoding comes as Status::Slice:
    // `slice` then holds views into this reader's buffer, valid until the next append()
    // or readFrom() (the bulk bytes are not copied into a protobuf string first).
    Status next(wire::Frame &frame, ChunkSlice *slice = nullptr);
    qsizetype buffered() const { return m_buffer.size() - m_offset; }

private:
    // Drops the frames already read from the front; only before appending, so views
    // handed out since the last append stay valid.
    void compact();

    QByteArray m_buffer;
    qsizetype m_offset = 0;
};

} // namespace sotto::net
