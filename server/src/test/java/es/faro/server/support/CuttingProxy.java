package es.faro.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of a server that cuts connections as a bad network does: while
 * {@link #cutting} is on, a share of connections is reset after a random number of bytes in either
 * direction (mid-request or mid-response), and {@link #cutRandomConnection()} / {@link #cutAll()}
 * reset live ones at any moment (the long-lived SSE stream included). Cuts are resets (RST), not
 * polite closes. Seedable, so a failing run can be repeated.
 */
public final class CuttingProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Random random;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger midTransferCuts = new AtomicInteger();
    private final AtomicLong connections = new AtomicLong();
    private volatile double midTransferShare;
    private volatile boolean open = true;

    /** Proxies to {@code target}'s host and port; {@code midTransferShare} of new connections get cut mid-way. */
    public CuttingProxy(URI target, long seed, double midTransferShare) {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.random = new Random(seed);
        this.midTransferShare = midTransferShare;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::acceptLoop, "cutting-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** The address clients use instead of the server's. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Turns mid-transfer cuts of new connections on (at the share given) or off (0). */
    public void cutting(double share) {
        this.midTransferShare = share;
    }

    /** Resets one live connection chosen at random; false if none was open. */
    public boolean cutRandomConnection() {
        List<Link> live = new ArrayList<>(links);
        if (live.isEmpty()) {
            return false;
        }
        Link victim;
        synchronized (random) {
            victim = live.get(random.nextInt(live.size()));
        }
        if (victim.cut()) {
            cuts.incrementAndGet();
        }
        return true;
    }

    /** Resets every live connection. */
    public void cutAll() {
        for (Link l : List.copyOf(links)) {
            if (l.cut()) {
                cuts.incrementAndGet();
            }
        }
    }

    /** Connections reset so far (live cuts and mid-transfer cuts). */
    public int cuts() {
        return cuts.get();
    }

    public int midTransferCuts() {
        return midTransferCuts.get();
    }

    public long connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                Socket server = new Socket();
                try {
                    server.connect(target, 5_000);
                } catch (IOException e) {
                    reset(client);
                    continue;
                }
                long budgetUp = -1;
                long budgetDown = -1;
                synchronized (random) {
                    if (random.nextDouble() < midTransferShare) {
                        // Up cuts requests mid-way (headers or body); down cuts answers and streams.
                        if (random.nextBoolean()) {
                            budgetUp = random.nextInt(2_048);
                        } else {
                            budgetDown = random.nextInt(8_192);
                        }
                    }
                }
                Link link = new Link(client, server);
                links.add(link);
                link.pump(client, server, budgetUp, "up");
                link.pump(server, client, budgetDown, "down");
            } catch (IOException e) {
                if (open) {
                    continue;
                }
                return;
            }
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0); // close sends RST: the peer sees "connection reset", as on a dropped link
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** One proxied connection: client side and server side, pumped both ways. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private final AtomicInteger ends = new AtomicInteger();
        private volatile boolean done;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(Socket from, Socket to, long budget, String direction) {
            Thread t = new Thread(() -> copy(from, to, budget), "cutting-proxy-" + direction);
            t.setDaemon(true);
            t.start();
        }

        private void copy(Socket from, Socket to, long budget) {
            byte[] buffer = new byte[8_192];
            long left = budget;
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (left >= 0 && n > left) {
                        out.write(buffer, 0, (int) left);
                        out.flush();
                        if (cut()) {
                            cuts.incrementAndGet();
                            midTransferCuts.incrementAndGet();
                        }
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    if (left >= 0) {
                        left -= n;
                    }
                }
                // A clean end on one side: pass the half-close on.
                to.shutdownOutput();
            } catch (IOException e) {
                cut();
            } finally {
                if (ends.incrementAndGet() == 2) {
                    close();
                }
            }
        }

        /** Resets both sides; true the first time. */
        synchronized boolean cut() {
            if (done) {
                return false;
            }
            done = true;
            reset(client);
            reset(server);
            links.remove(this);
            return true;
        }

        private synchronized void close() {
            if (!done) {
                done = true;
                closeQuietly(client);
                closeQuietly(server);
                links.remove(this);
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        cutAll();
    }
}
