package es.faro.server.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.protocol.automation.AutomationRule;
import es.faro.protocol.automation.AutomationRule.Action;
import es.faro.protocol.automation.AutomationRule.Condition;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Customer;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule engine's conditions and actions, the regex time budget and the tone lexicon. */
class RuleEngineTest {
    private static final Instant TUESDAY_10_MADRID = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant SATURDAY_23_MADRID = Instant.parse("2026-11-28T22:30:00Z");

    private final RuleEngine engine = new RuleEngine();

    private static Conversation conv(String brand, Channel channel, Priority p, List<String> labels) {
        return new Conversation("c-1", brand, channel, "cu-1", "Laura Gómez", "@laurag", ConversationStatus.NEW, p,
                labels, null, null, "es", "x", MessageKind.IN, 1, TUESDAY_10_MADRID, TUESDAY_10_MADRID,
                TUESDAY_10_MADRID, null, null, 1);
    }

    private static Customer customer(int followers) {
        return new Customer("cu-1", "Laura Gómez", "@laurag", Channel.TWITTER, "42", followers, "es");
    }

    private static AutomationRule rule(String trigger, List<Condition> conditions, Action... actions) {
        return new AutomationRule("r", "r", true, 0, trigger, conditions, List.of(actions), false);
    }

    private static Condition cond(String field, String op, String... values) {
        return new Condition(field, op, List.of(values));
    }

    private RuleEngine.Outcome run(AutomationRule rule, Conversation c, String text, int followers, Instant now) {
        return engine.apply(List.of(rule), AutomationRule.ON_MESSAGE,
                new RuleEngine.Facts(c, text, customer(followers), now));
    }

    private boolean matches(Condition condition, Conversation c, String text, int followers, Instant now) {
        return !run(rule("message", List.of(condition), new Action("add_label", "queja")), c, text, followers, now)
                .matched().isEmpty();
    }

    @Test
    void everyConditionFieldMatchesWhatItSays() {
        Conversation orangeX = conv("orange", Channel.TWITTER, Priority.P3, List.of("fibra"));
        assertThat(matches(cond("brand", "in", "orange", "jazztel"), orangeX, "", 0, TUESDAY_10_MADRID)).isTrue();
        assertThat(matches(cond("brand", "in", "amena"), orangeX, "", 0, TUESDAY_10_MADRID)).isFalse();
        assertThat(matches(cond("brand", "not_in", "amena"), orangeX, "", 0, TUESDAY_10_MADRID)).isTrue();
        assertThat(matches(cond("channel", "in", "twitter"), orangeX, "", 0, TUESDAY_10_MADRID)).isTrue();
        assertThat(matches(cond("channel", "in", "FACEBOOK"), orangeX, "", 0, TUESDAY_10_MADRID)).isFalse();
        assertThat(matches(cond("priority", "in", "P3"), orangeX, "", 0, TUESDAY_10_MADRID)).isTrue();
        assertThat(matches(cond("label", "in", "fibra"), orangeX, "", 0, TUESDAY_10_MADRID)).isTrue();
        assertThat(matches(cond("label", "not_in", "fibra"), orangeX, "", 0, TUESDAY_10_MADRID)).isFalse();
        assertThat(matches(cond("customer", "in", "@LauraG"), orangeX, "", 0, TUESDAY_10_MADRID)).isTrue();
        assertThat(matches(cond("customer", "in", "cu-1"), orangeX, "", 0, TUESDAY_10_MADRID)).isTrue();
        assertThat(matches(cond("customer", "in", "@otro"), orangeX, "", 0, TUESDAY_10_MADRID)).isFalse();
        assertThat(matches(cond("followers", "gte", "10000"), orangeX, "", 10_000, TUESDAY_10_MADRID)).isTrue();
        assertThat(matches(cond("followers", "gte", "10000"), orangeX, "", 9_999, TUESDAY_10_MADRID)).isFalse();
        assertThat(matches(cond("text", "contains", "avería"), orangeX, "Tengo una AVERIA en casa", 0,
                TUESDAY_10_MADRID)).as("case and accents folded").isTrue();
        assertThat(matches(cond("text", "regex", "\\bportar\\w*"), orangeX, "Quiero portarme a otra", 0,
                TUESDAY_10_MADRID)).isTrue();
        assertThat(matches(cond("text", "regex", "^factura$"), orangeX, "mi factura", 0, TUESDAY_10_MADRID)).isFalse();
        assertThat(matches(cond("tone", "in", "angry"), orangeX, "Qué VERGÜENZA de servicio", 0, TUESDAY_10_MADRID))
                .isTrue();
        assertThat(matches(cond("tone", "in", "angry"), orangeX, "Hola, ¿me ayudáis?", 0, TUESDAY_10_MADRID)).isFalse();
        assertThat(matches(cond("weekday", "in", "TUE"), orangeX, "", 0, TUESDAY_10_MADRID)).isTrue();
        assertThat(matches(cond("weekday", "in", "SAT", "SUN"), orangeX, "", 0, TUESDAY_10_MADRID)).isFalse();
        assertThat(matches(cond("time", "in", "08:00-20:00"), orangeX, "", 0, TUESDAY_10_MADRID)).isTrue();
        assertThat(matches(cond("time", "in", "22:00-08:00"), orangeX, "", 0, TUESDAY_10_MADRID)).isFalse();
        assertThat(matches(cond("time", "in", "22:00-08:00"), orangeX, "", 0, SATURDAY_23_MADRID))
                .as("a range across midnight").isTrue();
    }

