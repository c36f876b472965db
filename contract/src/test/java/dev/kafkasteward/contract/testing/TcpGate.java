package dev.kafkasteward.contract.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/**
 * A loopback TCP forwarder in front of a real broker. Closed or {@link #cut()}, connections are
 * refused (a broker that is down, or a network link that is cut); {@link #freeze() frozen},
 * connections are accepted and stay open but no byte passes either way (a broker whose VM froze or
 * whose JVM is stuck in a long GC pause), until {@link #thaw()} lets the held bytes through again.
 * A connection the broker behind refuses is closed at once, so the client sees a refusal too, not a
 * hung peer.
 */
public final class TcpGate implements AutoCloseable {

    private final int port;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = new HashSet<>();
    private final Object relay = new Object();
    private boolean frozen; // guarded by relay
    private ServerSocket server;

    /** A gate on a free loopback port, closed until {@link #open()}. */
    public TcpGate(String targetHost, int targetPort) {
        this(freePort(), targetHost, targetPort);
    }

    private TcpGate(int port, String targetHost, int targetPort) {
        this.port = port;
        this.target = new InetSocketAddress(targetHost, targetPort);
    }

    /** A loopback port nobody listens on right now, for a listener that must be configured before it starts. */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("no free loopback port", e);
        }
    }

    public int port() {
        return port;
    }

    /** Listens and relays (no-op when already open); after {@link #cut()}, on the same port again. */
    public synchronized void open() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        daemon("tcp-gate-" + port, () -> accept(s));
    }

    /** Keeps every connection open, accepts new ones, and relays nothing until {@link #thaw()}. */
    public void freeze() {
        synchronized (relay) {
            frozen = true;
        }
    }

    /** Relays again, starting with whatever was held while frozen. */
    public void thaw() {
        synchronized (relay) {
            frozen = false;
            relay.notifyAll();
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket in;
            try {
                in = s.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                Socket out = new Socket(target.getHostString(), target.getPort());
                if (track(in, out)) {
                    daemon("tcp-gate-up-" + port, () -> pump(in, out));
                    daemon("tcp-gate-down-" + port, () -> pump(out, in));
                }
            } catch (IOException e) {
                closeQuietly(in); // the broker behind is down: the client sees a dropped connection
            }
        }
    }

    private synchronized boolean track(Socket in, Socket out) {
        if (server == null) {
            closeQuietly(in);
            closeQuietly(out);
            return false;
        }
        sockets.add(in);
        sockets.add(out);
        return true;
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                awaitThaw();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            synchronized (this) {
                sockets.remove(from);
                sockets.remove(to);
            }
        }
    }

    private void awaitThaw() throws InterruptedException {
        synchronized (relay) {
            while (frozen) {
                relay.wait();
            }
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /**
     * Stops listening and drops every connection, held bytes discarded: connects are refused until
     * {@link #open()}.
     */
    public void cut() {
        synchronized (this) {
            if (server != null) {
                closeQuietly(server);
                server = null;
            }
            sockets.forEach(TcpGate::closeQuietly);
            sockets.clear();
        }
        thaw(); // lets frozen pumps run into their closed sockets and end
    }

    /** {@link #cut()}. */
    @Override
    public void close() {
        cut();
    }
}
