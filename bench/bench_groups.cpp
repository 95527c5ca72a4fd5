// SPDX-License-Identifier: GPL-3.0-or-later
// Groups (issue 10), in two parts:
//  A. eight real `sotto --headless` nodes on loopback (real TLS, real SQLCipher), meshed as
//     accepted contacts; one creates a group of all eight. From that sender, in one run:
//     - throughput: N messages (--messages, default 2,000) posted as fast as the sender takes
//       them, timed until every other member printed message_received for all of them;
//       the same for N 1:1 messages from the same sender to one other node (until it printed
//       them all), so the two paths are compared under the same load;
//     - latency at rest: 100 messages one at a time, from writing `send` to the LAST
//       member's message_received (group) or the receiver's (1:1); median and p99.
//     "Group cost per recipient vs 1:1" = (group seconds per message / 7 recipients)
//     / (1:1 seconds per message). Aim: < 2.
//  B. in this process, real profiles (TestPeer: libsignal-protocol-c, SQLCipher): a group of
//     100 (--members; an admin and 99 members, each the admin's accepted contact with a
//     session; one member, the "witness", also has a session with every other member).
//     The admin removes one member: CPU (CLOCK_PROCESS_CPUTIME_ID) and wall time of
//     removeMembers, and the bytes it queued (outbox ciphertexts: the signed state for the 99
//     it tells, its fresh sender key for the 98 who stay). Then the witness receives that
//     update and makes and seals its own fresh sender key for the 98 others: the same
//     figures there. Aim: the rekey < 1 s of CPU.
// `--part a` or `--part b` runs one part only. The CPU figures of part A come from /proc in
// clock ticks (10 ms): meaningful for bursts of a thousand messages or more.
#include "core/messenger/Messenger.h"
#include "tests/support/HeadlessNode.h"
#include "tests/support/TestProfiles.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>

#include <unistd.h>
#include <vector>

using namespace sotto;
using namespace sotto::test;

namespace {

QString argText(int argc, char **argv, const char *name, const char *fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], name) == 0)
            return QString::fromLocal8Bit(argv[i + 1]);
    return QString::fromLatin1(fallback);
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::size_t(p * double(v.size() - 1))];
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(u' ', 0, 2) : QStringLiteral("?");
}

const char *verdict(bool met) { return met ? "met" : "NOT met"; }

// ---------------------------------------------------------------------------------------
// A. Eight headless nodes.

bool isEvent(const QJsonObject &e, const char *name) { return e.value(QStringLiteral("event")) == QLatin1String(name); }

// message_received events whose body starts with `prefix`, counted as they come; the
// node's events are dropped once counted (a rescan of every event per poll would make the
// harness the bottleneck).
struct Tally {
    HeadlessNode *node;
    QString prefix;
    int matched = 0;
    int operator()()
    {
        for (const QJsonObject &e : node->events())
            if (isEvent(e, "message_received")
                && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("body")).toString().startsWith(prefix))
                ++matched;
        node->forgetEvents();
        return matched;
    }
};

// Waits for output from any node (or the 2 ms tick set up in main) and reads it: every
// node's pipe is served by the event loop, so no node waits on another's timeout.
void pumpAll(const std::vector<HeadlessNode *> &nodes)
{
    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    for (HeadlessNode *n : nodes)
        if (n->events().size() > 10000)
            n->forgetEvents(); // states and replies nobody counts
}

bool linked(HeadlessNode &from, HeadlessNode &to)
{
    from.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), to.address()}});
    for (HeadlessNode *side : {&from, &to}) {
        const QString peer = (side == &from ? to : from).peer();
        if (side->waitFor([&](const QJsonObject &e) { return isEvent(e, "peer_online") && e.value(QStringLiteral("peer")) == peer; })
                .isEmpty())
            return false;
    }
    return to.call({{QStringLiteral("cmd"), QStringLiteral("accept_request")}, {QStringLiteral("peer"), from.peer()}})
               .value(QStringLiteral("event"))
        == QLatin1String("ok");
}

QJsonObject sendCommand(const QString &body, std::int64_t conversation, const QString &peer)
{
    QJsonObject c{{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("body"), body}};
    if (conversation)
        c.insert(QStringLiteral("conversation"), double(conversation));
    else
        c.insert(QStringLiteral("peer"), peer);
    return c;
}

