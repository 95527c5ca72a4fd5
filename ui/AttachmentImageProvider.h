// SPDX-License-Identifier: GPL-3.0-or-later
// Serves "image://attachment/<file id hex>": an attachment's thumbnail, read from the
// profile on the core thread and decoded on a worker within Thumbnailer's bounds (the bytes
// came from a peer). Never the full file: the viewer shows that from the private folder.
#pragma once

#include "core/messenger/CoreThread.h"

#include <QQuickAsyncImageProvider>

namespace sotto::ui {

class AttachmentImageProvider : public QQuickAsyncImageProvider {
public:
    explicit AttachmentImageProvider(messenger::CoreThread &core);
    QQuickImageResponse *requestImageResponse(const QString &id, const QSize &requestedSize) override;

private:
    messenger::CoreThread &m_core;
};

} // namespace sotto::ui
