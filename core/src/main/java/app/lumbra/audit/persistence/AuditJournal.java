package app.lumbra.audit.persistence;

import app.lumbra.audit.domain.AccessOutcome;
import app.lumbra.audit.domain.AuditRecord;
import app.lumbra.audit.domain.RecordJournal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The audit trail's write-ahead journal. Recording an access appends the record to a file with one
 * write, and the caller goes on once the operating system has it: a {@code kill -9} of the server
 * cannot lose it, which is the same promise as the embedded database's commits ({@code
 * WRITE_DELAY=0}) and costs a few microseconds instead of a database commit per request.
 *
 * <p>{@link #drain} moves what was appended into the database: it closes the current segment file,
 * hands its records to the store in batches, and deletes the file only when every batch is stored.
 * A record stored before a crash and read again afterwards is stored once: the store skips ids it
 * already has. A segment left by a stopped or killed process is drained by the next one.
 *
 * <p>Each record is a frame {@code [length][CRC-32][fields]}. A frame cut short by a kill during
 * its write was never acknowledged (the caller was still waiting); reading stops there. The
 * directory is locked while the journal is open, so two processes never write to it together.
 */
public final class AuditJournal implements RecordJournal, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AuditJournal.class.getName());
  private static final Pattern SEGMENT = Pattern.compile("audit-(\\d{12})\\.journal");
  private static final byte FORMAT = 1;
  private static final int MAX_FRAME = 1 << 20;

  private final Path directory;
  private final Object appendLock = new Object();
  private final Object drainLock = new Object();
  private FileChannel lockFile;
  private FileLock lock;
  private FileChannel current;

  /** Closed for good: the application is stopping, and a new deployment opens its own journal. */
  private boolean closed;

  private long nextSequence = -1;

  /** Segments below this one were left by an earlier process: some of them may be stored. */
  private long firstOwnSequence = -1;

  /** Segments a drain failed on: some of their batches may be stored. */
  private final Set<Long> failed = new HashSet<>();

  public AuditJournal(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  public Path directory() {
    return directory;
  }

  /**
   * Creates and locks the directory.
   *
   * @throws IllegalStateException with a one-line explanation when it cannot be used
   */
  @Override
  public void open() {
    synchronized (appendLock) {
      if (lock != null) {
        return;
      }
      if (closed) {
        throw new IllegalStateException(
            "the audit journal " + directory + " is closed: the application is stopping");
      }
      try {
        Files.createDirectories(directory);
        lockFile =
            FileChannel.open(
                directory.resolve("journal.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        lock = lockFile.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      } catch (IOException e) {
        throw new IllegalStateException(
            "the audit journal directory " + directory + " cannot be used: " + e.getMessage(), e);
      }
      if (lock == null) {
        closeQuietly(lockFile);
        throw new IllegalStateException(
            "the audit journal "
                + directory
                + " is in use by another Lumbra process: give each process its own"
                + " lumbra.data.dir or lumbra.audit.journal-dir");
      }
      nextSequence =
          segments(Long.MAX_VALUE).stream().mapToLong(AuditJournal::sequence).max().orElse(0) + 1;
      firstOwnSequence = nextSequence;
    }
  }

  /** Appends {@code record}; returns once the operating system holds it. */
  @Override
  public void append(AuditRecord record) {
    ByteBuffer frame = frame(record);
    synchronized (appendLock) {
      open();
      try {
        if (current == null) {
          current =
              FileChannel.open(
                  segment(nextSequence++),
                  StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND);
        }
        while (frame.hasRemaining()) {
          current.write(frame);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not append to the audit journal " + directory, e);
      }
    }
  }

  /**
   * Stores everything appended so far through {@code store} (one call per batch of at most {@code
   * batchSize} records, in the order appended) and deletes what was stored. When {@code store}
   * throws, the records stay in the journal for the next drain, and the exception is rethrown.
   *
   * @return the number of records handed to the store
   */
  @Override
  public int drain(Store store, int batchSize) {
    synchronized (drainLock) {
      long boundary;
      synchronized (appendLock) {
        open();
        if (current != null) {
          closeQuietly(current);
          current = null;
        }
        // Appends from now on go to new segments, which this drain leaves alone.
        boundary = nextSequence;
      }
      int stored = 0;
      for (Path segment : segments(boundary)) {
        List<AuditRecord> records = read(segment);
        long sequence = sequence(segment);
        boolean mayBeStored = sequence < firstOwnSequence || failed.contains(sequence);
        try {
          for (int from = 0; from < records.size(); from += batchSize) {
            store.store(
                records.subList(from, Math.min(records.size(), from + batchSize)), mayBeStored);
          }
        } catch (RuntimeException e) {
          failed.add(sequence);
          throw e;
        }
        try {
          Files.delete(segment);
        } catch (IOException e) {
          throw new UncheckedIOException("could not delete the stored audit segment " + segment, e);
        }
        failed.remove(sequence);
        stored += records.size();
      }
      return stored;
    }
  }

  /**
   * Closes the open segment and releases the directory for good; what was appended stays for the
   * next process (or deployment) to store.
   */
  @Override
  public void close() {
    synchronized (appendLock) {
      closed = true;
      closeQuietly(current);
      current = null;
      if (lock != null) {
        try {
          lock.release();
        } catch (IOException e) {
          LOG.log(Level.FINE, "could not release the audit journal lock", e);
        }
        lock = null;
      }
      closeQuietly(lockFile);
      lockFile = null;
    }
  }

  /** Segment files numbered below {@code boundary}, oldest first. */
  private List<Path> segments(long boundary) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> SEGMENT.matcher(f.getFileName().toString()).matches())
          .filter(f -> sequence(f) < boundary)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list the audit journal " + directory, e);
    }
  }

  private Path segment(long sequence) {
    return directory.resolve(String.format("audit-%012d.journal", sequence));
  }

  private static long sequence(Path segment) {
    Matcher m = SEGMENT.matcher(segment.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : 0;
  }

  static ByteBuffer frame(AuditRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(record.id());
      Instant at = record.recordedAt().toInstant();
      out.writeLong(at.getEpochSecond());
      out.writeInt(at.getNano());
      out.writeUTF(record.channel());
      out.writeUTF(record.agent());
      out.writeUTF(record.action());
      out.writeUTF(record.entity());
      writeOptional(out, record.patientId());
      out.writeUTF(record.outcome().name());
      out.writeInt(record.status());
      writeOptional(out, record.detail());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] fields = bytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(fields);
    ByteBuffer frame = ByteBuffer.allocate(8 + fields.length);
    frame.putInt(fields.length).putInt((int) crc.getValue()).put(fields).flip();
    return frame;
  }

  /** The complete frames of a segment, in order; a cut-short last frame is left out. */
  static List<AuditRecord> read(Path segment) {
    byte[] content;
    try {
      content = Files.readAllBytes(segment);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the audit segment " + segment, e);
    }
    ByteBuffer in = ByteBuffer.wrap(content);
    List<AuditRecord> records = new ArrayList<>();
    while (in.remaining() >= 8) {
      int start = in.position();
      int length = in.getInt();
      int expected = in.getInt();
      if (length <= 0 || length > MAX_FRAME || length > in.remaining()) {
        in.position(start);
        break;
      }
      CRC32 crc = new CRC32();
      crc.update(content, in.position(), length);
      if ((int) crc.getValue() != expected) {
        in.position(start);
        break;
      }
      records.add(parse(content, in.position(), length));
      in.position(in.position() + length);
    }
    if (in.hasRemaining()) {
      LOG.warning(
          () ->
              "Ignored "
                  + in.remaining()
                  + " bytes at the end of "
                  + segment
                  + ": a record cut short when the server was stopped while writing it (it was"
                  + " never acknowledged)");
    }
    return records;
  }

  private static AuditRecord parse(byte[] content, int offset, int length) {
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(content, offset, length))) {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalStateException("unknown audit journal format " + format);
      }
      String id = in.readUTF();
      Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
      return AuditRecord.restore(
          id,
          at.atOffset(ZoneOffset.UTC),
          in.readUTF(),
          in.readUTF(),
          in.readUTF(),
          in.readUTF(),
          readOptional(in),
          AccessOutcome.valueOf(in.readUTF()),
          in.readInt(),
          readOptional(in));
    } catch (EOFException e) {
      throw new IllegalStateException("an audit journal frame is shorter than its fields", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeOptional(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "could not close an audit journal file", e);
      }
    }
  }
}
