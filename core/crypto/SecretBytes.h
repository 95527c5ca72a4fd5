// SPDX-License-Identifier: GPL-3.0-or-later
// SecretBytes owns key material: one heap copy, never shared, zeroed when freed.
// It does not lock pages or guard against swap; it only keeps keys from lingering.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <span>

#include <QByteArray>

namespace sotto::crypto {

class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    SecretBytes(const void *data, std::size_t size);
    ~SecretBytes();

    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    // Fresh bytes from the system CSPRNG.
    static SecretBytes random(std::size_t size);
    // Takes the bytes of a QByteArray and zeroes the source (which must be detached).
    static SecretBytes takeFrom(QByteArray &source);

    std::uint8_t *data() { return m_data; }
    const std::uint8_t *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::span<const std::uint8_t> span() const { return {m_data, m_size}; }

    // Hex form, e.g. for SQLCipher's raw-key PRAGMA. The caller must wipe the result.
    SecretBytes toHex() const;
    bool equals(const SecretBytes &other) const;

    void clear();

private:
    std::uint8_t *m_data = nullptr;
    std::size_t m_size = 0;
};

// Zeroes a QByteArray in place (used for transient copies of secrets, e.g. a passphrase
// read from a file); the array's buffer must not be shared.
void wipe(QByteArray &bytes);
// Likewise a std::string (a protobuf field that held a key).
void wipe(std::string &bytes);

} // namespace sotto::crypto
