package es.faro.protocol.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A user of Faro. Skills (brands, channels, languages) scope what an agent may see and answer;
 * leads, admins and analysts see every brand.
 */
public record Agent(String id, String username, String name, Set<Role> roles, List<String> brands,
                    List<Channel> channels, List<String> languages, int capacity, Presence presence) {
    public Agent {
        // EnumSet keeps a stable order, so the same agent always serializes the same way.
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        brands = brands == null ? List.of() : List.copyOf(brands);
        channels = channels == null ? List.of() : List.copyOf(channels);
        languages = languages == null ? List.of() : List.copyOf(languages);
        presence = presence == null ? Presence.OFFLINE : presence;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether this user may see conversations of the brand on the channel. */
    public boolean canSee(String brandId, Channel channel) {
        if (hasRole(Role.LEAD) || hasRole(Role.ADMIN) || hasRole(Role.ANALYST)) {
            return true;
        }
        return brands.contains(brandId) && (channels.isEmpty() || channels.contains(channel));
    }

    public Agent withPresence(Presence newPresence) {
        return new Agent(id, username, name, roles, brands, channels, languages, capacity, newPresence);
    }
}
