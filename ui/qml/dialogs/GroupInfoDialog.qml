// SPDX-License-Identifier: GPL-3.0-or-later
// A group's info, from the chat header: its members with their admin marks; an admin
// renames it, adds contacts, removes members and makes them admins; anyone still in it
// may leave (asked first). The core's refusals show here, in words.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Dialog {
    id: root
    required property AppController app
    readonly property GroupController groups: app.groups
    objectName: "groupInfoDialog"
    title: groups.name.length > 0 ? groups.name : qsTr("Group")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(440, parent ? parent.width - 40 : 440)
    Overlay.modal: Backdrop {}
    header: DialogTitle { text: root.title }
    leftPadding: 20
    rightPadding: 20
    background: Rectangle { radius: 10; color: palette.window; border.color: palette.mid }
    readonly property bool mayChange: groups.admin && groups.member
    // A member's row was chosen: its safety number (a member need not be our contact).
    signal safetyNumberRequested(string peer)
    property bool adding: false
    onOpened: {
        adding = false
        groups.clearError()
        groups.load(root.app.messages.conversationId)
        groups.loadContacts()
    }
    onClosed: groups.load(0)
    // A rename shows in the field once made (and when another admin made one).
    Connections {
        target: root.groups
        function onGroupChanged() { renameField.text = root.groups.name }
        function onChanged() { root.adding = false; addList.reset() }
    }

    ColumnLayout {
        width: root.availableWidth
        spacing: 8

        RowLayout {
            visible: root.mayChange
            Layout.fillWidth: true
            TextField {
                id: renameField
                objectName: "groupRenameField"
                Accessible.name: qsTr("Group name")
                maximumLength: 64
                Layout.fillWidth: true
                onAccepted: renameButton.clicked()
            }
            Button {
                id: renameButton
                objectName: "renameGroupButton"
                text: qsTr("Rename")
                enabled: !root.groups.busy && renameField.text.trim().length > 0 && renameField.text.trim() !== root.groups.name
                onClicked: root.groups.rename(renameField.text)
            }
        }

        Label {
            text: root.groups.members.length === 1 ? qsTr("1 member") : qsTr("%1 members").arg(root.groups.members.length)
            font.bold: true
            Layout.topMargin: 4
        }
        ListView {
            id: memberList
            objectName: "groupMembers"
            model: root.groups.members
            clip: true
            implicitHeight: Math.min(contentHeight, 220)
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: memberRow
                required property var modelData
                width: ListView.view.width
                objectName: "member_" + modelData.peer
                hoverEnabled: true
                readonly property string trustText: modelData.self ? ""
                    : modelData.trust === "verified" ? qsTr("verified")
                    : modelData.trust === "changed" ? qsTr("safety number changed")
                    : modelData.trust === "blocked" ? qsTr("blocked") : qsTr("not verified")
                Accessible.name: modelData.name + (modelData.admin ? ", " + qsTr("admin") : "")
                                 + (trustText.length > 0 ? ", " + trustText : "")
                ToolTip.visible: hovered && !modelData.self
                ToolTip.text: qsTr("Show the safety number")
                ToolTip.delay: 600
                onClicked: if (!modelData.self) root.safetyNumberRequested(modelData.peer)
                contentItem: RowLayout {
                    spacing: 10
                    Avatar {
                        name: memberRow.modelData.name
                        peer: memberRow.modelData.peer
                        implicitWidth: 28
                        implicitHeight: 28
                    }
                    Label {
                        text: memberRow.modelData.self ? qsTr("%1 (you)").arg(memberRow.modelData.name) : memberRow.modelData.name
                        textFormat: Text.PlainText // names and texts come from peers: never markup
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    // Each member's safety-number state, as in a 1:1 chat's header: a member
                    // who is not our contact reads "not verified" until checked.
                    Label {
                        objectName: "trustMark"
                        visible: memberRow.trustText.length > 0
                        text: memberRow.trustText
                        font.pixelSize: 11
                        color: memberRow.modelData.trust === "verified" ? "#2e9d5b"
                             : memberRow.modelData.trust === "changed" ? "#d35400" : palette.text
                        opacity: memberRow.modelData.trust === "verified" || memberRow.modelData.trust === "changed" ? 1 : 0.7
                    }
                    Label {
                        objectName: "adminMark"
                        visible: memberRow.modelData.admin
                        text: qsTr("admin")
                        font.pixelSize: 11
                        opacity: 0.8
                        leftPadding: 4; rightPadding: 4; topPadding: 1; bottomPadding: 1
                        background: Rectangle { radius: 3; color: "transparent"; border.width: 1; border.color: palette.mid }
                    }
                    IconButton {
                        objectName: "memberMenuButton"
                        visible: root.mayChange && !memberRow.modelData.self
                        iconName: "more"
                        text: qsTr("Change %1").arg(memberRow.modelData.name)
                        onClicked: memberMenu.popup()
                        Menu {
                            id: memberMenu
                            MenuItem {
                                objectName: "toggleAdminItem"
                                text: memberRow.modelData.admin ? qsTr("Remove as admin") : qsTr("Make admin")
                                onTriggered: root.groups.setAdmin(memberRow.modelData.peer, !memberRow.modelData.admin)
                            }
                            MenuItem {
                                objectName: "removeMemberItem"
                                text: qsTr("Remove from group")
                                onTriggered: root.groups.removeMember(memberRow.modelData.peer)
                            }
                        }
                    }
                }
            }
        }

        Button {
            objectName: "addMembersButton"
            visible: root.mayChange && !root.adding
            text: qsTr("Add members…")
            onClicked: root.adding = true
        }
        ColumnLayout {
            visible: root.adding
            Layout.fillWidth: true
            ContactChecklist {
                id: addList
                objectName: "addMembersContacts"
                contacts: root.groups.contacts
                excluded: root.groups.members.map(m => m.peer)
                Layout.fillWidth: true
                Layout.preferredHeight: implicitHeight
            }
            Label {
                visible: addList.count === 0
                text: qsTr("All your contacts are in this group.")
                opacity: 0.75
            }
            RowLayout {
                Button {
                    text: qsTr("Cancel")
                    onClicked: { root.adding = false; addList.reset() }
                }
                Button {
                    objectName: "confirmAddMembersButton"
                    text: qsTr("Add")
                    highlighted: true
                    enabled: !root.groups.busy && addList.chosen.length > 0
                    onClicked: root.groups.addMembers(addList.chosen)
                }
            }
        }

        Label {
            objectName: "groupProblem"
            visible: text.length > 0
            text: root.groups.errorText
            textFormat: Text.PlainText // the core's reason may name a peer
            color: "#c0392b"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            visible: !root.groups.member && root.groups.conversationId !== 0
            text: qsTr("You are no longer a member of this group.")
            opacity: 0.75
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "leaveGroupButton"
            visible: root.groups.member
            text: qsTr("Leave group")
            palette.buttonText: "#c0392b"
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: confirmLeave.open()
        }
        Button {
            objectName: "closeGroupInfoButton"
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    Dialog {
        id: confirmLeave
        objectName: "confirmLeaveDialog"
        title: qsTr("Leave %1?").arg(root.groups.name)
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(400, root.width)
        Overlay.modal: Backdrop {}
        header: DialogTitle { text: confirmLeave.title }
        leftPadding: 20
        rightPadding: 20
        background: Rectangle { radius: 10; color: palette.window; border.color: palette.mid }
        Label {
            text: qsTr("You will no longer get its messages, and cannot write to it unless an admin adds you again. Its history stays here.")
            wrapMode: Text.WordWrap
            width: confirmLeave.availableWidth
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                objectName: "confirmLeaveButton"
                text: qsTr("Leave")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }
        onAccepted: root.groups.leave()
    }
}
