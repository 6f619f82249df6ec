namespace PerfPipeline.Tests.Infra;

/// <summary>The repository's <c>infra</c> folder, found by walking up from the test output to PerfPipeline.sln.</summary>
internal static class InfraDirectory
{
    public static string Path { get; } = Locate();

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "PerfPipeline.sln")))
            {
                return System.IO.Path.Combine(directory.FullName, "infra");
            }
        }

        throw new InvalidOperationException($"No PerfPipeline.sln above {AppContext.BaseDirectory}.");
    }
}