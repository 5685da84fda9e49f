package dev.vpcscaudit.testing;

import com.google.protobuf.CodedOutputStream;
import dev.vpcscaudit.model.ServicePerimeter;
import dev.vpcscaudit.model.WireSchema;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the google Terraform provider, so that the real {@code terraform validate} can
 * check generated and patched Terraform without a registry: a plugin process (go-plugin handshake
 * {@code 1|6|tcp|127.0.0.1:PORT|grpc}, plaintext gRPC, which terraform speaks to its plugins when
 * {@code TF_DISABLE_PLUGIN_TLS} is set) that answers Terraform plugin protocol 6's {@code
 * GetProviderSchema} with the schemas of the resources the tool writes, and accepts every {@code
 * Validate*Config} (the schema checks are terraform's own). Other methods answer UNIMPLEMENTED.
 *
 * <p>The perimeter schemas come from the model's {@link WireSchema} (the provider's argument names,
 * blocks and lists as the tool reads and writes them): terraform then refuses an argument or block
 * the model does not know, a list where a string goes, a block where an argument goes. The message
 * numbers are those of tfplugin6.proto (hashicorp/terraform-plugin-go); the few messages needed are
 * encoded here by hand.
 */
public final class ProviderStandIn {

  private ProviderStandIn() {}

  // ---- the plugin process ----

  public static void main(String[] args) throws Exception {
    byte[] schema = schemaResponse();
    ServerServiceDefinition provider =
        ServerServiceDefinition.builder("tfplugin6.Provider")
            .addMethod(method("tfplugin6.Provider/GetProviderSchema"), answer(schema))
            .addMethod(method("tfplugin6.Provider/ValidateProviderConfig"), answer(new byte[0]))
            .addMethod(method("tfplugin6.Provider/ValidateResourceConfig"), answer(new byte[0]))
            .addMethod(method("tfplugin6.Provider/ValidateDataResourceConfig"), answer(new byte[0]))
            .build();
    // go-plugin's health check: HealthCheckResponse { status: SERVING (1) }.
    ServerServiceDefinition health =
        ServerServiceDefinition.builder("grpc.health.v1.Health")
            .addMethod(method("grpc.health.v1.Health/Check"), answer(new byte[] {0x08, 0x01}))
            .build();
    // go-plugin's controller: Shutdown ends the process once answered (else terraform waits 2 s,
    // then kills it).
    ServerServiceDefinition controller =
        ServerServiceDefinition.builder("plugin.GRPCController")
            .addMethod(
                method("plugin.GRPCController/Shutdown"),
                ServerCalls.asyncUnaryCall(
                    (request, observer) -> {
                      observer.onNext(new byte[0]);
                      observer.onCompleted();
                      Thread exit =
                          new Thread(
                              () -> {
                                try {
                                  Thread.sleep(50);
                                } catch (InterruptedException e) {
                                  Thread.currentThread().interrupt();
                                }
                                System.exit(0);
                              });
                      exit.setDaemon(true);
                      exit.start();
                    }))
            .build();
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(provider)
            .addService(health)
            .addService(controller)
            .build()
            .start();
    System.out.println("1|6|tcp|127.0.0.1:" + server.getPort() + "|grpc");
    System.out.flush();
    server.awaitTermination();
  }

