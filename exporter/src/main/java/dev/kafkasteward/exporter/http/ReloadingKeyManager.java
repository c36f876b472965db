package dev.kafkasteward.exporter.http;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the certificate and key in two PEM files and reads them again when either changes (checked at most once a
 * second, at a handshake), so a renewed certificate (cert-manager, certbot) is served without a restart. A pair
 * that does not load (half written, mismatched) keeps the previous one in use, and is logged.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingKeyManager.class);
    private static final long CHECK_EVERY_MS = 1_000;

    private record Loaded(X509KeyManager keys, List<FileTime> modified) {
    }

    private final Path certFile;
    private final Path keyFile;
    private volatile Loaded loaded;
    private volatile long checkedAt;

    ReloadingKeyManager(Path certFile, Path keyFile) throws WebConfigException {
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.loaded = new Loaded(PemTls.keyManager(certFile, keyFile), modified());
    }

    private X509KeyManager current() {
        long now = System.currentTimeMillis();
        if (now - checkedAt >= CHECK_EVERY_MS) {
            checkedAt = now;
            List<FileTime> modified = modified();
            if (!modified.equals(loaded.modified())) {
                synchronized (this) {
                    if (!modified.equals(loaded.modified())) {
                        try {
                            loaded = new Loaded(PemTls.keyManager(certFile, keyFile), modified);
                            LOG.info("TLS certificate reloaded from {}", certFile);
                        } catch (WebConfigException e) {
                            LOG.warn("TLS certificate not reloaded, the previous one stays in use: {}", e.getMessage());
                            loaded = new Loaded(loaded.keys(), modified); // tried once per change
                        }
                    }
                }
            }
        }
        return loaded.keys();
    }

    private List<FileTime> modified() {
        try {
            return List.of(Files.getLastModifiedTime(certFile), Files.getLastModifiedTime(keyFile));
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return current().chooseServerAlias(keyType, issuers, null);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return current().chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return loaded.keys().getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return loaded.keys().getPrivateKey(alias);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return current().getServerAliases(keyType, issuers);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null; // a server only
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
