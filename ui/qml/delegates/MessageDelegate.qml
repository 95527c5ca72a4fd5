// SPDX-License-Identifier: GPL-3.0-or-later
// One message: a day header where a day starts, a bubble (ours on the right), and for our
// own messages their state.
import QtQuick
import Sotto
import QtQuick.Controls
import QtQuick.Layouts

Item {
    id: root
    required property string body
    required property bool outgoing
    required property string delivery
    required property string time
    required property string day
    required property bool firstOfDay
    required property bool firstOfGroup
    required property bool highlight
    signal contextMenuRequested(string text) // the chat view has one menu for all messages

    implicitHeight: column.implicitHeight + (firstOfGroup ? 6 : 0)
    Accessible.role: Accessible.StaticText
    Accessible.name: (outgoing ? qsTr("You") : qsTr("They")) + ", " + time + ": " + body

    function stateText(s) {
        switch (s) {
        case "queued": return qsTr("queued")
        case "sent": return qsTr("\u2713 sent")
        case "delivered": return qsTr("\u2713\u2713 delivered")
        case "read": return qsTr("\u2713\u2713 read")
        case "failed": return qsTr("\u26A0 failed")
        }
        return ""
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        spacing: 4

        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            visible: root.firstOfDay
            text: root.day
            font.pixelSize: 11
            opacity: 0.7
            topPadding: 10
            bottomPadding: 4
            Layout.alignment: Qt.AlignHCenter
        }

        Rectangle {
            id: bubble
            Layout.alignment: root.outgoing ? Qt.AlignRight : Qt.AlignLeft
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            Layout.maximumWidth: root.width * 0.7
            implicitWidth: Math.max(text.implicitWidth, meta.implicitWidth) + 20
            implicitHeight: text.implicitHeight + meta.implicitHeight + 14
            radius: 12
            color: root.outgoing ? palette.highlight : palette.alternateBase
            border.width: root.highlight ? 2 : 0
            border.color: "#f1c40f"

            // Right click: what a desktop messenger offers on a message.
            TapHandler {
                acceptedButtons: Qt.RightButton
                onTapped: root.contextMenuRequested(root.body)
            }

            Label {
                id: text
                objectName: "messageBody"
                x: 10
                y: 6
                width: Math.min(implicitWidth, root.width * 0.7 - 20)
                text: root.body
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: root.outgoing ? palette.highlightedText : palette.text
            }
            Label {
                textFormat: Text.PlainText // names and texts come from peers: never markup
                id: meta
                anchors.right: parent.right
                anchors.rightMargin: 10
                anchors.top: text.bottom
                text: root.outgoing ? root.time + "  " + root.stateText(root.delivery) : root.time
                font.pixelSize: 10
                opacity: 0.75
                color: text.color
            }
        }
    }
}
