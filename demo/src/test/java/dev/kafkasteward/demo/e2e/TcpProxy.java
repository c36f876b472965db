package dev.kafkasteward.demo.e2e;

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
 * A loopback TCP relay that can be cut like a network link: {@link #cut()} drops every connection
 * and refuses new ones, {@link #restore()} listens again on the same port.
 */
final class TcpProxy implements AutoCloseable {

    private final int port;
    private final int target;
    private final Set<Socket> open = new HashSet<>();
    private ServerSocket server;

    private TcpProxy(int port, int target) {
        this.port = port;
        this.target = target;
    }

    static TcpProxy start(int port, int target) throws IOException {
        TcpProxy proxy = new TcpProxy(port, target);
        proxy.restore();
        return proxy;
    }

    int port() {
        return port;
    }

    /** Listens again (no-op when already listening). */
    synchronized void restore() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server = socket;
        daemon("proxy-accept-" + port, () -> accept(socket));
    }

    /** Drops every relayed connection and stops listening: connects are refused until {@link #restore()}. */
    synchronized void cut() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                if (!track(client, upstream)) {
                    return;
                }
                daemon("proxy-up-" + port, () -> pump(client, upstream));
                daemon("proxy-down-" + port, () -> pump(upstream, client));
            } catch (IOException e) {
                // closed by cut(), or the broker behind is down: the client sees a dropped connection
            }
        }
    }

    private synchronized boolean track(Socket client, Socket upstream) {
        if (server == null) {
            closeQuietly(client);
            closeQuietly(upstream);
            return false;
        }
        open.add(client);
        open.add(upstream);
        return true;
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            synchronized (this) {
                open.remove(from);
                open.remove(to);
            }
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        cut();
    }
}
