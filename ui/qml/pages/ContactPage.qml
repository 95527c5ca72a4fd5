// SPDX-License-Identifier: GPL-3.0-or-later
// A contact: the safety number to compare (in person or by phone) and its QR code, marking
// the contact verified, and blocking or unblocking it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Drawer {
    id: root
    required property AppController app
    readonly property ContactController contact: app.contact
    objectName: "contactPage"
    edge: Qt.RightEdge
    width: Math.min(380, parent ? parent.width * 0.8 : 380)
    height: parent ? parent.height : 600
    Overlay.modal: Backdrop {}

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 12

            Label {
                textFormat: Text.PlainText // names and texts come from peers: never markup
                text: root.contact.name
                font.pixelSize: 20
                font.bold: true
                Layout.margins: 16
                Layout.bottomMargin: 0
            }
            Label {
                textFormat: Text.PlainText // names and texts come from peers: never markup
                text: qsTr("Safety number")
                font.bold: true
                Layout.leftMargin: 16
            }
            Label {
                textFormat: Text.PlainText // names and texts come from peers: never markup
                text: qsTr("Compare these digits with the ones on %1's screen. If they match, nobody is in between.").arg(root.contact.name)
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }
            GridLayout {
                objectName: "safetyNumber"
                columns: 4
                columnSpacing: 14
                rowSpacing: 6
                Layout.alignment: Qt.AlignHCenter
                Accessible.name: qsTr("Safety number %1").arg(root.contact.safetyNumber)
                Repeater {
                    model: root.contact.safetyNumber.length ? root.contact.safetyNumber.split(" ") : []
                    Label {
                        textFormat: Text.PlainText // names and texts come from peers: never markup
                        required property string modelData
                        text: modelData
                        font.family: "monospace"
                        font.pixelSize: 16
                    }
                }
            }
            Label {
                textFormat: Text.PlainText // names and texts come from peers: never markup
                visible: root.contact.errorText.length > 0
                text: root.contact.errorText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Layout.leftMargin: 16
            }
            Image {
                visible: root.contact.qrSource.length > 0
                source: root.contact.qrSource
                sourceSize: Qt.size(220, 220)
                Layout.alignment: Qt.AlignHCenter
                Accessible.name: qsTr("Safety number as a QR code")
            }
            Switch {
                objectName: "verifiedSwitch"
                text: qsTr("Verified: the numbers match")
                checked: root.contact.trust === "verified"
                Layout.alignment: Qt.AlignHCenter
                Accessible.name: qsTr("Mark as verified")
                onToggled: root.contact.setVerified(checked)
            }
            Switch {
                objectName: "blockedSwitch"
                text: qsTr("Blocked: nothing is sent to or taken from them")
                checked: root.contact.trust === "blocked"
                Layout.alignment: Qt.AlignHCenter
                Accessible.name: qsTr("Block %1").arg(root.contact.name)
                onToggled: root.contact.setBlocked(root.contact.peer, checked)
            }
            Button {
                text: qsTr("Close")
                flat: true
                Layout.alignment: Qt.AlignHCenter
                Accessible.name: text
                onClicked: root.close()
            }
        }
    }
}
