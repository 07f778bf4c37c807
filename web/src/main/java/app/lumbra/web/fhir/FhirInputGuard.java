package app.lumbra.web.fhir;

import app.lumbra.fhir.server.FhirSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * FHIR-4: refuses hostile input at the edge, before HAPI reads it, with a 4xx and an
 * OperationOutcome. A body sent without a Content-Length (chunked), which the fhir-adapter's length
 * check cannot see and HAPI would read whole into memory, is read up to {@code
 * lumbra.fhir.max-request-bytes} and refused with 413 past it; a body that is not valid UTF-8 is a
 * 400 (HAPI would store U+FFFD in its place). Bodies whose Content-Length is over the limit are
 * left to the adapter's 413, unread. A large {@code _count} is not refused here: {@link
 * FhirSettings} caps it.
 */
@WebFilter(urlPatterns = "/fhir/*", asyncSupported = false)
public class FhirInputGuard extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject transient FhirSettings settings;

  private long maxBytes;

  @Override
  public void init() {
    maxBytes = settings.maxRequestBytes();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long length = request.getContentLengthLong();
    if (!hasBody(request) || length > maxBytes || isForm(request)) {
      // A form post (POST _search) is read by the container's own parameter parsing.
      handle(request, response, chain);
      return;
    }
    byte[] body =
        request.getInputStream().readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
    if (body.length > maxBytes) {
      response.setHeader("Connection", "close");
      refuse(
          response,
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "too-costly",
          "The request body has more than "
              + maxBytes
              + " bytes; at most "
              + maxBytes
              + " are accepted");
      return;
    }
    if (declaresUtf8(request) && !isUtf8(body)) {
      refuse(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "structure",
          "The request body is not valid UTF-8");
      return;
    }
    handle(new BufferedBody(request, body), response, chain);
  }

  /** HAPI handles the request; its response goes out in one write ({@link BufferedResponse}). */
  private static void handle(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    BufferedResponse buffered = new BufferedResponse(response);
    chain.doFilter(request, buffered);
    buffered.finish();
  }

  /** FHIR bodies are UTF-8 unless the client names another charset. */
  private static boolean declaresUtf8(HttpServletRequest request) {
    String encoding = request.getCharacterEncoding();
    return encoding == null
        || encoding.equalsIgnoreCase("UTF-8")
        || encoding.equalsIgnoreCase("utf8");
  }

  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException malformed) {
      return false;
    }
  }

  private static void refuse(
      HttpServletResponse response, int status, String issueType, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/fhir+json;charset=UTF-8");
    response
        .getOutputStream()
        .write(
            ("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                    + "\"code\":\""
                    + issueType
                    + "\",\"diagnostics\":\""
                    + message
                    + "\"}]}")
                .getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  private static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
  }

  /** The request with its body already read into memory (at most the limit). */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body has been read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              new ByteArrayInputStream(body),
              encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }
  }
}
