// SPDX-License-Identifier: GPL-3.0-or-later
// One row of the sidebar: avatar with online dot, name, last message, time, unread badge.
// A group's row has the group avatar and its preview says who wrote.
import QtQuick
import Sotto
import QtQuick.Controls
import QtQuick.Layouts

ItemDelegate {
    id: root
    required property string peer
    required property string name
    required property string preview
    required property string previewRich
    required property string time
    required property int unread
    required property bool online
    required property bool contact
    required property string trust
    required property bool typing
    required property bool isGroup
    property bool selected: false
    property string avatarKey: peer // what chooses the avatar's colour (a group has no peer)
    property bool keyboardCurrent: false // where the arrow keys are, while the list has focus
    signal activated()

    highlighted: selected
    // The open conversation in a soft tint of the accent (a solid accent bar shouted), the
    // hovered one fainter; rounded and inset, as Signal and NeoChat draw their lists. The
    // keyboard's place in the list is a frame.
    background: Rectangle {
        x: 6
        y: 2
        width: parent.width - 12
        height: parent.height - 4
        radius: 8
        color: root.selected ? Qt.rgba(palette.highlight.r, palette.highlight.g, palette.highlight.b, 0.22)
             : root.hovered ? Qt.rgba(palette.text.r, palette.text.g, palette.text.b, 0.06) : "transparent"
        border.width: root.keyboardCurrent ? 2 : 0
        border.color: palette.highlight
    }
    onClicked: activated()
    Accessible.name: unread > 0 ? qsTr("%1, %2 unread").arg(name).arg(unread) : name
    height: 60

    leftPadding: 14
    rightPadding: 14
    contentItem: RowLayout {
        spacing: 10
        Avatar {
            name: root.name
            peer: root.avatarKey
            online: root.online
            group: root.isGroup
        }
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            RowLayout {
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    text: root.name
                    font.bold: root.unread > 0
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                // Verified, in words on a small frame: a bare green tick read as "sent" on a
                // selected row.
                Label {
                    objectName: "rowVerifiedBadge"
                    textFormat: Text.PlainText
                    visible: root.trust === "verified"
                    text: qsTr("verified")
                    font.pixelSize: 10
                    color: palette.window.hslLightness < 0.5 ? "#58d68d" : "#1e8449"
                    leftPadding: 4; rightPadding: 4; topPadding: 1; bottomPadding: 1
                    background: Rectangle {
                        radius: 3
                        color: "transparent"
                        border.width: 1
                        border.color: parent.color
                    }
                }
                Label {
                    textFormat: Text.PlainText // names and texts come from peers: never markup
                    text: root.time
                    font.pixelSize: 11
                    opacity: 0.7
                }
            }
            RowLayout {
                Label {
                    objectName: "rowPreview"
                    // With emoji: the model's escaped HTML, emoji in the colour font; rich
                    // text cannot elide, so it is cut at the edge instead.
                    readonly property bool rich: !root.typing && root.contact && root.previewRich.length > 0
                    textFormat: rich ? Text.RichText : Text.PlainText // names and texts come from peers: never markup
                    text: rich ? root.previewRich
                        : root.typing ? qsTr("typing…") : !root.contact ? qsTr("Nearby — say hello")
                        : root.preview.length > 0 ? root.preview : qsTr("No messages yet")
                    font.italic: root.typing
                    font.pixelSize: 12
                    opacity: 0.75
                    elide: Text.ElideRight
                    wrapMode: Text.NoWrap
                    clip: rich
                    Layout.fillWidth: true
                }
                Rectangle {
                    visible: root.unread > 0
                    radius: height / 2
                    color: palette.highlight
                    implicitHeight: 18
                    implicitWidth: Math.max(18, badge.implicitWidth + 10)
                    Label {
                        textFormat: Text.PlainText // names and texts come from peers: never markup
                        id: badge
                        anchors.centerIn: parent
                        text: root.unread > 99 ? "99+" : root.unread
                        color: palette.highlightedText
                        font.pixelSize: 11
                        font.bold: true
                    }
                }
            }
        }
    }
}
