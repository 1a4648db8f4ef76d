package es.faro.client.app;

import es.faro.client.settings.UserSettings;
import java.util.Optional;

/**
 * Which value wins for a key that both the configuration and the user's saved settings know:
 * a command-line flag or an environment variable (the floor's IT forcing something), then what the
 * user chose in the settings dialog, then the configuration files and the built-in defaults.
 */
final class SettingsResolver {
    private final ClientConfig config;
    private final UserSettings user;

    SettingsResolver(ClientConfig config, UserSettings user) {
        this.config = config;
        this.user = user;
    }

    Optional<String> get(String key) {
        if (config.overridden(key)) {
            return config.get(key);
        }
        Optional<String> saved = user.get(key);
        return saved.isPresent() ? saved : config.get(key);
    }
}
