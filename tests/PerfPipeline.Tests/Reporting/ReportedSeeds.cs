namespace PerfPipeline.Tests.Reporting;

using PerfPipeline.Tests.Cli;
using PerfPipeline.Tests.TestSupport;

/// <summary>
/// The seeds loaded once into a SQLite warehouse, from a copy of <c>seeds/extracts</c> (so a test may change its
/// reference files), with the seeds' 2019-20 Q2 commentary imported through the command line.
/// </summary>
public sealed class ReportedSeeds : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();

    public string Extracts => _folder.File("extracts");

    public string Database => _folder.File("data", "perfpipeline.db");

    public string DataFolder => _folder.File("data");

    public async ValueTask InitializeAsync()
    {
        Copy(RepositoryRoot.File("seeds", "extracts"), Extracts);
        var (run, output) = await InvokeAsync("run", "--extracts", Extracts);
        Assert.True(run == 0, output);
        var (import, imported) = await InvokeAsync("commentary", "import", RepositoryRoot.File("seeds", "commentary", "872-2019-20-Q2.md"));
        Assert.True(import == 0, imported);
    }

    /// <summary>Runs the command line on this warehouse (<c>--db</c> added).</summary>
    public Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        CliInvocation.InvokeAsync([.. args, "--db", Database], DataFolder, TimeProvider.System);

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
