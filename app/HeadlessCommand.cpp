// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/HeadlessCommand.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <array>
#include <cmath>
#include <span>

namespace sotto::app {
namespace {

enum class Type { String, Bool, Integer };

struct Field {
    const char *name;
    Type type;
    qint64 min = 0; // for Integer, inclusive
    qint64 max = 0;
};

// Row and conversation ids are SQLite rowids; JSON numbers are exact up to 2^53.
constexpr qint64 MaxId = (qint64(1) << 53) - 1;
constexpr qint64 MaxTimerSeconds = 365 * 24 * 3600;

constexpr Field Peer{"peer", Type::String};
constexpr Field Conversation{"conversation", Type::Integer, 1, MaxId};

constexpr std::array<Field, 1> Create{{{"name", Type::String}}};
constexpr std::array<Field, 1> AddPeer{{{"address", Type::String}}};
constexpr std::array<Field, 3> Send{{Peer, Conversation, {"body", Type::String}}};
constexpr std::array<Field, 4> Reply{{Peer, Conversation, {"to", Type::String}, {"body", Type::String}}};
constexpr std::array<Field, 2> Edit{{{"message", Type::String}, {"body", Type::String}}};
constexpr std::array<Field, 2> Delete{{{"message", Type::String}, {"for", Type::String}}};
constexpr std::array<Field, 2> React{{{"message", Type::String}, {"emoji", Type::String}}};
constexpr std::array<Field, 3> Typing{{Peer, Conversation, {"typing", Type::Bool}}};
constexpr std::array<Field, 1> SetName{{{"name", Type::String}}};
constexpr std::array<Field, 3> SetTimer{{Peer, Conversation, {"seconds", Type::Integer, 0, MaxTimerSeconds}}};
constexpr std::array<Field, 3> SetDraft{{Peer, Conversation, {"text", Type::String}}};
constexpr std::array<Field, 2> PeerOnly{{Peer, Conversation}};
constexpr std::array<Field, 4> History{{Peer, Conversation, {"limit", Type::Integer, 1, 1000}, {"before", Type::Integer, 1, MaxId}}};
constexpr std::array<Field, 3> Search{{{"query", Type::String}, {"limit", Type::Integer, 1, 500}, {"before", Type::Integer, 1, MaxId}}};
constexpr std::array<Field, 3> Verify{{Peer, Conversation, {"verified", Type::Bool}}};
constexpr std::array<Field, 3> Block{{Peer, Conversation, {"blocked", Type::Bool}}};
constexpr std::array<Field, 1> SetVisibility{{{"visible_to", Type::String}}};
constexpr std::array<Field, 3> MergeContact{{Peer, Conversation, {"previous", Type::String}}};
constexpr std::array<Field, 4> SendFile{{Peer, Conversation, {"path", Type::String}, {"caption", Type::String}}};
constexpr std::array<Field, 1> AttachmentOnly{{{"attachment", Type::String}}};
constexpr std::array<Field, 2> SaveAttachment{{{"attachment", Type::String}, {"path", Type::String}}};

struct Command {
    const char *cmd;
    std::span<const Field> fields;
};

constexpr std::array<Command, 35> Commands{{
    {"create", Create},       {"unlock", {}},           {"quit", {}},
    {"whoami", {}},           {"peers", {}},            {"add_peer", AddPeer},
    {"send", Send},           {"reply", Reply},         {"edit", Edit},
    {"delete", Delete},       {"react", React},         {"typing", Typing},
    {"set_name", SetName},    {"set_timer", SetTimer},  {"set_draft", SetDraft},
    {"draft", PeerOnly},      {"history", History},     {"search", Search},
    {"mark_read", PeerOnly},  {"safety_number", PeerOnly}, {"verify", Verify},
    {"block", Block},         {"merge_contact", MergeContact}, {"dismiss_namesake", PeerOnly},
    {"set_visibility", SetVisibility},
    {"open_conversation", PeerOnly}, {"close_conversation", {}},
    {"requests", {}},         {"accept_request", PeerOnly}, {"delete_request", PeerOnly},
    {"send_file", SendFile},  {"download", AttachmentOnly}, {"pause", AttachmentOnly},
    {"cancel", AttachmentOnly}, {"save_attachment", SaveAttachment},
}};

// Empty when the value fits, else why not.
QString checkField(const Field &field, const QJsonValue &value)
{
    const QString name = QLatin1String(field.name);
    switch (field.type) {
    case Type::String:
        if (!value.isString())
            return QStringLiteral("\"%1\" must be a string").arg(name);
        return {};
    case Type::Bool:
        if (!value.isBool())
            return QStringLiteral("\"%1\" must be true or false").arg(name);
        return {};
    case Type::Integer: {
        const double d = value.toDouble(std::nan(""));
        if (!value.isDouble() || !std::isfinite(d) || d != std::trunc(d) || d < double(field.min) || d > double(field.max))
            return QStringLiteral("\"%1\" must be an integer from %2 to %3").arg(name).arg(field.min).arg(field.max);
        return {};
    }
    }
    return QStringLiteral("\"%1\" has an unknown type").arg(name);
}

} // namespace

std::expected<QJsonObject, CommandError> checkCommand(const QJsonObject &command)
{
    const QJsonValue idValue = command.value(QLatin1String("id"));
    if (!idValue.isUndefined() && !idValue.isString())
        return std::unexpected(CommandError{{}, QStringLiteral("\"id\" must be a string")});
    const QString id = idValue.toString();
    const QJsonValue cmdValue = command.value(QLatin1String("cmd"));
    if (!cmdValue.isString())
        return std::unexpected(CommandError{id, QStringLiteral("\"cmd\" must be a string")});
    const QString cmd = cmdValue.toString();
    for (const Command &known : Commands) {
        if (cmd != QLatin1String(known.cmd))
            continue;
        for (const Field &field : known.fields) {
            const QJsonValue value = command.value(QLatin1String(field.name));
            if (value.isUndefined())
                continue; // absent: the command's default, or the session says what is missing
            if (QString why = checkField(field, value); !why.isEmpty())
                return std::unexpected(CommandError{id, why});
        }
        return command;
    }
    return command; // an unknown command is answered by the session (unknown_command)
}

std::expected<QJsonObject, CommandError> parseCommand(QByteArrayView line)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (!doc.isObject())
        return std::unexpected(CommandError{{}, QStringLiteral("not a JSON object")});
    return checkCommand(doc.object());
}

} // namespace sotto::app
