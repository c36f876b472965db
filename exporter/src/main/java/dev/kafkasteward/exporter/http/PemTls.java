package dev.kafkasteward.exporter.http;

import com.sun.net.httpserver.HttpsConfigurator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * TLS for {@code /metrics} from the two PEM files every certificate tool writes: a certificate
 * chain and an unencrypted PKCS#8 private key (RSA, EC or Ed25519), as Prometheus' own
 * {@code cert_file}/{@code key_file}. Read once at start; restart to pick up a renewed certificate.
 */
public final class PemTls {

    private static final Pattern KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private PemTls() {
    }

    public static HttpsConfigurator configurator(Path certFile, Path keyFile) throws WebConfigException {
        List<? extends Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("web", key, IN_MEMORY, chain.toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new HttpsConfigurator(context);
        } catch (GeneralSecurityException | IOException e) {
            throw new WebConfigException(certFile + ", " + keyFile + ": certificate and key do not make a TLS identity: "
                    + e.getMessage());
        }
    }

    private static List<? extends Certificate> certificates(Path file) throws WebConfigException {
        try {
            var certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
            if (certs.isEmpty()) {
                throw new WebConfigException(file + ": no PEM certificate found");
            }
            return List.copyOf(certs);
        } catch (IOException e) {
            throw new WebConfigException(file + ": cannot read certificate: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new WebConfigException(file + ": not a PEM certificate: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(Path file) throws WebConfigException {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new WebConfigException(file + ": cannot read private key: " + e.getMessage());
        }
        Matcher m = KEY.matcher(pem);
        if (!m.find()) {
            // The key's content is never echoed: the message names the file and the expected format only.
            throw new WebConfigException(file + ": expected an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----);"
                    + " convert with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new WebConfigException(file + ": private key is not RSA, EC or Ed25519");
    }
}
