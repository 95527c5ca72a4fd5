// SPDX-License-Identifier: GPL-3.0-or-later
// What an empty place says instead of nothing: an icon, a heading, what to do next and,
// where there is one, the button that does it.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts

ColumnLayout {
    id: root
    property string iconSource
    property string title
    property string text
    property string actionText
    signal actionTriggered()
    spacing: 10

    IconImage {
        visible: root.iconSource.length > 0
        source: root.iconSource
        sourceSize.width: 56
        sourceSize.height: 56
        color: palette.windowText
        opacity: 0.35
        Layout.alignment: Qt.AlignHCenter
    }
    Label {
        textFormat: Text.PlainText // names come from peers: never markup
        text: root.title
        font.pixelSize: 17
        font.weight: Font.DemiBold
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    Label {
        textFormat: Text.PlainText
        visible: root.text.length > 0
        text: root.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        opacity: 0.7
        Layout.fillWidth: true
    }
    Button {
        visible: root.actionText.length > 0
        text: root.actionText
        highlighted: true
        Accessible.name: text
        onClicked: root.actionTriggered()
        Layout.alignment: Qt.AlignHCenter
        Layout.topMargin: 4
    }
}
