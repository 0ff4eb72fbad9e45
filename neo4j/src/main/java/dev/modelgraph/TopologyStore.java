package dev.modelgraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arrays of a {@link TopologyIndex}, indexed directly by internal id: Community's record
 * format hands out node and relationship ids densely from 0 (and reuses freed ones), so an array
 * slot per id costs less than any map. Per relationship: its ends, its type and recordedAt, which
 * every relationship has; the other validity times (retractedAt, from, to, toRecordedAt) only a
 * few have (a withdrawn READ, a closed SERVES), so they sit in a side table of 4 longs per row.
 * Per node: its relationships sorted by id (slot 0 holds the count), so a walk lists them in the
 * order the store path sorts them to. Not thread-safe: {@link TopologyIndex} locks around it.
 */
final class TopologyStore {
    private static final byte PRESENT = 1, DATASET_VERSION = 2;
    private static final long A = LineageRules.ABSENT;

    private final List<String> labels = new ArrayList<>();
    private final Map<String, Short> labelCodes = new HashMap<>();
    private byte[] nodeFlags = new byte[0];
    private short[] nodeLabel = new short[0];
    private long[] nodeCreated = new long[0], nodeRecorded = new long[0];
    private int[][] adjacency = new int[0][];

    byte[] relType = new byte[0]; // the type's code + 1; 0: no relationship lineage follows
    int[] relStart = new int[0], relEnd = new int[0];
    private long[] relRecorded = new long[0];
    private int[] relExtra = new int[0]; // row + 1 in `extras`; 0: none
    private long[] extras = new long[0];
    private int extraRows;
    private int[] freeRows = new int[0];
    private int freeCount;
    int nodes, relationships;

    /** An id as an array index; an index that cannot hold it stops serving (see TopologyListener). */
    private static int slot(long id) {
        if (id < 0 || id > Integer.MAX_VALUE - 64) throw new IllegalStateException("id " + id + " is beyond the in-memory topology's range");
        return (int) id;
    }

    void putNode(long id, String label, boolean datasetVersion, long createdAt, long recordedAt) {
        int n = slot(id);
        growNodes(n);
        if (nodeFlags[n] == 0) nodes++;
        nodeFlags[n] = (byte) (PRESENT | (datasetVersion ? DATASET_VERSION : 0));
        nodeLabel[n] = label == null ? 0 : labelCodes.computeIfAbsent(label, l -> { labels.add(l); return (short) labels.size(); });
        nodeCreated[n] = createdAt;
        nodeRecorded[n] = recordedAt;
    }

    void removeNode(long id) {
        if (id < 0 || id >= nodeFlags.length || nodeFlags[(int) id] == 0) return;
        nodeFlags[(int) id] = 0;
        nodeLabel[(int) id] = 0;
        nodes--;
    }

    /** `times`: recordedAt, retractedAt, from, to, toRecordedAt as {@link LineageRules#time} encodes them. */
    void putRelationship(long id, int code, long start, long end, long[] times) {
        int r = slot(id), s = slot(start), e = slot(end);
        growRelationships(r);
        growNodes(Math.max(s, e));
        boolean known = relType[r] != 0;
        if (known && (relStart[r] != s || relEnd[r] != e)) {
            removeRelationship(r); // an id reused for a relationship between other nodes
            known = false;
        }
        relType[r] = (byte) (code + 1);
        relStart[r] = s;
        relEnd[r] = e;
        relRecorded[r] = times[0];
        boolean rare = times[1] != A || times[2] != A || times[3] != A || times[4] != A;
        int row = relExtra[r] - 1;
        if (rare && row < 0) row = newRow();
        if (rare) System.arraycopy(times, 1, extras, row * 4, 4);
        else if (row >= 0) freeRow(row);
        relExtra[r] = rare ? row + 1 : 0;
        if (known) return;
        link(s, r);
        link(e, r);
        relationships++;
    }

    void removeRelationship(long id) {
        if (id < 0 || id >= relType.length || relType[(int) id] == 0) return;
        int r = (int) id;
        unlink(relStart[r], r);
        unlink(relEnd[r], r);
        if (relExtra[r] != 0) freeRow(relExtra[r] - 1);
        relExtra[r] = 0;
        relType[r] = 0;
        relationships--;
    }

    int[] adjacency(long node) {
        return node >= 0 && node < adjacency.length ? adjacency[(int) node] : null;
    }

    boolean isDatasetVersion(int node) {
        return (nodeFlags[node] & DATASET_VERSION) != 0;
    }

    /** The node's first label, as LineageRows.nodeLabel gives it (null: none, or not a known node). */
    String label(long node) {
        return node >= 0 && node < nodeLabel.length && nodeLabel[(int) node] > 0 ? labels.get(nodeLabel[(int) node] - 1) : null;
    }

