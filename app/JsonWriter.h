// SPDX-License-Identifier: GPL-3.0-or-later
// Writes one compact JSON line straight into bytes, for the headless mode's hot lines
// (message_received, message_state, a send's reply). Going through QJsonObject costs a
// CBOR container, a sorted insert per key and a second walk to serialise: at thousands of
// messages a second that was a quarter of the receiver's CPU (docs/BENCHMARKS.md).
//
// The caller writes keys in the order QJsonDocument would (sorted), so a line reads the
// same byte for byte whichever way it was made. Strings are escaped as RFC 8259 says, the
// way Qt escapes them; text from a peer can hold any character and still makes one line.
#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sotto::app {

class JsonWriter {
public:
    JsonWriter() { m_out.reserve(512); }

    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }

    // A member's name (inside an object): plain ASCII, never escaped.
    JsonWriter &key(std::string_view name);

    JsonWriter &value(QStringView text);
    JsonWriter &value(QLatin1StringView text);
    template <typename Integer>
        requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>)
    JsonWriter &value(Integer n)
    {
        return number(std::int64_t(n));
    }
    JsonWriter &value(bool flag);
    JsonWriter &value(const char *) = delete; // say QLatin1StringView or QStringView
    JsonWriter &null();
    // Already-written JSON (a whole value), e.g. a nested object written by another writer.
    JsonWriter &raw(QByteArrayView json);

    // The shorthand for the common case: key, then value.
    template <typename T> JsonWriter &field(std::string_view name, T &&v) { return key(name).value(std::forward<T>(v)); }

    // The text so far; ends the writer's use.
    QByteArray take() { return std::move(m_out); }

private:
    JsonWriter &number(std::int64_t n);
    JsonWriter &open(char bracket);
    JsonWriter &close(char bracket);
    void separate();
    void appendEscaped(QByteArrayView utf8);

    QByteArray m_out;
    // Whether the container at each depth already has a member (bit per depth; a message
    // nests three deep at most, 64 levels are far beyond any line this writes).
    std::uint64_t m_hasMember = 0;
    int m_depth = 0;
    bool m_afterKey = false;
};

} // namespace sotto::app
