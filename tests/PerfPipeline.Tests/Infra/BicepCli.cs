namespace PerfPipeline.Tests.Infra;

using System.Reflection;

/// <summary>
/// The Bicep command line from the Azure.Bicep.CommandLine package the test project restores; the build records
/// the package folder in the test assembly's metadata.
/// </summary>
internal sealed class BicepCli
{
    private const UnixFileMode Executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly string _executable;

    private BicepCli(string executable)
    {
        _executable = executable;
    }

    public static BicepCli Locate()
    {
        var packageRoot = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepPackageRoot")?.Value;
        if (string.IsNullOrEmpty(packageRoot))
        {
            throw new InvalidOperationException("The test assembly does not record where the Bicep package was restored; rebuild the test project.");
        }

        var executable = Path.Combine(packageRoot, "tools", OperatingSystem.IsWindows() ? "bicep.exe" : "bicep");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"The Bicep package holds no executable at {executable} (the package is for linux-x64).");
        }

        // NuGet does not always keep the execute bit when it extracts a package.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(executable);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(executable, mode | Executable);
            }
        }

        return new BicepCli(executable);
    }

    /// <summary>Runs a bicep command that reports its diagnostics as SARIF (read them with <see cref="SarifDiagnostics"/>).</summary>
    public Task<CommandResult> RunAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        return ExternalCommand.RunAsync(_executable, [.. arguments, "--diagnostics-format", "sarif"], environment, cancellationToken);
    }
}