    boolean relationshipVisible(LineageRules rules, int r) {
        int row = relExtra[r] - 1;
        return row < 0 ? rules.visible(relRecorded[r], A, A, A, A)
            : rules.visible(relRecorded[r], extras[row * 4], extras[row * 4 + 1], extras[row * 4 + 2], extras[row * 4 + 3]);
    }

    boolean nodeVisible(LineageRules rules, int node) {
        return nodeFlags[node] == 0 ? rules.visible(A, A) : rules.visible(nodeCreated[node], nodeRecorded[node]);
    }

    /** Heap held by the arrays (16-byte array headers, 4-byte references), for the figures per relationship. */
    long bytes() {
        long b = 16L * 12 + nodeFlags.length * 23L + 4L * adjacency.length + relType.length * 21L + extras.length * 8L + freeRows.length * 4L;
        for (int[] a : adjacency) if (a != null) b += 16 + ((4L * a.length + 7) & ~7);
        return b;
    }

    /** Drops the room left for growth once the scan is done: the arrays then hold what they must. */
    void trim() {
        int n = adjacency.length, r = relType.length;
        while (n > 0 && nodeFlags[n - 1] == 0 && adjacency[n - 1] == null) n--;
        while (r > 0 && relType[r - 1] == 0) r--;
        if (n < nodeFlags.length) {
            nodeFlags = Arrays.copyOf(nodeFlags, n);
            nodeLabel = Arrays.copyOf(nodeLabel, n);
            nodeCreated = Arrays.copyOf(nodeCreated, n);
            nodeRecorded = Arrays.copyOf(nodeRecorded, n);
            adjacency = Arrays.copyOf(adjacency, n);
        }
        for (int k = 0; k < n; k++) if (adjacency[k] != null && adjacency[k].length > adjacency[k][0] + 1) adjacency[k] = Arrays.copyOf(adjacency[k], adjacency[k][0] + 1);
        if (r < relType.length) {
            relType = Arrays.copyOf(relType, r);
            relStart = Arrays.copyOf(relStart, r);
            relEnd = Arrays.copyOf(relEnd, r);
            relRecorded = Arrays.copyOf(relRecorded, r);
            relExtra = Arrays.copyOf(relExtra, r);
        }
        extras = Arrays.copyOf(extras, extraRows * 4);
    }

    /** Inserts r into n's relationships, kept sorted (ids mostly arrive in ascending order: an append). */
    private void link(int n, int r) {
        int[] a = adjacency[n];
        if (a == null) a = adjacency[n] = new int[2];
        int count = a[0];
        int at = Arrays.binarySearch(a, 1, count + 1, r);
        if (at >= 0) return; // a loop: listed once, as the store lists it
        at = -at - 1;
        if (count + 1 == a.length) a = adjacency[n] = Arrays.copyOf(a, a.length + (a.length >> 1) + 1);
        System.arraycopy(a, at, a, at + 1, count + 1 - at);
        a[at] = r;
        a[0] = count + 1;
    }

    private void unlink(int n, int r) {
        int[] a = adjacency[n];
        int at = a == null ? -1 : Arrays.binarySearch(a, 1, a[0] + 1, r);
        if (at < 0) return;
        System.arraycopy(a, at + 1, a, at, a[0] - at);
        if (--a[0] == 0) adjacency[n] = null;
    }

    private int newRow() {
        if (freeCount > 0) return freeRows[--freeCount];
        if ((extraRows + 1) * 4 > extras.length) extras = Arrays.copyOf(extras, Math.max(64, extras.length * 3 / 2 / 4 * 4 + 4));
        return extraRows++;
    }

    private void freeRow(int row) {
        if (freeCount == freeRows.length) freeRows = Arrays.copyOf(freeRows, Math.max(16, freeCount * 2));
        freeRows[freeCount++] = row;
    }

    private void growNodes(int n) {
        if (n < nodeFlags.length) return;
        int length = grownLength(nodeFlags.length, n);
        nodeFlags = Arrays.copyOf(nodeFlags, length);
        nodeLabel = Arrays.copyOf(nodeLabel, length);
        nodeCreated = Arrays.copyOf(nodeCreated, length);
        nodeRecorded = Arrays.copyOf(nodeRecorded, length);
        adjacency = Arrays.copyOf(adjacency, length);
    }

    private void growRelationships(int r) {
        if (r < relType.length) return;
        int length = grownLength(relType.length, r);
        relType = Arrays.copyOf(relType, length);
        relStart = Arrays.copyOf(relStart, length);
        relEnd = Arrays.copyOf(relEnd, length);
        relRecorded = Arrays.copyOf(relRecorded, length);
        relExtra = Arrays.copyOf(relExtra, length);
    }

    /** Room for index `needed`, growing by half (plus a page) so a scan of n ids copies O(n) in all. */
    private static int grownLength(int current, int needed) {
        return Math.max(needed + 1, current + (current >> 1) + 1024);
    }
}
