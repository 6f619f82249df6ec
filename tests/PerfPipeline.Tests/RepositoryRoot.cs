namespace PerfPipeline.Tests;

/// <summary>Finds the clone's root (the folder holding PerfPipeline.sln) from the test binaries, wherever they run.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "PerfPipeline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PerfPipeline.sln not found above the test binaries.");
    }
}
