// SPDX-License-Identifier: GPL-3.0-or-later
// A GIF written by hand (Qt reads GIF but cannot write one): a `width` × `height` canvas of
// two colours, red and blue, looping, whose corner pixel alternates between them for
// `frames` frames of `centiseconds` each (0.1 s unless told). Few bytes whatever the canvas
// claims, as a hostile file's.
#pragma once

#include <QByteArray>
#include <QtEndian>

namespace sotto::test {

inline QByteArray tinyGif(quint16 width, quint16 height, int frames, quint16 centiseconds = 10)
{
    QByteArray gif("GIF89a", 6);
    char screen[7] = {0, 0, 0, 0, '\x80', 0, 0}; // a global table of two colours
    qToLittleEndian<quint16>(width, screen);
    qToLittleEndian<quint16>(height, screen + 2);
    gif += QByteArray(screen, 7);
    gif += QByteArray("\xff\x00\x00\x00\x00\xff", 6);                   // red, blue
    gif += QByteArray("\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00", 19); // loop for ever
    for (int i = 0; i < frames; ++i) {
        char control[8] = {'\x21', '\xf9', '\x04', 0, 0, 0, 0, 0}; // the frame's delay, then no transparency
        qToLittleEndian<quint16>(centiseconds, control + 4);
        gif += QByteArray(control, 8);
        gif += QByteArray("\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00", 10);        // 1 × 1 at 0,0
        gif += QByteArray(i % 2 ? "\x02\x02\x4c\x01\x00" : "\x02\x02\x44\x01\x00", 5); // LZW: colour 1, or 0
    }
    return gif + QByteArray(";");
}

} // namespace sotto::test
