// SPDX-License-Identifier: GPL-3.0-or-later
// The real `sotto --headless` process against malformed input: a line over 1 MiB is
// answered with one bad_command and its tail never runs (issue 14: a "quit" hidden after
// 17 x 64 KiB of filler used to quit), and wrongly typed fields are refused by name; and a stdout left
// non-blocking by the script loses no reply when its pipe fills.
#include "tests/support/HeadlessNode.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <csignal>
#include <poll.h>
#include <sys/ioctl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace sotto::test;

namespace {

const QStringList NoDiscovery{QStringLiteral("--no-discovery"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
const QString SomePeer = QStringLiteral("00112233445566778899aabbccddeeff");

bool isBadCommand(const QJsonObject &e)
{
    return e.value(QStringLiteral("event")) == QLatin1String("error") && e.value(QStringLiteral("code")) == QLatin1String("bad_command");
}

} // namespace

class TestHeadlessLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A script's side may leave the pipe non-blocking (Node.js does for pipes it shares):
    // once the pipe is full, a write fails with EAGAIN. Every reply must still arrive, in
    // order, once the script reads again (before, the rest of that batch was dropped).
    void aFullNonBlockingStdoutLosesNoReply()
    {
        ::signal(SIGPIPE, SIG_IGN); // a child gone early fails the test, not kills it
        QTemporaryDir tmp;
        int in[2], out[2];
        QVERIFY(::pipe2(in, O_CLOEXEC) == 0 && ::pipe2(out, O_CLOEXEC) == 0);
        QVERIFY(::fcntl(out[1], F_SETFL, O_NONBLOCK) == 0); // the child's stdout, non-blocking
        // A one-page pipe: it is full after a few dozen replies, whatever the machine's speed.
        const int pipeSize = ::fcntl(out[1], F_SETPIPE_SZ, 4096);
        QVERIFY(pipeSize >= 4096);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        const QByteArray binary = sottoBinary().toLocal8Bit();
        const QByteArray profile = tmp.filePath(QStringLiteral("profile")).toLocal8Bit();
        const QByteArray passFile = tmp.filePath(QStringLiteral("passphrase")).toLocal8Bit();
        {
            QFile f(QString::fromLocal8Bit(passFile));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("a passphrase\n");
        }
        const char *argv[] = {binary.constData(), "--headless", "--profile", profile.constData(), "--passphrase-file",
                              passFile.constData(), "--no-discovery", nullptr};
        pid_t pid = 0;
        const int spawned = posix_spawnp(&pid, binary.constData(), &actions, nullptr, const_cast<char **>(argv), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(in[0]);
        ::close(out[1]);
        // Whatever happens below: the pipes closed (a child blocked on a full stdout sees
        // its reader gone), then the child given 10 s to quit before it is killed.
        const auto reap = qScopeGuard([&] {
            ::close(in[1]);
            ::close(out[0]);
            if (pid <= 0)
                return;
            QElapsedTimer quitting;
            quitting.start();
            int status = 0;
            while (::waitpid(pid, &status, WNOHANG) == 0) {
                if (quitting.elapsed() > 10000) {
                    ::kill(pid, SIGKILL);
                    ::waitpid(pid, &status, 0);
                    return;
                }
                QThread::msleep(20);
            }
        });
        QCOMPARE(spawned, 0);
        QByteArray output;
        // Reads what the child wrote until `done` holds or `ms` pass.
        const auto readUntil = [&](const auto &done, int ms) {
            QElapsedTimer waited;
            waited.start();
            while (!done() && waited.elapsed() < ms) {
                pollfd readable{out[0], POLLIN, 0};
                if (::poll(&readable, 1, 100) <= 0)
                    continue;
                char chunk[65536];
                const ssize_t n = ::read(out[0], chunk, sizeof chunk);
                if (n <= 0)
                    return;
                output.append(chunk, n);
            }
        };
        readUntil([&] { return output.contains("\"ready\""); }, 20000);
        QVERIFY2(output.contains("\"ready\""), output.constData());
        // 2,000 commands (under the 64 KiB the stdin pipe holds, so this write never waits)
        // whose answers (~150 KB) overflow the stdout pipe many times over while nobody reads.
        constexpr int Commands = 2000;
        QByteArray commands;
        for (int i = 0; i < Commands; ++i)
            commands += "{\"cmd\":\"x\",\"id\":\"" + QByteArray::number(i) + "\"}\n";
        QCOMPARE(::write(in[1], commands.constData(), size_t(commands.size())), ssize_t(commands.size()));
        // The pipe fills (to within a reply: a write that does not fit whole may wait): from
        // here on the child's writes meet EAGAIN.
        QElapsedTimer filling;
        filling.start();
        int queued = 0;
        while ((::ioctl(out[0], FIONREAD, &queued) != 0 || queued < pipeSize - 256) && filling.elapsed() < 20000)
            QThread::msleep(10);
        QVERIFY2(queued >= pipeSize - 256, qPrintable(QStringLiteral("%1 bytes waiting in a pipe of %2").arg(queued).arg(pipeSize)));
        QThread::msleep(200); // the child goes on answering into the full pipe meanwhile
        readUntil([&] { return output.contains("\"id\":\"" + QByteArray::number(Commands - 1) + "\""); }, 20000);
        int answered = 0;
        for (const QByteArray &line : output.split('\n')) {
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            if (e.contains(QStringLiteral("id")) && e.value(QStringLiteral("id")).toString() == QString::number(answered))
                ++answered;
        }
        QCOMPARE(answered, Commands);
    }

    void overlongLineDoesNotRunItsTail()
    {
        HeadlessNode node(QStringLiteral("Ann"), {}, NoDiscovery);
        QVERIFY(node.start());
        node.postRaw(QByteArray(17 * 64 * 1024, 'A') + "{\"cmd\":\"quit\",\"id\":\"hidden\"}\n");
        // Commands after the newline run as usual; the hidden quit never does.
        const QJsonObject who = node.call({{QStringLiteral("cmd"), QStringLiteral("whoami")}});
        QCOMPARE(who.value(QStringLiteral("event")).toString(), QStringLiteral("ok"));
        QVERIFY(node.isRunning());
        QCOMPARE(node.count(isBadCommand), 1);
        const QJsonObject error = node.waitFor(isBadCommand, 0);
        QCOMPARE(error.value(QStringLiteral("id")).toString(), QString());
        QVERIFY(error.value(QStringLiteral("reason")).toString().contains(QStringLiteral("too long")));
        QCOMPARE(node.count([](const QJsonObject &e) { return e.value(QStringLiteral("id")) == QLatin1String("hidden"); }), 0);
        // Also when the line's newline comes in a later write, after a pause.
        node.postRaw(QByteArray(1024 * 1024, 'B'));
        node.flushCommands();
        QTest::qWait(200);
        node.postRaw(QByteArray(4096, 'B') + "\n");
        QCOMPARE(node.call({{QStringLiteral("cmd"), QStringLiteral("peers")}}).value(QStringLiteral("event")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(node.count(isBadCommand), 2);
        node.quit();
    }

    void wronglyTypedFieldsAreRefusedByName_data()
    {
        QTest::addColumn<QJsonObject>("command");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit abc") << QJsonObject{{QStringLiteral("cmd"), QStringLiteral("history")}, {QStringLiteral("peer"), SomePeer},
                                                  {QStringLiteral("limit"), QStringLiteral("abc")}}
                                   << QStringLiteral("limit");
        QTest::newRow("limit -1") << QJsonObject{{QStringLiteral("cmd"), QStringLiteral("history")}, {QStringLiteral("peer"), SomePeer},
                                                 {QStringLiteral("limit"), -1}}
                                  << QStringLiteral("limit");
        QTest::newRow("verified yes") << QJsonObject{{QStringLiteral("cmd"), QStringLiteral("verify")}, {QStringLiteral("peer"), SomePeer},
                                                     {QStringLiteral("verified"), QStringLiteral("yes")}}
                                      << QStringLiteral("verified");
        QTest::newRow("search limit") << QJsonObject{{QStringLiteral("cmd"), QStringLiteral("search")}, {QStringLiteral("query"), QStringLiteral("x")},
                                                     {QStringLiteral("limit"), 100000}}
                                      << QStringLiteral("limit");
    }

    void wronglyTypedFieldsAreRefusedByName()
    {
        QFETCH(QJsonObject, command);
        QFETCH(QString, field);
        HeadlessNode node(QStringLiteral("Ann"), {}, NoDiscovery);
        QVERIFY(node.start());
        const QJsonObject reply = node.call(command);
        QCOMPARE(reply.value(QStringLiteral("code")).toString(), QStringLiteral("bad_command"));
        QVERIFY2(reply.value(QStringLiteral("reason")).toString().contains(QLatin1Char('"') + field + QLatin1Char('"')),
                 qPrintable(reply.value(QStringLiteral("reason")).toString()));
        // The same command, well typed, runs.
        command.remove(field);
        QCOMPARE(node.call(command).value(QStringLiteral("code")).toString() == QLatin1String("bad_command"), false);
        node.quit();
    }
};

QTEST_GUILESS_MAIN(TestHeadlessLimits)
#include "tst_headlesslimits.moc"
