// SPDX-License-Identifier: GPL-3.0-or-later
// One headless command line checked before anything runs: it must be a JSON object whose
// "cmd" and "id" are strings, and every field its command takes must have the right type
// and range ("limit": "abc" or "verified": "yes" are refused, never read as a default).
// What a well-typed value means (is this peer id known? is this name too long?) is left to
// the session; fields a command does not take are ignored.
#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <expected>

namespace sotto::app {

struct CommandError {
    QString id;     // the command's "id" when it was a string, else ""
    QString reason; // names the field and what it must be
};

[[nodiscard]] std::expected<QJsonObject, CommandError> parseCommand(QByteArrayView line);

// The same checks on an object already parsed.
[[nodiscard]] std::expected<QJsonObject, CommandError> checkCommand(const QJsonObject &command);

} // namespace sotto::app
