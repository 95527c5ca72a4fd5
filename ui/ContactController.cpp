// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ContactController.h"

#include "core/messenger/Queries.h"

namespace sotto::ui {
namespace {

struct ContactPage {
    QString name;
    QString trust;
    QString grouped;
    QByteArray scannable;
    QString error;
};

} // namespace

ContactController::ContactController(messenger::CoreThread &core, QObject *parent)
    : QObject(parent)
    , m_core(core)
{
    // A merge removes the old contact: its page shows the one it went into.
    connect(&core, &messenger::CoreThread::contactMerged, this, [this](const protocol::PeerId &previous, const protocol::PeerId &into) {
        if (previous.toString() == m_peer)
            setPeer(into.toString());
    });
}

void ContactController::setPeer(const QString &peer)
{
    if (peer == m_peer)
        return;
    m_peer = peer;
    Q_EMIT peerChanged();
    reload();
}

void ContactController::reload()
{
    const protocol::PeerId id = protocol::PeerId::fromString(m_peer);
    const QString asked = m_peer;
    m_core.run([id](messenger::CoreState &state) {
              ContactPage page;
              if (!state.node || !id.isValid())
                  return page;
              messenger::Messenger &messenger = state.node->messenger();
              if (auto contact = messenger::Queries(*state.node).contact(id)) {
                  page.name = contact->displayName;
                  page.trust = protocol::trustStateName(contact->trust);
              }
              if (auto number = messenger.safetyNumber(id)) {
                  page.grouped = number->grouped();
                  page.scannable = number->scannable;
              } else {
                  page.error = number.error().reason;
              }
              return page;
          })
        .then(this, [this, asked](const ContactPage &page) {
            if (asked != m_peer)
                return;
            m_name = page.name;
            m_trust = page.trust;
            m_safetyNumber = page.grouped;
            m_qrSource = page.scannable.isEmpty()
                ? QString()
                : QStringLiteral("image://qr/") + QString::fromLatin1(page.scannable.toBase64(QByteArray::Base64UrlEncoding));
            m_errorText = page.error.isEmpty() ? QString() : tr("No safety number yet: %1").arg(page.error);
            Q_EMIT changed();
        });
}

void ContactController::setVerified(bool verified)
{
    const protocol::PeerId id = protocol::PeerId::fromString(m_peer);
    const QString peer = m_peer;
    m_core.run([id, verified](messenger::CoreState &state) -> QString {
              if (!state.node)
                  return {};
              auto r = state.node->messenger().setVerified(id, verified);
              return r ? QString() : r.error().reason;
          })
        .then(this, [this, peer](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT failed(tr("The verification was not saved: %1").arg(error));
            reload();
            Q_EMIT trustChanged(peer);
        });
}

void ContactController::decide(const QString &peer, std::function<std::expected<void, messenger::Error>(messenger::Node &)> change,
                               const QString &what, std::function<void()> done)
{
    m_core.run([change](messenger::CoreState &state) -> QString {
              if (!state.node)
                  return {};
              auto r = change(*state.node);
              return r ? QString() : r.error().reason;
          })
        .then(this, [this, peer, what, done](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT failed(what.arg(error));
            if (peer == m_peer)
                reload();
            done();
        });
}

void ContactController::setBlocked(const QString &peer, bool blocked)
{
    const protocol::PeerId id = protocol::PeerId::fromString(peer);
    decide(peer, [id, blocked](messenger::Node &node) { return node.setBlocked(id, blocked); },
           blocked ? tr("%1 was not blocked: %2").arg(peer.left(8)) : tr("%1 was not unblocked: %2").arg(peer.left(8)),
           [this, peer] { Q_EMIT trustChanged(peer); });
}

void ContactController::acceptRequest(const QString &peer)
{
    const protocol::PeerId id = protocol::PeerId::fromString(peer);
    decide(peer, [id](messenger::Node &node) { return node.acceptRequest(id); }, tr("The request was not accepted: %1"),
           [this, peer] { Q_EMIT trustChanged(peer); });
}

void ContactController::deleteRequest(const QString &peer)
{
    const protocol::PeerId id = protocol::PeerId::fromString(peer);
    decide(peer, [id](messenger::Node &node) { return node.deleteRequest(id); }, tr("The request was not deleted: %1"),
           [this, peer] { Q_EMIT requestDeleted(peer); });
}

} // namespace sotto::ui
