// SPDX-License-Identifier: GPL-3.0-or-later
// The window: first start, unlock, or the messenger, depending on the profile's state.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sotto

ApplicationWindow {
    id: window
    required property AppController app

    width: 1000
    height: 680
    minimumWidth: 360 // below 600 the messenger shows one pane at a time
    minimumHeight: 420
    visible: true
    title: app.session.state === SessionController.Unlocked ? qsTr("Sotto — %1").arg(app.session.displayName) : qsTr("Sotto")

    // A dark desktop: the window's palette, inherited by every control in it.
    Component.onCompleted: {
        const roles = window.app.darkPalette
        for (const role in roles)
            window.palette[role] = roles[role]
    }

    Connections {
        target: window.app
        function onShowWindow() { window.show(); window.raise(); window.requestActivate() }
    }

    // Quits from anywhere, also when closing the window would only hide it in the tray.
    Shortcut {
        sequences: [StandardKey.Quit, "Ctrl+Q"]
        context: Qt.ApplicationShortcut
        onActivated: Qt.quit()
    }

    Loader {
        id: page
        objectName: "page"
        anchors.fill: parent
        focus: true // the page inside gets the keyboard
        sourceComponent: window.app.session.state === SessionController.NoProfile ? setup
                       : window.app.session.state === SessionController.Locked ? unlock : main
    }
    Component { id: setup; SetupPage { app: window.app } }
    Component { id: unlock; UnlockPage { app: window.app } }
    Component { id: main; MainPage { app: window.app } }

    // While Argon2id runs (on the core thread) the window stays responsive and says so.
    Rectangle {
        anchors.fill: parent
        visible: window.app.session.busy
        color: Qt.rgba(0, 0, 0, 0.25)
        MouseArea { anchors.fill: parent; hoverEnabled: true }
        BusyIndicator {
            objectName: "busy"
            anchors.centerIn: parent
            running: parent.visible
            Accessible.name: qsTr("Working")
        }
    }
}
