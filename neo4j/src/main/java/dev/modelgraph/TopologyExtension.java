package dev.modelgraph;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;

/**
 * Starts the in-memory lineage topology ({@link TopologyListener}) with each database of a Neo4j
 * that has this jar in its plugins directory (listed in
 * META-INF/services/org.neo4j.kernel.extension.ExtensionFactory), and stops it with the database.
 * The embedded launcher's classpath has the same service file, so it gets it the same way (its own
 * call then finds the index registered). Without it, walks go through the store: correct, slower.
 */
public final class TopologyExtension extends ExtensionFactory<TopologyExtension.Dependencies> {
    /** What Neo4j injects (by these method names' return types). */
    public interface Dependencies {
        GraphDatabaseAPI graphdatabaseAPI();

        DatabaseManagementService databaseManagementService();
    }

    public TopologyExtension() {
        super(ExtensionType.DATABASE, "modelgraph-topology-index");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        GraphDatabaseAPI db = dependencies.graphdatabaseAPI();
        DatabaseManagementService dbms = dependencies.databaseManagementService();
        return new LifecycleAdapter() {
            private TopologyListener listener;

            @Override
            public void start() {
                if (GraphDatabaseSettings.SYSTEM_DATABASE_NAME.equals(db.databaseName())) return; // no lineage there
                listener = TopologyListener.start(db, l -> dbms.registerTransactionEventListener(db.databaseName(), l));
            }

            @Override
            public void stop() {
                if (listener == null) return;
                dbms.unregisterTransactionEventListener(db.databaseName(), listener);
                TopologyIndex.unregister(db.databaseName(), listener.index());
                listener = null;
            }
        };
    }
}
