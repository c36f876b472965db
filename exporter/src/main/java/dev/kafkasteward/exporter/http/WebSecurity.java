package dev.kafkasteward.exporter.http;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import java.nio.file.Path;
import java.util.Optional;

/** How {@code /metrics} is protected: TLS, basic auth, both or neither (the default: plain HTTP). */
public record WebSecurity(Optional<HttpsConfigurator> tls, Optional<Authenticator> authenticator) {

    public static final WebSecurity NONE = new WebSecurity(Optional.empty(), Optional.empty());

    /** From the files given to {@code serve}; each may be null. Both TLS files or neither. */
    public static WebSecurity fromFiles(Path certFile, Path keyFile, Path usersFile) throws WebConfigException {
        if ((certFile == null) != (keyFile == null)) {
            throw new WebConfigException("TLS needs both --web-tls-cert-file and --web-tls-key-file");
        }
        Optional<HttpsConfigurator> tls = certFile == null ? Optional.empty()
                : Optional.of(PemTls.configurator(certFile, keyFile));
        Optional<Authenticator> auth = usersFile == null ? Optional.empty()
                : Optional.of(BasicAuthUsers.load(usersFile));
        return new WebSecurity(tls, auth);
    }

    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }
}
