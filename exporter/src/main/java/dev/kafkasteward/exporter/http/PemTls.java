package dev.kafkasteward.exporter.http;

import com.sun.net.httpserver.HttpsConfigurator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509KeyManager;

/**
 * TLS for {@code /metrics} from PEM files, as Prometheus' own {@code cert_file}/{@code key_file}: a certificate
 * chain and an unencrypted private key, PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC or Ed25519) or PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, cert-manager's default encoding). The files are read again when they change
 * (see {@link ReloadingKeyManager}), so a renewed certificate is served without a restart.
 */
public final class PemTls {

    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final Pattern PKCS1 = Pattern.compile(
            "-----BEGIN RSA PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END RSA PRIVATE KEY-----");
    /** The DER of the AlgorithmIdentifier {rsaEncryption (1.2.840.113549.1.1.1), NULL}. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private PemTls() {
    }

    public static HttpsConfigurator configurator(Path certFile, Path keyFile) throws WebConfigException {
        ReloadingKeyManager keys = new ReloadingKeyManager(certFile, keyFile);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new javax.net.ssl.KeyManager[] {keys}, null, null);
            return new HttpsConfigurator(context);
        } catch (GeneralSecurityException e) {
            throw new WebConfigException(certFile + ", " + keyFile + ": cannot set up TLS: " + e.getMessage());
        }
    }

    /** The key manager for one certificate chain and key, read from the two files now. */
    static X509KeyManager keyManager(Path certFile, Path keyFile) throws WebConfigException {
        List<? extends Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!pairs(key, chain.get(0))) {
            throw new WebConfigException(keyFile + " is not the private key of the certificate in " + certFile);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("web", key, IN_MEMORY, chain.toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY);
            return (X509KeyManager) keys.getKeyManagers()[0];
        } catch (GeneralSecurityException | IOException e) {
            throw new WebConfigException(certFile + ", " + keyFile + ": certificate and key do not make a TLS identity: "
                    + e.getMessage());
        }
    }

    /** Whether {@code key} signs what the certificate's public key verifies (a renewal half done would not). */
    private static boolean pairs(PrivateKey key, Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // Ed25519 signs as itself
        };
        try {
            byte[] probe = "kafka-steward".getBytes(StandardCharsets.US_ASCII);
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(cert.getPublicKey());
            verify.update(probe);
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
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
        byte[] pkcs8;
        Matcher m = PKCS8.matcher(pem);
        Matcher rsa = PKCS1.matcher(pem);
        if (m.find()) {
            pkcs8 = Base64.getMimeDecoder().decode(m.group(1));
        } else if (rsa.find()) {
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                        pkcs8OfRsa(Base64.getMimeDecoder().decode(rsa.group(1)))));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new WebConfigException(file + ": not a readable RSA key in PKCS#1 (-----BEGIN RSA PRIVATE"
                        + " KEY-----)");
            }
        } else {
            // The key's content is never echoed: the message names the file and the expected format only.
            throw new WebConfigException(file + ": expected an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----) or"
                    + " an RSA key in PKCS#1 (-----BEGIN RSA PRIVATE KEY-----); convert others with: openssl pkcs8"
                    + " -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new WebConfigException(file + ": private key is not RSA, EC or Ed25519");
    }

    /**
     * PKCS#1's RSAPrivateKey wrapped as PKCS#8's PrivateKeyInfo, which the JDK reads:
     * SEQUENCE { INTEGER 0, AlgorithmIdentifier rsaEncryption, OCTET STRING { the PKCS#1 key } }.
     */
    static byte[] pkcs8OfRsa(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(derLength(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(derLength(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        byte[] out = new byte[bytes + 1];
        out[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            out[bytes - i] = (byte) (length >>> (8 * i));
        }
        return out;
    }
}
