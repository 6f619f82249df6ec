namespace PerfPipeline.Benchmarks.Peer;

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

/// <summary>
/// Wall time, processor time (user and system, every thread) and peak resident memory of one whole child process.
/// Processor time varies far less than wall time when other work shares the machine, so it is the figure that still
/// compares two builds on a busy machine.
/// </summary>
internal readonly record struct ProcessFigures(double WallSeconds, double CpuSeconds, long PeakBytes);

/// <summary>
/// Measures a command as a whole process. Linux reports a child's peak resident set only to its parent, and only as
/// the largest of all children the parent waited for, so each command runs under a fresh copy of this program
/// (<c>measure -- command args…</c>) whose only child it is; that copy prints the child's figures.
/// </summary>
internal static partial class ProcessMeasurement
{
    private const int RusageChildren = -1;

    /// <summary>Runs <paramref name="command"/> under a measuring copy of this program; throws when it fails.</summary>
    public static ProcessFigures Measure(IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (self, selfArguments) = Self();
        var start = new ProcessStartInfo(self)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in selfArguments.Append("measure").Append("--").Concat(command))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {self}.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var figures = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith("measured ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || figures is null)
        {
            throw new InvalidOperationException(
                $"'{string.Join(' ', command)}' failed (exit {process.ExitCode}):\n{Tail(output)}\n{Tail(error.Result)}");
        }

        var parts = figures.Split(' ');
        return new ProcessFigures(
            double.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture) * 1024);
    }

    /// <summary>
    /// The <c>measure</c> command: runs the command with its output discarded, then prints
    /// <c>measured {wall seconds} {peak KiB} {processor seconds}</c>; exits with the command's exit code.
    /// </summary>
    public static int Run(IReadOnlyList<string> command)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {command[0]}.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            Console.WriteLine(Tail(output.Result));
            Console.Error.WriteLine(Tail(error.Result));
            return process.ExitCode;
        }

        if (GetResourceUsage(RusageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed ({Marshal.GetLastPInvokeError()}).");
        }

        // ru_maxrss is in KiB on Linux.
        var cpuSeconds = usage.UserSeconds + usage.SystemSeconds + ((usage.UserMicroseconds + usage.SystemMicroseconds) / 1e6);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measured {stopwatch.Elapsed.TotalSeconds:F3} {usage.MaxResidentSetKiB} {cpuSeconds:F3}"));
        return 0;
    }

    /// <summary>How to start this program again: its app host, or <c>dotnet</c> and its assembly.</summary>
    private static (string File, string[] Arguments) Self()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? (path, [typeof(ProcessMeasurement).Assembly.Location]) : (path, []);
    }

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    // struct rusage on 64-bit Linux: two timevals, then fourteen longs, the first of them ru_maxrss.
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResidentSetKiB;
        public long IntegralSharedMemory;
        public long IntegralUnsharedData;
        public long IntegralUnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlockInputs;
        public long BlockOutputs;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}
