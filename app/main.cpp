// SPDX-License-Identifier: GPL-3.0-or-later
// Sotto's entry point: parses the command line and wires the core together.
#include "app/HeadlessSession.h"
#include "ui/AppController.h"
#include "ui/MainWindow.h"
#include "ui/SystemAppearance.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <sodium.h>

#include <cstdio>
#include <cstring>
#include <cstdlib>

using namespace sotto;

namespace {

// The passphrase never comes from argv (visible in ps): a file, or the environment.
std::optional<crypto::SecretBytes> readPassphrase(const QString &file)
{
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return std::nullopt;
        QByteArray bytes = f.read(4096);
        while (bytes.endsWith('\n') || bytes.endsWith('\r'))
            bytes.chop(1);
        return crypto::SecretBytes::takeFrom(bytes);
    }
    if (char *env = std::getenv("SOTTO_PASSPHRASE")) {
        crypto::SecretBytes out(env, std::strlen(env));
        // Leave no copy in our environment (children, /proc/self/environ).
        sodium_memzero(env, std::strlen(env));
        ::unsetenv("SOTTO_PASSPHRASE");
        return out;
    }
    return std::nullopt;
}

// Headless mode, --help and --version need no window (nor a display).
bool needsNoWindow(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        for (const char *flag : {"--headless", "--help", "-h", "--help-all", "--version", "-v"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    // The window needs QApplication (the tray icon is a widget); headless needs no display.
    std::unique_ptr<QCoreApplication> application;
    bool dark = false; // asked of the desktop once (a D-Bus round trip)
    if (needsNoWindow(argc, argv)) {
        application = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
            && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            std::fprintf(stderr, "sotto: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset);\n"
                                 "       use --headless, or set QT_QPA_PLATFORM (e.g. offscreen)\n");
            return 2;
        }
        ui::prepareGuiApplication();
        application = std::make_unique<QApplication>(argc, argv);
        dark = ui::preferredColorScheme() == ui::ColorScheme::Dark;
        if (dark)
            QApplication::setPalette(ui::darkPalette()); // widgets: the tray's menu
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/sotto/icons/sotto.svg")));
        QApplication::setDesktopFileName(QStringLiteral("org.sotto.Sotto")); // resources/org.sotto.Sotto.desktop
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("Sotto"));
    QCoreApplication::setOrganizationName(QStringLiteral("Sotto"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOTTO_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("End-to-end encrypted messenger for the LAN, without a server."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption headless(QStringLiteral("headless"), QStringLiteral("Run without a window; JSON lines on stdin/stdout."));
    QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("Profile folder."), QStringLiteral("DIR"));
    QCommandLineOption passphraseFile(QStringLiteral("passphrase-file"),
                                      QStringLiteral("Read the passphrase from FILE (else $SOTTO_PASSPHRASE)."),
                                      QStringLiteral("FILE"));
    QCommandLineOption fastKdf(QStringLiteral("insecure-fast-kdf"),
                               QStringLiteral("Create the profile with cheap Argon2id limits (tests only)."));
    QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Accept links on HOST:PORT (default 0.0.0.0:0)."),
                              QStringLiteral("HOST:PORT"));
    QCommandLineOption noDiscovery(QStringLiteral("no-discovery"), QStringLiteral("Do not announce or look for peers on the LAN."));
    QCommandLineOption discovery(QStringLiteral("discovery"),
                                 QStringLiteral("Multicast group and port for discovery (default 239.255.77.77:47077)."),
                                 QStringLiteral("GROUP:PORT"));
    QCommandLineOption demoPeer(QStringLiteral("demo-peer"),
                                QStringLiteral("Also start a demo peer (a second Sotto on this computer) that answers."));
    QCommandLineOption linkIdle(QStringLiteral("link-idle-seconds"),
                                QStringLiteral("With discovery: close a link after N seconds without a message (default 600)."),
                                QStringLiteral("N"));
    parser.addOptions({headless, profile, passphraseFile, fastKdf, listen, noDiscovery, discovery, demoPeer, linkIdle});
    parser.process(app);

    const QString dir = parser.isSet(profile)
        ? parser.value(profile)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    messenger::NodeOptions options;
    auto splitHostPort = [](const QString &text, QHostAddress &host, quint16 &port) {
        const qsizetype colon = text.lastIndexOf(u':');
        bool ok = false;
        const uint p = text.mid(colon + 1).toUInt(&ok);
        host = QHostAddress(text.left(colon));
        port = quint16(p);
        return colon > 0 && ok && p <= 65535 && !host.isNull();
    };
    if (parser.isSet(listen) && !splitHostPort(parser.value(listen), options.listenAddress, options.listenPort)) {
        std::fprintf(stderr, "sotto: --listen wants HOST:PORT, e.g. 127.0.0.1:0\n");
        return 2;
    }
    if (parser.isSet(discovery) && !splitHostPort(parser.value(discovery), options.discoveryGroup, options.discoveryPort)) {
        std::fprintf(stderr, "sotto: --discovery wants GROUP:PORT, e.g. 239.255.77.77:47077\n");
        return 2;
    }
    options.discovery = !parser.isSet(noDiscovery);
    if (parser.isSet(linkIdle)) {
        bool ok = false;
        const int seconds = parser.value(linkIdle).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 86400) {
            std::fprintf(stderr, "sotto: --link-idle-seconds wants 1 to 86400\n");
            return 2;
        }
        options.linkIdleMs = qint64(seconds) * 1000;
    }

    if (!parser.isSet(headless)) {
        // Before the controller and the window exist: they word their texts as they start.
        ui::installTranslations();
        ui::AppOptions appOptions;
        appOptions.profileDir = dir;
        appOptions.node = options;
        appOptions.fastKdfForTests = parser.isSet(fastKdf);
        appOptions.dark = dark;
        if (parser.isSet(demoPeer)) {
            appOptions.demoProgram = QCoreApplication::applicationFilePath();
            appOptions.demoDir = QDir(dir).filePath(QStringLiteral("demo-peer"));
        }
        ui::AppController controller(appOptions);
        QQmlApplicationEngine engine;
        if (!ui::loadMainWindow(engine, controller)) {
            std::fprintf(stderr, "sotto: the window could not be loaded\n");
            return 1;
        }
        return app.exec();
    }

    std::optional<crypto::SecretBytes> passphrase = readPassphrase(parser.value(passphraseFile));
    if (!passphrase || passphrase->empty()) {
        std::fprintf(stderr, "sotto: no passphrase: set SOTTO_PASSPHRASE or use --passphrase-file FILE\n");
        return 2;
    }
    app::HeadlessSession session(dir, std::move(*passphrase), parser.isSet(fastKdf), options);
    session.start();
    return app.exec();
}
