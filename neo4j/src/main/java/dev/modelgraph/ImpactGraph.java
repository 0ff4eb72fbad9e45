package dev.modelgraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/**
 * A walk as the impact answer sees it, which is what src/lineage/traversal.ts toTraversal makes of
 * the downstream rows: the first `maxNodes` rows besides the origins (truncated when there were
 * more), nodes of a type outside the model left out, and the followed edges between kept nodes,
 * none back into an origin. Nodes are indices (row order); everything read from a node besides its
 * type (id, display label, serving) is read on first use and kept, so only what is sent is read.
 *
 * When the walk went through the in-memory topology ({@link TopologyIndex}), it answers what the
 * store would have to read relationship chains for: each node's type, what serves a node (its
 * visible SERVES and MEMBER links), a field's dataset version and a version's dataset, model
 * or job for the labels; a version's label is read once for all its fields. The store answers
 * whatever the index cannot say for certain.
 */
final class ImpactGraph {
    /** The Neo4j label of each node type, to its NodeType name (src/graph/node-types.ts). */
    private static final Map<String, String> TYPES = Map.of("Dataset", "DATASET", "DatasetVersion", "DATASET_VERSION", "Field", "FIELD",
        "Feature", "FEATURE", "Job", "JOB", "Run", "RUN", "Model", "MODEL", "ModelVersion", "MODEL_VERSION", "Ensemble", "ENSEMBLE",
        "Deployment", "DEPLOYMENT");

    /** A followed relationship between kept nodes, in the direction of the walk. */
    record Edge(int from, int to, long relationship, String type) {}

    private static final int VERSION_OF = LineageRules.typeCode("VERSION_OF"), RUN_OF = LineageRules.typeCode("RUN_OF"), HAS_FIELD = LineageRules.typeCode("HAS_FIELD");

    private final Transaction tx;
    private final LineageRules rules;
    /** The index the walk went through, or null (through the store). */
    private final TopologyIndex index;
    private final LineageRows.Links links;
    private final LongArrayList nodeIds = new LongArrayList();
    private final Map<Long, String> versionLabels = new HashMap<>();
    final List<Integer> distance = new ArrayList<>();
    final List<String> type = new ArrayList<>();
    final List<Integer> origins = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final List<List<Edge>> outgoing = new ArrayList<>();
    final List<List<Edge>> incoming = new ArrayList<>();
    final boolean truncated;
    // Read on first use and kept, by node index (dense: arrays, not maps of boxed keys).
    private final Node[] nodeOf;
    private final String[] idOf;
    private final String[] labelOf;
    private final List<?>[] servingOf;
    private final Map<Long, Object> transformations = new HashMap<>();

    ImpactGraph(Transaction tx, LineageRules rules, Walk walk, long maxNodes) {
        this.tx = tx;
        this.rules = rules;
        this.index = walk.index;
        this.links = index == null ? LineageRows.STORE : new IndexLinks();
        long kept = maxNodes + walk.levels.get(0).length;
        this.truncated = walk.reached() > kept;
        LongIntHashMap rowOf = new LongIntHashMap();
        long rows = 0;
        for (int d = 0; d < walk.levels.size() && rows < kept; d++) {
            long[] level = walk.levels.get(d);
            String[] labels = index == null ? null : index.labels(level);
            for (int k = 0; k < level.length; k++) {
                long id = level[k];
                if (rows++ >= kept) break;
                String t = TYPES.get(labels == null ? LineageRows.nodeLabel(tx.getNodeById(id)) : labels[k]);
                if (t == null) continue; // a label outside the model (e.g. a future one): not ours to report
                rowOf.put(id, nodeIds.size());
                if (d == 0) origins.add(nodeIds.size());
                nodeIds.add(id);
                distance.add(d);
                type.add(t);
                outgoing.add(new ArrayList<>());
                incoming.add(new ArrayList<>());
            }
        }
        for (int i = 0; i < nodeIds.size(); i++) {
            for (Walk.Step s : walk.followed.get(nodeIds.get(i))) {
                int to = rowOf.getIfAbsent(s.other(), -1);
                if (to < 0 || distance.get(to) == 0) continue;
                Edge e = new Edge(i, to, s.relationship(), s.type());
                edges.add(e);
                outgoing.get(i).add(e);
                incoming.get(to).add(e);
            }
        }
        nodeOf = new Node[nodeIds.size()];
        idOf = new String[nodeIds.size()];
        labelOf = new String[nodeIds.size()];
        servingOf = new List<?>[nodeIds.size()];
    }

