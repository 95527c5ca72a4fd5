// SPDX-License-Identifier: GPL-3.0-or-later
// Message padding as Signal does it: the plaintext, one 0x80 byte, then zeros up to a
// multiple of 160 bytes, so ciphertext length reveals only a coarse size class.
#pragma once

#include <QByteArray>
#include <optional>

namespace sotto::protocol {

inline constexpr qsizetype PaddingBlock = 160;

QByteArray pad(const QByteArray &plaintext);
// Empty optional when the padding is malformed.
std::optional<QByteArray> unpad(const QByteArray &padded);

} // namespace sotto::protocol
