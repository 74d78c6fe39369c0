/**
 * Types of the pull and push operations between repositories (SEMANTICS.md §14): {@link io.lakota.sync.SyncProgress}
 * and {@link io.lakota.sync.SyncResult}. The operations themselves are {@code Collection.pull/push} and
 * {@code Repo.pull/push}.
 */
package io.lakota.sync;
