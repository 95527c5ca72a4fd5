// SPDX-License-Identifier: GPL-3.0-or-later
// The animation timing scan (ui/AnimationTiming): a peer's GIF or WebP, read before Qt plays
// it. Check: no read outside the bytes (ASan), and what it reports is consistent.
#include "ui/AnimationTiming.h"

#include <cstdint>
#include <cstdlib>

using namespace sotto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto timing = ui::AnimationTiming::read(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (timing
        && (timing->frames < 0 || timing->totalMs < 0 || timing->shortestMs < 0 || timing->width < 0 || timing->height < 0
            || (timing->frames > 0 && std::int64_t(timing->shortestMs) * timing->frames > timing->totalMs)))
        std::abort();
    return 0;
}
