namespace PerfPipeline.Warehouse.Sqlite;

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

using Microsoft.Data.Sqlite;

/// <summary>
/// Lets opening the warehouse skip what it would find already done. A full open (the migrations, <c>dim_indicator</c>,
/// the shipped reference defaults, the calendar) ends by recording in SQLite's header field <c>user_version</c> a
/// fingerprint of the library build that did it (its module version id, which changes with the catalogue, the shipped
/// files, the scripts and the code that fills them) and of what it left stored: the scripts applied, the calendar's
/// days, holidays and working days, the shipped files in force and every <c>dim_indicator</c> row. The next open whose
/// fingerprint matches skips all of it; anything that changed one of them (another build, a bank holiday import, an
/// edit) makes the open a full one, which records the fingerprint again. On the seeds' warehouse that is about 0.5 of
/// the 1.3 processor seconds of a command that only reads (docs/performance.md, "The seeds").
/// </summary>
internal static class SqliteOpenFingerprint
{
    /// <summary>What a full open leaves stored, as one text (quote() keeps NULL apart from '' and reals exact).</summary>
    private const string StateSql = """
        SELECT (SELECT quote(COUNT(*)) FROM SchemaVersions)
            || char(10) || (SELECT quote(COUNT(*)) || ':' || quote(SUM(is_bank_holiday)) || ':' || quote(SUM(is_working_day)) FROM dim_date)
            || char(10) || (SELECT quote(group_concat(kind || ':' || sha256, ',')) FROM (SELECT kind, sha256 FROM ref_file_current WHERE scope = 'default' ORDER BY kind))
            || char(10) || (SELECT quote(group_concat(line, char(10))) FROM (
                SELECT quote(indicator_code) || '|' || quote(label) || '|' || quote(item) || '|' || quote(item_title) || '|' || quote(unit) || '|'
                       || quote(polarity) || '|' || quote(display_precision) || '|' || quote(national_value) || '|' || quote(national_period) || '|'
                       || quote(sort_order) AS line
                FROM dim_indicator ORDER BY indicator_code))
        """;

    /// <summary>This library build.</summary>
    public static Guid LibraryBuild { get; } = typeof(SqliteOpenFingerprint).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>Whether the file was last brought up to date by <paramref name="build"/> and nothing it filled changed since.</summary>
    public static async Task<bool> IsCurrentAsync(SqliteConnection connection, Guid build, CancellationToken cancellationToken)
    {
        var stored = await UserVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        if (stored == 0)
        {
            return false; // never recorded: a new file, or one no build with this check has opened
        }

        try
        {
            return stored == Of(build, await StateAsync(connection, cancellationToken).ConfigureAwait(false));
        }
        catch (SqliteException)
        {
            return false; // a table the state reads is missing: not a file this check recorded
        }
    }

    /// <summary>Records the fingerprint after a full open; writes nothing when it is already the one stored.</summary>
    public static async Task RecordAsync(SqliteConnection connection, Guid build, CancellationToken cancellationToken)
    {
        var fingerprint = Of(build, await StateAsync(connection, cancellationToken).ConfigureAwait(false));
        if (await UserVersionAsync(connection, cancellationToken).ConfigureAwait(false) != fingerprint)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {fingerprint}";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first 32 bits of SHA-256 over the build and the state; never 0, which means "not recorded".</summary>
    internal static int Of(Guid build, string state)
    {
        var hash = SHA256.HashData([.. build.ToByteArray(), .. Encoding.UTF8.GetBytes(state)]);
        var fingerprint = BinaryPrimitives.ReadInt32LittleEndian(hash);
        return fingerprint == 0 ? 1 : fingerprint;
    }

    private static async Task<string> StateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = StateSql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private static async Task<long> UserVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
