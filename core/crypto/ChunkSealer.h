// SPDX-License-Identifier: GPL-3.0-or-later
// ChunkSealer seals and opens one chunk of an attachment with XChaCha20-Poly1305 (libsodium's
// construction; the bulk through OpenSSL, see ChunkSealer.cpp) under the file's own key. It owns no file and no key storage: only the chunk format.
#pragma once

#include "core/crypto/SecretBytes.h"

#include <QByteArray>

#include <cstdint>
#include <optional>

namespace sotto::crypto {

// A sealed chunk is nonce (24 random bytes) || ciphertext || tag (16). The associated data
// binds it to its place: "sotto-chunk-v1" || file id (16) || index (8, big endian) || last
// (1 byte, 0 or 1). So a chunk cannot be moved to another index or file, and a file cannot
// be cut short at a chunk boundary (the last chunk says it is the last).
class ChunkSealer {
public:
    static constexpr std::size_t KeySize = 32;
    static constexpr std::size_t FileIdSize = 16;
    static constexpr std::size_t NonceSize = 24;
    static constexpr std::size_t TagSize = 16;
    static constexpr std::size_t Overhead = NonceSize + TagSize;
    static constexpr std::uint32_t ChunkSize = 256 * 1024; // plaintext bytes per chunk
    static constexpr std::size_t SealedChunkSize = ChunkSize + Overhead;

    // Invalid (and every call fails) unless the key is 32 bytes and the file id 16.
    ChunkSealer(const SecretBytes &key, const QByteArray &fileId);
    bool isValid() const { return m_valid; }

    // Chunks of a file of `size` plaintext bytes: at least one (an empty file has one
    // empty chunk).
    static std::uint64_t chunkCount(std::uint64_t size);
    // The plaintext length of chunk `index` of a file of `size` bytes.
    static std::uint32_t plainLength(std::uint64_t size, std::uint64_t index);
    // Bytes of the whole sealed copy of a file of `size` plaintext bytes.
    static std::uint64_t sealedFileSize(std::uint64_t size) { return size + chunkCount(size) * Overhead; }

    QByteArray seal(std::uint64_t index, bool last, const QByteArray &plaintext) const;
    // Nullopt when the chunk fails authentication (changed, moved, from another file or
    // key, or a different `last`).
    std::optional<QByteArray> open(std::uint64_t index, bool last, const QByteArray &sealed) const;
    // The same into buffers the caller reuses (no allocation per chunk, and the sealed bytes
    // go straight where they are written out): `out` takes plainSize + Overhead bytes for
    // sealInto, sealedSize - Overhead for openInto. The format is the one above.
    bool sealInto(std::uint64_t index, bool last, const char *plain, std::size_t plainSize, char *out) const;
    bool openInto(std::uint64_t index, bool last, const char *sealed, std::size_t sealedSize, char *out) const;

private:
    static constexpr std::size_t AdSize = 14 + FileIdSize + 8 + 1;
    void associatedData(std::uint64_t index, bool last, unsigned char (&ad)[AdSize]) const;

    const SecretBytes &m_key;
    QByteArray m_fileId;
    bool m_valid = false;
};

} // namespace sotto::crypto
