package es.faro.server.channels.demo;

import es.faro.protocol.model.Channel;

/**
 * A webhook delivery ready to send: the path (with query) under the server's base URI, the exact
 * body bytes and the signature header computed over those bytes.
 */
record SignedWebhook(Channel channel, String path, byte[] body, String signatureHeader, String signature) {
}
