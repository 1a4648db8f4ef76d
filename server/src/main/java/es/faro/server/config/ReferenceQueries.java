package es.faro.server.config;

import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ChannelInfo;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaPolicy;
import es.faro.server.store.Agents;
import es.faro.server.store.ReferenceItems;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the whole {@link ReferenceData} from the store (inside the caller's transaction). */
public final class ReferenceQueries {
    private ReferenceQueries() {
    }

    public static ReferenceData referenceData(Connection c) throws SQLException {
        return new ReferenceData(
                // Accounts as admins manage them (channel_accounts), over the configured ones.
                es.faro.server.accounts.ChannelAccounts.overlay(c, ReferenceItems.list(c, ReferenceItems.BRAND,
                        Brand.class)),
                channels(),
                es.faro.server.queues.QueueTables.workqueues(c),
                Agents.all(c),
                ReferenceItems.list(c, ReferenceItems.LABEL, Label.class),
                es.faro.server.canned.CannedResponses.all(c),
                ReferenceItems.list(c, ReferenceItems.SLA_POLICY, SlaPolicy.class),
                ReferenceItems.list(c, ReferenceItems.CALENDAR, BusinessCalendar.class));
    }

    static List<ChannelInfo> channels() {
        List<ChannelInfo> result = new ArrayList<>();
        for (Channel c : Channel.values()) {
            result.add(ChannelInfo.of(c, displayName(c)));
        }
        return result;
    }

    private static String displayName(Channel c) {
        return switch (c) {
            case TWITTER -> "X";
            case FACEBOOK -> "Facebook";
            case INSTAGRAM -> "Instagram";
            case COMMUNITY -> "Community";
            case FORUM -> "Forums";
            case GOOGLE_PLAY -> "Google Play";
            case APP_STORE -> "App Store";
        };
    }
}
