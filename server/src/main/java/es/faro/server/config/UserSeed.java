package es.faro.server.config;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Role;
import java.util.List;
import java.util.Set;

/** One entry of config/reference/users.json: an agent plus its password as configured. */
public record UserSeed(String id, String username, String name, Set<Role> roles, List<String> brands,
                       List<Channel> channels, List<String> languages, int capacity, String password,
                       boolean demoOnly) {
    public UserSeed {
        if (id == null || id.isBlank() || username == null || username.isBlank()) {
            throw new IllegalArgumentException("every user needs an id and a username");
        }
    }

    public Agent toAgent() {
        return new Agent(id, username, name, roles, brands, channels, languages, capacity, Presence.OFFLINE);
    }

    @Override
    public String toString() {
        return "UserSeed[" + username + "]";
    }
}
