package org.newsgraph.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Throwaway Neo4j Community server for newsgraph tests: in-process via neo4j-harness, Bolt only
 * (no HTTP), auth disabled unless {@code --password P} is given (then user {@code neo4j} has
 * password P), data under a scratch directory. Prints
 * {@code NEO4J_TEST_SERVER_READY bolt://HOST:PORT} once the database answers {@code RETURN 1}
 * and the Bolt port completes a protocol handshake, then blocks until the JVM is stopped
 * (SIGTERM/SIGINT run the shutdown hook, which closes the database).
 *
 * <p>Arguments: {@code --work-dir DIR} (required), {@code --port N} (0 = any free port, default
 * 7687), {@code --host ADDR} (default 127.0.0.1), {@code --pagecache-mb N} (default 32),
 * {@code --uri-file FILE} (the URI is also written there, atomically, when ready).
 */
public final class TestServer {
    static final String READY = "NEO4J_TEST_SERVER_READY ";

    private TestServer() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            // Neo4j leaves non-daemon threads behind, so a failed start must exit explicitly.
            System.err.println("neo4j-test-server: failed to start");
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path workDir = null;
        Path uriFile = null;
        String host = "127.0.0.1";
        int port = 7687;
        long pagecacheMb = 32;
        String password = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--work-dir" -> { workDir = Path.of(need(a, v)); i++; }
                case "--uri-file" -> { uriFile = Path.of(need(a, v)); i++; }
                case "--host" -> { host = need(a, v); i++; }
                case "--port" -> { port = Integer.parseInt(need(a, v)); i++; }
                case "--pagecache-mb" -> { pagecacheMb = Long.parseLong(need(a, v)); i++; }
                case "--password" -> { password = need(a, v); i++; }
                default -> usage("unknown argument: " + a);
            }
        }
        if (workDir == null) {
            usage("--work-dir is required");
        }
        Files.createDirectories(workDir);
        Path importDir = workDir.resolve("import").toAbsolutePath();
        Files.createDirectories(importDir);

        long t0 = System.nanoTime();
        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(workDir)
                .withDisabledServer() // no HTTP/HTTPS connectors; Bolt stays on
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(GraphDatabaseSettings.auth_enabled, password != null)
                // The credential tests fail logins on purpose: never lock the user out for it.
                .withConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .withConfig(GraphDatabaseSettings.pagecache_memory, pagecacheMb * 1024L * 1024L)
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                // As a production server: LOAD CSV reads file:/// URLs from the import folder
                // only (the harness's default is the whole file system).
                .withConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .withConfig(GraphDatabaseSettings.preallocate_store_files, false)
                // Throwaway data: don't linger on shutdown (defaults wait several seconds for
                // Netty's quiet period and for in-flight Bolt connections/transactions).
                .withConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .withConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j-test-server: shutting down");
            try {
                neo4j.close();
            } catch (RuntimeException e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
            System.out.println("neo4j-test-server: stopped");
            System.out.flush();
        }, "neo4j-test-server-shutdown"));

        if (password != null) {
            // Auth on (for the credential tests): user neo4j gets this password, no change required.
            // The embedded API runs with full rights, so the system database takes the command.
            neo4j.databaseManagementService().database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", password));
        }
        // The embedded database must answer a query ...
        Object one = neo4j.defaultDatabaseService()
                .executeTransactionally("RETURN 1 AS x", java.util.Map.of(), r -> r.next().get("x"));
        if (!(one instanceof Number n) || n.longValue() != 1L) {
            throw new IllegalStateException("RETURN 1 gave " + one);
        }
        // ... and the Bolt connector must speak the protocol on the bound port (port 0 -> real one).
        int boltPort = neo4j.boltURI().getPort();
        boltHandshake(host, boltPort);

        String uri = "bolt://" + host + ":" + boltPort;
        if (uriFile != null) {
            Path tmp = uriFile.resolveSibling(uriFile.getFileName() + ".tmp");
            Files.writeString(tmp, uri + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, uriFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.printf("neo4j-test-server: started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.println(READY + uri);
        System.out.flush();

        stopped.await(); // blocks until the shutdown hook has run; the JVM then exits
    }

    /** Bolt handshake: magic 0x6060B017 then four version proposals; a non-zero answer is a version. */
    static void boltHandshake(String host, int port) throws IOException {
        byte[] hello = {
            0x60, 0x60, (byte) 0xB0, 0x17,
            0x00, 0x07, 0x07, 0x05, // 5.7 down to 5.0
            0x00, 0x00, 0x04, 0x04, // 4.4
            0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        };
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 5000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(hello);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] answer = in.readNBytes(4);
            if (answer.length != 4 || (answer[0] | answer[1] | answer[2] | answer[3]) == 0) {
                throw new IOException("Bolt handshake on " + host + ":" + port + " failed");
            }
            System.out.printf("neo4j-test-server: bolt handshake ok (protocol %d.%d)%n", answer[3], answer[2]);
        }
    }

    private static String need(String flag, String value) {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("neo4j-test-server: " + problem);
        System.err.println("usage: TestServer --work-dir DIR [--port N] [--host ADDR] [--pagecache-mb N] [--password P] [--uri-file FILE]");
        System.exit(2);
    }
}
