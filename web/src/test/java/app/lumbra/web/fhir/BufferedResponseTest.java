package app.lumbra.web.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferedResponseTest {

  /** The container's response: what reached the socket, write by write. */
  private final List<Integer> writes = new ArrayList<>();

  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  private Integer contentLength;

  private final ServletOutputStream socket =
      new ServletOutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          writes.add(length);
          sent.write(bytes, offset, length);
        }

        @Override
        public void flush() {
          writes.add(0);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}
      };

  private final HttpServletResponse container =
      (HttpServletResponse)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "getOutputStream" -> socket;
                    case "getCharacterEncoding" -> "UTF-8";
                    case "setContentLength" -> {
                      contentLength = (Integer) args[0];
                      yield null;
                    }
                    case "isCommitted" -> !writes.isEmpty();
                    default -> method.getReturnType() == boolean.class ? false : null;
                  });

  @Test
  void flushesWhileWritingAreHeldAndTheBodyGoesOutOnceWithItsLength() throws Exception {
    BufferedResponse response = new BufferedResponse(container);
    PrintWriter writer = response.getWriter();
    for (int i = 0; i < 100; i++) {
      writer.write("{\"value\":" + i + "}");
      writer.flush(); // what Jackson does after each value
    }
    assertThat(writes).as("socket writes before the end").isEmpty();

    response.finish();

    String expected = "";
    for (int i = 0; i < 100; i++) {
      expected += "{\"value\":" + i + "}";
    }
    assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(writes).hasSize(1);
    assertThat(contentLength).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void textIsEncodedInTheResponsesCharset() throws Exception {
    BufferedResponse response = new BufferedResponse(container);
    response.getWriter().write("Zoë – Ångström");
    response.finish();
    assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("Zoë – Ångström");
    assertThat(contentLength).isEqualTo("Zoë – Ångström".getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void aResponseLargerThanTheBufferIsStreamedWithoutALength() throws Exception {
    BufferedResponse response = new BufferedResponse(container);
    ServletOutputStream out = response.getOutputStream();
    byte[] chunk = new byte[64 * 1024];
    int chunks = BufferedResponse.MAX_BUFFERED / chunk.length + 2;
    for (int i = 0; i < chunks; i++) {
      out.write(chunk);
    }
    assertThat(writes).as("streaming began once the buffer was full").isNotEmpty();
    response.finish();
    assertThat(sent.size()).isEqualTo(chunks * chunk.length);
    assertThat(contentLength).isNull();
  }

  @Test
  void nothingWrittenSendsNothing() throws Exception {
    BufferedResponse response = new BufferedResponse(container);
    response.finish();
    assertThat(writes).isEmpty();
    assertThat(contentLength).isNull();
  }
}
