// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PrivateFolder.h"

#include "ui/UiLog.h"

#include <QCoreApplication>
#include <QDir>
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
    QDir dir(folderOf(name, QCoreApplication::applicationPid()));
    if (dir.exists() && !dir.removeRecursively())
        qCWarning(lcUi) << "a private folder could not be wiped entirely";
}

void sweepStale(const QString &name)
{
    const QDir dir(base());
    const QString prefix = name + u'-';
    for (const QString &entry : dir.entryList({prefix + u'*'}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const qint64 pid = entry.mid(prefix.size()).toLongLong(&ok);
        if (!ok || pid == QCoreApplication::applicationPid())
            continue;
        if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH) // no such process: its folder is left over
            QDir(dir.filePath(entry)).removeRecursively();
    }
}

QString safeName(QString name)
{
    name = name.section(u'/', -1).section(u'\\', -1);
    name.removeIf([](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Format; });
    while (name.startsWith(u'.') || name.startsWith(u' '))
        name.remove(0, 1);
    while (name.toUtf8().size() > 200)
        name.chop(1);
    return name.trimmed().isEmpty() ? QStringLiteral("file") : name;
}

} // namespace sotto::ui::PrivateFolder
