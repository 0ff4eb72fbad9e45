package dev.modelgraph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;

/**
 * The breadth-first part of a traversal, as internal ids: which nodes are reached at which
 * distance, and the relationships followed out of each reached node. Everything a row says
 * besides that (display labels, serving, edge properties) is read afterwards, for the rows that
 * are sent. The walk is what {@link LineageRules} allows: the same nodes, the same order, the same
 * limits as cypher/lineage/{downstream,upstream}.cypher.
 *
 * Limits: a level is not expanded once the levels before it hold more than `maxNodes` nodes
 * besides the origins, and a level keeps at most `maxNodes` + 1 nodes.
 */
final class Walk {
    /** A followed relationship: its internal id, the node at its other end, its type, and its stored start and end. */
    record Step(long relationship, long other, String type, long start, long end) {}

    /** Internal node ids per distance; levels.get(0) are the origins. */
    final List<long[]> levels;
    /** The followed relationships out of every node in `levels`, in the order the rules list them (keyed by id: primitive, not boxed). */
    final LongObjectHashMap<List<Step>> followed;
    /** The in-memory topology the walk went through, or null: through the store. */
    final TopologyIndex index;

    Walk(List<long[]> levels, LongObjectHashMap<List<Step>> followed, TopologyIndex index) {
        this.levels = levels;
        this.followed = followed;
        this.index = index;
    }

    int reached() {
        int n = 0;
        for (long[] level : levels) n += level.length;
        return n;
    }

    /**
     * The walk a procedure runs in `tx`: through the in-memory topology when its database has one
     * that is ready and `tx` has no writes of its own (the index holds committed state only, and a
     * transaction must see its own writes), through the store otherwise. Both give the same walk.
     */
    static Walk in(Transaction tx, LineageRules rules, long depth, long maxNodes) {
        TopologyIndex index = TopologyIndex.serving(tx);
        return index == null ? throughStore(rules, depth, maxNodes) : index.walk(rules, depth, maxNodes);
    }

    /** The walk through the store: {@link LineageRules#follow} on each node. */
    static Walk throughStore(LineageRules rules, long depth, long maxNodes) {
        // Steps name nodes by id; the store answers with Node objects, kept here to expand them later.
        LongObjectHashMap<Node> nodes = new LongObjectHashMap<>();
        for (Node o : rules.origins()) nodes.put(o.getId(), o);
        return breadthFirst(rules, depth, maxNodes, null, id -> {
            Node a = nodes.get(id);
            List<Relationship> out = rules.follow(a);
            List<Step> steps = new ArrayList<>(out.size());
            for (Relationship r : out) {
                Node b = r.getOtherNode(a);
                nodes.getIfAbsentPut(b.getId(), b);
                steps.add(new Step(r.getId(), b.getId(), r.getType().name(), r.getStartNodeId(), r.getEndNodeId()));
            }
            return steps;
        });
    }

    /**
     * The breadth-first search itself, whatever answers "which relationships are followed out of
     * this node" (`expand`, called at most once per node): one statement of the levels and limits.
     */
    static Walk breadthFirst(LineageRules rules, long depth, long maxNodes, TopologyIndex index, LongFunction<List<Step>> expand) {
        LongObjectHashMap<List<Step>> followed = new LongObjectHashMap<>();
        List<long[]> levels = new ArrayList<>();
        LongHashSet seen = new LongHashSet();
        long[] origins = rules.origins().stream().mapToLong(Node::getId).toArray();
        levels.add(origins);
        for (long o : origins) seen.add(o);
        for (long i = 1; i <= depth && seen.size() <= maxNodes + origins.length; i++) {
            LongArrayList next = new LongArrayList();
            frontier:
            for (long a : levels.get(levels.size() - 1)) {
                for (Step step : followed.getIfAbsentPutWithKey(a, expand::apply)) {
                    if (!seen.add(step.other())) continue; // reached before, or earlier in this level
                    next.add(step.other());
                    if (next.size() > maxNodes) break frontier; // the level's LIMIT maxNodes + 1
                }
            }
            if (next.isEmpty()) break;
            levels.add(next.toArray());
        }
        for (long[] level : levels) {
            for (long a : level) followed.getIfAbsentPutWithKey(a, expand::apply);
        }
        return new Walk(levels, followed, index);
    }
}
