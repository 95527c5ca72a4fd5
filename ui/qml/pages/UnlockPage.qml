// SPDX-License-Identifier: GPL-3.0-or-later
// Later starts, and after a lock: the passphrase opens the profile.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Page {
    id: root
    required property AppController app

    // Ready to type at every start and after every lock (Ctrl+L or idle), with no click.
    Component.onCompleted: pass.forceActiveFocus()

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(360, root.width - 48)
        spacing: 12

        Image {
            source: "qrc:/sotto/icons/sotto.svg"
            sourceSize: Qt.size(72, 72)
            Layout.alignment: Qt.AlignHCenter
            Accessible.ignored: true
        }
        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            text: qsTr("Sotto is locked")
            font.pixelSize: 22
            font.bold: true
            Layout.alignment: Qt.AlignHCenter
        }
        TextField {
            id: pass
            objectName: "passphrase"
            placeholderText: qsTr("Passphrase")
            Accessible.name: qsTr("Passphrase")
            echoMode: TextInput.Password
            Layout.fillWidth: true
            focus: true
            onAccepted: unlockButton.clicked()
        }
        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            objectName: "error"
            visible: text.length > 0
            text: root.app.session.errorText
            color: "#c0392b"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Button {
            id: unlockButton
            objectName: "unlockButton"
            text: qsTr("Unlock")
            highlighted: true
            enabled: !root.app.session.busy
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: {
                root.app.session.unlock(pass.text)
                pass.clear()
            }
        }
    }
}
