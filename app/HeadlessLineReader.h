// SPDX-License-Identifier: GPL-3.0-or-later
// Cuts the headless mode's stdin into lines. A line longer than the limit is dropped up to
// its newline and reported once, so no tail of it can ever run as a command of its own.
// It owns only the partial line; what a line means is HeadlessCommand's business.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace sotto::app {

inline constexpr qsizetype MaxCommandLine = 1 << 20; // bytes, without the newline

class HeadlessLineReader {
public:
    struct Line {
        QByteArray text;      // without the newline; empty when tooLong
        bool tooLong = false; // the line was over the limit and has been (or is being) dropped
    };

    explicit HeadlessLineReader(qsizetype maxLine = MaxCommandLine) : m_maxLine(maxLine) {}

    // Takes the next bytes read and returns the lines they complete, in order. An overlong
    // line is reported as soon as it passes the limit (before its newline has arrived).
    std::vector<Line> feed(QByteArrayView bytes);

    // Bytes held of an unfinished line (never more than the limit).
    qsizetype pending() const { return m_partial.size(); }

private:
    qsizetype m_maxLine;
    QByteArray m_partial;
    bool m_discarding = false; // inside an overlong line, until its newline
};

} // namespace sotto::app
