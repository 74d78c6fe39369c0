package io.lakota;

import io.lakota.storage.file.FilePod;
import java.nio.file.Path;

/**
 * A writer process for {@link ConcurrencyFileTest}: {@code ConcurrentWriterMain <repository folder> <first year>
 * <years>} writes each year of one-minute data ({@link ConcurrencyContract#year}) into series {@code s} of
 * collection {@code c}, one write per year, then exits with status 0.
 */
public final class ConcurrentWriterMain {
  private ConcurrentWriterMain() {}

  public static void main(String[] args) {
    Repo repo = new Repo(new FilePod(Path.of(args[0])));
    int first = Integer.parseInt(args[1]);
    int years = Integer.parseInt(args[2]);
    for (int y = first; y < first + years; y++) {
      if (repo.collection("c").series("s").write(ConcurrencyContract.year(y)).isEmpty()) {
        System.err.println("year " + y + " wrote no revision");
        System.exit(2);
      }
    }
    System.exit(0);
  }
}
