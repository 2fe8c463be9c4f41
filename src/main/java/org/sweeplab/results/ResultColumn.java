package org.sweeplab.results;

import java.util.Objects;

/**
 * One column of {@code results.csv}: its name, value type and role.
 *
 * @param name the header name
 * @param type the value type
 * @param role what the column holds
 */
public record ResultColumn(String name, ColumnType type, ColumnRole role) {
  public ResultColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(role, "role");
  }
}
