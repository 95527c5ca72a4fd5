// SPDX-License-Identifier: GPL-3.0-or-later
// Where messages are written: Enter sends, Shift+Enter starts a new line.
import QtQuick
import Sotto
import QtQuick.Controls
import QtQuick.Layouts

Pane {
    id: root
    signal send(string text)
    // Paging keys the history takes (the handler accepts the event): PageUp/PageDown
    // always, Ctrl+Home/Ctrl+End always, Home/End when there is no text to move through.
    signal historyKey(var event)
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
                // Enter sends; Shift+Enter falls through to the text area: a new line.
                Keys.onReturnPressed: event => root.enterPressed(event)
                Keys.onEnterPressed: event => root.enterPressed(event)
                // Tab moves on (a tab character in a chat message is never what was meant).
                Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
                Keys.onPressed: event => {
                    const paging = event.key === Qt.Key_PageUp || event.key === Qt.Key_PageDown
                    const ends = event.key === Qt.Key_Home || event.key === Qt.Key_End
                    if (paging || (ends && ((event.modifiers & Qt.ControlModifier) || input.length === 0)))
                        root.historyKey(event)
                }
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

    function focusInput() { input.forceActiveFocus() }

    function enterPressed(event) {
        if (event.modifiers & Qt.ShiftModifier)
            event.accepted = false
        else
            submit()
    }

    function submit() {
        if (input.text.trim().length === 0)
            return
        root.send(input.text)
        input.clear()
    }
}
