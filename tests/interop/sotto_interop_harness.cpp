// SPDX-License-Identifier: GPL-3.0-or-later
// The Sotto side of the interop test: JSON commands on stdin, one reply per line on
// stdout (logs go to stderr). Only the test driver (interop.mjs) runs it.
#include "tests/interop/InteropHarness.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>
#include <iostream>
#include <string>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    sotto::interop::InteropHarness harness;
    if (!harness.isValid()) {
        std::fprintf(stderr, "interop harness: cannot create a profile\n");
        return 1;
    }
    std::string line;
    while (std::getline(std::cin, line)) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(line), &error);
        const QJsonObject reply = doc.isObject() ? harness.handle(doc.object())
                                                 : QJsonObject{{"ok", false}, {"code", "bad_command"}, {"reason", error.errorString()}};
        std::cout << QJsonDocument(reply).toJson(QJsonDocument::Compact).toStdString() << std::endl;
    }
    return 0;
}
