package dev.vpcscaudit.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Google API a setup script or build step uses, on one loopback port, for the REAL gcloud: by
 * default each request is refused with HTTP 403 and a marker message, so that a command whose flags
 * gcloud accepted ends in that refusal, while a flag error is gcloud's own usage error (exit 2)
 * before any request. {@link #answer} makes chosen requests succeed or miss instead. {@link #run}
 * runs a bash script with a {@code gcloud} function in front of the real one that logs every
 * invocation: its arguments, exit code and standard error.
 */
public final class LoopbackApis implements AutoCloseable {

  /** In every refusal, so that a test sees that a command reached this server. */
  public static final String REFUSAL = "refused by the test's loopback API";

  /** The endpoint-override property names (CLOUDSDK_API_ENDPOINT_OVERRIDES_*) pointed here. */
  static final List<String> APIS =
      List.of(
          "ACCESSCONTEXTMANAGER",
          "ARTIFACTREGISTRY",
          "CLOUDBUILD",
          "CLOUDRESOURCEMANAGER",
          "CLOUDSCHEDULER",
          "COMPUTE",
          "DNS",
          "IAM",
          "LOGGING",
          "MONITORING",
          "PUBSUB",
          "SECRETMANAGER",
          "SERVICEUSAGE",
          "STORAGE");

  /** An answer: status and JSON body. */
  public record Reply(int status, String body) {}

  private final HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private volatile Function<String, Reply> answer = request -> null;

  public LoopbackApis() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
          synchronized (requests) {
            requests.add(request);
          }
          Reply reply = answer.apply(request);
          if (reply == null) {
            reply = new Reply(403, FakeGcp.error(403, "PERMISSION_DENIED", REFUSAL));
          }
          byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(reply.status(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  /** Answers the requests ("METHOD /path?query") {@code answer} returns a reply for. */
  public LoopbackApis answer(Function<String, Reply> answer) {
    this.answer = answer;
    return this;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** One gcloud invocation of a script: its arguments, exit code and standard error. */
  public record Invocation(String args, int code, String err) {}

  /** What a script did: its exit, output, and each gcloud invocation in order. */
  public record Run(Processes.Result result, List<Invocation> gcloud) {}

  /**
   * Runs {@code script} with bash in {@code dir}, gcloud pointed here for every API in {@link
   * #APIS} and any other host behind a proxy that does not exist (no request leaves the machine). A
   * {@code $(gcloud ... --format=value(...))} that fails prints {@code fake-N}, so that the
   * commands after it get a value where a real run would have one.
   */
  public Run run(String script, Path dir) {
    try {
      Path log = Files.createDirectories(dir.resolve("gcloud-log"));
      Files.writeString(log.resolve("n"), "0");
      String wrapper =
          "gcloud() {\n"
              + "  local n=$(( $(cat \"$GCLOUD_LOG/n\") + 1 )); echo $n > \"$GCLOUD_LOG/n\"\n"
              + "  printf '%s\\n' \"$*\" > \"$GCLOUD_LOG/$n.args\"\n"
              + "  local rc=0\n"
              + "  command gcloud \"$@\" > \"$GCLOUD_LOG/$n.out\" 2> \"$GCLOUD_LOG/$n.err\""
              + " || rc=$?\n"
              + "  echo $rc > \"$GCLOUD_LOG/$n.rc\"\n"
              + "  cat \"$GCLOUD_LOG/$n.out\"; cat \"$GCLOUD_LOG/$n.err\" >&2\n"
              + "  if [ $rc -ne 0 ]; then case \"$*\" in *'--format=value('*) echo \"fake-$n\";;"
              + " esac; fi\n"
              + "  return $rc\n"
              + "}\n";
      Path file = dir.resolve("script.sh");
      Files.writeString(file, wrapper + script, StandardCharsets.UTF_8);
      Map<String, String> env = new LinkedHashMap<>();
      env.put("GCLOUD_LOG", log.toString());
      for (String api : APIS) {
        env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_" + api, url() + "/");
      }
      env.put("CLOUDSDK_CORE_CHECK_GCE_METADATA", "false");
      env.put("HTTPS_PROXY", "http://127.0.0.1:9");
      env.put("HTTP_PROXY", "http://127.0.0.1:9");
      env.put("NO_PROXY", "127.0.0.1,localhost");
      // Each gcloud start costs one to several seconds, more on a busy CI host: a script of a
      // few dozen commands gets ten minutes.
      Processes.Result result =
          RealGcloud.run(
              List.of("bash", file.toString()), url(), dir, env, java.time.Duration.ofMinutes(10));
      int n = Integer.parseInt(Files.readString(log.resolve("n")).strip());
      List<Invocation> calls = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        calls.add(
            new Invocation(
                Files.readString(log.resolve(i + ".args")).strip(),
                Integer.parseInt(Files.readString(log.resolve(i + ".rc")).strip()),
                Files.readString(log.resolve(i + ".err"))));
      }
      return new Run(result, calls);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The gcloud commands a shell text runs: each line (continuations joined) that starts with {@code
   * gcloud}, and each {@code $(gcloud ...)}.
   */
  public static List<String> gcloudCommands(String shell) {
    List<String> commands = new ArrayList<>();
    Matcher m = COMMAND.matcher(shell.replace("\\\n", " "));
    while (m.find()) {
      commands.add(m.group(1));
    }
    return commands;
  }

  private static final Pattern COMMAND =
      Pattern.compile("(?m)(?:^\\s*|\\$\\()gcloud ([a-z-]+(?: [a-z-]+)*)");

  @Override
  public void close() {
    server.stop(0);
  }
}
