// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AttachmentImageProvider.h"

#include "ui/Thumbnailer.h"

#include "core/messenger/Queries.h"

#include <QtConcurrent>

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
    m_core.run([fileId](messenger::CoreState &state) {
              if (!state.node)
                  return QByteArray();
              const std::optional<storage::AttachmentRecord> a = messenger::Queries(*state.node).attachment(fileId);
              return a ? a->thumbnail : QByteArray();
          })
        .then(QtFuture::Launch::Async, [response, requestedSize](const QByteArray &bytes) {
            QImage image = Thumbnailer::decode(bytes);
            if (!image.isNull() && requestedSize.isValid() && !requestedSize.isEmpty())
                image = image.scaled(requestedSize.boundedTo(image.size()), Qt::KeepAspectRatio, Qt::SmoothTransformation);
            response->finish(std::move(image));
        });
    return response;
}

} // namespace sotto::ui
