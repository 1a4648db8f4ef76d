package es.faro.bench.canned;

import es.faro.bench.Args;
import es.faro.bench.Figures;
import es.faro.bench.Stats;
import es.faro.client.cache.SqliteCache;
import es.faro.client.ui.canned.CannedPickerViewModel;
import es.faro.client.ui.canned.CannedSearch;
import es.faro.client.ui.common.TaskRunner;
import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.model.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The composer's {@code /} picker over many canned responses: they are written to a real client
 * cache (SQLite), read back and indexed as the workstation does, then words are typed one key at a
 * time and each keystroke's filter (fuzzy match over shortcut, title and body, brand and language,
 * sort, the picker's list replaced) is timed. Prints p50/p95/max per keystroke.
 */
public final class CannedPickerScenario {
    static final String[] WORDS = {"averia", "portabilidad", "factura duplicada", "gracias", "router", "tarifa",
        "roaming", "pedido", "dni", "fibra", "xyz", "baja"};
    static final String[] TOPICS = {"Avería de fibra", "Portabilidad", "Factura duplicada", "Roaming", "Router",
        "Tarifa", "Baja", "Pedido", "Tienda", "Cierre", "Saludo", "DNI por privado", "Cobertura", "Gigas extra",
        "Orange TV", "Envío de SIM"};
    static final String[] PHRASES = {"Hola {{customer.name}}, ", "Sentimos las molestias. ", "Soy {{agent.name}} de {{brand}}. ",
        "Revisamos tu caso {{ask:Número de pedido}}. ", "¿Nos escribes por privado? ", "La incidencia está en curso. ",
        "Gracias por tu paciencia. ", "Te llamamos en 24 horas. ", "Tu factura se corrige en el próximo ciclo. ",
        "Reinicia el router y prueba de nuevo. "};
    static final List<String> BRANDS = List.of("orange", "jazztel", "amena", "simyo", "republica");

    private CannedPickerScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int count = args.integer("responses", 5_000, 300);
        int rounds = args.integer("rounds", 20, 2);
        Figures out = Figures.stdout();
        out.printLoad();
        Path dir = args.workDir("faro-bench-canned");
        List<CannedResponse> all = generate(count, new Random(42));
        out.print("canned.responses", all.size(), "responses");

        try (SqliteCache cache = SqliteCache.open(dir.resolve("cache.db"))) {
            cache.applyBootstrap(new Bootstrap(new ReferenceData(null, null, null, null, null, all, null, null),
                    List.of(), List.of(), 1, null));
            Stats load = new Stats();
            Stats build = new Stats();
            List<CannedResponse> read = List.of();
            CannedSearch search = null;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                read = cache.cannedResponses();
                long t1 = System.nanoTime();
                search = new CannedSearch(read, "u-ana");
                long t2 = System.nanoTime();
                load.add((t1 - t0) / 1e6);
                build.add((t2 - t1) / 1e6);
            }
            out.print("canned.cache.read.p50", load.percentile(50), "ms");
            out.print("canned.index.build.p50", build.percentile(50), "ms");
            out.print("canned.searchable", search.size(), "responses");

            SimpleStringProperty text = new SimpleStringProperty("");
            SimpleObjectProperty<Conversation> conversation = new SimpleObjectProperty<>(conversation());
            CannedPickerViewModel vm = new CannedPickerViewModel(agent(), text, conversation,
                    id -> Optional.of(new Brand(id, id, "#000", Map.of())), new SameThread(), ZoneId.of("Europe/Madrid"));
            vm.setSearch(search);
            Stats keystroke = new Stats();
            long hits = 0;
            int warmup = 2;
            for (int round = 0; round < warmup + rounds; round++) {
                for (String word : WORDS) {
                    String typed = "Hola. /";
                    for (char ch : word.toCharArray()) {
                        typed += ch;
                        text.set(typed);
                        long t0 = System.nanoTime();
                        vm.caretMoved(typed, typed.length());
                        long t1 = System.nanoTime();
                        if (round >= warmup) {
                            keystroke.add((t1 - t0) / 1e6);
                            hits += vm.items().size();
                        }
                    }
                    vm.close();
                }
            }
            out.print("canned.keystrokes", keystroke.count(), "keystrokes");
            out.print("canned.hits.mean", (double) hits / keystroke.count(), "rows");
            out.print("canned.keystroke.p50", keystroke.percentile(50), "ms");
            out.print("canned.keystroke.p95", keystroke.percentile(95), "ms");
            out.print("canned.keystroke.max", keystroke.max(), "ms");
        }
    }

    static List<CannedResponse> generate(int count, Random random) {
        List<CannedResponse> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < 3 + random.nextInt(4); p++) {
                body.append(PHRASES[random.nextInt(PHRASES.length)]);
            }
            String brand = random.nextInt(3) == 0 ? null : BRANDS.get(random.nextInt(BRANDS.size()));
            String language = random.nextInt(4) == 0 ? "en" : "es";
            String owner = random.nextInt(10) == 0 ? "u-" + random.nextInt(30) : null;
            list.add(new CannedResponse("cr-bench-" + i, brand, language, "Carpeta " + (i % 40), topic + " " + i,
                    topic.toLowerCase().replace(' ', '-') + i, body.toString().strip(), List.of(), owner,
                    random.nextInt(500)));
        }
        return list;
    }

    static Conversation conversation() {
        Instant now = Instant.now();
        return new Conversation("c-bench", "orange", Channel.TWITTER, "cust", "Elena Ruiz", "elena",
                ConversationStatus.OPEN, Priority.P3, List.of(), "all", null, "es", "hola", MessageKind.IN, 1, now, now,
                now, null, null, 1);
    }

    static es.faro.protocol.model.Agent agent() {
        return new es.faro.protocol.model.Agent("u-ana", "ana", "Ana García", Set.of(Role.AGENT),
                List.of("orange", "jazztel"), List.of(), List.of("es"), 8, es.faro.protocol.model.Presence.ONLINE);
    }

    /** The bench runs everything on its own thread: no UI toolkit is involved in filtering. */
    private static final class SameThread implements TaskRunner {
        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
            try {
                onSuccess.accept(work.call());
            } catch (Exception e) {
                onError.accept(e);
            }
        }

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }
    }
}
