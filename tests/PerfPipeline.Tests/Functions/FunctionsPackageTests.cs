namespace PerfPipeline.Tests.Functions;

using System.Text.Json;

/// <summary>
/// The synthetic data generator is a tool of the command line, the tests and the benchmarks: the Functions app
/// ships without it. The app's dependency manifest decides what <c>dotnet publish</c> copies, so the manifest of
/// its build output is checked here (and <c>.ci/run</c> checks the published folder itself).
/// </summary>
public sealed class FunctionsPackageTests
{
    [Fact]
    public void BuildOutput_FunctionsApp_HoldsTheLibraryButNoGenerator()
    {
        var output = AppOutput();
        var libraries = Libraries(Path.Combine(output, "PerfPipeline.Functions.deps.json"));

        Assert.Contains("PerfPipeline/1.0.0", libraries);
        Assert.DoesNotContain(libraries, name => name.StartsWith("PerfPipeline.Generation/", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(output, "PerfPipeline.dll")));
        Assert.False(File.Exists(Path.Combine(output, "PerfPipeline.Generation.dll")));
    }

    [Fact]
    public void BuildOutput_CommandLine_CarriesTheGenerator()
    {
        var output = Path.Combine(RepositoryRoot.Path, "pipelines", "PerfPipeline.Cli", "bin", Configuration(), "net10.0");

        Assert.Contains(Libraries(Path.Combine(output, "PerfPipeline.Cli.deps.json")), name => name.StartsWith("PerfPipeline.Generation/", StringComparison.Ordinal));
    }

    private static string AppOutput() => Path.Combine(RepositoryRoot.Path, "functions", "PerfPipeline.Functions", "bin", Configuration(), "net10.0");

    // The tests run from bin/{Configuration}/net10.0: the app was built in the same configuration.
    private static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private static List<string> Libraries(string depsJson)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(depsJson));
        return [.. document.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name)];
    }
}
