// SPDX-License-Identifier: GPL-3.0-or-later
// A button shown as one of the window's icons (resources/icons/ui): its text is not drawn
// but is what a screen reader says and, unless told otherwise, its tooltip.
import QtQuick
import QtQuick.Controls

ToolButton {
    id: root
    property string iconName
    property string tip: text
    icon.source: iconName.length > 0 ? "qrc:/sotto/icons/ui/" + iconName + ".svg" : ""
    icon.width: 20
    icon.height: 20
    display: AbstractButton.IconOnly
    Accessible.name: text
    ToolTip.visible: hovered && tip.length > 0
    ToolTip.delay: 600
    ToolTip.text: tip
}
