package es.faro.protocol.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A brand of the telco, with its colour and its accounts on each network. */
public record Brand(String id, String name, String color, Map<Channel, BrandAccount> accounts) {
    public Brand {
        accounts = accounts == null || accounts.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(accounts));
    }

    public Optional<BrandAccount> account(Channel channel) {
        return Optional.ofNullable(accounts.get(channel));
    }
}
