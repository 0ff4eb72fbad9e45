package dev.modelgraph;

import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.impl.query.CacheMetrics;
import org.neo4j.kernel.impl.query.QueryCacheStatistics;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Procedure;

/**
 * How often Cypher found a statement compiled in its cache, and how often it compiled one, in this
 * database since it started: what tells whether the service's start-up warm-up compiled the plans
 * that requests use. Neo4j keys that cache by each top-level string and list parameter's size class
 * too, so a warm-up with the wrong sample sizes compiles plans nobody asks for, and the first request
 * pays half a second a statement; only these counts say so (its timings are noise). Community Neo4j
 * keeps the counts for the metrics of the Enterprise edition: this reads them.
 */
public final class PlanCacheCounts {
    @Context
    public GraphDatabaseService db;

    /** The counts of the cache of compiled statements (executable queries). */
    public static final class Counts {
        public boolean counting;
        public long hits;
        public long misses;
        public long compiled;
        /** Plans found stale (the data's statistics moved on) and compiled again. */
        public long replanned;
    }

    @Procedure(name = "modelgraph.planCache", mode = Mode.READ)
    @Description("Cypher's cache of compiled statements in this database since it started: counting, hits, misses, compiled, replanned.")
    public Stream<Counts> planCache() {
        Counts c = new Counts();
        QueryCacheStatistics stats = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(QueryCacheStatistics.class);
        CacheMetrics m = stats.metricsPerCacheKind().get("executable_query");
        if (m == null) return Stream.of(c);
        c.counting = true;
        c.hits = m.getHits();
        c.misses = m.getMisses();
        c.compiled = m.getCompiled();
        c.replanned = stats.numberOfReplans();
        return Stream.of(c);
    }
}
