// SPDX-License-Identifier: GPL-3.0-or-later
// The headless mode's stdin (app/HeadlessLineReader + app/HeadlessCommand): bytes in reads
// of a size the first byte picks, a small line limit so overlong lines are common. Checks:
// no line passes the limit or holds a newline; a command that passes has string "cmd".
#include "app/HeadlessCommand.h"
#include "app/HeadlessLineReader.h"

#include <cstdint>
#include <cstdlib>

using namespace sotto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    constexpr qsizetype Limit = 512;
    const qsizetype chunk = qsizetype(data[0]) * 4 + 1;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    app::HeadlessLineReader reader(Limit);
    for (qsizetype pos = 0; pos < bytes.size(); pos += chunk) {
        for (const app::HeadlessLineReader::Line &line : reader.feed(bytes.sliced(pos, std::min(chunk, bytes.size() - pos)))) {
            if (line.text.size() > Limit || line.text.contains('\n') || (line.tooLong && !line.text.isEmpty()))
                std::abort();
            if (line.tooLong)
                continue;
            auto command = app::parseCommand(line.text);
            if (command && !command->value(QStringLiteral("cmd")).isString())
                std::abort();
        }
        if (reader.pending() > Limit)
            std::abort();
    }
    return 0;
}
