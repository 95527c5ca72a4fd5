// SPDX-License-Identifier: GPL-3.0-or-later
// One message: a day header where a day starts, a bubble (ours on the right), and for our
// own messages their state. One sender's messages of one minute form a group: the corners
// between them are tight and only the newest says the time (Signal's clustering). In a
// group, each run of someone else's messages starts with their name.
import QtQuick
import Sotto
import QtQuick.Controls
import QtQuick.Layouts

Item {
    id: root
    required property string body
    required property string reactionsRich
    required property bool outgoing
    required property string delivery
    required property string time
    required property string day
    required property bool firstOfDay
    required property bool firstOfGroup
    required property bool lastOfGroup
    required property bool highlight
    required property var rowId
    required property int kind          // MessageModel.Text, Unsupported, Deleted, TimerNotice or Attachment
    required property bool edited
    required property string quote
    required property var quoteRow
    required property string reactions
    required property string reactors
    required property bool canChange
    required property bool firstUnread
    required property string richBody
    required property string senderName // a group's: who wrote it ("" for ours and in 1:1)
    // In a group, our message's receipts per member (GroupController), shown on the state icon.
    property var receiptsSource: null
    // An attachment (kind Attachment): its file; the body is its caption.
    required property string attachmentId
    required property string attachmentName
    required property real attachmentSize
    required property string attachmentSizeText
    required property string attachmentMime
    required property string attachmentState
    required property real attachmentBytes
    required property string attachmentProgressText
    required property string attachmentError
    required property bool attachmentThumbnail
    required property bool attachmentIsImage
    // Set by the chat view: what an attachment's buttons act on.
    property AttachmentController attachments: null
    // Waiting in the list's pool to be reused: nothing in it plays meanwhile.
    property bool pooled: false
    ListView.onPooled: pooled = true
    ListView.onReused: pooled = false
    signal imageViewRequested(string fileId)
    signal saveRequested(string fileId, string name)
    signal linkActivated(string link)
    // The chat view has one menu for all messages; it asks the model for the rest.
    signal contextMenuRequested(var rowId, string text, bool canChange, int kind)
    signal quoteClicked(var quoteRow)

    // What the bubble says: the text, or what stands in for it.
    readonly property string shownText: kind === MessageModel.Deleted ? qsTr("This message was deleted")
                                      : kind === MessageModel.Unsupported ? qsTr("This message cannot be shown: update Sotto to see it.")
                                      : body

    implicitHeight: column.implicitHeight + (firstOfGroup ? 6 : 0)
    // Lines of ~70 characters at most however wide the window (Signal and NeoChat cap theirs).
    readonly property real maxBubbleWidth: Math.min(560, width * 0.8)
    // The time and state line: under the newest of a group, or a message's own news.
    readonly property bool showMeta: lastOfGroup || edited || delivery === "failed"
    Accessible.role: Accessible.StaticText
    Accessible.name: (outgoing ? qsTr("You") : senderName.length > 0 ? senderName : qsTr("They")) + ", " + time + ": " + shownText
                     + (kind === MessageModel.Attachment ? ", " + qsTr("file %1, %2").arg(attachmentName).arg(attachmentSizeText) : "")
                     + (edited ? ", " + qsTr("edited") : "") + (reactions.length > 0 ? ", " + reactions : "")
                     + (stateIcon.stateName.length > 0 ? ", " + stateIcon.stateName : "")


    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        spacing: 4

        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            visible: root.firstOfDay
            text: root.day
            font.pixelSize: 11
            font.weight: Font.DemiBold
            leftPadding: 10
            rightPadding: 10
            topPadding: 3
            bottomPadding: 3
            background: Rectangle { radius: height / 2; color: palette.alternateBase; border.color: palette.mid; border.width: 1; opacity: 0.9 }
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: 10
            Layout.bottomMargin: 4
        }

        // Where the unread messages start, as the conversation was opened.
        RowLayout {
            objectName: "unreadMarker"
            visible: root.firstUnread
            Layout.fillWidth: true
            Layout.topMargin: 6
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: palette.highlight }
            Label {
                text: qsTr("New messages")
                font.pixelSize: 11
                color: palette.highlight
            }
            Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: palette.highlight }
        }

        // A notice in the history (the disappearing timer was set), not a bubble.
        Label {
            objectName: "notice"
            visible: root.kind === MessageModel.TimerNotice
            text: "\u23F1 " + root.quote
            textFormat: Text.PlainText // names and texts come from peers: never markup
            font.pixelSize: 11
            opacity: 0.75
            topPadding: 4
            bottomPadding: 4
            Layout.alignment: Qt.AlignHCenter
        }

        // Made only where it shows: a 1:1 chat's delegates (scrolled by the thousand) pay
        // nothing for it.
        Loader {
            active: root.senderName.length > 0 && root.firstOfGroup && root.kind !== MessageModel.TimerNotice
            visible: active
            Layout.maximumWidth: root.maxBubbleWidth
            Layout.leftMargin: 20
            Layout.topMargin: 2
            Layout.bottomMargin: -2
            sourceComponent: Label {
                objectName: "senderName"
                text: root.senderName
                textFormat: Text.PlainText // names and texts come from peers: never markup
                font.pixelSize: 11
                font.bold: true
                opacity: 0.75
                elide: Text.ElideRight
            }
        }

        Rectangle {
            id: bubble
            visible: root.kind !== MessageModel.TimerNotice
            Layout.alignment: root.outgoing ? Qt.AlignRight : Qt.AlignLeft
            Layout.leftMargin: 12
            Layout.rightMargin: 12
            Layout.maximumWidth: root.maxBubbleWidth
            implicitWidth: Math.max(text.visible ? text.implicitWidth : 0, meta.visible ? meta.implicitWidth : 0,
                                    quoteBox.visible ? quoteBox.implicitWidth : 0, attachment.active ? attachment.implicitWidth : 0) + 24
            implicitHeight: (quoteBox.visible ? quoteBox.height + 6 : 0) + (attachment.active ? attachment.height + 6 : 0)
                            + (text.visible ? text.implicitHeight : 0) + (meta.visible ? meta.implicitHeight : 0) + 16
            radius: 16
            // Theirs: the text colour faintly over the background, in light and dark alike.
            color: root.outgoing ? palette.highlight : Qt.tint(palette.base, Qt.rgba(palette.text.r, palette.text.g, palette.text.b, 0.08))
            border.width: root.highlight ? 2 : 0
            border.color: "#f1c40f"

            // Corners towards the rest of its group are tight (no per-corner radius in Qt
            // 6.4: a less rounded square of the bubble's colour covers the round one). A
            // search hit keeps its whole frame.
            Rectangle { // towards the older one above
                visible: !root.firstOfGroup && !root.highlight
                width: bubble.radius; height: bubble.radius; radius: 4
                color: bubble.color
                x: root.outgoing ? bubble.width - width : 0
                y: 0
            }
            Rectangle { // towards the newer one below
                visible: !root.lastOfGroup && !root.highlight
                width: bubble.radius; height: bubble.radius; radius: 4
                color: bubble.color
                x: root.outgoing ? bubble.width - width : 0
                y: bubble.height - height
            }

            // Right click: what a desktop messenger offers on a message.
            TapHandler {
                acceptedButtons: Qt.RightButton
                onTapped: root.contextMenuRequested(root.rowId, root.body, root.canChange, root.kind)
            }

            // A reply: the message it answers, small, above; a click goes there.
            Rectangle {
                id: quoteBox
                objectName: "quote"
                visible: root.quote.length > 0 && root.kind === MessageModel.Text
                x: 12
                y: 8
                width: Math.min(quoteLabel.implicitWidth + 14, root.maxBubbleWidth - 24)
                implicitWidth: quoteLabel.implicitWidth + 14
                height: visible ? quoteLabel.implicitHeight + 8 : 0
                radius: 6
                color: Qt.rgba(0, 0, 0, 0.12)
                Rectangle { width: 3; height: parent.height; radius: 1; color: text.color; opacity: 0.6 }
                Label {
                    id: quoteLabel
                    x: 9
                    y: 4
                    width: parent.width - 12
                    text: root.quote
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    elide: Text.ElideRight
                    maximumLineCount: 2
                    wrapMode: Text.Wrap
                    font.pixelSize: 12
                    color: text.color
                    opacity: 0.85
                }
                TapHandler {
                    onTapped: if (root.quoteRow > 0) root.quoteClicked(root.quoteRow)
                }
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Go to the message it answers")
            }

            // An attachment above its caption; made only for attachment rows.
            Loader {
                id: attachment
                objectName: "attachment"
                active: root.kind === MessageModel.Attachment && root.attachmentId.length > 0 && root.attachments !== null
                visible: active
                x: 12
                y: quoteBox.visible ? quoteBox.y + quoteBox.height + 6 : 10
                width: item ? Math.min(item.implicitWidth, root.maxBubbleWidth - 24) : 0
                height: item ? item.implicitHeight : 0
                sourceComponent: AttachmentView {
                    controller: root.attachments
                    fileId: root.attachmentId
                    name: root.attachmentName
                    sizeText: root.attachmentSizeText
                    mime: root.attachmentMime
                    state: root.attachmentState
                    bytes: root.attachmentBytes
                    size: root.attachmentSize
                    progressText: root.attachmentProgressText
                    error: root.attachmentError
                    hasThumbnail: root.attachmentThumbnail
                    isImage: root.attachmentIsImage
                    outgoing: root.outgoing
                    textColor: text.color
                    maxWidth: Math.min(320, root.maxBubbleWidth - 24)
                    live: !root.pooled
                    onViewRequested: fileId => root.imageViewRequested(fileId)
                    onSaveRequested: (fileId, name) => root.saveRequested(fileId, name)
                }
            }

            // Selectable; links (http, https, mailto) clickable. Rich text only for a
            // message with a link, built by the model from escaped text: a peer's text is
            // never markup.
            TextEdit {
                id: text
                objectName: "messageBody"
                x: 12
                y: attachment.active ? attachment.y + attachment.height + 6 : quoteBox.visible ? quoteBox.y + quoteBox.height + 6 : 8
                // An attachment without a caption shows no empty line under it.
                visible: root.kind !== MessageModel.Attachment || root.body.length > 0
                height: visible ? implicitHeight : 0
                width: Math.min(implicitWidth, root.maxBubbleWidth - 24)
                readOnly: true
                selectByMouse: true
                activeFocusOnPress: false
                textFormat: root.richBody.length > 0 ? TextEdit.RichText : TextEdit.PlainText
                text: root.richBody.length > 0 ? root.richBody : root.shownText
                wrapMode: TextEdit.Wrap
                font.italic: root.kind !== MessageModel.Text && root.kind !== MessageModel.Attachment
                color: root.outgoing ? palette.highlightedText : palette.text
                selectedTextColor: palette.highlightedText
                selectionColor: root.outgoing ? Qt.darker(palette.highlight, 1.4) : palette.highlight
                onLinkActivated: link => root.linkActivated(link)
                // The text takes presses for selecting: the menu's right click is taken here.
                TapHandler {
                    acceptedButtons: Qt.RightButton
                    onTapped: root.contextMenuRequested(root.rowId, root.body, root.canChange, root.kind)
                }
                HoverHandler {
                    cursorShape: text.hoveredLink.length > 0 ? Qt.PointingHandCursor : Qt.IBeamCursor
                }
            }
            Row {
                id: meta
                objectName: "messageMeta"
                visible: root.showMeta
                anchors.right: parent.right
                anchors.rightMargin: 12
                anchors.top: text.visible ? text.bottom : attachment.bottom
                spacing: 4
                Label {
                    objectName: "messageTime"
                    textFormat: Text.PlainText
                    text: (root.edited ? qsTr("edited") + (root.lastOfGroup ? " · " : "") : "")
                          + (root.lastOfGroup ? root.time : "")
                    font.pixelSize: 11
                    opacity: 0.8
                    color: text.color
                    anchors.verticalCenter: parent.verticalCenter
                }
                StateIcon {
                    id: stateIcon
                    objectName: "stateIcon"
                    delivery: root.outgoing ? root.delivery : ""
                    color: root.delivery === "failed" ? "#e74c3c" : text.color
                    opacity: 0.9
                    anchors.verticalCenter: parent.verticalCenter
                    // A group message: "Delivered to 3 of 5 · read by 2" and who, on hover.
                    HoverHandler {
                        id: receiptsHover
                        enabled: root.outgoing && root.receiptsSource !== null
                        onHoveredChanged: if (hovered) root.receiptsSource.loadReceipts(root.rowId)
                    }
                    ToolTip {
                        visible: receiptsHover.hovered && root.receiptsSource !== null && root.receiptsSource.receiptsRow === root.rowId
                                 && root.receiptsSource.receipts.length > 0
                        contentItem: Label { text: root.receiptsSource ? root.receiptsSource.receipts : ""; textFormat: Text.PlainText }
                    }
                }
            }
        }

        // Reactions under the bubble; who reacted on hover.
        Label {
            objectName: "reactions"
            visible: root.reactions.length > 0
            text: root.reactionsRich
            textFormat: Text.RichText // escaped by the model, emoji set in the colour font
            Layout.alignment: root.outgoing ? Qt.AlignRight : Qt.AlignLeft
            Layout.leftMargin: 18
            Layout.rightMargin: 18
            font.pixelSize: 13
            leftPadding: 6
            rightPadding: 6
            topPadding: 2
            bottomPadding: 2
            background: Rectangle { radius: 9; color: palette.base; border.color: palette.mid; border.width: 1 }
            HoverHandler { id: reactionsHover }
            // Names and emoji come from peers: the tooltip shows them as plain text
            // (a ToolTip's own label would read markup).
            ToolTip {
                visible: reactionsHover.hovered
                contentItem: Label {
                    text: root.reactors
                    textFormat: Text.PlainText
                }
            }
            Accessible.name: qsTr("Reactions: %1").arg(root.reactions)
        }
    }
}
