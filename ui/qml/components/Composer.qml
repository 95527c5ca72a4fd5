// SPDX-License-Identifier: GPL-3.0-or-later
// Where messages are written: a rounded field (Enter sends, Shift+Enter starts a new line)
// between the attach button and the send button, the emoji button inside it.
import QtQuick
import Sotto
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts

Pane {
    id: root
    // What is being written in the open conversation (draft, reply, edit).
    required property ComposerController composerState
    // Files to send: the attach button's picks, and a paste of an image or of copied files,
    // wait in the tray above the field until Send.
    required property AttachmentController attachments
    // Paging keys the history takes (the handler accepts the event): PageUp/PageDown
    // always, Ctrl+Home/Ctrl+End always, Home/End when there is no text to move through.
    signal historyKey(var event)
    signal emojiRequested() // the chat's emoji picker, which writes back with insertText()
    readonly property Item emojiButton: emojiButtonItem // where the picker opens
    padding: 8
    topPadding: 6
    background: Rectangle {
        color: palette.base
        Rectangle { width: parent.width; height: 1; color: palette.mid; opacity: 0.6 }
    }

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
        IconButton {
            objectName: "cancelModeButton"
            iconName: "close"
            text: root.composerState.editingRow !== 0 ? qsTr("Cancel editing") : qsTr("Cancel reply")
            onClicked: { root.composerState.cancel(); root.focusInput() }
        }
    }

    // Files being read and sealed before their message appears (a large one takes seconds).
    Label {
        objectName: "preparingNotice"
        visible: root.attachments.preparing > 0
        // Spelled out per number: without an English translation "%n file(s)" shows "(s)".
        text: root.attachments.preparing === 1 ? qsTr("Preparing a file…")
                                               : qsTr("Preparing %1 files…").arg(root.attachments.preparing)
        textFormat: Text.PlainText
        opacity: 0.8
        Layout.fillWidth: true
    }

    // The tray: files waiting for Send (a preview of an image, else the file's name and size),
    // each with a way to take it out. Send or Enter sends them all, the text typed as the
    // last one's caption.
    ListView {
        id: tray
        objectName: "stagedTray"
        visible: count > 0
        orientation: ListView.Horizontal
        spacing: 6
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        model: root.attachments.staged
        Layout.fillWidth: true
        Layout.preferredHeight: 60
        delegate: Rectangle {
            id: stagedFile
            required property var modelData
            required property int index
            objectName: "stagedFile"
            width: 200
            height: 60
            radius: 8
            color: Qt.tint(palette.base, Qt.rgba(palette.text.r, palette.text.g, palette.text.b, 0.06))
            border.color: palette.mid
            RowLayout {
                anchors.fill: parent
                anchors.margins: 6
                spacing: 6
                Image {
                    id: preview
                    objectName: "stagedPreview"
                    visible: stagedFile.modelData.image && status !== Image.Error
                    source: stagedFile.modelData.image ? stagedFile.modelData.url : ""
                    sourceSize.width: 96
                    sourceSize.height: 96
                    fillMode: Image.PreserveAspectCrop
                    asynchronous: true
                    cache: false // a pasted screenshot's pixels are not kept once it went
                    Layout.preferredWidth: 48
                    Layout.preferredHeight: 48
                }
                IconImage {
                    visible: !preview.visible
                    source: "qrc:/sotto/icons/ui/file.svg"
                    sourceSize.width: 32
                    sourceSize.height: 32
                    color: palette.text
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        text: stagedFile.modelData.name
                        textFormat: Text.PlainText
                        elide: Text.ElideMiddle
                        font.pixelSize: 12
                        Layout.fillWidth: true
                    }
                    Label {
                        text: stagedFile.modelData.size
                        textFormat: Text.PlainText
                        font.pixelSize: 11
                        opacity: 0.7
                    }
                }
                IconButton {
                    objectName: "unstageButton"
                    iconName: "close"
                    text: qsTr("Remove %1").arg(stagedFile.modelData.name)
                    onClicked: root.attachments.unstage(stagedFile.index)
                }
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 4
        // Files to send, several at once; the text typed becomes the last one's caption.
        IconButton {
            objectName: "attachButton"
            iconName: "attach"
            text: qsTr("Attach files")
            Layout.alignment: Qt.AlignBottom
            onClicked: root.attachments.pickFiles()
        }
        // The field: rounded, outlined, the emoji button inside it on the right.
        Rectangle {
            id: field
            Layout.fillWidth: true
            implicitHeight: Math.max(40, Math.min(scroller.implicitHeight, 140) + 4)
            radius: 20
            color: Qt.tint(palette.base, Qt.rgba(palette.text.r, palette.text.g, palette.text.b, 0.04))
            border.width: input.activeFocus ? 2 : 1
            border.color: input.activeFocus ? palette.highlight : palette.mid
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 8
                anchors.rightMargin: 4
                spacing: 0
                ScrollView {
                    id: scroller
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.maximumHeight: 140
                    TextArea {
                        id: input
                        objectName: "composerInput"
                        background: null // the rounded field around it is the outline
                        topPadding: 10
                        bottomPadding: 10
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
                            // An image or copied files on the clipboard go to the tray;
                            // anything else pastes as text.
                            if (event.matches(StandardKey.Paste) && root.attachments.paste()) {
                                event.accepted = true
                                return
                            }
                            const paging = event.key === Qt.Key_PageUp || event.key === Qt.Key_PageDown
                            const ends = event.key === Qt.Key_Home || event.key === Qt.Key_End
                            if (paging || (ends && ((event.modifiers & Qt.ControlModifier) || input.length === 0)))
                                root.historyKey(event)
                        }
                    }
                }
                IconButton {
                    id: emojiButtonItem
                    objectName: "emojiButton"
                    iconName: "emoji"
                    text: qsTr("Insert an emoji")
                    Layout.alignment: Qt.AlignBottom
                    onClicked: root.emojiRequested()
                }
            }
        }
        // Send: a round accent button, faded while there is nothing to send (a disabled
        // accent button looks clickable in dark mode).
        RoundButton {
            objectName: "sendButton"
            text: root.composerState.editingRow !== 0 ? qsTr("Save") : qsTr("Send")
            display: AbstractButton.IconOnly
            icon.source: "qrc:/sotto/icons/ui/send.svg"
            icon.width: 20
            icon.height: 20
            icon.color: palette.highlightedText
            implicitWidth: 40
            implicitHeight: 40
            // The accent circle always (faded when disabled): Fusion's grey disabled
            // button would hide the white arrow.
            background: Rectangle {
                radius: width / 2
                color: parent.down ? Qt.darker(palette.highlight, 1.15) : palette.highlight
                border.width: parent.visualFocus ? 2 : 0
                border.color: palette.highlightedText
            }
            enabled: !(root.attachments.pasting && root.composerState.editingRow === 0)
                     && (input.text.trim().length > 0 || (tray.count > 0 && root.composerState.editingRow === 0))
            highlighted: true
            opacity: enabled ? 1 : 0.4
            Layout.alignment: Qt.AlignBottom
            Accessible.name: root.composerState.editingRow !== 0 ? qsTr("Save the edit") : qsTr("Send message")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: root.composerState.editingRow !== 0 ? qsTr("Save the edit (Enter)") : qsTr("Send (Enter)")
            onClicked: root.submit()
        }
    }
    }

    function focusInput() { input.forceActiveFocus() }

    // An emoji from the picker, where the cursor is.
    function insertText(text) {
        input.insert(input.cursorPosition, text)
        focusInput()
    }

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
        // A pasted image is on its way to the tray: Enter now would send the text without it.
        if (root.composerState.editingRow === 0 && root.attachments.pasting)
            return
        if (root.composerState.editingRow === 0 && tray.count > 0) {
            root.composerState.text = input.text
            root.attachments.sendStaged() // the text goes as the caption
            return
        }
        if (input.text.trim().length === 0)
            return
        root.composerState.text = input.text
        root.composerState.submit()
    }
}
