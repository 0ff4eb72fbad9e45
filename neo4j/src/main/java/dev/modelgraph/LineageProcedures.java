package dev.modelgraph;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * The breadth-first part of impact (downstream) and provenance (upstream) as procedures.
 *
 * Why a procedure: Community Edition runs Cypher on the slotted runtime, where a level-by-level
 * breadth-first search in Cypher (lists of visited nodes, one UNION branch per direction) costs
 * ~160 ms for 1,000 nodes on a 1M-node graph; walking the same relationships through the core API
 * costs a few milliseconds. The rules are the same as cypher/lineage/downstream.cypher and
 * upstream.cypher (which stay the fallback for a Neo4j without this plugin, e.g. Aura): see
 * {@link LineageRules}. Both must give the same rows; the test suite runs against both.
 *
 * Rows: the origins first (distance 0), then each reached node once, at its shortest distance from
 * the nearest origin (at most `depth` hops), ordered by distance; a level is not expanded once the
 * levels before it hold more than `maxNodes` nodes besides the origins, a level keeps at most
 * `maxNodes` + 1 nodes, and at most `maxNodes` + 1 rows besides the origins come back (the caller
 * tells "truncated" from the extra one). `edges`: every relationship the
 * rules follow out of the node (to any node), as {next, source, target, type, transformations[, props]}; display
 * label and serving deployments: {@link LineageRows}.
 */
public final class LineageProcedures {
    @Context
    public Transaction tx;

    /** One reached node; downstream rows carry environment and serving, upstream rows of runs props. */
    public static final class Row {
        public Object id;
        public String nodeLabel;
        public String display;
        public long distance;
        public List<Map<String, Object>> edges;
        public Object environment;
        public List<Map<String, Object>> serving;
        public Map<String, Object> props;

        Row(Node a, long distance, List<Map<String, Object>> edges, LineageRules rules) {
            this.id = a.getProperty("id", null);
            this.nodeLabel = LineageRows.nodeLabel(a);
            this.display = LineageRows.display(a, nodeLabel);
            this.distance = distance;
            this.edges = edges;
            if (rules.downstream()) {
                this.environment = a.getProperty("environment", null);
                this.serving = LineageRows.serving(a, nodeLabel, rules);
            } else {
                this.props = LineageRules.runProps(a);
            }
        }

        /**
         * The row with downstream.cypher's columns, or upstream.cypher's. The direction is passed in,
         * not kept: Neo4j takes every field of a procedure's record class for an output column.
         */
        Map<String, Object> toMap(boolean downstream) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("nodeLabel", nodeLabel);
            m.put("display", display);
            m.put("distance", distance);
            m.put("edges", edges);
            if (downstream) {
                m.put("environment", environment);
                m.put("serving", serving);
            } else {
                m.put("props", props);
            }
            return m;
        }
    }

    @Procedure(name = "modelgraph.downstream", mode = Mode.READ)
    @Description("Nodes downstream of the origins (what a change to them can affect), breadth-first, at time t as recorded at knownAt.")
    public Stream<Row> downstream(@Name("origins") List<Node> origins, @Name("t") ZonedDateTime t, @Name("asOf") ZonedDateTime asOf,
                                  @Name("knownAt") ZonedDateTime knownAt, @Name("depth") long depth, @Name("maxNodes") long maxNodes) {
        return traverse(new LineageRules(LineageRules.Flow.DOWNSTREAM, origins, t, asOf, knownAt), depth, maxNodes);
    }

    /** One row: the downstream rows as a JSON array (see {@link Json} for why); what the service calls. */
    public static final class JsonRows {
        public String rows;

        JsonRows(String rows) {
            this.rows = rows;
        }
    }

    @Procedure(name = "modelgraph.downstreamJson", mode = Mode.READ)
    @Description("modelgraph.downstream's rows as one JSON array of {id, nodeLabel, display, distance, edges, environment, serving}.")
    public Stream<JsonRows> downstreamJson(@Name("origins") List<Node> origins, @Name("t") ZonedDateTime t, @Name("asOf") ZonedDateTime asOf,
                                           @Name("knownAt") ZonedDateTime knownAt, @Name("depth") long depth, @Name("maxNodes") long maxNodes) {
        return asJson(downstream(origins, t, asOf, knownAt, depth, maxNodes), true);
    }

    @Procedure(name = "modelgraph.upstream", mode = Mode.READ)
    @Description("Nodes upstream of the origins (what they were made from), breadth-first, at time t as recorded at knownAt.")
    public Stream<Row> upstream(@Name("origins") List<Node> origins, @Name("t") ZonedDateTime t, @Name("asOf") ZonedDateTime asOf,
                                @Name("knownAt") ZonedDateTime knownAt, @Name("depth") long depth, @Name("maxNodes") long maxNodes) {
        return traverse(new LineageRules(LineageRules.Flow.UPSTREAM, origins, t, asOf, knownAt), depth, maxNodes);
    }

    /**
     * modelgraph.upstream's rows as one JSON array of {id, nodeLabel, display, distance, edges, props};
     * what the service calls, for the reason downstreamJson exists: a provenance of ~1,900 nodes came
     * as ~1,900 rows of maps the driver decoded in tens of milliseconds. Datetimes (a run's
     * startedAt) are written as ISO-8601 instants, which the service turns back into Dates.
     */
    @Procedure(name = "modelgraph.upstreamJson", mode = Mode.READ)
    @Description("modelgraph.upstream's rows as one JSON array of {id, nodeLabel, display, distance, edges, props}.")
    public Stream<JsonRows> upstreamJson(@Name("origins") List<Node> origins, @Name("t") ZonedDateTime t, @Name("asOf") ZonedDateTime asOf,
                                         @Name("knownAt") ZonedDateTime knownAt, @Name("depth") long depth, @Name("maxNodes") long maxNodes) {
        return asJson(upstream(origins, t, asOf, knownAt, depth, maxNodes), false);
    }

    /** The rows as one JSON array, with downstream.cypher's columns or upstream.cypher's. */
    private static Stream<JsonRows> asJson(Stream<Row> rows, boolean downstream) {
        return Stream.of(new JsonRows(Json.write(rows.map(r -> r.toMap(downstream)).toList())));
    }

    private Stream<Row> traverse(LineageRules rules, long depth, long maxNodes) {
        Walk walk = Walk.in(tx, rules, depth, maxNodes);
        List<Row> rows = new ArrayList<>();
        long limit = maxNodes + rules.origins().size() + 1;
        for (int distance = 0; distance < walk.levels.size() && rows.size() < limit; distance++) {
            for (long id : walk.levels.get(distance)) {
                if (rows.size() >= limit) break;
                Node a = tx.getNodeById(id);
                List<Relationship> out = new ArrayList<>();
                for (Walk.Step step : walk.followed.get(id)) out.add(tx.getRelationshipById(step.relationship()));
                rows.add(new Row(a, distance, rules.describe(a, out), rules));
            }
        }
        return rows.stream();
    }
}
