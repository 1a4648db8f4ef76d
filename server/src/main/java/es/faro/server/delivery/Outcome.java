package es.faro.server.delivery;

import java.time.Duration;

/** What one delivery attempt gave. */
public sealed interface Outcome {
    /** The network took it: its id for the message (may be null when it returns none) and a link, if any. */
    record Sent(String networkId, String link) implements Outcome {
    }

    /** No API: ready for the agent to post by hand at {@code link}. */
    record Prepared(String link) implements Outcome {
    }

    /** Worth trying again (5xx, 429, timeouts); {@code retryAfter} when the network said when (else null). */
    record Transient(String reason, Duration retryAfter) implements Outcome {
    }

    /** The network refused it for good (4xx): the agent must act. */
    record Permanent(String reason) implements Outcome {
    }
}
