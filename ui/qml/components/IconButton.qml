// SPDX-License-Identifier: GPL-3.0-or-later
// A button shown as one of the window's icons (resources/icons/ui): its text is not drawn
// (unless display asks for it beside the icon) but is what a screen reader says and,
// unless told otherwise, its tooltip.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.impl

ToolButton {
    id: root
    property string iconName
    property string tip: text
    icon.source: iconName.length > 0 ? "qrc:/sotto/icons/ui/" + iconName + ".svg" : ""
    icon.width: 20
    icon.height: 20
    // Tinted like text. Drawn here: Fusion's ToolButton left the icons as drawn (black),
    // also on a dark palette.
    icon.color: palette.buttonText
    display: AbstractButton.IconOnly
    Accessible.name: text
    ToolTip.visible: hovered && tip.length > 0
    ToolTip.delay: 600
    ToolTip.text: tip
    contentItem: Row {
        spacing: 6
        IconImage {
            anchors.verticalCenter: parent.verticalCenter
            source: root.icon.source
            sourceSize.width: root.icon.width
            sourceSize.height: root.icon.height
            color: root.icon.color
        }
        Label {
            anchors.verticalCenter: parent.verticalCenter
            visible: root.display !== AbstractButton.IconOnly
            text: root.text
            textFormat: Text.PlainText
            color: root.icon.color
        }
    }
}
