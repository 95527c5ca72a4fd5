// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AttachmentImageProvider.h"

#include "ui/Thumbnailer.h"

#include "core/messenger/Queries.h"

#include <QThreadPool>

namespace sotto::ui {
namespace {

class ThumbnailResponse : public QQuickImageResponse {
public:
    QQuickTextureFactory *textureFactory() const override { return QQuickTextureFactory::textureFactoryForImage(m_image); }
    QString errorString() const override { return m_image.isNull() ? QStringLiteral("no thumbnail") : QString(); }
    // Called once, on a worker; the engine keeps the response until finished() came.
    void finish(QImage image)
    {
        m_image = std::move(image);
        Q_EMIT finished();
    }

private:
    QImage m_image;
};

} // namespace

AttachmentImageProvider::AttachmentImageProvider(messenger::CoreThread &core)
    : m_core(core)
{
}

QQuickImageResponse *AttachmentImageProvider::requestImageResponse(const QString &id, const QSize &requestedSize)
{
    auto *response = new ThumbnailResponse;
    const QByteArray fileId = QByteArray::fromHex(id.section(u'?', 0, 0).toLatin1());
    if (fileId.size() != 16) {
        response->finish({});
        return response;
    }
    // The core thread only looks the thumbnail up; decoding and scaling go to the pool, handed
    // over from there (a continuation attached from this thread could race the core thread's
    // finishing: see WhenReady.h).
    m_core.run([fileId, response, requestedSize](messenger::CoreState &state) {
        QByteArray bytes;
        if (state.node) {
            const std::optional<storage::AttachmentRecord> a = messenger::Queries(*state.node).attachment(fileId);
            bytes = a ? a->thumbnail : QByteArray();
        }
        QThreadPool::globalInstance()->start([response, requestedSize, bytes = std::move(bytes)] {
            QImage image = Thumbnailer::decode(bytes);
            if (!image.isNull() && requestedSize.isValid() && !requestedSize.isEmpty())
                image = image.scaled(requestedSize.boundedTo(image.size()), Qt::KeepAspectRatio, Qt::SmoothTransformation);
            response->finish(std::move(image));
        });
    });
    return response;
}

} // namespace sotto::ui
