// SPDX-License-Identifier: GPL-3.0-or-later
// Contacts to choose from, each with a check box (the New group dialog, Add members):
// `contacts` is [{peer, name}]; those in `excluded` are left out; `chosen` is what is ticked.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

ListView {
    id: root
    property var contacts: []
    property var excluded: [] // peer ids already in the group
    property var chosen: []
    readonly property var shown: contacts.filter(c => excluded.indexOf(c.peer) < 0)
    function reset() { chosen = [] }

    clip: true
    implicitHeight: Math.min(contentHeight, 240)
    model: shown
    activeFocusOnTab: true
    keyNavigationEnabled: true
    Accessible.name: qsTr("Contacts")
    ScrollBar.vertical: ScrollBar {}
    delegate: CheckDelegate {
        required property var modelData
        required property int index
        objectName: "contactCheck_" + modelData.peer
        width: ListView.view.width
        text: modelData.name
        checked: root.chosen.indexOf(modelData.peer) >= 0
        contentItem: RowLayout {
            spacing: 10
            Avatar {
                name: modelData.name
                peer: modelData.peer
                implicitWidth: 28
                implicitHeight: 28
            }
            Label {
                text: modelData.name
                textFormat: Text.PlainText // names and texts come from peers: never markup
                elide: Text.ElideRight
                Layout.fillWidth: true
                Layout.rightMargin: 30 // the check box
            }
        }
        onToggled: {
            const rest = root.chosen.filter(p => p !== modelData.peer)
            root.chosen = checked ? rest.concat([modelData.peer]) : rest
        }
    }
}
