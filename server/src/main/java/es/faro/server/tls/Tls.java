package es.faro.server.tls;

import io.javalin.config.JettyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * TLS for the standalone server: with {@code tls.keystore} (a PKCS12 or JKS file) and
 * {@code tls.keystore.password} in server.properties the server listens with HTTPS only, on the same
 * host and port. See docs/deploy.md.
 */
public final class Tls {
    private Tls() {
    }

    public static void configure(JettyConfig jetty, String host, int port, Path keystore, String password) {
        if (!Files.isReadable(keystore)) {
            throw new IllegalArgumentException("tls.keystore " + keystore + " cannot be read");
        }
        jetty.modifyServer(server -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
            ssl.setKeyStorePassword(password);
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            HttpConfiguration https = new HttpConfiguration();
            // Clients reach a standalone server by address as often as by name: no SNI host check.
            https.addCustomizer(new SecureRequestCustomizer(false));
            ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(port);
            server.setConnectors(new Connector[] {connector});
        });
    }
}
