package kg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.server.CommunityBootstrapper;

/**
 * The local Neo4j of `npm run neo4j:local start`: the Community server (Bolt, HTTP with Neo4j
 * Browser at /browser/, APOC core on the class path) started in this JVM on 127.0.0.1, its files
 * under one home folder. scripts/neo4j-local.ts starts it detached and waits for Bolt.
 *
 * Arguments: home boltPort httpPort pluginsDir (APOC core). The password comes in the environment (NEO4J_PASSWORD),
 * never on the command line, and is set on every start (ALTER USER), so the one in the caller's
 * environment is the one that works. An optional Browser post-connect command (NEO4J_BROWSER_POST_CONNECT)
 * loads the GraSS style.
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: LocalNeo4j <home> <boltPort> <httpPort> <pluginsDir>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    String bolt = args[1];
    String http = args[2];
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      System.err.println("NEO4J_PASSWORD must be set, at least 8 characters");
      System.exit(2);
    }
    Files.createDirectories(home.resolve("conf"));
    Map<String, String> conf = new HashMap<>();
    conf.put("server.default_listen_address", "127.0.0.1");
    conf.put("server.default_advertised_address", "127.0.0.1");
    conf.put("server.bolt.listen_address", "127.0.0.1:" + bolt);
    conf.put("server.bolt.advertised_address", "127.0.0.1:" + bolt);
    conf.put("server.http.enabled", "true");
    conf.put("server.http.listen_address", "127.0.0.1:" + http);
    conf.put("server.http.advertised_address", "127.0.0.1:" + http);
    conf.put("server.https.enabled", "false");
    conf.put("server.directories.data", home.resolve("data").toString());
    conf.put("server.directories.logs", home.resolve("logs").toString());
    conf.put("server.directories.import", home.resolve("import").toString());
    conf.put("server.directories.plugins", Path.of(args[3]).toAbsolutePath().toString());
    conf.put("server.directories.run", home.resolve("run").toString());
    conf.put("server.memory.pagecache.size", env("NEO4J_LOCAL_PAGECACHE", "256m"));
    conf.put("db.memory.transaction.total.max", "0");
    conf.put("db.tx_log.rotation.retention_policy", "2 files");
    conf.put("dbms.security.procedures.unrestricted", "apoc.*");
    conf.put("dbms.usage_report.enabled", "false");
    conf.put("client.allow_telemetry", "false"); // Browser sends nothing out
    conf.put("db.shutdown_transaction_end_timeout", "2s"); // stop soon: nothing here waits on long transactions
    String postConnect = System.getenv("NEO4J_BROWSER_POST_CONNECT");
    if (postConnect != null && !postConnect.isEmpty()) conf.put("browser.post_connect_cmd", postConnect);

    CommunityBootstrapper server = new CommunityBootstrapper();
    int code = server.start(home, conf);
    if (code != 0) {
      System.err.println("Neo4j did not start (code " + code + "); see " + home.resolve("logs"));
      System.exit(code);
    }
    DatabaseManagementService dbms = server.getDatabaseManagementService();
    dbms.database("system").executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    System.out.println("READY bolt://127.0.0.1:" + bolt + " http://127.0.0.1:" + http + "/browser/");
    System.out.flush();
    Thread.currentThread().join(); // the server's threads keep running; SIGTERM runs its own stop hook
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? fallback : v;
  }
}
