// SPDX-License-Identifier: GPL-3.0-or-later
// First start: a display name and a passphrase (twice), with a strength hint and the plain
// truth that a lost passphrase cannot be recovered.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Page {
    id: root
    required property AppController app

    // Ready to type at first start, with no click.
    Component.onCompleted: name.forceActiveFocus()

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(420, root.width - 48)
        spacing: 12

        Image {
            source: "qrc:/sotto/icons/sotto.svg"
            sourceSize: Qt.size(72, 72)
            Layout.alignment: Qt.AlignHCenter
            Accessible.ignored: true
        }
        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            text: qsTr("Welcome to Sotto")
            font.pixelSize: 24
            font.bold: true
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            text: qsTr("Messages to people on your network, end-to-end encrypted, with no server in between.")
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        TextField {
            id: name
            objectName: "displayName"
            placeholderText: qsTr("Your name, as others will see it")
            Accessible.name: qsTr("Display name")
            Layout.fillWidth: true
            focus: true
            KeyNavigation.tab: pass
        }
        TextField {
            id: pass
            objectName: "passphrase"
            placeholderText: qsTr("Passphrase")
            Accessible.name: qsTr("Passphrase")
            echoMode: TextInput.Password
            Layout.fillWidth: true
            KeyNavigation.tab: repeat
        }
        ProgressBar {
            Layout.fillWidth: true
            from: 0; to: 4
            value: pass.text.length ? root.app.session.strength(pass.text) + 0.2 : 0
            Accessible.name: qsTr("Passphrase strength")
        }
        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            objectName: "strengthHint"
            text: pass.text.length ? root.app.session.strengthHint(pass.text) : qsTr("Several unrelated words make a strong passphrase.")
            font.pixelSize: 12
            opacity: 0.8
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        TextField {
            id: repeat
            objectName: "repeatPassphrase"
            placeholderText: qsTr("Passphrase again")
            Accessible.name: qsTr("Repeat passphrase")
            echoMode: TextInput.Password
            Layout.fillWidth: true
            onAccepted: create.clicked()
            KeyNavigation.tab: create
        }
        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            text: qsTr("Sotto cannot recover a lost passphrase: without it, your messages and keys stay locked for good.")
            wrapMode: Text.WordWrap
            color: "#c0392b"
            Layout.fillWidth: true
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
            id: create
            objectName: "createButton"
            text: qsTr("Create my profile")
            highlighted: true
            enabled: !root.app.session.busy
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: {
                root.app.session.create(name.text, pass.text, repeat.text)
                pass.clear()
                repeat.clear()
            }
        }
    }
}
