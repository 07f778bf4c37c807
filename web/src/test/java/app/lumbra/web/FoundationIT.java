package app.lumbra.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lumbra.web.it.LumbraProcess;
import app.lumbra.web.it.SharedLumbra;
import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The running WAR answers the two endpoints every deployment check uses. */
@ExtendWith(SharedLumbra.class)
class FoundationIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void metadataIsAnR4CapabilityStatement(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/fhir/metadata"))
                .header("Accept", "application/fhir+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
    CapabilityStatement capability =
        FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(CapabilityStatement.class, response.body());
    assertThat(capability.getFhirVersion()).isEqualTo(FHIRVersion._4_0_1);
    assertThat(capability.getSoftware().getName()).isEqualTo("Lumbra FHIR server");
  }

  @Test
  void theServersAddressLeadsToThePortal(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> root =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/portal/"));

    HttpResponse<String> portal =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(lumbra.uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(portal.statusCode()).isEqualTo(200);
    assertThat(portal.body()).contains("Sign in");
  }

  @Test
  void readinessReportsTheDatabaseUp(LumbraProcess lumbra) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(lumbra.uri("/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = new ObjectMapper().readTree(response.body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    JsonNode database = health.path("checks").get(0);
    assertThat(database.path("name").asText()).isEqualTo("database");
    assertThat(database.path("data").path("database").asText()).isEqualTo("H2");
  }

  @Test
  void theEmbeddedDatabaseIsAFileUnderTheDataDirectory(LumbraProcess lumbra) {
    assertThat(lumbra.dataDir().resolve("h2").resolve("lumbra.mv.db")).isRegularFile();
  }
}
