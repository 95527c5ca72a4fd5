// SPDX-License-Identifier: GPL-3.0-or-later
// Core throughput, side by side in one run:
//  1. bare libsignal-protocol-c: session_cipher encrypt + decrypt with in-memory stores
//     and our OpenSSL provider (algorithms fetched once);
//  2. the ratchet alone on the SQLCipher stores (SessionManager), one transaction per
//     message and then batched;
//  3. the full message path: Messenger::sendText (history row, ratchet step, outbox row)
//     and Messenger::receive (decrypt + history row + a sealed delivery receipt), one
//     transaction per message and then batched on both sides (group commit), with the
//     search index caught up in batches as a node does it; and batched with the receiver
//     taking each batch as a node takes a socket read (Messenger::receiveInbound: one
//     delivery receipt per batch, not per message);
//  4. the delivery cycle as a node runs it for a socket read: the receiver takes a batch
//     with Messenger::receiveInbound (one transaction, one receipt for the batch), the
//     sender takes that receipt together with the acknowledgements (outbox rows removed,
//     messages delivered), and the receiver drops its receipt's outbox row on the next read;

//  5. marking a conversation read with 1,000,000 unread messages (`--unread N`);
// and the time to unlock a profile (Argon2id "moderate" + opening SQLCipher).
// One-way stream of 100-byte messages, like the figure quoted in the issue.
#include "core/crypto/SignalHandles.h"
#include "core/protocol/InMemoryProtocolStore.h"
#include "core/messenger/Messenger.h"
#include "core/protocol/SessionManager.h"
#include "tests/support/TestProfiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <signal/protocol.h>
#include <signal/session_cipher.h>

#include <cstdio>
#include <utility>

using namespace sotto;

namespace {

int argInt(int argc, char **argv, const char *name, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], name) == 0)
            return QByteArray(argv[i + 1]).toInt();
    return fallback;
}

struct Party {
    explicit Party(crypto::SignalContext &ctx)
        : keys(ctx, store)
    {
        auto made = keys.createLocalIdentity(0);
        if (!made)
            qFatal("identity");
        me = *made;
    }
    protocol::InMemoryProtocolStore store;
    protocol::KeyMaintenance keys;
    protocol::PeerId me;
};

// Pairs per second through bare libsignal: encrypt on one side, decrypt on the other.
double bareLibsignal(crypto::SignalContext &ctx, int count)
{
    Party alice(ctx), bob(ctx);
    protocol::StoreBinding aliceBinding(ctx.get(), alice.store), bobBinding(ctx.get(), bob.store);
    {
        protocol::SessionManager starter(ctx, alice.store);
        auto bundle = protocol::buildOwnBundle(ctx, bob.store);
        if (!starter.startSession(*bundle))
            qFatal("x3dh");
    }
    protocol::SignalAddress toBob(bob.me), fromAlice(alice.me);
    session_cipher *enc = nullptr, *dec = nullptr;
    session_cipher_create(&enc, aliceBinding.get(), toBob.get(), ctx.get());
    session_cipher_create(&dec, bobBinding.get(), fromAlice.get(), ctx.get());
    const QByteArray plain(100, 'p');

    auto roundTrip = [&]() {
        crypto::Adopt<ciphertext_message> msg;
        if (session_cipher_encrypt(enc, reinterpret_cast<const uint8_t *>(plain.constData()), size_t(plain.size()), msg.out()) != 0)
            qFatal("encrypt");
        auto owned = msg.take();
        signal_buffer *serialized = ciphertext_message_get_serialized(owned.get());
        signal_buffer *out = nullptr;
        int rc;
        if (ciphertext_message_get_type(owned.get()) == CIPHERTEXT_PREKEY_TYPE) {
            crypto::Adopt<pre_key_signal_message> m;
            pre_key_signal_message_deserialize(m.out(), signal_buffer_data(serialized), signal_buffer_len(serialized), ctx.get());
            auto mo = m.take();
            rc = session_cipher_decrypt_pre_key_signal_message(dec, mo.get(), nullptr, &out);
        } else {
            crypto::Adopt<signal_message> m;
            signal_message_deserialize(m.out(), signal_buffer_data(serialized), signal_buffer_len(serialized), ctx.get());
            auto mo = m.take();
            rc = session_cipher_decrypt_signal_message(dec, mo.get(), nullptr, &out);
        }
        if (rc != 0)
            qFatal("decrypt %d", rc);
        signal_buffer_bzero_free(out);
    };
    roundTrip(); // the PreKey message, outside the timing
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < count; ++i)
        roundTrip();
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    session_cipher_free(enc);
    session_cipher_free(dec);
    return count / seconds;
}

