package dev.kafkasteward.exporter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made by the JDK's keytool and written as
 * the two PEM files {@code serve} takes; {@link #trusting()} gives a client that trusts only it.
 */
public record SelfSignedCert(Path certFile, Path keyFile, X509Certificate certificate) {

    public static SelfSignedCert create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        return create(dir, List.of("-keyalg", "EC", "-groupname", "secp256r1"));
    }

    /** With an RSA key (2048 bits). */
    public static SelfSignedCert createRsa(Path dir) throws IOException, InterruptedException,
            GeneralSecurityException {
        return create(dir, List.of("-keyalg", "RSA", "-keysize", "2048"));
    }

    private static SelfSignedCert create(Path dir, List<String> keyOptions) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path store = dir.resolve("web.p12");
        List<String> command = new java.util.ArrayList<>(List.of("-genkeypair", "-alias", "web"));
        command.addAll(keyOptions);
        command.addAll(List.of("-dname", "CN=kafka-steward-test", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit"));
        Keytool.run(null, command);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Certificate cert = ks.getCertificate("web");
        byte[] key = ks.getKey("web", "changeit".toCharArray()).getEncoded(); // PKCS#8
        Path certFile = dir.resolve("web.crt");
        Path keyFile = dir.resolve("web.key");
        Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyFile, pem("PRIVATE KEY", key));
        return new SelfSignedCert(certFile, keyFile, (X509Certificate) cert);
    }

    /** The key file rewritten as PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), from the RSA key's own numbers. */
    public void rewriteKeyAsPkcs1() throws IOException, GeneralSecurityException {
        String pem = Files.readString(keyFile);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        java.security.interfaces.RSAPrivateCrtKey k = (java.security.interfaces.RSAPrivateCrtKey)
                java.security.KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
        // RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dP, dQ, qInv } (RFC 8017, A.1.2)
        java.io.ByteArrayOutputStream ints = new java.io.ByteArrayOutputStream();
        for (java.math.BigInteger i : List.of(java.math.BigInteger.ZERO, k.getModulus(), k.getPublicExponent(),
                k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(),
                k.getCrtCoefficient())) {
            ints.writeBytes(tlv(0x02, i.toByteArray()));
        }
        Files.writeString(keyFile, pem("RSA PRIVATE KEY", tlv(0x30, ints.toByteArray())));
    }

    private static byte[] tlv(int tag, byte[] value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 128) {
            out.write(n);
        } else if (n < 256) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** A client TLS context that trusts this certificate and nothing else. */
    public SSLContext trusting() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("web", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** DER bytes as a PEM block of {@code type}, 64 characters a line. */
    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
