package es.faro.client.sync;

import java.time.Instant;

/**
 * What the status bar shows about the link to the server.
 *
 * @param status       where the sync engine stands
 * @param done         for SYNCING: items applied so far
 * @param total        for SYNCING: items expected (0 when unknown)
 * @param offlineSince for OFFLINE: when the link was lost
 * @param pendingWrites outbox entries not yet delivered
 * @param detail       a short technical reason for logs and tooltips (never a secret)
 */
public record ConnectionState(Status status, int done, int total, Instant offlineSince, int pendingWrites,
                              String detail) {
    public enum Status { CONNECTING, SYNCING, ONLINE, OFFLINE }

    public static ConnectionState connecting() {
        return new ConnectionState(Status.CONNECTING, 0, 0, null, 0, null);
    }
}
