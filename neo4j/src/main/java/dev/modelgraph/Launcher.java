package dev.modelgraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j 5.26 Community in this JVM with only the Bolt connector open, on loopback.
 *
 * Arguments: --data DIR --port N [--host 127.0.0.1] [--pagecache-mb 256] [--tx-memory-mb 1024]
 *            [--watch-stdin]
 * Prints "MODELGRAPH_NEO4J_READY <port>" once Bolt accepts connections, so the Node side knows
 * when to connect. With --watch-stdin the JVM shuts down when its stdin closes: a parent that
 * dies without a signal (kill -9, crash) then cannot leave an orphaned database holding the port.
 */
public final class Launcher {
    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parse(argv);
        Path data = Path.of(args.getOrDefault("data", "data/neo4j")).toAbsolutePath();
        String host = args.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(args.getOrDefault("port", "7687"));
        long pageCacheMb = Long.parseLong(args.getOrDefault("pagecache-mb", "256"));
        long txMemoryMb = Long.parseLong(args.getOrDefault("tx-memory-mb", "1024"));
        Files.createDirectories(data);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                // Auth is off: the launcher only ever binds loopback; modelgraph has its own API keys.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(txMemoryMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .build();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("MODELGRAPH_NEO4J_STOPPING");
            dbms.shutdown();
        }, "modelgraph-neo4j-shutdown"));

        // Touch the default database so it is online before we announce readiness.
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.executeTransactionally("RETURN 1");
        // modelgraph's traversal procedures (LineageProcedures), straight from this classpath: a
        // server would load them from its plugins directory instead (README: "Another Neo4j").
        ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(GlobalProcedures.class)
                .registerProcedure(LineageProcedures.class);
        System.out.println("MODELGRAPH_NEO4J_READY " + port);
        System.out.flush();

        if (args.containsKey("watch-stdin")) {
            waitForEof(System.in);
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    private static void waitForEof(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) { /* discard */ }
        } catch (IOException ignored) {
            // A broken pipe means the parent is gone: same as EOF.
        }
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + argv[i]);
            String key = argv[i].substring(2);
            boolean flag = i + 1 >= argv.length || argv[i + 1].startsWith("--");
            out.put(key, flag ? "true" : argv[++i]);
        }
        return out;
    }
}
