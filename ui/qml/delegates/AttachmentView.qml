// SPDX-License-Identifier: GPL-3.0-or-later
// An attachment inside its message bubble: an image as its thumbnail (a click opens the
// viewer once the file is here), any other file as a card with its type icon, name, size,
// a progress bar with speed and time left while it moves, and what can be done with it now
// (download, pause, resume, cancel, retry; Open and Save as… once it is here). Names come
// from peers: always plain text. It decides nothing: the controller does.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts
import Sotto

ColumnLayout {
    id: root
    required property AttachmentController controller
    required property string fileId
    required property string name
    required property string sizeText
    required property string mime
    required property string state      // "uploading", "downloading", "paused", "done", "failed"
    required property real bytes
    required property real size
    required property string progressText
    required property string error
    required property bool hasThumbnail
    required property bool isImage
    required property bool outgoing
    required property color textColor
    property real maxWidth: 320
    signal viewRequested(string fileId)
    signal saveRequested(string fileId, string name)
    spacing: 6

    readonly property bool moving: state === "downloading" || state === "uploading"
    // The plaintext can be had: theirs once verified, ours from the start (sealed before it
    // went), also while the receiver stopped it.
    readonly property bool here: state === "done" || (outgoing && (state === "uploading" || state === "paused"))
    // A download paused part way: its bar and figures stay (ours paused by the receiver
    // shows why instead).
    readonly property bool pausedPartWay: !outgoing && state === "paused" && bytes > 0
    readonly property bool showsImage: isImage && hasThumbnail
    // A GIF or WebP plays in its bubble once it is here (the controller checks the bytes, the
    // size and the pace; otherwise the thumbnail stays), only while the window is in use.
    // The bubble holds the private copy it plays (animate) and lets it go (release) when it
    // shows another file (the list reuses bubbles), waits in the list's pool, or goes.
    property bool live: true // false while the delegate waits in the list's pool
    readonly property bool mayAnimate: live && showsImage && here && (mime === "image/gif" || mime === "image/webp")
    property string animating: "" // the file id this bubble holds
    property url animationUrl: ""
    function follow() {
        const wanted = mayAnimate ? fileId : ""
        if (wanted === animating)
            return
        if (animating.length > 0)
            controller.release(animating)
        animationUrl = ""
        animating = wanted
        if (wanted.length > 0)
            controller.animate(wanted)
    }
    onMayAnimateChanged: follow()
    onFileIdChanged: follow()
    Component.onCompleted: follow()
    Component.onDestruction: if (animating.length > 0 && controller) controller.release(animating)
    Connections {
        target: root.controller
        function onAnimationReady(fileId, url) {
            if (fileId === root.animating)
                root.animationUrl = url
        }
    }

    // An image: its thumbnail (decoded within bounds by the provider), at most maxWidth wide.
    Item {
        visible: root.showsImage
        Layout.preferredWidth: visible ? Math.min(root.maxWidth, thumbnail.status === Image.Ready ? thumbnail.implicitWidth : 240) : 0
        Layout.preferredHeight: visible ? (thumbnail.status === Image.Ready
                                           ? thumbnail.implicitHeight * Layout.preferredWidth / Math.max(1, thumbnail.implicitWidth)
                                           : 160) : 0
        Image {
            id: thumbnail
            objectName: "attachmentThumbnail"
            anchors.fill: parent
            asynchronous: true
            cache: false // a lock must not leave pictures behind in the pixmap cache
            fillMode: Image.PreserveAspectFit
            opacity: animation.visible ? 0 : 1 // its size still lays the bubble out
            source: root.showsImage && root.fileId.length > 0 ? "image://attachment/" + root.fileId : ""
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("Image %1").arg(root.name)
        }
        AnimatedImage {
            id: animation
            objectName: "attachmentAnimation"
            anchors.fill: parent
            visible: status === AnimatedImage.Ready
            source: root.animating.length > 0 ? root.animationUrl : ""
            cache: false // one frame in memory, and none left behind by a lock
            fillMode: Image.PreserveAspectFit
            playing: visible && Qt.application.state === Qt.ApplicationActive
            Accessible.role: Accessible.Animation
            Accessible.name: qsTr("Animated image %1").arg(root.name)
        }
        Rectangle { // while the thumbnail is read: a quiet placeholder, no jump when it comes
            anchors.fill: parent
            visible: thumbnail.status !== Image.Ready
            radius: 8
            color: Qt.rgba(0, 0, 0, 0.1)
        }
        TapHandler {
            onTapped: root.here ? root.viewRequested(root.fileId)
                                : (!root.outgoing && root.state !== "downloading") ? root.controller.download(root.fileId) : undefined
        }
        HoverHandler { cursorShape: root.here ? Qt.PointingHandCursor : Qt.ArrowCursor }
    }

    // Any other file (and an image's controls while it is not here): the card.
    RowLayout {
        visible: !root.showsImage || !root.here || root.moving
        spacing: 8
        Layout.maximumWidth: root.maxWidth
        IconImage {
            visible: !root.showsImage
            source: "qrc:/sotto/icons/ui/file.svg"
            sourceSize.width: 32
            sourceSize.height: 32
            color: root.textColor
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            Label {
                objectName: "attachmentName"
                visible: !root.showsImage
                text: root.name
                textFormat: Text.PlainText // a peer chose the name: never markup
                elide: Text.ElideMiddle // the end says the type
                font.bold: true
                color: root.textColor
                Layout.fillWidth: true
                Layout.maximumWidth: root.maxWidth - 48
            }
            Label {
                objectName: "attachmentInfo"
                text: root.moving || root.pausedPartWay ? root.progressText
                    : root.state === "failed" ? qsTr("Failed: %1").arg(root.error.length > 0 ? root.error : qsTr("unknown reason"))
                    : root.state === "paused" && root.error.length > 0 ? root.sizeText + " · " + root.error
                    : root.sizeText
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: 11
                opacity: 0.85
                color: root.textColor
                Layout.fillWidth: true
                Layout.maximumWidth: root.maxWidth - 48
            }
            ProgressBar {
                objectName: "attachmentProgress"
                visible: root.moving || root.pausedPartWay
                from: 0
                to: Math.max(1, root.size)
                value: root.bytes
                Layout.fillWidth: true
                Layout.preferredWidth: 200
            }
            RowLayout {
                spacing: 4
                Button {
                    objectName: "attachmentDownload"
                    visible: !root.outgoing && (root.state === "paused" || root.state === "failed")
                    text: root.state === "failed" ? qsTr("Retry") : root.bytes > 0 ? qsTr("Resume") : qsTr("Download")
                    onClicked: root.controller.download(root.fileId)
                }
                Button {
                    objectName: "attachmentPause"
                    visible: !root.outgoing && root.state === "downloading"
                    text: qsTr("Pause")
                    onClicked: root.controller.pause(root.fileId)
                }
                Button {
                    objectName: "attachmentCancel"
                    // Ours, paused by the receiver: cancelled here, it is not served again.
                    visible: root.moving || (root.state === "paused" && (root.outgoing || root.bytes > 0))
                    text: qsTr("Cancel")
                    onClicked: root.controller.cancel(root.fileId)
                }
                Button {
                    objectName: "attachmentOpen"
                    visible: root.here && !root.showsImage // an image: its viewer has both
                    text: qsTr("Open")
                    onClicked: root.controller.open(root.fileId)
                }
                Button {
                    objectName: "attachmentSave"
                    visible: root.here && !root.showsImage
                    text: qsTr("Save as…")
                    onClicked: root.saveRequested(root.fileId, root.name)
                }
            }
        }
    }
}
