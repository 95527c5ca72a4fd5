// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DemoPeer.h"

#include "ui/UiLog.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace sotto::ui {

DemoPeer::DemoPeer(QString program, QString directory, QObject *parent)
    : QObject(parent)
    , m_program(std::move(program))
    , m_directory(std::move(directory))
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoPeer::readEvents);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(tr("The demo peer could not start: %1").arg(m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (!m_stopping && (status != QProcess::NormalExit || code != 0))
            Q_EMIT failed(tr("The demo peer stopped (exit code %1).").arg(code));
    });
}

DemoPeer::~DemoPeer() { stop(); }

void DemoPeer::start()
{
    QDir().mkpath(m_directory);
    const QString passFile = QDir(m_directory).filePath(QStringLiteral("demo-passphrase"));
    if (!QFile::exists(passFile)) {
        // Created owner-only from the start, never readable in between.
        QFile f(passFile);
        QByteArray random(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
        const QByteArray hex = random.toHex();
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || f.write(hex) != hex.size() || !f.flush()) {
            f.remove();
            Q_EMIT failed(tr("The demo peer's folder is not writable."));
            return;
        }
    }
    const QString profile = QDir(m_directory).filePath(QStringLiteral("profile"));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardErrorFile(QProcess::nullDevice());
    m_process.start(m_program, {QStringLiteral("--headless"), QStringLiteral("--profile"), profile, QStringLiteral("--passphrase-file"),
                                passFile, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--no-discovery"),
                                QStringLiteral("--insecure-fast-kdf")});
}

void DemoPeer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    command({{QStringLiteral("cmd"), QStringLiteral("quit")}});
    if (!m_process.waitForFinished(3000))
        m_process.kill();
    m_process.waitForFinished(1000);
}

void DemoPeer::command(const QJsonObject &command)
{
    m_process.write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
}

void DemoPeer::readEvents()
{
    m_buffer += m_process.readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QJsonDocument doc = QJsonDocument::fromJson(m_buffer.left(newline));
        m_buffer.remove(0, newline + 1);
        if (doc.isObject())
            handle(doc.object());
    }
}

void DemoPeer::handle(const QJsonObject &e)
{
    const QString event = e.value(QStringLiteral("event")).toString();
    if (event == QLatin1String("ready")) {
        m_greet = !e.value(QStringLiteral("profile_exists")).toBool();
        if (m_greet)
            command({{QStringLiteral("cmd"), QStringLiteral("create")}, {QStringLiteral("name"), tr("Demo peer")}, {QStringLiteral("id"), QStringLiteral("open")}});
        else
            command({{QStringLiteral("cmd"), QStringLiteral("unlock")}, {QStringLiteral("id"), QStringLiteral("open")}});
    } else if (event == QLatin1String("ok") && e.value(QStringLiteral("id")) == QLatin1String("open")) {
        m_peer = e.value(QStringLiteral("peer")).toString();
        Q_EMIT ready(QStringLiteral("127.0.0.1:%1").arg(e.value(QStringLiteral("port")).toInt()));
    } else if (event == QLatin1String("error") && e.value(QStringLiteral("id")) == QLatin1String("open")) {
        Q_EMIT failed(tr("The demo peer could not open its profile."));
    } else if (event == QLatin1String("peer_online") && m_greet && !m_greeted) {
        m_greeted = true;
        command({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), e.value(QStringLiteral("peer"))},
                 {QStringLiteral("body"), tr("Hello! I am a demo peer: a second Sotto running on this computer. "
                                             "Write to me and I will answer. Open my contact page to compare safety numbers.")}});
    } else if (event == QLatin1String("message_received")) {
        const QJsonObject m = e.value(QStringLiteral("message")).toObject();
        command({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), m.value(QStringLiteral("from"))},
                 {QStringLiteral("body"), reply(m.value(QStringLiteral("body")).toString())}});
        command({{QStringLiteral("cmd"), QStringLiteral("mark_read")}, {QStringLiteral("peer"), m.value(QStringLiteral("from"))}});
    }
}

QString DemoPeer::reply(const QString &text)
{
    ++m_answers;
    const int words = int(text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
    switch (m_answers % 3) {
    case 1: return tr("Got your message (%1 words), end-to-end encrypted with a fresh key.").arg(words);
    case 2: return tr("Every message you send me moves the Double Ratchet one step: an old key can't read a new message.");
    default: return tr("Your message arrived, was stored encrypted, and my delivery and read receipts are on their way.");
    }
}

} // namespace sotto::ui
