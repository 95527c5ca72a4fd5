// SPDX-License-Identifier: GPL-3.0-or-later
// "Delete for everyone" cannot be undone (the text leaves this profile and the peer's), so
// the window asks first; "Delete for me" does not ask.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Dialog {
    id: root
    objectName: "deleteForEveryoneDialog"
    property var rowId: 0
    property string peerName
    signal confirmed(var rowId)
    title: qsTr("Delete for everyone?")
    modal: true
    anchors.centerIn: Overlay.overlay
    // A fixed width: the wrapped text's height follows it (the text sizing the dialog and
    // the dialog the text made a binding loop).
    width: Math.min(420, parent ? parent.width - 40 : 420)
    Overlay.modal: Backdrop {}
    header: DialogTitle { text: root.title }
    leftPadding: 20
    rightPadding: 20
    background: Rectangle { radius: 10; color: palette.window; border.color: palette.mid }
    onAccepted: confirmed(rowId)

    Label {
        textFormat: Text.PlainText // names and texts come from peers: never markup
        text: qsTr("The message will be deleted here and for %1. This cannot be undone.").arg(root.peerName)
        wrapMode: Text.WordWrap
        width: root.availableWidth
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
