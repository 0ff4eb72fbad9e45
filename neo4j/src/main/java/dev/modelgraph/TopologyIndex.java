package dev.modelgraph;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.txstate.TxStateHolder;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;

/**
 * The lineage topology of one database in memory, so that a walk reads a few primitive arrays
 * instead of the store's relationship chains and property records: the relationships of the
 * types {@link LineageRules} follows (type, ends, validity times) and, per node, what the rules
 * ask of it (first label, DatasetVersion or not, createdAt/recordedAt). {@link TopologyStore}
 * holds the arrays; {@link TopologyListener} builds it and keeps it up to date after each commit.
 *
 * Readers take the read lock for a whole walk (a millisecond or so), the listener the write lock
 * to apply one committed transaction: a walk sees every transaction entirely or not at all.
 */
final class TopologyIndex {
    private static final ConcurrentHashMap<String, TopologyIndex> BY_DATABASE = new ConcurrentHashMap<>();
    /** Walks that went through the store while an index was registered for the database (not ready, or own writes). */
    static final LongAdder STORE_WALKS = new LongAdder();

    final TopologyStore store = new TopologyStore();
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final LongAdder walks = new LongAdder();
    /** Set once the start-up scan and the commits buffered during it are applied. */
    volatile boolean ready;
    /** Why the index stopped serving (a failed update): walks go through the store from then on. */
    volatile String failure;
    volatile long buildMillis = -1;

    /** False when the database has an index already. */
    static boolean register(String database, TopologyIndex index) {
        return BY_DATABASE.putIfAbsent(database, index) == null;
    }

    static void unregister(String database, TopologyIndex index) {
        BY_DATABASE.remove(database, index);
    }

    static TopologyIndex of(String database) {
        return BY_DATABASE.get(database);
    }

    /**
     * The index that may serve a walk in `tx`: its database's, ready and not failed, and only when
     * `tx` has no uncommitted writes (the index knows committed state only).
     */
    static TopologyIndex serving(Transaction tx) {
        if (!(tx instanceof InternalTransaction itx)) return null;
        TopologyIndex index = BY_DATABASE.get(itx.getDatabaseName());
        if (index == null) return null;
        boolean clean = itx.kernelTransaction() instanceof TxStateHolder h && !h.hasTxStateWithChanges();
        if (!index.ready || index.failure != null || !clean) {
            STORE_WALKS.increment();
            return null;
        }
        return index;
    }

    Walk walk(LineageRules rules, long depth, long maxNodes) {
        lock.readLock().lock();
        try {
            walks.increment();
            return Walk.breadthFirst(rules, depth, maxNodes, this, a -> follow(rules, a));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** {@link LineageRules#follow} over the arrays: the same rules, the same order (by relationship id). */
    private List<Walk.Step> follow(LineageRules rules, long node) {
        TopologyStore s = store;
        int[] adjacency = s.adjacency(node);
        if (adjacency == null) return List.of();
        int a = (int) node;
        boolean isOrigin = rules.isOrigin(node);
        boolean isDatasetVersion = s.isDatasetVersion(a);
        List<Walk.Step> out = new ArrayList<>(adjacency[0]); // sized once: a version's fields make long lists
        for (int k = 1; k <= adjacency[0]; k++) {
            int r = adjacency[k];
            int code = s.relType[r] - 1;
            int start = s.relStart[r];
            int end = s.relEnd[r];
            boolean outgoing = start == a;
            int other = outgoing ? end : start;
            if (rules.follows(code, outgoing, isOrigin, isDatasetVersion) && s.relationshipVisible(rules, r) && s.nodeVisible(rules, other)) {
                out.add(new Walk.Step(r, other, LineageRules.TYPES[code], start, end));
            }
        }
        return out;
    }

    /** The node's first label as the index holds it (null: none, or not a known node). */
    String label(long node) {
        lock.readLock().lock();
        try {
            return store.label(node);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The one node at the other end of `node`'s relationships of the given types in the given
     * direction (outgoing: `node` is their start), a DatasetVersion when `datasetVersion`, or -1
     * when there is not exactly one: the caller then asks the store, whose answer with exactly one
     * candidate is the same one.
     */
    long single(long node, boolean outgoing, boolean datasetVersion, int... codes) {
        lock.readLock().lock();
        try {
            TopologyStore s = store;
            int[] adjacency = s.adjacency(node);
            if (adjacency == null) return -1;
            long found = -1;
            for (int k = 1; k <= adjacency[0]; k++) {
                int r = adjacency[k];
                if (!contains(codes, s.relType[r] - 1) || (s.relStart[r] == node) != outgoing) continue;
                int other = outgoing ? s.relEnd[r] : s.relStart[r];
                if (datasetVersion && !s.isDatasetVersion(other)) continue;
                if (found >= 0) return -1;
                found = other;
            }
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static final int SERVES = LineageRules.typeCode("SERVES"), MEMBER = LineageRules.typeCode("MEMBER");

    /** A way a node is served: a `serves` from a deployment, through a `member` from an ensemble (both -1: directly). */
    record ServingLink(int serves, int deployment, int member, int ensemble) {}

    /**
     * What {@link LineageRows#serving} reads relationship chains and times for: each visible `serves`
     * relationship into `node` from a visible Deployment and, with `throughMembers`, each visible
     * `member` one from a visible Ensemble with such a `serves`. "A Deployment": its first label, as
     * the walk types nodes.
     */
    List<ServingLink> servingLinks(LineageRules rules, long node, boolean throughMembers) {
        lock.readLock().lock();
        try {
            List<ServingLink> out = new ArrayList<>(2);
            servingLinks(rules, node, throughMembers, -1, -1, out);
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void servingLinks(LineageRules rules, long node, boolean throughMembers, int member, int ensemble, List<ServingLink> out) {
        TopologyStore s = store;
        int[] adjacency = s.adjacency(node);
        if (adjacency == null) return;
        for (int k = 1; k <= adjacency[0]; k++) {
            int r = adjacency[k];
            int code = s.relType[r] - 1;
            if (s.relEnd[r] != node || code != SERVES && (code != MEMBER || !throughMembers)) continue;
            int from = s.relStart[r];
            if (!(code == SERVES ? "Deployment" : "Ensemble").equals(s.label(from))) continue;
            if (!s.relationshipVisible(rules, r) || !s.nodeVisible(rules, from)) continue;
            if (code == SERVES) out.add(new ServingLink(r, from, member, ensemble));
            else servingLinks(rules, from, false, r, from, out); // an ensemble is served by its own SERVES only, as in LineageRows
        }
    }

    /** The first label of each node ({@link #label}), under one lock. */
    String[] labels(long[] nodes) {
        lock.readLock().lock();
        try {
            String[] out = new String[nodes.length];
            for (int i = 0; i < out.length; i++) out[i] = store.label(nodes[i]);
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static boolean contains(int[] codes, int code) {
        for (int c : codes) if (c == code) return true;
        return false;
    }

    /** Runs `update` on the store with no walk in progress. */
    void write(Runnable update) {
        lock.writeLock().lock();
        try {
            update.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
