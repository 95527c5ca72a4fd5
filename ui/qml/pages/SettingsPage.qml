// SPDX-License-Identifier: GPL-3.0-or-later
// Settings: display name, passphrase, locking, notifications, privacy, and who can see us
// on the network and reach us.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Dialog {
    id: root
    required property AppController app
    objectName: "settingsDialog"
    title: qsTr("Settings")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(480, parent ? parent.width - 40 : 480)
    height: Math.min(600, parent ? parent.height - 40 : 600)
    standardButtons: Dialog.Close
    Overlay.modal: Backdrop {}
    header: DialogTitle { text: root.title }
    leftPadding: 20
    rightPadding: 20
    background: Rectangle { radius: 10; color: palette.window; border.color: palette.mid }
    onOpened: {
        nameField.text = root.app.session.displayName
        passMessage.text = ""
        addresses.model = root.app.session.localAddresses() // read again: networks come and go
        qrAddress = ""
    }
    property string qrAddress: "" // the address whose QR code is shown
    // Passphrases typed and not used do not wait in a hidden dialog.
    onClosed: { current.clear(); next.clear(); again.clear() }

    Connections {
        target: root.app.session
        function onPassphraseChanged() {
            current.clear(); next.clear(); again.clear()
            passMessage.text = qsTr("Passphrase changed.")
        }
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width
            spacing: 8

            Label { text: qsTr("Display name"); font.bold: true }
            RowLayout {
                Layout.fillWidth: true
                TextField { id: nameField; Layout.fillWidth: true; Accessible.name: qsTr("Display name") }
                Button { text: qsTr("Save"); Accessible.name: qsTr("Save display name"); onClicked: root.app.session.setDisplayName(nameField.text) }
            }

            // Issue 13.10: what to give a friend whose Sotto does not see ours (Add by
            // address), copyable, and as a QR code for a phone's camera or another screen.
            Label { text: qsTr("Your addresses"); font.bold: true; Layout.topMargin: 8 }
            Label {
                textFormat: Text.PlainText
                text: addresses.count > 0 ? qsTr("Where others can add you (Add by address):")
                                          : qsTr("Not reachable yet: no network address.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            Repeater {
                id: addresses
                delegate: RowLayout {
                    required property string modelData
                    Layout.fillWidth: true
                    Label {
                        objectName: "localAddress"
                        textFormat: Text.PlainText
                        text: modelData
                        font.family: "monospace"
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Button {
                        text: qsTr("Copy")
                        Accessible.name: qsTr("Copy %1").arg(modelData)
                        onClicked: root.app.desktop.copyText(modelData)
                    }
                    Button {
                        text: root.qrAddress === modelData ? qsTr("Hide QR") : qsTr("QR code")
                        Accessible.name: qsTr("QR code of %1").arg(modelData)
                        onClicked: root.qrAddress = root.qrAddress === modelData ? "" : modelData
                    }
                }
            }
            Image {
                objectName: "addressQr"
                visible: root.qrAddress.length > 0
                source: visible ? "image://qr/" + Qt.btoa(root.qrAddress).replace(/\+/g, "-").replace(/\//g, "_") : ""
                sourceSize: Qt.size(180, 180)
                Layout.alignment: Qt.AlignHCenter
                Accessible.name: qsTr("QR code of %1").arg(root.qrAddress)
            }

            Label { text: qsTr("Passphrase"); font.bold: true; Layout.topMargin: 8 }
            TextField { id: current; objectName: "currentPassphrase"; echoMode: TextInput.Password; placeholderText: qsTr("Current passphrase"); Accessible.name: placeholderText; Layout.fillWidth: true }
            TextField { id: next; objectName: "newPassphrase"; echoMode: TextInput.Password; placeholderText: qsTr("New passphrase"); Accessible.name: placeholderText; Layout.fillWidth: true }
            TextField { id: again; objectName: "repeatNewPassphrase"; echoMode: TextInput.Password; placeholderText: qsTr("New passphrase again"); Accessible.name: placeholderText; Layout.fillWidth: true }
            Label {
                textFormat: Text.PlainText // names and texts come from peers: never markup
                id: passMessage
                objectName: "passphraseMessage"
                visible: text.length > 0
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText // names and texts come from peers: never markup
                visible: root.app.session.errorText.length > 0
                text: root.app.session.errorText
                color: "#c0392b"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "changePassphraseButton"
                text: qsTr("Change passphrase")
                enabled: !root.app.session.busy
                Accessible.name: text
                onClicked: { passMessage.text = ""; root.app.session.changePassphrase(current.text, next.text, again.text) }
            }

            Label { text: qsTr("Locking"); font.bold: true; Layout.topMargin: 8 }
            RowLayout {
                Label { text: qsTr("Lock after") }
                SpinBox {
                    objectName: "idleLockMinutes"
                    from: 0; to: 240
                    editable: true // typed as well as stepped
                    value: root.app.desktop.idleLockMinutes
                    Accessible.name: qsTr("Lock after this many idle minutes, 0 for never")
                    onValueModified: root.app.desktop.idleLockMinutes = value
                }
                Label { text: qsTr("idle minutes (0: never)") }
            }
            Button {
                objectName: "lockButton"
                text: qsTr("Lock now (Ctrl+L)")
                Accessible.name: qsTr("Lock now")
                onClicked: { root.close(); root.app.session.lock() }
            }

            Label { text: qsTr("Notifications"); font.bold: true; Layout.topMargin: 8 }
            CheckBox {
                text: qsTr("Notify me of new messages")
                checked: root.app.desktop.notificationsEnabled
                onToggled: root.app.desktop.notificationsEnabled = checked
                Accessible.name: text
            }
            CheckBox {
                text: qsTr("Hide the sender and text in notifications")
                checked: root.app.desktop.hideNotificationText
                onToggled: root.app.desktop.hideNotificationText = checked
                Accessible.name: text
            }

            Label { text: qsTr("Files"); font.bold: true; Layout.topMargin: 8 }
            RowLayout {
                Label { text: qsTr("Send files up to") }
                SpinBox {
                    objectName: "sizeLimitMiB"
                    from: 1; to: 4096
                    editable: true
                    value: root.app.attachments.sizeLimitMiB
                    Accessible.name: qsTr("Largest file to send, in MiB")
                    onValueModified: root.app.attachments.sizeLimitMiB = value
                }
                Label { text: qsTr("MiB") }
            }
            CheckBox {
                objectName: "autoDownloadImages"
                text: qsTr("Download images from contacts automatically (under 25 MB)")
                checked: root.app.attachments.autoDownloadImages
                onToggled: root.app.attachments.autoDownloadImages = checked
                Accessible.name: text
            }

            Label { text: qsTr("Visible to"); font.bold: true; Layout.topMargin: 8 }
            ButtonGroup { id: visibleTo }
            RadioButton {
                objectName: "visibleToEveryone"
                ButtonGroup.group: visibleTo
                text: qsTr("Everyone on this network")
                checked: !root.app.session.visibleToContactsOnly
                onToggled: if (checked) root.app.session.visibleToContactsOnly = false
                Accessible.name: qsTr("Visible to everyone on this network")
            }
            RadioButton {
                objectName: "visibleToContacts"
                ButtonGroup.group: visibleTo
                text: qsTr("Only my contacts")
                checked: root.app.session.visibleToContactsOnly
                onToggled: if (checked) root.app.session.visibleToContactsOnly = true
                Accessible.name: qsTr("Visible to only my contacts")
            }
            Label {
                textFormat: Text.PlainText
                text: root.app.session.visibleToContactsOnly
                      ? qsTr("Only your contacts recognise you on this network; others see an anonymous signal from this computer. People who know your address can still reach you.")
                      : qsTr("Everyone on this network sees your name and can write to you.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }

            Label { text: qsTr("Privacy"); font.bold: true; Layout.topMargin: 8 }
            CheckBox {
                objectName: "sendTypingCheck"
                text: qsTr("Let contacts see when I am typing")
                checked: root.app.composer.sendTyping
                onToggled: root.app.composer.sendTyping = checked
                Accessible.name: text
            }
        }
    }
}
