package app.lumbra.careplan.application;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * PLAN-14: a plan version as JSON text and back. Unknown fields are ignored when reading, so
 * versions written by older releases stay readable after the view gains fields. Dates and times are
 * ISO-8601 strings.
 */
final class CarePlanSnapshots {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(
              new SimpleModule("java-time-as-iso-text")
                  .addSerializer(LocalDate.class, new IsoText<>())
                  .addDeserializer(LocalDate.class, new FromIsoText<>(LocalDate::parse))
                  .addSerializer(LocalTime.class, new IsoText<>())
                  .addDeserializer(LocalTime.class, new FromIsoText<>(LocalTime::parse))
                  .addSerializer(OffsetDateTime.class, new IsoText<>())
                  .addDeserializer(OffsetDateTime.class, new FromIsoText<>(OffsetDateTime::parse)))
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private CarePlanSnapshots() {}

  static String write(CarePlanView view) {
    try {
      return JSON.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("care plan " + view.id() + " cannot be written as JSON", e);
    }
  }

  static CarePlanView read(String snapshot) {
    try {
      return JSON.readValue(snapshot, CarePlanView.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored care plan version cannot be read", e);
    }
  }

  private static final class IsoText<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeString(value.toString());
    }
  }

  private static final class FromIsoText<T> extends JsonDeserializer<T> {
    private final Function<String, T> parse;

    FromIsoText(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser json, DeserializationContext context) throws IOException {
      return parse.apply(json.getValueAsString());
    }
  }
}
