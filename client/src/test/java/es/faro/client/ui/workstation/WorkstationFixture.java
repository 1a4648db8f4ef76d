package es.faro.client.ui.workstation;

import es.faro.client.cache.SqliteCache;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.OutboxCommands;
import es.faro.client.sync.SyncEngine;
import es.faro.client.ui.TestData;
import es.faro.client.ui.common.TaskRunner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The real client parts over a temp SQLite file: the cache filled through applyBootstrap, the
 * outbox commands, and a sync engine that is never started (so it reports CONNECTING and never
 * talks to a network) as the connection monitor.
 */
final class WorkstationFixture implements AutoCloseable {
    final SqliteCache cache;
    final OutboxCommands commands;
    final SyncEngine sync;
    final WorkstationViewModel vm;

    WorkstationFixture(Path dir, Instant now, TaskRunner tasks) {
        cache = SqliteCache.open(dir.resolve("cache.db"));
        cache.applyBootstrap(TestData.bootstrap(now));
        commands = new OutboxCommands(cache, TestData.ANA);
        sync = new SyncEngine(new ApiClient(URI.create("http://127.0.0.1:9/"), ApiClient.defaultHttpClient()), cache);
        vm = new WorkstationViewModel(TestData.ANA, cache, commands, sync, tasks);
    }

    @Override
    public void close() {
        vm.close();
        sync.close();
        cache.close();
    }
}
