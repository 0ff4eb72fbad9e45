package dev.modelgraph;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;

/**
 * Which relationships lineage follows out of a node, in each direction (docs/graph-model.md), as
 * cypher/lineage/{downstream,upstream}.cypher state them:
 * - downstream: a version to the runs that READ it, the model versions TRAINED_ON it, its fields
 *   (HAS_FIELD) and its dataset (VERSION_OF, reported but never expanded); a run to the versions it
 *   WROTE and the model versions PRODUCED_BY it; a job to its runs; a field to what is DERIVED_FROM
 *   it; a feature to the model versions that USE it; a model version to its ensembles (MEMBER) and
 *   deployments (SERVES); an ensemble to its deployments.
 * - upstream: the reverse of each, with a dataset version to its dataset always.
 * - as an origin (several may start one traversal, all at distance 0), a dataset or model expands
 *   to its versions in both directions, and upstream a job to its runs.
 * Visibility (docs/graph-model.md, "Time"): a node exists when created by asOf and recorded by
 * knownAt; a relationship counts when recorded by knownAt and not retracted by then, and one with
 * from/to while it held at t (from <= t < to, a `to` recorded after knownAt not yet known).
 */
final class LineageRules {
    enum Flow { DOWNSTREAM, UPSTREAM }

    private static final Label DATASET_VERSION = Label.label("DatasetVersion");

    /**
     * How a relationship type relates to the flow of data: src/graph/relationships.ts (Flow,
     * RELATIONSHIP_FLOW) is the definition; test/graph-model.unit.test.ts compares KINDS with it.
     */
    private enum Kind {
        /** From the source to what it yields (WROTE, HAS_FIELD): followed along its direction downstream. */
        YIELDS,
        /** From the derived thing to what it was made from: followed against its direction downstream. */
        MADE_FROM,
        /** From the server to the served, valid over [from, to): like MADE_FROM, while it holds. */
        SERVING,
        /** From a version to its dataset or model: see follow(). */
        VERSION_OF
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
        Map.entry("WROTE", Kind.YIELDS), Map.entry("HAS_FIELD", Kind.YIELDS),
        Map.entry("READ", Kind.MADE_FROM), Map.entry("TRAINED_ON", Kind.MADE_FROM), Map.entry("PRODUCED_BY", Kind.MADE_FROM),
        Map.entry("DERIVED_FROM", Kind.MADE_FROM), Map.entry("USES_FEATURE", Kind.MADE_FROM), Map.entry("RUN_OF", Kind.MADE_FROM),
        Map.entry("MEMBER", Kind.SERVING), Map.entry("SERVES", Kind.SERVING), Map.entry("VERSION_OF", Kind.VERSION_OF));

    private static final String RUN_OF = "RUN_OF";

    private final Flow flow;
    private final List<Node> origins;
    private final Set<Node> originSet;
    private final ZonedDateTime t;
    private final ZonedDateTime asOf;
    private final ZonedDateTime knownAt;

    LineageRules(Flow flow, List<Node> origins, ZonedDateTime t, ZonedDateTime asOf, ZonedDateTime knownAt) {
        this.flow = flow;
        this.origins = List.copyOf(new LinkedHashSet<>(origins));
        this.originSet = new HashSet<>(this.origins);
        this.t = t;
        this.asOf = asOf;
        this.knownAt = knownAt;
    }

    List<Node> origins() {
        return origins;
    }

    boolean downstream() {
        return flow == Flow.DOWNSTREAM;
    }

    /**
     * The visible relationships followed out of a, to visible nodes. One pass over a's
     * relationships (a typed lookup per rule would walk a sparse node's chain once per rule).
     */
    List<Relationship> follow(Node a) {
        boolean down = flow == Flow.DOWNSTREAM;
        boolean isOrigin = originSet.contains(a);
        boolean isDatasetVersion = a.hasLabel(DATASET_VERSION);
        List<Relationship> out = new ArrayList<>();
        try (var rels = a.getRelationships()) {
            for (Relationship r : rels) {
                Kind kind = KINDS.get(r.getType().name());
                if (kind == null) continue;
                boolean outgoing = r.getStartNode().equals(a);
                boolean followed = switch (kind) {
                    // Upstream, a job as an origin to its runs too.
                    case MADE_FROM -> outgoing != down || (!down && isOrigin && RUN_OF.equals(r.getType().name()));
                    case YIELDS -> outgoing == down;
                    case SERVING -> outgoing != down;
                    // A dataset or model (as an origin only) to its versions; downstream a version (not
                    // an origin) to its dataset, upstream a dataset version to its dataset always.
                    case VERSION_OF -> isOrigin && !outgoing || outgoing && isDatasetVersion && !(down && isOrigin);
                };
                if (followed && visible(r) && visible(r.getOtherNode(a))) out.add(r);
            }
        }
        return out;
    }

    /**
     * The edges as rows: {next, source, target, type, transformations} (a field's DERIVED_FROM
     * column-lineage transformations, JSON text, or null), and upstream the relationship's properties too.
     */
    List<Map<String, Object>> describe(Node a, List<Relationship> rels) {
        List<Map<String, Object>> edges = new ArrayList<>(rels.size());
        for (Relationship r : rels) {
            Map<String, Object> e = new HashMap<>();
            e.put("next", r.getOtherNode(a).getProperty("id", null));
            e.put("source", r.getStartNode().getProperty("id", null));
            e.put("target", r.getEndNode().getProperty("id", null));
            e.put("type", r.getType().name());
            e.put("transformations", r.getProperty("transformations", null));
            if (flow == Flow.UPSTREAM) e.put("props", r.getAllProperties());
            edges.add(e);
        }
        return edges;
    }

    /**
     * A relationship counts: recorded by knownAt, not retracted by then, and held at t (from <= t <
     * to, a `to` recorded after knownAt not yet known). A bound that is not a datetime never holds
     * (as in Cypher, where comparing it gives null).
     */
    boolean visible(Relationship r) {
        Object recorded = r.getProperty("recordedAt", null);
        Object retracted = r.getProperty("retractedAt", null);
        Object from = r.getProperty("from", null);
        Object to = r.getProperty("to", null);
        return (knownAt == null || recorded == null || notAfter(recorded, knownAt))
            && (retracted == null || knownAt != null && after(retracted, knownAt))
            && (from == null || notAfter(from, t))
            && (to == null || after(to, t) || knownAt != null && after(r.getProperty("toRecordedAt", null), knownAt));
    }

    /** A node exists: created by asOf and recorded by knownAt (an absent time: always). */
    boolean visible(Node b) {
        Object created = b.getProperty("createdAt", null);
        Object recorded = b.getProperty("recordedAt", null);
        return (asOf == null || created == null || notAfter(created, asOf))
            && (knownAt == null || recorded == null || notAfter(recorded, knownAt));
    }

    private static boolean notAfter(Object value, ZonedDateTime bound) {
        return value instanceof ZonedDateTime v && !v.toInstant().isAfter(bound.toInstant());
    }

    private static boolean after(Object value, ZonedDateTime bound) {
        return value instanceof ZonedDateTime v && v.toInstant().isAfter(bound.toInstant());
    }
}
