package io.lakota.cli;

/**
 * Commands whose library operation (merge) does not exist yet in this build: they parse and check their arguments
 * exactly, then fail with {@code NotImplementedError: <op> is not available in this build} instead of faking a
 * result.
 */
final class Unavailable {
  private Unavailable() {}

  static CliException operation(String name) {
    return CliException.notAvailable(name);
  }
}
