// SPDX-License-Identifier: GPL-3.0-or-later
// Where messages are written: Enter sends, Shift+Enter starts a new line.
import QtQuick
import Sotto
import QtQuick.Controls
import QtQuick.Layouts

Pane {
    id: root
    // What is being written in the open conversation (draft, reply, edit).
    required property ComposerController composerState
    // Paging keys the history takes (the handler accepts the event): PageUp/PageDown
    // always, Ctrl+Home/Ctrl+End always, Home/End when there is no text to move through.
    signal historyKey(var event)
    padding: 8

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

    // Replying to or editing a message: what, and a way out (Esc too).
    RowLayout {
        objectName: "composerMode"
        visible: root.composerState.replyToRow !== 0 || root.composerState.editingRow !== 0
        Layout.fillWidth: true
        Rectangle {
            implicitWidth: 3
            Layout.fillHeight: true
            color: palette.highlight
        }
        Label {
            objectName: "composerModeText"
            textFormat: Text.PlainText // names and texts come from peers: never markup
            text: root.composerState.editingRow !== 0 ? qsTr("Editing your message")
                                              : qsTr("Replying to: %1").arg(root.composerState.replyPreview)
            elide: Text.ElideRight
            maximumLineCount: 1
            Layout.fillWidth: true
            opacity: 0.8
        }
        ToolButton {
            objectName: "cancelModeButton"
            text: "\u2715"
            Accessible.name: root.composerState.editingRow !== 0 ? qsTr("Cancel editing") : qsTr("Cancel reply")
            onClicked: { root.composerState.cancel(); root.focusInput() }
        }
    }

    // A paste that would do nothing says why, for a few seconds.
    Label {
        id: pasteNotice
        objectName: "pasteNotice"
        textFormat: Text.PlainText
        visible: pasteNoticeTimer.running
        wrapMode: Text.WordWrap
        opacity: 0.8
        Layout.fillWidth: true
        Timer { id: pasteNoticeTimer; interval: 5000 }
    }

    RowLayout {
        Layout.fillWidth: true
        ScrollView {
            Layout.fillWidth: true
            Layout.maximumHeight: 140
            TextArea {
                id: input
                objectName: "composerInput"
                placeholderText: root.enabled ? qsTr("Write a message") : qsTr("Sending is paused")
                wrapMode: TextEdit.Wrap
                focus: true
                // The controller holds the text per conversation; the field follows it
                // when the conversation (or the mode) changes, and feeds it as one types.
                text: root.composerState.text
                onTextChanged: if (text !== root.composerState.text) root.composerState.text = text
                Keys.onEscapePressed: event => {
                    if (root.composerState.replyToRow !== 0 || root.composerState.editingRow !== 0)
                        root.composerState.cancel()
                    else
                        event.accepted = false
                }
                Accessible.name: qsTr("Message")
                // Enter sends; Shift+Enter falls through to the text area: a new line.
                Keys.onReturnPressed: event => root.enterPressed(event)
                Keys.onEnterPressed: event => root.enterPressed(event)
                // Tab moves on (a tab character in a chat message is never what was meant).
                Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
                Keys.onPressed: event => {
                    if (event.matches(StandardKey.Paste)) {
                        const problem = root.composerState.pasteProblem()
                        if (problem.length > 0) {
                            pasteNotice.text = problem
                            pasteNoticeTimer.restart()
                            event.accepted = true
                            return
                        }
                    }
                    const paging = event.key === Qt.Key_PageUp || event.key === Qt.Key_PageDown
                    const ends = event.key === Qt.Key_Home || event.key === Qt.Key_End
                    if (paging || (ends && ((event.modifiers & Qt.ControlModifier) || input.length === 0)))
                        root.historyKey(event)
                }
            }
        }
        Button {
            objectName: "sendButton"
            text: root.composerState.editingRow !== 0 ? qsTr("Save") : qsTr("Send")
            enabled: input.text.trim().length > 0
            highlighted: true
            // A disabled highlighted button keeps its accent colour in some styles (dark
            // mode): fade it so nothing looks clickable that is not.
            opacity: enabled ? 1 : 0.4
            Accessible.name: qsTr("Send message")
            onClicked: root.submit()
        }
    }
    }

    function focusInput() { input.forceActiveFocus() }

    // A draft or a message to edit came in from the controller (not typed here): the
    // cursor goes to its end.
    Connections {
        target: root.composerState
        function onTextReplaced() { input.cursorPosition = input.length }
    }

    function enterPressed(event) {
        if (event.modifiers & Qt.ShiftModifier)
            event.accepted = false
        else
            submit()
    }

    function submit() {
        if (input.text.trim().length === 0)
            return
        root.composerState.text = input.text
        root.composerState.submit()
    }
}
