// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/JsonWriter.h"

namespace sotto::app {

void JsonWriter::separate()
{
    // A value right after its key needs nothing; any other member or element after the
    // first of its container needs a comma.
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    const std::uint64_t bit = std::uint64_t(1) << (m_depth & 63);
    if (m_hasMember & bit)
        m_out.append(',');
    m_hasMember |= bit;
}

JsonWriter &JsonWriter::open(char bracket)
{
    separate();
    m_out.append(bracket);
    ++m_depth;
    m_hasMember &= ~(std::uint64_t(1) << (m_depth & 63));
    return *this;
}

JsonWriter &JsonWriter::close(char bracket)
{
    m_out.append(bracket);
    --m_depth;
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    separate();
    m_out.append('"');
    m_out.append(name.data(), qsizetype(name.size()));
    m_out.append("\":", 2);
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(QStringView text)
{
    separate();
    // toUtf8 writes an unpaired surrogate (possible in a QString, never in valid UTF-8)
    // as a replacement character, so the line stays valid UTF-8.
    appendEscaped(text.toUtf8());
    return *this;
}

JsonWriter &JsonWriter::value(QLatin1StringView text)
{
    separate();
    appendEscaped(QByteArrayView(text.data(), text.size()));
    return *this;
}

JsonWriter &JsonWriter::number(std::int64_t n)
{
    separate();
    m_out.append(QByteArray::number(qlonglong(n)));
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? QByteArrayView("true") : QByteArrayView("false"));
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null", 4);
    return *this;
}

JsonWriter &JsonWriter::raw(QByteArrayView json)
{
    separate();
    m_out.append(json);
    return *this;
}

void JsonWriter::appendEscaped(QByteArrayView utf8)
{
    static constexpr char Hex[] = "0123456789abcdef";
    m_out.append('"');
    qsizetype plainFrom = 0;
    const auto flushPlain = [&](qsizetype upTo) {
        if (upTo > plainFrom)
            m_out.append(utf8.sliced(plainFrom, upTo - plainFrom));
    };
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue; // copied in runs
        flushPlain(i);
        plainFrom = i + 1;
        switch (c) {
        case '"': m_out.append("\\\"", 2); break;
        case '\\': m_out.append("\\\\", 2); break;
        case '\b': m_out.append("\\b", 2); break;
        case '\f': m_out.append("\\f", 2); break;
        case '\n': m_out.append("\\n", 2); break;
        case '\r': m_out.append("\\r", 2); break;
        case '\t': m_out.append("\\t", 2); break;
        default: {
            const char escaped[6] = {'\\', 'u', '0', '0', Hex[c >> 4], Hex[c & 0xf]};
            m_out.append(escaped, 6);
        }
        }
    }
    flushPlain(utf8.size());
    m_out.append('"');
}

} // namespace sotto::app
