package es.faro.bench.micro;

import es.faro.protocol.channel.Signatures;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** What every inbound webhook costs before anything is parsed: the HMAC-SHA256 over its raw body. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WebhookSignatureBenchmark {
    private byte[] body;
    private String header;

    @Setup
    public void setUp() {
        body = ("{\"for_user_id\":\"1000001\",\"tweet_create_events\":[{\"id_str\":\"1\",\"text\":\""
                + "me habéis cobrado dos veces la factura de este mes ".repeat(5) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        header = Signatures.base64Header("demo-twitter-secret", body);
    }

    @Benchmark
    public boolean verify() {
        return Signatures.matches(header, Signatures.base64Header("demo-twitter-secret", body));
    }
}
