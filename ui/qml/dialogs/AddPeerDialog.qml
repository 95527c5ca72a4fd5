// SPDX-License-Identifier: GPL-3.0-or-later
// Where multicast does not reach: add a peer by its address and port.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Dialog {
    id: root
    required property AppController app
    objectName: "addPeerDialog"
    title: qsTr("Add by address")
    modal: true
    anchors.centerIn: Overlay.overlay
    standardButtons: Dialog.Cancel
    onOpened: { address.text = ""; problem.text = ""; address.forceActiveFocus() }

    ColumnLayout {
        anchors.fill: parent
        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            text: qsTr("Ask the other person for the address shown in their Sotto settings, e.g. 192.168.1.20:47000.")
            wrapMode: Text.WordWrap
            Layout.preferredWidth: 360
        }
        TextField {
            id: address
            objectName: "addressField"
            placeholderText: qsTr("host:port")
            Accessible.name: qsTr("Address")
            Layout.fillWidth: true
            onAccepted: add.clicked()
        }
        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            id: problem
            visible: text.length > 0
            color: "#c0392b"
            wrapMode: Text.WordWrap
            Layout.preferredWidth: 360
        }
        Button {
            id: add
            text: qsTr("Connect")
            highlighted: true
            Accessible.name: text
            onClicked: {
                problem.text = root.app.session.addPeer(address.text)
                if (problem.text.length === 0)
                    root.close()
            }
        }
    }
}
