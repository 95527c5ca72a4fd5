// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl+K: search every conversation; choosing a hit opens its conversation at that message.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.impl
import Sotto

Popup {
    id: root
    required property AppController app
    objectName: "searchDialog"
    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, parent ? parent.width - 40 : 560)
    height: Math.min(480, parent ? parent.height - 40 : 480)
    Overlay.modal: Backdrop {}
    padding: 12
    background: Rectangle { radius: 10; color: palette.window; border.color: palette.mid }
    // The field takes the keys at once: what is typed while the popup fades in (into the
    // sidebar's field, which opened it) goes on here.
    onAboutToShow: { chooseWhenReady = false; field.text = startText; startText = ""; field.forceActiveFocus() }
    onOpened: field.forceActiveFocus()
    property string startText // typed into the sidebar's search field, which opened this

    function openWith(text) { startText = text; open() }
    onClosed: root.app.search.clear()

    property bool chooseWhenReady: false

    function choose(index) {
        const hit = root.app.search.hit(index)
        if (hit.conversationId === undefined)
            return
        root.app.messages.openAt(hit.conversationId, hit.rowId, hit.peer)
        root.close()
    }

    // Enter right after typing: wait for the results of what is in the field now.
    Connections {
        target: root.app.search
        function onSearched() {
            hits.currentIndex = 0 // new results: the newest is the one Enter opens
            if (root.chooseWhenReady) {
                root.chooseWhenReady = false
                root.choose(0)
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search messages")
            leftPadding: 34
            background: Rectangle {
                implicitHeight: 38
                radius: height / 2
                color: palette.base
                border.width: 2
                border.color: palette.highlight
                IconImage {
                    x: 11
                    anchors.verticalCenter: parent.verticalCenter
                    source: "qrc:/sotto/icons/ui/search.svg"
                    sourceSize.width: 16
                    sourceSize.height: 16
                    color: palette.text
                    opacity: 0.6
                }
            }
            Accessible.name: qsTr("Search messages")
            onTextChanged: root.app.search.query = text
            Keys.onDownPressed: hits.incrementCurrentIndex()
            Keys.onUpPressed: hits.decrementCurrentIndex()
            onAccepted: {
                if (root.app.search.busy) {
                    root.chooseWhenReady = true
                    root.app.search.searchNow()
                } else {
                    root.choose(hits.currentIndex >= 0 && hits.currentIndex < hits.count ? hits.currentIndex : 0)
                }
            }
        }
        ListView {
            id: hits
            objectName: "searchHits"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.app.search
            currentIndex: 0
            Accessible.name: qsTr("Search results")
            delegate: ItemDelegate {
                required property int index
                required property string peer
                required property var rowId
                required property string name
                required property string snippet
                required property string time
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                Accessible.name: name + ", " + time
                onClicked: root.choose(index)
                contentItem: ColumnLayout {
                    RowLayout {
                        Label { textFormat: Text.PlainText; text: name; font.bold: true; Layout.fillWidth: true; elide: Text.ElideRight }
                        Label { textFormat: Text.PlainText; text: time; font.pixelSize: 11; opacity: 0.7 }
                    }
                    Label {
                        text: snippet
                        textFormat: Text.StyledText
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
            }
            Label {
                textFormat: Text.PlainText // names and texts come from peers: never markup
                anchors.centerIn: parent
                visible: hits.count === 0 && field.text.trim().length > 0
                text: qsTr("No messages match.")
                opacity: 0.7
            }
            EmptyState {
                anchors.centerIn: parent
                width: parent.width - 60
                visible: field.text.trim().length === 0
                iconSource: "qrc:/sotto/icons/ui/search.svg"
                title: qsTr("Search every conversation")
                text: qsTr("Words you type find the messages that contain them; Enter opens the newest hit, the arrows choose another.")
            }
        }
    }
}
