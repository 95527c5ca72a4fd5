// SPDX-License-Identifier: GPL-3.0-or-later
// The messenger: conversations on the left, the open chat on the right (one at a time in
// a narrow window); search (Ctrl+K), the contact page and the settings open over it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Page {
    id: root
    required property AppController app

    Shortcut {
        sequences: ["Ctrl+K"]
        onActivated: search.open()
    }
    Shortcut {
        sequences: ["Ctrl+L"]
        onActivated: root.app.session.lock()
    }

    // Read receipts go out only while the chat is really in front of the user.
    Binding {
        target: root.app.messages
        property: "inView"
        value: Qt.application.state === Qt.ApplicationActive && root.chatOpen
    }

    // Below this width one pane shows at a time: the list, or the open chat with a back
    // button. Above it the divider between them can be dragged (and is remembered).
    readonly property int onePaneBelow: 600
    readonly property bool narrow: width < onePaneBelow
    readonly property bool chatOpen: root.app.messages.peer.length > 0 || root.app.messages.isGroup

    SplitView {
        id: panes
        objectName: "panes"
        anchors.fill: parent
        orientation: Qt.Horizontal
        handle: Rectangle {
            objectName: "paneDivider"
            implicitWidth: 5
            color: SplitHandle.pressed || SplitHandle.hovered ? palette.highlight : "transparent"
            Rectangle { width: 1; height: parent.height; anchors.horizontalCenter: parent.horizontalCenter; color: palette.mid }
            Accessible.name: qsTr("Resize the conversation list")
        }

        Sidebar {
            id: sidebar
            app: root.app
            visible: !root.narrow || !root.chatOpen
            // Dragging the divider sets preferredWidth itself; a narrow window's list fills
            // the window instead (one filling pane at a time, as SplitView wants).
            SplitView.preferredWidth: WindowPlacement.sidebarWidth
            SplitView.minimumWidth: WindowPlacement.minSidebarWidth
            SplitView.maximumWidth: root.narrow ? root.width : WindowPlacement.maxSidebarWidth
            SplitView.fillWidth: root.narrow && !root.chatOpen
            // A drag of the divider (not a narrow window's full-width list) is remembered.
            onWidthChanged: if (!root.narrow && visible && width > 0 && panes.resizing) WindowPlacement.sidebarWidth = width
            onSearchRequested: text => search.openWith(text)
            onSettingsRequested: settings.open()
            onAddPeerRequested: addPeer.open()
            onNewGroupRequested: newGroup.open()
        }
        ChatView {
            app: root.app
            visible: !root.narrow || root.chatOpen
            showBack: root.narrow
            SplitView.fillWidth: !root.narrow || root.chatOpen
            onBackRequested: root.app.messages.open(0)
            onGroupInfoRequested: groupInfo.open()
            onContactRequested: {
                root.app.contact.peer = root.app.messages.peer
                contact.open()
            }
        }
    }

    // With no conversation open, the keyboard starts in the conversation list.
    Component.onCompleted: sidebar.focusList()
    Connections {
        target: root.app.messages
        function onPeerChanged() { if (!root.chatOpen) sidebar.focusList() }
    }

    SearchDialog { id: search; app: root.app }
    AddPeerDialog { id: addPeer; app: root.app }
    NewGroupDialog { id: newGroup; app: root.app }
    GroupInfoDialog {
        id: groupInfo
        app: root.app
        onSafetyNumberRequested: peer => {
            groupInfo.close()
            root.app.contact.peer = peer
            contact.open()
        }
    }
    SettingsPage { id: settings; app: root.app }
    ContactPage { id: contact; app: root.app }
}