  private static MethodDescriptor<byte[], byte[]> method(String name) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(name)
        .setRequestMarshaller(BYTES)
        .setResponseMarshaller(BYTES)
        .build();
  }

  private static io.grpc.ServerCallHandler<byte[], byte[]> answer(byte[] response) {
    return ServerCalls.asyncUnaryCall(
        (request, observer) -> {
          observer.onNext(response);
          observer.onCompleted();
        });
  }

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  // ---- the schemas (tfplugin6 Schema, Schema.Block, Schema.Attribute, Schema.NestedBlock) ----

  /** A Schema.Block under construction: attributes (name to cty type JSON) and nested blocks. */
  record Block(Map<String, String> attributes, Map<String, Nested> blocks) {
    Block() {
      this(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    Block attr(String name, String ctyType) {
      attributes.put(name, ctyType);
      return this;
    }
  }

  /** A NestedBlock: its block, nesting mode (1 SINGLE, 2 LIST) and most items (0: no limit). */
  record Nested(Block block, int nesting, int maxItems) {}

  /** The blocks of a record type of the model, as the provider names them. */
  static Block of(Class<? extends Record> type) {
    Block b = new Block();
    for (WireSchema.Field f : WireSchema.of(type).fields()) {
      if (f.wire().outputOnly() || f.hcl().isEmpty()) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Class<? extends Record> nested = (Class<? extends Record>) f.type();
      switch (f.kind()) {
        case STRING, ENUM -> b.attr(f.hcl(), "\"string\"");
        case BOOL -> b.attr(f.hcl(), "\"bool\"");
        case STRING_LIST -> b.attr(f.hcl(), "[\"list\",\"string\"]");
        case RECORD -> b.blocks().put(f.hcl(), new Nested(of(nested), 2, 1));
        case RECORD_LIST -> b.blocks().put(f.hcl(), new Nested(of(nested), 2, 0));
      }
    }
    return b;
  }

  /** The resource types the tool writes or edits, and the corpus' other resources. */
  static Map<String, Block> resources() {
    Map<String, Block> out = new LinkedHashMap<>();
    Block perimeter = of(ServicePerimeter.class).attr("parent", "\"string\"");
    out.put("google_access_context_manager_service_perimeter", perimeter);
    Block all = new Block().attr("parent", "\"string\"");
    all.blocks().put("service_perimeters", new Nested(of(ServicePerimeter.class), 2, 0));
    out.put("google_access_context_manager_service_perimeters", all);
    for (String member :
        List.of(
            "google_access_context_manager_service_perimeter_resource",
            "google_access_context_manager_service_perimeter_dry_run_resource")) {
      out.put(
          member, new Block().attr("perimeter_name", "\"string\"").attr("resource", "\"string\""));
    }
    out.put(
        "google_storage_bucket",
        new Block().attr("name", "\"string\"").attr("location", "\"string\""));
    return out;
  }

  static byte[] schemaResponse() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeByteArray(1, schema(new Block())); // provider: no arguments
    for (Map.Entry<String, Block> e : resources().entrySet()) {
      ByteArrayOutputStream entry = new ByteArrayOutputStream();
      CodedOutputStream o = CodedOutputStream.newInstance(entry);
      o.writeString(1, e.getKey());
      o.writeByteArray(2, schema(e.getValue()));
      o.flush();
      out.writeByteArray(2, entry.toByteArray()); // resource_schemas map entry
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static byte[] schema(Block block) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeInt64(1, 0);
    out.writeByteArray(2, block(block));
    out.flush();
    return bytes.toByteArray();
  }

  private static byte[] block(Block block) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    for (Map.Entry<String, String> a : block.attributes().entrySet()) {
      ByteArrayOutputStream attr = new ByteArrayOutputStream();
      CodedOutputStream o = CodedOutputStream.newInstance(attr);
      o.writeString(1, a.getKey());
      o.writeByteArray(2, a.getValue().getBytes(StandardCharsets.UTF_8));
      o.writeBool(5, true); // optional
      o.flush();
      out.writeByteArray(2, attr.toByteArray());
    }
    for (Map.Entry<String, Nested> n : block.blocks().entrySet()) {
      ByteArrayOutputStream nested = new ByteArrayOutputStream();
      CodedOutputStream o = CodedOutputStream.newInstance(nested);
      o.writeString(1, n.getKey());
      o.writeByteArray(2, block(n.getValue().block()));
      o.writeEnum(3, n.getValue().nesting());
      if (n.getValue().maxItems() > 0) {
        o.writeInt64(5, n.getValue().maxItems());
      }
      o.flush();
      out.writeByteArray(3, nested.toByteArray());
    }
    out.flush();
    return bytes.toByteArray();
  }

  // ---- running terraform validate against it ----

  /**
   * Runs the real {@code terraform validate} in {@code tree} with this stand-in as the google
   * provider (a CLI configuration's {@code dev_overrides}, so no {@code terraform init} and no
   * registry), and returns its result.
   */
  public static Processes.Result validate(Path tree) throws IOException {
    Path home = Files.createTempDirectory("provider-stand-in");
    Path plugin = home.resolve("terraform-provider-google");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        plugin,
        "#!/bin/sh\nexec "
            + Shellish.quote(java)
            + " -cp "
            + Shellish.quote(System.getProperty("java.class.path"))
            + " "
            + ProviderStandIn.class.getName()
            + "\n");
    plugin.toFile().setExecutable(true);
    Path rc = home.resolve("terraform.rc");
    Files.writeString(
        rc,
        "provider_installation {\n  dev_overrides {\n    \"hashicorp/google\" = \""
            + home
            + "\"\n  }\n  direct {}\n}\n");
    ProcessBuilder pb =
        new ProcessBuilder("terraform", "validate", "-no-color").directory(tree.toFile());
    pb.environment().put("TF_CLI_CONFIG_FILE", rc.toString());
    pb.environment().put("CHECKPOINT_DISABLE", "1");
    // Plaintext gRPC: terraform otherwise speaks mutual TLS to its plugins (go-plugin AutoMTLS).
    pb.environment().put("TF_DISABLE_PLUGIN_TLS", "1");
    return Processes.run(pb, Duration.ofSeconds(120));
  }

  /** Single-quoting for the plugin's launcher script. */
  private static final class Shellish {
    static String quote(String s) {
      return "'" + s.replace("'", "'\\''") + "'";
    }
  }
}
