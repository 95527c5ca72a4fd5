// SPDX-License-Identifier: GPL-3.0-or-later
// A message's state as an icon (clock, one tick, two ticks, two ticks filled, failed) with
// its name for screen readers: the words, not the glyphs, are what a reader needs.
import QtQuick
import QtQuick.Controls.impl

IconImage {
    id: root
    required property string delivery // the model's "queued", "sent", "delivered", "read", "failed"
    readonly property string stateName: delivery === "queued" ? qsTr("Waiting to be sent")
                                      : delivery === "sent" ? qsTr("Sent")
                                      : delivery === "delivered" ? qsTr("Delivered")
                                      : delivery === "read" ? qsTr("Read")
                                      : delivery === "failed" ? qsTr("Not sent") : ""
    visible: stateName.length > 0
    source: visible ? "qrc:/sotto/icons/ui/state-" + delivery + ".svg" : ""
    sourceSize.width: 16
    sourceSize.height: 16
    Accessible.role: Accessible.Graphic
    Accessible.name: stateName
}
