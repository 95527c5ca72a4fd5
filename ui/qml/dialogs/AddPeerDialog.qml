// SPDX-License-Identifier: GPL-3.0-or-later
// Where multicast does not reach: add a peer by its address (or computer name) and port.
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
    Overlay.modal: Backdrop {}
    header: DialogTitle { text: root.title }
    leftPadding: 20
    rightPadding: 20
    background: Rectangle { radius: 10; color: palette.window; border.color: palette.mid }
    onOpened: { address.text = ""; problem.text = ""; looking = false; address.forceActiveFocus() }
    property bool looking: false // a name being looked up

    Connections {
        target: root.app.session
        function onAddPeerFinished(text) {
            if (!root.looking)
                return
            root.looking = false
            problem.text = text
            if (text.length === 0)
                root.close()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            text: qsTr("Ask the other person for an address shown in their Sotto settings, e.g. 192.168.1.20:47000 (a computer's name works too: laptop.local:47000).")
            wrapMode: Text.WordWrap
            Layout.preferredWidth: 360
        }
        TextField {
            id: address
            objectName: "addressField"
            placeholderText: qsTr("host:port")
            Accessible.name: qsTr("Address")
            Layout.fillWidth: true
            onAccepted: root.connect()
            onTextChanged: problem.text = ""
        }
        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            id: problem
            objectName: "addPeerProblem"
            visible: text.length > 0
            color: "#c0392b"
            wrapMode: Text.WordWrap
            Layout.preferredWidth: 360
        }
    }

    // Cancel and Connect in the desktop's order. Connect is an Apply: the dialog stays
    // open until the address answers (or says why not).
    footer: DialogButtonBox {
        standardButtons: DialogButtonBox.Cancel
        Button {
            id: add
            objectName: "connectButton"
            text: root.looking ? qsTr("Looking up…") : qsTr("Connect")
            enabled: !root.looking && address.text.trim().length > 0
            highlighted: true
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.ApplyRole
        }
        onApplied: root.connect()
    }

    function connect() {
        if (root.looking || address.text.trim().length === 0)
            return
        root.looking = true
        root.app.session.addPeer(address.text)
    }
}
