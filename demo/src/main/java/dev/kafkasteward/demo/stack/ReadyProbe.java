package dev.kafkasteward.demo.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Waits, boundedly, until a child server answers 200 on its readiness endpoint. */
public final class ReadyProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private ReadyProbe() {
    }

    /**
     * Returns once {@code url} answers 200; fails at once if {@code child} exits, and after
     * {@code timeout} otherwise, both with the end of the child's log.
     */
    public static void await(ChildProcess child, URI url, Duration timeout) throws InterruptedException {
        await(child, url, body -> true, timeout);
    }

    /** Like {@link #await(ChildProcess, URI, Duration)}, and the body must also satisfy {@code ready}. */
    public static void await(ChildProcess child, URI url, Predicate<String> ready, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!child.isAlive()) {
                throw new IllegalStateException(child.name() + " exited during start-up; log " + child.log() + ":\n"
                        + child.logTail(30));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(1))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && ready.test(response.body())) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(child.name() + " not ready at " + url + " after " + timeout.toSeconds()
                + " s (" + last + "); log " + child.log() + ":\n" + child.logTail(30));
    }
}
