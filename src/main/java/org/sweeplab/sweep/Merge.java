package org.sweeplab.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import org.sweeplab.spec.Shard;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SpecWriter;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.FolderTables;
import org.sweeplab.store.JournalReader;
import org.sweeplab.store.OutputFolder;

/**
 * Combines the output folders of one sweep's shards (or of any runs of one spec) into one normal
 * output folder:
 *
 * <pre>{@code
 * Merge.Report r = Merge.of(List.of(shard0, shard1, shard2, shard3)).into(Path.of("sweeps/demo"));
 * }</pre>
 *
 * <ul>
 *   <li>Every folder must come from the same spec: the same {@link SpecWriter#configHash config
 *       hash}; otherwise nothing is written and the folders are named with their hashes.
 *   <li>Runs are matched by (variation key, replicate). Within one folder the journal's last line
 *       of a run counts, as in a resume. Across folders, a run with the same outcome (status,
 *       metrics, cost and error; timing and attempts aside) is an exact duplicate and is kept once;
 *       a run with another outcome is a conflict: the outcome of the folder listed first is kept
 *       and the conflict is reported. A final outcome (ok, failed, timeout) replaces a cancelled or
 *       skipped one without a conflict.
 *   <li>The merged folder holds the spec (without its shard), the journal, results.csv and
 *       summary.json; the runs that no folder holds are reported as missing, and {@code
 *       Sweep.resume(out)} runs just those.
 * </ul>
 */
public final class Merge {
  /** How many missing run ids a report lists; the count is always complete. */
  static final int LISTED_MISSING = 20;

  private final List<Path> dirs;

