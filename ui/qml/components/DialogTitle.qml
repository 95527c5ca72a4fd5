// SPDX-License-Identifier: GPL-3.0-or-later
// A dialog's title, as large as a heading (Fusion draws it small and bold in a bar).
import QtQuick
import QtQuick.Controls

Label {
    textFormat: Text.PlainText
    font.pixelSize: 18
    font.weight: Font.DemiBold
    elide: Text.ElideRight
    leftPadding: 20
    rightPadding: 20
    topPadding: 18
    bottomPadding: 4
    Accessible.role: Accessible.Heading
}
