using BenchmarkDotNet.Running;

using PerfPipeline.Benchmarks.Indicators;

// `indicators [scale…]` is a quick one-shot run (wall and CPU seconds, rows/s, memory) for a busy machine;
// anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "indicators")
{
    IndicatorEngineRun.Print(args.Skip(1).Select(a => double.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0.5).Append(1.0).Distinct());
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