// CPU seconds (user + system) a node's process has used so far, from /proc.
double cpuSeconds(const HeadlessNode &node)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(node.processId()));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // Fields after the command name "(...)": state is field 3; utime and stime are 14 and 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 13 ? double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK)) : 0;
}

// Where a burst's CPU went: the sender, and the receivers together.
struct BurstCpu {
    double sender = 0, receivers = 0;
};

// Posts `n` messages (body prefix + number) and returns the seconds until every receiver
// printed all of them.
double burst(HeadlessNode &sender, const std::vector<HeadlessNode *> &all, const std::vector<HeadlessNode *> &receivers,
             std::int64_t conversation, const QString &peer, const QString &prefix, int n, BurstCpu *cpu = nullptr)
{
    const auto receiversCpu = [&] {
        double sum = 0;
        for (HeadlessNode *r : receivers)
            sum += cpuSeconds(*r);
        return sum;
    };
    const double senderBefore = cpuSeconds(sender), receiversBefore = receiversCpu();
    std::vector<Tally> tallies;
    for (HeadlessNode *r : receivers) {
        r->forgetEvents();
        tallies.push_back({r, prefix});
    }
    sender.forgetEvents();
    const QString padding(90, u'x');
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i)
        sender.post(sendCommand(prefix + QString::number(i) + u' ' + padding, conversation, peer));
    for (;;) {
        bool done = true;
        for (Tally &tally : tallies)
            done = tally() >= n && done;
        if (done)
            break;
        pumpAll(all);
        if (t.elapsed() > 600000)
            qFatal("a burst did not finish in 10 minutes");
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    if (cpu)
        *cpu = {cpuSeconds(sender) - senderBefore, receiversCpu() - receiversBefore};
    return seconds;
}

// One message at a time, `rounds` times: ms from writing `send` to the last receiver's event.
std::vector<double> latencies(HeadlessNode &sender, const std::vector<HeadlessNode *> &all, const std::vector<HeadlessNode *> &receivers,
                              std::int64_t conversation, const QString &peer, const QString &prefix, int rounds)
{
    std::vector<double> out;
    for (int i = 0; i < rounds; ++i) {
        // Let receipts and acknowledgements of the previous one settle: "at rest".
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 20)
            pumpAll(all);
        for (HeadlessNode *n : all)
            n->forgetEvents();
        const QString body = prefix + QString::number(i);
        std::vector<Tally> tallies;
        for (HeadlessNode *r : receivers)
            tallies.push_back({r, body});
        QElapsedTimer t;
        t.start();
        sender.post(sendCommand(body, conversation, peer));
        sender.flushCommands();
        for (;;) {
            bool done = true;
            for (Tally &tally : tallies)
                done = tally() >= 1 && done;
            if (done)
                break;
            pumpAll(all);
            if (t.elapsed() > 30000)
                qFatal("a latency message did not arrive in 30 s");
        }
        out.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return out;
}

