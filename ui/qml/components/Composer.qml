// SPDX-License-Identifier: GPL-3.0-or-later
// Where messages are written: Enter sends, Shift+Enter starts a new line.
import QtQuick
import Sotto
import QtQuick.Controls
import QtQuick.Layouts

Pane {
    id: root
    signal send(string text)
    padding: 8

    RowLayout {
        anchors.fill: parent
        ScrollView {
            Layout.fillWidth: true
            Layout.maximumHeight: 140
            TextArea {
                id: input
                objectName: "composerInput"
                placeholderText: root.enabled ? qsTr("Write a message") : qsTr("Sending is paused")
                wrapMode: TextEdit.Wrap
                focus: true
                Accessible.name: qsTr("Message")
                Keys.onReturnPressed: event => {
                    if (event.modifiers & Qt.ShiftModifier) {
                        event.accepted = false
                    } else {
                        root.submit()
                    }
                }
                Keys.onEnterPressed: event => Keys.returnPressed(event)
            }
        }
        Button {
            objectName: "sendButton"
            text: qsTr("Send")
            enabled: input.text.trim().length > 0
            highlighted: true
            Accessible.name: qsTr("Send message")
            onClicked: root.submit()
        }
    }

    function submit() {
        if (input.text.trim().length === 0)
            return
        root.send(input.text)
        input.clear()
    }
}
