// SPDX-License-Identifier: GPL-3.0-or-later
// The in-window image viewer: a received or sent image at full size (fitted to the window),
// from the private folder's verified copy (AttachmentController::view). Esc or a click
// beside it closes; Open and Save as… are at hand. The decode is bounded: never more pixels
// than the window shows (sourceSize), within Qt's allocation limit.
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
        function onViewReady(fileId, url) {
            root.fileId = fileId
            root.source = url
            root.open()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Image {
            id: picture
            objectName: "viewerImage"
            Layout.fillWidth: true
            Layout.fillHeight: true
            source: root.source
            asynchronous: true
            cache: false
            autoTransform: true
            fillMode: Image.PreserveAspectFit
            // Decoded at the size shown, not the size the file claims.
            sourceSize.width: Math.max(1, Math.min(4096, width))
            sourceSize.height: Math.max(1, Math.min(4096, height))
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("Image")
            BusyIndicator { anchors.centerIn: parent; running: picture.status === Image.Loading }
            Label {
                anchors.centerIn: parent
                visible: picture.status === Image.Error
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
