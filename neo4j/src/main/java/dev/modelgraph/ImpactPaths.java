package dev.modelgraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every distinct simple path from an origin to each node, of at most `depth` hops, at most `cap`
 * per node, shortest first: src/lineage/traversal.ts enumeratePaths, step for step (the same
 * visiting order, so the same paths in the same order and the same truncated flags). Built level by
 * level (paths of k hops extend those of k-1), so the work is bounded by depth x edges x cap. A node
 * whose list was cut, or that is reached through a cut one, is flagged truncated.
 */
final class ImpactPaths {
    /** One path: its nodes from the origin, and the edges between consecutive ones. */
    record Path(int[] nodes, ImpactGraph.Edge[] edges) {
        boolean contains(int node) {
            for (int n : nodes) if (n == node) return true;
            return false;
        }

        Path extend(ImpactGraph.Edge e) {
            int[] n = java.util.Arrays.copyOf(nodes, nodes.length + 1);
            n[nodes.length] = e.to();
            ImpactGraph.Edge[] s = java.util.Arrays.copyOf(edges, edges.length + 1);
            s[edges.length] = e;
            return new Path(n, s);
        }
    }

    /** A node's paths, and whether there are more than listed. */
    static final class PathSet {
        final List<Path> paths = new ArrayList<>();
        boolean truncated;
    }

    private ImpactPaths() {}

    static Map<Integer, PathSet> enumerate(ImpactGraph g, long depth, long cap) {
        Map<Integer, PathSet> out = new HashMap<>();
        // Insertion order matters: it is the order in which the next level is extended.
        Map<Integer, List<Path>> level = new LinkedHashMap<>();
        for (int o : g.origins) level.put(o, List.of(new Path(new int[] {o}, new ImpactGraph.Edge[0])));
        for (long k = 1; k <= depth && !level.isEmpty(); k++) {
            Map<Integer, List<Path>> next = new LinkedHashMap<>();
            for (Map.Entry<Integer, List<Path>> entry : level.entrySet()) {
                PathSet fromSet = out.get(entry.getKey());
                boolean fromCut = fromSet != null && fromSet.truncated;
                for (ImpactGraph.Edge e : g.outgoing.get(entry.getKey())) {
                    PathSet set = out.computeIfAbsent(e.to(), x -> new PathSet());
                    if (fromCut) set.truncated = true;
                    for (Path p : entry.getValue()) {
                        if (p.contains(e.to())) continue;
                        if (set.paths.size() >= cap) {
                            set.truncated = true;
                            break;
                        }
                        Path extended = p.extend(e);
                        set.paths.add(extended);
                        next.computeIfAbsent(e.to(), x -> new ArrayList<>()).add(extended);
                    }
                }
            }
            level = next;
        }
        return out;
    }
}
