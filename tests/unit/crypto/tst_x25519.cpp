// SPDX-License-Identifier: GPL-3.0-or-later
// libsignal's X25519 bound to libsodium (core/crypto/X25519.cpp): the binding holds in test
// binaries and in the app, the bytes equal libsignal's own curve25519-donna, RFC 7748's
// vectors pass through libsignal's API, and points of small order are refused.
#include "core/crypto/SignalContext.h"
#include "core/crypto/X25519.h"

#include <dlfcn.h>

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

extern "C" int curve25519_donna(std::uint8_t *mypublic, const std::uint8_t *secret, const std::uint8_t *basepoint);

using namespace sotto::crypto;

namespace {

using Donna = int (*)(std::uint8_t *, const std::uint8_t *, const std::uint8_t *);

QByteArray scalarMult(Donna f, const QByteArray &k, const QByteArray &u, int *rc = nullptr)
{
    QByteArray out(32, '\x55');
    const int r = f(reinterpret_cast<std::uint8_t *>(out.data()), reinterpret_cast<const std::uint8_t *>(k.constData()),
                    reinterpret_cast<const std::uint8_t *>(u.constData()));
    if (rc)
        *rc = r;
    return out;
}

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(b.data()), n / 4);
    return b;
}

// libsignal's agreement of scalar k with point u (no type byte), or its error.
int agreement(signal_context *ctx, const QByteArray &k, const QByteArray &u, QByteArray *shared)
{
    const QByteArray encoded = QByteArray(1, '\x05') + u;
    ec_public_key *pub = nullptr;
    ec_private_key *priv = nullptr;
    if (curve_decode_point(&pub, reinterpret_cast<const std::uint8_t *>(encoded.constData()), size_t(encoded.size()), ctx) != 0
        || curve_decode_private_point(&priv, reinterpret_cast<const std::uint8_t *>(k.constData()), size_t(k.size()), ctx) != 0)
        return -9999;
    std::uint8_t *out = nullptr;
    const int r = curve_calculate_agreement(&out, pub, priv);
    if (r == 32)
        *shared = QByteArray(reinterpret_cast<const char *>(out), 32);
    free(out);
    SIGNAL_UNREF(pub);
    SIGNAL_UNREF(priv);
    return r;
}

} // namespace

class TestX25519 : public QObject {
    Q_OBJECT

    // libsignal's own function, the one the binding replaces.
    Donna original = reinterpret_cast<Donna>(dlsym(RTLD_NEXT, "curve25519_donna"));

private Q_SLOTS:
    void libsignalCallsReachLibsodium()
    {
        SignalContext ctx; // runs the known-answer test through libsignal
        QVERIFY(ctx.isValid());
        QVERIFY(x25519::onLibsodium());
        ec_key_pair *pair = nullptr;
        QCOMPARE(curve_generate_key_pair(ctx.get(), &pair), 0);
        SIGNAL_UNREF(pair);
    }

    void theAppExportsTheBinding()
    {
        // The app is linked apart from this test: its binding is checked in its symbol table.
        const QString nm = QStandardPaths::findExecutable(QStringLiteral("nm"));
        if (nm.isEmpty())
            QSKIP("nm (binutils) is not installed");
        QProcess p;
        p.start(nm, {QStringLiteral("-D"), QStringLiteral("--defined-only"), qEnvironmentVariable("SOTTO_BINARY")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains(" T curve25519_donna\n"));
    }

    void sameBytesAsLibsignalsOwnDonna()
    {
        QVERIFY(original);
        QVERIFY(original != &curve25519_donna);
        // Random points, the top bit of u set or not, and the u values at and
        // above p = 2^255 - 19 (not reduced by the sender).
        std::vector<QByteArray> points;
        for (int i = 0; i < 2000; ++i)
            points.push_back(randomBytes(32));
        for (int above = 0; above < 19; ++above) {
            QByteArray u(32, '\xff');
            u[0] = char(0xed + above); // p + above; 0xed + 18 = 0xff
            u[31] = '\x7f';
            points.push_back(u);
            u[31] = '\xff';
            points.push_back(u);
        }
        int refused = 0, clamped = 0;
        for (const QByteArray &u : points) {
            // Every other scalar clamped as libsignal makes its keys (those go to libsodium);
            // the others as they come (libsignal's donna does not clamp).
            QByteArray k = randomBytes(32);
            if (clamped++ % 2 == 0) {
                k[0] = char(k[0] & 248);
                k[31] = char((k[31] & 127) | 64);
            }
            int ours = 0, theirs = 0;
            const QByteArray a = scalarMult(curve25519_donna, k, u, &ours), b = scalarMult(original, k, u, &theirs);
            QCOMPARE(a.toHex(), b.toHex());
            QCOMPARE(theirs, 0);
            if (ours != 0) {
                QCOMPARE(a, QByteArray(32, '\0')); // only a small-order point is refused
                ++refused;
            }
        }
        QVERIFY(refused <= 4); // p and p+1 are 0 and 1 again; random points are not small
    }

    void rfc7748IteratedVector()
    {
        // RFC 7748, section 5.2: k = u = 9, then (k, u) <- (X25519(k, u), k). X25519 clamps
        // k; libsignal's function leaves that to whoever made the key, so it is done here.
        QByteArray k(32, '\0'), u(32, '\0');
        k[0] = u[0] = 9;
        for (int i = 1; i <= 1000; ++i) {
            QByteArray clamped = k;
            clamped[0] = char(clamped[0] & 248);
            clamped[31] = char((clamped[31] & 127) | 64);
            const QByteArray r = scalarMult(curve25519_donna, clamped, u);
            u = k;
            k = r;
            if (i == 1)
                QCOMPARE(k.toHex(), QByteArray("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"));
        }
        QCOMPARE(k.toHex(), QByteArray("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"));
    }

    void smallOrderPointsAreRefusedByTheAgreement()
    {
        SignalContext ctx;
        QVERIFY(ctx.isValid());
        QByteArray k = randomBytes(32); // clamped, as libsignal makes its keys
        k[0] = char(k[0] & 248);
        k[31] = char((k[31] & 127) | 64);
        QByteArray shared;
        // A proper point agrees.
        QCOMPARE(agreement(ctx.get(), k, QByteArray::fromHex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"), &shared), 32);
        // u = 0, u = 1 and a point of order 8: donna keys them with zeros; here libsignal fails.
        for (const QByteArray &u : {QByteArray(32, '\0'), QByteArray::fromHex("01") + QByteArray(31, '\0'),
                                    QByteArray::fromHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")}) {
            int theirs = -1;
            QCOMPARE(scalarMult(original, k, u, &theirs), QByteArray(32, '\0'));
            QCOMPARE(theirs, 0);
            QVERIFY(agreement(ctx.get(), k, u, &shared) < 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestX25519)
#include "tst_x25519.moc"
