package dev.kafkasteward.grafana;

import dev.kafkasteward.grafana.model.GridPos;

/**
 * Places panels on Grafana's 24-column grid, left to right and top to bottom, and hands out panel
 * ids in the same order, so ids and positions are stable for a given ownership file.
 */
final class GridLayout {

    static final int COLUMNS = 24;

    private int nextId = 1;
    private int x;
    private int y;
    private int lineHeight;

    int nextId() {
        return nextId++;
    }

    /** A full-width row header below everything placed so far. */
    GridPos row() {
        newLine();
        GridPos pos = new GridPos(1, COLUMNS, 0, y);
        y += 1;
        return pos;
    }

    /** The next free slot of the given size, wrapping to a new line when the current one is full. */
    GridPos place(int w, int h) {
        if (x + w > COLUMNS) {
            newLine();
        }
        GridPos pos = new GridPos(h, w, x, y);
        x += w;
        lineHeight = Math.max(lineHeight, h);
        return pos;
    }

    private void newLine() {
        y += lineHeight;
        x = 0;
        lineHeight = 0;
    }
}
