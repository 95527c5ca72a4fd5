// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/HeadlessNode.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QThread>

#include <utility>

namespace sotto::test {

QString sottoBinary()
{
    const QByteArray fromEnv = qgetenv("SOTTO_BINARY");
    return fromEnv.isEmpty() ? QStringLiteral("sotto") : QString::fromLocal8Bit(fromEnv);
}

HeadlessNode::HeadlessNode(const QString &name, QString profileDir, QStringList extraArgs, QStringList wrapper)
    : m_name(name)
    , m_tmp(std::make_unique<QTemporaryDir>())
    , m_profileDir(profileDir.isEmpty() ? m_tmp->filePath(QStringLiteral("profile")) : profileDir)
    , m_passFile(m_tmp->filePath(QStringLiteral("passphrase")))
    , m_extraArgs(std::move(extraArgs))
    , m_wrapper(std::move(wrapper))
{
    QFile f(m_passFile);
    if (f.open(QIODevice::WriteOnly))
        f.write("test passphrase for " + name.toUtf8() + "\n");
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

HeadlessNode::~HeadlessNode() { kill(); }

void HeadlessNode::setPassphrase(const QByteArray &passphrase)
{
    QFile f(m_passFile);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(passphrase + "\n");
}

bool HeadlessNode::isRunning() const { return m_process && m_process->state() == QProcess::Running; }

bool HeadlessNode::start(int timeoutMs) { return launch(timeoutMs) && finishStart(timeoutMs); }

bool HeadlessNode::launch(int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_buffer.clear();
    m_events.clear();
    m_scanFrom = 0;
    QStringList args = {QStringLiteral("--headless"), QStringLiteral("--profile"), m_profileDir,
                        QStringLiteral("--passphrase-file"), m_passFile, QStringLiteral("--insecure-fast-kdf")};
    args += m_extraArgs;
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, [this] { readOutput(); });
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, [this] { m_stderr += m_process->readAllStandardError(); });
    if (m_wrapper.isEmpty()) {
        m_process->start(sottoBinary(), args);
    } else {
        m_process->start(m_wrapper.first(), m_wrapper.mid(1) + QStringList{sottoBinary()} + args);
    }
    return m_process->waitForStarted(timeoutMs);
}

bool HeadlessNode::requestProfile(int timeoutMs)
{
    if (!m_process)
        return false;
    const QJsonObject ready = waitFor([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("ready"); },
                                      timeoutMs);
    if (ready.isEmpty())
        return false;
    const bool exists = ready.value(QStringLiteral("profile_exists")).toBool();
    m_startId = QStringLiteral("c%1").arg(m_nextId++);
    post(exists ? QJsonObject{{QStringLiteral("cmd"), QStringLiteral("unlock")}, {QStringLiteral("id"), m_startId}}
                : QJsonObject{{QStringLiteral("cmd"), QStringLiteral("create")}, {QStringLiteral("name"), m_name}, {QStringLiteral("id"), m_startId}});
    return true;
}

bool HeadlessNode::finishStart(int timeoutMs)
{
    if (m_startId.isEmpty() && !requestProfile(timeoutMs))
        return false;
    const QString id = std::exchange(m_startId, QString());
    const QJsonObject reply = waitFor(
        [&id](const QJsonObject &e) {
            return e.value(QStringLiteral("id")) == id
                && (e.value(QStringLiteral("event")) == QLatin1String("ok") || e.value(QStringLiteral("event")) == QLatin1String("error"));
        },
        timeoutMs);
    if (reply.value(QStringLiteral("event")) != QLatin1String("ok"))
        return false;
    m_peer = reply.value(QStringLiteral("peer")).toString();
    m_port = quint16(reply.value(QStringLiteral("port")).toInt());
    return true;
}

void HeadlessNode::kill()
{
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
}

void HeadlessNode::quit()
{
    if (!isRunning())
        return;
    post({{QStringLiteral("cmd"), QStringLiteral("quit")}});
    if (!m_process->waitForFinished(10000))
        kill();
}

void HeadlessNode::readOutput()
{
    m_buffer += m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            m_events.append(doc.object());
    }
}

void HeadlessNode::post(QJsonObject command)
{
    if (!command.contains(QStringLiteral("id")))
        command.insert(QStringLiteral("id"), QString::number(m_nextId++));
    m_process->write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
}

void HeadlessNode::postRaw(const QByteArray &bytes) { m_process->write(bytes); }

void HeadlessNode::flushCommands()
{
    while (m_process && m_process->bytesToWrite() > 0 && m_process->waitForBytesWritten(1000)) {
    }
}

QJsonObject HeadlessNode::call(QJsonObject command, int timeoutMs)
{
    const QString id = QStringLiteral("c%1").arg(m_nextId++);
    command.insert(QStringLiteral("id"), id);
    post(command);
    return waitFor(
        [&id](const QJsonObject &e) {
            return e.value(QStringLiteral("id")) == id
                && (e.value(QStringLiteral("event")) == QLatin1String("ok") || e.value(QStringLiteral("event")) == QLatin1String("error"));
        },
        timeoutMs);
}

QJsonObject HeadlessNode::waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        for (const QJsonObject &e : std::as_const(m_events))
            if (match(e))
                return e;
        if (deadline.hasExpired() || !m_process)
            return {};
        if (m_process->state() != QProcess::Running) {
            m_process->waitForReadyRead(0);
            readOutput();
            for (const QJsonObject &e : std::as_const(m_events))
                if (match(e))
                    return e;
            return {};
        }
        m_process->waitForReadyRead(int(std::min<qint64>(50, std::max<qint64>(1, deadline.remainingTime()))));
        QCoreApplication::processEvents();
    }
}

int HeadlessNode::count(const std::function<bool(const QJsonObject &)> &match) const
{
    int n = 0;
    for (const QJsonObject &e : m_events)
        if (match(e))
            ++n;
    return n;
}

bool waitUntil(const std::function<bool()> &condition, HeadlessNode &pump, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        pump.waitFor([](const QJsonObject &) { return false; }, 20);
    }
    return true;
}

QStringList noDiscovery() { return {QStringLiteral("--no-discovery"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}; }

QJsonObject cmd(HeadlessNode &node, QJsonObject command)
{
    const QJsonObject reply = node.call(command);
    if (reply.value(QStringLiteral("event")) != QLatin1String("ok"))
        qWarning() << "command failed:" << command << reply;
    return reply;
}

} // namespace sotto::test
