// SPDX-License-Identifier: GPL-3.0-or-later
// Our name with New group, Add by address and Settings, the search field, then message requests
// (strangers who wrote), conversations (most recent first), blocked strangers and people
// nearby who are not contacts yet; or, with none of them, what to do next.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.impl
import Sotto

Pane {
    id: root
    required property AppController app
    signal searchRequested(string text)
    signal settingsRequested()
    signal addPeerRequested()
    signal newGroupRequested()
    padding: 0

    function focusList() { list.forceActiveFocus() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ToolBar {
            Layout.fillWidth: true
            implicitHeight: 48 // the chat's header beside it has the same height: one line across
            RowLayout {
                anchors.fill: parent
                spacing: 2
                Avatar {
                    name: root.app.session.displayName
                    peer: root.app.session.peerId
                    implicitWidth: 32
                    implicitHeight: 32
                    Layout.leftMargin: 8
                    Layout.rightMargin: 6
                }
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    text: root.app.session.displayName
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                    Layout.minimumWidth: 0
                }
                IconButton {
                    objectName: "newGroupButton"
                    iconName: "group-add"
                    text: qsTr("New group")
                    onClicked: root.newGroupRequested()
                }
                IconButton {
                    objectName: "addPeerButton"
                    iconName: "person-add"
                    text: qsTr("Add by address")
                    tip: qsTr("Add someone by address")
                    onClicked: root.addPeerRequested()
                }
                IconButton {
                    objectName: "settingsButton"
                    iconName: "settings"
                    text: qsTr("Settings")
                    onClicked: root.settingsRequested()
                    Layout.rightMargin: 4
                }
            }
        }

        // Search, where Signal and NeoChat have it: a field at the top of the list. It
        // opens the search over every conversation (Ctrl+K), with what was typed.
        TextField {
            id: searchField
            objectName: "searchButton"
            Layout.fillWidth: true
            Layout.margins: 8
            Layout.bottomMargin: 6
            leftPadding: 34
            placeholderText: qsTr("Search (Ctrl+K)")
            Accessible.name: qsTr("Search messages")
            background: Rectangle {
                implicitHeight: 34
                radius: height / 2
                color: palette.base
                border.width: searchField.activeFocus ? 2 : 1
                border.color: searchField.activeFocus ? palette.highlight : palette.mid
                IconImage {
                    x: 10
                    anchors.verticalCenter: parent.verticalCenter
                    source: "qrc:/sotto/icons/ui/search.svg"
                    sourceSize.width: 16
                    sourceSize.height: 16
                    color: palette.text
                    opacity: 0.6
                }
            }
            onTextChanged: if (text.length > 0) { root.searchRequested(text); text = "" }
            onAccepted: root.searchRequested("")
            TapHandler { onTapped: root.searchRequested("") }
        }
        Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: palette.mid; opacity: 0.6 }

        ListView {
            id: list
            objectName: "conversationList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.app.conversations
            keyNavigationEnabled: true
            activeFocusOnTab: true
            // Arrows move, Enter opens: the sidebar works without a mouse.
            Keys.onReturnPressed: if (currentItem) currentItem.activated()
            Keys.onEnterPressed: if (currentItem) currentItem.activated()
            Accessible.name: qsTr("Conversations")
            section.property: "sidebarSection"
            section.delegate: Item {
                required property string section
                width: ListView.view.width
                // Chats need no heading unless requests stand above them.
                height: section !== "chat" || root.app.conversations.requestCount > 0 ? 30 : 0
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    visible: parent.height > 0
                    objectName: "sectionHeading_" + parent.section
                    text: parent.section === "request" ? qsTr("Message requests")
                        : parent.section === "blocked" ? qsTr("Blocked")
                        : parent.section === "nearby" ? qsTr("Nearby") : qsTr("Chats")
                    x: 12
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: 4
                    font.pixelSize: 12
                    font.bold: true
                    opacity: 0.7
                }
            }
            delegate: ConversationDelegate {
                required property var conversationId // 0: someone nearby we never talked with
                width: ListView.view.width
                selected: conversationId ? conversationId === root.app.messages.conversationId : peer === root.app.messages.peer
                keyboardCurrent: ListView.isCurrentItem && ListView.view.activeFocus
                avatarKey: isGroup ? "group:" + conversationId : peer // a colour that stays through a rename
                onActivated: isGroup ? root.app.messages.openGroup(conversationId)
                           : conversationId ? root.app.messages.open(conversationId, peer) : root.app.messages.openPeer(peer)
            }
            // An empty list says what happens next, and offers the one thing to do.
            EmptyState {
                objectName: "sidebarEmpty"
                anchors.centerIn: parent
                width: parent.width - 40
                visible: list.count === 0
                iconSource: "qrc:/sotto/icons/ui/person-add.svg"
                title: qsTr("No conversations yet")
                text: qsTr("People running Sotto on your network appear here by themselves. Someone on another network? Add them by the address their Sotto settings show.")
                actionText: qsTr("Add by address")
                onActionTriggered: root.addPeerRequested()
            }
        }
    }
}
