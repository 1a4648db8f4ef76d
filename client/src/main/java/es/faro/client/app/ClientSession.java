package es.faro.client.app;

import es.faro.client.cache.SqliteCache;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.OutboxCommands;
import es.faro.client.sync.SyncEngine;
import es.faro.protocol.model.Agent;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One signed-in agent against one server: the agent's cache file, the sync engine and the outbox
 * commands, wired together. Closing it stops syncing; the cache keeps everything for next time.
 */
public final class ClientSession implements AutoCloseable {
    private final ApiClient api;
    private final Agent me;
    private final SqliteCache cache;
    private final SyncEngine sync;
    private final OutboxCommands commands;
    private final java.util.Map<String, String> drafts;

    private ClientSession(ApiClient api, Agent me, SqliteCache cache, SyncEngine sync, OutboxCommands commands,
                          java.util.Map<String, String> drafts) {
        this.api = api;
        this.drafts = drafts;
        this.me = me;
        this.cache = cache;
        this.sync = sync;
        this.commands = commands;
    }

    /**
     * Opens the cache of this agent on this server and starts syncing (the API client must hold a
     * token). {@code serverKey} names the server in the cache file name: host and port for a remote
     * server, a fixed name for the embedded demo server whose port changes on every start.
     */
    public static ClientSession start(ApiClient api, Agent me, Path cacheFolder, String serverKey) {
        SqliteCache cache = SqliteCache.open(cacheFolder.resolve(cacheFileName(me, serverKey)));
        SyncEngine sync = new SyncEngine(api, cache);
        OutboxCommands commands = new OutboxCommands(cache, me);
        sync.attach(commands);
        sync.start();
        return new ClientSession(api, me, cache, sync, commands, cache.drafts());
    }

    /** One file per user and server, so two agents sharing a PC (or one agent on two servers) never mix data. */
    static String cacheFileName(Agent me, String serverKey) {
        String server = serverKey.replaceAll("[^A-Za-z0-9_.-]", "_");
        return me.username().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_") + "@" + server + ".db";
    }

    public static String serverKey(ApiClient api) {
        return api.base().host() + "_" + api.base().port();
    }

    /**
     * The signed-in API client: the sync engine's, and the one for calls that do not go through the
     * cache (metrics). Signing in again after the token expired gives it the new token.
     */
    public ApiClient api() {
        return api;
    }

    /** The composer drafts saved in the cache, as they were when the session opened. */
    public java.util.Map<String, String> savedDrafts() {
        return drafts;
    }

    public Agent me() {
        return me;
    }

    public SqliteCache cache() {
        return cache;
    }

    public SyncEngine sync() {
        return sync;
    }

    public OutboxCommands commands() {
        return commands;
    }

    @Override
    public void close() {
        sync.close();
        cache.close();
    }
}
