// SPDX-License-Identifier: GPL-3.0-or-later
// Link framing (core/net/FrameCodec): bytes from a TLS peer, cut into reads of a size the
// first byte picks. Checks: a frame that comes out has a body and survives re-encoding;
// the reader stops at the first frame over the cap or that does not parse (the link closes).
#include "core/net/FrameCodec.h"
#include "fuzz/FuzzFixtures.h"

#include <cstdint>
#include <cstdlib>

using namespace sotto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const bool quiet = (fuzz::quietLogs(), true);
    (void)quiet;
    if (size < 1)
        return 0;
    const qsizetype chunk = qsizetype(data[0]) + 1;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    net::FrameReader reader;
    for (qsizetype pos = 0; pos < bytes.size(); pos += chunk) {
        reader.append(bytes.mid(pos, chunk));
        for (;;) {
            wire::Frame frame;
            const net::FrameReader::Status status = reader.next(frame);
            if (status == net::FrameReader::Status::NeedMore)
                break;
            if (status != net::FrameReader::Status::Frame)
                return 0; // the link closes here
            if (frame.body_case() == wire::Frame::BODY_NOT_SET)
                std::abort();
            net::FrameReader again;
            again.append(net::encodeFrame(frame));
            wire::Frame copy;
            if (again.next(copy) != net::FrameReader::Status::Frame || copy.SerializeAsString() != frame.SerializeAsString())
                std::abort();
        }
    }
    return 0;
}
