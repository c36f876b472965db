package dev.kafkasteward.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkasteward.contract.testing.Await;
import dev.kafkasteward.exporter.testing.SelfSignedCert;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics over TLS with the key encodings certificate tools write, and a renewed certificate without a restart. */
class PemTlsTest {

    private static final ScrapeSource SOURCE = () -> new ScrapeSource.Scrape("one", MetricSnapshots::of,
            MetricSnapshots::of);

    @Test
    void anRsaKeyInPkcs1AsCertManagerWritesItIsServed(@TempDir Path dir) throws Exception {
        SelfSignedCert cert = SelfSignedCert.createRsa(dir);
        cert.rewriteKeyAsPkcs1();
        assertTrue(Files.readString(cert.keyFile()).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, SOURCE, () -> true, Optional::empty,
                WebSecurity.fromFiles(cert.certFile(), cert.keyFile(), null))) {
            HttpClient client = HttpClient.newBuilder().sslContext(cert.trusting()).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                    + server.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
        }
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart(@TempDir Path dir) throws Exception {
        SelfSignedCert first = SelfSignedCert.create(Files.createDirectories(dir.resolve("first")));
        SelfSignedCert renewed = SelfSignedCert.create(Files.createDirectories(dir.resolve("renewed")));
        Path certFile = dir.resolve("tls.crt");
        Path keyFile = dir.resolve("tls.key");
        Files.copy(first.certFile(), certFile);
        Files.copy(first.keyFile(), keyFile);
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, SOURCE, () -> true, Optional::empty,
                WebSecurity.fromFiles(certFile, keyFile, null))) {
            assertEquals(first.certificate(), presented(server.port()));

            // As a renewal may: the key first; while the pair does not match, the old one stays in use.
            Files.copy(renewed.keyFile(), keyFile, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(keyFile, FileTime.from(Instant.now().plusSeconds(5)));
            Thread.sleep(1_100); // past the once-a-second check
            assertEquals(first.certificate(), presented(server.port()), "half renewed: the old pair is served");
            Files.copy(renewed.certFile(), certFile, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(certFile, FileTime.from(Instant.now().plusSeconds(10)));
            assertNotEquals(first.certificate(), renewed.certificate());

            Await.until(Duration.ofSeconds(30), "the renewed certificate on a new connection",
                    () -> renewed.certificate().equals(presented(server.port())));
        }
    }

    /** The certificate the server presents on a new TLS connection. */
    private static X509Certificate presented(int port) throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
