// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/SecretBytes.h"

#include <sodium.h>

#include <cstring>
#include <new>
#include <utility>

namespace sotto::crypto {

SecretBytes::SecretBytes(std::size_t size)
    : m_data(size ? new std::uint8_t[size]() : nullptr)
    , m_size(size)
{
}

SecretBytes::SecretBytes(const void *data, std::size_t size)
    : SecretBytes(size)
{
    if (size)
        std::memcpy(m_data, data, size);
}

SecretBytes::~SecretBytes() { clear(); }

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes SecretBytes::random(std::size_t size)
{
    SecretBytes out(size);
    if (sodium_init() < 0)
        qFatal("libsodium could not initialise");
    randombytes_buf(out.m_data, size);
    return out;
}

SecretBytes SecretBytes::takeFrom(QByteArray &source)
{
    SecretBytes out(source.constData(), std::size_t(source.size()));
    wipe(source);
    return out;
}

SecretBytes SecretBytes::toHex() const
{
    SecretBytes out(m_size * 2 + 1);
    sodium_bin2hex(reinterpret_cast<char *>(out.m_data), out.m_size, m_data, m_size);
    out.m_size -= 1; // drop the terminating NUL from the visible size; it stays zeroed on free
    return out;
}

bool SecretBytes::equals(const SecretBytes &other) const
{
    return m_size == other.m_size && (m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0);
}

void SecretBytes::clear()
{
    if (m_data) {
        sodium_memzero(m_data, m_size);
        delete[] m_data;
    }
    m_data = nullptr;
    m_size = 0;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        bytes.detach();
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    bytes.clear();
}

void wipe(std::string &bytes)
{
    if (!bytes.empty())
        sodium_memzero(bytes.data(), bytes.size());
    bytes.clear();
}

} // namespace sotto::crypto
