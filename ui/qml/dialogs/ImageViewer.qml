// SPDX-License-Identifier: GPL-3.0-or-later
// The in-window image viewer: a received or sent image at full size (fitted to the window),
// from the private folder's verified copy (AttachmentController::view); a GIF or WebP plays.
// Esc or a click beside it closes; Open and Save as… are at hand. The decode is bounded:
// a photo never to more pixels than the window shows (sourceSize), every frame within Qt's
// allocation limit.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Popup {
    id: root
    objectName: "imageViewer"
    required property AttachmentController attachments
    property string fileId
    property url source
    property bool animated // AttachmentController's verdict (Animation::playable), not the name's
    signal saveRequested(string fileId, string name)
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? parent.width - 40 : 600
    height: parent ? parent.height - 40 : 400
    modal: true
    focus: true
    padding: 8
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    Overlay.modal: Backdrop {}
    background: Rectangle { radius: 10; color: palette.window; border.color: palette.mid }
    onClosed: source = "" // the decoded picture leaves memory with the viewer

    Connections {
        target: root.attachments
        function onViewReady(fileId, url, animated) {
            root.fileId = fileId
            root.animated = animated
            root.source = url
            root.open()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            // A modest GIF or WebP animation plays (and loops) in an AnimatedImage, one frame
            // decoded at a time (cache: false); anything else, a large or endless one too, is
            // shown still by Image, which turns photos upright (EXIF) and decodes them off the
            // GUI thread, no larger than shown.
            readonly property Image shown: root.animated ? movie : picture

            Image {
                id: picture
                objectName: "viewerImage"
                anchors.fill: parent
                visible: !root.animated
                source: root.animated ? "" : root.source
                asynchronous: true
                cache: false
                autoTransform: true
                fillMode: Image.PreserveAspectFit
                // Decoded at the size shown, not the size the file claims.
                sourceSize.width: Math.max(1, Math.min(4096, width))
                sourceSize.height: Math.max(1, Math.min(4096, height))
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("Image")
            }
            AnimatedImage {
                id: movie
                objectName: "viewerAnimation"
                anchors.fill: parent
                visible: root.animated
                source: root.animated ? root.source : ""
                asynchronous: true
                cache: false
                fillMode: Image.PreserveAspectFit
                playing: root.opened
                Accessible.role: Accessible.Animation
                Accessible.name: qsTr("Animated image")
            }
            BusyIndicator { anchors.centerIn: parent; running: parent.shown.status === Image.Loading }
            Label {
                anchors.centerIn: parent
                visible: parent.shown.status === Image.Error
                text: qsTr("This image cannot be shown here. Open it with another program, or save it.")
            }
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                text: qsTr("Open")
                onClicked: root.attachments.open(root.fileId)
            }
            Button {
                text: qsTr("Save as…")
                onClicked: root.saveRequested(root.fileId, root.source.toString().split("/").pop())
            }
            Button {
                objectName: "viewerClose"
                text: qsTr("Close")
                onClicked: root.close()
            }
        }
    }
}
