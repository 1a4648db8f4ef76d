package es.faro.server.channels.profile;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.server.channels.InboundMessage;
import es.faro.server.channels.IngestHook;
import es.faro.server.store.ScheduledJobs;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Messenger and Instagram DMs carry only the customer's page-scoped id, never a name, so the agent
 * would see "customer on Facebook" for the whole conversation. When such a message arrives from a
 * customer without a name, this hook schedules one profile lookup (a job, so one node makes the call
 * and a restart does not lose it); {@link ProfileFetcher} asks the network for the name.
 */
public final class ProfileLookup implements IngestHook {
    public static final String JOB_KIND = "profile_lookup";

    /** The job's payload: whom to look up, through which brand account. */
    record Request(String customerId, Channel channel, String channelUserId, String accountId) {
    }

    @Override
    public void stored(Connection c, Brand brand, InboundMessage in, Message message, Conversation conversation,
                       Instant now) throws SQLException {
        if (!looksUp(in.channel()) || in.customerName() != null || conversation.customerName() != null
                || in.customerUserId() == null) {
            return;
        }
        String jobId = "profile:" + conversation.customerId();
        if (ScheduledJobs.exists(c, jobId)) {
            return; // asked once already (answered, refused or still waiting): never a call per message
        }
        ScheduledJobs.schedule(c, jobId, JOB_KIND, now, Json.write(
                new Request(conversation.customerId(), in.channel(), in.customerUserId(), in.accountId())));
    }

    static boolean looksUp(Channel channel) {
        return channel == Channel.FACEBOOK || channel == Channel.INSTAGRAM;
    }
}
