package dev.kafkasteward.exporter.http;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.BiPredicate;

/**
 * HTTP basic auth from a users file of {@code user:bcrypt-hash} lines ({@code #} comments and blank
 * lines allowed), the hashes {@code htpasswd -nBC 10 USER} and Prometheus' web config use.
 * {@code /healthz} and {@code /readyz} stay open for probes: they reveal nothing.
 */
public final class BasicAuthUsers extends BasicAuthenticator {

    private static final Set<String> OPEN_PATHS = Set.of("/healthz", "/readyz");

    private final Map<String, String> hashes;
    /**
     * bcrypt is slow on purpose (tens of ms at cost 10); Prometheus scrapes every few seconds with the
     * same password, so the SHA-256 of the last password that verified is kept per user.
     */
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    /**
     * One bcrypt verification at a time; a request that would wait for one is refused at once. A flood of
     * wrong passwords then costs at most one core, and never queues threads behind it.
     */
    private final Semaphore verifying = new Semaphore(1);
    private final BiPredicate<String, String> verifier;

    BasicAuthUsers(Map<String, String> hashes, BiPredicate<String, String> verifier) {
        super("kafka-steward", StandardCharsets.UTF_8);
        this.hashes = hashes;
        this.verifier = verifier;
    }

    public static BasicAuthUsers load(Path file) throws WebConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WebConfigException(file + ": cannot read users file: " + e.getMessage());
        }
        Map<String, String> hashes = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String where = file + ":" + (i + 1) + ": ";
            if (colon <= 0) {
                throw new WebConfigException(where + "expected user:bcrypt-hash");
            }
            String user = line.substring(0, colon);
            String hash = line.substring(colon + 1);
            // Never echo the hash: a wrong line is named by number only.
            if (!hash.matches("\\$2[abxy]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw new WebConfigException(where + "the password of '" + user
                        + "' is not a bcrypt hash ($2y$10$...); create one with: htpasswd -nBC 10 " + user);
            }
            if (hashes.put(user, hash) != null) {
                throw new WebConfigException(where + "user '" + user + "' appears twice");
            }
        }
        if (hashes.isEmpty()) {
            throw new WebConfigException(file + ": no users");
        }
        return new BasicAuthUsers(hashes,
                (password, hash) -> BCrypt.verifyer().verify(password.toCharArray(), hash).verified);
    }

    @Override
    public Result authenticate(HttpExchange exchange) {
        if (OPEN_PATHS.contains(exchange.getRequestURI().getPath())) {
            return new Success(new HttpPrincipal("probe", getRealm()));
        }
        return super.authenticate(exchange);
    }

    @Override
    public boolean checkCredentials(String user, String password) {
        String hash = hashes.get(user);
        if (hash == null) {
            return false;
        }
        byte[] digest = sha256(password);
        byte[] known = verified.get(user);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        if (!verifying.tryAcquire()) {
            return false;
        }
        try {
            boolean ok = verifier.test(password, hash);
            if (ok) {
                verified.put(user, digest);
            }
            return ok;
        } finally {
            verifying.release();
        }
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
