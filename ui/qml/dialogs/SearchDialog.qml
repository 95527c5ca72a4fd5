// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl+K: search every conversation; choosing a hit opens its conversation at that message.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
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
    onOpened: { field.text = ""; field.forceActiveFocus() }
    onClosed: root.app.search.clear()

    function choose(index) {
        if (index < 0 || index >= hits.count)
            return
        const item = hits.itemAtIndex(index)
        root.app.messages.openAt(item.peer, item.rowId)
        root.close()
    }

    ColumnLayout {
        anchors.fill: parent
        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search messages")
            Accessible.name: qsTr("Search messages")
            onTextChanged: root.app.search.query = text
            Keys.onDownPressed: hits.incrementCurrentIndex()
            Keys.onUpPressed: hits.decrementCurrentIndex()
            onAccepted: root.choose(hits.currentIndex >= 0 ? hits.currentIndex : 0)
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
                        Label { text: name; font.bold: true; Layout.fillWidth: true; elide: Text.ElideRight }
                        Label { text: time; font.pixelSize: 11; opacity: 0.7 }
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
                anchors.centerIn: parent
                visible: hits.count === 0 && field.text.trim().length > 0
                text: qsTr("No messages match.")
                opacity: 0.7
            }
        }
    }
}
