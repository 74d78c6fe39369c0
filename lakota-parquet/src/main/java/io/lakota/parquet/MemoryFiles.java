package io.lakota.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Parquet files held in byte arrays: pods read and write whole files, so a series file is built and parsed in memory
 * instead of going through a temporary file.
 */
final class MemoryFiles {
  private MemoryFiles() {}

  /** A file being written into a byte buffer; {@link #bytes()} once the writer is closed. */
  static final class Output implements OutputFile {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return createOrOverwrite(blockSizeHint);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      buffer.reset();
      return new PositionOutputStream() {
        @Override
        public long getPos() {
          return buffer.size();
        }

        @Override
        public void write(int b) {
          buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          buffer.write(b, off, len);
        }
      };
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    byte[] bytes() {
      return buffer.toByteArray();
    }
  }

  /** A file over a byte array. */
  static final class Input implements InputFile {
    private final byte[] content;

    Input(byte[] content) {
      this.content = content;
    }

    @Override
    public long getLength() {
      return content.length;
    }

    @Override
    public SeekableInputStream newStream() {
      Positioned in = new Positioned(content);
      return new DelegatingSeekableInputStream(in) {
        @Override
        public long getPos() {
          return in.position();
        }

        @Override
        public void seek(long newPos) {
          in.seek((int) newPos);
        }
      };
    }
  }

  /** A byte array stream whose position can be read and set. */
  private static final class Positioned extends ByteArrayInputStream {
    Positioned(byte[] content) {
      super(content);
    }

    int position() {
      return pos;
    }

    void seek(int p) {
      pos = Math.max(0, Math.min(p, count));
    }
  }
}