  private Merge(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  /**
   * A merge of these folders, in this order (the first wins a conflict).
   *
   * @throws IllegalArgumentException when no folder is given
   */
  public static Merge of(List<Path> dirs) {
    Objects.requireNonNull(dirs, "dirs");
    if (dirs.isEmpty()) {
      throw new IllegalArgumentException("merge needs at least one output folder to read");
    }
    return new Merge(dirs);
  }

  /** A merge of these folders; see {@link #of(List)}. */
  public static Merge of(Path... dirs) {
    return of(List.of(dirs));
  }

  /**
   * A run that two folders hold with different outcomes.
   *
   * @param runId the run's id
   * @param variationKey its variation key
   * @param replicate its replicate
   * @param kept the folder whose outcome was kept
   * @param keptOutcome that outcome, in short
   * @param dropped the folder whose outcome was dropped
   * @param droppedOutcome that outcome, in short
   */
  public record Conflict(
      String runId,
      String variationKey,
      int replicate,
      Path kept,
      String keptOutcome,
      Path dropped,
      String droppedOutcome) {}

  /**
   * What a merge did.
   *
   * @param output the merged folder
   * @param sources the folders read, in order
   * @param configHash the spec hash they share
   * @param planned runs in the plan
   * @param merged distinct runs in the merged folder
   * @param duplicates exact duplicates dropped
   * @param conflicts runs held with different outcomes
   * @param missing planned runs that no folder holds
   * @param missingRunIds the ids of the first {@value Merge#LISTED_MISSING} missing runs, in plan
   *     order
   * @param result the merged folder as a sweep result (counts by status, warnings)
   */
  public record Report(
      Path output,
      List<Path> sources,
      String configHash,
      long planned,
      long merged,
      long duplicates,
      List<Conflict> conflicts,
      long missing,
      List<String> missingRunIds,
      SweepResult result) {

    public Report {
      sources = List.copyOf(sources);
      conflicts = List.copyOf(conflicts);
      missingRunIds = List.copyOf(missingRunIds);
    }

    /** True when the merged folder holds every planned run and no folder disagreed. */
    public boolean complete() {
      return missing == 0 && conflicts.isEmpty();
    }
  }

  /**
   * Writes the merged folder.
   *
   * @throws IllegalArgumentException when a folder is not a sweep output folder, the folders come
   *     from different specs, or {@code out} already holds runs or is one of the folders read
   */
  public Report into(Path out) {
    Objects.requireNonNull(out, "out");
    Map<Path, SweepSpec> specs = new LinkedHashMap<>();
    for (Path d : dirs) {
      Path specFile = d.resolve(OutputFolder.SPEC);
      if (!Files.isRegularFile(specFile)) {
        throw new IllegalArgumentException(
            "cannot merge "
                + d
                + ": it is not a sweep output folder (it has no "
                + OutputFolder.SPEC
                + (Files.exists(d) ? ")" : "; the folder does not exist)"));
      }
      specs.put(d, SpecLoader.load(specFile));
    }
    String hash = sameHash(specs);
    for (Path d : dirs) {
      if (sameFile(d, out)) {
        throw new IllegalArgumentException(
            "cannot merge into "
                + out
                + ": it is one of the folders read; choose a"
                + " new folder for the merged sweep");
      }
    }
    if (Files.isRegularFile(out.resolve(OutputFolder.JOURNAL))) {
      throw new IllegalArgumentException(
          "cannot merge into "
              + out
              + ": it already holds a sweep ("
              + OutputFolder.JOURNAL
              + "); choose a new folder for the merged sweep");
    }
    SweepSpec first = specs.get(dirs.get(0));
    SweepSpec spec = first.withExecution(first.execution().withShard(Shard.all()));
    RunPlan plan = RunPlan.of(spec);

    Map<String, Chosen> chosen = new LinkedHashMap<>();
    List<Conflict> conflicts = new ArrayList<>();
    long duplicates = 0;
    List<String> warnings = new ArrayList<>();
    for (Path d : dirs) {
      Map<String, Chosen> last = new LinkedHashMap<>();
      try {
        JournalReader.Report rep =
            JournalReader.readLines(
                d.resolve(OutputFolder.JOURNAL),
                (e, line) ->
                    last.put(e.variationKey() + '#' + e.replicate(), new Chosen(d, e, line)));
        for (String w : rep.warnings()) {
          warnings.add(d + ": " + w);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read the journal of " + d + ": " + e.getMessage(), e);
      }
      for (Map.Entry<String, Chosen> e : last.entrySet()) {
        Chosen now = e.getValue();
        Chosen had = chosen.get(e.getKey());
        if (had == null) {
          chosen.put(e.getKey(), now);
        } else if (had.outcome.equals(now.outcome)) {
          duplicates++;
        } else if (pending(had.entry.status()) && !pending(now.entry.status())) {
          chosen.put(e.getKey(), now);
        } else if (!pending(now.entry.status())) {
          conflicts.add(
              new Conflict(
                  had.entry.runId(),
                  had.entry.variationKey(),
                  had.entry.replicate(),
                  had.dir,
                  had.shortOutcome(),
                  now.dir,
                  now.shortOutcome()));
        }
      }
    }

    List<String> tableWarnings = new ArrayList<>();
    FolderTables.Written tables;
    try (OutputFolder folder = OutputFolder.open(out)) {
      OutputFolder.writeAtomically(folder.spec(), SpecWriter.toYaml(spec));
      try (BufferedWriter w = Files.newBufferedWriter(folder.journal(), StandardCharsets.UTF_8)) {
        for (Chosen c : chosen.values()) {
          w.write(c.line);
          w.write('\n');
        }
      }
      // The tables come from the journal alone; the simulation is never resolved (it may exist only
      // on a cluster).
      CostEstimate estimate = CostEstimate.of(plan, spec.budget());
      tables =
          FolderTables.rebuild(
              folder, spec, estimate == null ? null : estimate.total(), tableWarnings);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the merged journal in " + out + ": " + e.getMessage(), e);
    }

    long missing = 0;
    List<String> missingIds = new ArrayList<>();
    Iterator<Variation> it = plan.variations();
    while (it.hasNext()) {
      Variation v = it.next();
      for (int r = 1; r <= plan.replicates(); r++) {
        Chosen c = chosen.get(v.key() + '#' + r);
        if (c == null || pending(c.entry.status())) {
          missing++;
          if (missingIds.size() < LISTED_MISSING) {
            missingIds.add(plan.runId(v.id(), r));
          }
        }
      }
    }
    List<String> all = new ArrayList<>(warnings);
    all.addAll(tableWarnings);
    Progress nothingRan = Progress.none(tables.pending());
    SweepResult result =
        new SweepResult(
            out,
            tables.planned(),
            Sweep.byStatus(tables.counts()),
            tables.missing(),
            tables.totalCost(),
            nothingRan,
            all);
    return new Report(
        out,
        dirs,
        hash,
        plan.runCount(),
        chosen.size(),
        duplicates,
        conflicts,
        missing,
        missingIds,
        result);
  }

  /** The hash all folders share; refuses folders of different specs, naming them. */
  private static String sameHash(Map<Path, SweepSpec> specs) {
    Map<String, List<Path>> byHash = new LinkedHashMap<>();
    for (Map.Entry<Path, SweepSpec> e : specs.entrySet()) {
      byHash
          .computeIfAbsent(SpecWriter.configHash(e.getValue()), h -> new ArrayList<>())
          .add(e.getKey());
    }
    if (byHash.size() > 1) {
      StringBuilder sb =
          new StringBuilder("cannot merge: the folders come from different specs (config hashes");
      byHash.forEach(
          (h, ds) ->
              sb.append("; ")
                  .append(h)
                  .append(": ")
                  .append(
                      ds.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("")));
      sb.append(
          "). Only folders of one spec (the shards of one sweep) can be merged; their simulation,"
              + " parameters, design, replicates, seed and seeding must be equal");
      throw new IllegalArgumentException(sb.toString());
    }
    return byHash.keySet().iterator().next();
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  private static boolean pending(String status) {
    return status.equals(RunStatus.CANCELLED.label()) || status.equals(RunStatus.SKIPPED.label());
  }

  /** One folder's final line of a run, with its outcome for comparison. */
  private static final class Chosen {
    final Path dir;
    final JournalReader.Entry entry;
    final String line;
    final String outcome;

    Chosen(Path dir, JournalReader.Entry entry, String line) {
      this.dir = dir;
      this.entry = entry;
      this.line = line;
      this.outcome =
          entry.status()
              + '|'
              + entry.seed()
              + '|'
              + new TreeMap<>(entry.metrics())
              + '|'
              + Double.doubleToLongBits(entry.cost())
              + '|'
              + entry.errorType()
              + '|'
              + entry.errorMessage();
    }

    String shortOutcome() {
      String s = entry.status();
      if (entry.errorType() != null) {
        s += " (" + entry.errorType() + ")";
      } else if (!entry.metrics().isEmpty()) {
        String m = entry.metrics().toString();
        s += " " + (m.length() > 80 ? m.substring(0, 80) + "…" : m);
      }
      return s;
    }
  }
}