// One sendText that must succeed (the benchmark measures the path, not its errors).
messenger::Envelope mustSend(test::TestPeer &from, test::TestPeer &to, const QString &body)
{
    auto e = from.messenger().sendText(to.id(), body);
    if (!e)
        qFatal("send: %s", qPrintable(e.error().reason));
    return std::move(*e);
}

// The session's warm-up, outside the timing: the PreKey exchange and one reply.
void warmUp(test::TestPeer &alice, test::TestPeer &bob, const QString &body)
{
    if (!bob.messenger().receive(alice.id(), mustSend(alice, bob, body).message)
        || !alice.messenger().receive(bob.id(), mustSend(bob, alice, body).message))
        qFatal("bench_core: warm-up failed");
}

// Runs `work` in one transaction on `peer`'s profile (group commit), which must commit.
template<typename Work>
void committed(test::TestPeer &peer, Work &&work)
{
    protocol::StoreTransaction tx(peer.profile().protocolStore());
    work();
    if (!tx.commit())
        qFatal("commit");
}

// The search index catches up in batches (schema 11) as a node does it: once 2,048 texts
// wait (Node::SearchCatchUpRows), and what is left before the clock stops, so the index's
// whole cost is in the figure.
void catchUpSearch(test::TestPeer &alice, test::TestPeer &bob, int &waiting, int added, bool last)
{
    waiting += added;
    if (waiting < 2048 && !last)
        return;
    if (!alice.profile().messages().indexPending() || !bob.profile().messages().indexPending())
        qFatal("bench_core: indexing failed");
    waiting = 0;
}

