package es.faro.server.channels.demo;

/**
 * An invented customer: one identity per network (an X user id and handle, a Facebook page-scoped id)
 * and the language they write in.
 */
record DemoCustomer(String name, String screenName, String twitterId, String facebookId, int followers,
                    String language) {
}
