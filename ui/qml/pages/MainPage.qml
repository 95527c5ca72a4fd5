// SPDX-License-Identifier: GPL-3.0-or-later
// The messenger: conversations on the left, the open chat on the right; search (Ctrl+K),
// the contact page and the settings open over it.
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
        value: Qt.application.state === Qt.ApplicationActive && root.app.messages.peer.length > 0
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Sidebar {
            id: sidebar
            app: root.app
            Layout.preferredWidth: 300
            Layout.fillHeight: true
            onSearchRequested: search.open()
            onSettingsRequested: settings.open()
            onAddPeerRequested: addPeer.open()
        }
        Rectangle {
            width: 1
            Layout.fillHeight: true
            color: palette.mid
        }
        ChatView {
            app: root.app
            Layout.fillWidth: true
            Layout.fillHeight: true
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
        function onPeerChanged() { if (root.app.messages.peer.length === 0) sidebar.focusList() }
    }

    SearchDialog { id: search; app: root.app }
    AddPeerDialog { id: addPeer; app: root.app }
    SettingsPage { id: settings; app: root.app }
    ContactPage { id: contact; app: root.app }
}