void partA(int messages)
{
    if (qEnvironmentVariableIsEmpty("SOTTO_BINARY"))
        qputenv("SOTTO_BINARY", QCoreApplication::applicationDirPath().toLocal8Bit() + "/../app/sotto");
    const char *names[] = {"Ann", "Bob", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal"};
    std::vector<std::unique_ptr<HeadlessNode>> owned;
    std::vector<HeadlessNode *> nodes;
    for (const char *name : names) {
        owned.push_back(std::make_unique<HeadlessNode>(QString::fromLatin1(name), QString(), noDiscovery()));
        nodes.push_back(owned.back().get());
    }
    QElapsedTimer setup;
    setup.start();
    for (HeadlessNode *n : nodes)
        if (!n->launch())
            qFatal("a node did not launch");
    for (HeadlessNode *n : nodes)
        if (!n->requestProfile())
            qFatal("a node did not ask for its profile");
    for (HeadlessNode *n : nodes)
        if (!n->finishStart())
            qFatal("a node did not start: %s", n->stderrText().constData());
    for (std::size_t i = 0; i < nodes.size(); ++i)
        for (std::size_t j = i + 1; j < nodes.size(); ++j)
            if (!linked(*nodes[i], *nodes[j]))
                qFatal("nodes %zu and %zu did not link", i, j);
    HeadlessNode &ann = *nodes[0], &bob = *nodes[1];
    const std::vector<HeadlessNode *> members(nodes.begin() + 1, nodes.end());
    QJsonArray peers;
    for (HeadlessNode *m : members)
        peers.append(m->peer());
    const std::int64_t group = qint64(cmd(ann,
                                          {{QStringLiteral("cmd"), QStringLiteral("create_group")},
                                           {QStringLiteral("name"), QStringLiteral("Bench")},
                                           {QStringLiteral("members"), peers}})
                                          .value(QStringLiteral("conversation"))
                                          .toDouble());
    if (group <= 0)
        qFatal("create_group failed");
    for (HeadlessNode *m : members)
        if (m->waitFor([](const QJsonObject &e) { return isEvent(e, "group_updated"); }, 30000).isEmpty())
            qFatal("a member did not get the group");
    // Warm-up on both paths: sessions, sender keys, the members' keys to each other.
    burst(ann, nodes, members, group, {}, QStringLiteral("gw "), 20);
    burst(ann, nodes, {&bob}, 0, bob.peer(), QStringLiteral("dw "), 20);
    std::printf("bench_groups A: 8 headless nodes meshed and grouped in %.1f s (load %s)\n", double(setup.elapsed()) / 1e3,
                qPrintable(loadAverage()));

    BurstCpu directCpu, groupCpu;
    const double direct = burst(ann, nodes, {&bob}, 0, bob.peer(), QStringLiteral("d "), messages, &directCpu);
    const QString loadDirect = loadAverage();
    const double grouped = burst(ann, nodes, members, group, {}, QStringLiteral("g "), messages, &groupCpu);
    const QString loadGroup = loadAverage();
    const std::vector<double> directLatency = latencies(ann, nodes, {&bob}, 0, bob.peer(), QStringLiteral("dl "), 100);
    const std::vector<double> groupLatency = latencies(ann, nodes, members, group, {}, QStringLiteral("gl "), 100);
    const QString loadLatency = loadAverage();
    for (HeadlessNode *n : nodes)
        n->quit();

    const int recipients = int(members.size());
    const double ratio = (grouped / messages / recipients) / (direct / messages);
    std::printf("1:1, %d messages to one node, until it printed them all: %.2f s: %.0f msg/s (load %s)\n", messages, direct,
                messages / direct, qPrintable(loadDirect));
    std::printf("group of 8, %d messages, until all %d other members printed them all: %.2f s: %.0f msg/s to all members, "
                "%.0f recipient-deliveries/s (load %s)\n",
                messages, recipients, grouped, messages / grouped, messages * recipients / grouped, qPrintable(loadGroup));
    std::printf("group cost per recipient vs 1:1 = (%.3f ms / %d) / %.3f ms = %.2f (aim < 2: %s)\n", grouped / messages * 1e3,
                recipients, direct / messages * 1e3, ratio, verdict(ratio < 2.0));
    std::printf("CPU per message: 1:1 sender %.3f ms, receiver %.3f ms; group sender %.3f ms, receivers %.3f ms (%.3f ms each)\n",
                directCpu.sender / messages * 1e3, directCpu.receivers / messages * 1e3, groupCpu.sender / messages * 1e3,
                groupCpu.receivers / messages * 1e3, groupCpu.receivers / messages / recipients * 1e3);
    const double cpuRatio = ((groupCpu.sender + groupCpu.receivers) / recipients) / (directCpu.sender + directCpu.receivers);
    std::printf("CPU per recipient vs 1:1 = ((sender + receivers) / %d) / (sender + receiver) = %.2f (the same aim, in CPU "
                "rather than time: the load of other builds counts less)\n",
                recipients, cpuRatio);
    std::printf("latency at rest, 1:1 (send -> receiver's event): median %.2f ms, p99 %.2f ms\n", percentile(directLatency, 0.5),
                percentile(directLatency, 0.99));
    std::printf("latency at rest, group (send -> last of %d members' event): median %.2f ms, p99 %.2f ms; "
                "median ratio to 1:1 %.2f (load %s)\n",
                recipients, percentile(groupLatency, 0.5), percentile(groupLatency, 0.99),
                percentile(groupLatency, 0.5) / percentile(directLatency, 0.5), qPrintable(loadLatency));
}

// ---------------------------------------------------------------------------------------
// B. A rekey in a group of 100, in one process.

struct Cost {
    double cpuMs = 0, wallMs = 0;
};

double cpuNow()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

template <typename F> Cost measure(F &&f)
{
    const double cpu = cpuNow();
    QElapsedTimer wall;
    wall.start();
    f();
    return {cpuNow() - cpu, double(wall.nsecsElapsed()) / 1e6};
}

// Outbox rows `p` created after `afterId` (the first `limit` of them): how many, and their
// ciphertext bytes.
std::pair<std::int64_t, std::int64_t> queuedSince(TestPeer &p, std::int64_t afterId, std::int64_t limit = -1)
{
    storage::Statement st = p.profile().database().prepare(
        "SELECT count(*), coalesce(sum(length(ciphertext)), 0) FROM (SELECT ciphertext FROM outbox WHERE id > ? ORDER BY id LIMIT ?)");
    st.bind(1, qint64(afterId)).bind(2, qint64(limit));
    return st.next() ? std::pair{st.int64(0), st.int64(1)} : std::pair<std::int64_t, std::int64_t>{0, 0};
}

std::int64_t lastOutboxId(TestPeer &p)
{
    storage::Statement st = p.profile().database().prepare("SELECT coalesce(max(id), 0) FROM outbox");
    return st.next() ? st.int64(0) : 0;
}

// Part B's profiles, with envelopes moved between them by hand (as tst_groupmessenger does).
class InProcess {
public:
    crypto::SignalContext ctx;
    std::vector<std::unique_ptr<TestPeer>> peers; // [0] the admin
    std::map<std::pair<TestPeer *, TestPeer *>, std::int64_t> deliveredUpTo;

    // Hands `to` what `from` has sealed for it, in order; stops at the first unsealed row.
    void deliver(TestPeer &from, TestPeer &to)
    {
        std::int64_t &upTo = deliveredUpTo[{&from, &to}];
        for (const storage::OutboxEntry &e : from.profile().outbox().pending(to.id(), upTo, 100000)) {
            if (e.ciphertext.isEmpty())
                break;
            auto got = to.messenger().receive(from.id(), {protocol::MessageKind(e.kind), e.ciphertext});
            if (!got && got.error().code != messenger::Errc::Duplicate)
                qFatal("receive failed: %s", qPrintable(got.error().reason));
            upTo = e.id;
        }
    }
};

void partB(int size)
{
    InProcess r;
    QElapsedTimer setup;
    setup.start();
    for (int i = 0; i < size; ++i)
        r.peers.push_back(std::make_unique<TestPeer>(r.ctx, QStringLiteral("m%1").arg(i)));
    const double profilesS = double(setup.elapsed()) / 1e3;
    TestPeer &admin = *r.peers[0], &witness = *r.peers[1], &removed = *r.peers.back();
    std::vector<protocol::PeerId> memberIds;
    for (int i = 1; i < size; ++i) {
        TestPeer &m = *r.peers[std::size_t(i)];
        introduce(admin, m);
        if (!admin.messenger().sendText(m.id(), QStringLiteral("hi")))
            qFatal("sendText");
        r.deliver(admin, m);
        if (!m.messenger().acceptRequest(admin.id()))
            qFatal("acceptRequest");
        r.deliver(m, admin);
        r.deliver(admin, m);
        memberIds.push_back(m.id());
    }
    // The witness can seal for every other member (its fresh key is measured below).
    for (int i = 2; i < size; ++i)
        introduce(witness, *r.peers[std::size_t(i)]);
    const double sessionsS = double(setup.elapsed()) / 1e3 - profilesS;

    std::int64_t conversation = 0;
    std::int64_t mark = lastOutboxId(admin);
    const Cost create = measure([&] {
        auto created = admin.messenger().createGroup(QStringLiteral("Hundred"), memberIds);
        if (!created)
            qFatal("createGroup: %s", qPrintable(created.error().reason));
        conversation = *created;
    });
    const auto [createRows, createBytes] = queuedSince(admin, mark);
    for (int i = 1; i < size; ++i) {
        r.deliver(admin, *r.peers[std::size_t(i)]);
        r.deliver(*r.peers[std::size_t(i)], admin); // their keys and acknowledgements back
        r.deliver(admin, *r.peers[std::size_t(i)]);
    }
    std::printf("bench_groups B: %d profiles in %.1f s, sessions and contacts in %.1f s (load %s)\n", size, profilesS, sessionsS,
                qPrintable(loadAverage()));
    std::printf("create a group of %d at the admin: CPU %.0f ms, wall %.0f ms, queued %lld rows, %lld bytes\n", size, create.cpuMs,
                create.wallMs, qlonglong(createRows), qlonglong(createBytes));

    // The removal at the admin.
    mark = lastOutboxId(admin);
    std::vector<protocol::PeerId> told;
    const Cost removal = measure([&] {
        auto done = admin.messenger().removeMembers(conversation, {removed.id()}, &told);
        if (!done)
            qFatal("removeMembers: %s", qPrintable(done.error().reason));
        if (done->epoch != 1)
            qFatal("the removal did not start a new epoch");
    });
    const auto [removalRows, removalBytes] = queuedSince(admin, mark);
    // The first rows are the signed state, one per member told; then the sender key.
    const std::int64_t updateBytes = queuedSince(admin, mark, std::int64_t(told.size())).second;
    const std::int64_t keyRows = removalRows - std::int64_t(told.size());

    // The witness takes the update (and the admin's fresh key) and sends its own fresh key.
    const std::int64_t witnessMark = lastOutboxId(witness);
    const Cost atWitness = measure([&] { r.deliver(admin, witness); });
    const auto [witnessRows, witnessBytes] = queuedSince(witness, witnessMark);
    const QByteArray groupId = admin.messenger().groupState(conversation)->groupId;
    auto state = witness.messenger().groupState(witness.profile().groups().conversationOf(groupId).value_or(0));
    if (!state || state->epoch != 1 || state->members.size() != std::size_t(size - 1))
        qFatal("the witness did not move to the new epoch");

    std::printf("removal of 1 of %d at the admin: CPU %.0f ms, wall %.0f ms (aim CPU < 1000 ms: %s, %.2f of the aim); queued %lld rows, "
                "%lld bytes: the state to %zu (%lld bytes, %lld each), its fresh sender key to %lld (%lld bytes, %lld each)\n",
                size, removal.cpuMs, removal.wallMs, verdict(removal.cpuMs < 1000), removal.cpuMs / 1000, qlonglong(removalRows),
                qlonglong(removalBytes), told.size(), qlonglong(updateBytes), qlonglong(updateBytes / qint64(told.size())),
                qlonglong(keyRows), qlonglong(removalBytes - updateBytes),
                qlonglong(keyRows ? (removalBytes - updateBytes) / keyRows : 0));
    std::printf("at a remaining member (takes the state and the admin's key, sends its own fresh key): CPU %.0f ms, wall %.0f ms "
                "(aim CPU < 1000 ms: %s); queued %lld rows, %lld bytes (load %s)\n",
                atWitness.cpuMs, atWitness.wallMs, verdict(atWitness.cpuMs < 1000), qlonglong(witnessRows), qlonglong(witnessBytes),
                qPrintable(loadAverage()));

    // A GroupUpdate carries up to 8 revisions: after six renames, a second removal sends
    // the longest state an update can carry at this size.
    for (int i = 0; i < 6; ++i)
        if (!admin.messenger().renameGroup(conversation, QStringLiteral("Hundred %1").arg(i)))
            qFatal("renameGroup");
    mark = lastOutboxId(admin);
    told.clear();
    const Cost second = measure([&] {
        if (!admin.messenger().removeMembers(conversation, {r.peers[std::size_t(size - 2)]->id()}, &told))
            qFatal("second removeMembers");
    });
    const auto [secondRows, secondBytes] = queuedSince(admin, mark);
    const std::int64_t secondUpdate = queuedSince(admin, mark, std::int64_t(told.size())).second;
    std::printf("a second removal at revision 8 (the update carries 8 revisions): CPU %.0f ms, wall %.0f ms (aim CPU < 1000 ms: %s); "
                "queued %lld rows, %lld bytes, of which the state %lld (%lld per member told)\n",
                second.cpuMs, second.wallMs, verdict(second.cpuMs < 1000), qlonglong(secondRows), qlonglong(secondBytes),
                qlonglong(secondUpdate), qlonglong(secondUpdate / qint64(told.size())));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    qputenv("QT_LOGGING_RULES", "sotto.*.info=false"); // the nodes'
    QLoggingCategory::setFilterRules(QStringLiteral("sotto.*.info=false")); // ours
    QTimer tick; // bounds pumpAll's wait
    tick.start(2);
    const QString part = argText(argc, argv, "--part", "ab");
    if (part.contains(u'a'))
        partA(argText(argc, argv, "--messages", "2000").toInt());
    if (part.contains(u'b'))
        partB(argText(argc, argv, "--members", "100").toInt());
    return 0;
}
