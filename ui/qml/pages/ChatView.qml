// SPDX-License-Identifier: GPL-3.0-or-later
// The open conversation: header, "maybe the same person?" banner, messages (newest at the bottom,
// older pages loaded while scrolling up; "Say hi" while there are none), the composer, and
// the emoji picker that serves both reactions and the composer.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Page {
    id: root
    required property AppController app
    signal contactRequested()
    signal groupInfoRequested()
    signal backRequested()
    property bool showBack: false // a narrow window shows the chat alone: back to the list
    readonly property MessageModel model: app.messages
    // A new contact named like an older, offline one: maybe that person, reinstalled.
    readonly property bool askNamesake: model.namesake.length > 0
    // A conversation is shown: a peer's, or a group's (which has no peer).
    readonly property bool chatOpen: model.peer.length > 0 || model.isGroup
    // "3 members", spelled out per number (without a translation "%n member(s)" shows "(s)").
    readonly property string groupStatus: !model.groupMember ? qsTr("You are no longer in this group")
        : model.memberCount === 1 ? qsTr("1 member") : qsTr("%1 members").arg(model.memberCount)
    // The messages on the text background, the list beside it on the window's: two panes.
    background: Rectangle { color: palette.base }

    header: ToolBar {
        visible: root.chatOpen
        implicitHeight: 48
        RowLayout {
            anchors.fill: parent
            IconButton {
                objectName: "backButton"
                visible: root.showBack
                iconName: "back"
                text: qsTr("Back to conversations")
                onClicked: root.backRequested()
            }
            Avatar {
                name: root.model.peerName
                peer: root.model.isGroup ? "group:" + root.model.conversationId : root.model.peer
                group: root.model.isGroup
                online: root.model.online
                implicitWidth: 32
                implicitHeight: 32
                Layout.leftMargin: 8
            }
            // Takes what the actions on the right leave: a long name is elided, never pushes
            // them out of the window.
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Layout.minimumWidth: 0
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        textFormat: Text.PlainText // names and texts come from peers: never markup
                        objectName: "chatTitle"
                        text: root.model.peerName
                        font.bold: true
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                        Layout.maximumWidth: Math.ceil(implicitWidth) // the layout rounds down: a fraction short, the name was elided
                        Layout.minimumWidth: 0
                    }
                    Label {
                        textFormat: Text.PlainText // names and texts come from peers: never markup
                        objectName: "verifiedBadge"
                        visible: root.model.trust === "verified"
                        text: qsTr("verified")
                        color: palette.window.hslLightness < 0.5 ? "#58d68d" : "#1e8449"
                        font.pixelSize: 11
                        leftPadding: 4; rightPadding: 4; topPadding: 1; bottomPadding: 1
                        background: Rectangle { radius: 3; color: "transparent"; border.width: 1; border.color: parent.color }
                    }
                    Item { Layout.fillWidth: true }
                }
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    Layout.alignment: Qt.AlignLeft
                    objectName: "chatStatus"
                    text: root.model.isGroup ? (root.app.groupTyping.length > 0 ? root.app.groupTyping : root.groupStatus)
                        : root.model.peerTyping ? qsTr("typing…")
                        : root.model.online ? qsTr("online") : qsTr("offline — messages wait until they are back")
                    font.pixelSize: 11
                    opacity: 0.7
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                    Layout.minimumWidth: 0
                }
            }
            // Disappearing messages: either side sets the timer for both.
            // With a timer set, it says which beside the icon.
            IconButton {
                objectName: "timerButton"
                visible: !root.model.isGroup // groups have no timer yet
                iconName: "timer"
                text: root.model.timer > 0 ? root.model.timerText(root.model.timer) : qsTr("Off")
                display: root.model.timer > 0 ? AbstractButton.TextBesideIcon : AbstractButton.IconOnly
                Accessible.name: qsTr("Disappearing messages: %1").arg(root.model.timerText(root.model.timer))
                tip: qsTr("Disappearing messages")
                onClicked: timerMenu.popup()
                Menu {
                    id: timerMenu
                    Repeater {
                        model: [0, 30, 300, 3600, 86400, 604800]
                        MenuItem {
                            required property int modelData
                            objectName: "timer_" + modelData
                            text: root.model.timerText(modelData)
                            checkable: true
                            checked: root.model.timer === modelData
                            Accessible.name: qsTr("Disappearing messages: %1").arg(text)
                            onTriggered: root.model.setTimer(modelData)
                        }
                    }
                }
            }
            IconButton {
                objectName: "groupInfoButton"
                visible: root.model.isGroup
                iconName: "group"
                text: qsTr("Group members and settings")
                tip: qsTr("Group info")
                Layout.rightMargin: 4
                onClicked: root.groupInfoRequested()
            }
            IconButton {
                objectName: "contactButton"
                visible: !root.model.isGroup
                iconName: "shield"
                text: qsTr("Contact and safety number")
                onClicked: root.contactRequested()
            }
            IconButton {
                objectName: "chatMenuButton"
                visible: !root.model.isGroup
                iconName: "more"
                text: qsTr("More for this conversation")
                tip: qsTr("More")
                Layout.rightMargin: 4
                onClicked: chatMenu.open()
                Menu {
                    id: chatMenu
                    // Under the button, right-aligned with it: inside the window at its edge.
                    x: parent.width - width
                    y: parent.height
                    MenuItem {
                        objectName: "blockItem"
                        text: root.model.trust === "blocked" ? qsTr("Unblock %1").arg(root.model.peerName) : qsTr("Block %1").arg(root.model.peerName)
                        onTriggered: root.app.contact.setBlocked(root.model.peer, root.model.trust !== "blocked")
                    }
                }
            }
        }
    }

    EmptyState {
        objectName: "noChatOpen"
        anchors.centerIn: parent
        width: Math.min(parent.width - 40, 360)
        visible: !root.chatOpen
        iconSource: "qrc:/sotto/icons/sotto.svg"
        title: qsTr("Sotto")
        text: qsTr("Choose a conversation, or someone nearby, to start.")
    }

    ColumnLayout {
        anchors.fill: parent
        visible: root.chatOpen
        spacing: 0

        // A changed safety number pauses sending until the user accepts it.
        Rectangle {
            objectName: "namesakeBanner"
            visible: root.askNamesake
            color: "#fdebd0"
            Layout.fillWidth: true
            implicitHeight: bannerRow.implicitHeight + 16
            RowLayout {
                id: bannerRow
                anchors.fill: parent
                anchors.margins: 8
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    text: qsTr("Maybe %1 with a new key? A contact of that name is already in your list. If they reinstalled Sotto, compare safety numbers with them, then merge the two conversations. Anyone can take a name.").arg(root.model.namesakeName)
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
                    objectName: "mergeNamesakeButton"
                    text: qsTr("Same person: merge")
                    Accessible.name: qsTr("It is %1: merge the conversations").arg(root.model.namesakeName)
                    onClicked: root.model.mergeNamesake()
                }
                Button {
                    objectName: "dismissNamesakeButton"
                    text: qsTr("Not them")
                    Accessible.name: qsTr("Not the same person")
                    onClicked: root.model.dismissNamesake()
                }
            }
        }

        Rectangle {
            objectName: "notice"
            visible: root.app.notice.length > 0 && !root.askNamesake
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
                IconButton {
                    iconName: "close"
                    text: qsTr("Dismiss")
                    icon.color: "#78281f"
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
            // Qt's default (2,500 px/s) let a fast spin of the wheel cover 40 messages a
            // second: years of history need more (bench_gui, "wheel up").
            maximumFlickVelocity: 10000
            activeFocusOnTab: true
            Accessible.name: qsTr("Messages")
            ScrollBar.vertical: ScrollBar {}
            delegate: MessageDelegate {
                width: ListView.view.width
                receiptsSource: root.model.isGroup ? root.app.groups : null
                onContextMenuRequested: (rowId, text, canChange, kind) => messages.showMessageMenu(rowId, text, canChange, kind)
                onQuoteClicked: quoteRow => root.model.openAt(root.model.conversationId, quoteRow)
                onLinkActivated: link => root.app.desktop.openLink(link)
                attachments: root.app.attachments
                onImageViewRequested: fileId => root.app.attachments.view(fileId)
                onSaveRequested: (fileId, name) => root.app.attachments.pickSaveLocation(fileId, name)
            }
            // One menu for every message, built on the first right click: a menu per delegate
            // was built for each row shown, an eager one cost ~15 ms at start (bench_gui).
            property Menu messageMenu: null
            function showMessageMenu(rowId, text, canChange, kind) {
                if (!messageMenu)
                    messageMenu = messageMenuComponent.createObject(messages)
                messageMenu.rowId = rowId
                messageMenu.text = text
                messageMenu.canChange = canChange
                messageMenu.shown = kind === MessageModel.Text
                messageMenu.edited = root.model.rowInfo(rowId).edited === true
                messageMenu.popup()
            }
            Component {
                id: messageMenuComponent
                Menu {
                    id: menu
                    objectName: "messageMenu"
                    width: 280 // the six quick reactions in one row
                    property var rowId: 0
                    property string text
                    property bool canChange: false
                    property bool shown: true // a text (not a tombstone or an unsupported kind)
                    property bool edited: false
                    // The six quick reactions (a second click on the same one takes it back
                    // in the bubble's own menu: choose it again to change it).
                    MenuItem {
                        objectName: "quickReactions"
                        enabled: menu.shown
                        Accessible.name: qsTr("React")
                        contentItem: Row {
                            spacing: 2
                            Repeater {
                                model: ["\u{1F44D}", "\u2764\uFE0F", "\u{1F602}", "\u{1F62E}", "\u{1F622}", "\u{1F64F}"]
                                ToolButton {
                                    required property string modelData
                                    objectName: "react_" + index
                                    required property int index
                                    text: modelData
                                    font.family: "Noto Color Emoji"
                                    font.pixelSize: 18
                                    Accessible.name: qsTr("React with %1").arg(modelData)
                                    onClicked: { root.model.react(menu.rowId, modelData); menu.close() }
                                }
                            }
                        }
                    }
                    MenuItem {
                        objectName: "replyItem"
                        text: qsTr("Reply")
                        enabled: menu.shown
                        Accessible.name: text
                        onTriggered: { root.app.composer.startReply(menu.rowId); composer.focusInput() }
                    }
                    MenuItem {
                        objectName: "editItem"
                        text: qsTr("Edit")
                        enabled: menu.canChange
                        Accessible.name: text
                        onTriggered: { root.app.composer.startEdit(menu.rowId); composer.focusInput() }
                    }
                    MenuItem {
                        objectName: "moreReactionsItem"
                        text: qsTr("More reactions…")
                        enabled: menu.shown
                        Accessible.name: text
                        onTriggered: emojiPicker.openFrom(menu.rowId, menu.contentItem)
                    }
                    MenuItem {
                        objectName: "editHistoryItem"
                        text: qsTr("Edit history")
                        enabled: menu.edited // always there: items that come and go move the others under the pointer
                        Accessible.name: text
                        onTriggered: root.model.readEditHistory(menu.rowId)
                    }
                    MenuItem {
                        objectName: "removeReactionItem"
                        text: qsTr("Remove my reaction")
                        enabled: menu.shown
                        Accessible.name: text
                        onTriggered: root.model.react(menu.rowId, "")
                    }
                    MenuItem {
                        objectName: "copyTextItem"
                        text: qsTr("Copy text")
                        enabled: menu.shown
                        Accessible.name: text
                        onTriggered: root.app.desktop.copyText(menu.text)
                    }
                    MenuSeparator {}
                    MenuItem {
                        objectName: "deleteForMeItem"
                        text: qsTr("Delete for me")
                        Accessible.name: text
                        onTriggered: root.model.remove(menu.rowId, false)
                    }
                    MenuItem {
                        objectName: "deleteForEveryoneItem"
                        text: qsTr("Delete for everyone")
                        enabled: menu.canChange
                        Accessible.name: text
                        onTriggered: { deleteForEveryone.rowId = menu.rowId; deleteForEveryone.open() }
                    }
                    onClosed: text = ""
                }
            }
            // Pages are asked for while a page of rows is still left before either end of
            // what is loaded, so scrolling never waits at an edge; one at a time (the
            // model says when it is loading), and again when one lands.
            readonly property int prefetchRows: 50
            function topIndex() { return indexAt(width / 2, contentY + 1) }
            function bottomIndex() { return indexAt(width / 2, contentY + height - 1) }
            function fetchIfNeeded() {
                if (count === 0 || root.model.loading)
                    return
                const top = topIndex()
                const bottom = bottomIndex()
                if (!root.model.atOldest && (atYBeginning || (top >= 0 && top >= count - prefetchRows)))
                    root.model.fetchOlder()
                else if (!root.model.atNewest && (atYEnd || (bottom >= 0 && bottom < prefetchRows)))
                    root.model.fetchNewer()
            }
            // Later, from the event loop: a page that is already read lands at once, and rows
            // must not go in while the view is in the middle of moving or laying out.
            onContentYChanged: Qt.callLater(fetchIfNeeded)
            onHeightChanged: Qt.callLater(fetchIfNeeded)

            // Keyboard paging, from the list or (forwarded) from the composer. Older is up.
            function pageBy(screens) {
                cancelFlick()
                const top = originY
                const bottom = originY + contentHeight - height
                contentY = Math.max(top, Math.min(bottom, contentY + screens * height * 0.9))
                returnToBounds()
            }
            function toNewest() {
                cancelFlick()
                if (root.model.atNewest)
                    positionViewAtBeginning() // index 0, the bottom: bottom to top
                else
                    root.model.open(root.model.conversationId)
            }
            function toOldest() {
                cancelFlick()
                if (root.model.atOldest)
                    positionViewAtEnd()
                else
                    root.model.openOldest()
            }
            function historyKey(event) {
                switch (event.key) {
                case Qt.Key_PageUp: pageBy(-1); break
                case Qt.Key_PageDown: pageBy(1); break
                case Qt.Key_Home: toOldest(); break
                case Qt.Key_End: toNewest(); break
                default: return false
                }
                return true
            }
            Keys.onPressed: event => { event.accepted = historyKey(event) }

            // A newer page below: a view at the very bottom would stay pinned there and show
            // it, losing the reader's place and asking for the next without end. The
            // message that was at the bottom stays where it was.
            property real anchorOffset: NaN
            Connections {
                target: root.model
                function onPositioned(row) { messages.positionViewAtIndex(row, ListView.Center) }
                // A conversation just opened: ready to type.
                function onPeerChanged() { if (root.chatOpen) composer.focusInput() }
                function onNewerPageAboutToBeInserted() {
                    messages.anchorOffset = NaN
                    if (!messages.atYEnd)
                        return // rows below the screen leave what is on it in place
                    const bottom = messages.itemAtIndex(0)
                    if (bottom !== null)
                        messages.anchorOffset = bottom.y - messages.contentY
                }
                function onNewerPageInserted(count) {
                    if (isNaN(messages.anchorOffset))
                        return
                    messages.positionViewAtIndex(count, ListView.Beginning)
                    const anchor = messages.itemAtIndex(count)
                    if (anchor !== null)
                        messages.contentY = anchor.y - messages.anchorOffset
                    messages.anchorOffset = NaN
                }
                // A page landed (or was refused while one loaded): maybe the next.
                function onWindowChanged() { Qt.callLater(messages.fetchIfNeeded) }
            }
            header: Item { height: 8 }

            // A conversation with nothing in it yet: whom to greet, and how to be sure it
            // is them.
            EmptyState {
                objectName: "emptyChat"
                parent: messages
                anchors.centerIn: parent
                width: Math.min(parent.width - 40, 380)
                visible: messages.count === 0 && !root.model.loading && root.chatOpen
                iconSource: "qrc:/sotto/icons/ui/emoji.svg"
                title: qsTr("Say hi to %1").arg(root.model.peerName)
                text: qsTr("Messages go straight to their computer, end-to-end encrypted. To be sure it is really them, compare safety numbers — in person or on a call.")
                actionText: qsTr("Compare safety numbers")
                onActionTriggered: root.contactRequested()
            }
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

        // Back to the newest, with the count of what arrived while scrolled up.
        Item {
            Layout.fillWidth: true
            implicitHeight: 0
            z: 2
            RoundButton {
                id: toBottom
                objectName: "scrollToBottomButton"
                property int unseen: 0
                visible: !messages.atYEnd || !root.model.atNewest
                anchors.right: parent.right
                anchors.bottom: parent.top
                anchors.margins: 12
                text: unseen > 0 ? unseen : ""
                icon.source: "qrc:/sotto/icons/ui/down.svg"
                icon.color: palette.buttonText
                display: unseen > 0 ? AbstractButton.TextBesideIcon : AbstractButton.IconOnly
                Accessible.name: unseen > 0 ? qsTr("Go to the newest message, %n new", "", unseen) : qsTr("Go to the newest message")
                onClicked: { messages.toNewest(); unseen = 0 }
                Connections {
                    target: root.model
                    function onMessageArrived() { if (!messages.atYEnd || !root.model.atNewest) toBottom.unseen += 1 }
                    function onPeerChanged() { toBottom.unseen = 0 }
                }
                Connections {
                    target: messages
                    function onAtYEndChanged() { if (messages.atYEnd && root.model.atNewest) toBottom.unseen = 0 }
                }
            }
        }

        // A message request: the stranger is told nothing (no receipts, no typing) until the
        // user accepts; blocking or deleting ends it. Signal's choices, in its words.
        Rectangle {
            objectName: "requestBar"
            visible: root.model.request
            color: palette.alternateBase
            Layout.fillWidth: true
            implicitHeight: requestColumn.implicitHeight + 16
            ColumnLayout {
                id: requestColumn
                anchors.fill: parent
                anchors.margins: 8
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    text: qsTr("%1 is not in your contacts and wants to message you. They will not know you have seen their messages until you accept.").arg(root.model.peerName)
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.alignment: Qt.AlignRight
                    Button {
                        objectName: "blockRequestButton"
                        text: qsTr("Block")
                        Accessible.name: qsTr("Block %1").arg(root.model.peerName)
                        onClicked: root.app.contact.setBlocked(root.model.peer, true)
                    }
                    Button {
                        objectName: "deleteRequestButton"
                        text: qsTr("Delete")
                        Accessible.name: qsTr("Delete the request and its messages")
                        onClicked: root.app.contact.deleteRequest(root.model.peer)
                    }
                    Button {
                        objectName: "acceptRequestButton"
                        text: qsTr("Accept")
                        highlighted: true
                        Accessible.name: qsTr("Accept the message request of %1").arg(root.model.peerName)
                        onClicked: root.app.contact.acceptRequest(root.model.peer)
                    }
                }
            }
        }

        // Blocked: nothing goes either way until unblocked.
        Rectangle {
            objectName: "blockedBar"
            visible: root.model.trust === "blocked"
            color: palette.alternateBase
            Layout.fillWidth: true
            implicitHeight: blockedRow.implicitHeight + 16
            RowLayout {
                id: blockedRow
                anchors.fill: parent
                anchors.margins: 8
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    text: qsTr("You blocked %1. Nothing is sent to or taken from them.").arg(root.model.peerName)
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "unblockButton"
                    text: qsTr("Unblock")
                    Accessible.name: qsTr("Unblock %1").arg(root.model.peerName)
                    onClicked: root.app.contact.setBlocked(root.model.peer, false)
                }
            }
        }

        // Left or removed: the history stays readable, nothing more can be sent.
        Label {
            objectName: "notAMemberBar"
            visible: root.model.isGroup && !root.model.groupMember
            text: qsTr("You are no longer a member of this group.")
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            opacity: 0.8
            padding: 14
            Layout.fillWidth: true
            background: Rectangle { color: palette.window }
        }

        Composer {
            id: composer
            objectName: "composer"
            Layout.fillWidth: true
            visible: !root.model.request && root.model.trust !== "blocked" && (!root.model.isGroup || root.model.groupMember)
            enabled: !root.askNamesake
            composerState: root.app.composer
            attachments: root.app.attachments
            onHistoryKey: event => { event.accepted = messages.historyKey(event) }
            onEmojiRequested: emojiPicker.openFrom(0, composer.emojiButton)
        }
    }

    // Every reaction there is room for, beyond the six in the menu; and, opened from the
    // composer (no message: rowId 0), the emoji to write.
    Popup {
        id: emojiPicker
        objectName: "emojiPicker"
        property var rowId: 0
        readonly property bool reacting: rowId !== 0
        modal: true
        dim: false // a popover beside its button, not a dialog
        focus: true
        padding: 12
        // Beside what opened it: above the composer's emoji button with the right edges in
        // line, or where the message's menu was; below it when there is no room above;
        // always inside the chat.
        function openFrom(row, item) {
            rowId = row
            const margin = 8
            const area = parent // the page's content, below its header: x and y are in it
            if (item) {
                const p = item.mapToItem(area, 0, 0)
                x = Math.max(margin, Math.min(p.x + item.width - implicitWidth, area.width - implicitWidth - margin))
                const above = p.y - implicitHeight - margin
                y = above >= margin ? above : Math.max(margin, Math.min(p.y + item.height + margin, area.height - implicitHeight - margin))
            } else {
                x = (area.width - implicitWidth) / 2
                y = (area.height - implicitHeight) / 2
            }
            open()
        }
        onClosed: if (!reacting) composer.focusInput()
        background: Rectangle { radius: 12; color: palette.window; border.color: palette.mid }
        GridLayout {
            columns: 8
            Repeater {
                model: ["\u{1F44D}", "\u{1F44E}", "\u2764\uFE0F", "\u{1F602}", "\u{1F923}", "\u{1F60A}", "\u{1F60D}", "\u{1F618}",
                        "\u{1F62E}", "\u{1F622}", "\u{1F62D}", "\u{1F621}", "\u{1F914}", "\u{1F644}", "\u{1F634}", "\u{1F973}",
                        "\u{1F64F}", "\u{1F44F}", "\u{1F64C}", "\u{1F4AA}", "\u{1F440}", "\u{1F525}", "\u2728", "\u{1F389}",
                        "\u2705", "\u274C", "\u2753", "\u{1F4AF}", "\u{1F37B}", "\u2615", "\u{1F355}", "\u{1F680}"]
                ToolButton {
                    required property string modelData
                    text: modelData
                    font.family: "Noto Color Emoji" // colour, not a text font's outline glyphs
                    font.pixelSize: 20
                    Accessible.name: emojiPicker.reacting ? qsTr("React with %1").arg(modelData) : qsTr("Insert %1").arg(modelData)
                    onClicked: {
                        if (emojiPicker.reacting)
                            root.model.react(emojiPicker.rowId, modelData)
                        else
                            composer.insertText(modelData)
                        emojiPicker.close()
                    }
                }
            }
        }
    }

    // Files dropped anywhere on the open chat go to its tray over the composer (Send sends
    // them, the composer's text as the caption); the chat shows where they go while they hover.
    DropArea {
        id: dropArea
        objectName: "chatDropArea"
        anchors.fill: parent
        enabled: root.chatOpen && composer.visible && composer.enabled
        keys: ["text/uri-list"]
        onEntered: drag => { if (!drag.hasUrls) drag.accepted = false }
        onDropped: drop => {
            if (drop.hasUrls) {
                root.app.attachments.stageUrls(drop.urls)
                drop.acceptProposedAction()
            }
        }
        Rectangle {
            anchors.fill: parent
            anchors.margins: 8
            visible: dropArea.containsDrag
            radius: 12
            color: Qt.rgba(palette.highlight.r, palette.highlight.g, palette.highlight.b, 0.12)
            border.color: palette.highlight
            border.width: 2
            Label {
                anchors.centerIn: parent
                width: Math.min(implicitWidth, parent.width - 32) // a long name or language wraps
                text: qsTr("Drop to add for %1 (sent when you press Send)").arg(root.model.peerName)
                textFormat: Text.PlainText // names come from peers: never markup
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: 18
            }
        }
    }

    ImageViewer {
        id: imageViewer
        attachments: root.app.attachments
        onSaveRequested: (fileId, name) => root.app.attachments.pickSaveLocation(fileId, name)
    }

    DeleteForEveryoneDialog {
        id: deleteForEveryone
        // "deleted here and for everyone in Climbing": a group is not a person
        peerName: root.model.isGroup ? qsTr("everyone in %1").arg(root.model.peerName) : root.model.peerName
        onConfirmed: rowId => root.model.remove(rowId, true)
    }

    // What an edited message said before, oldest first.
    Dialog {
        id: editHistory
        objectName: "editHistoryDialog"
        title: qsTr("Edit history")
        anchors.centerIn: Overlay.overlay
        width: Math.min(480, root.width - 40)
        modal: true
        standardButtons: Dialog.Close
        Overlay.modal: Backdrop {}
        header: DialogTitle { text: editHistory.title }
        leftPadding: 20
        rightPadding: 20
        background: Rectangle { radius: 10; color: palette.window; border.color: palette.mid }
        property var versions: []
        ListView {
            implicitHeight: Math.min(contentHeight, 320)
            width: parent.width
            clip: true
            model: editHistory.versions
            spacing: 6
            Accessible.name: qsTr("Earlier texts")
            delegate: Label {
                required property string modelData
                width: ListView.view.width
                text: modelData
                textFormat: Text.PlainText // names and texts come from peers: never markup
                wrapMode: Text.Wrap
            }
        }
        Connections {
            target: root.model
            function onEditHistoryRead(rowId, versions) { editHistory.versions = versions; editHistory.open() }
        }
    }
}
