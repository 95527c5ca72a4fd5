// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/NetnsLan.h"

#include <QCoreApplication>
#include <QDebug>
#include <QProcess>
#include <QStandardPaths>

#include <unistd.h>

namespace sotto::test {
namespace {

bool ip(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("ip"), args);
    if (!p.waitForFinished(10000) || p.exitCode() != 0) {
        qWarning().noquote() << "ip" << args.join(u' ') << "failed:" << p.readAllStandardError();
        return false;
    }
    return true;
}

} // namespace

QString NetnsLan::whyNot()
{
    if (::geteuid() != 0)
        return QStringLiteral("needs root to create network namespaces (run the suite as root to include this test)");
    if (QStandardPaths::findExecutable(QStringLiteral("ip")).isEmpty())
        return QStringLiteral("iproute2 (ip) is not installed");
    return {};
}

bool NetnsLan::create(int nodes)
{
    const QString tag = QString::number(QCoreApplication::applicationPid());
    m_bridge = QStringLiteral("sotto-lanbr-") + tag;
    if (!ip({QStringLiteral("netns"), QStringLiteral("add"), m_bridge})
        || !ip({QStringLiteral("-n"), m_bridge, QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("br0"), QStringLiteral("type"),
                QStringLiteral("bridge"), QStringLiteral("mcast_snooping"), QStringLiteral("0")})
        || !ip({QStringLiteral("-n"), m_bridge, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("br0"), QStringLiteral("up")}))
        return false;
    for (int i = 0; i < nodes; ++i) {
        const QString ns = QStringLiteral("sotto-lan%1-").arg(i + 1) + tag;
        const QString port = QStringLiteral("vl%1").arg(i + 1);
        m_nodes << ns;
        const QString dev = QStringLiteral("eth0");
        if (!ip({QStringLiteral("netns"), QStringLiteral("add"), ns})
            || !ip({QStringLiteral("-n"), m_bridge, QStringLiteral("link"), QStringLiteral("add"), port, QStringLiteral("type"),
                    QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), dev, QStringLiteral("netns"), ns})
            || !ip({QStringLiteral("-n"), m_bridge, QStringLiteral("link"), QStringLiteral("set"), port, QStringLiteral("master"),
                    QStringLiteral("br0"), QStringLiteral("up")})
            || !ip({QStringLiteral("-n"), ns, QStringLiteral("addr"), QStringLiteral("add"), address(i) + QStringLiteral("/16"),
                    QStringLiteral("dev"), dev})
            || !ip({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"), dev, QStringLiteral("up")})
            || !ip({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")})
            || !ip({QStringLiteral("-n"), ns, QStringLiteral("route"), QStringLiteral("add"), QStringLiteral("239.0.0.0/8"),
                    QStringLiteral("dev"), dev}))
            return false;
    }
    return true;
}

QStringList NetnsLan::wrapper(int i) const
{
    return {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"), m_nodes.value(i)};
}

NetnsLan::~NetnsLan()
{
    for (const QString &ns : m_nodes)
        ip({QStringLiteral("netns"), QStringLiteral("del"), ns});
    if (!m_bridge.isEmpty())
        ip({QStringLiteral("netns"), QStringLiteral("del"), m_bridge});
}

} // namespace sotto::test
