// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/TransferIo.h"

namespace sotto::messenger {

TransferIo::TransferIo()
    : m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("sotto-transfer-io"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

TransferIo::~TransferIo()
{
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has stopped: its queued jobs go with it, none half-run
}

} // namespace sotto::messenger
