// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PrivateFolder.h"

#include "ui/UiLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace sotto::ui::PrivateFolder {
namespace {

// A directory of ours, 0700, not a symbolic link: made, or checked and tightened.
bool ensurePrivateDir(const QString &dir)
{
    const QByteArray p = QFile::encodeName(dir);
    if (::mkdir(p.constData(), 0700) != 0 && errno != EEXIST)
        return false;
    struct stat st {};
    if (::lstat(p.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid())
        return false;
    return (st.st_mode & 0777) == 0700 || ::chmod(p.constData(), 0700) == 0;
}

QString base()
{
    QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        runtime = QDir::tempPath();
    return QDir(runtime).filePath(QStringLiteral("sotto-%1").arg(::getuid()));
}

QString folderOf(const QString &name, qint64 pid) { return QDir(base()).filePath(QStringLiteral("%1-%2").arg(name).arg(pid)); }

// A folder we may empty: a real directory of ours, not a symbolic link someone planted
// (removeRecursively on a link to a directory empties the directory it points to), inside
// a base that is ours too (in a shared /tmp another user may have made it first).
bool oursToRemove(const QString &dir)
{
    struct stat st {};
    const QByteArray b = QFile::encodeName(base());
    if (::lstat(b.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid() || (st.st_mode & 0077) != 0)
        return false;
    const QByteArray p = QFile::encodeName(dir);
    return ::lstat(p.constData(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::getuid();
}

} // namespace

QString path(const QString &name)
{
    const QString dir = folderOf(name, QCoreApplication::applicationPid());
    if (!ensurePrivateDir(base()) || !ensurePrivateDir(dir)) {
        qCWarning(lcUi) << "no private folder for plaintext could be made; opening files is off";
        return {};
    }
    return dir;
}

void wipe(const QString &name)
{
    const QString path = folderOf(name, QCoreApplication::applicationPid());
    if (!oursToRemove(path))
        return;
    QDir dir(path);
    if (!dir.removeRecursively())
        qCWarning(lcUi) << "a private folder could not be wiped entirely";
}

void sweepStale(const QString &name)
{
    const QDir dir(base());
    const QString prefix = name + u'-';
    for (const QString &entry : dir.entryList({prefix + u'*'}, QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks)) {
        bool ok = false;
        const qint64 pid = entry.mid(prefix.size()).toLongLong(&ok);
        if (!ok || pid == QCoreApplication::applicationPid())
            continue;
        if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH && oursToRemove(dir.filePath(entry))) // its folder is left over
            QDir(dir.filePath(entry)).removeRecursively();
    }
}

QString safeName(QString name)
{
    name = name.section(u'/', -1).section(u'\\', -1);
    name.removeIf([](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Format; });
    while (name.startsWith(u'.') || name.startsWith(u' '))
        name.remove(0, 1);
    // Cut from the middle, keeping the suffix: the type a name shows must be the type of the
    // name written (a cut "…jar.pdf" must not become "…jar").
    if (name.toUtf8().size() > 200) {
        QString suffix = QFileInfo(name).suffix();
        if (suffix.size() > 16)
            suffix.clear();
        QString base = suffix.isEmpty() ? name : name.left(name.size() - suffix.size() - 1);
        while (!base.isEmpty() && (base + u'.' + suffix).toUtf8().size() > 200)
            base.chop(1);
        if (!base.isEmpty() && base.back().isHighSurrogate())
            base.chop(1);
        name = suffix.isEmpty() ? base : base + u'.' + suffix;
    }
    return name.trimmed().isEmpty() ? QStringLiteral("file") : name;
}

// Open hands a peer's file to whatever the desktop runs for its type, so only kinds that
// are shown, not run, are opened: pictures, sound, video, PDF, plain text, office
// documents and archives. Anything else (programs, scripts, .desktop files, disk images,
// HTML and SVG, which run scripts in a browser) is left to Save as…, where the user
// decides. An allowlist, not a blocklist: a kind nobody thought of is refused.
static bool showsRatherThanRuns(const QMimeType &type)
{
    if (!type.isValid())
        return false;
    for (const char *risky : {"application/x-executable", "application/x-sharedlib", "application/x-desktop",
                              "application/x-shellscript", "application/x-msdownload", "application/x-ms-dos-executable",
                              "application/x-java-archive", "application/x-java-jnlp-file", "application/javascript",
                              "text/javascript", "text/html", "application/xhtml+xml", "image/svg+xml",
                              "application/x-iso9660-image", "application/x-raw-disk-image", "application/x-cd-image"})
        if (type.inherits(QLatin1String(risky)))
            return false;
    const QString name = type.name();
    if (name.startsWith(QLatin1String("image/")) || name.startsWith(QLatin1String("audio/")) || name.startsWith(QLatin1String("video/")))
        return true;
    for (const char *prefix : {"application/vnd.oasis.opendocument.", "application/vnd.openxmlformats-officedocument."})
        if (name.startsWith(QLatin1String(prefix)))
            return true;
    for (const char *shown : {"application/pdf", "text/plain", "application/msword", "application/vnd.ms-excel",
                              "application/vnd.ms-powerpoint", "application/rtf", "application/epub+zip", "application/zip",
                              "application/x-tar", "application/gzip", "application/x-compressed-tar", "application/x-xz",
                              "application/x-bzip2", "application/x-7z-compressed"})
        if (type.inherits(QLatin1String(shown)))
            return true;
    return false;
}

// By the name the copy gets on disk (what the desktop sees), and once written by its bytes
// too (the desktop may go by content when the name says little).
bool mayOpenByName(const QString &diskName)
{
    return showsRatherThanRuns(QMimeDatabase().mimeTypeForFile(diskName, QMimeDatabase::MatchExtension));
}
bool mayOpenFile(const QString &path)
{
    const QMimeDatabase db;
    return mayOpenByName(QFileInfo(path).fileName()) && showsRatherThanRuns(db.mimeTypeForFile(path, QMimeDatabase::MatchContent));
}

} // namespace sotto::ui::PrivateFolder
