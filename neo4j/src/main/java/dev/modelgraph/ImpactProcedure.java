package dev.modelgraph;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The whole impact answer in the store: the walk ({@link Walk}), then what src/lineage/impact.service.ts
 * does with the downstream rows (paths, items, servedOnly, order, type filter, cursor, page,
 * summary), returning one small JSON string with only what the GraphQL answer needs.
 *
 * Why: sending every reached node's row with all its edges (424 KB for a 947-node impact) and
 * building the answer in Node cost more than the walk (JSON.parse, garbage, path enumeration), to
 * answer with one page of 100. The service's in-memory code stays the specification (and the
 * pure-Cypher engine's answer); test/impact-engines.test.ts compares the two answers.
 *
 * The JSON: {origins: [ref], truncated, items: [{node: ref, distance, truncated, served, serving,
 * paths: [{nodes: [ref], steps: [[type, transformations]]}]}], hasNextPage, endCursor: key | null,
 * total, byType: {TYPE: count}, servedDeployments: [{id, name, environment, via}] (in the order met),
 * nodes: [[id, type, label]]}, where a ref is an index into `nodes` (a node on many paths is sent once).
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
    @Description("What a change to the origins can affect: one page of the impact items with their paths, and the summary, as JSON.")
    public Stream<Answer> impact(@Name("origins") List<Node> origins, @Name("t") ZonedDateTime t, @Name("asOf") ZonedDateTime asOf,
                                 @Name("knownAt") ZonedDateTime knownAt, @Name("depth") long depth, @Name("maxNodes") long maxNodes,
                                 @Name("maxPaths") long maxPaths, @Name("servedOnly") boolean servedOnly, @Name("types") List<String> types,
                                 @Name("after") Map<String, Object> after, @Name("first") long first) {
        if (origins == null || origins.isEmpty()) return Stream.of(new Answer("{\"origins\":[]}")); // the service says NOT_FOUND
        LineageRules rules = new LineageRules(LineageRules.Flow.DOWNSTREAM, origins, t, asOf, knownAt);
        ImpactGraph g = new ImpactGraph(tx, rules, Walk.in(tx, rules, depth, maxNodes), maxNodes);
        Map<Integer, ImpactPaths.PathSet> paths = ImpactPaths.enumerate(g, depth, maxPaths);
        ImpactPage page = new ImpactPage(g, servedOnly, types, key(after), first);
        Refs refs = new Refs(g);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("origins", g.origins.stream().map(refs::of).toList());
        out.put("truncated", g.truncated);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i : page.page) items.add(item(g, i, paths.get(i), refs));
        out.put("items", items);
        out.put("hasNextPage", page.hasNextPage);
        out.put("endCursor", page.page.isEmpty() ? null : ImpactPage.key(g, page.page.get(page.page.size() - 1)));
        out.putAll(ImpactSummary.of(g, page.items));
        out.put("nodes", refs.nodes);
        return Stream.of(new Answer(Json.write(out)));
    }

    private static Map<String, Object> item(ImpactGraph g, int i, ImpactPaths.PathSet set, Refs refs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", refs.of(i));
        m.put("distance", (long) g.distance.get(i));
        m.put("truncated", set != null && set.truncated);
        m.put("served", ImpactPage.served(g, i));
        m.put("serving", g.serving(i));
        List<Map<String, Object>> paths = new ArrayList<>();
        for (ImpactPaths.Path p : set == null ? List.<ImpactPaths.Path>of() : set.paths) {
            List<Object> steps = new ArrayList<>();
            for (ImpactGraph.Edge e : p.edges()) steps.add(java.util.Arrays.asList(e.type(), g.transformations(e)));
            List<Integer> nodes = new ArrayList<>();
            for (int n : p.nodes()) nodes.add(refs.of(n));
            paths.add(Map.of("nodes", nodes, "steps", steps));
        }
        m.put("paths", paths);
        return m;
    }

    private static ImpactPage.Key key(Map<String, Object> after) {
        if (after == null) return null;
        return new ImpactPage.Key(((Number) after.get("distance")).longValue(), (String) after.get("type"), (String) after.get("label"), (String) after.get("id"));
    }

    /** The nodes the answer mentions, each sent once as [id, type, label]; a ref is its index. */
    private static final class Refs {
        private final ImpactGraph g;
        private final Map<Integer, Integer> index = new HashMap<>();
        final List<List<Object>> nodes = new ArrayList<>();

        Refs(ImpactGraph g) {
            this.g = g;
        }

        int of(int i) {
            return index.computeIfAbsent(i, k -> {
                nodes.add(List.of(g.id(k), g.type.get(k), g.label(k)));
                return nodes.size() - 1;
            });
        }
    }
}
