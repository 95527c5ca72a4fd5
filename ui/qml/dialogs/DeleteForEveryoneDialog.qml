// SPDX-License-Identifier: GPL-3.0-or-later
// "Delete for everyone" cannot be undone (the text leaves this profile and the peer's), so
// the window asks first; "Delete for me" does not ask.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: root
    objectName: "deleteForEveryoneDialog"
    property var rowId: 0
    property string peerName
    signal confirmed(var rowId)
    title: qsTr("Delete for everyone?")
    modal: true
    anchors.centerIn: Overlay.overlay
    onAccepted: confirmed(rowId)

    Label {
        textFormat: Text.PlainText // names and texts come from peers: never markup
        text: qsTr("The message will be deleted here and for %1. This cannot be undone.").arg(root.peerName)
        wrapMode: Text.WordWrap
        width: 360
    }
    footer: DialogButtonBox {
        Button {
            objectName: "cancelDeleteButton"
            text: qsTr("Cancel")
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "confirmDeleteButton"
            text: qsTr("Delete")
            Accessible.name: qsTr("Delete for everyone")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }
}
