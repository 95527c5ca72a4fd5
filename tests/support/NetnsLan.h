// SPDX-License-Identifier: GPL-3.0-or-later
// A LAN of network namespaces for integration tests: one bridge namespace and N node
// namespaces, each with eth0 = 10.77.<i/200>.<i%200+1>/16 on the bridge and a multicast
// route, so that
// headless nodes run through `wrapper(i)` see each other's beacons and nothing of
// the host's network. Needs root (skip the test otherwise: canCreate()); everything is
// deleted with the object.
#pragma once

#include <QString>
#include <QStringList>

namespace sotto::test {

class NetnsLan {
public:
    NetnsLan() = default;
    ~NetnsLan();
    NetnsLan(const NetnsLan &) = delete;
    NetnsLan &operator=(const NetnsLan &) = delete;

    // Empty when namespaces can be made here, else why not (for QSKIP).
    static QString whyNot();
    // Makes the bridge and `nodes` namespaces; false (with warnings) on failure.
    bool create(int nodes);
    // The command prefix that runs a program in node i's namespace (0-based).
    QStringList wrapper(int i) const;
    // Node i's address on the LAN.
    static QString address(int i) { return QStringLiteral("10.77.%1.%2").arg(i / 200).arg(i % 200 + 1); }
    int size() const { return int(m_nodes.size()); }

private:
    QString m_bridge;
    QStringList m_nodes;
};

} // namespace sotto::test
