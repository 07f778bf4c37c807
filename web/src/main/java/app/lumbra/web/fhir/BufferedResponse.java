package app.lumbra.web.fhir;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A FHIR response is gathered in memory and sent in one write, with a Content-Length. HAPI writes
 * JSON through Jackson, which flushes after every value it writes through its object mapper; on the
 * container's writer each flush was a write to the socket, dozens per search page, and the profile
 * showed those writes as about a third of the server's CPU for a search. Here a flush costs nothing
 * until the response is complete.
 *
 * <p>Memory stays bounded: past {@link #MAX_BUFFERED} bytes the response is streamed as before.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

  static final int MAX_BUFFERED = 4 * 1024 * 1024;

  private final Body body = new Body();
  private ServletOutputStream stream;
  private PrintWriter writer;

  BufferedResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (writer != null) {
      throw new IllegalStateException("getWriter() has already been called");
    }
    if (stream == null) {
      stream = new BodyStream();
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (stream != null) {
      throw new IllegalStateException("getOutputStream() has already been called");
    }
    if (writer == null) {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      writer = new PrintWriter(new OutputStreamWriter(body, charset));
    }
    return writer;
  }

  @Override
  public void flushBuffer() throws IOException {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public void resetBuffer() {
    super.resetBuffer();
    body.discard();
  }

  @Override
  public void reset() {
    super.reset();
    body.discard();
  }

  @Override
  public boolean isCommitted() {
    return body.streaming || super.isCommitted();
  }

  /** Sends what was gathered, with its length; call once the request has been handled. */
  void finish() throws IOException {
    if (writer != null) {
      writer.flush();
    }
    if (!body.streaming && body.size() > 0 && !super.isCommitted()) {
      HttpServletResponse response = (HttpServletResponse) getResponse();
      response.setContentLength(body.size());
      body.writeTo(response.getOutputStream());
    }
  }

  /** The gathered bytes, or the container's stream once more than the maximum was written. */
  private final class Body extends ByteArrayOutputStream {
    private boolean streaming;
    private OutputStream through;

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      try {
        if (!streaming && count + length > MAX_BUFFERED) {
          through = getResponse().getOutputStream();
          through.write(buf, 0, count);
          reset();
          streaming = true;
        }
        if (streaming) {
          through.write(bytes, offset, length);
        } else {
          super.write(bytes, offset, length);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void flush() {
      // Deliberately nothing: the whole response goes out at the end.
    }

    void discard() {
      if (!streaming) {
        reset();
      }
    }
  }

  private final class BodyStream extends ServletOutputStream {
    @Override
    public void write(int b) {
      body.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      body.write(bytes, offset, length);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("FHIR responses are written synchronously");
    }
  }
}
