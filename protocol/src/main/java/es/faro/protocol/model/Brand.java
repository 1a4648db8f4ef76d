package es.faro.protocol.model;

import java.util.Map;
import java.util.Optional;

/** A brand of the telco, with its colour and its accounts on each network. */
public record Brand(String id, String name, String color, Map<Channel, BrandAccount> accounts) {
    public Brand {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
    }

    public Optional<BrandAccount> account(Channel channel) {
        return Optional.ofNullable(accounts.get(channel));
    }
}
