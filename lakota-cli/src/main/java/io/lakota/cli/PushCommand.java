package io.lakota.cli;

import io.lakota.Repo;
import picocli.CommandLine.Command;

/**
 * {@code lakota push REMOTE [COLLECTION...] [-s]} (CLI.md §4.9): {@code repo.push(Repo(REMOTE), collections,
 * shallow)}.
 */
@Command(name = "push", description = "Push collections to a remote repository.")
final class PushCommand extends SyncCommand {
  @Override
  String name() {
    return "push";
  }

  @Override
  Repo source(Repo local, Repo remote) {
    return local;
  }

  @Override
  void sync(Repo local, Repo remote, SyncBars bars) {
    local.push(remote, collections, shallow, bars);
  }
}
