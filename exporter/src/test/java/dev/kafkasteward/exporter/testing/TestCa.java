package dev.kafkasteward.exporter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;

/**
 * A certificate authority made in the test by the JDK's keytool, issuing RSA certificates as the PEM
 * files a Kubernetes TLS secret holds: {@code ca.crt}, {@code tls.crt} (leaf then CA) and
 * {@code tls.key} (unencrypted PKCS#8, what Kafka's PEM key store reads).
 */
public final class TestCa {

    private static final String PASS = "changeit";

    private final Path dir;
    private final Path store;
    private final Path caPem;

    private TestCa(Path dir, Path store, Path caPem) {
        this.dir = dir;
        this.store = store;
        this.caPem = caPem;
    }

    public static TestCa create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path store = dir.resolve("ca.p12");
        keytool(null, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=kafka-steward-test-ca", "-ext", "bc:c", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASS);
        Path caPem = dir.resolve("ca.crt");
        Files.writeString(caPem, keytool(null, "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(),
                "-storepass", PASS));
        return new TestCa(dir, store, caPem);
    }

    /** The CA certificate, PEM: what both sides trust. */
    public Path caCert() {
        return caPem;
    }

    /**
     * Issues a certificate for {@code commonName}, valid for 127.0.0.1 and localhost, into
     * {@code out} as {@code ca.crt}, {@code tls.crt} and {@code tls.key}.
     */
    public Issued issue(Path out, String commonName) throws IOException, InterruptedException,
            GeneralSecurityException {
        Files.createDirectories(out);
        Path leafStore = dir.resolve(commonName + "-" + System.nanoTime() + ".p12");
        keytool(null, "-genkeypair", "-alias", "leaf", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=" + commonName, "-validity", "2", "-storetype", "PKCS12", "-keystore", leafStore.toString(),
                "-storepass", PASS);
        String request = keytool(null, "-certreq", "-alias", "leaf", "-keystore", leafStore.toString(),
                "-storepass", PASS);
        String leaf = keytool(request, "-gencert", "-rfc", "-alias", "ca", "-keystore", store.toString(),
                "-storepass", PASS, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "KU=digitalSignature,keyEncipherment",
                "-ext", "EKU=serverAuth,clientAuth", "-validity", "2");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(leafStore)) {
            ks.load(in, PASS.toCharArray());
        }
        byte[] key = ks.getKey("leaf", PASS.toCharArray()).getEncoded(); // PKCS#8
        Files.delete(leafStore);
        Issued issued = new Issued(out.resolve("ca.crt"), out.resolve("tls.crt"), out.resolve("tls.key"));
        Files.copy(caPem, issued.ca());
        Files.writeString(issued.cert(), leaf.strip() + "\n" + Files.readString(caPem).strip() + "\n");
        Files.writeString(issued.key(), SelfSignedCert.pem("PRIVATE KEY", key));
        return issued;
    }

    /** The files of one issued certificate, laid out as a Kubernetes TLS secret mounts them. */
    public record Issued(Path ca, Path cert, Path key) {
    }

    private static String keytool(String stdin, String... args) throws IOException, InterruptedException {
        return Keytool.run(stdin, List.of(args));
    }
}
