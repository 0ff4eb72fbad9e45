package dev.modelgraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.NotFoundException;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * Keeps a {@link TopologyIndex} equal to the committed graph. Before a commit it notes which
 * nodes and relationships the transaction touched in ways the rules can see (created, deleted,
 * labels, the time properties); after the commit it reads their committed state back from the
 * store and applies it. Reading back rather than replaying the transaction's values means the
 * order in which concurrent commits reach afterCommit cannot matter: applies are serialized and
 * each one reads the state as of its own time, which is never older than the one before.
 *
 * Start-up: {@link #start} registers the listener first, then scans the store in the background;
 * commits made during the scan are only noted, and re-read once it is done, so none is lost.
 */
final class TopologyListener implements TransactionEventListener<TopologyListener.Touched> {
    private static final Label DATASET_VERSION = Label.label("DatasetVersion");
    private static final Set<String> REL_TIMES = Set.of("recordedAt", "retractedAt", "from", "to", "toRecordedAt");
    private static final Set<String> NODE_TIMES = Set.of("createdAt", "recordedAt");

    /** Ids of what one transaction changed. */
    record Touched(LongHashSet nodes, LongHashSet relationships) {}

    private final TopologyIndex index;
    private final GraphDatabaseService db;
    private final List<Touched> duringScan = new ArrayList<>(); // guarded by `this`

    TopologyListener(TopologyIndex index, GraphDatabaseService db) {
        this.index = index;
        this.db = db;
    }

    /**
     * Registers an index for `db` and builds it on a daemon thread (walks use the store until it is
     * ready); null when `db` has one already (the plugin's extension and the embedded launcher both
     * call this: whichever comes first).
     */
    static TopologyListener start(GraphDatabaseService db, java.util.function.Consumer<TopologyListener> register) {
        TopologyIndex index = new TopologyIndex();
        if (!TopologyIndex.register(db.databaseName(), index)) return null;
        TopologyListener listener = new TopologyListener(index, db);
        register.accept(listener); // before the scan, so that no commit made during it goes unnoticed
        Thread scan = new Thread(listener::build, "modelgraph-topology-scan-" + db.databaseName());
        scan.setDaemon(true);
        scan.start();
        return listener;
    }

    TopologyIndex index() {
        return index;
    }

    /** The start-up scan, then the commits noted during it. */
    void build() {
        long started = System.nanoTime();
        // A database being started (the extension's case) serves no transaction yet.
        while (!db.isAvailable(1000)) {
            if (TopologyIndex.of(db.databaseName()) != index) return; // stopped meanwhile
        }
        try (Transaction tx = db.beginTx(1, TimeUnit.DAYS)) {
            TopologyStore s = index.store; // not yet served: no reader, and commits are only noted
            for (Node n : tx.getAllNodes()) putNode(s, n);
            for (Relationship r : tx.getAllRelationships()) putRelationship(s, r);
            s.trim();
        } catch (RuntimeException e) {
            index.failure = "scan: " + e;
            return;
        }
        synchronized (this) {
            for (Touched t : duringScan) apply(t);
            duringScan.clear();
            index.buildMillis = (System.nanoTime() - started) / 1_000_000;
            index.ready = index.failure == null;
        }
    }

    @Override
    public Touched beforeCommit(TransactionData data, Transaction tx, GraphDatabaseService db) {
        LongHashSet nodes = new LongHashSet(), rels = new LongHashSet();
        for (Node n : data.createdNodes()) nodes.add(n.getId());
        for (Node n : data.deletedNodes()) nodes.add(n.getId());
        for (LabelEntry l : data.assignedLabels()) nodes.add(l.node().getId());
        for (LabelEntry l : data.removedLabels()) nodes.add(l.node().getId());
        for (PropertyEntry<Node> p : data.assignedNodeProperties()) if (NODE_TIMES.contains(p.key())) nodes.add(p.entity().getId());
        for (PropertyEntry<Node> p : data.removedNodeProperties()) if (NODE_TIMES.contains(p.key())) nodes.add(p.entity().getId());
        for (Relationship r : data.createdRelationships()) if (LineageRules.typeCode(r.getType().name()) >= 0) rels.add(r.getId());
        for (Relationship r : data.deletedRelationships()) rels.add(r.getId()); // removed only if the index holds it
        for (PropertyEntry<Relationship> p : data.assignedRelationshipProperties()) if (REL_TIMES.contains(p.key())) rels.add(p.entity().getId());
        for (PropertyEntry<Relationship> p : data.removedRelationshipProperties()) if (REL_TIMES.contains(p.key())) rels.add(p.entity().getId());
        return nodes.isEmpty() && rels.isEmpty() ? null : new Touched(nodes, rels);
    }

    @Override
    public synchronized void afterCommit(TransactionData data, Touched touched, GraphDatabaseService db) {
        if (touched == null || index.failure != null) return;
        if (!index.ready) duringScan.add(touched);
        else apply(touched);
    }

    @Override
    public void afterRollback(TransactionData data, Touched touched, GraphDatabaseService db) {
        // Nothing was committed: nothing to apply.
    }

    /** Reads the touched entities' committed state (outside the write lock), then applies it in one go. */
    private void apply(Touched touched) {
        List<Runnable> updates = new ArrayList<>();
        try (Transaction tx = db.beginTx()) {
            touched.nodes().forEach(id -> {
                Node n = find(() -> tx.getNodeById(id));
                updates.add(n == null ? () -> index.store.removeNode(id) : nodeUpdate(n));
            });
            touched.relationships().forEach(id -> {
                Relationship r = find(() -> tx.getRelationshipById(id));
                int code = r == null ? -1 : LineageRules.typeCode(r.getType().name());
                long[] times = code < 0 ? null : times(r, "recordedAt", "retractedAt", "from", "to", "toRecordedAt");
                long start = code < 0 ? 0 : r.getStartNodeId(), end = code < 0 ? 0 : r.getEndNodeId();
                updates.add(code < 0 ? () -> index.store.removeRelationship(id) : () -> index.store.putRelationship(id, code, start, end, times));
            });
        } catch (RuntimeException e) {
            index.failure = "update: " + e; // the index may now be stale: stop serving from it
            return;
        }
        try {
            index.write(() -> updates.forEach(Runnable::run));
        } catch (RuntimeException e) {
            index.failure = "update: " + e;
        }
    }

    private Runnable nodeUpdate(Node n) {
        long id = n.getId();
        String label = LineageRows.nodeLabel(n);
        boolean dv = n.hasLabel(DATASET_VERSION);
        long[] t = times(n, "createdAt", "recordedAt");
        return () -> index.store.putNode(id, label, dv, t[0], t[1]);
    }

    private static void putNode(TopologyStore s, Node n) {
        long[] t = times(n, "createdAt", "recordedAt");
        s.putNode(n.getId(), LineageRows.nodeLabel(n), n.hasLabel(DATASET_VERSION), t[0], t[1]);
    }

    private static void putRelationship(TopologyStore s, Relationship r) {
        int code = LineageRules.typeCode(r.getType().name());
        if (code >= 0) s.putRelationship(r.getId(), code, r.getStartNodeId(), r.getEndNodeId(), times(r, "recordedAt", "retractedAt", "from", "to", "toRecordedAt"));
    }

    private static long[] times(Entity e, String... keys) {
        long[] out = new long[keys.length];
        for (int k = 0; k < keys.length; k++) out[k] = LineageRules.time(e.getProperty(keys[k], null));
        return out;
    }

    private static <T> T find(java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFoundException deleted) {
            return null;
        }
    }
}
