// SPDX-License-Identifier: GPL-3.0-or-later
// Drives a real `sotto --headless` process: its own profile folder, commands as JSON
// lines on stdin, replies and events read back from stdout. For integration tests and
// benchmarks; never used by the program.
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace sotto::test {

QString sottoBinary();

class HeadlessNode {
public:
    // `wrapper` runs the node through another program first (e.g. "ip netns exec NS").
    explicit HeadlessNode(const QString &name, QString profileDir = {}, QStringList extraArgs = {},
                          QStringList wrapper = {});
    ~HeadlessNode();

    // The passphrase its profile opens with (default: "test passphrase for NAME").
    void setPassphrase(const QByteArray &passphrase);

    // Starts the process and creates (or unlocks, if the folder has a profile) it.
    bool start(int timeoutMs = 20000);
    // start() in parts, so many nodes can start at once: launch() starts the process,
    // requestProfile() waits for it and asks for the profile to be created (or unlocked),
    // finishStart() waits for the answer (asking first if requestProfile was not called).
    bool launch(int timeoutMs = 20000);
    bool requestProfile(int timeoutMs = 20000);
    bool finishStart(int timeoutMs = 20000);
    void kill();   // SIGKILL: no goodbye, no cleanup
    void quit();   // {"cmd":"quit"} and wait
    bool isRunning() const;
    qint64 processId() const { return m_process ? m_process->processId() : 0; }

    // Sends a command (an "id" is added) and waits for its ok or error reply.
    QJsonObject call(QJsonObject command, int timeoutMs = 20000);
    void post(QJsonObject command); // without waiting for the reply
    void postRaw(const QByteArray &bytes); // exactly these bytes to stdin (malformed input tests)
    void flushCommands();           // until posted commands are in the pipe
    // Waits for an event matching the predicate (events seen before are searched first).
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs = 20000);
    QList<QJsonObject> events() const { return m_events; }
    // Drops the events read so far, so later waits scan only what comes next (benchmarks).
    void forgetEvents() { m_events.clear(); }
    int count(const std::function<bool(const QJsonObject &)> &match) const;

    const QString &peer() const { return m_peer; }
    quint16 port() const { return m_port; }
    const QString &profileDir() const { return m_profileDir; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QByteArray stderrText() const { return m_stderr; }

private:
    void readOutput();

    QString m_name;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_profileDir;
    QString m_passFile;
    QStringList m_extraArgs;
    QStringList m_wrapper;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_buffer;
    QByteArray m_stderr;
    QList<QJsonObject> m_events;
    qsizetype m_scanFrom = 0;
    int m_nextId = 1;
    QString m_startId; // the create or unlock command finishStart waits for
    QString m_peer;
    quint16 m_port = 0;
};

// Arguments for a node that finds no one by itself (no discovery) and listens on loopback.
QStringList noDiscovery();
// node.call(command), warning with the command and reply when the reply is not "ok".
QJsonObject cmd(HeadlessNode &node, QJsonObject command);

// Polls `condition` while `pump`'s output is read and events run; false on timeout.
bool waitUntil(const std::function<bool()> &condition, HeadlessNode &pump, int timeoutMs = 15000);

} // namespace sotto::test
