// SPDX-License-Identifier: GPL-3.0-or-later
// The open conversation: header, identity-change banner, messages (newest at the bottom,
// older pages loaded while scrolling up) and the composer.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Page {
    id: root
    required property AppController app
    signal contactRequested()
    readonly property MessageModel model: app.messages
    readonly property bool paused: model.trust === "changed"

    header: ToolBar {
        visible: root.model.peer.length > 0
        implicitHeight: 48
        RowLayout {
            anchors.fill: parent
            Avatar {
                name: root.model.peerName
                peer: root.model.peer
                online: root.model.online
                implicitWidth: 32
                implicitHeight: 32
                Layout.leftMargin: 8
            }
            ColumnLayout {
                spacing: 0
                RowLayout {
                    Layout.alignment: Qt.AlignLeft
                    Label {
                        textFormat: Text.PlainText // names and texts come from peers: never markup
                        objectName: "chatTitle"
                        text: root.model.peerName
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Label {
                        textFormat: Text.PlainText // names and texts come from peers: never markup
                        objectName: "verifiedBadge"
                        visible: root.model.trust === "verified"
                        text: qsTr("\u2714 verified")
                        color: "#27ae60"
                        font.pixelSize: 12
                    }
                }
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    Layout.alignment: Qt.AlignLeft
                    text: root.model.online ? qsTr("online") : qsTr("offline — messages wait until they are back")
                    font.pixelSize: 11
                    opacity: 0.7
                }
            }
            Item { Layout.fillWidth: true }
            ToolButton {
                objectName: "contactButton"
                text: qsTr("Safety number")
                Accessible.name: qsTr("Contact and safety number")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Contact and safety number")
                onClicked: root.contactRequested()
            }
        }
    }

    Label {
        textFormat: Text.PlainText // names and texts come from peers: never markup
        anchors.centerIn: parent
        visible: root.model.peer.length === 0
        text: qsTr("Choose a conversation, or someone nearby, to start.")
        opacity: 0.7
    }

    ColumnLayout {
        anchors.fill: parent
        visible: root.model.peer.length > 0
        spacing: 0

        // A changed safety number pauses sending until the user accepts it.
        Rectangle {
            objectName: "identityBanner"
            visible: root.paused
            color: "#fdebd0"
            Layout.fillWidth: true
            implicitHeight: bannerRow.implicitHeight + 16
            RowLayout {
                id: bannerRow
                anchors.fill: parent
                anchors.margins: 8
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    text: qsTr("%1's safety number changed. They may have reinstalled Sotto — or someone may be pretending to be them. Sending is paused until you accept the new number.").arg(root.model.peerName)
                    color: "#7e5109"
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Compare")
                    Accessible.name: qsTr("Compare safety numbers")
                    onClicked: root.contactRequested()
                }
                Button {
                    objectName: "acceptIdentityButton"
                    text: qsTr("Accept")
                    Accessible.name: qsTr("Accept the new safety number")
                    onClicked: root.model.acceptNewIdentity()
                }
            }
        }

        Rectangle {
            objectName: "notice"
            visible: root.app.notice.length > 0 && !root.paused
            color: "#fadbd8"
            Layout.fillWidth: true
            implicitHeight: noticeRow.implicitHeight + 12
            RowLayout {
                id: noticeRow
                anchors.fill: parent
                anchors.margins: 6
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    text: root.app.notice
                    wrapMode: Text.WordWrap
                    color: "#78281f"
                    Layout.fillWidth: true
                }
                ToolButton {
                    text: "\u2715"
                    Accessible.name: qsTr("Dismiss")
                    onClicked: root.app.dismissNotice()
                }
            }
        }

        ListView {
            id: messages
            objectName: "messageList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.model
            verticalLayoutDirection: ListView.BottomToTop
            spacing: 2
            reuseItems: true
            cacheBuffer: 0 // delegates only for what is visible: a conversation opens within a frame
            activeFocusOnTab: true
            Accessible.name: qsTr("Messages")
            ScrollBar.vertical: ScrollBar {}
            delegate: MessageDelegate {
                width: ListView.view.width
                onContextMenuRequested: text => messages.showMessageMenu(text)
            }
            // One menu for every message, built on the first right click: a menu per delegate
            // was built for each row shown, an eager one cost ~15 ms at start (bench_gui).
            property Menu messageMenu: null
            function showMessageMenu(text) {
                if (!messageMenu)
                    messageMenu = messageMenuComponent.createObject(messages)
                messageMenu.text = text
                messageMenu.popup()
            }
            Component {
                id: messageMenuComponent
                Menu {
                    id: menu
                    property string text
                    MenuItem {
                        objectName: "copyTextItem"
                        text: qsTr("Copy text")
                        Accessible.name: text
                        onTriggered: root.app.desktop.copyText(menu.text)
                    }
                    onClosed: text = ""
                }
            }
            onAtYEndChanged: if (atYEnd) root.model.fetchNewer()
            Connections {
                target: root.model
                function onPositioned(row) { messages.positionViewAtIndex(row, ListView.Center) }
                // A conversation just opened: ready to type.
                function onPeerChanged() { if (root.model.peer.length > 0) composer.focusInput() }
                // Still at the bottom when a page finished: the newer one may have been refused.
                function onWindowChanged() {
                    if (!root.model.loading && !root.model.atNewest && messages.atYEnd)
                        root.model.fetchNewer()
                }
            }
            header: Item { height: 8 }
            footer: Item {
                width: ListView.view.width
                height: root.model.loading ? 32 : 8
                BusyIndicator {
                    anchors.centerIn: parent
                    running: root.model.loading
                    visible: running
                    height: 24
                }
            }
        }

        Composer {
            id: composer
            objectName: "composer"
            Layout.fillWidth: true
            enabled: !root.paused
            onSend: text => root.model.send(text)
        }
    }
}
