package org.sweeplab.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code execution.spark} section: how the Spark backend reaches its cluster.
 *
 * @param master the Spark master URL ({@code local[4]}, {@code spark://host:7077}, {@code yarn}),
 *     or null to take the one {@code spark-submit} sets (and {@code local[*]} when there is none)
 * @param partitions how many batches of runs are on the cluster at once (Spark tasks); 0 means
 *     Spark's default parallelism, i.e. the executors' total cores
 * @param conf extra Spark configuration ({@code spark.executor.memory: 4g}, ...), applied as given
 */
public record SparkSettings(String master, int partitions, Map<String, String> conf) {

  public SparkSettings {
    if (master != null && master.isBlank()) {
      throw new IllegalArgumentException(
          "execution.spark.master is blank; give a master URL such as local[4],"
              + " spark://host:7077 or yarn, or leave it out to use the one spark-submit sets");
    }
    if (partitions < 0) {
      throw new IllegalArgumentException(
          "execution.spark.partitions must be >= 0 (0 = Spark's default parallelism), got "
              + partitions);
    }
    conf = conf == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    for (String k : conf.keySet()) {
      Objects.requireNonNull(conf.get(k), () -> "execution.spark.conf." + k + " has no value");
    }
  }

  /**
   * No master (spark-submit's, else {@code local[*]}), default partitions, no extra configuration.
   */
  public static SparkSettings defaults() {
    return new SparkSettings(null, 0, Map.of());
  }

  public SparkSettings withMaster(String m) {
    return new SparkSettings(m, partitions, conf);
  }

  public SparkSettings withPartitions(int n) {
    return new SparkSettings(master, n, conf);
  }

  /** These settings plus one configuration entry. */
  public SparkSettings withConf(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(conf);
    m.put(key, value);
    return new SparkSettings(master, partitions, m);
  }
}
