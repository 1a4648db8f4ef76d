package es.faro.protocol.api;

import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Role;
import java.util.List;
import java.util.Set;

/**
 * Create or change a user (admins). On a change every field is optional: a missing one keeps its
 * value. {@code password} sets a new password (hashed on the server, never stored or returned plain).
 */
public record UserRequest(String username, String name, Set<Role> roles, List<String> brands, List<Channel> channels,
                          List<String> languages, Integer capacity, String password) {
}
