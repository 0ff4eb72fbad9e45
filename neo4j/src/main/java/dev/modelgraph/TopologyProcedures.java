package dev.modelgraph;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * What an operator (and the tests) can ask of the in-memory lineage topology ({@link TopologyIndex}):
 * whether it serves walks yet and what it holds, and whether it walks exactly as the store does.
 */
public final class TopologyProcedures {
    @Context
    public Transaction tx;

    /** The index of this database: absent (walks go through the store), building, serving or failed. */
    public static final class Status {
        public boolean registered;
        public boolean ready;
        public String failure;
        public long nodes;
        public long relationships;
        public long bytes;
        public long buildMillis;
        public long indexWalks;
        public long storeWalks;
    }

    @Procedure(name = "modelgraph.topologyIndex", mode = Mode.READ)
    @Description("The in-memory lineage topology of this database: ready, failure, nodes, relationships, bytes, buildMillis, indexWalks, storeWalks.")
    public Stream<Status> topologyIndex() {
        Status s = new Status();
        TopologyIndex index = TopologyIndex.of(((InternalTransaction) tx).getDatabaseName());
        s.storeWalks = TopologyIndex.STORE_WALKS.sum();
        if (index == null) return Stream.of(s);
        s.registered = true;
        s.ready = index.ready;
        s.failure = index.failure;
        s.buildMillis = index.buildMillis;
        s.indexWalks = index.walks.sum();
        if (!s.ready) return Stream.of(s);
        index.lock.readLock().lock();
        try {
            s.nodes = index.store.nodes;
            s.relationships = index.store.relationships;
            s.bytes = index.store.bytes();
        } finally {
            index.lock.readLock().unlock();
        }
        return Stream.of(s);
    }

    /** Whether the walk through the index equals the walk through the store (levels, order and steps). */
    public static final class Check {
        public boolean indexed;
        public boolean same;
        public long reached;
    }

    @Procedure(name = "modelgraph.topologyCheck", mode = Mode.READ)
    @Description("Walks from the origins both through the store and through the in-memory topology, and says whether the walks are identical.")
    public Stream<Check> topologyCheck(@Name("origins") List<Node> origins, @Name("downstream") boolean downstream, @Name("t") ZonedDateTime t,
                                       @Name("asOf") ZonedDateTime asOf, @Name("knownAt") ZonedDateTime knownAt,
                                       @Name("depth") long depth, @Name("maxNodes") long maxNodes) {
        LineageRules rules = new LineageRules(downstream ? LineageRules.Flow.DOWNSTREAM : LineageRules.Flow.UPSTREAM, origins, t, asOf, knownAt);
        Check c = new Check();
        Walk store = Walk.throughStore(rules, depth, maxNodes);
        c.reached = store.reached();
        TopologyIndex index = TopologyIndex.serving(tx);
        c.indexed = index != null;
        if (index == null) return Stream.of(c);
        Walk memory = index.walk(rules, depth, maxNodes);
        c.same = store.levels.size() == memory.levels.size() && store.followed.equals(memory.followed);
        for (int k = 0; c.same && k < store.levels.size(); k++) c.same = Arrays.equals(store.levels.get(k), memory.levels.get(k));
        return Stream.of(c);
    }
}
