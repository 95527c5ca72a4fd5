// SPDX-License-Identifier: GPL-3.0-or-later
// Sotto's entry point: parses the command line and wires the core together.
#include "app/HeadlessSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <cstdio>
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
    if (const char *env = std::getenv("SOTTO_PASSPHRASE")) {
        QByteArray bytes(env);
        return crypto::SecretBytes::takeFrom(bytes);
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Sotto"));
    QCoreApplication::setOrganizationName(QStringLiteral("Sotto"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

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
    parser.addOptions({headless, profile, passphraseFile, fastKdf});
    parser.process(app);

    const QString dir = parser.isSet(profile)
        ? parser.value(profile)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    if (!parser.isSet(headless))
        std::fprintf(stderr, "sotto: the window is not built yet; running headless (JSON lines on stdin).\n");

    std::optional<crypto::SecretBytes> passphrase = readPassphrase(parser.value(passphraseFile));
    if (!passphrase || passphrase->empty()) {
        std::fprintf(stderr, "sotto: no passphrase: set SOTTO_PASSPHRASE or use --passphrase-file FILE\n");
        return 2;
    }
    app::HeadlessSession session(dir, std::move(*passphrase), parser.isSet(fastKdf));
    session.start();
    return app.exec();
}
