// SPDX-License-Identifier: GPL-3.0-or-later
// Message requests (strangers who wrote), conversations (most recent first), blocked
// strangers, then people nearby who are not contacts yet.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Pane {
    id: root
    required property AppController app
    signal searchRequested()
    signal settingsRequested()
    signal addPeerRequested()
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
                Avatar {
                    name: root.app.session.displayName
                    peer: root.app.session.peerId
                    implicitWidth: 32
                    implicitHeight: 32
                    Layout.leftMargin: 8
                }
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    text: root.app.session.displayName
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                ToolButton {
                    objectName: "searchButton"
                    text: qsTr("Search")
                    onClicked: root.searchRequested()
                    Accessible.name: qsTr("Search messages")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Search (Ctrl+K)")
                }
                ToolButton {
                    objectName: "settingsButton"
                    text: qsTr("Settings")
                    onClicked: root.settingsRequested()
                    Accessible.name: qsTr("Settings")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Settings")
                }
            }
        }

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
                onActivated: conversationId ? root.app.messages.open(conversationId) : root.app.messages.openPeer(peer)
            }
            Label {
                textFormat: Text.PlainText // names and texts come from peers: never markup
                anchors.centerIn: parent
                width: parent.width - 32
                visible: list.count === 0
                text: qsTr("Nobody here yet. People running Sotto on your network appear by themselves; or add one by address below.")
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                opacity: 0.7
            }
        }

        Button {
            objectName: "addPeerButton"
            text: qsTr("Add by address…")
            flat: true
            Layout.fillWidth: true
            Accessible.name: qsTr("Add a peer by address")
            onClicked: root.addPeerRequested()
        }
    }
}
