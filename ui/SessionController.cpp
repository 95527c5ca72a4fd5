// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SessionController.h"

#include "ui/PassphraseStrength.h"
#include "ui/PeerAddress.h"
#include "ui/UiLog.h"

#include <QHostInfo>

#include <algorithm>

namespace sotto::ui {
namespace {

// The passphrase as zeroing bytes; the UTF-8 copy made on the way is wiped.
crypto::SecretBytes secret(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    return crypto::SecretBytes::takeFrom(utf8);
}

} // namespace

SessionController::SessionController(messenger::CoreThread &core, QString profileDir, messenger::NodeOptions options,
                                     bool fastKdfForTests, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_profileDir(std::move(profileDir))
    , m_options(std::move(options))
    , m_fastKdf(fastKdfForTests)
    , m_state(storage::Profile::exists(m_profileDir) ? Locked : NoProfile)
{
}

QString SessionController::nameProblem(const QString &trimmed)
{
    if (trimmed.isEmpty())
        return tr("Choose a display name: it cannot be empty or only spaces.");
    if (trimmed.size() > MaxNameLength)
        return tr("A display name has at most %1 characters; this one has %2.").arg(MaxNameLength).arg(trimmed.size());
    return {};
}

void SessionController::create(const QString &name, const QString &passphrase, const QString &repeated)
{
    const QString trimmed = name.trimmed();
    if (const QString problem = nameProblem(trimmed); !problem.isEmpty())
        return setError(problem, QStringLiteral("name"));
    if (passphrase.size() < 8)
        return setError(tr("The passphrase needs at least 8 characters."), QStringLiteral("passphrase"));
    if (passphrase != repeated)
        return setError(tr("The two passphrases differ."), QStringLiteral("repeat"));
    open(trimmed, passphrase);
}

void SessionController::unlock(const QString &passphrase)
{
    if (passphrase.isEmpty())
        return setError(tr("Enter your passphrase."));
    open({}, passphrase);
}

void SessionController::open(const QString &name, const QString &passphrase)
{
    if (m_busy)
        return;
    setError({});
    setBusy(true);
    messenger::OpenRequest request{m_profileDir, name, secret(passphrase), m_fastKdf, m_options};
    m_core.open(std::move(request)).then(this, [this](const std::expected<messenger::OpenedProfile, storage::Error> &opened) {
        setBusy(false);
        if (!opened) {
            switch (opened.error().code) {
            case storage::Errc::WrongPassphrase:
                setError(tr("Wrong passphrase. Nothing was changed; try again."));
                break;
            case storage::Errc::NewerSchema:
                setError(tr("This profile was written by a newer Sotto. Update Sotto to open it."));
                break;
            case storage::Errc::InUse:
                setError(tr("This profile is open in another Sotto. Close that one first."));
                break;
            default:
                setError(tr("The profile could not be opened: %1").arg(opened.error().reason));
                break;
            }
            return;
        }
        m_displayName = opened->displayName;
        m_peerId = opened->peer.toString();
        m_port = opened->port;
        m_visibleToContactsOnly = opened->visibleToContactsOnly;
        Q_EMIT profileChanged();
        setState(Unlocked);
        Q_EMIT unlocked();
    });
}

void SessionController::lock()
{
    if (m_state != Unlocked)
        return;
    setState(Locked); // the window hides everything now; the key leaves memory next
    Q_EMIT locked();
    m_core.close();
}

void SessionController::changePassphrase(const QString &current, const QString &next, const QString &repeated)
{
    if (next.size() < 8)
        return setError(tr("The new passphrase needs at least 8 characters."));
    if (next != repeated)
        return setError(tr("The two new passphrases differ."));
    setError({});
    setBusy(true);
    auto oldSecret = std::make_shared<crypto::SecretBytes>(secret(current));
    auto newSecret = std::make_shared<crypto::SecretBytes>(secret(next));
    m_core.run([dir = m_profileDir, oldSecret, newSecret](messenger::CoreState &) {
                 auto r = storage::Profile::changePassphrase(dir, *oldSecret, *newSecret);
                 oldSecret->clear();
                 newSecret->clear();
                 return r;
             })
        .then(this, [this](const std::expected<void, storage::Error> &r) {
            setBusy(false);
            if (!r) {
                setError(r.error().code == storage::Errc::WrongPassphrase ? tr("The current passphrase is wrong.")
                                                                          : tr("The passphrase was not changed: %1").arg(r.error().reason));
                return;
            }
            Q_EMIT passphraseChanged();
        });
}

void SessionController::setDisplayName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (const QString problem = nameProblem(trimmed); !problem.isEmpty())
        return setError(problem);
    m_core.run([trimmed](messenger::CoreState &state) -> QString {
              if (!state.node)
                  return {};
              auto r = state.node->setDisplayName(trimmed);
              return r ? trimmed : QString();
          })
        .then(this, [this](const QString &name) {
            if (name.isEmpty())
                return setError(tr("The display name was not saved."));
            m_displayName = name;
            Q_EMIT profileChanged();
        });
}

void SessionController::setVisibleToContactsOnly(bool contactsOnly)
{
    if (contactsOnly == m_visibleToContactsOnly)
        return;
    m_core.run([contactsOnly](messenger::CoreState &state) -> std::optional<bool> {
              if (!state.node || !state.node->setVisibleToContactsOnly(contactsOnly))
                  return std::nullopt;
              return state.node->visibleToContactsOnly();
          })
        .then(this, [this](std::optional<bool> now) {
            if (!now)
                setError(tr("The visibility was not saved."));
            else
                m_visibleToContactsOnly = *now;
            Q_EMIT profileChanged(); // the choice shown follows what the node does
        });
}

int SessionController::strength(const QString &passphrase) const { return ratePassphrase(passphrase).score; }
QString SessionController::strengthHint(const QString &passphrase) const { return ratePassphrase(passphrase).hint; }

void SessionController::addPeer(const QString &address)
{
    auto typed = parseTypedAddress(address);
    if (!typed)
        return Q_EMIT addPeerFinished(typed.error());
    const quint16 port = typed->port;
    const auto dial = [this, port](const QHostAddress &host) {
        m_core.run([host, port](messenger::CoreState &state) {
            if (state.node)
                state.node->addPeerAddress(host, port);
        });
        Q_EMIT addPeerFinished({});
    };
    if (!typed->ip.isNull())
        return dial(typed->ip);
    const QString name = typed->host;
    QHostInfo::lookupHost(name, this, [this, name, dial](const QHostInfo &info) {
        // IPv4 first: "localhost" may list ::1 first while we listen on 127.0.0.1 only.
        QList<QHostAddress> found = info.addresses();
        std::stable_partition(found.begin(), found.end(),
                              [](const QHostAddress &a) { return a.protocol() == QAbstractSocket::IPv4Protocol; });
        if (info.error() != QHostInfo::NoError || found.isEmpty())
            return Q_EMIT addPeerFinished(tr("No computer named %1 was found on the network.").arg(name));
        dial(found.first());
    });
}

QStringList SessionController::localAddresses() const
{
    return m_port > 0 ? reachableAddresses(m_options.listenAddress, quint16(m_port)) : QStringList();
}

void SessionController::clearError() { setError({}); }

void SessionController::setBusy(bool busy)
{
    if (m_busy != busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

void SessionController::setError(const QString &text, const QString &field)
{
    if (m_errorText != text || m_errorField != field) {
        m_errorText = text;
        m_errorField = text.isEmpty() ? QString() : field;
        Q_EMIT errorTextChanged();
    }
}

void SessionController::setState(State state)
{
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged();
    }
}

} // namespace sotto::ui
