package dev.modelgraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;

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
    /** The followed relationships out of every node in `levels`, in the order the rules list them. */
    final Map<Long, List<Step>> followed;

    Walk(List<long[]> levels, Map<Long, List<Step>> followed) {
        this.levels = levels;
        this.followed = followed;
    }

    int reached() {
        int n = 0;
        for (long[] level : levels) n += level.length;
        return n;
    }

    /** The walk through the store: {@link LineageRules#follow} on each node. */
    static Walk throughStore(LineageRules rules, long depth, long maxNodes) {
        Map<Node, List<Relationship>> expanded = new HashMap<>();
        List<List<Node>> levels = new ArrayList<>();
        Set<Node> seen = new LinkedHashSet<>();
        List<Node> origins = rules.origins();
        levels.add(origins);
        seen.addAll(origins);
        for (long i = 1; i <= depth && seen.size() <= maxNodes + origins.size(); i++) {
            List<Node> next = new ArrayList<>();
            Set<Node> inLevel = new LinkedHashSet<>();
            frontier:
            for (Node a : levels.get(levels.size() - 1)) {
                List<Relationship> out = expanded.computeIfAbsent(a, rules::follow);
                for (Relationship r : out) {
                    Node b = r.getOtherNode(a);
                    if (seen.contains(b) || !inLevel.add(b)) continue;
                    next.add(b);
                    if (next.size() > maxNodes) break frontier; // the level's LIMIT maxNodes + 1
                }
            }
            if (next.isEmpty()) break;
            seen.addAll(next);
            levels.add(next);
        }
        List<long[]> ids = new ArrayList<>(levels.size());
        Map<Long, List<Step>> followed = new HashMap<>();
        for (List<Node> level : levels) {
            long[] row = new long[level.size()];
            for (int k = 0; k < row.length; k++) {
                Node a = level.get(k);
                row[k] = a.getId();
                List<Relationship> out = expanded.computeIfAbsent(a, rules::follow);
                List<Step> steps = new ArrayList<>(out.size());
                for (Relationship r : out) {
                    steps.add(new Step(r.getId(), r.getOtherNodeId(a.getId()), r.getType().name(), r.getStartNodeId(), r.getEndNodeId()));
                }
                followed.put(row[k], steps);
            }
            ids.add(row);
        }
        return new Walk(ids, followed);
    }
}
