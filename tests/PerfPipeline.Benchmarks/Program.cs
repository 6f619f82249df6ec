using BenchmarkDotNet.Running;

using PerfPipeline.Benchmarks.Extracts;

// `extracts [rows]` is a quick one-shot run (wall and CPU seconds, rows/s, memory) for a busy machine;
// anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "extracts")
{
    ExtractReaderRun.Print(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
