# SPDX-License-Identifier: GPL-3.0-or-later
# Installing Sotto into a desktop and packing it as a Debian package:
#   cmake --build build && (cd build && cpack -G DEB)   ->  build/sotto_<version>_<arch>.deb
# scripts/package.sh does this and checks the result. Only the program and its desktop
# integration are installed; tests, benchmarks and fuzz targets have no install rules.

include(GNUInstallDirs)

# One application id everywhere: the desktop file's name, the icon's name, the AppStream
# component, and what the window reports (app/main.cpp, QGuiApplication::setDesktopFileName)
# so that docks and notifications match the running window to its desktop file.
set(SOTTO_APP_ID org.sotto.Sotto)

install(FILES ${PROJECT_SOURCE_DIR}/resources/${SOTTO_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/sotto.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${SOTTO_APP_ID}.svg)
install(FILES ${PROJECT_SOURCE_DIR}/resources/${SOTTO_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
# Debian policy wants every package to carry its copyright statement here.
install(FILES ${PROJECT_SOURCE_DIR}/resources/debian-copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/sotto RENAME copyright)

# The metainfo's newest release is what software centres call the installed version: a
# version bump in project() that forgets it should stop the configure, not ship a lie.
file(STRINGS ${PROJECT_SOURCE_DIR}/resources/${SOTTO_APP_ID}.metainfo.xml sotto_releases REGEX "<release version=")
list(GET sotto_releases 0 sotto_newest_release)
if(NOT sotto_newest_release MATCHES "version=\"${PROJECT_VERSION}\"")
  message(FATAL_ERROR "resources/${SOTTO_APP_ID}.metainfo.xml: the first <release> must be ${PROJECT_VERSION} "
                      "(project's VERSION), found: ${sotto_newest_release}")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sotto)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "end-to-end encrypted messenger for the local network")
# No semicolons in it: CMake would take them for list separators and drop them.
set(CPACK_PACKAGE_DESCRIPTION
    "Sotto lets people on the same local network write to each other without any\n"
    "server. Every message is sealed with a fresh key from X3DH and the Double\n"
    "Ratchet (the Signal protocol, libsignal-protocol-c). History and every key live\n"
    "in one SQLCipher database that is useless without the passphrase.\n"
    "\n"
    "It also has a headless mode that speaks JSON lines, for scripts.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
# A distributor sets their own: -DSOTTO_PACKAGE_MAINTAINER="Name <mail>".
set(SOTTO_PACKAGE_MAINTAINER "The Sotto developers <sotto@localhost>" CACHE STRING "Maintainer field of the .deb")
set(CPACK_PACKAGE_CONTACT "${SOTTO_PACKAGE_MAINTAINER}")
# A RelWithDebInfo binary is mostly debug info (~40 MB); Debian packages ship it stripped.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_NAME sotto)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # sotto_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps (package dpkg-dev) turns the libraries the binary links into Depends:
# Qt, libsignal-protocol-c, SQLCipher, OpenSSL, libsodium, protobuf, qrencode.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What no linker sees: QML modules are found at run time. The window imports QtQuick,
# QtQuick.Controls (Fusion style) and QtQuick.Layouts; from the disk these load (as
# QML_IMPORT_TRACE=1 shows) Controls with Basic, Fusion and impl, Layouts, Templates (the
# controls' base), Window (Fusion's ApplicationWindow) and QtQml.WorkerScript (QtQml's).
# The icons are SVG, drawn by the image-format and icon-engine plugins of libqt6svg6 (the
# binary uses no Qt Svg symbol, so the linker drops the library and shlibdeps misses it).
# Reactions and the emoji picker need a colour emoji font, or they are empty boxes. WebP
# (and TIFF) photos are read by qt6-image-formats-plugins: without it they go as files.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, qml6-module-qtquick-templates, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, libqt6svg6, qt6-image-formats-plugins, fonts-noto-color-emoji")
# Without it Qt runs through XWayland on a Wayland desktop: works, a little blurrier.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")

include(CPack)
