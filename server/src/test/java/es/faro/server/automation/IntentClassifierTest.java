package es.faro.server.automation;

import static es.faro.server.automation.AutomationFixtures.tweet;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.server.channels.demo.TrafficCorpus;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The intent classifier: held-out precision and recall on the demo corpus, suggestions, retraining. */
class IntentClassifierTest {
    private static final Logger LOG = LoggerFactory.getLogger(IntentClassifierTest.class);

    @Test
    void heldOutPrecisionAndRecallOnTheDemoCorpusReachTheirFloor() {
        ClassifierService.Split split = ClassifierService.split(TrafficCorpus.load(), new Random(4));
        IntentClassifier classifier = IntentClassifier.train(split.train());
        assertThat(classifier.model().labels()).hasSize(10);
        IntentClassifier.Metrics top1 = classifier.evaluate(split.test(), 0.0);
        IntentClassifier.Metrics suggest = classifier.evaluate(split.test(), 0.3);
        IntentClassifier.Metrics apply = classifier.evaluate(split.test(), 0.9);
        LOG.info("classifier held-out ({} examples, {} training): top-1 precision {} recall {}; at 0.3 precision {}"
                        + " recall {}; at 0.9 precision {} recall {}", top1.examples(), split.train().size(),
                f(top1.precision()), f(top1.recall()), f(suggest.precision()), f(suggest.recall()),
                f(apply.precision()), f(apply.recall()));
        suggest.perLabel().forEach((label, pr) -> LOG.info("  {}: precision {} recall {}", label, f(pr[0]), f(pr[1])));
        // Floors well above chance (0.1 for ten labels) and just under what this corpus gives today
        // (top-1 0.62/0.61, at 0.9 precision 0.89): a regression in tokenizing or scoring trips them.
        assertThat(top1.precision()).isGreaterThanOrEqualTo(0.55);
        assertThat(top1.recall()).isGreaterThanOrEqualTo(0.55);
        assertThat(suggest.precision()).isGreaterThanOrEqualTo(0.55);
        assertThat(apply.precision()).as("what is applied without asking is mostly right").isGreaterThanOrEqualTo(0.8);
        assertThat(apply.recall()).isGreaterThan(0.15);
    }

    @Test
    void agentsLabelsTeachIt() {
        IntentClassifier before = IntentClassifier.train(List.of(
                new IntentClassifier.Example("no tengo fibra en casa", Set.of("fibra")),
                new IntentClassifier.Example("la factura viene duplicada", Set.of("factura"))));
        assertThat(before.classify("mi router parpadea en rojo")).isEmpty();
        IntentClassifier after = IntentClassifier.train(List.of(
                new IntentClassifier.Example("no tengo fibra en casa", Set.of("fibra")),
                new IntentClassifier.Example("la factura viene duplicada", Set.of("factura")),
                new IntentClassifier.Example("el router parpadea y no conecta", Set.of("router"))));
        assertThat(after.classify("mi router parpadea en rojo").get(0).label()).isEqualTo("router");
        assertThat(IntentClassifier.tokens("¡Hola! La FACTURA de 2 €")).containsExactly("factu");
    }

    @Test
    void suggestionsAreServedAndConfidentLabelsAppliedAndAdminsRetrain() {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            String ana = api.login("ana");
            String admin = api.login("admin");
            String conv = tweet(api, ORANGE_X, "Me habéis cobrado dos veces la factura de este mes, el importe no cuadra");
            Reply suggestions = api.get("/api/v1/conversations/" + conv + "/suggestions", ana);
            assertThat(suggestions.status()).isEqualTo(200);
            Reply stored = api.get("/api/v1/conversations/" + conv, ana);
            boolean applied = stored.at("/labels").toString().contains("factura");
            assertThat(applied || suggestions.at("/suggestions/0/label").asText().equals("factura"))
                    .as(suggestions.text() + " " + stored.text()).isTrue();
            assertThat(api.get("/api/v1/conversations/" + conv + "/suggestions", api.login("pablo")).status())
                    .isEqualTo(404);

            assertThat(api.post("/api/v1/admin/classifier/train", ana, Map.of()).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/admin/classifier", ana).status()).isEqualTo(403);
            // Agents label conversations with a word the corpus never had; retraining learns it.
            for (int i = 0; i < 3; i++) {
                String odd = tweet(api, ORANGE_X, "zarandaja zarandaja");
                long version = api.get("/api/v1/conversations/" + odd, ana).at("/version").asLong();
                assertThat(api.post("/api/v1/conversations/" + odd + "/labels", ana,
                        Map.of("add", List.of("tv"), "remove", List.of(), "version", version)).status()).isEqualTo(200);
            }
            Reply trained = api.post("/api/v1/admin/classifier/train", admin, Map.of());
            assertThat(trained.status()).isEqualTo(200);
            assertThat(trained.at("/agentExamples").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(trained.at("/heldOut/atSuggestThreshold/precision").asDouble()).isGreaterThan(0.5);
            String again = tweet(api, ORANGE_X, "zarandaja");
            Reply learned = api.get("/api/v1/conversations/" + again + "/suggestions", ana);
            boolean tvApplied = api.get("/api/v1/conversations/" + again, ana).at("/labels").toString().contains("tv");
            assertThat(tvApplied || learned.at("/suggestions/0/label").asText().equals("tv")).as(learned.text()).isTrue();
            assertThat(api.get("/api/v1/admin/classifier", admin).at("/labels").size()).isEqualTo(10);
        }
    }

    private static String f(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