// Encrypt + decrypt on the real SQLCipher stores. `full` adds what a real message costs
// besides the ratchet: history row, FTS index, conversation counters and the outbox
// (Messenger::sendText / receive). `batch` messages share one transaction on each side
// (group commit: the network reader takes all frames at hand, acks after the commit).
// `asRead`: the receiver takes each batch as a node takes a socket read
// (Messenger::receiveInbound: one transaction, one delivery receipt for the batch) instead
// of Messenger::receive per message (a receipt, and its ratchet step, per message).
double persisted(crypto::SignalContext &ctx, int count, int batch, bool full, bool asRead = false)
{
    test::TestPeer alice(ctx, QStringLiteral("alice")), bob(ctx, QStringLiteral("bob"));
    test::introduce(alice, bob);
    const QString body(100, u'p');
    const QByteArray plain(100, 'p');
    warmUp(alice, bob, body);

    protocol::SessionManager &aliceSessions = alice.messenger().sessions();
    protocol::SessionManager &bobSessions = bob.messenger().sessions();
    auto discard = [](const QByteArray &) -> std::expected<void, protocol::Error> { return {}; };
    std::vector<protocol::CipherMessage> pending;
    pending.reserve(std::size_t(batch));
    int unindexed = 0;
    QElapsedTimer t;
    t.start();
    for (int done = 0; done < count;) {
        const int n = std::min(batch, count - done);
        committed(alice, [&] {
            for (int i = 0; i < n; ++i) {
                if (full) {
                    pending.push_back(mustSend(alice, bob, body).message);
                } else {
                    auto m = aliceSessions.encrypt(bob.id(), plain);
                    if (!m)
                        qFatal("encrypt: %s", qPrintable(m.error().reason));
                    pending.push_back(std::move(*m));
                }
            }
        });
        if (asRead) {
            const auto received = bob.messenger().receiveInbound(alice.id(), messenger::Inbound{{}, {}, std::move(pending)});
            if (received.received.size() != std::size_t(n))
                qFatal("receive");
            for (const auto &r : received.received)
                if (!r || !r->message)
                    qFatal("receive");
        } else {
            committed(bob, [&] {
                for (const auto &m : pending) {
                    const bool ok = full ? bool(bob.messenger().receive(alice.id(), m)) : bool(bobSessions.decrypt(alice.id(), m, discard));
                    if (!ok)
                        qFatal("receive");
                }
            });
        }
        pending.clear();
        done += n;
        if (full)
            catchUpSearch(alice, bob, unindexed, n, done == count);
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    return count / seconds;
}

// The exactly-once cycle of docs/PROTOCOL.md, without the sockets: every message ends
// delivered on Alice's side, and every outbox is empty at the end.
double deliveryCycle(crypto::SignalContext &ctx, int count, int batch)
{
    test::TestPeer alice(ctx, QStringLiteral("alice")), bob(ctx, QStringLiteral("bob"));
    test::introduce(alice, bob);
    messenger::Messenger &a = alice.messenger();
    messenger::Messenger &b = bob.messenger();
    const QString body(100, u'p');
    warmUp(alice, bob, body);
    // Warm-up leftovers out of the outboxes, outside the timing.
    for (auto *side : {&alice, &bob}) {
        const protocol::PeerId other = side == &alice ? bob.id() : alice.id();
        std::vector<std::int64_t> ids;
        for (const auto &e : side->profile().outbox().pending(other, 0, 1000))
            ids.push_back(e.id);
        if (!side->messenger().acknowledge(other, ids, {}))
            qFatal("bench_core: acknowledge failed");
    }

    std::vector<protocol::CipherMessage> pending;
    std::vector<std::int64_t> aliceOutbox, bobOutbox;
    std::int64_t bobSentUpTo = 0;
    int unindexed = 0;
    QElapsedTimer t;
    t.start();
    for (int done = 0; done < count;) {
        const int n = std::min(batch, count - done);
        committed(alice, [&] {
            for (int i = 0; i < n; ++i) {
                messenger::Envelope e = mustSend(alice, bob, body);
                pending.push_back(e.message);
                aliceOutbox.push_back(e.outboxId);
            }
        });
        // Bob: last read's receipt acknowledged, this read's messages received.
        auto received = b.receiveInbound(alice.id(), messenger::Inbound{std::exchange(bobOutbox, {}), {}, std::move(pending)});
        pending.clear();
        if (!received.acknowledged || received.received.size() != std::size_t(n))
            qFatal("receive");
        for (const auto &r : received.received)
            if (!r || !r->message)
                qFatal("receive");
        // Alice: Bob's acknowledgements and his delivery receipt in one read.
        std::vector<protocol::CipherMessage> receipts;
        for (const auto &e : bob.profile().outbox().pending(alice.id(), bobSentUpTo, 16)) {
            receipts.push_back({protocol::MessageKind(e.kind), e.ciphertext});
            bobOutbox.push_back(e.id);
            bobSentUpTo = e.id;
        }
        auto acked = a.receiveInbound(bob.id(), messenger::Inbound{std::exchange(aliceOutbox, {}), {}, std::move(receipts)});
        if (!acked.acknowledged || acked.acknowledged->size() != std::size_t(n))
            qFatal("acknowledge");
        done += n;
        catchUpSearch(alice, bob, unindexed, n, done == count);
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    if (!b.acknowledge(alice.id(), bobOutbox, {}))
        qFatal("bench_core: acknowledge failed");
    if (alice.profile().outbox().count(bob.id()) != 0 || bob.profile().outbox().count(alice.id()) != 0)
        qFatal("an outbox is not empty after the cycle");
    return count / seconds;
}

double unlockSeconds(crypto::SignalContext &ctx, double *kdfSeconds)
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("p"));
    {
        auto created = storage::Profile::create(dir, QStringLiteral("bench"), test::passphrase("a passphrase"), ctx);
        if (!created)
            qFatal("create");
    }
    QElapsedTimer kdf;
    kdf.start();
    if (!storage::Vault::unlock(storage::Profile::keyFilePath(dir), test::passphrase("a passphrase")))
        qFatal("vault");
    *kdfSeconds = double(kdf.nsecsElapsed()) / 1e9;
    QElapsedTimer t;
    t.start();
    auto opened = storage::Profile::unlock(dir, test::passphrase("a passphrase"));
    if (!opened)
        qFatal("unlock");
    return double(t.nsecsElapsed()) / 1e9;
}

