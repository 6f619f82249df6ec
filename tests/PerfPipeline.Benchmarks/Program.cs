using System.Globalization;

using BenchmarkDotNet.Running;

using PerfPipeline.Benchmarks.Extracts;
using PerfPipeline.Benchmarks.Indicators;
using PerfPipeline.Benchmarks.Peer;
using PerfPipeline.Benchmarks.Serve;
using PerfPipeline.Benchmarks.Warehouse;

// Quick one-shot runs (wall and CPU seconds, rows/s, memory) for a busy machine:
//   `extracts [rows]`, `indicators [scale…]`, `warehouse [rows]`, `serve [seconds] [connections]`;
//   `peer [--scale 20] [--years 10] [--runs 3] [--cli LABEL=PATH]…`: `run` against DuckDB, as whole processes;
//   anything else goes to BenchmarkDotNet. `measure -- …` and `peer-query LA_FOLDER` are the peer benchmark's child processes.
switch (args.FirstOrDefault())
{
    case "extracts":
        ExtractReaderRun.Print(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
        return;
    case "warehouse":
        WarehouseLoadRun.Print(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
        return;
    case "serve":
        ServeLoadRun.Print(
            args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50);
        return;
    case "peer":
        EndToEndRun.Print(args[1..]);
        return;
    case "peer-query":
        EndToEndRun.Query(args[1]);
        return;
    case "measure":
        Environment.Exit(ProcessMeasurement.Run(args[2..]));
        return;
    case "indicators":
        IndicatorEngineRun.Print(args.Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(0.5).Append(1.0).Distinct());
        return;
}

// Not typeof(Program): the command line's Program is visible here too (serve is measured through it).
BenchmarkSwitcher.FromAssembly(typeof(ServeLoadRun).Assembly).Run(args);
