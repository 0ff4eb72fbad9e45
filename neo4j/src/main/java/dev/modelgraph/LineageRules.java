package dev.modelgraph;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.neo4j.graphdb.Entity;
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

    /** The followed types by a small code (their sorted order), for stores that keep a type as a number. */
    static final String[] TYPES = KINDS.keySet().stream().sorted().toArray(String[]::new);
    private static final Kind[] KIND_OF = java.util.Arrays.stream(TYPES).map(KINDS::get).toArray(Kind[]::new);
    private static final int RUN_OF = typeCode("RUN_OF");

    /**
     * Times as longs, so that an in-memory copy of the topology answers by the same code: epoch
     * nanoseconds (exact from 1677 to 2262, saturated beyond), ABSENT for a missing property, and
     * NOT_A_TIME for one that is present but not a datetime (it never holds, as in Cypher).
     */
    static final long ABSENT = Long.MIN_VALUE;
    static final long NOT_A_TIME = Long.MIN_VALUE + 1;

    private final Flow flow;
    private final List<Node> origins;
    private final Set<Node> originSet;
    private final Set<Long> originIds = new HashSet<>();
    private final long t;
    private final long asOf;
    private final long knownAt;

    LineageRules(Flow flow, List<Node> origins, ZonedDateTime t, ZonedDateTime asOf, ZonedDateTime knownAt) {
        this.flow = flow;
        this.origins = List.copyOf(new LinkedHashSet<>(origins));
        this.originSet = new HashSet<>(this.origins);
        for (Node o : this.origins) originIds.add(o.getId());
        this.t = time(t);
        this.asOf = time(asOf);
        this.knownAt = time(knownAt);
    }

    List<Node> origins() {
        return origins;
    }

    boolean isOrigin(long node) {
        return originIds.contains(node);
    }

    boolean downstream() {
        return flow == Flow.DOWNSTREAM;
    }

    /** The code of a followed relationship type, or -1 for a type lineage does not follow. */
    static int typeCode(String type) {
        int k = java.util.Arrays.binarySearch(TYPES, type);
        return k >= 0 ? k : -1;
    }

    /**
     * Whether a relationship of type `code` out of a node (its start when `outgoing`) is followed,
     * before visibility. One statement of the rules for both the store and the in-memory topology.
     */
    boolean follows(int code, boolean outgoing, boolean isOrigin, boolean isDatasetVersion) {
        boolean down = flow == Flow.DOWNSTREAM;
        return switch (KIND_OF[code]) {
            // Upstream, a job as an origin to its runs too.
            case MADE_FROM -> outgoing != down || (!down && isOrigin && code == RUN_OF);
            case YIELDS -> outgoing == down;
            case SERVING -> outgoing != down;
            // A dataset or model (as an origin only) to its versions; downstream a version (not
            // an origin) to its dataset, upstream a dataset version to its dataset always.
            case VERSION_OF -> isOrigin && !outgoing || outgoing && isDatasetVersion && !(down && isOrigin);
        };
    }

    /**
     * The visible relationships followed out of a, to visible nodes, by relationship id: a canonical
     * order that the in-memory topology gives too (the store's chain order depends on its history).
     * One pass over a's relationships (a typed lookup per rule would walk a sparse node's chain once per rule).
     */
    List<Relationship> follow(Node a) {
        boolean isOrigin = originSet.contains(a);
        boolean isDatasetVersion = a.hasLabel(DATASET_VERSION);
        List<Relationship> out = new ArrayList<>();
        try (var rels = a.getRelationships()) {
            for (Relationship r : rels) {
                int code = typeCode(r.getType().name());
                if (code < 0) continue;
                boolean outgoing = r.getStartNode().equals(a);
                if (follows(code, outgoing, isOrigin, isDatasetVersion) && visible(r) && visible(r.getOtherNode(a))) out.add(r);
            }
        }
        out.sort(java.util.Comparator.comparingLong(Relationship::getId));
        return out;
    }

    /**
     * The edges as rows: {next, source, target, type, transformations} (a field's DERIVED_FROM
     * column-lineage transformations, JSON text, or null), and upstream `props` (edgeProps).
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
            if (flow == Flow.UPSTREAM) e.put("props", edgeProps(r));
            edges.add(e);
        }
        return edges;
    }

    /*
     * What upstream rows carry of properties (upstream.cypher's `props`): only what a provenance
     * report reads, a run's and those of the four relationships that have any. Not all of them:
     * every node's and edge's timestamps and JSON made the largest bench report 3.2 MB, decoded by
     * the service and never read.
     */
    private static final Label RUN = Label.label("Run");
    private static final List<String> RUN_PROPS = List.of("runId", "state", "codeVersion", "parameters", "startedAt");
    private static final Set<String> EDGES_WITH_PROPS = Set.of("SERVES", "MEMBER", "TRAINED_ON", "USES_FEATURE");
    private static final List<String> EDGE_PROPS = List.of("trafficShare", "weight", "role", "importance");

    /** An upstream row's `props`: a run's RUN_PROPS, null for other nodes. */
    static Map<String, Object> runProps(Node a) {
        return a.hasLabel(RUN) ? pick(a, RUN_PROPS) : null;
    }

    /** An upstream edge's `props`: EDGE_PROPS on the relationships that carry them, else null. */
    private static Map<String, Object> edgeProps(Relationship r) {
        return EDGES_WITH_PROPS.contains(r.getType().name()) ? pick(r, EDGE_PROPS) : null;
    }

    /** Cypher's map projection `e {.k1, .k2}`: every key, null where the entity lacks it. */
    private static Map<String, Object> pick(Entity e, List<String> keys) {
        Map<String, Object> m = new HashMap<>(keys.size() * 2);
        for (String k : keys) m.put(k, e.getProperty(k, null));
        return m;
    }

    /**
     * A relationship counts: recorded by knownAt, not retracted by then, and held at t (from <= t <
     * to, a `to` recorded after knownAt not yet known). A bound that is not a datetime never holds
     * (as in Cypher, where comparing it gives null).
     */
    boolean visible(Relationship r) {
        return visible(time(r.getProperty("recordedAt", null)), time(r.getProperty("retractedAt", null)),
            time(r.getProperty("from", null)), time(r.getProperty("to", null)), time(r.getProperty("toRecordedAt", null)));
    }

    /** {@link #visible(Relationship)} over its times as {@link #time} encodes them. */
    boolean visible(long recorded, long retracted, long from, long to, long toRecorded) {
        return (knownAt == ABSENT || recorded == ABSENT || notAfter(recorded, knownAt))
            && (retracted == ABSENT || knownAt != ABSENT && after(retracted, knownAt))
            && (from == ABSENT || notAfter(from, t))
            && (to == ABSENT || after(to, t) || knownAt != ABSENT && after(toRecorded, knownAt));
    }

    /** A node exists: created by asOf and recorded by knownAt (an absent time: always). */
    boolean visible(Node b) {
        return visible(time(b.getProperty("createdAt", null)), time(b.getProperty("recordedAt", null)));
    }

    /** {@link #visible(Node)} over its times as {@link #time} encodes them. */
    boolean visible(long created, long recorded) {
        return (asOf == ABSENT || created == ABSENT || notAfter(created, asOf))
            && (knownAt == ABSENT || recorded == ABSENT || notAfter(recorded, knownAt));
    }

    /** A property value as a time: see {@link #ABSENT}. */
    static long time(Object value) {
        if (value == null) return ABSENT;
        if (!(value instanceof ZonedDateTime v)) return NOT_A_TIME;
        Instant i = v.toInstant();
        try {
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (ArithmeticException outOfRange) {
            return i.getEpochSecond() < 0 ? NOT_A_TIME + 1 : Long.MAX_VALUE;
        }
    }

    /** value <= bound, false when the value is not a datetime (a bound is always one: the caller's parameter). */
    private static boolean notAfter(long value, long bound) {
        return value > NOT_A_TIME && value <= bound;
    }

    private static boolean after(long value, long bound) {
        return value > NOT_A_TIME && value > bound;
    }
}
