// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments end to end (issue 9): a file (1 GiB by default) between two headless nodes on
// loopback — real processes, TLS 1.3, SQLCipher, sealed at rest on both sides, the hash
// checked at the end — beside the floors measured in the same run:
//  - raw TLS 1.3 on loopback (OpenSSL, one connection, 64 KiB writes);
//  - libsodium alone: sealing and opening 256 KiB chunks (ChunkSealer) on one core.
// While the file moves, Ann sends Bob a chat message every 100 ms: the median and p99 time
// from the send command to Bob's message_received event show whether chat waits behind the
// file. RSS of both processes is sampled from /proc.
#include "core/crypto/ChunkSealer.h"
#include "core/net/TlsIdentity.h"
#include "tests/support/HeadlessNode.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

using namespace sotto;
using namespace sotto::test;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::size_t(p * double(v.size() - 1))];
}

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

// MB/s (10^6 bytes) of `bytes` written through one TLS 1.3 connection on loopback.
double tlsFloor(qint64 bytes)
{
    std::optional<net::TlsIdentity> id = net::TlsIdentity::generate();
    if (!id)
        return 0;
    BIO *keyBio = BIO_new_mem_buf(id->privateKeyPem.data(), int(id->privateKeyPem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
    BIO_free(keyBio);
    const unsigned char *der = reinterpret_cast<const unsigned char *>(id->certificateDer.constData());
    X509 *cert = d2i_X509(nullptr, &der, id->certificateDer.size());
    SSL_CTX *serverCtx = SSL_CTX_new(TLS_server_method());
    SSL_CTX *clientCtx = SSL_CTX_new(TLS_client_method());
    for (SSL_CTX *c : {serverCtx, clientCtx}) {
        SSL_CTX_set_min_proto_version(c, TLS1_3_VERSION);
        SSL_CTX_set_max_proto_version(c, TLS1_3_VERSION);
    }
    SSL_CTX_use_certificate(serverCtx, cert);
    SSL_CTX_use_PrivateKey(serverCtx, key);

    const int server = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(server, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(server, reinterpret_cast<sockaddr *>(&addr), &len);
    ::listen(server, 1);
    std::thread reader([&] {
        const int c = ::accept(server, nullptr, nullptr);
        SSL *ssl = SSL_new(serverCtx);
        SSL_set_fd(ssl, c);
        if (SSL_accept(ssl) == 1) {
            std::vector<char> buf(1 << 16);
            qint64 got = 0;
            while (got < bytes) {
                const int n = SSL_read(ssl, buf.data(), int(buf.size()));
                if (n <= 0)
                    break;
                got += n;
            }
        }
        SSL_free(ssl);
        ::close(c);
    });
    const int client = ::socket(AF_INET, SOCK_STREAM, 0);
    ::connect(client, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    SSL *ssl = SSL_new(clientCtx);
    SSL_set_fd(ssl, client);
    double mbs = 0;
    if (SSL_connect(ssl) == 1) {
        std::vector<char> buf(1 << 16, 'x');
        QElapsedTimer t;
        t.start();
        for (qint64 sent = 0; sent < bytes;) {
            const int n = SSL_write(ssl, buf.data(), int(std::min<qint64>(qint64(buf.size()), bytes - sent)));
            if (n <= 0)
                break;
            sent += n;
        }
        SSL_shutdown(ssl);
        reader.join();
        mbs = double(bytes) / 1e6 / (double(t.nsecsElapsed()) / 1e9);
    } else {
        reader.join();
    }
    SSL_free(ssl);
    ::close(client);
    ::close(server);
    SSL_CTX_free(serverCtx);
    SSL_CTX_free(clientCtx);
    X509_free(cert);
    EVP_PKEY_free(key);
    return mbs;
}

// MB/s of sealing, then of opening, `bytes` in 256 KiB chunks on this thread.
std::pair<double, double> sodiumFloor(qint64 bytes)
{
    const crypto::SecretBytes key = crypto::SecretBytes::random(32);
    const crypto::ChunkSealer sealer(key, QByteArray(16, 'f'));
    const QByteArray plain(crypto::ChunkSealer::ChunkSize, 'p');
    const std::uint64_t chunks = std::uint64_t(bytes) / crypto::ChunkSealer::ChunkSize;
    QByteArray sealed;
    QElapsedTimer t;
    t.start();
    for (std::uint64_t i = 0; i < chunks; ++i)
        sealed = sealer.seal(i, false, plain);
    const double sealMbs = double(bytes) / 1e6 / (double(t.nsecsElapsed()) / 1e9);
    t.restart();
    std::uint64_t ok = 0;
    for (std::uint64_t i = 0; i < chunks; ++i)
        ok += sealer.open(chunks - 1, false, sealed).has_value();
    const double openMbs = double(bytes) / 1e6 / (double(t.nsecsElapsed()) / 1e9);
    return {sealMbs, ok == chunks ? openMbs : 0};
}

bool is(const QJsonObject &e, const char *event) { return e.value(QStringLiteral("event")) == QLatin1String(event); }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    qint64 size = qint64(1) << 30;
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--mib") == 0)
            size = QByteArray(argv[i + 1]).toLongLong() << 20;
    if (qEnvironmentVariableIsEmpty("SOTTO_BINARY"))
        qputenv("SOTTO_BINARY", QCoreApplication::applicationDirPath().toLocal8Bit() + "/../app/sotto");
    qputenv("QT_LOGGING_RULES", "sotto.*.info=false");

    QTemporaryDir tmp;
    const QString source = tmp.filePath(QStringLiteral("big.bin"));
    {
        QFile f(source);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write the test file");
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (qint64 at = 0; at < size; at += block.size()) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            f.write(block.constData(), std::min<qint64>(block.size(), size - at));
        }
        // On disk before the clock starts, as a user's file is: the kernel's writeback of
        // this fresh file would otherwise share the disk with the transfer being measured.
        if (!f.flush() || ::fdatasync(f.handle()) != 0)
            qFatal("cannot sync the test file");
    }

    const QStringList args = {QStringLiteral("--no-discovery"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    HeadlessNode ann(QStringLiteral("ann"), {}, args), bob(QStringLiteral("bob"), {}, args);
    if (!ann.start() || !bob.start())
        qFatal("nodes did not start");
    ann.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), bob.address()}});
    ann.waitFor([](const QJsonObject &e) { return is(e, "peer_online"); });
    bob.waitFor([](const QJsonObject &e) { return is(e, "peer_online"); });
    bob.call({{QStringLiteral("cmd"), QStringLiteral("accept_request")}, {QStringLiteral("peer"), ann.peer()}});
    const qint64 annRss0 = rssKb(ann.processId()), bobRss0 = rssKb(bob.processId());

    // Chat at rest, the same way, for comparison.
    const auto chat = [&](const QString &text, int timeoutMs) -> double {
        QElapsedTimer one;
        one.start();
        ann.post({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("body"), text}});
        ann.flushCommands();
        const QJsonObject got = bob.waitFor([&](const QJsonObject &e) {
            return is(e, "message_received") && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("body")) == text;
        }, timeoutMs);
        return got.isEmpty() ? -1 : double(one.nsecsElapsed()) / 1e6;
    };
    std::vector<double> restMs;
    for (int i = 0; i < 50; ++i) {
        if (const double ms = chat(QStringLiteral("chat at rest %1").arg(i), 5000); ms >= 0)
            restMs.push_back(ms);
        bob.waitFor([](const QJsonObject &) { return false; }, 20);
        ann.forgetEvents();
    }

    QElapsedTimer clock, wall; // wall: from send_file to done, the pointer's delivery included
    clock.start();
    wall.start();
    const QJsonObject sent = ann.call({{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()},
                                       {QStringLiteral("path"), source}}, 600000);
    const double sealS = double(clock.nsecsElapsed()) / 1e9;
    const QString id = sent.value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")).toString();
    if (id.isEmpty())
        qFatal("send_file failed");
    bob.waitFor([&](const QJsonObject &e) {
        return is(e, "message_received") && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")) == id;
    });
    clock.restart();
    bob.call({{QStringLiteral("cmd"), QStringLiteral("download")}, {QStringLiteral("attachment"), id}});

    std::vector<double> chatMs;
    qint64 annRssMax = annRss0, bobRssMax = bobRss0;
    bool done = false;
    int n = 0;
    while (!done && clock.elapsed() < 900000) {
        if (const double ms = chat(QStringLiteral("chat during the transfer %1").arg(n++), 5000); ms >= 0)
            chatMs.push_back(ms);
        annRssMax = std::max(annRssMax, rssKb(ann.processId()));
        bobRssMax = std::max(bobRssMax, rssKb(bob.processId()));
        done = !bob.waitFor([&](const QJsonObject &e) {
                       const QJsonObject a = e.value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject();
                       return is(e, "message_updated") && a.value(QStringLiteral("id")) == id && a.value(QStringLiteral("state")) != QLatin1String("downloading");
                   }, 100).isEmpty();
        ann.forgetEvents();
    }
    const double transferS = double(clock.nsecsElapsed()) / 1e9;
    const double wallS = double(wall.nsecsElapsed()) / 1e9;
    const QString copy = tmp.filePath(QStringLiteral("copy.bin"));
    const QJsonObject saved = bob.call({{QStringLiteral("cmd"), QStringLiteral("save_attachment")}, {QStringLiteral("attachment"), id},
                                        {QStringLiteral("path"), copy}}, 600000);
    const bool hashOk = saved.value(QStringLiteral("event")) == QLatin1String("ok");
    ann.quit();
    bob.quit();

    const double mb = double(size) / 1e6;
    std::printf("bench_transfer: %.0f MB file, done: %s, hash checked again on save: %s\n", mb, done ? "yes" : "NO", hashOk ? "yes" : "NO");
    // Since the thirteenth session, send_file answers once the file is hashed; the
    // sender's copy is sealed while the transfer runs (and the transfer waits for it).
    std::printf("  before the pointer goes (send_file: read, SHA-256): %.2f s, %.0f MB/s\n", sealS, mb / sealS);
    std::printf("  transfer (download -> done: sealing at the sender meanwhile, pull, open, write sealed, hash): %.2f s, %.0f MB/s\n",
                transferS, mb / transferS);
    std::printf("  end to end including hashing and sealing: %.0f MB/s (wall clock, the pointer's delivery and the download command included: %.0f MB/s)\n",
                mb / (sealS + transferS), mb / wallS);
    std::printf("  RSS growth: sender %.1f MB, receiver %.1f MB\n", double(annRssMax - annRss0) / 1024, double(bobRssMax - bobRss0) / 1024);
    std::printf("  chat during the transfer (%zu messages): median %.2f ms, p99 %.2f ms; at rest before it (%zu): median %.2f ms, p99 %.2f ms\n",
                chatMs.size(), percentile(chatMs, 0.5), percentile(chatMs, 0.99), restMs.size(), percentile(restMs, 0.5),
                percentile(restMs, 0.99));
    const double tls = tlsFloor(std::min<qint64>(size, qint64(1) << 30));
    const auto [sealMbs, openMbs] = sodiumFloor(std::min<qint64>(size, qint64(512) << 20));
    std::printf("  floors: TLS 1.3 loopback %.0f MB/s; XChaCha20-Poly1305 256 KiB chunks: seal %.0f MB/s, open %.0f MB/s (one core)\n", tls,
                sealMbs, openMbs);
    QFile load(QStringLiteral("/proc/loadavg"));
    if (load.open(QIODevice::ReadOnly))
        std::printf("  load average at the end: %s", load.readAll().constData());
    return done && hashOk ? 0 : 1;
}
