// SPDX-License-Identifier: GPL-3.0-or-later
// New group (Signal's): a name and the contacts to add; Create makes it with us as its
// admin and opens it. The core's refusal stays in the dialog, in words.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Dialog {
    id: root
    required property AppController app
    objectName: "newGroupDialog"
    title: qsTr("New group")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(420, parent ? parent.width - 40 : 420)
    Overlay.modal: Backdrop {}
    header: DialogTitle { text: root.title }
    leftPadding: 20
    rightPadding: 20
    background: Rectangle { radius: 10; color: palette.window; border.color: palette.mid }
    onOpened: {
        groupName.text = ""
        checklist.reset()
        root.app.groups.clearError()
        root.app.groups.loadContacts()
        groupName.forceActiveFocus()
    }

    Connections {
        target: root.app.groups
        function onCreated() { root.close() }
    }

    ColumnLayout {
        width: root.availableWidth
        spacing: 8
        TextField {
            id: groupName
            objectName: "groupNameField"
            placeholderText: qsTr("Group name")
            Accessible.name: qsTr("Group name")
            maximumLength: 64
            Layout.fillWidth: true
            onTextChanged: root.app.groups.clearError()
            onAccepted: root.create()
        }
        Label {
            text: qsTr("Members")
            font.bold: true
            Layout.topMargin: 6
        }
        ContactChecklist {
            id: checklist
            objectName: "newGroupContacts"
            contacts: root.app.groups.contacts
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
        }
        Label {
            objectName: "noContactsYet"
            visible: root.app.groups.contacts.length === 0
            text: qsTr("No contacts yet. Start a chat with someone first; then you can add them to a group.")
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            opacity: 0.75
            Layout.fillWidth: true
        }
        Label {
            objectName: "newGroupProblem"
            visible: text.length > 0
            text: root.app.groups.errorText
            textFormat: Text.PlainText // the core's reason may name a peer
            color: "#c0392b"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }

    footer: DialogButtonBox {
        standardButtons: DialogButtonBox.Cancel
        Button {
            objectName: "createGroupButton"
            text: root.app.groups.busy ? qsTr("Creating…") : qsTr("Create")
            enabled: !root.app.groups.busy && groupName.text.trim().length > 0 && checklist.chosen.length > 0
            highlighted: true
            Accessible.name: qsTr("Create the group")
            DialogButtonBox.buttonRole: DialogButtonBox.ApplyRole
        }
        onApplied: root.create()
    }

    function create() {
        if (!root.app.groups.busy)
            root.app.groups.create(groupName.text, checklist.chosen)
    }
}
