package es.faro.bench.micro;

import es.faro.bench.data.DataGenerator;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-row cost the cache pays for every conversation it hands to the UI (its rows hold the
 * conversation as JSON): reading and writing one realistic conversation with the one mapper.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConversationJsonBenchmark {
    private String json;
    private Conversation conversation;

    @Setup
    public void setUp() {
        List<Conversation> active = new ArrayList<>();
        new DataGenerator(1, Instant.now(), 1.0).generate(10, 50, 10,
                threads -> threads.forEach(t -> active.add(t.conversation())));
        conversation = active.get(0);
        json = Json.write(conversation);
    }

    @Benchmark
    public Conversation read() {
        return Json.read(json, Conversation.class);
    }

    @Benchmark
    public String write() {
        return Json.write(conversation);
    }
}
