package es.faro.server.delivery;

import es.faro.protocol.model.Channel;

/**
 * External forums have no API to post through: the reply is PREPARED for the agent to post by hand,
 * with a link to the thread (the customer's post when its id is a URL, as Atom entry ids usually are,
 * else the forum feed of the brand account), and becomes SENT when the agent marks it posted.
 */
final class ForumConnector implements Connector {
    @Override
    public Channel channel() {
        return Channel.FORUM;
    }

    @Override
    public boolean needsEndpoint() {
        return false;
    }

    @Override
    public Outcome send(Outbound out, Endpoint endpoint) {
        String link = isLink(out.replyToId()) ? out.replyToId()
                : isLink(out.account().id()) ? out.account().id() : null;
        return new Outcome.Prepared(link);
    }

    private static boolean isLink(String s) {
        return s != null && (s.startsWith("https://") || s.startsWith("http://"));
    }
}
