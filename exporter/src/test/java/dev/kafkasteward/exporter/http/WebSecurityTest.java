package dev.kafkasteward.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.kafkasteward.exporter.testing.SelfSignedCert;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} over HTTPS with basic auth: a real server, a self-signed certificate, bcrypt users. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSecurityTest {

    private static final String PASSWORD = "s3cret-scrape-pass";

    private Path dir;
    private SelfSignedCert cert;
    private MetricsServer server;
    private HttpClient client;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        cert = SelfSignedCert.create(dir);
        Path users = dir.resolve("users");
        // Cost 4 keeps the test fast; production hashes use 10 or more.
        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        Files.writeString(users, "# scrapers\nprometheus:" + hash + "\n\nother:" + hash + "\n");
        PrometheusRegistry registry = new PrometheusRegistry();
        Gauge.builder().name("test_up").help("up").register(registry).set(1);
        ScrapeSource source = () -> new ScrapeSource.Scrape("one", registry::scrape, MetricSnapshots::of);
        server = MetricsServer.start("127.0.0.1", 0, source, () -> true, java.util.Optional::empty,
                WebSecurity.fromFiles(cert.certFile(), cert.keyFile(), users));
        client = HttpClient.newBuilder().sslContext(cert.trusting()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void scrapeOverHttpsWithBasicAuth() throws Exception {
        HttpResponse<String> r = get("/metrics", "prometheus", PASSWORD);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("test_up 1.0"), r.body());
        assertEquals(200, get("/metrics", "prometheus", PASSWORD).statusCode(), "the cached verification answers too");
    }

    @Test
    void withoutCredentials401AndAChallenge() throws Exception {
        HttpResponse<String> r = get("/metrics", null, null);
        assertEquals(401, r.statusCode());
        assertEquals("Basic realm=\"kafka-steward\", charset=\"UTF-8\"",
                r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertFalse(r.body().contains("test_up"));
    }

    @Test
    void wrongPasswordOrUnknownUser401() throws Exception {
        assertEquals(401, get("/metrics", "prometheus", PASSWORD + "x").statusCode());
        assertEquals(401, get("/metrics", "nobody", PASSWORD).statusCode());
    }

    @Test
    void probesNeedNoCredentials() throws Exception {
        assertEquals(200, get("/healthz", null, null).statusCode());
        assertEquals(200, get("/readyz", null, null).statusCode());
        assertEquals(401, get("/", null, null).statusCode());
        assertEquals(401, get("/metrics", null, null).statusCode());
        assertEquals(404, get("/metrics/uncached", "prometheus", PASSWORD).statusCode(),
                "no per-request full render to reach, with or without credentials");
    }

    @Test
    void plainHttpIsClosedUnanswered() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        IOException e = assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()));
        // Taken and closed without an answer: not refused (ConnectException, as from a server that is down) and not
        // left hanging (HttpTimeoutException); both are IOExceptions too, so the type alone would not tell.
        assertEquals(IOException.class, e.getClass(), e.toString());
        assertTrue(e.getMessage().contains("header parser received no bytes"), e.getMessage());
    }

    @Test
    void clientsThatDoNotTrustTheCertificateAreRefused() throws Exception {
        HttpClient untrusting = HttpClient.newBuilder().sslContext(SSLContext.getDefault()).build();
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> untrusting.send(request("/metrics", "prometheus", PASSWORD), HttpResponse.BodyHandlers.ofString()));
        assertTrue(e.getMessage().contains("unable to find valid certification path"), e.getMessage());
    }

    @Test
    void usersFileMistakesAreOneLineAndNeverEchoTheHash() throws Exception {
        Path users = dir.resolve("bad-users");
        Files.writeString(users, "# ok\nprometheus:plaintext-password\n");
        WebConfigException e = assertThrows(WebConfigException.class, () -> BasicAuthUsers.load(users));
        assertEquals(users + ":2: the password of 'prometheus' is not a bcrypt hash ($2y$10$...); create one with:"
                + " htpasswd -nBC 10 prometheus", e.getMessage());
        assertFalse(e.getMessage().contains("plaintext-password"));

        Files.writeString(users, "# ok\nprometheus\n");
        assertEquals(users + ":2: expected user:bcrypt-hash",
                assertThrows(WebConfigException.class, () -> BasicAuthUsers.load(users)).getMessage());

        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        Files.writeString(users, "prometheus:" + hash + "\n\nprometheus:" + hash + "\n");
        assertEquals(users + ":3: user 'prometheus' appears twice",
                assertThrows(WebConfigException.class, () -> BasicAuthUsers.load(users)).getMessage());

        Files.writeString(users, "# nobody\n");
        assertEquals(users + ": no users",
                assertThrows(WebConfigException.class, () -> BasicAuthUsers.load(users)).getMessage());
    }

    @Test
    void tlsFileMistakes() throws Exception {
        assertEquals("TLS needs both --web-tls-cert-file and --web-tls-key-file", assertThrows(WebConfigException.class,
                () -> WebSecurity.fromFiles(cert.certFile(), null, null)).getMessage());
        Path notKey = dir.resolve("ec.key");
        Files.writeString(notKey, "-----BEGIN EC PRIVATE KEY-----\nMIIB\n-----END EC PRIVATE KEY-----\n");
        assertEquals(notKey + ": expected an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----) or an RSA key in"
                        + " PKCS#1 (-----BEGIN RSA PRIVATE KEY-----); convert others with: openssl pkcs8 -topk8 -nocrypt"
                        + " -in KEY -out KEY.pk8",
                assertThrows(WebConfigException.class, () -> WebSecurity.fromFiles(cert.certFile(), notKey, null))
                        .getMessage());
        Path brokenRsa = dir.resolve("rsa.key");
        Files.writeString(brokenRsa, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertEquals(brokenRsa + ": not a readable RSA key in PKCS#1 (-----BEGIN RSA PRIVATE KEY-----)",
                assertThrows(WebConfigException.class, () -> WebSecurity.fromFiles(cert.certFile(), brokenRsa, null))
                        .getMessage());
        // The key given as the certificate: the file is named; the JDK's reason follows.
        String swapped = assertThrows(WebConfigException.class,
                () -> WebSecurity.fromFiles(cert.keyFile(), cert.keyFile(), null)).getMessage();
        assertTrue(swapped.startsWith(cert.keyFile() + ": not a PEM certificate: "), swapped);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return client.send(request(path, user, password), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }
}
