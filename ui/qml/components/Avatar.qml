// SPDX-License-Identifier: GPL-3.0-or-later
// A round initial in a colour chosen by the peer id (AvatarPalette), with an online dot;
// a group's shows the group icon instead (its colour chosen by `peer`, the caller's key).
import QtQuick
import QtQuick.Controls.impl
import Sotto

Item {
    id: root
    property string name
    property string peer
    property bool online: false
    property bool group: false
    implicitWidth: 40
    implicitHeight: 40

    Rectangle {
        anchors.fill: parent
        radius: width / 2
        color: AvatarPalette.colourFor(root.peer)
        Text {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            anchors.centerIn: parent
            visible: !root.group
            text: root.name.length ? root.name.charAt(0).toUpperCase() : "?"
            color: "white"
            font.pixelSize: root.height * 0.45
            font.bold: true
        }
        IconImage {
            visible: root.group
            anchors.centerIn: parent
            source: "qrc:/sotto/icons/ui/group.svg"
            sourceSize.width: Math.round(root.width * 0.55)
            sourceSize.height: Math.round(root.height * 0.55)
            color: "white"
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
