/**
 * Types of the history maintenance operations (SEMANTICS.md §15, §16): {@link io.lakota.maintenance.GcResult} of the
 * two-phase garbage collector and the {@link io.lakota.maintenance.Retention} policy of {@code trim}. The operations
 * themselves are {@code Collection.trim/defrag/squash} and {@code Repo.gc/gcDryRun}.
 */
package io.lakota.maintenance;
