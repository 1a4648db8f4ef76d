package es.faro.protocol.model;

/** A brand's account on one network: the network's id (user id, page id, package name…) and handle. */
public record BrandAccount(String id, String handle) {
}
