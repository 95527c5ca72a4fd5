// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/HeadlessLineReader.h"

namespace sotto::app {

std::vector<HeadlessLineReader::Line> HeadlessLineReader::feed(QByteArrayView bytes)
{
    std::vector<Line> lines;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', pos);
        if (m_discarding) {
            if (newline < 0)
                return lines; // still inside the overlong line: drop all of it
            m_discarding = false;
            pos = newline + 1;
            continue;
        }
        if (newline < 0) {
            const QByteArrayView rest = bytes.sliced(pos);
            if (m_partial.size() + rest.size() > m_maxLine) {
                // Report it now; its tail, whenever it comes, is dropped with it.
                m_partial.clear();
                m_discarding = true;
                lines.push_back({{}, true});
            } else {
                m_partial.append(rest);
            }
            return lines;
        }
        const QByteArrayView segment = bytes.sliced(pos, newline - pos);
        if (m_partial.size() + segment.size() > m_maxLine) {
            lines.push_back({{}, true});
        } else {
            m_partial.append(segment);
            lines.push_back({m_partial, false});
        }
        m_partial.clear();
        pos = newline + 1;
    }
    return lines;
}

} // namespace sotto::app
