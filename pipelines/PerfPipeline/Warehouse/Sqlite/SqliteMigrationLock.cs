namespace PerfPipeline.Warehouse.Sqlite;

using System.Diagnostics;

/// <summary>
/// Keeps two migrations of one SQLite file from racing (two <c>migrate</c> or <c>run</c> commands started together):
/// an exclusive lock on <c>{database}.migrate.lock</c> beside the file, held while the scripts run. .NET takes it with
/// <see cref="FileShare.None"/>, an OS lock the process loses when it ends, so a crashed migration never leaves it
/// held. The lock file itself is left in place: deleting it would let a third process lock a new file while a second
/// still holds the old one.
/// </summary>
internal sealed class SqliteMigrationLock : IDisposable
{
    /// <summary>How long a migration waits for another to finish before it gives up.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _file;

    private SqliteMigrationLock(FileStream file) => _file = file;

    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".migrate.lock";

    /// <summary>Takes the lock, waiting up to <paramref name="timeout"/> for another migration to release it.</summary>
    public static async Task<SqliteMigrationLock> AcquireAsync(string databasePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = PathFor(databasePath);
        var started = Stopwatch.GetTimestamp(); // wall-clock waiting, not the pipeline's clock
        while (true)
        {
            try
            {
                return new SqliteMigrationLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                if (Stopwatch.GetElapsedTime(started) >= timeout)
                {
                    throw new TimeoutException($"Another migration of {databasePath} still holds {path} after {timeout.TotalSeconds:0} s; wait for it to finish and run migrate again.");
                }

                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
