package io.lakota.cli;

import io.lakota.Repo;
import picocli.CommandLine.Command;

/**
 * {@code lakota pull REMOTE [COLLECTION...] [-s]} (CLI.md §4.9): {@code repo.pull(Repo(REMOTE), collections,
 * shallow)}.
 */
@Command(name = "pull", description = "Pull collections from a remote repository.")
final class PullCommand extends SyncCommand {
  @Override
  String name() {
    return "pull";
  }

  @Override
  Repo source(Repo local, Repo remote) {
    return remote;
  }

  @Override
  void sync(Repo local, Repo remote, SyncBars bars) {
    local.pull(remote, collections, shallow, bars);
  }
}
