package org.sweeplab.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbers distinct byte strings 0, 1, 2, ... in order of first appearance: an open-addressing hash
 * table over a byte arena, so grouping keys read from a CSV never become String objects. Internal;
 * the dictionaries of {@link CsvRangeParser}.
 */
final class ByteKeyIndex {
  private int[] slots = new int[1 << 16];
  private int[] offsets = new int[1 << 12];
  private int[] lengths = new int[1 << 12];
  private int[] hashes = new int[1 << 12];
  private byte[] arena = new byte[1 << 16];
  private int arenaSize;
  private int size;

  ByteKeyIndex() {
    Arrays.fill(slots, -1);
  }

  int size() {
    return size;
  }

  /**
   * @return the number of the key {@code buf[from, to)}, adding it when new
   */
  int id(byte[] buf, int from, int to) {
    int h = hash(buf, from, to);
    int mask = slots.length - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      int id = slots[s];
      if (id < 0) {
        return add(buf, from, to, h, s);
      }
      if (hashes[id] == h
          && Arrays.equals(arena, offsets[id], offsets[id] + lengths[id], buf, from, to)) {
        return id;
      }
    }
  }

  String key(int id) {
    return new String(arena, offsets[id], lengths[id], StandardCharsets.UTF_8);
  }

  /**
   * @return the id of this index's key {@code id} in {@code other}, adding it there when new
   */
  int idIn(ByteKeyIndex other, int id) {
    return other.id(arena, offsets[id], offsets[id] + lengths[id]);
  }

  private int add(byte[] buf, int from, int to, int h, int slot) {
    int len = to - from;
    if (size == offsets.length) {
      offsets = Arrays.copyOf(offsets, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    if (arenaSize + len > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
    }
    System.arraycopy(buf, from, arena, arenaSize, len);
    offsets[size] = arenaSize;
    lengths[size] = len;
    hashes[size] = h;
    arenaSize += len;
    slots[slot] = size;
    size++;
    if (size * 2 > slots.length) {
      rehash();
    }
    return size - 1;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    Arrays.fill(slots, -1);
    int mask = slots.length - 1;
    for (int id = 0; id < size; id++) {
      int s = hashes[id] & mask;
      while (slots[s] >= 0) {
        s = (s + 1) & mask;
      }
      slots[s] = id;
    }
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 0x9747b28c;
    for (int i = from; i < to; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    return h ^ (h >>> 15);
  }
}
