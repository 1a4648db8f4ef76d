package es.faro.server.channels.demo;

import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import java.time.Instant;

/**
 * One customer message the simulator is about to deliver, before it is put in a network's payload
 * shape. {@code followUp} says it continues one of the customer's threads; {@code replyToId} is then the
 * customer's own earlier tweet or comment (private messages thread by sender and need none);
 * {@code postId} is the brand's Facebook post a comment is under.
 */
record DemoMessage(Shape shape, Brand brand, DemoCustomer customer, String text, String language, int stars,
                   String messageId, String replyToId, String postId, boolean followUp, Instant at) {

    enum Shape {
        TWEET(Channel.TWITTER), DIRECT_MESSAGE(Channel.TWITTER),
        PAGE_COMMENT(Channel.FACEBOOK), PAGE_MESSAGE(Channel.FACEBOOK),
        APP_REVIEW(Channel.GOOGLE_PLAY);

        private final Channel channel;

        Shape(Channel channel) {
            this.channel = channel;
        }

        Channel channel() {
            return channel;
        }
    }

    Channel channel() {
        return shape.channel();
    }

    String brandAccountId() {
        return brand.account(channel()).orElseThrow().id();
    }
}
