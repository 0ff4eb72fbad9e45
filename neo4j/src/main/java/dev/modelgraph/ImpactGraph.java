package dev.modelgraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/**
 * A walk as the impact answer sees it, which is what src/lineage/traversal.ts toTraversal makes of
 * the downstream rows: the first `maxNodes` rows besides the origins (truncated when there were
 * more), nodes of a type outside the model left out, and the followed edges between kept nodes,
 * none back into an origin. Nodes are indices (row order); everything read from a node besides its
 * type (id, display label, serving) is read on first use and kept, so only what is sent is read.
 */
final class ImpactGraph {
    /** The Neo4j label of each node type, to its NodeType name (src/graph/node-types.ts). */
    private static final Map<String, String> TYPES = Map.of("Dataset", "DATASET", "DatasetVersion", "DATASET_VERSION", "Field", "FIELD",
        "Feature", "FEATURE", "Job", "JOB", "Run", "RUN", "Model", "MODEL", "ModelVersion", "MODEL_VERSION", "Ensemble", "ENSEMBLE",
        "Deployment", "DEPLOYMENT");

    /** A followed relationship between kept nodes, in the direction of the walk. */
    record Edge(int from, int to, long relationship, String type) {}

    private final Transaction tx;
    private final LineageRules rules;
    final List<Node> nodes = new ArrayList<>();
    final List<Integer> distance = new ArrayList<>();
    final List<String> type = new ArrayList<>();
    final List<Integer> origins = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final List<List<Edge>> outgoing = new ArrayList<>();
    final List<List<Edge>> incoming = new ArrayList<>();
    final boolean truncated;
    private final Map<Integer, String> ids = new HashMap<>();
    private final Map<Integer, String> labels = new HashMap<>();
    private final Map<Integer, List<Map<String, Object>>> serving = new HashMap<>();
    private final Map<Long, Object> transformations = new HashMap<>();

    ImpactGraph(Transaction tx, LineageRules rules, Walk walk, long maxNodes) {
        this.tx = tx;
        this.rules = rules;
        long kept = maxNodes + walk.levels.get(0).length;
        this.truncated = walk.reached() > kept;
        Map<Long, Integer> index = new HashMap<>();
        List<Long> keptIds = new ArrayList<>();
        long rows = 0;
        for (int d = 0; d < walk.levels.size() && rows < kept; d++) {
            for (long id : walk.levels.get(d)) {
                if (rows++ >= kept) break;
                Node a = tx.getNodeById(id);
                String t = TYPES.get(LineageRows.nodeLabel(a));
                if (t == null) continue; // a label outside the model (e.g. a future one): not ours to report
                index.put(id, nodes.size());
                if (d == 0) origins.add(nodes.size());
                nodes.add(a);
                distance.add(d);
                type.add(t);
                keptIds.add(id);
                outgoing.add(new ArrayList<>());
                incoming.add(new ArrayList<>());
            }
        }
        for (int i = 0; i < keptIds.size(); i++) {
            for (Walk.Step s : walk.followed.get(keptIds.get(i))) {
                Integer to = index.get(s.other());
                if (to == null || distance.get(to) == 0) continue;
                Edge e = new Edge(i, to, s.relationship(), s.type());
                edges.add(e);
                outgoing.get(i).add(e);
                incoming.get(to).add(e);
            }
        }
    }

    int size() {
        return nodes.size();
    }

    String id(int i) {
        return ids.computeIfAbsent(i, k -> String.valueOf(nodes.get(k).getProperty("id", null)));
    }

    /** LineageNode.label: the display label, or the id where a part of it is missing. */
    String label(int i) {
        return labels.computeIfAbsent(i, k -> {
            Node a = nodes.get(k);
            String display = LineageRows.display(a, LineageRows.nodeLabel(a));
            return display == null ? id(k) : display;
        });
    }

    List<Map<String, Object>> serving(int i) {
        return serving.computeIfAbsent(i, k -> LineageRows.serving(nodes.get(k), LineageRows.nodeLabel(nodes.get(k)), rules));
    }

    Object environment(int i) {
        return nodes.get(i).getProperty("environment", null);
    }

    /** A column-lineage DERIVED_FROM's transformations (JSON text), else null; kept, as a page's paths share their edges. */
    Object transformations(Edge e) {
        if (!transformations.containsKey(e.relationship())) {
            transformations.put(e.relationship(), tx.getRelationshipById(e.relationship()).getProperty("transformations", null));
        }
        return transformations.get(e.relationship());
    }

    /** The sort key of an item, as the service's cursor holds it: (distance, type, label, id). */
    int compare(int a, int b) {
        int c = Integer.compare(distance.get(a), distance.get(b));
        if (c == 0) c = type.get(a).compareTo(type.get(b));
        if (c == 0) c = label(a).compareTo(label(b));
        return c != 0 ? c : id(a).compareTo(id(b));
    }
}
