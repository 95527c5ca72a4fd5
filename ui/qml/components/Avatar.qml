// SPDX-License-Identifier: GPL-3.0-or-later
// A round initial in a colour chosen by the peer id (AvatarPalette), with an online dot.
import QtQuick
import Sotto

Item {
    id: root
    property string name
    property string peer
    property bool online: false
    implicitWidth: 40
    implicitHeight: 40

    Rectangle {
        anchors.fill: parent
        radius: width / 2
        color: AvatarPalette.colourFor(root.peer)
        Text {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            anchors.centerIn: parent
            text: root.name.length ? root.name.charAt(0).toUpperCase() : "?"
            color: "white"
            font.pixelSize: root.height * 0.45
            font.bold: true
        }
    }
    Rectangle {
        visible: root.online
        width: root.width * 0.3
        height: width
        radius: width / 2
        color: "#2ecc71"
        border.color: palette.window
        border.width: 2
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }
}
