// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the chat's message list as a person sees it: which seeded messages (see
// HistoryFixture.h) the delegates laid out on screen show, oldest at the top. Header only:
// GUI tests and bench_gui link Qt Quick, the rest of testsupport does not.
#pragma once

#include "tests/support/HistoryFixture.h"

#include <QQuickItem>

namespace sotto::test {

// The list's model index at `y` pixels from the top of the list on screen, or -1.
inline int listIndexAt(QQuickItem *list, qreal y)
{
    int index = -1;
    QMetaObject::invokeMethod(list, "indexAt", Q_RETURN_ARG(int, index), Q_ARG(qreal, list->width() / 2),
                              Q_ARG(qreal, list->property("contentY").toReal() + y));
    return index;
}

// The seeded numbers on screen, top to bottom; -1 for a delegate that shows no seeded text.
inline QList<int> seededOnScreen(QQuickItem *list)
{
    // Bottom to top: the newest shown is at the bottom edge (below it only the list's 8 px
    // header), the oldest at the top.
    int newest = -1, oldest = -1;
    for (qreal y = list->height() - 1; y > 0 && newest < 0; y -= 4)
        newest = listIndexAt(list, y);
    for (qreal y = 1; y < list->height() && oldest < 0; y += 4)
        oldest = listIndexAt(list, y);
    QList<int> numbers;
    if (newest < 0 || oldest < 0)
        return numbers;
    for (int index = oldest; index >= newest; --index) {
        QQuickItem *delegate = nullptr;
        QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, delegate), Q_ARG(int, index));
        numbers.append(delegate ? seededNumber(delegate->property("body").toString()) : -1);
    }
    return numbers;
}

} // namespace sotto::test
