// SPDX-License-Identifier: GPL-3.0-or-later
// The window with years of history: a profile holding 100,000 messages in one
// conversation (real SQLCipher, Argon2id "moderate" as shipped). Measured in a fresh
// process, as a user would start Sotto:
//  - launch to the unlock page's first frame (process start read from /proc);
//  - unlock: total, and the passphrase KDF's share of it (timed inside Profile::unlock);
//  - unlocked to the main window's first frame;
//  - launch to main window with the KDF taken out (the figure to compare);
//  - opening the 100,000-message conversation: from the click to the first frame with
//    its first page on screen;
//  - resident memory after opening it (VmRSS).
// Run under Xvfb for a real X11 window: `xvfb-run -a ./build/bench/bench_gui`.
#include "ui/AppController.h"
#include "ui/MainWindow.h"

#include "tests/support/TestProfiles.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>

#include <unistd.h>

#include <cstdio>

using namespace sotto;

namespace {

constexpr char Passphrase[] = "bench passphrase, moderately strong";

// Seconds since this process started, from /proc (start time in clock ticks since boot).
double secondsSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray s = stat.readAll();
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    const double started = fields.value(19).toDouble() / double(sysconf(_SC_CLK_TCK)); // field 22 overall
    const double now = uptime.readAll().split(' ').value(0).toDouble();
    return now - started;
}

long residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return 0;
}

int prepare(const QString &dir, int messages)
{
    crypto::SignalContext ctx;
    auto created = storage::Profile::create(dir, QStringLiteral("Bench"), test::passphrase(Passphrase), ctx);
    if (!created) {
        std::fprintf(stderr, "bench_gui: cannot create the profile: %s\n", qPrintable(created.error().reason));
        return 1;
    }
    storage::Profile &profile = **created;
    const protocol::PeerId other = protocol::PeerId::generate();
    QByteArray key(33, Qt::Uninitialized);
    key[0] = 0x05;
    for (int i = 1; i < key.size(); ++i)
        key[i] = char(i * 37);
    profile.protocolStore().saveIdentity({other, key, protocol::TrustState::Unverified, {}});
    storage::MessageStore &store = profile.messages();
    const std::int64_t conversation = *store.conversationFor(other);
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(messages) * 60'000; // one a minute, up to now
    for (int i = 0; i < messages;) {
        profile.database().begin();
        for (int end = std::min(messages, i + 5000); i < end; ++i) {
            storage::MessageRecord m;
            m.uuid = QByteArray(12, 'b') + QByteArray(reinterpret_cast<const char *>(&i), 4);
            m.conversationId = conversation;
            m.outgoing = i % 2 == 0;
            m.sender = m.outgoing ? profile.peerId() : other;
            m.body = QStringLiteral("Message %1: a line of ordinary length, about what people write to each other.").arg(i);
            m.sentAt = start + qint64(i) * 60'000;
            m.receivedAt = m.sentAt + 5;
            m.state = m.outgoing ? storage::MessageState::Read : storage::MessageState::Read;
            if (!store.insert(m)) {
                std::fprintf(stderr, "bench_gui: insert failed\n");
                return 1;
            }
        }
        profile.database().commit();
    }
    QFile peer(QDir(dir).filePath(QStringLiteral("bench-peer")));
    peer.open(QIODevice::WriteOnly);
    peer.write(other.toString().toLatin1());
    return 0;
}

// Waits for the window's next frame.
bool nextFrame(QQuickWindow *window, int timeoutMs = 10000)
{
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, [&loop] { loop.exit(1); });
    QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&loop] { loop.exit(0); });
    window->update();
    return loop.exec() == 0;
}

