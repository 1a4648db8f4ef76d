package es.faro.server.channels;

/** Something that feeds inbound traffic to the server (the demo simulator; later real pollers). */
public interface TrafficSource extends AutoCloseable {
    void start();

    @Override
    void close();

    /** Adapts any start/close pair, e.g. {@code TrafficSource.of(demo::start, demo)}. */
    static TrafficSource of(Runnable start, AutoCloseable closer) {
        return new TrafficSource() {
            @Override
            public void start() {
                start.run();
            }

            @Override
            public void close() {
                try {
                    closer.close();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("closing the traffic source failed", e);
                }
            }
        };
    }
}
