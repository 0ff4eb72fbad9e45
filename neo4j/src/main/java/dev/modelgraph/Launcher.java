package dev.modelgraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerAdapter;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j 5.26 Community in this JVM with only the Bolt connector open, on loopback, with
 * authentication on: user neo4j, the password read from --password-file (the Node side generates
 * it and keeps it in the data directory, readable by its owner only).
 *
 * Arguments: --data DIR --port N --password-file FILE [--host 127.0.0.1] [--pagecache-mb 256]
 *            [--tx-memory-mb 1024] [--watch-stdin]
 * Prints "MODELGRAPH_NEO4J_READY <port>" once Bolt accepts connections, so the Node side knows
 * when to connect. With --watch-stdin the JVM shuts down when its stdin closes: a parent that
 * dies without a signal (kill -9, crash) then cannot leave an orphaned database holding the port.
 * A database that panics (a failed write to its transaction log, e.g. a full disk) cannot serve
 * again until restarted, so the JVM then halts with status 75: the Node side restarts it.
 */
public final class Launcher {
    public static void main(String[] argv) {
        try {
            run(argv);
        } catch (Throwable e) {
            // Neo4j's own threads would keep the JVM alive after a failed start-up (e.g. a procedure
            // that does not compile), and the service would wait its whole start timeout for nothing.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] argv) throws Exception {
        Map<String, String> args = parse(argv);
        Path data = Path.of(args.getOrDefault("data", "data/neo4j")).toAbsolutePath();
        String host = args.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(args.getOrDefault("port", "7687"));
        long pageCacheMb = Long.parseLong(args.getOrDefault("pagecache-mb", "256"));
        long txMemoryMb = Long.parseLong(args.getOrDefault("tx-memory-mb", "1024"));
        Files.createDirectories(data);
        System.err.println("modelgraph-neo4j: starting Neo4j in " + data);
        setInitialPassword(data, readPassword(args.get("password-file")));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                // Auth is on: loopback alone would let any local process read and change the graph.
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // No lock-out after failed logins: the password is 192 random bits (nothing to guess),
                // and a lock-out would let any local process keep the service from connecting.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(txMemoryMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .build();

        dbms.registerDatabaseEventListener(new DatabaseEventListenerAdapter() {
            @Override
            public void databasePanic(DatabaseEventContext event) {
                System.err.println("MODELGRAPH_NEO4J_PANIC " + event.getDatabaseName() + ": halting so that the service restarts Neo4j");
                System.err.flush();
                Runtime.getRuntime().halt(75); // what kill -9 does: the restart recovers from the transaction log
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("MODELGRAPH_NEO4J_STOPPING");
            dbms.shutdown();
        }, "modelgraph-neo4j-shutdown"));

        // Touch the default database so it is online before we announce readiness.
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.executeTransactionally("RETURN 1");
        // modelgraph's traversal procedures (LineageProcedures), straight from this classpath: a
        // server would load them from its plugins directory instead (README: "Another Neo4j").
        GlobalProcedures procedures = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(GlobalProcedures.class);
        procedures.registerProcedure(LineageProcedures.class);
        procedures.registerProcedure(TopologyProcedures.class);
        procedures.registerProcedure(ImpactProcedure.class);
        procedures.registerProcedure(PlanCacheCounts.class);
        // The lineage topology in memory (TopologyIndex), built in the background: walks go through
        // the store until it is ready. TopologyExtension (a service on this classpath) has usually
        // started it already; then this finds it registered and does nothing.
        TopologyListener.start(db, listener -> dbms.registerTransactionEventListener(db.databaseName(), listener));
        System.out.println("MODELGRAPH_NEO4J_READY " + port);
        System.out.flush();

        if (args.containsKey("watch-stdin")) {
            waitForEof(System.in);
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    private static String readPassword(String file) throws IOException {
        if (file == null) throw new IllegalArgumentException("--password-file is required (authentication is always on)");
        String password = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        if (password.isEmpty()) throw new IllegalArgumentException("the password file " + file + " is empty");
        return password;
    }

    /**
     * The password of user neo4j, as `neo4j-admin dbms set-initial-password` sets it: through the
     * initial-user file, which Neo4j applies while the default user still has its default password
     * (a new data directory, or one made while auth was off) and ignores once it has another one.
     */
    private static void setInitialPassword(Path home, String password) throws Exception {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        FileUserRepository users = new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
        users.start();
        users.create(new User("neo4j", null,
                SystemGraphCredential.createCredentialForPassword(password.getBytes(StandardCharsets.UTF_8), new SecureHasher()), false, false));
        users.shutdown();
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
