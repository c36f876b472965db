package dev.kafkasteward.grafana.model;

/** A panel's place on Grafana's 24-column grid: height and width in grid units, x and y from the top left. */
public record GridPos(int h, int w, int x, int y) {

    public GridPos {
        if (w < 1 || x < 0 || x + w > 24 || h < 1 || y < 0) {
            throw new IllegalArgumentException("outside the 24-column grid: h=" + h + " w=" + w + " x=" + x + " y=" + y);
        }
    }
}
