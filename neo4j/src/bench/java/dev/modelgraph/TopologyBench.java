package dev.modelgraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

/**
 * Scratch measurement (not part of the build): the walk through the store against the walk
 * through the in-memory topology, in one JVM, on a generated layered lineage graph; plus the
 * index's build time and bytes per relationship. Run after `npm run neo4j:setup`:
 *   javac -cp 'neo4j/target/classes:neo4j/target/lib/*' -d /tmp/bench neo4j/src/bench/java/dev/modelgraph/TopologyBench.java
 *   java -Xmx3g -cp '/tmp/bench:neo4j/target/classes:neo4j/target/lib/*' dev.modelgraph.TopologyBench [versions] [fields]
 * Each dataset version has `fields` fields (HAS_FIELD), its dataset (VERSION_OF), a run that
 * WROTE it (RUN_OF its job) and READ two versions of the layer before, and fields DERIVED_FROM
 * theirs: 2 * fields + 5 relationships and fields + 2.2 nodes per version.
 */
public final class TopologyBench {
    private static final RelationshipType VERSION_OF = RelationshipType.withName("VERSION_OF"), HAS_FIELD = RelationshipType.withName("HAS_FIELD"),
        WROTE = RelationshipType.withName("WROTE"), READ = RelationshipType.withName("READ"), RUN_OF = RelationshipType.withName("RUN_OF"),
        DERIVED_FROM = RelationshipType.withName("DERIVED_FROM");

    public static void main(String[] args) throws Exception {
        int versions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int fields = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("topology-bench");
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dir)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(1024)).build();
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        long[] versionIds = generate(db, versions, fields);

        // TopologyExtension (on this classpath) has kept an index up to date commit by commit during
        // the generation; a second one is built here by the start-up scan alone, to time it.
        TopologyIndex maintained = TopologyIndex.of(db.databaseName());
        if (maintained == null || !maintained.ready || maintained.failure != null) throw new IllegalStateException("no index maintained by the extension");
        System.gc();
        long heapBefore = usedHeap();
        TopologyIndex index = new TopologyIndex();
        new TopologyListener(index, db).build();
        if (index.failure != null) throw new IllegalStateException(index.failure);
        System.gc();
        long heapAfter = usedHeap();
        System.out.printf("graph: %d nodes, %d lineage relationships; build %d ms; arrays %.1f bytes/relationship (%.1f MB), heap growth %.1f MB%n",
            index.store.nodes, index.store.relationships, index.buildMillis, index.store.bytes() / (double) index.store.relationships,
            index.store.bytes() / 1e6, (heapAfter - heapBefore) / 1e6);

        Random random = new Random(7);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        List<long[]> samples = new ArrayList<>(); // reached, store nanos, index nanos
        for (int o = 0; o < 60; o++) {
            long origin = versionIds[random.nextInt(versionIds.length / 3)];
            for (boolean down : new boolean[] {true, false}) {
                try (Transaction tx = db.beginTx()) {
                    LineageRules rules = new LineageRules(down ? LineageRules.Flow.DOWNSTREAM : LineageRules.Flow.UPSTREAM,
                        List.of(tx.getNodeById(origin)), now, null, null);
                    long[] store = new long[7], memory = new long[7];
                    int reached = 0;
                    for (int rep = 0; rep < 7; rep++) { // interleaved, so that load on the machine hits both alike
                        long t0 = System.nanoTime();
                        Walk a = Walk.throughStore(rules, 10, 5000);
                        long t1 = System.nanoTime();
                        Walk b = index.walk(rules, 10, 5000);
                        long t2 = System.nanoTime();
                        store[rep] = t1 - t0;
                        memory[rep] = t2 - t1;
                        if (!a.followed.equals(b.followed) || !a.followed.equals(maintained.walk(rules, 10, 5000).followed)) {
                            throw new IllegalStateException("walks differ from " + origin);
                        }
                        reached = a.reached();
                    }
                    Arrays.sort(store);
                    Arrays.sort(memory);
                    samples.add(new long[] {reached, store[3], memory[3]});
                }
            }
        }
        samples.sort((x, y) -> Long.compare(x[0], y[0]));
        System.out.println("reached nodes | store walk (ms, median of 7) | index walk (ms) | ratio");
        for (long[] s : samples) {
            if (s[0] < 20) continue;
            System.out.printf("%d | %.2f | %.3f | %.0fx%n", s[0], s[1] / 1e6, s[2] / 1e6, s[1] / (double) Math.max(1, s[2]));
        }
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
        dbms.shutdown();
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** Layers of 1,000 versions; returns the versions' node ids. */
    private static long[] generate(GraphDatabaseService db, int versions, int fields) {
        long started = System.nanoTime();
        Random random = new Random(42);
        long[] ids = new long[versions];
        long[][] fieldIds = new long[versions][fields];
        long[][] owners = new long[versions / 10 + 1][]; // per 10 versions: a dataset and the job that writes them
        ZonedDateTime t = ZonedDateTime.parse("2026-01-01T00:00:00Z");
        int perLayer = 1000, batch = 2000;
        for (int from = 0; from < versions; from += batch) {
            try (Transaction tx = db.beginTx()) {
                for (int v = from; v < Math.min(versions, from + batch); v++) {
                    if (v % 10 == 0) owners[v / 10] = new long[] {node(tx, "Dataset", t).getId(), node(tx, "Job", t).getId()};
                    Node dataset = tx.getNodeById(owners[v / 10][0]);
                    Node version = node(tx, "DatasetVersion", t);
                    ids[v] = version.getId();
                    rel(version, dataset, VERSION_OF, t);
                    Node run = node(tx, "Run", t);
                    rel(run, version, WROTE, t);
                    rel(run, tx.getNodeById(owners[v / 10][1]), RUN_OF, t);
                    for (int f = 0; f < fields; f++) {
                        Node field = node(tx, "Field", t);
                        fieldIds[v][f] = field.getId();
                        rel(version, field, HAS_FIELD, t);
                    }
                    if (v >= perLayer) {
                        for (int k = 0; k < 2; k++) {
                            int read = (v / perLayer - 1) * perLayer + random.nextInt(perLayer);
                            rel(run, tx.getNodeById(ids[read]), READ, t);
                            for (int f = k; f < fields; f += 2) rel(tx.getNodeById(fieldIds[v][f]), tx.getNodeById(fieldIds[read][random.nextInt(fields)]), DERIVED_FROM, t);
                        }
                    }
                }
                tx.commit();
            }
        }
        System.out.printf("generated %d versions in %d s%n", versions, (System.nanoTime() - started) / 1_000_000_000L);
        return ids;
    }

    private static Node node(Transaction tx, String label, ZonedDateTime t) {
        Node n = tx.createNode(Label.label(label));
        n.setProperty("createdAt", t);
        n.setProperty("recordedAt", t);
        return n;
    }

    private static void rel(Node a, Node b, RelationshipType type, ZonedDateTime t) {
        a.createRelationshipTo(b, type).setProperty("recordedAt", t);
    }
}