int measure(QApplication &app, const QString &dir)
{
    const double launchedAgo = secondsSinceProcessStart(); // what passed before main's first line
    QElapsedTimer clock;
    clock.start();
    const auto since = [&] { return launchedAgo + double(clock.nsecsElapsed()) / 1e9; };

    ui::AppOptions options;
    options.profileDir = dir;
    options.node.listenAddress = QHostAddress::LocalHost;
    options.node.discovery = false;
    ui::AppController controller(options);
    QQmlApplicationEngine engine;
    QQuickWindow *window = ui::loadMainWindow(engine, controller);
    if (!window || !nextFrame(window))
        qFatal("bench_gui: no window");
    const double unlockFrame = since();

    // Unlock as the user's Enter would, then wait for the main window's first frame.
    QElapsedTimer unlock;
    unlock.start();
    QEventLoop unlocked;
    QObject::connect(controller.session(), &ui::SessionController::unlocked, &unlocked, &QEventLoop::quit);
    controller.session()->unlock(QLatin1String(Passphrase));
    unlocked.exec();
    const double unlockSeconds = double(unlock.nsecsElapsed()) / 1e9;
    if (controller.session()->state() != ui::SessionController::Unlocked)
        qFatal("bench_gui: unlock failed");
    const double afterUnlock = since();
    nextFrame(window);
    const double mainFrame = since();

    // A person clicks a conversation some hundreds of milliseconds after the window shows,
    // not within the same millisecond: let the start-up work on the core thread finish.
    QElapsedTimer pause;
    pause.start();
    while (pause.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);

    // Open the big conversation: from the call to the first frame showing its first page.
    QFile peerFile(QDir(dir).filePath(QStringLiteral("bench-peer")));
    peerFile.open(QIODevice::ReadOnly);
    const QString peer = QString::fromLatin1(peerFile.readAll());
    QElapsedTimer open;
    open.start();
    controller.messages()->open(peer);
    while (controller.messages()->rowCount() == 0 || controller.messages()->loading())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    const double pageMs = double(open.nsecsElapsed()) / 1e6;
    nextFrame(window);
    const double openMs = double(open.nsecsElapsed()) / 1e6;
    const int rows = controller.messages()->rowCount();

    // Settle (the view's cacheBuffer may ask for one more page), then read memory.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const long rssKiB = residentKiB();

    // The KDF's share of this very unlock, as the profile measured it.
    auto kdfMs = controller.core().run([](messenger::CoreState &state) { return state.profile ? state.profile->unlockKdfMilliseconds() : 0.0; });
    kdfMs.waitForFinished();
    const double kdfSeconds = kdfMs.result() / 1e3;

    std::printf("bench_gui: platform %s\n", qPrintable(QGuiApplication::platformName()));
    std::printf("launch to unlock page, first frame   : %7.1f ms (of which before main(): %.1f ms)\n", unlockFrame * 1e3,
                launchedAgo * 1e3);
    std::printf("unlock (total)                       : %7.1f ms (passphrase KDF alone: %.1f ms)\n", unlockSeconds * 1e3,
                kdfSeconds * 1e3);
    std::printf("unlocked to main window, first frame : %7.1f ms\n", (mainFrame - afterUnlock) * 1e3);
    const double launchToMain = mainFrame - kdfSeconds;
    std::printf("launch to main window, KDF apart     : %7.1f ms   (aim < 400 ms; qTox 1.17: 1280 ms, 410 without its tray wait)\n",
                launchToMain * 1e3);
    std::printf("open the conversation (%d rows)      : %7.1f ms   (aim < 16 ms; qTox: ~48 ms); first page in the model after %.1f ms\n",
                rows, openMs, pageMs);
    std::printf("resident memory after opening        : %7.1f MB   (aim < 120 MB; qTox: ~157 MB)\n", double(rssKiB) / 1024.0);
    std::fflush(stdout);
    app.processEvents();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // "--measure DIR": the fresh process whose launch is timed (started by the default mode).
    if (argc == 3 && qstrcmp(argv[1], "--measure") == 0) {
        ui::prepareGuiApplication(); // as app/main.cpp does
        QApplication app(argc, argv);
        return measure(app, QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    int messages = 100000;
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--messages") == 0)
            messages = QByteArray(argv[i + 1]).toInt();
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("profile"));
    QElapsedTimer t;
    t.start();
    if (int rc = prepare(dir, messages))
        return rc;
    std::printf("bench_gui: profile with %d messages prepared in %.1f s\n", messages, double(t.nsecsElapsed()) / 1e9);
    std::fflush(stdout);
    // Twice: the first run warms the page cache (as a second start of the day would).
    for (int run = 1; run <= 2; ++run) {
        std::printf("-- run %d%s\n", run, run == 1 ? " (cold page cache for Qt's libraries, maybe)" : "");
        std::fflush(stdout);
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--measure"), dir});
        if (!child.waitForFinished(120000) || child.exitCode() != 0)
            return 1;
    }
    return 0;
}