    @Test
    void actionsApplyInOrderAndAllConditionsMustHold() {
        Conversation c = conv("orange", Channel.TWITTER, Priority.P3, List.of());
        AutomationRule both = rule("message", List.of(cond("brand", "in", "orange"), cond("tone", "in", "angry")),
                new Action("add_label", "queja"), new Action("raise_priority", "P2"), new Action("route_queue", "q-x"),
                new Action("assign", "u-ana"), new Action("auto_reply", "cr-es-saludo"));
        RuleEngine.Outcome calm = run(both, c, "Hola", 0, TUESDAY_10_MADRID);
        assertThat(calm.matched()).isEmpty();
        assertThat(calm.conversation()).isEqualTo(c);

        RuleEngine.Outcome angry = run(both, c, "ESTO ES UN DESASTRE!!!", 0, TUESDAY_10_MADRID);
        assertThat(angry.conversation().labels()).containsExactly("queja");
        assertThat(angry.conversation().priority()).isEqualTo(Priority.P2);
        assertThat(angry.conversation().queueId()).isEqualTo("q-x");
        assertThat(angry.conversation().assigneeId()).isEqualTo("u-ana");
        assertThat(angry.autoReplies()).containsExactly("cr-es-saludo");

        AutomationRule set = rule("message", List.of(), new Action("set_priority", "P1"));
        assertThat(run(set, c, "x", 0, TUESDAY_10_MADRID).conversation().priority()).isEqualTo(Priority.P1);
        AutomationRule disabled = new AutomationRule("d", "d", false, 0, "message", List.of(),
                List.of(new Action("set_priority", "P1")), false);
        assertThat(run(disabled, c, "x", 0, TUESDAY_10_MADRID).matched()).isEmpty();
        AutomationRule onChange = rule("change", List.of(), new Action("set_priority", "P1"));
        assertThat(run(onChange, c, "x", 0, TUESDAY_10_MADRID).matched()).as("other trigger").isEmpty();
    }

    @Test
    void stopEndsTheEvaluationAndRaiseRespectsItsCap() {
        Conversation c = conv("orange", Channel.TWITTER, Priority.P3, List.of());
        AutomationRule first = new AutomationRule("a", "a", true, 0, "message", List.of(),
                List.of(new Action("add_label", "queja")), true);
        AutomationRule second = new AutomationRule("b", "b", true, 1, "message", List.of(),
                List.of(new Action("add_label", "fraude")), false);
        RuleEngine.Outcome out = engine.apply(List.of(first, second), "message",
                new RuleEngine.Facts(c, "x", null, TUESDAY_10_MADRID));
        assertThat(out.matched()).containsExactly("a");
        assertThat(out.conversation().labels()).containsExactly("queja");

        assertThat(RuleEngine.raise(Priority.P3, "P2")).isEqualTo(Priority.P2);
        assertThat(RuleEngine.raise(Priority.P2, "P2")).isEqualTo(Priority.P2);
        assertThat(RuleEngine.raise(Priority.P1, "P2")).as("never lowers").isEqualTo(Priority.P1);
        assertThat(RuleEngine.raise(Priority.P2, null)).isEqualTo(Priority.P1);
    }

    @Test
    void aCatastrophicRegexIsAbandonedInsteadOfStallingAndBadOnesAreRefused() {
        SafeRegex evil = SafeRegex.compile("((a+)+)+$", Duration.ofMillis(50));
        assertThat(evil.find("a".repeat(30) + "?")).isEqualTo(SafeRegex.Result.TIMED_OUT);
        assertThat(evil.find("aaaa")).isEqualTo(SafeRegex.Result.MATCH);
        assertThatThrownBy(() -> SafeRegex.compile("(unclosed", Duration.ofMillis(50)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid regular expression");
        assertThatThrownBy(() -> SafeRegex.compile("x".repeat(501), Duration.ofMillis(50)))
                .isInstanceOf(IllegalArgumentException.class);

        Conversation c = conv("orange", Channel.TWITTER, Priority.P3, List.of());
        assertThat(matches(cond("text", "regex", "((a+)+)+$"), c, "a".repeat(30) + "?", 0, TUESDAY_10_MADRID))
                .as("a timed-out match counts as no match").isFalse();
    }

    @Test
    void toneLexiconCoversSpanishEnglishShoutingAndEmoji() {
        assertThat(Tone.angry("Sois unos ladrones")).isTrue();
        assertThat(Tone.angry("This is the worst service ever")).isTrue();
        assertThat(Tone.angry("Fed up with you")).isTrue();
        assertThat(Tone.angry("LLEVO TRES DIAS SIN LINEA")).as("shouting").isTrue();
        assertThat(Tone.angry("sin fibra otra vez 😡")).isTrue();
        assertThat(Tone.angry("¿Para cuándo?!!!")).isTrue();
        assertThat(Tone.angry("Gracias por la ayuda, ya funciona")).isFalse();
        assertThat(Tone.angry("Hi, my fibre is down in Madrid")).isFalse();
        assertThat(Tone.angry("OK")).as("two capitals are not shouting").isFalse();
    }
}
