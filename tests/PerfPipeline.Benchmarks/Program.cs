using System.Globalization;

using BenchmarkDotNet.Running;

using PerfPipeline.Benchmarks.Extracts;
using PerfPipeline.Benchmarks.Indicators;
using PerfPipeline.Benchmarks.Warehouse;

// Quick one-shot runs (wall and CPU seconds, rows/s, memory) for a busy machine:
//   `extracts [rows]`, `indicators [scale…]`, `warehouse [rows]`; anything else goes to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "extracts":
        ExtractReaderRun.Print(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
        return;
    case "warehouse":
        WarehouseLoadRun.Print(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
        return;
    case "indicators":
        IndicatorEngineRun.Print(args.Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(0.5).Append(1.0).Distinct());
        return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
