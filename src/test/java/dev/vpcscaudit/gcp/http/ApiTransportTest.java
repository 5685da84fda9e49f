package dev.vpcscaudit.gcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import dev.vpcscaudit.testing.FakeGcp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiTransportTest {

  final FakeGcp fake = new FakeGcp().project("some-proj", "42", "organizations/1");
  final StringWriter verbose = new StringWriter();
  final CallLog log = new CallLog(new PrintWriter(verbose));

  @AfterEach
  void stop() {
    fake.close();
  }

  HttpRequestFactory factory(Duration timeout) {
    return new ApiTransport(
            ProxySettings.fromEnv(Map.of()),
            log,
            new RetryPolicy(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(10)),
            Deadline.in(timeout))
        .createRequestFactory();
  }

  @Test
  void refusesEveryMethodButGetBeforeSending() {
    HttpRequestFactory f = factory(Duration.ofSeconds(10));
    GenericUrl url = new GenericUrl(fake.url() + "/v1/accessPolicies/1/servicePerimeters/p");

    for (String method : new String[] {"POST", "PATCH", "PUT", "DELETE"}) {
      assertThatThrownBy(
              () ->
                  f.buildRequest(
                          method,
                          url,
                          method.equals("DELETE")
                              ? null
                              : ByteArrayContent.fromString("application/json", "{}"))
                      .execute())
          .isInstanceOf(WriteRefusedException.class)
          .hasMessageContaining("read-only");
    }
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void onlyTheNamedReadOnlyPostsPass() {
    assertThat(ApiTransport.readOnlyPost(fake.url() + "/v2/entries:list")).isTrue();
    assertThat(ApiTransport.readOnlyPost(fake.url() + "/v1/projects/p:getAncestry")).isTrue();
    for (String path :
        new String[] {
          "/v2/entries:write",
          "/v2/entries:tail",
          "/v2/entries:list/x",
          "/v2/projects/p/sinks",
          "/v2/entries:copy",
          "/v1/projects/p:setIamPolicy"
        }) {
      assertThat(ApiTransport.readOnlyPost(fake.url() + path)).as(path).isFalse();
    }
    HttpRequestFactory f = factory(Duration.ofSeconds(10));
    assertThatThrownBy(
            () ->
                f.buildPostRequest(
                        new GenericUrl(fake.url() + "/v2/entries:write"),
                        ByteArrayContent.fromString("application/json", "{}"))
                    .execute())
        .isInstanceOf(WriteRefusedException.class);
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void retriesTransientAnswersThenGivesTheLastOne() throws Exception {
    for (int i = 0; i < 5; i++) {
      fake.fail("/v3/projects/some-proj", 502, "bad gateway");
    }
    HttpRequest r =
        factory(Duration.ofSeconds(10))
            .buildGetRequest(new GenericUrl(fake.url() + "/v3/projects/some-proj"));
    r.setThrowExceptionOnExecuteError(false);
    r.setNumberOfRetries(0);

    assertThat(r.execute().getStatusCode()).isEqualTo(502);
    assertThat(fake.requests()).hasSize(3);
    assertThat(log.requests()).isEqualTo(3);
    assertThat(verbose.toString().lines().filter(l -> l.contains("-> 502"))).hasSize(3);
  }

  @Test
  void aRetryAfterLongerThanTheBackoffIsWaitedAndOneBeyondTheDeadlineEndsTheRetries()
      throws Exception {
    fake.failRetryAfter("/v3/projects/some-proj", 503, "1", "busy");
    HttpRequest r =
        factory(Duration.ofSeconds(10))
            .buildGetRequest(new GenericUrl(fake.url() + "/v3/projects/some-proj"));
    r.setThrowExceptionOnExecuteError(false);
    r.setNumberOfRetries(0);

    assertThat(r.execute().getStatusCode()).isEqualTo(200);
    List<FakeGcp.Request> sent = fake.requests();
    assertThat(sent).hasSize(2);
    // The policy's own waits are 5-10 ms; the server asked for a second.
    assertThat(sent.get(1).startMillis() - sent.get(0).startMillis()).isGreaterThanOrEqualTo(900);

    fake.failRetryAfter("/v3/projects/some-proj", 429, "3600", "slow down");
    HttpRequest later =
        factory(Duration.ofSeconds(10))
            .buildGetRequest(new GenericUrl(fake.url() + "/v3/projects/some-proj"));
    later.setThrowExceptionOnExecuteError(false);
    later.setNumberOfRetries(0);
    assertThat(later.execute().getStatusCode()).as("no wait past the deadline").isEqualTo(429);
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void retriesConnectionFailures() {
    String dead = fake.url();
    fake.close();
    HttpRequestFactory f = factory(Duration.ofSeconds(10));

    assertThatThrownBy(() -> f.buildGetRequest(new GenericUrl(dead + "/v3/projects/x")).execute())
        .isInstanceOf(java.net.ConnectException.class);
    assertThat(log.requests()).isEqualTo(3);
  }

  @Test
  void deadlineStopsBeforeSending() throws Exception {
    HttpRequestFactory f = factory(Duration.ZERO);
    assertThatThrownBy(
            () ->
                f.buildGetRequest(new GenericUrl(fake.url() + "/v3/projects/some-proj")).execute())
        .isInstanceOf(DeadlineExceededException.class)
        .hasMessageContaining("--timeout");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void retriesShowOnAProgressStreamWithoutVerbose() throws Exception {
    StringWriter progress = new StringWriter();
    CallLog quietButTerminal =
        new CallLog(null, new PrintWriter(progress), dev.vpcscaudit.i18n.Messages.EN);
    for (int i = 0; i < 2; i++) {
      fake.fail("/v3/projects/some-proj", 503, "busy");
    }
    HttpRequestFactory f =
        new ApiTransport(
                ProxySettings.fromEnv(Map.of()),
                quietButTerminal,
                new RetryPolicy(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(10)),
                Deadline.in(Duration.ofSeconds(10)))
            .createRequestFactory();

    f.buildGetRequest(new GenericUrl(fake.url() + "/v3/projects/some-proj")).execute();

    assertThat(progress.toString().lines())
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).contains("/v3/projects/some-proj: HTTP 503, retrying in"));
  }

  @Test
  void credentialRequestsMayPostAndAreCountedApart() throws Exception {
    ApiTransport api =
        new ApiTransport(
            ProxySettings.fromEnv(Map.of()),
            log,
            RetryPolicy.DEFAULT,
            Deadline.in(Duration.ofSeconds(10)));
    var response =
        api.forCredentials()
            .createRequestFactory()
            .buildPostRequest(
                new GenericUrl(fake.url() + "/token"),
                new com.google.api.client.http.UrlEncodedContent(Map.of("grant_type", "x")))
            .execute();

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(log.tokenRequests()).isEqualTo(1);
    assertThat(log.requests()).isZero();
    assertThat(fake.tokensIssued()).isEqualTo(1);
  }
}
