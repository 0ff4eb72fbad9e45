package dev.modelgraph;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * The whole impact answer in the store: the origins the references name ({@link ImpactOrigins}), the
 * walk ({@link Walk}), then what src/lineage/impact.service.ts
 * does with the downstream rows (paths, items, servedOnly, order, type filter, cursor, page,
 * summary), returning one small JSON string with only what the GraphQL answer needs.
 *
 * Why: sending every reached node's row with all its edges (424 KB for a 947-node impact) and
 * building the answer in Node cost more than the walk (JSON.parse, garbage, path enumeration), to
 * answer with one page of 100. The service's in-memory code stays the specification (and the
 * pure-Cypher engine's answer); test/impact-engines.test.ts compares the two answers.
 *
 * The JSON: {origins: [node], truncated, items: [[node, distance, truncated, served, serving, paths]],
 * hasNextPage, endCursor: key | null, total, byType: {TYPE: count}, servedDeployments: [{id, name,
 * environment, via}] (in the order met), edges: [[type, transformations]], nodes: [[id, type, label]]},
 * a path being [node, edge, node, ..., node], a node an index into `nodes` and an edge into `edges`
 * (each sent once however many paths share it). Written straight into one buffer: arrays rather
 * than keyed objects, and no intermediate maps, as writing and parsing cost per value.
 */
public final class ImpactProcedure {
    @Context
    public Transaction tx;

    /** One row: the answer as JSON. */
    public static final class Answer {
        public String json;

        Answer(String json) {
            this.json = json;
        }
    }

    @Procedure(name = "modelgraph.impact", mode = Mode.READ)
    @Description("What a change to the nodes the references name can affect: one page of the impact items with their paths, and the summary, as JSON.")
    public Stream<Answer> impact(@Name("refs") List<Map<String, Object>> refs, @Name("t") ZonedDateTime t, @Name("asOf") ZonedDateTime asOf,
                                 @Name("knownAt") ZonedDateTime knownAt, @Name("depth") long depth, @Name("maxNodes") long maxNodes,
                                 @Name("maxPaths") long maxPaths, @Name("servedOnly") boolean servedOnly, @Name("types") List<String> types,
                                 @Name("after") Map<String, Object> after, @Name("first") long first) {
        List<Node> origins = ImpactOrigins.resolve(tx, refs, asOf, knownAt);
        if (origins.isEmpty()) return Stream.of(new Answer("{\"origins\":[]}")); // the service says NOT_FOUND
        LineageRules rules = new LineageRules(LineageRules.Flow.DOWNSTREAM, origins, t, asOf, knownAt);
        ImpactGraph g = new ImpactGraph(tx, rules, Walk.in(tx, rules, depth, maxNodes), maxNodes);
        Map<Integer, ImpactPaths.PathSet> paths = ImpactPaths.enumerate(g, depth, maxPaths);
        ImpactPage page = new ImpactPage(g, servedOnly, types, key(after), first);
        NodeRefs nodes = new NodeRefs(g);
        EdgeRefs edges = new EdgeRefs(g);
        StringBuilder out = new StringBuilder(8192).append("{\"origins\":[");
        for (int k = 0; k < g.origins.size(); k++) out.append(k == 0 ? "" : ",").append(nodes.of(g.origins.get(k)));
        out.append("],\"truncated\":").append(g.truncated).append(",\"items\":[");
        for (int k = 0; k < page.page.size(); k++) item(out.append(k == 0 ? "" : ","), g, page.page.get(k), paths.get(page.page.get(k)), nodes, edges);
        out.append("],\"hasNextPage\":").append(page.hasNextPage).append(",\"endCursor\":");
        Json.append(out, page.page.isEmpty() ? null : ImpactPage.key(g, page.page.get(page.page.size() - 1)));
        for (Map.Entry<String, Object> e : ImpactSummary.of(g, page.items).entrySet()) Json.append(out.append(",\"").append(e.getKey()).append("\":"), e.getValue());
        Json.append(out.append(",\"edges\":"), edges.values);
        Json.append(out.append(",\"nodes\":"), nodes.values);
        String json = out.append('}').toString();
        return Stream.of(new Answer(json));
    }

    /** [node, distance, truncated, served, serving, paths], a path as [node, edge, node, ..., node] (refs). */
    private static void item(StringBuilder out, ImpactGraph g, int i, ImpactPaths.PathSet set, NodeRefs nodes, EdgeRefs edges) {
        out.append('[').append(nodes.of(i)).append(',').append(g.distance.get(i)).append(',').append(set != null && set.truncated)
            .append(',').append(ImpactPage.served(g, i)).append(',');
        Json.append(out, g.serving(i));
        out.append(",[");
        List<ImpactPaths.Path> list = set == null ? List.of() : set.paths;
        for (int k = 0; k < list.size(); k++) {
            ImpactPaths.Path p = list.get(k);
            out.append(k == 0 ? "[" : ",[").append(nodes.of(p.nodes()[0]));
            for (int s = 0; s < p.edges().length; s++) out.append(',').append(edges.of(p.edges()[s])).append(',').append(nodes.of(p.nodes()[s + 1]));
            out.append(']');
        }
        out.append("]]");
    }

    private static ImpactPage.Key key(Map<String, Object> after) {
        if (after == null) return null;
        return new ImpactPage.Key(((Number) after.get("distance")).longValue(), (String) after.get("type"), (String) after.get("label"), (String) after.get("id"));
    }

    /**
     * The edges the answer mentions, as [type, transformations], each sent once however many paths
     * share it; a ref is its index in `values`. Edges are the graph's own objects (paths share them):
     * looked up by identity, not by the record's hash of its four fields.
     */
    private static final class EdgeRefs {
        private final ImpactGraph g;
        private final Map<ImpactGraph.Edge, Integer> index = new IdentityHashMap<>();
        final List<List<Object>> values = new ArrayList<>();

        EdgeRefs(ImpactGraph g) {
            this.g = g;
        }

        int of(ImpactGraph.Edge e) {
            return index.computeIfAbsent(e, k -> {
                values.add(java.util.Arrays.asList(k.type(), g.transformations(k)));
                return values.size() - 1;
            });
        }
    }

    /** The nodes the answer mentions, as [id, type, label], each sent once; node indices are dense: an array, not a map. */
    private static final class NodeRefs {
        private final ImpactGraph g;
        private final int[] ref;
        final List<List<Object>> values = new ArrayList<>();

        NodeRefs(ImpactGraph g) {
            this.g = g;
            this.ref = new int[g.size()];
            java.util.Arrays.fill(ref, -1);
        }

        int of(int i) {
            if (ref[i] < 0) {
                ref[i] = values.size();
                values.add(List.of(g.id(i), g.type.get(i), g.label(i)));
            }
            return ref[i];
        }
    }
}
