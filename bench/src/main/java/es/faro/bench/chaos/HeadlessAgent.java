package es.faro.bench.chaos;

import es.faro.client.app.ClientSession;
import es.faro.client.sync.AgentCommands;
import es.faro.client.sync.ApiClient;
import es.faro.protocol.api.Changes;
import es.faro.protocol.api.LoginResponse;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.ConversationStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The workstation's sync stack without a window, driven line by line on stdin: the same
 * {@link ClientSession} (cache file, sync engine, outbox) and the same {@link AgentCommands} the
 * views call. It prints {@code saved N} for command line N at the moment the UI would show the change
 * as saved (its outbox entry committed), so a test can SIGKILL it at any instant and know what the
 * agent was told. Used by the client chaos run ({@link ClientKillChaos}); it lives here, not in the
 * shipped client, whose only window-less entry point is the version command.
 *
 * <pre>
 * HeadlessAgent SERVER_URL USER PASSWORD CACHE_FOLDER   (or the session token in FARO_AGENT_TOKEN, password "-")
 * stdin:  reply CONV TEXT | note CONV TEXT | status CONV STATUS | labels CONV +ID|-ID | settle | quit
 * stdout: ready CURSOR | saved N | refused N REASON | settled CURSOR PENDING REJECTED
 * </pre>
 */
public final class HeadlessAgent {
    private final ClientSession session;
    private final PrintStream out;

    private HeadlessAgent(ClientSession session, PrintStream out) {
        this.session = session;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: HeadlessAgent SERVER_URL USER PASSWORD CACHE_FOLDER");
            System.exit(2);
        }
        ApiClient api = new ApiClient(URI.create(args[0]), ApiClient.defaultHttpClient());
        String token = System.getenv("FARO_AGENT_TOKEN");
        Agent me;
        if (token != null && !token.isBlank()) {
            // An existing session (signed in before): restarts skip the deliberately slow password check.
            api.useToken(token);
            me = meOf(api);
        } else {
            me = signIn(api, args[1], args[2]).agent();
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        try (ClientSession session = ClientSession.start(api, me, Path.of(args[3]), "headless")) {
            new HeadlessAgent(session, out).run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
        // OkHttp's dispatcher threads would keep the JVM up for another minute.
        System.exit(0);
    }

    /** The network may be cut at any moment: keep trying, as the sign-in screen would. */
    private static LoginResponse signIn(ApiClient api, String user, String password) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                return api.login(user, password);
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot sign in: " + e, e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static Agent meOf(ApiClient api) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                return api.me();
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read the signed-in agent: " + e, e);
                }
                Thread.sleep(100);
            }
        }
    }

    private void run(BufferedReader in) throws Exception {
        while (!session.cache().bootstrapped()) {
            Thread.sleep(20);
        }
        out.println("ready " + session.cache().cursor());
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            List<String> words = Arrays.asList(line.split(" ", 3));
            switch (words.get(0)) {
                case "quit" -> {
                    return;
                }
                case "settle" -> settle();
                default -> execute(n, words);
            }
        }
    }

    private void execute(int n, List<String> words) {
        try {
            command(words).join();
            out.println("saved " + n);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            out.println("refused " + n + " " + cause);
        }
    }

    private CompletableFuture<Void> command(List<String> w) {
        AgentCommands commands = session.commands();
        return switch (w.get(0)) {
            case "reply" -> commands.reply(w.get(1), w.get(2), true);
            case "note" -> commands.note(w.get(1), w.get(2));
            case "status" -> commands.setStatus(w.get(1), ConversationStatus.valueOf(w.get(2)));
            case "labels" -> {
                List<String> add = new ArrayList<>();
                List<String> remove = new ArrayList<>();
                for (String change : w.get(2).split(" ")) {
                    (change.startsWith("+") ? add : remove).add(change.substring(1));
                }
                yield commands.changeLabels(w.get(1), add, remove);
            }
            default -> CompletableFuture.failedFuture(new IllegalArgumentException("unknown command " + w.get(0)));
        };
    }

    /** Waits until the outbox has nothing left to send and the cache holds every event the server has. */
    private void settle() throws InterruptedException {
        while (true) {
            if (session.cache().pendingOutboxCount() == 0 && caughtUp()) {
                out.println("settled " + session.cache().cursor() + " " + session.cache().pendingOutboxCount()
                        + " " + session.cache().rejectedOutbox().size());
                return;
            }
            Thread.sleep(100);
        }
    }

    private boolean caughtUp() {
        try {
            Changes next = session.api().changes(session.cache().cursor(), 1);
            return next.events().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
