// SPDX-License-Identifier: GPL-3.0-or-later
// Unpadding (core/protocol/Padding): the plaintext libsignal hands back, before Content is
// parsed. Check: whatever unpad accepts is exactly what pad would have made.
#include "core/protocol/Padding.h"

#include <cstdint>
#include <cstdlib>

using namespace sotto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray padded(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<QByteArray> plain = protocol::unpad(padded);
    if (plain && protocol::pad(*plain) != padded)
        std::abort();
    return 0;
}
