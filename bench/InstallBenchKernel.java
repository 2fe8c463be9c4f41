import java.nio.file.Path;
import org.sweeplab.notebook.KernelInstall;
import org.sweeplab.notebook.KernelInstaller;

/**
 * Writes the sweeplab kernelspec into a given kernels folder, from a built distribution folder. Run
 * as a single-file program: {@code java -cp 'target/*:target/lib/*' bench/InstallBenchKernel.java
 * DIST KERNELS}.
 */
public final class InstallBenchKernel {
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: InstallBenchKernel DIST_DIR KERNELS_DIR");
      System.exit(2);
    }
    KernelInstall result =
        KernelInstaller.withDefaults()
            .withDistribution(Path.of(args[0]))
            .withKernelsDir(Path.of(args[1]))
            .install();
    System.out.println(result.kernelJson());
  }
}
