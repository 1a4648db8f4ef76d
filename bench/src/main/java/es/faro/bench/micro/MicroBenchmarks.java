package es.faro.bench.micro;

import es.faro.bench.Args;
import es.faro.bench.Figures;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH microbenchmarks of this package and prints each score as a figure line
 * ({@code jmh.Class.method value unit}). {@code --smoke}: in-process, one short iteration.
 */
public final class MicroBenchmarks {
    private MicroBenchmarks() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(args.text("include", MicroBenchmarks.class.getPackageName() + "\\..*Benchmark"))
                .verbosity(VerboseMode.SILENT);
        if (args.smoke()) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200));
        } else {
            options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        Figures out = Figures.stdout();
        out.printLoad();
        for (RunResult r : new Runner(options.build()).run()) {
            String label = r.getParams().getBenchmark();
            String name = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
            out.print("jmh." + name, r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreUnit());
        }
    }
}
