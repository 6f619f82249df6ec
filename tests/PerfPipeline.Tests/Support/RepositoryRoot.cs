namespace PerfPipeline.Tests.Support;

/// <summary>The repository's root folder, found by walking up from the test binaries to <c>PerfPipeline.sln</c>.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "PerfPipeline.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No PerfPipeline.sln above {AppContext.BaseDirectory}.");
    });

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);
}
