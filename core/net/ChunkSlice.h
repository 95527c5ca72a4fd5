// SPDX-License-Identifier: GPL-3.0-or-later
// ChunkSlice is a ChunkData frame (Wire.proto) read and written without libprotobuf, so the
// bulk bytes of an attachment are copied once less at each end: the sender writes a small
// header and then the slice straight from its sealed chunk; the receiver reads `data` as a
// view into the link's buffer. The bytes on the wire are exactly protobuf's (nothing about
// the protocol changes); only the canonical encoding is read here, anything else is left to
// the protobuf parser. It owns nothing: views point into someone else's buffer.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace sotto::net {

struct ChunkSlice {
    QByteArrayView fileId;
    quint64 index = 0;
    quint32 offset = 0;
    QByteArrayView data;
};

// The frame `body` (after the 4-byte length) as a slice if it is a Frame holding only a
// ChunkData, in the encoding protobuf writes: fields in order, each at most once, nothing
// unknown. Otherwise (another frame, or an unusual but maybe valid encoding) nothing, and
// the caller parses the body with protobuf. Every length is checked against `body`: the
// views never reach past it. Whatever this accepts, protobuf parses to the same values.
std::optional<ChunkSlice> readChunkSlice(QByteArrayView body);

// The whole frame (length prefix included) up to where `slice.data` begins: the frame is
// this header followed by the data bytes, byte for byte what encodeFrame() gives for the
// same ChunkData. The data's length is taken from `slice.data`; its bytes are not read.
QByteArray chunkSliceHeader(const ChunkSlice &slice);

} // namespace sotto::net
