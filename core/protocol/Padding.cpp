// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Padding.h"

namespace sotto::protocol {

QByteArray pad(const QByteArray &plaintext)
{
    const qsizetype padded = ((plaintext.size() + 1 + PaddingBlock - 1) / PaddingBlock) * PaddingBlock;
    QByteArray out;
    out.reserve(padded);
    out.append(plaintext);
    out.append(char(0x80));
    out.append(padded - out.size(), '\0');
    return out;
}

std::optional<QByteArray> unpad(const QByteArray &padded)
{
    if (padded.isEmpty() || padded.size() % PaddingBlock != 0)
        return std::nullopt;
    qsizetype i = padded.size() - 1;
    while (i >= 0 && padded.at(i) == '\0')
        --i;
    if (i < 0 || uchar(padded.at(i)) != 0x80 || padded.size() - i > PaddingBlock)
        return std::nullopt;
    return padded.left(i);
}

} // namespace sotto::protocol
