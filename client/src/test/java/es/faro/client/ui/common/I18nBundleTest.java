package es.faro.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both bundles carry the same keys, and every key the UI code names exists. */
class I18nBundleTest {
    /** The two ways code names a text: i18n.get("key"…) in views, UiText.of("key"…) in view models. */
    private static final Pattern KEY_USE = Pattern.compile("(?:i18n\\.get|UiText\\.of)\\(\\s*\"([a-zA-Z0-9_.]+)\"\\s*[,)]");
    private static final Path UI_SOURCES = Path.of("src/main/java/es/faro/client");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18n.class.getResourceAsStream("/es/faro/client/ui/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void spanishAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(keys(load("messages_es.properties"))).isEqualTo(keys(load("messages.properties")));
    }

    @Test
    void everyKeyUsedInCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("keys found in code").hasSizeGreaterThan(40);
        assertThat(keys(load("messages.properties"))).containsAll(used);
    }

    /** Keys picked by a condition ({@code i18n.get(note ? "composer.send.note" : "composer.send.reply")}). */
    @Test
    void everyKeyLikeLiteralWithAKnownPrefixExists() throws IOException {
        Set<String> keys = keys(load("messages.properties"));
        Set<String> prefixes = new TreeSet<>();
        keys.forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.'))));
        Pattern literal = Pattern.compile("\"([a-z]+)((?:\\.[a-zA-Z0-9_]+)+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    if (prefixes.contains(m.group(1)) && !keys.contains(m.group(1) + m.group(2))) {
                        missing.add(m.group(1) + m.group(2));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void keysBuiltFromEnumsExist() throws IOException {
        Set<String> keys = keys(load("messages.properties"));
        for (Channel c : Channel.values()) {
            assertThat(keys).contains(ChannelIcons.nameKey(c));
        }
        for (ConversationStatus s : ConversationStatus.values()) {
            assertThat(keys).contains("conversation.status." + s.name().toLowerCase(Locale.ROOT));
        }
        for (Priority p : Priority.values()) {
            assertThat(keys).contains("priority." + p.name().toLowerCase(Locale.ROOT));
        }
        for (Presence p : Presence.values()) {
            assertThat(keys).contains("presence." + p.name().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void spanishIsTheDefaultAndEnglishDoesNotFallBackToIt() {
        assertThat(new I18n().get("thread.claim")).isEqualTo("Asignarme");
        assertThat(new I18n(Locale.ENGLISH).get("thread.claim")).isEqualTo("Assign to me");
        assertThat(I18n.forLanguage("en").get("connection.online")).isEqualTo("Connected");
    }

    @Test
    void formatsArgumentsAndNestedTexts() {
        I18n es = new I18n();
        assertThat(es.get(UiText.of("connection.pending", 3))).isEqualTo("3 cambios pendientes");
        assertThat(es.get(UiText.of("connection.pending", 1))).isEqualTo("1 cambio pendiente");
        assertThat(es.get(UiText.of("error.command.failed", UiText.of("action.reply"))))
                .isEqualTo("No se ha podido enviar la respuesta. Inténtalo de nuevo.");
        assertThat(es.get("connection.offline.since", "10:42")).isEqualTo("Sin conexión desde 10:42");
    }
}
