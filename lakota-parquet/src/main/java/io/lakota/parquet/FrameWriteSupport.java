package io.lakota.parquet;

import io.lakota.Frame;
import io.lakota.errors.ValidationException;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Feeds the rows of a frame to the Parquet writer, straight from its column arrays: record {@code i} is row
 * {@code i}. Datetime values are converted to the unit {@link ParquetTypes} chose; NaT and null strings are
 * written as nulls (absent fields).
 */
final class FrameWriteSupport extends WriteSupport<Integer> {
  private final Frame frame;
  private final MessageType type;
  private final List<ColumnDefinition> columns;
  private final Object[] arrays;
  private RecordConsumer out;

  FrameWriteSupport(Frame frame) {
    this.frame = frame;
    this.type = ParquetTypes.messageType(frame.schema());
    this.columns = frame.schema().columns();
    this.arrays = new Object[columns.size()];
    for (int c = 0; c < arrays.length; c++) {
      arrays[c] = frame.column(columns.get(c).name());
    }
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(type, Map.of());
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(type, Map.of());
  }

  @Override
  public String getName() {
    return "lakota";
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Integer row) {
    int i = row;
    out.startMessage();
    for (int c = 0; c < arrays.length; c++) {
      Dtype dt = columns.get(c).dtype();
      String name = columns.get(c).name();
      Object a = arrays[c];
      switch (dt.storage()) {
        case LONG:
          long v = ((long[]) a)[i];
          if (dt.kind() == Dtype.Kind.DATETIME) {
            if (v == Datetimes.NAT) {
              continue;
            }
            if (dt.unit().equals("D")) {
              field(name, c).addInteger(Math.toIntExact(v));
              break;
            }
            v = ParquetTypes.convert(v, dt.unit(), ParquetTypes.unit(ParquetTypes.timeUnit(dt.unit())));
          }
          field(name, c).addLong(v);
          break;
        case INT:
          field(name, c).addInteger(((int[]) a)[i]);
          break;
        case SHORT:
          short s = ((short[]) a)[i];
          field(name, c).addInteger(dt.kind() == Dtype.Kind.UINT ? Short.toUnsignedInt(s) : s);
          break;
        case BYTE:
          byte b = ((byte[]) a)[i];
          field(name, c).addInteger(dt.kind() == Dtype.Kind.UINT ? Byte.toUnsignedInt(b) : b);
          break;
        case DOUBLE:
          field(name, c).addDouble(((double[]) a)[i]);
          break;
        case FLOAT:
          field(name, c).addFloat(((float[]) a)[i]);
          break;
        case BOOLEAN:
          field(name, c).addBoolean(((boolean[]) a)[i]);
          break;
        default:
          Object o = ((Object[]) a)[i];
          if (o == null) {
            continue;
          }
          if (!(o instanceof String)) {
            throw new ValidationException("Cannot write column \"" + name + "\" as Parquet: row " + i + " holds "
                + o.getClass().getSimpleName() + " " + o + ", not a string");
          }
          field(name, c).addBinary(Binary.fromString((String) o));
          break;
      }
      out.endField(name, c);
    }
    out.endMessage();
  }

  private RecordConsumer field(String name, int index) {
    out.startField(name, index);
    return out;
  }

  int rows() {
    return frame.length();
  }
}
