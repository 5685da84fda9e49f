package dev.vpcscaudit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A local fake of the Google APIs the auditor reads, on 127.0.0.1 only, speaking their REST JSON:
 * Cloud Resource Manager v3 ({@code GET v3/projects/X}, {@code GET v3/folders/N}), Access Context
 * Manager v1 ({@code GET v1/accessPolicies?parent=}, {@code GET
 * v1/accessPolicies/P/servicePerimeters}, both paged), an OAuth token endpoint ({@code POST
 * /token}) and IAM Credentials ({@code generateAccessToken}). Faults can be queued per path; every
 * request is recorded.
 */
public final class FakeGcp implements AutoCloseable {

  /** One request as the server saw it. */
  public record Request(
      String method,
      String path,
      String query,
      String authorization,
      String userProject,
      String userAgent,
      long startMillis) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService executor =
      Executors.newFixedThreadPool(
          16,
          r -> {
            Thread t = new Thread(r, "fake-gcp");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, ObjectNode> projects = new HashMap<>();
  private final Map<String, String> folders = new HashMap<>();
  private final Map<String, List<ObjectNode>> policies = new LinkedHashMap<>();
  private final Map<String, List<JsonNode>> perimeters = new LinkedHashMap<>();
  private final Map<String, List<JsonNode>> levels = new HashMap<>();
  private final List<JsonNode> services = new ArrayList<>();
  // Compute Engine and Cloud DNS (GET only), keyed by project (records by project/zone).
  private final Set<String> networks = new java.util.TreeSet<>();
  private final Map<String, List<JsonNode>> routers = new HashMap<>();
  private final Map<String, List<JsonNode>> routes = new HashMap<>();
  private final Map<String, List<JsonNode>> zones = new HashMap<>();
  private final Map<String, List<JsonNode>> rrsets = new HashMap<>();
  private final Map<String, List<JsonNode>> dnsPolicies = new HashMap<>();
  // Cloud Logging: entries by project ID, and every entries.list body received.
  private final Map<String, List<JsonNode>> logEntries = new HashMap<>();
  private final List<JsonNode> logQueries = new ArrayList<>();
  private int emptyLogPages;
  private final Set<String> logsDenied = new java.util.HashSet<>();
  // Shared VPC: service project ID or number to host project ID.
  private final Map<String, String> xpnHosts = new HashMap<>();
  private final Map<String, Deque<int[]>> faultStatus = new HashMap<>();
  private final Map<String, Deque<String>> faultBody = new HashMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private int pageSize = 1000;
  private volatile long latencyMillis;
  private int tokens;
  private int etagCounter;
  private final List<String> writes = new ArrayList<>();
  private final Map<String, ObjectNode> operations = new HashMap<>();

  static {
    // TCP_NODELAY on the fake's sockets (read once by the JDK's HttpServer): without it each
    // response body waits ~40 ms for the client's delayed ACK, a stall no real API has. The
    // surefire configuration sets it too, for servers created before this class loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  public FakeGcp() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * The environment of a live run against this fake: Application Default Credentials as an
   * authorized user whose token endpoint is the fake (the file is written into {@code dir}), no
   * metadata server, and the Access Context Manager, Resource Manager and Cloud Logging endpoints
   * at the fake. Mutable, for the caller's additions.
   */
  public java.util.Map<String, String> adcEnv(java.nio.file.Path dir) {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("GOOGLE_APPLICATION_CREDENTIALS", adcFile(dir, url() + "/token").toString());
    env.put("NO_GCE_CHECK", "true");
    env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_ACCESSCONTEXTMANAGER", url() + "/");
    env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER", url() + "/");
    env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_LOGGING", url() + "/");
    return env;
  }

  /**
   * An authorized-user credentials file in {@code dir} whose token endpoint is {@code tokenUri}.
   */
  public static java.nio.file.Path adcFile(java.nio.file.Path dir, String tokenUri) {
    try {
      return java.nio.file.Files.writeString(
          java.nio.file.Files.createTempFile(dir, "adc", ".json"),
          "{\"type\": \"authorized_user\", \"client_id\": \"test-client\", \"client_secret\":"
              + " \"test-secret\", \"refresh_token\": \"test-refresh\", \"token_uri\": \""
              + tokenUri
              + "\"}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public FakeGcp project(String id, String number, String parent) {
    ObjectNode p = JSON.createObjectNode();
    p.put("name", "projects/" + number);
    p.put("projectId", id);
    p.put("parent", parent);
    p.put("state", "ACTIVE");
    p.put("displayName", id);
    projects.put(id, p);
    projects.put(number, p);
    return this;
  }

  public FakeGcp folder(String folder, String parent) {
    folders.put(folder, parent);
    return this;
  }

  /** An access policy of {@code organization}; {@code scope} null for the org-level one. */
  public FakeGcp policy(String organization, String policy, String scope) {
    ObjectNode p = JSON.createObjectNode();
    p.put("name", policy);
    p.put("parent", organization);
    p.put("title", policy.replace('/', '-'));
    p.put("etag", "\"e1\"");
    if (scope != null) {
      p.putArray("scopes").add(scope);
    }
    policies.computeIfAbsent(organization, k -> new ArrayList<>()).add(p);
    perimeters.computeIfAbsent(policy, k -> new ArrayList<>());
    return this;
  }

  /** Adds perimeters given as a JSON array (the shape gcloud prints) to {@code policy}. */
  public FakeGcp perimeters(String policy, String jsonArray) {
    try {
      for (JsonNode p : JSON.readTree(jsonArray)) {
        if (p instanceof ObjectNode o && !o.has("etag")) {
          o.put("etag", "etag-" + (++etagCounter)); // the API always returns one
        }
        perimeters.computeIfAbsent(policy, k -> new ArrayList<>()).add(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Adds access levels given as a JSON array (the shape of {@code gcloud access-context-manager
   * levels list --format=json}) to {@code policy}; a policy has none until given.
   */
  public synchronized FakeGcp levels(String policy, String jsonArray) {
    try {
      JSON.readTree(jsonArray)
          .forEach(l -> levels.computeIfAbsent(policy, k -> new ArrayList<>()).add(l));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The supported-services list ({@code GET v1/services}), given as a JSON array. */
  public FakeGcp supportedServices(String jsonArray) {
    try {
      JSON.readTree(jsonArray).forEach(services::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A VPC network ({@code networks.get} answers with its self link). */
  public synchronized FakeGcp network(String project, String name) {
    networks.add("projects/" + project + "/global/networks/" + name);
    return this;
  }

  /** A Cloud Router (REST JSON) in {@code region}; region and self link are filled in. */
  public synchronized FakeGcp router(String project, String region, String json) {
    ObjectNode r = object(json);
    r.put("region", COMPUTE + "projects/" + project + "/regions/" + region);
    r.put(
        "selfLink",
        COMPUTE
            + "projects/"
            + project
            + "/regions/"
            + region
            + "/routers/"
            + r.path("name").asText());
    routers.computeIfAbsent(project, k -> new ArrayList<>()).add(r);
    return this;
  }

  /** A route (REST JSON). */
  public synchronized FakeGcp route(String project, String json) {
    routes.computeIfAbsent(project, k -> new ArrayList<>()).add(object(json));
    return this;
  }

  /** A Cloud DNS managed zone (REST JSON) with its record sets (a JSON array). */
  public synchronized FakeGcp zone(String project, String json, String recordsJsonArray) {
    ObjectNode z = object(json);
    zones.computeIfAbsent(project, k -> new ArrayList<>()).add(z);
    List<JsonNode> list =
        rrsets.computeIfAbsent(project + "/" + z.path("name").asText(), k -> new ArrayList<>());
    try {
      JSON.readTree(recordsJsonArray).forEach(list::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A Cloud DNS server policy (REST JSON). */
  public synchronized FakeGcp dnsPolicy(String project, String json) {
    dnsPolicies.computeIfAbsent(project, k -> new ArrayList<>()).add(object(json));
    return this;
  }

  /** Compute Engine's URL prefix, as self links spell it. */
  public static final String COMPUTE = "https://www.googleapis.com/compute/v1/";

  private static ObjectNode object(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every answer waits this long first, like a remote API (for benchmarks). */
  public FakeGcp latency(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  /** The server returns at most this many items a page, whatever the client asks. */
  public FakeGcp pageSize(int size) {
    this.pageSize = size;
    return this;
  }

  /** The next request whose path starts with {@code pathPrefix} gets this answer instead. */
  public synchronized FakeGcp fail(String pathPrefix, int status, String body) {
    faultStatus.computeIfAbsent(pathPrefix, k -> new ArrayDeque<>()).add(new int[] {status});
    faultBody.computeIfAbsent(pathPrefix, k -> new ArrayDeque<>()).add(body);
    return this;
  }

  private static final String TRICKLE = "\u0000trickle:";

  private static final String RETRY_AFTER = "\u0000retry-after=";

  /** The next request to {@code pathPrefix} gets {@code status} with a Retry-After header. */
  public synchronized FakeGcp failRetryAfter(
      String pathPrefix, int status, String retryAfter, String body) {
    return fail(pathPrefix, status, RETRY_AFTER + retryAfter + ":" + body);
  }

  /**
   * The next request whose path starts with {@code pathPrefix} gets {@code body} one byte every 200
   * ms (headers at once): a server that never stalls long enough for a read timeout, yet never
   * finishes. The fake stops sending after 60 s or when the client goes away.
   */
  public synchronized FakeGcp trickle(String pathPrefix, int status, String body) {
    return fail(pathPrefix, status, TRICKLE + body);
  }

  private static void trickle(HttpExchange ex, int status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try {
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
      ex.sendResponseHeaders(status, bytes.length);
      java.io.OutputStream out = ex.getResponseBody();
      long end = System.nanoTime() + 60_000_000_000L;
      for (int i = 0; i < bytes.length && System.nanoTime() < end; i++) {
        out.write(bytes[i]);
        out.flush();
        Thread.sleep(200);
      }
    } catch (IOException e) {
      // the client went away: what the test expects of it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ex.close();
    }
  }

  /** A Google API error body. */
  public static String error(int code, String status, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode e = root.putObject("error");
    e.put("code", code);
    e.put("message", message);
    e.put("status", status);
    return root.toString();
  }

  /**
   * The error a VPC Service Controls perimeter returns: PERMISSION_DENIED with a
   * PreconditionFailure violation of type VPC_SERVICE_CONTROLS whose description is the unique
   * identifier, and an ErrorInfo with reason SECURITY_POLICY_VIOLATED.
   */
  public static String perimeterDenial(String uniqueId) {
    ObjectNode root =
        (ObjectNode)
            readTree(
                error(
                    403,
                    "PERMISSION_DENIED",
                    "Request is prohibited by organization's policy. vpcServiceControlsUniqueIdentifier: "
                        + uniqueId));
    var details = ((ObjectNode) root.get("error")).putArray("details");
    ObjectNode failure = details.addObject();
    failure.put("@type", "type.googleapis.com/google.rpc.PreconditionFailure");
    ObjectNode v = failure.putArray("violations").addObject();
    v.put("type", "VPC_SERVICE_CONTROLS");
    v.put("description", uniqueId);
    ObjectNode info = details.addObject();
    info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
    info.put("reason", "SECURITY_POLICY_VIOLATED");
    info.put("domain", "googleapis.com");
    info.putObject("metadata").put("uid", uniqueId);
    return root.toString();
  }

  /** A PERMISSION_DENIED error with one ErrorInfo {@code reason} and its metadata. */
  public static String errorInfo(String message, String reason, String... metadata) {
    ObjectNode root = (ObjectNode) readTree(error(403, "PERMISSION_DENIED", message));
    ObjectNode info = ((ObjectNode) root.get("error")).putArray("details").addObject();
    info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
    info.put("reason", reason);
    info.put("domain", "googleapis.com");
    ObjectNode m = info.putObject("metadata");
    for (int i = 0; i + 1 < metadata.length; i += 2) {
      m.put(metadata[i], metadata[i + 1]);
    }
    return root.toString();
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * Log entries of {@code project} (its ID), a JSON list of Cloud Logging {@code LogEntry} objects
   * as {@code gcloud logging read --format=json} prints them; added to any already there.
   */
  public synchronized FakeGcp logEntries(String project, String jsonArray) {
    try {
      JsonNode list = JSON.readTree(jsonArray);
      List<JsonNode> to = logEntries.computeIfAbsent(project, k -> new ArrayList<>());
      list.forEach(to::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * The next {@code n} entries.list answers hold no entries, only a page token to go on with, as
   * Cloud Logging answers when a search takes long.
   */
  public synchronized FakeGcp emptyLogPages(int n) {
    emptyLogPages = n;
    return this;
  }

  /**
   * {@code service} (its ID; its number works too) is a Shared VPC service project of {@code host}
   * (an ID): Compute's getXpnHost answers the host's project resource.
   */
  public synchronized FakeGcp xpnHost(String service, String host) {
    xpnHosts.put(service, host);
    ObjectNode p = projects.get(service);
    if (p != null) {
      xpnHosts.put(p.path("name").asText().substring("projects/".length()), host);
    }
    return this;
  }

  /**
   * entries.list of {@code project} (its ID) answers 403, as to a caller without logging.viewer.
   */
  public synchronized FakeGcp denyLogs(String project) {
    logsDenied.add(project);
    return this;
  }

  /** The bodies of the entries.list requests received, in order. */
  public synchronized List<JsonNode> logQueries() {
    return List.copyOf(logQueries);
  }

  /** The query of the VPC Service Controls denials, as the VPC-SC docs write it. */
  public static final String VPCSC_LOG_FILTER =
      "log_id(\"cloudaudit.googleapis.com/policy\") AND"
          + " protoPayload.metadata.\"@type\"=\"type.googleapis.com/google.cloud.audit.VpcServiceControlAuditMetadata\"";

  /** The audit's query: the filter, then the window. */
  private static final java.util.regex.Pattern LOG_QUERY =
      java.util.regex.Pattern.compile(
          java.util.regex.Pattern.quote(VPCSC_LOG_FILTER)
              + " AND timestamp>=\"([^\"]+)\" AND timestamp<=\"([^\"]+)\"");

  /**
   * gcloud logging read --freshness's query (gcloud 528): the start of the window, then the filter.
   */
  private static final java.util.regex.Pattern GCLOUD_LOG_QUERY =
      java.util.regex.Pattern.compile(
          "timestamp>=\"([^\"]+)\" AND " + java.util.regex.Pattern.quote(VPCSC_LOG_FILTER));

  /**
   * Cloud Logging v2 entries.list, for the one query the audit sends: the VPC-SC filter with a
   * timestamp range (both ends included), newest first; the filter applied as Logging would (log
   * ID, metadata type, time), pages of at most 1000 (the API refuses more).
   */
  private void listEntries(HttpExchange ex, byte[] body) throws IOException {
    JsonNode q = JSON.readTree(body);
    int offset;
    List<JsonNode> matched = new ArrayList<>();
    String nextToken;
    synchronized (this) {
      logQueries.add(q);
      JsonNode names = q.path("resourceNames");
      String name = names.size() == 1 ? names.get(0).asText("") : "";
      if (!name.startsWith("projects/")) {
        send(ex, 400, error(400, "INVALID_ARGUMENT", "the fake serves one projects/ID"));
        return;
      }
      String project = name.substring("projects/".length());
      if (logsDenied.contains(project)
          || !projects.containsKey(project) && !logEntries.containsKey(project)) {
        send(ex, 403, error(403, "PERMISSION_DENIED", "Permission denied for " + name));
        return;
      }
      java.util.regex.Matcher m = LOG_QUERY.matcher(q.path("filter").asText(""));
      if (!m.matches()) {
        m = GCLOUD_LOG_QUERY.matcher(q.path("filter").asText(""));
      }
      int pageSize = q.path("pageSize").asInt(50);
      if (!m.matches()
          || !"timestamp desc".equals(q.path("orderBy").asText())
          || pageSize < 1
          || pageSize > 1000) {
        send(ex, 400, error(400, "INVALID_ARGUMENT", "the fake serves the VPC-SC query: " + q));
        return;
      }
      java.time.Instant from = java.time.Instant.parse(m.group(1));
      java.time.Instant to =
          m.groupCount() > 1 ? java.time.Instant.parse(m.group(2)) : java.time.Instant.MAX;
      for (JsonNode e : logEntries.getOrDefault(project, List.of())) {
        java.time.Instant t =
            java.time.OffsetDateTime.parse(e.path("timestamp").asText()).toInstant();
        if (e.path("logName").asText().endsWith("/logs/cloudaudit.googleapis.com%2Fpolicy")
            && e.at("/protoPayload/metadata/@type")
                .asText()
                .equals("type.googleapis.com/google.cloud.audit.VpcServiceControlAuditMetadata")
            && !t.isBefore(from)
            && !t.isAfter(to)) {
          matched.add(e);
        }
      }
      matched.sort(
          java.util.Comparator.comparing(
                  (JsonNode e) ->
                      java.time.OffsetDateTime.parse(e.path("timestamp").asText()).toInstant())
              .reversed());
      String token = q.path("pageToken").asText("");
      offset = token.isEmpty() ? 0 : Integer.parseInt(token.substring(token.lastIndexOf('-') + 1));
      if (emptyLogPages > 0) {
        emptyLogPages--;
        send(
            ex,
            200,
            JSON.createObjectNode()
                .put("nextPageToken", "empty-" + emptyLogPages + "-" + offset)
                .toString());
        return;
      }
      int size = Math.min(pageSize, this.pageSize);
      int end = Math.min(matched.size(), offset + size);
      nextToken = end < matched.size() ? "page-" + end : null;
      matched = new ArrayList<>(matched.subList(offset, end));
    }
    ObjectNode out = JSON.createObjectNode();
    if (!matched.isEmpty()) {
      ArrayNode list = out.putArray("entries");
      matched.forEach(list::add);
    }
    if (nextToken != null) {
      out.put("nextPageToken", nextToken);
    }
    send(ex, 200, out.toString());
  }

  /** Requests to the APIs (not to the token or IAM endpoints). */
  public List<Request> apiRequests() {
    return requests().stream()
        .filter(
            r ->
                r.path().startsWith("/v1/accessPolicies")
                    || r.path().equals("/v1/services")
                    || r.path().endsWith(":getAncestry")
                    || r.path().startsWith("/v3/")
                    || r.path().startsWith("/compute/v1/")
                    || r.path().startsWith("/dns/v1/")
                    || r.path().startsWith("/v2/"))
        .toList();
  }

  public synchronized int tokensIssued() {
    return tokens;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    String method = ex.getRequestMethod();
    long arrival = System.nanoTime() / 1_000_000;
    byte[] requestBody = ex.getRequestBody().readAllBytes();
    if (latencyMillis > 0) {
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    requests.add(
        new Request(
            method,
            path,
            query == null ? "" : query,
            ex.getRequestHeaders().getFirst("Authorization"),
            ex.getRequestHeaders().getFirst("x-goog-user-project"),
            ex.getRequestHeaders().getFirst("User-Agent"),
            arrival));
    try {
      int[] status;
      String body;
      synchronized (this) {
        String key =
            faultStatus.keySet().stream()
                .filter(k -> path.startsWith(k) && !faultStatus.get(k).isEmpty())
                .findFirst()
                .orElse(null);
        status = key == null ? null : faultStatus.get(key).poll();
        body = key == null ? null : faultBody.get(key).poll();
      }
      if (status != null) {
        if (body != null && body.startsWith(TRICKLE)) {
          trickle(ex, status[0], body.substring(TRICKLE.length()));
        } else if (body != null && body.startsWith(RETRY_AFTER)) {
          int colon = body.indexOf(':', RETRY_AFTER.length());
          ex.getResponseHeaders().set("Retry-After", body.substring(RETRY_AFTER.length(), colon));
          send(ex, status[0], body.substring(colon + 1));
        } else {
          send(ex, status[0], body);
        }
        return;
      }
      if (method.equals("POST") && path.equals("/token")) {
        synchronized (this) {
          tokens++;
        }
        send(
            ex,
            200,
            "{\"access_token\": \"fake-token-"
                + tokens
                + "\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}");
        return;
      }
      if (method.equals("POST") && path.endsWith(":generateAccessToken")) {
        String sa = path.substring(path.lastIndexOf('/') + 1, path.indexOf(":generateAccessToken"));
        send(
            ex,
            200,
            "{\"accessToken\": \"impersonated-"
                + sa
                + "\", \"expireTime\": \"2099-01-01T00:00:00Z\"}");
        return;
      }
      Map<String, String> params = params(query);
      if (method.equals("POST")
          && path.startsWith("/v1/projects/")
          && path.endsWith(":getAncestry")) {
        String id =
            path.substring("/v1/projects/".length(), path.length() - ":getAncestry".length());
        ObjectNode p = projects.get(id);
        if (p == null) {
          sendOr404(ex, null, "project");
          return;
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("ancestor");
        list.addObject()
            .putObject("resourceId")
            .put("type", "project")
            .put("id", p.path("projectId").asText());
        String parent = p.path("parent").asText("");
        int guard = 0;
        while (!parent.isEmpty() && guard++ < 64) {
          String type = parent.startsWith("folders/") ? "folder" : "organization";
          list.addObject()
              .putObject("resourceId")
              .put("type", type)
              .put("id", parent.substring(parent.indexOf('/') + 1));
          parent = parent.startsWith("folders/") ? folders.getOrDefault(parent, "") : "";
        }
        send(ex, 200, out.toString());
        return;
      }
      if (method.equals("POST") && path.equals("/v2/entries:list")) {
        listEntries(ex, requestBody);
        return;
      }
      if (method.equals("PATCH") && path.contains("/servicePerimeters/")) {
        patchPerimeter(ex, path.substring("/v1/".length()), params, requestBody);
        return;
      }
      if (path.startsWith("/compute/v1/") || path.startsWith("/dns/v1/")) {
        networkSurface(ex, method, path, params, requestBody);
        return;
      }
      if (!method.equals("GET")) {
        send(ex, 405, error(405, "METHOD_NOT_ALLOWED", method + " is not served by the fake"));
        return;
      }
      if (path.startsWith("/v1/operations/")) {
        ObjectNode op = operations.get(path.substring("/v1/".length()));
        sendOr404(ex, op, "operation");
        return;
      }
      if (path.startsWith("/v1/accessPolicies/") && path.contains("/servicePerimeters/")) {
        JsonNode p = perimeter(path.substring("/v1/".length()));
        if (p == null) {
          send(ex, 404, error(404, "NOT_FOUND", "Service perimeter not found"));
        } else {
          send(ex, 200, p.toString());
        }
        return;
      }
      if (path.equals("/v3/projects:search")) {
        String search = params.getOrDefault("query", "");
        List<JsonNode> matched = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ObjectNode p : projects.values()) {
          if (seen.add(p.path("name").asText()) && matches(p, search)) {
            matched.add(p);
          }
        }
        matched.sort(java.util.Comparator.comparing(n -> n.path("name").asText()));
        sendPage(ex, "projects", matched, params);
        return;
      }
      if (path.equals("/v3/folders:search")) {
        List<JsonNode> list = new ArrayList<>();
        new java.util.TreeMap<>(folders)
            .forEach(
                (f, parent) ->
                    list.add(JSON.createObjectNode().put("name", f).put("parent", parent)));
        sendPage(ex, "folders", list, params);
        return;
      }
      if (path.startsWith("/v3/projects/")) {
        ObjectNode p = projects.get(path.substring("/v3/projects/".length()));
        sendOr404(ex, p, "project");
      } else if (path.startsWith("/v3/folders/")) {
        String folder = path.substring("/v3/".length());
        String parent = folders.get(folder);
        ObjectNode f =
            parent == null
                ? null
                : JSON.createObjectNode()
                    .put("name", folder)
                    .put("parent", parent)
                    .put("displayName", folder);
        sendOr404(ex, f, "folder");
      } else if (path.equals("/v1/services")) {
        sendPage(ex, "supportedServices", services, params);
      } else if (path.equals("/v1/accessPolicies")) {
        List<ObjectNode> list = policies.getOrDefault(params.getOrDefault("parent", ""), List.of());
        sendPage(ex, "accessPolicies", new ArrayList<JsonNode>(list), params);
      } else if (path.startsWith("/v1/accessPolicies/") && path.endsWith("/accessLevels")) {
        String policy = path.substring("/v1/".length(), path.length() - "/accessLevels".length());
        if (!perimeters.containsKey(policy)) {
          send(ex, 404, error(404, "NOT_FOUND", "Access Policy " + policy + " not found"));
        } else if (!"AS_DEFINED".equals(params.get("accessLevelFormat"))) {
          send(
              ex,
              400,
              error(400, "INVALID_ARGUMENT", "the fake serves accessLevelFormat=AS_DEFINED"));
        } else {
          sendPage(ex, "accessLevels", levels.getOrDefault(policy, List.of()), params);
        }
      } else if (path.startsWith("/v1/accessPolicies/") && path.endsWith("/servicePerimeters")) {
        String policy =
            path.substring("/v1/".length(), path.length() - "/servicePerimeters".length());
        List<JsonNode> list = perimeters.get(policy);
        if (list == null) {
          send(ex, 404, error(404, "NOT_FOUND", "Access Policy " + policy + " not found"));
        } else {
          sendPage(ex, "servicePerimeters", list, params);
        }
      } else {
        send(ex, 404, error(404, "NOT_FOUND", "no such path " + path));
      }
    } catch (RuntimeException e) {
      send(ex, 500, error(500, "INTERNAL", String.valueOf(e)));
    }
  }

  /** The perimeter named {@code name} as stored now, or null. */
  public synchronized JsonNode perimeter(String name) {
    int slash = name.indexOf("/servicePerimeters/");
    if (slash < 0) {
      return null;
    }
    for (JsonNode p : perimeters.getOrDefault(name.substring(0, slash), List.of())) {
      if (p.path("name").asText().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /**
   * How the fake scopes perimeter etags. Google's engineers describe them as generated at the
   * policy level: a write to one perimeter gives every perimeter of its policy a new etag
   * (GoogleCloudPlatform/magic-modules #12568); the fake can also keep one etag per perimeter.
   */
  public enum EtagScope {
    PERIMETER,
    POLICY
  }

  private EtagScope etagScope = EtagScope.PERIMETER;

  private final Map<Integer, java.util.function.Consumer<FakeGcp>> afterWrite = new HashMap<>();

  /** Chooses the etag scope (default {@link EtagScope#PERIMETER}). */
  public synchronized FakeGcp etagScope(EtagScope scope) {
    this.etagScope = scope;
    return this;
  }

  /**
   * Runs {@code change} (e.g. someone else's {@link #touch}) right after the {@code n}th successful
   * perimeter write, before the writer hears back: an out-of-band change between two writes.
   */
  public synchronized FakeGcp afterWrite(int n, java.util.function.Consumer<FakeGcp> change) {
    afterWrite.put(n, change);
    return this;
  }

  /** Someone else changes {@code name}: only its etag moves on (all of its policy's, by scope). */
  public synchronized FakeGcp touch(String name) {
    ObjectNode p = (ObjectNode) perimeter(name);
    p.put("title", p.path("title").asText("") + " (edited)");
    newEtag(name.substring(0, name.indexOf("/servicePerimeters/")), name);
    return this;
  }

  /** A new etag for {@code name}, or for every perimeter of {@code policy} in policy scope. */
  private void newEtag(String policy, String name) {
    String etag = "etag-" + (++etagCounter);
    for (JsonNode p : perimeters.getOrDefault(policy, List.of())) {
      if (etagScope == EtagScope.POLICY || p.path("name").asText().equals(name)) {
        ((ObjectNode) p).put("etag", etag);
      }
    }
  }

  /** Every perimeter of {@code policy} as stored now, as the JSON array gcloud prints. */
  public synchronized String perimetersJson(String policy) {
    ArrayNode out = JSON.createArrayNode();
    perimeters.getOrDefault(policy, List.of()).forEach(out::add);
    return out.toString();
  }

  /** The PATCH requests that changed a perimeter, in order: {@code name -> updateMask}. */
  public synchronized List<String> writes() {
    return List.copyOf(writes);
  }

  /**
   * {@code PATCH v1/{name}?updateMask=...}, as Access Context Manager answers it: the listed fields
   * are replaced by the body's (absent in the body: cleared); an etag in the body that is not the
   * current one is ABORTED (409) and changes nothing; a write after which a project is in more than
   * one regular perimeter of the policy, in the enforced or the dry-run view, is
   * FAILED_PRECONDITION (400) and changes nothing. The answer is a finished Operation.
   */
  private void patchPerimeter(
      HttpExchange ex, String name, Map<String, String> params, byte[] requestBody)
      throws IOException {
    JsonNode body = JSON.readTree(requestBody);
    String answer;
    int status;
    synchronized (this) {
      JsonNode current = perimeter(name);
      if (current == null) {
        send(ex, 404, error(404, "NOT_FOUND", "Service perimeter not found"));
        return;
      }
      String etag = body.path("etag").asText("");
      if (!etag.isEmpty() && !etag.equals(current.path("etag").asText(""))) {
        send(
            ex,
            409,
            error(
                409,
                "ABORTED",
                "The etag " + etag + " does not match the current etag of the perimeter."));
        return;
      }
      ObjectNode updated = ((ObjectNode) current).deepCopy();
      for (String mask : params.getOrDefault("updateMask", "").split(",")) {
        if (!mask.isEmpty() && !mask.equals("etag")) {
          setPath(updated, mask, body);
        }
      }
      String policy = name.substring(0, name.indexOf("/servicePerimeters/"));
      List<JsonNode> list = new ArrayList<>(perimeters.get(policy));
      list.replaceAll(p -> p.path("name").asText().equals(name) ? updated : p);
      Set<String> conflicts = oneRegularPerimeterViolations(list);
      conflicts.removeAll(oneRegularPerimeterViolations(perimeters.get(policy)));
      if (!conflicts.isEmpty()) {
        send(ex, 400, error(400, "FAILED_PRECONDITION", conflicts.iterator().next()));
        return;
      }
      perimeters.put(policy, list);
      newEtag(policy, name);
      writes.add(name + " " + params.getOrDefault("updateMask", ""));
      java.util.function.Consumer<FakeGcp> change = afterWrite.remove(writes.size());
      if (change != null) {
        change.accept(this);
      }
      ObjectNode op = JSON.createObjectNode();
      op.put("name", "operations/update-" + etagCounter);
      op.put("done", true);
      ObjectNode response = updated.deepCopy();
      response.put(
          "@type", "type.googleapis.com/google.identity.accesscontextmanager.v1.ServicePerimeter");
      op.set("response", response);
      operations.put(op.path("name").asText(), op);
      answer = op.toString();
      status = 200;
    }
    send(ex, status, answer);
  }

  /** Sets {@code path} of {@code target} to the same path of {@code source}, or removes it. */
  private static void setPath(ObjectNode target, String path, JsonNode source) {
    String[] parts = path.split("\\.");
    ObjectNode t = target;
    JsonNode s = source;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = t.get(parts[i]);
      if (!(next instanceof ObjectNode)) {
        next = t.putObject(parts[i]);
      }
      t = (ObjectNode) next;
      s = s == null ? null : s.get(parts[i]);
    }
    String last = parts[parts.length - 1];
    JsonNode value = s == null ? null : s.get(last);
    if (value == null || value.isNull()) {
      t.remove(last);
    } else {
      t.set(last, value.deepCopy());
    }
  }

  /**
   * The API's rule: a project is in at most one regular perimeter of a policy, per view. Only a
   * write that adds a violation is refused (a fixture may start with one).
   */
  private static Set<String> oneRegularPerimeterViolations(List<JsonNode> policyPerimeters) {
    Set<String> out = new java.util.TreeSet<>();
    for (boolean dryRun : new boolean[] {false, true}) {
      Map<String, String> holder = new HashMap<>();
      for (JsonNode p : policyPerimeters) {
        if (p.path("perimeterType").asText("").equals("PERIMETER_TYPE_BRIDGE")) {
          continue;
        }
        JsonNode config =
            dryRun && p.path("useExplicitDryRunSpec").asBoolean(false)
                ? p.path("spec")
                : p.path("status");
        for (JsonNode r : config.path("resources")) {
          String other = holder.putIfAbsent(r.asText(), p.path("name").asText());
          if (other != null && r.asText().startsWith("projects/")) {
            out.add(
                "Resource '"
                    + r.asText()
                    + "' is in more than one regular service perimeter ("
                    + other
                    + ", "
                    + p.path("name").asText()
                    + (dryRun ? ", dry-run" : "")
                    + ").");
          }
        }
      }
    }
    return out;
  }

  /** The subset of projects:search's query syntax the fake knows: parent:X and labels.K:V. */
  private static boolean matches(JsonNode project, String query) {
    if (query.isBlank()) {
      return true;
    }
    for (String term : query.trim().split("\\s+")) {
      int colon = term.indexOf(':');
      String key = colon < 0 ? term : term.substring(0, colon);
      String value = colon < 0 ? "" : term.substring(colon + 1);
      boolean ok =
          key.equals("parent")
              ? project.path("parent").asText().equals(value)
              : key.startsWith("labels.")
                  && project
                      .path("labels")
                      .path(key.substring("labels.".length()))
                      .asText()
                      .equals(value);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Gives project {@code id} the label {@code key=value} (for projects:search queries). */
  public synchronized FakeGcp label(String id, String key, String value) {
    ObjectNode p = projects.get(id);
    ObjectNode labels = p.has("labels") ? (ObjectNode) p.get("labels") : p.putObject("labels");
    labels.put(key, value);
    return this;
  }

  private void sendPage(
      HttpExchange ex, String field, List<JsonNode> all, Map<String, String> params)
      throws IOException {
    int asked =
        Integer.parseInt(params.getOrDefault("pageSize", params.getOrDefault("maxResults", "0")));
    int size = asked > 0 ? Math.min(asked, pageSize) : pageSize;
    String token = params.getOrDefault("pageToken", "");
    int from = token.isEmpty() ? 0 : Integer.parseInt(token.substring("page-".length()));
    int to = Math.min(all.size(), from + size);
    ObjectNode out = JSON.createObjectNode();
    ArrayNode items = out.putArray(field);
    all.subList(from, to).forEach(items::add);
    if (to < all.size()) {
      out.put("nextPageToken", "page-" + to);
    }
    if (items.isEmpty()) {
      out.remove(field); // the API omits empty lists
    }
    send(ex, 200, out.toString());
  }

  /** Compute Engine v1 and Cloud DNS v1 reads: networks.get and the lists the audit uses. */
  private synchronized void networkSurface(
      HttpExchange ex, String method, String path, Map<String, String> params, byte[] body)
      throws IOException {
    String[] p = path.split("/");
    // /compute/v1/projects/P/...  or  /dns/v1/projects/P/...
    String project = p.length > 4 ? p[4] : "";
    String rest =
        String.join("/", java.util.Arrays.copyOfRange(p, Math.min(5, p.length), p.length));
    if (!method.equals("GET") || rest.contains("/operations/")) {
      networkWrite(ex, method, path, project, rest, body);
      return;
    }
    if (path.startsWith("/compute/v1/") && rest.matches("regions/[^/]+/routers/[^/]+")) {
      JsonNode r = findByName(routers.getOrDefault(project, List.of()), last(rest));
      if (r == null) {
        send(ex, 404, error(404, "NOT_FOUND", "The resource '" + path + "' was not found"));
      } else {
        send(ex, 200, r.toString());
      }
    } else if (path.startsWith("/compute/v1/") && rest.matches("global/routes/[^/]+")) {
      sendOr404(ex, findByName(routes.getOrDefault(project, List.of()), last(rest)), "route");
    } else if (path.startsWith("/dns/v1/") && rest.matches("policies/[^/]+")) {
      sendOr404(ex, findByName(dnsPolicies.getOrDefault(project, List.of()), last(rest)), "policy");
    } else if (path.startsWith("/dns/v1/") && rest.matches("managedZones/[^/]+")) {
      sendOr404(ex, findByName(zones.getOrDefault(project, List.of()), last(rest)), "zone");
    } else if (path.startsWith("/compute/v1/") && rest.startsWith("global/networks/")) {
      String name = "projects/" + project + "/" + rest;
      if (!networks.contains(name)) {
        send(ex, 404, error(404, "NOT_FOUND", "The resource '" + name + "' was not found"));
        return;
      }
      send(
          ex,
          200,
          JSON.createObjectNode()
              .put("kind", "compute#network")
              .put("name", rest.substring("global/networks/".length()))
              .put("selfLink", COMPUTE + name)
              .toString());
    } else if (path.startsWith("/compute/v1/") && rest.equals("aggregated/routers")) {
      List<JsonNode> all = new ArrayList<>(routers.getOrDefault(project, List.of()));
      all.sort(java.util.Comparator.comparing(r -> r.path("region").asText() + r.path("name")));
      ObjectNode page = page(all, params);
      ObjectNode items = JSON.createObjectNode();
      for (JsonNode r : page.path("items")) {
        String region = r.path("region").asText();
        String scope = "regions/" + region.substring(region.lastIndexOf('/') + 1);
        ObjectNode inScope =
            items.has(scope) ? (ObjectNode) items.get(scope) : items.putObject(scope);
        (inScope.has("routers") ? (ArrayNode) inScope.get("routers") : inScope.putArray("routers"))
            .add(r);
      }
      page.set("items", items);
      page.put("kind", "compute#routerAggregatedList");
      send(ex, 200, page.toString());
    } else if (path.startsWith("/compute/v1/") && rest.equals("getXpnHost")) {
      // An empty object when the project links to no host ("May be empty if no link exists").
      String host = xpnHosts.get(project);
      ObjectNode out = JSON.createObjectNode();
      if (host != null) {
        out.put("kind", "compute#project").put("name", host);
        ObjectNode h = projects.get(host);
        if (h != null) {
          out.put("id", h.path("name").asText().substring("projects/".length()));
        }
        out.put("xpnProjectStatus", "HOST");
      }
      send(ex, 200, out.toString());
    } else if (path.startsWith("/compute/v1/") && rest.equals("global/routes")) {
      send(ex, 200, page(routes.getOrDefault(project, List.of()), params).toString());
    } else if (path.startsWith("/dns/v1/") && rest.equals("managedZones")) {
      sendPage(ex, "managedZones", zones.getOrDefault(project, List.of()), params);
    } else if (path.startsWith("/dns/v1/")
        && rest.startsWith("managedZones/")
        && rest.endsWith("/rrsets")) {
      String zone = rest.substring("managedZones/".length(), rest.length() - "/rrsets".length());
      List<JsonNode> list = rrsets.get(project + "/" + zone);
      if (list == null) {
        send(
            ex,
            404,
            error(
                404,
                "NOT_FOUND",
                "The 'parameters.managedZone' resource named '" + zone + "' does not exist."));
      } else {
        sendPage(ex, "rrsets", list, params);
      }
    } else if (path.startsWith("/dns/v1/") && rest.equals("policies")) {
      sendPage(ex, "policies", dnsPolicies.getOrDefault(project, List.of()), params);
    } else {
      send(ex, 404, error(404, "NOT_FOUND", "no such path " + path));
    }
  }

  /**
   * What gcloud sends to change the network: routers PATCH (read-modify-write), routes and Cloud
   * DNS creates, DNS policy PATCH; Compute answers with a finished Operation, as the API does once
   * it is done. Every write is recorded in {@link #writes()}.
   */
  private void networkWrite(
      HttpExchange ex, String method, String path, String project, String rest, byte[] body)
      throws IOException {
    if (rest.contains("/operations/")) {
      String name = rest.substring(rest.indexOf("/operations/") + "/operations/".length());
      send(
          ex,
          200,
          operation(path.replace("/wait", ""), name.replace("/wait", ""), "", "insert").toString());
      return;
    }
    ObjectNode sent = body.length == 0 ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(body);
    writes.add(method + " " + path);
    if (method.equals("PATCH") && rest.matches("regions/[^/]+/routers/[^/]+")) {
      ObjectNode r = (ObjectNode) findByName(routers.getOrDefault(project, List.of()), last(rest));
      if (r == null) {
        send(ex, 404, error(404, "NOT_FOUND", "no router " + rest));
        return;
      }
      sent.properties().forEach(e -> r.set(e.getKey(), e.getValue()));
      String region = rest.substring("regions/".length(), rest.indexOf("/routers/"));
      send(
          ex,
          200,
          operation(
                  "/compute/v1/projects/" + project + "/regions/" + region + "/operations/op",
                  "operation-" + writes.size(),
                  COMPUTE + "projects/" + project + "/" + rest,
                  "patch")
              .toString());
    } else if (method.equals("POST") && rest.equals("global/routes")) {
      sent.put(
          "selfLink",
          COMPUTE + "projects/" + project + "/global/routes/" + sent.path("name").asText());
      routes.computeIfAbsent(project, k -> new ArrayList<>()).add(sent);
      send(
          ex,
          200,
          operation(
                  "/compute/v1/projects/" + project + "/global/operations/op",
                  "operation-" + writes.size(),
                  sent.path("selfLink").asText(),
                  "insert")
              .toString());
    } else if (method.equals("POST") && rest.equals("managedZones")) {
      sent.put("kind", "dns#managedZone");
      zones.computeIfAbsent(project, k -> new ArrayList<>()).add(sent);
      rrsets.putIfAbsent(project + "/" + sent.path("name").asText(), new ArrayList<>());
      send(ex, 200, sent.toString());
    } else if (method.equals("POST") && rest.matches("managedZones/[^/]+/rrsets")) {
      String zone = rest.substring("managedZones/".length(), rest.length() - "/rrsets".length());
      List<JsonNode> list = rrsets.get(project + "/" + zone);
      if (list == null) {
        send(ex, 404, error(404, "NOT_FOUND", "no zone " + zone));
        return;
      }
      list.add(sent);
      send(ex, 200, sent.toString());
    } else if (method.equals("POST") && rest.equals("policies")) {
      dnsPolicies.computeIfAbsent(project, k -> new ArrayList<>()).add(sent);
      send(ex, 200, sent.toString());
    } else if ((method.equals("PATCH") || method.equals("PUT")) && rest.matches("policies/[^/]+")) {
      // gcloud dns policies update sends PUT (policies.update): the whole policy.
      ObjectNode pol =
          (ObjectNode) findByName(dnsPolicies.getOrDefault(project, List.of()), last(rest));
      if (pol == null) {
        send(ex, 404, error(404, "NOT_FOUND", "no policy " + rest));
        return;
      }
      if (method.equals("PUT")) {
        pol.removeAll();
      }
      sent.properties().forEach(e -> pol.set(e.getKey(), e.getValue()));
      send(ex, 200, JSON.createObjectNode().set("policy", pol).toString());
    } else {
      writes.remove(writes.size() - 1);
      send(ex, 405, error(405, "METHOD_NOT_ALLOWED", method + " " + path + " is not served"));
    }
  }

  /**
   * A finished Compute Engine operation. Its links point at this fake (the real ones point at the
   * API host), so that a client following them never leaves loopback.
   */
  private ObjectNode operation(String path, String name, String target, String type) {
    ObjectNode op = JSON.createObjectNode();
    op.put("kind", "compute#operation");
    op.put("name", name);
    op.put("operationType", type);
    op.put("status", "DONE");
    op.put("progress", 100);
    op.put("selfLink", url() + path.substring(0, path.lastIndexOf('/') + 1) + name);
    if (!target.isEmpty()) {
      op.put("targetLink", target.replace(COMPUTE, url() + "/compute/v1/"));
    }
    return op;
  }

  private static JsonNode findByName(List<JsonNode> list, String name) {
    return list.stream().filter(n -> n.path("name").asText().equals(name)).findFirst().orElse(null);
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** One page of {@code all} under {@code items}, Compute Engine's list shape. */
  private ObjectNode page(List<JsonNode> all, Map<String, String> params) {
    int asked = Integer.parseInt(params.getOrDefault("maxResults", "0"));
    int size = asked > 0 ? Math.min(asked, pageSize) : pageSize;
    String token = params.getOrDefault("pageToken", "");
    int from = token.isEmpty() ? 0 : Integer.parseInt(token.substring("page-".length()));
    int to = Math.min(all.size(), from + size);
    ObjectNode out = JSON.createObjectNode();
    ArrayNode items = out.putArray("items");
    all.subList(from, to).forEach(items::add);
    if (to < all.size()) {
      out.put("nextPageToken", "page-" + to);
    }
    if (items.isEmpty()) {
      out.remove("items");
    }
    return out;
  }

  private void sendOr404(HttpExchange ex, JsonNode node, String what) throws IOException {
    if (node == null) {
      send(
          ex,
          403,
          error(
              403,
              "PERMISSION_DENIED",
              "Permission denied on resource " + what + " (or it may not exist)."));
    } else {
      send(ex, 200, node.toString());
    }
  }

  private static Map<String, String> params(String query) {
    Map<String, String> out = new HashMap<>();
    if (query == null) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
