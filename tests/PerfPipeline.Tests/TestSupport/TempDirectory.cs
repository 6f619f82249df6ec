namespace PerfPipeline.Tests.TestSupport;

using Microsoft.Data.Sqlite;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("perfpipeline-tests-").FullName;
    }

    public string Path { get; }

    public string File(params string[] relativePath) => System.IO.Path.Combine([Path, .. relativePath]);

    public void Dispose()
    {
        // Pooled SQLite connections would keep database files open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