    int size() {
        return nodeIds.size();
    }

    private Node node(int i) {
        if (nodeOf[i] == null) nodeOf[i] = tx.getNodeById(nodeIds.get(i));
        return nodeOf[i];
    }

    String id(int i) {
        if (idOf[i] == null) idOf[i] = String.valueOf(node(i).getProperty("id", null));
        return idOf[i];
    }

    /** LineageNode.label: the display label, or the id where a part of it is missing. */
    String label(int i) {
        if (labelOf[i] == null) {
            Node a = node(i);
            String display = display(a, index == null ? LineageRows.nodeLabel(a) : index.label(a.getId()));
            labelOf[i] = display == null ? id(i) : display;
        }
        return labelOf[i];
    }

    /** LineageRows.display, a field's label from its version's, which is read once. */
    private String display(Node a, String label) {
        if (!"Field".equals(label)) return LineageRows.display(a, label, links);
        Node version = links.fieldVersion(a);
        if (version == null) return LineageRows.display(a, label, links);
        if (!versionLabels.containsKey(version.getId())) versionLabels.put(version.getId(), LineageRows.display(version, "DatasetVersion", links));
        String prefix = versionLabels.get(version.getId());
        return prefix == null ? null : LineageRows.concat(prefix, ".", a.getProperty("name", null));
    }

    /** Only a model version or an ensemble is served; the index names its SERVES and MEMBER links, so most cost no read at all. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> serving(int i) {
        if (servingOf[i] == null) servingOf[i] = readServing(i);
        return (List<Map<String, Object>>) servingOf[i];
    }

    private List<Map<String, Object>> readServing(int i) {
        String t = type.get(i);
        boolean modelVersion = "MODEL_VERSION".equals(t);
        if (!modelVersion && !"ENSEMBLE".equals(t)) return List.of();
        if (index == null) return LineageRows.serving(node(i), modelVersion ? "ModelVersion" : "Ensemble", rules);
        // The index names the links and has checked their visibility: only the rows' own properties are read.
        List<TopologyIndex.ServingLink> links = index.servingLinks(rules, nodeIds.get(i), modelVersion);
        if (links.isEmpty()) return List.of();
        List<Map<String, Object>> rows = new ArrayList<>(links.size());
        for (TopologyIndex.ServingLink l : links) {
            boolean direct = l.member() < 0;
            rows.add(LineageRows.servingRow(tx.getNodeById(l.deployment()), tx.getRelationshipById(l.serves()),
                direct ? null : tx.getNodeById(l.ensemble()), direct ? null : tx.getRelationshipById(l.member())));
        }
        rows.sort(LineageRows.SERVING_ORDER);
        return rows;
    }

    Object environment(int i) {
        return node(i).getProperty("environment", null);
    }

    /** The links the index can name for certain, else the store's. */
    private final class IndexLinks implements LineageRows.Links {
        @Override
        public Node owner(Node version) {
            long owner = index.single(version.getId(), true, false, VERSION_OF, RUN_OF);
            return owner < 0 ? LineageRows.owner(version) : tx.getNodeById(owner);
        }

        @Override
        public Node fieldVersion(Node field) {
            long version = index.single(field.getId(), false, true, HAS_FIELD);
            return version < 0 ? LineageRows.fieldVersion(field) : tx.getNodeById(version);
        }
    }

    /**
     * A column-lineage DERIVED_FROM's transformations (JSON text), else null; kept, as a page's paths
     * share their edges. Only a DERIVED_FROM carries them (cypher/lineage/downstream.cypher reads no
     * other's): most edges of a page (HAS_FIELD, READ, WROTE, ...) cost no property read.
     */
    Object transformations(Edge e) {
        if (!"DERIVED_FROM".equals(e.type())) return null;
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
