// SPDX-License-Identifier: GPL-3.0-or-later
// First start: a display name and a passphrase (twice), with a strength hint and the plain
// truth that a lost passphrase cannot be recovered. A mistake keeps what was typed, puts
// the cursor in the field at fault and goes away when that field changes; the error's
// line is reserved, so nothing jumps when one appears.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

Page {
    id: root
    required property AppController app

    // Ready to type at first start, with no click.
    Component.onCompleted: name.forceActiveFocus()

    readonly property string errorField: root.app.session.errorField
    readonly property var fieldAtFault: ({ "name": name, "passphrase": pass, "repeat": repeat })

    Connections {
        target: root.app.session
        function onErrorTextChanged() {
            const field = root.fieldAtFault[root.errorField]
            if (field) {
                field.forceActiveFocus()
                field.selectAll() // typing replaces what was wrong
            }
        }
        // The passphrase leaves the fields once it has done its work.
        function onUnlocked() { pass.clear(); repeat.clear() }
    }
    // Changing the field at fault takes its error away.
    function edited(field) {
        if (root.errorField === field)
            root.app.session.clearError()
    }

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
            onTextChanged: root.edited("name")
        }
        TextField {
            id: pass
            objectName: "passphrase"
            placeholderText: qsTr("Passphrase")
            Accessible.name: qsTr("Passphrase")
            echoMode: TextInput.Password
            Layout.fillWidth: true
            KeyNavigation.tab: repeat
            onTextChanged: root.edited("passphrase")
        }
        // A meter, not a field: four segments that fill and colour with the score, and
        // the score in words beside them.
        RowLayout {
            id: meter
            objectName: "strengthMeter"
            readonly property int score: pass.text.length ? root.app.session.strength(pass.text) : -1
            readonly property var colours: ["#c0392b", "#d35400", "#b7950b", "#27ae60", "#1e8449"]
            readonly property var words: [qsTr("Very weak"), qsTr("Weak"), qsTr("Fair"), qsTr("Good"), qsTr("Strong")]
            Layout.fillWidth: true
            spacing: 4
            opacity: score >= 0 ? 1 : 0.35
            Accessible.role: Accessible.ProgressBar
            Accessible.name: qsTr("Passphrase strength: %1").arg(score >= 0 ? words[score] : qsTr("nothing typed"))
            Repeater {
                model: 4
                Rectangle {
                    required property int index
                    objectName: "strengthSegment"
                    Layout.fillWidth: true
                    implicitHeight: 6
                    radius: 3
                    color: meter.score > index || (meter.score === 0 && index === 0) ? meter.colours[meter.score] : root.palette.mid
                }
            }
            Label {
                textFormat: Text.PlainText
                objectName: "strengthWord"
                text: meter.score >= 0 ? meter.words[meter.score] : ""
                font.pixelSize: 12
                Layout.preferredWidth: 72
                horizontalAlignment: Text.AlignRight
            }
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
            onTextChanged: root.edited("repeat")
        }
        // Advice, not an error: in the text's colour, once there is a passphrase to lose
        // (its space kept before, so the page does not move).
        Label {
            textFormat: Text.PlainText
            objectName: "cannotRecover"
            text: qsTr("Write it down somewhere safe: Sotto cannot recover a lost passphrase, and without it your messages and keys stay locked for good.")
            wrapMode: Text.WordWrap
            opacity: pass.text.length > 0 ? 0.85 : 0
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText // names and texts come from peers: never markup
            objectName: "error"
            text: root.app.session.errorText
            color: "#c0392b"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            // Two lines reserved: an error appearing does not push the button down.
            Layout.preferredHeight: Math.max(implicitHeight, 2 * fontMetrics.lineSpacing)
            FontMetrics { id: fontMetrics }
        }
        Button {
            id: create
            objectName: "createButton"
            text: qsTr("Create my profile")
            highlighted: true
            enabled: !root.app.session.busy
            Layout.fillWidth: true
            Accessible.name: text
            onClicked: root.app.session.create(name.text, pass.text, repeat.text)
        }
    }
}
