// SPDX-License-Identifier: GPL-3.0-or-later
// What a modal dialog dims the window with (Fusion's own is all but invisible): the
// dialog stands out, and a click beside it plainly goes nowhere.
import QtQuick

Rectangle {
    color: Qt.rgba(0, 0, 0, 0.45)
}
