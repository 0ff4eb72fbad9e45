package dev.modelgraph;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;

/**
 * Which relationships lineage follows out of a node, in each direction (docs/graph-model.md), as
 * cypher/lineage/{downstream,upstream}.cypher state them:
 * - downstream: a version to the runs that READ it, the model versions TRAINED_ON it, its fields
 *   (HAS_FIELD) and its dataset (VERSION_OF, reported but only expanded from the origin: a dataset
 *   is expanded to its versions only when it is the origin); a run to the versions it WROTE and the
 *   model versions PRODUCED_BY it; a job to its runs; a field to what is DERIVED_FROM it; a feature
 *   to the model versions that USE it; a model version to its ensembles (MEMBER) and deployments
 *   (SERVES); an ensemble to its deployments.
 * - upstream: the reverse of each, with a dataset version to its dataset always.
 * MEMBER and SERVES count only while they held at t (from <= t < to-or-open); with asOf, a node
 * created after it does not exist yet.
 */
final class LineageRules {
    enum Flow { DOWNSTREAM, UPSTREAM }

    private static final Label DATASET_VERSION = Label.label("DatasetVersion");

    /**
     * How a relationship type relates to the flow of data: src/graph/relationships.ts (Flow,
     * RELATIONSHIP_FLOW) is the definition; test/graph-model.test.ts compares KINDS with it.
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

    private final Flow flow;
    private final Node origin;
    private final ZonedDateTime t;
    private final ZonedDateTime asOf;

    LineageRules(Flow flow, Node origin, ZonedDateTime t, ZonedDateTime asOf) {
        this.flow = flow;
        this.origin = origin;
        this.t = t;
        this.asOf = asOf;
    }

    Node origin() {
        return origin;
    }

    boolean downstream() {
        return flow == Flow.DOWNSTREAM;
    }

    /**
     * The relationships followed out of a, to nodes that exist at asOf. One pass over a's
     * relationships (a typed lookup per rule would walk a sparse node's chain once per rule).
     */
    List<Relationship> follow(Node a) {
        boolean down = flow == Flow.DOWNSTREAM;
        boolean isOrigin = a.equals(origin);
        boolean isDatasetVersion = a.hasLabel(DATASET_VERSION);
        List<Relationship> out = new ArrayList<>();
        try (var rels = a.getRelationships()) {
            for (Relationship r : rels) {
                Kind kind = KINDS.get(r.getType().name());
                if (kind == null) continue;
                boolean outgoing = r.getStartNode().equals(a);
                boolean followed = switch (kind) {
                    case YIELDS -> outgoing == down;
                    case MADE_FROM -> outgoing != down;
                    case SERVING -> outgoing != down && heldAt(r);
                    // Downstream: a dataset (as the origin only) to its versions, a version (not the
                    // origin) to its dataset. Upstream: a dataset version to its dataset.
                    case VERSION_OF -> down ? (isOrigin ? !outgoing : outgoing && isDatasetVersion) : outgoing && isDatasetVersion;
                };
                if (followed && (asOf == null || existedAt(r.getOtherNode(a)))) out.add(r);
            }
        }
        return out;
    }

    /** The edges as rows: {next, source, target, type}, and upstream the relationship's properties too. */
    List<Map<String, Object>> describe(Node a, List<Relationship> rels) {
        List<Map<String, Object>> edges = new ArrayList<>(rels.size());
        for (Relationship r : rels) {
            Map<String, Object> e = new HashMap<>();
            e.put("next", r.getOtherNode(a).getProperty("id", null));
            e.put("source", r.getStartNode().getProperty("id", null));
            e.put("target", r.getEndNode().getProperty("id", null));
            e.put("type", r.getType().name());
            if (flow == Flow.UPSTREAM) e.put("props", r.getAllProperties());
            edges.add(e);
        }
        return edges;
    }

    /** from <= t < to, an absent bound open; a bound that is not a datetime never holds (as in Cypher). */
    boolean heldAt(Relationship r) {
        Object from = r.getProperty("from", null);
        Object to = r.getProperty("to", null);
        return (from == null || (from instanceof ZonedDateTime f && !f.toInstant().isAfter(t.toInstant())))
            && (to == null || (to instanceof ZonedDateTime u && u.toInstant().isAfter(t.toInstant())));
    }

    private boolean existedAt(Node b) {
        Object created = b.getProperty("createdAt", null);
        return created == null || (created instanceof ZonedDateTime c && !c.toInstant().isAfter(asOf.toInstant()));
    }
}
