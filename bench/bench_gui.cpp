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
//  - resident memory after opening it (VmRSS);
//  - wheel-scrolling up 2,000 rows at 100 notches a second: each frame's cost, frames over
//    16.7 ms, gaps between frames (`--messages 1000000` for the 1M figure).
// Run under Xvfb for a real X11 window: `xvfb-run -a ./build/bench/bench_gui`.
#include "ui/AppController.h"
#include "ui/MainWindow.h"

#include "tests/support/ChatListProbe.h"
#include "tests/support/TestProfiles.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
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
    auto other = test::seedConversation(**created, messages);
    if (!other) {
        std::fprintf(stderr, "bench_gui: cannot fill the history: %s\n", qPrintable(other.error()));
        return 1;
    }
    QFile peer(QDir(dir).filePath(QStringLiteral("bench-peer")));
    peer.open(QIODevice::WriteOnly);
    peer.write(other->toString().toLatin1());
    return 0;
}

// The cost of each frame the window draws: from the render loop's update request to the
// swap (polish, where the list makes and places delegates, sync and render), and the
// gaps between frames while something moves.
class FrameClock : public QObject {
public:
    explicit FrameClock(QQuickWindow *window)
        : m_window(window)
    {
        window->installEventFilter(this);
        QObject::connect(window, &QQuickWindow::frameSwapped, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_frameStart >= 0)
                m_costs.push_back(double(now - m_frameStart) / 1e6);
            if (m_lastSwap >= 0)
                m_gaps.push_back(double(now - m_lastSwap) / 1e6);
            m_lastSwap = now;
            m_frameStart = -1;
        });
        m_clock.start();
    }
    void reset()
    {
        m_costs.clear();
        m_gaps.clear();
        m_lastSwap = -1;
    }
    std::vector<double> costs() const { return m_costs; }
    std::vector<double> gaps() const { return m_gaps; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::UpdateRequest && m_frameStart < 0)
            m_frameStart = m_clock.nsecsElapsed();
        return false;
    }

private:
    QQuickWindow *m_window;
    QElapsedTimer m_clock;
    qint64 m_frameStart = -1;
    qint64 m_lastSwap = -1;
    std::vector<double> m_costs;
    std::vector<double> m_gaps;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

// The newest message on screen in the chat's list (its seeded number), or -1.
int newestOnScreen(QQuickItem *list)
{
    const QList<int> shown = test::seededOnScreen(list);
    return shown.isEmpty() ? -1 : shown.last();
}

// Wheel-scrolls up through `rows` messages at `notchesPerSecond`, as a hand on a mouse
// wheel does; returns the frames drawn meanwhile.
struct ScrollRun {
    std::vector<double> costs;
    std::vector<double> gaps;
    int rows = 0;
    double seconds = 0;
    bool reached = false;
};

ScrollRun scrollUp(QQuickWindow *window, QQuickItem *list, int rows, int notchesPerSecond)
{
    FrameClock frames(window);
    ScrollRun run;
    const int start = newestOnScreen(list);
    const QPointF centre = list->mapToScene(QPointF(list->width() / 2, list->height() / 2));
    QElapsedTimer clock;
    clock.start();
    const qint64 interval = 1'000'000'000LL / notchesPerSecond;
    qint64 next = 0;
    while (clock.elapsed() < 180'000) {
        if (clock.nsecsElapsed() >= next) {
            QWheelEvent wheel(centre, window->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            wheel.setTimestamp(ulong(1000 + clock.elapsed())); // Flickable takes the wheel's speed from it
            QGuiApplication::sendEvent(window, &wheel);
            next += interval;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        const int shown = newestOnScreen(list);
        if (shown >= 0 && start - shown >= rows) {
            run.reached = true;
            run.rows = start - shown;
            break;
        }
    }
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.costs = frames.costs();
    run.gaps = frames.gaps();
    return run;
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
    controller.messages()->openPeer(peer);
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
    const double kdfSeconds = kdfMs.future().result() / 1e3;

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

    // Reading back: the wheel at 100 notches a second through 2,000 rows of history.
    QQuickItem *list = window->findChild<QQuickItem *>(QStringLiteral("messageList"));
    const ScrollRun scroll = scrollUp(window, list, 2000, 100);
    const auto over = std::count_if(scroll.costs.begin(), scroll.costs.end(), [](double ms) { return ms > 16.7; });
    const auto dropped = std::count_if(scroll.gaps.begin(), scroll.gaps.end(), [](double ms) { return ms > 2 * 16.7; });
    std::printf("wheel up %d rows at 100 notches/s    : %7.1f s%s, %zu frames; frame cost median %.2f ms, p99 %.2f ms, max %.2f ms\n",
                scroll.rows, scroll.seconds, scroll.reached ? "" : " (NOT REACHED)", scroll.costs.size(), percentile(scroll.costs, 0.5),
                percentile(scroll.costs, 0.99), percentile(scroll.costs, 1.0));
    std::printf("  frames over 16.7 ms                : %7ld      (aim 0); gaps over 33 ms between frames: %ld; longest gap %.1f ms\n",
                long(over), long(dropped), percentile(scroll.gaps, 1.0));
    std::printf("resident memory after scrolling      : %7.1f MB\n", double(residentKiB()) / 1024.0);
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
        if (!child.waitForFinished(300000) || child.exitCode() != 0)
            return 1;
    }
    return 0;
}
