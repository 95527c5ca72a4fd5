// SPDX-License-Identifier: GPL-3.0-or-later
// The OpenSSL provider against published test vectors, through libsignal's own table.
#include "core/crypto/SignalContext.h"
#include "core/crypto/SignalHandles.h"

#include <QTest>

using namespace sotto::crypto;

class TestOpenSslProvider : public QObject {
    Q_OBJECT

    OpenSslProvider provider;
    signal_crypto_provider table = provider.table();

    QByteArray hmac(const QByteArray &key, const QByteArray &data)
    {
        void *ctx = nullptr;
        signal_buffer *out = nullptr;
        if (table.hmac_sha256_init_func(&ctx, reinterpret_cast<const uint8_t *>(key.constData()), size_t(key.size()), table.user_data) != 0)
            return {};
        table.hmac_sha256_update_func(ctx, reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()), table.user_data);
        table.hmac_sha256_final_func(ctx, &out, table.user_data);
        table.hmac_sha256_cleanup_func(ctx, table.user_data);
        return takeBuffer(out);
    }

    QByteArray cipher(bool encrypt, int kind, const QByteArray &key, const QByteArray &iv, const QByteArray &in, int *rc = nullptr)
    {
        signal_buffer *out = nullptr;
        auto fn = encrypt ? table.encrypt_func : table.decrypt_func;
        const int r = fn(&out, kind, reinterpret_cast<const uint8_t *>(key.constData()), size_t(key.size()),
                         reinterpret_cast<const uint8_t *>(iv.constData()), size_t(iv.size()),
                         reinterpret_cast<const uint8_t *>(in.constData()), size_t(in.size()), table.user_data);
        if (rc)
            *rc = r;
        return takeBuffer(out);
    }

private Q_SLOTS:
    void providerIsComplete()
    {
        QVERIFY(provider.isValid());
        SignalContext context;
        QVERIFY(context.isValid());
    }

    void hmacSha256Rfc4231Case2()
    {
        QCOMPARE(hmac("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    // Contexts are reused after cleanup: a reused one carries nothing of its last key or
    // message, also when several are open at once (RFC 4231 cases 1 and 2, interleaved).
    void hmacContextsReusedCarryNothingOver()
    {
        const QByteArray key1(20, '\x0b');
        const QByteArray case1("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        const QByteArray case2("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        for (int round = 0; round < 20; ++round) {
            void *a = nullptr, *b = nullptr;
            QCOMPARE(table.hmac_sha256_init_func(&a, reinterpret_cast<const uint8_t *>(key1.constData()), size_t(key1.size()), table.user_data), 0);
            QCOMPARE(table.hmac_sha256_init_func(&b, reinterpret_cast<const uint8_t *>("Jefe"), 4, table.user_data), 0);
            QVERIFY(a != b);
            table.hmac_sha256_update_func(b, reinterpret_cast<const uint8_t *>("what do ya want "), 16, table.user_data);
            table.hmac_sha256_update_func(a, reinterpret_cast<const uint8_t *>("Hi There"), 8, table.user_data);
            table.hmac_sha256_update_func(b, reinterpret_cast<const uint8_t *>("for nothing?"), 12, table.user_data);
            signal_buffer *outA = nullptr, *outB = nullptr;
            QCOMPARE(table.hmac_sha256_final_func(a, &outA, table.user_data), 0);
            QCOMPARE(table.hmac_sha256_final_func(b, &outB, table.user_data), 0);
            // Given back in either order, so each context meets the other's key next round.
            table.hmac_sha256_cleanup_func(round % 2 ? a : b, table.user_data);
            table.hmac_sha256_cleanup_func(round % 2 ? b : a, table.user_data);
            QCOMPARE(takeBuffer(outA).toHex(), case1);
            QCOMPARE(takeBuffer(outB).toHex(), case2);
        }
        QCOMPARE(hmac("Jefe", "what do ya want for nothing?").toHex(), case2);
    }

    void sha512FinalResetsForReuse()
    {
        void *ctx = nullptr;
        QCOMPARE(table.sha512_digest_init_func(&ctx, table.user_data), 0);
        QByteArray digests[2];
        for (QByteArray &d : digests) {
            table.sha512_digest_update_func(ctx, reinterpret_cast<const uint8_t *>("abc"), 3, table.user_data);
            signal_buffer *out = nullptr;
            QCOMPARE(table.sha512_digest_final_func(ctx, &out, table.user_data), 0);
            d = takeBuffer(out);
        }
        table.sha512_digest_cleanup_func(ctx, table.user_data);
        const QByteArray expected("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                                  "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
        QCOMPARE(digests[0].toHex(), expected);
        QCOMPARE(digests[1].toHex(), expected); // the second use starts from a clean state
    }

    void aes256CbcNistVectorAndPadding()
    {
        // NIST SP 800-38A F.2.5, first block; PKCS#7 adds one block of padding.
        const QByteArray key = QByteArray::fromHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
        const QByteArray iv = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");
        const QByteArray plain = QByteArray::fromHex("6bc1bee22e409f96e93d7e117393172a");
        const QByteArray ct = cipher(true, SG_CIPHER_AES_CBC_PKCS5, key, iv, plain);
        QCOMPARE(ct.size(), 32);
        QCOMPARE(ct.left(16).toHex(), QByteArray("f58c4c04d6e5f1ba779eabfb5f7bfbd6"));
        QCOMPARE(cipher(false, SG_CIPHER_AES_CBC_PKCS5, key, iv, ct), plain);
        // A corrupted last block fails the padding check.
        QByteArray bad = ct;
        bad[31] = char(bad[31] ^ 0x01);
        int rc = 0;
        cipher(false, SG_CIPHER_AES_CBC_PKCS5, key, iv, bad, &rc);
        QVERIFY(rc < 0);
    }

    void aesCtrRoundTripAndRefusals()
    {
        const QByteArray key(32, 'k'), iv(16, 'i'), plain("counter mode keeps the length");
        const QByteArray ct = cipher(true, SG_CIPHER_AES_CTR_NOPADDING, key, iv, plain);
        QCOMPARE(ct.size(), plain.size());
        QCOMPARE(cipher(false, SG_CIPHER_AES_CTR_NOPADDING, key, iv, ct), plain);
        int rc = 0;
        cipher(true, SG_CIPHER_AES_CTR_NOPADDING, QByteArray(20, 'k'), iv, plain, &rc);
        QCOMPARE(rc, SG_ERR_INVAL);
        cipher(true, 99, key, iv, plain, &rc);
        QCOMPARE(rc, SG_ERR_INVAL);
    }

    void randomIsRandom()
    {
        uint8_t a[32] = {}, b[32] = {};
        QCOMPARE(table.random_func(a, sizeof a, table.user_data), 0);
        QCOMPARE(table.random_func(b, sizeof b, table.user_data), 0);
        QVERIFY(memcmp(a, b, sizeof a) != 0);
    }

    void lockIsRecursive()
    {
        SignalContext context;
        std::recursive_mutex &m = context.mutex();
        m.lock();
        QVERIFY(m.try_lock()); // the same thread may lock again (libsignal's decrypt does)
        m.unlock();
        m.unlock();
    }
};

QTEST_GUILESS_MAIN(TestOpenSslProvider)
#include "tst_opensslprovider.moc"
