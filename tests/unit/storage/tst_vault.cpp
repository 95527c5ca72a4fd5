// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
class T : public QObject { Q_OBJECT private Q_SLOTS: void todo() { QSKIP("written next"); } };
QTEST_GUILESS_MAIN(T)
#include "tst_vault.moc"
