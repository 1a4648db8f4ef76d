package es.faro.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.server.support.StoreBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * State that several nodes share through the database (leases, login failures, round-robin
 * position, scheduled jobs), exercised through two stores on one database as two nodes would.
 */
class SharedStateTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aLeaseTakenOnOneNodeIsSeenOnTheOtherUntilItExpires(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create(); Store a = db.open(); Store b = db.openNode(a)) {
            a.write(c -> {
                Leases.hold(c, "c1", "u-ana", Leases.VIEWING, T0.plusSeconds(30));
                Leases.hold(c, "c1", "u-ana", Leases.TYPING, T0.plusSeconds(5));
                return null;
            }).get();
            List<Leases.Lease> both = b.read(c -> Leases.live(c, "c1", T0.plusSeconds(1)));
            assertThat(both).extracting(Leases.Lease::kind).containsExactly(Leases.TYPING, Leases.VIEWING);
            List<Leases.Lease> viewing = b.read(c -> Leases.live(c, "c1", T0.plusSeconds(6)));
            assertThat(viewing).extracting(Leases.Lease::kind).containsExactly(Leases.VIEWING);
            b.write(c -> {
                Leases.hold(c, "c1", "u-ana", Leases.VIEWING, T0.plusSeconds(60)); // renewal from another node
                Leases.release(c, "c1", "u-ana", Leases.TYPING);
                return Leases.purgeExpired(c, T0.plusSeconds(40));
            }).get();
            List<Leases.Lease> live = a.read(c -> Leases.live(c, "c1", T0.plusSeconds(45)));
            assertThat(live).containsExactly(new Leases.Lease("c1", "u-ana", Leases.VIEWING, T0.plusSeconds(60)));
            List<Leases.Lease> none = a.read(c -> Leases.live(c, "c1", T0.plusSeconds(60)));
            assertThat(none).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void loginFailuresCountAcrossNodesWithinTheWindow(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create(); Store a = db.open(); Store b = db.openNode(a)) {
            for (int i = 0; i < 4; i++) {
                Store node = i % 2 == 0 ? a : b;
                Instant at = T0.plusSeconds(60L * i);
                node.write(c -> {
                    LoginFailures.record(c, "user:ana", at);
                    return null;
                }).get();
            }
            LoginFailures.Window all = a.read(c -> LoginFailures.since(c, "user:ana", T0));
            assertThat(all.count()).isEqualTo(4);
            assertThat(all.oldest()).contains(T0);
            assertThat(b.read(c -> LoginFailures.since(c, "user:ana", T0.plusSeconds(61))).count()).isEqualTo(2);
            assertThat(b.read(c -> LoginFailures.since(c, "user:pablo", T0)).count()).isZero();
            b.write(c -> LoginFailures.purge(c, T0.plusSeconds(100))).get();
            assertThat(a.read(c -> LoginFailures.since(c, "user:ana", T0)).count()).isEqualTo(2);
            a.write(c -> {
                LoginFailures.clear(c, "user:ana");
                return null;
            }).get();
            assertThat(b.read(c -> LoginFailures.since(c, "user:ana", T0)).oldest()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void roundRobinRotatesFairlyAcrossNodes(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create(); Store a = db.open(); Store b = db.openNode(a)) {
            List<String> agents = List.of("u-ana", "u-pablo", "u-lucia");
            List<CompletableFuture<String>> picks = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Store node = i % 2 == 0 ? a : b;
                picks.add(node.write(c -> Counters.roundRobin(c, "round-robin:q-orange", agents)));
            }
            Map<String, Integer> counts = new HashMap<>();
            for (CompletableFuture<String> p : picks) {
                counts.merge(p.get(30, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertThat(counts).containsOnly(Map.entry("u-ana", 10), Map.entry("u-pablo", 10),
                    Map.entry("u-lucia", 10));
            assertThat(a.write(c -> Counters.next(c, "round-robin:q-orange")).get()).isEqualTo(31);
            assertThat(b.write(c -> Counters.next(c, "round-robin:q-other")).get()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void eachDueJobIsClaimedByOneNodeAndReclaimedWhenItsLeaseRunsOut(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create(); Store a = db.open(); Store b = db.openNode(a)) {
            a.write(c -> {
                for (int i = 0; i < 20; i++) {
                    ScheduledJobs.schedule(c, String.format("sla-warn:c%02d", i), "sla.warning",
                            T0.plusSeconds(i), "{\"conversation\":\"c" + i + "\"}");
                }
                ScheduledJobs.schedule(c, "later", "sla.warning", T0.plusSeconds(3600), "{}");
                return null;
            }).get();
            Instant now = T0.plusSeconds(30);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<List<ScheduledJobs.Job>>> claims = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Store node = i % 2 == 0 ? a : b;
                String name = "node-" + (i % 2 == 0 ? "a" : "b");
                claims.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return node.write(c -> ScheduledJobs.claim(c, name, now, now.plusSeconds(60), 4)).join();
                }));
            }
            go.countDown();
            List<String> claimed = new ArrayList<>();
            for (CompletableFuture<List<ScheduledJobs.Job>> f : claims) {
                f.get(30, TimeUnit.SECONDS).forEach(j -> claimed.add(j.id()));
            }
            assertThat(claimed).hasSize(20).doesNotHaveDuplicates().doesNotContain("later");

            // node-b completes its first job; node-a "dies" holding the rest.
            ScheduledJobs.Job first = a.write(c -> ScheduledJobs.claim(c, "node-c", now.plusSeconds(61),
                    now.plusSeconds(120), 1)).get().get(0);
            assertThat(first.id()).isEqualTo("sla-warn:c00");
            assertThat(first.payload()).isEqualTo("{\"conversation\":\"c0\"}");
            assertThat(b.write(c -> ScheduledJobs.complete(c, first.id(), "node-a", now)).get())
                    .as("a node whose claim was taken over cannot complete the job").isFalse();
            assertThat(b.write(c -> ScheduledJobs.complete(c, first.id(), "node-c", now.plusSeconds(62))).get())
                    .isTrue();
            List<ScheduledJobs.Job> rest = b.write(c -> ScheduledJobs.claim(c, "node-d", now.plusSeconds(200),
                    now.plusSeconds(260), 100)).get();
            assertThat(rest).extracting(ScheduledJobs.Job::id).hasSize(19).doesNotContain("sla-warn:c00", "later");
            List<ScheduledJobs.Job> again = a.write(c -> ScheduledJobs.claim(c, "node-e", now.plusSeconds(201),
                    now.plusSeconds(260), 100)).get();
            assertThat(again).as("live claims are not handed out twice").isEmpty();
        }
    }
}
