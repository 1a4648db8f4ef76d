package es.faro.client.support;

import es.faro.client.app.FaroApp;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application under TestFX, the way the end-to-end tests start it: in demo mode (its own
 * embedded server on a free loopback port) or pointed at a server to sign in to; Spanish and the
 * light theme unless the test says otherwise. Closing it closes the application and its windows.
 */
public final class RunningFaro implements AutoCloseable {
    private final Application app;
    private final int demoPort;
    private final FxRobot robot = new FxRobot();

    private RunningFaro(Application app, int demoPort) {
        this.app = app;
        this.demoPort = demoPort;
    }

    /** Demo mode on {@code dataDir}; {@code args} add to or override the defaults (e.g. {@code --demo.user=lucia}). */
    public static RunningFaro demo(Path dataDir, String... args) throws Exception {
        int port = freePort();
        return new RunningFaro(launch(withDefaults(List.of("--data.dir=" + dataDir, "--demo.port=" + port), args)),
                port);
    }

    /** Signs in to {@code server} (the sign-in screen comes first); the cache lives in {@code dataDir}. */
    public static RunningFaro against(URI server, Path dataDir, String... args) throws Exception {
        return new RunningFaro(launch(withDefaults(List.of("--data.dir=" + dataDir, "--server.url=" + server), args)),
                -1);
    }

    private static Application launch(List<String> args) throws Exception {
        FxToolkit.registerPrimaryStage();
        return FxToolkit.setupApplication(FaroApp.class, args.toArray(String[]::new));
    }

    private static List<String> withDefaults(List<String> base, String... args) {
        List<String> all = new ArrayList<>(base);
        List<String> given = Arrays.asList(args);
        if (given.stream().noneMatch(a -> a.startsWith("--language="))) {
            all.add("--language=es");
        }
        if (given.stream().noneMatch(a -> a.startsWith("--theme="))) {
            all.add("--theme=light");
        }
        if (given.stream().noneMatch(a -> a.startsWith("--demo.colleagues="))) {
            all.add("--demo.colleagues=false"); // a test's conversations stay where the test puts them
        }
        all.addAll(given);
        return all;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public FxRobot robot() {
        return robot;
    }

    /** The embedded demo server's port (demo mode only). */
    public int demoPort() {
        if (demoPort < 0) {
            throw new IllegalStateException("not in demo mode");
        }
        return demoPort;
    }

    /**
     * Waits for {@code condition} on the FX thread's schedule, failing after {@code seconds}. A node
     * lookup made from the test thread can meet the scene graph while the FX thread changes it (an
     * index or iterator out of step): that is "not yet", and the condition is asked again.
     */
    public static void waitFor(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (RuntimeException e) {
                if (racedWithFx(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    private static boolean racedWithFx(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IndexOutOfBoundsException || t instanceof java.util.NoSuchElementException
                    || t instanceof java.util.ConcurrentModificationException) {
                return true;
            }
        }
        return false;
    }

    /** The node {@code query} finds in a window that is showing (not in one just closed or replaced). */
    public Node shown(String query) {
        return robot.lookup(query).match(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing()).query();
    }

    /** Whether a node matching {@code selector} is showing. */
    public boolean visible(String selector) {
        return robot.lookup(selector).match(Node::isVisible).tryQuery().isPresent();
    }

    /** Fills the sign-in screen as {@code username} with the demo password and submits it. */
    public void signIn(String username) throws TimeoutException {
        waitFor(20, () -> robot.lookup("#login-username").tryQuery().isPresent());
        robot.clickOn("#login-username").write(username);
        robot.clickOn("#login-password").write("faro-demo");
        robot.clickOn("#login-submit");
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
