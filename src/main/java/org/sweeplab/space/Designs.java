package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.sweeplab.spec.Design;
import org.sweeplab.spec.Parameter;
import org.sweeplab.spec.SweepSpec;

/** Builds the {@link DesignSpace} for each design type. */
final class Designs {
  private Designs() {}

  static DesignSpace of(SweepSpec spec) {
    if (spec.design().type() != Design.Type.GRID) {
      throw new IllegalArgumentException("design '" + spec.design().type().label() + "' is not supported yet");
    }
    return new Grid(spec.parameters());
  }

  /** The full Cartesian product, last parameter varying fastest. */
  static final class Grid implements DesignSpace {
    private final List<Parameter> params;
    private final List<String> names;
    private final long size;

    Grid(List<Parameter> params) {
      this.params = params;
      this.names = params.stream().map(Parameter::name).toList();
      long s = 1;
      for (Parameter p : params) {
        s = Math.multiplyExact(s, p.size());
      }
      this.size = s;
    }

    @Override
    public List<String> names() {
      return names;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public Iterator<Object[]> iterator() {
      return new Iterator<>() {
        long next;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public Object[] next() {
          if (next >= size) {
            throw new NoSuchElementException();
          }
          long rest = next++;
          Object[] out = new Object[params.size()];
          for (int i = params.size() - 1; i >= 0; i--) {
            int n = params.get(i).size();
            out[i] = params.get(i).level((int) (rest % n));
            rest /= n;
          }
          return out;
        }
      };
    }
  }
}
