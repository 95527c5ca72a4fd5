// SPDX-License-Identifier: GPL-3.0-or-later
// Link framing (core/net/FrameCodec, core/net/ChunkSlice): bytes from a TLS peer, cut into
// reads of a size the first byte picks. Checks: a frame that comes out has a body and
// survives re-encoding; the reader stops at the first frame over the cap or that does not
// parse (the link closes); a ChunkData read in place (a slice) says exactly what protobuf
// parses from the same bytes, and writing it back gives those bytes; a reader taking
// slices sees the same frames, in the same order, as one that does not.
#include "core/net/ChunkSlice.h"
#include "core/net/FrameCodec.h"
#include "fuzz/FuzzFixtures.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace sotto;

namespace {

// The whole input as one frame body: whatever readChunkSlice takes, protobuf parses to the
// same values, and chunkSliceHeader + data is the canonical encoding protobuf writes.
void checkSliceAgainstProtobuf(QByteArrayView body)
{
    const std::optional<net::ChunkSlice> slice = net::readChunkSlice(body);
    if (!slice)
        return;
    if (slice->data.data() && (slice->data.data() < body.data() || slice->data.data() + slice->data.size() > body.data() + body.size()))
        std::abort(); // a view past the frame
    wire::Frame frame;
    if (!frame.ParseFromArray(body.data(), int(body.size())) || frame.body_case() != wire::Frame::kChunkData)
        std::abort();
    const wire::ChunkData &c = frame.chunk_data();
    if (QByteArrayView(c.file_id().data(), qsizetype(c.file_id().size())) != slice->fileId || c.index() != slice->index
        || c.offset() != slice->offset || QByteArrayView(c.data().data(), qsizetype(c.data().size())) != slice->data)
        std::abort();
    if (net::chunkSliceHeader(*slice) + slice->data.toByteArray() != net::encodeFrame(frame))
        std::abort();
}

// What one reader gives: frames re-encoded, slices re-encoded, then the final status.
std::vector<std::string> readAll(const QByteArray &bytes, qsizetype chunk, bool slices)
{
    std::vector<std::string> out;
    net::FrameReader reader;
    for (qsizetype pos = 0; pos < bytes.size(); pos += chunk) {
        reader.append(bytes.mid(pos, chunk));
        for (;;) {
            wire::Frame frame;
            net::ChunkSlice slice;
            const net::FrameReader::Status status = reader.next(frame, slices ? &slice : nullptr);
            if (status == net::FrameReader::Status::NeedMore)
                break;
            if (status == net::FrameReader::Status::Slice) {
                out.push_back((net::chunkSliceHeader(slice) + slice.data.toByteArray()).toStdString());
                continue;
            }
            if (status != net::FrameReader::Status::Frame) {
                out.push_back(status == net::FrameReader::Status::TooLarge ? "too large" : "malformed");
                return out; // the link closes here
            }
            if (frame.body_case() == wire::Frame::BODY_NOT_SET)
                std::abort();
            net::FrameReader again;
            again.append(net::encodeFrame(frame));
            wire::Frame copy;
            if (again.next(copy) != net::FrameReader::Status::Frame || copy.SerializeAsString() != frame.SerializeAsString())
                std::abort();
            out.push_back(net::encodeFrame(frame).toStdString());
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const bool quiet = (fuzz::quietLogs(), true);
    (void)quiet;
    if (size < 1)
        return 0;
    const qsizetype chunk = qsizetype(data[0]) + 1;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    checkSliceAgainstProtobuf(bytes);
    if (bytes.size() >= 4)
        checkSliceAgainstProtobuf(QByteArrayView(bytes).sliced(4));
    if (readAll(bytes, chunk, false) != readAll(bytes, chunk, true))
        std::abort();
    return 0;
}
