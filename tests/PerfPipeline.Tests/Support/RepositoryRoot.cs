namespace PerfPipeline.Tests.Support;

/// <summary>The clone the tests run from, found by walking up from the test assembly to <c>PerfPipeline.sln</c>.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PerfPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PerfPipeline.sln above {AppContext.BaseDirectory}.");
    }
}
