package dev.kafkasteward.exporter.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Passes bytes through but holds back the last {@code trailer.length}; on close they are dropped
 * when they are exactly {@code trailer}, written otherwise. Streams the body instead of copying a
 * whole rendered exposition to cut its last line.
 */
final class TrailerDroppingStream extends OutputStream {

    private final OutputStream out;
    private final byte[] trailer;
    private final byte[] held;
    private int count;

    TrailerDroppingStream(OutputStream out, byte[] trailer) {
        this.out = out;
        this.trailer = trailer.clone();
        this.held = new byte[trailer.length];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int n = held.length;
        if (len >= n) {
            out.write(held, 0, count);
            out.write(b, off, len - n);
            System.arraycopy(b, off + len - n, held, 0, n);
            count = n;
            return;
        }
        int overflow = count + len - n; // held bytes that can no longer be part of the trailer
        if (overflow > 0) {
            out.write(held, 0, overflow);
            System.arraycopy(held, overflow, held, 0, count - overflow);
            count -= overflow;
        }
        System.arraycopy(b, off, held, count, len);
        count += len;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (count != held.length || !Arrays.equals(held, trailer)) {
            out.write(held, 0, count);
        }
        out.close();
    }
}
