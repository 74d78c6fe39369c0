package io.lakota.parquet;

import io.lakota.Frame;
import io.lakota.SeriesFormat;
import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * Series files of the export layout as Apache Parquet (FORMAT.md §10): one column per schema column, in schema
 * order, snappy-compressed, laid out as pandas writes a data frame ({@link ParquetTypes}); read back from such files
 * whoever wrote them (pandas, DuckDB, Spark), each column converted to its schema dtype. Registered as a
 * {@link SeriesFormat} service, so that {@code lakota export -T parquet} finds it on the class path. Runs on
 * parquet-java through parquet-floor's Hadoop stubs, with no Hadoop. Stateless and thread-safe.
 */
public final class ParquetFormat implements SeriesFormat {

  /** The service constructor; cheap (no Parquet class is loaded until a file is written or read). */
  public ParquetFormat() {}

  @Override
  public String extension() {
    return "parquet";
  }

  @Override
  public byte[] encode(Frame frame) {
    MemoryFiles.Output file = new MemoryFiles.Output();
    FrameWriteSupport rows = new FrameWriteSupport(frame);
    try (ParquetWriter<Integer> writer = new Builder(file, rows)
        .withConf(new PlainParquetConfiguration())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build()) {
      for (int i = 0; i < rows.rows(); i++) {
        writer.write(i);
      }
    } catch (IOException e) {
      // the file is in memory: only a bug of ours or of the library gets here
      throw new UncheckedIOException("Cannot write Parquet: " + e.getMessage(), e);
    }
    return file.bytes();
  }

  @Override
  public Map<String, Object> decode(byte[] content, Schema schema, String path) {
    try {
      return ParquetColumns.read(new MemoryFiles.Input(content), schema);
    } catch (ValidationException e) {
      throw new ValidationException("Unable to load " + path + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      // errors are one line (CLI.md §2.4): the library's first line says enough
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw new ValidationException("Unable to load " + path + ": not a readable Parquet file (" + why + ")", e);
    }
  }

  /** The writer builder over our write support. */
  private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
    private final FrameWriteSupport support;

    Builder(OutputFile file, FrameWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }
}