// Opening a conversation marks it read: with `unread` received messages waiting, on the
// SQLCipher store (the core thread does this while the window waits).
double markReadMs(crypto::SignalContext &ctx, int unread)
{
    test::TestPeer reader(ctx, QStringLiteral("reader"));
    storage::MessageStore &store = reader.profile().messages();
    const protocol::PeerId other = test::randomPeerId();
    const std::int64_t conversation = *store.conversationFor(other);
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(unread) * 1000;
    for (int i = 0; i < unread;) {
        reader.profile().database().begin();
        for (int end = std::min(unread, i + 5000); i < end; ++i) {
            storage::MessageRecord m;
            m.uuid = QByteArray(12, 'u') + QByteArray(reinterpret_cast<const char *>(&i), 4);
            m.conversationId = conversation;
            m.sender = other;
            m.body = QStringLiteral("unread message %1").arg(i);
            m.sentAt = start + i * 1000LL;
            m.receivedAt = m.sentAt + 5;
            m.state = storage::MessageState::Received;
            if (!store.insert(m))
                qFatal("insert");
        }
        reader.profile().database().commit();
    }
    if (store.conversation(conversation)->unreadCount != unread)
        qFatal("unread count");
    QElapsedTimer t;
    t.start();
    auto read = reader.messenger().markRead(conversation);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (!read || store.conversation(conversation)->unreadCount != 0 || store.page(conversation, std::nullopt, 1).front().state != storage::MessageState::Read)
        qFatal("mark read failed");
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("sotto.*.info=false"));
    const int count = argInt(argc, argv, "--messages", 20000);
    const int batch = argInt(argc, argv, "--batch", 64);
    crypto::SignalContext ctx;

    std::printf("bench_core: %d one-way 100-byte messages per run, batches of %d\n", count, batch);
    const double bare = bareLibsignal(ctx, count);
    std::printf("bare libsignal, in-memory stores                : %7.0f encrypt+decrypt pairs/s\n", bare);
    struct Row {
        const char *label;
        int batch;
        bool full;
        bool asRead = false;
    };
    const Row rows[] = {
        {"ratchet on SQLCipher, 1 message per txn       ", 1, false},
        {"ratchet on SQLCipher, batched txn             ", batch, false},
        {"full message path, 1 message per txn          ", 1, true},
        {"full message path, batched txn                ", batch, true},
        {"full message path, batched as a node reads    ", batch, true, true},
    };
    double bestRatchet = 0, bestFull = 0;
    for (const Row &row : rows) {
        const double rate = persisted(ctx, count, row.batch, row.full, row.asRead);
        std::printf("%s: %7.0f pairs/s  ratio to bare %.2f\n", row.label, rate, rate / bare);
        (row.full ? bestFull : bestRatchet) = std::max(row.full ? bestFull : bestRatchet, rate);
    }
    const double cycle = deliveryCycle(ctx, count, batch);
    std::printf("delivery cycle, batched as a socket read     : %7.0f pairs/s  ratio to bare %.2f\n", cycle, cycle / bare);
    const int unread = argInt(argc, argv, "--unread", 1000000);
    const double readMs = markReadMs(ctx, unread);
    std::printf("mark a conversation read, %d unread       : %7.2f ms  (aim < 20 ms at 1M; 2,850 ms before the watermark)\n", unread, readMs);
    double kdf = 0;
    const double unlock = unlockSeconds(ctx, &kdf);
    std::printf("unlock profile: %.3f s total (Argon2id moderate alone %.3f s)\n", unlock, kdf);
    const auto verdict = [bare](double rate) { return rate / bare >= 0.5 ? "met" : "NOT met"; };
    std::printf("aim (persisted ratchet >= 0.5 x bare): %s (best ratio %.2f)\n", verdict(bestRatchet), bestRatchet / bare);
    std::printf("aim (whole message path >= 0.5 x bare): %s (best ratio %.2f, delivery cycle %.2f)\n", verdict(bestFull),
                bestFull / bare, cycle / bare);
    return 0;
}
