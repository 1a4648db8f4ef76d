package es.faro.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.settings.UserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags and environment outrank what the user saved, which outranks the configuration files. */
class SettingsPrecedenceTest {
    @TempDir
    Path dir;

    private ClientConfig config(Map<String, String> env, String... args) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config").resolve("client.properties"), "theme=light\nlanguage=es\n");
        return ClientConfig.load(args, new AppDirs(dir.resolve("data"), dir.resolve("config")), env);
    }

    @Test
    void savedSettingsBeatTheConfigFiles() throws Exception {
        UserSettings saved = UserSettings.load(dir.resolve("user"));
        saved.set(UserSettings.THEME, "dark");
        SettingsResolver r = new SettingsResolver(config(Map.of()), saved);
        assertThat(r.get("theme")).contains("dark");
        assertThat(r.get("language")).contains("es");
    }

    @Test
    void flagsAndEnvironmentBeatSavedSettings() throws Exception {
        UserSettings saved = UserSettings.load(dir.resolve("user"));
        saved.set(UserSettings.THEME, "dark");
        saved.set(UserSettings.LANGUAGE, "en");
        SettingsResolver r = new SettingsResolver(
                config(Map.of("FARO_LANGUAGE", "es"), "--theme=light"), saved);
        assertThat(r.get("theme")).contains("light");
        assertThat(r.get("language")).contains("es");
    }

    @Test
    void anEmptyServerFlagForcesDemoModeOverARememberedServer() throws Exception {
        UserSettings saved = UserSettings.load(dir.resolve("user"));
        saved.set(UserSettings.SERVER_URL, "https://faro.example.com");
        assertThat(new SettingsResolver(config(Map.of()), saved).get("server.url")).contains("https://faro.example.com");
        assertThat(new SettingsResolver(config(Map.of(), "--server.url="), saved).get("server.url")).isEmpty();
    }

    @Test
    void settingsAreWrittenWholeAndReadBack() throws Exception {
        UserSettings saved = UserSettings.load(dir.resolve("user"));
        saved.set(UserSettings.SERVER_URL, "https://faro.example.com:8443/x y");
        saved.set(UserSettings.FONT_SIZE, 18);
        saved.set(UserSettings.WINDOW_MAXIMIZED, true);
        saved.save();
        try (var files = Files.list(dir.resolve("user"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(UserSettings.FILE_NAME);
        }
        UserSettings again = UserSettings.load(dir.resolve("user"));
        assertThat(again.get(UserSettings.SERVER_URL)).contains("https://faro.example.com:8443/x y");
        assertThat(again.getInt(UserSettings.FONT_SIZE)).contains(18);
        assertThat(again.getBoolean(UserSettings.WINDOW_MAXIMIZED, false)).isTrue();
        saved.set(UserSettings.FONT_SIZE, null);
        saved.save();
        assertThat(UserSettings.load(dir.resolve("user")).getInt(UserSettings.FONT_SIZE)).isEmpty();
    }

    @Test
    void aDamagedFileMeansDefaults() throws Exception {
        Files.createDirectories(dir.resolve("user"));
        Files.write(dir.resolve("user").resolve(UserSettings.FILE_NAME), new byte[] {'a', '=', '\\', 'u', '1'});
        assertThat(UserSettings.load(dir.resolve("user")).get("a")).isEmpty();
    }

    @Test
    void versionFlagAnswersWithTheBuildVersion() {
        assertThat(VersionCommand.requested(new String[] {"--data.dir=/x", "--version"})).isTrue();
        assertThat(VersionCommand.requested(new String[] {"--theme=dark"})).isFalse();
        assertThat(VersionCommand.text()).isEqualTo("Faro " + AppVersion.get()).doesNotContain("${").doesNotEndWith("dev");
    }
}
