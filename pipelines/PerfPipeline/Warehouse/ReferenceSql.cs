namespace PerfPipeline.Warehouse;

using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

using Dapper;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Reference;

/// <summary>
/// Reads and writes the reference tables (<c>sql/*/0009_reference.sql</c>) with plain SQL both dialects run; the
/// Azure SQL statements are compiled offline with the others (<c>SqlServerStatements.Shared</c>).
/// </summary>
internal static class ReferenceSql
{
    public const string CurrentFilesSql = """
        SELECT kind AS Kind, scope AS Scope, scope_la AS ScopeLa, sha256 AS Sha256
        FROM ref_file_current
        """;

    public const string NextImportSeqSql = "SELECT COALESCE(MAX(import_seq), 0) + 1 FROM ref_import";

    public const string InsertImportSql = """
        INSERT INTO ref_import (import_id, import_seq, origin, imported_at, manifest_sha256)
        VALUES (@ImportId, @ImportSeq, @Origin, @ImportedAt, @ManifestSha256)
        """;

    public const string InsertFileSql = """
        INSERT INTO ref_file (import_id, kind, scope, scope_la, file_path, sha256, row_count, source, published_on)
        VALUES (@ImportId, @Kind, @Scope, @ScopeLa, @FilePath, @Sha256, @RowCount, @Source, @PublishedOn)
        """;

    public const string InsertPopulationSql = """
        INSERT INTO ref_population (import_id, scope, scope_la, la_code, year, population_0_17)
        VALUES (@ImportId, @Scope, @ScopeLa, @LaCode, @Year, @Population)
        """;

    public const string InsertBankHolidaySql = """
        INSERT INTO ref_bank_holiday (import_id, scope, holiday_date, title, notes, source)
        VALUES (@ImportId, @Scope, @HolidayDate, @Title, @Notes, @Source)
        """;

    public const string InsertComparatorSql = """
        INSERT INTO ref_comparator (import_id, scope, indicator_code, geography, period_label, period_end, value, unit, source_note)
        VALUES (@ImportId, @Scope, @IndicatorCode, @Geography, @PeriodLabel, @PeriodEnd, @Value, @Unit, @SourceNote)
        """;

    public const string InsertTargetSql = """
        INSERT INTO ref_target (import_id, la_code, indicator_code, target, tolerance, source, from_date)
        VALUES (@ImportId, @LaCode, @IndicatorCode, @Target, @Tolerance, @Source, @FromDate)
        """;

    public const string InsertCodeMapSql = """
        INSERT INTO ref_code_map (import_id, la_code, dataset, column_name, source_value, code)
        VALUES (@ImportId, @LaCode, @Dataset, @ColumnName, @SourceValue, @Code)
        """;

    public const string InsertAllocatedRoleSql = """
        INSERT INTO ref_allocated_role (import_id, la_code, role) VALUES (@ImportId, @LaCode, @Role)
        """;

    /// <summary>The LAs with committed data, and the newest as_at of each: a recomputation is filed under it.</summary>
    public const string LoadedLasSql = """
        SELECT la_code AS LaCode, MAX(as_at) AS AsAt FROM audit_load WHERE status = 'loaded' GROUP BY la_code
        """;

    /// <summary>Links a recomputation load to its import (a replayed import's load is linked again: same row).</summary>
    public const string NameLoadSql = """
        DELETE FROM audit_load_reference WHERE load_id = @LoadId;
        INSERT INTO audit_load_reference (load_id, import_id) VALUES (@LoadId, @ImportId);
        """;

    public const string PopulationSql = """
        SELECT la_code AS LaCode, year AS Year, population_0_17 AS Population, import_id AS ImportId, scope AS Scope,
               file_path AS FilePath, source AS Source, published_on AS PublishedOn
        FROM ref_population_current
        """;

    public const string LaPopulationSql = PopulationSql + " WHERE la_code = @LaCode ORDER BY year";

    public const string BankHolidaysSql = """
        SELECT holiday_date AS HolidayDate, title AS Title, notes AS Notes, source AS Source
        FROM ref_bank_holiday_current
        ORDER BY holiday_date
        """;

    public const string ComparatorsSql = """
        SELECT indicator_code AS IndicatorCode, geography AS Geography, period_label AS PeriodLabel, period_end AS PeriodEnd,
               value AS Value, unit AS Unit, source_note AS SourceNote, import_id AS ImportId, scope AS Scope, file_path AS FilePath,
               source AS Source, published_on AS PublishedOn
        FROM ref_comparator_current
        ORDER BY indicator_code, geography, period_end
        """;

    public const string TargetsSql = """
        SELECT indicator_code AS IndicatorCode, target AS Target, tolerance AS Tolerance, source AS Source, from_date AS FromDate
        FROM ref_target_current
        WHERE la_code = @LaCode
        ORDER BY indicator_code, from_date
        """;

    public const string CodeMapSql = """
        SELECT dataset AS Dataset, column_name AS ColumnName, source_value AS SourceValue, code AS Code
        FROM ref_code_map_current
        WHERE la_code = @LaCode
        ORDER BY dataset, column_name, source_value
        """;

    public const string AllocatedRolesSql = "SELECT role FROM ref_allocated_role_current WHERE la_code = @LaCode ORDER BY role";

    public const string LatestImportSql = "SELECT import_id FROM ref_import WHERE import_seq = (SELECT MAX(import_seq) FROM ref_import)";

    public const string ImportsSql = """
        SELECT i.import_id AS ImportId, i.import_seq AS ImportSeq, i.origin AS Origin, i.imported_at AS ImportedAt,
               f.kind AS Kind, f.scope AS Scope, f.scope_la AS ScopeLa, f.file_path AS FilePath, f.sha256 AS Sha256, f.row_count AS FileRows
        FROM ref_import AS i
        JOIN ref_file AS f ON f.import_id = i.import_id
        ORDER BY i.import_seq DESC, f.kind, f.scope, f.scope_la
        """;

    /// <summary>What <c>reference show KIND</c> lists: the rows in force with the file and import they came from.</summary>
    public static string ShowSql(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Population => "SELECT la_code, year, population_0_17, scope, file_path, source, published_on, import_id FROM ref_population_current ORDER BY la_code, year",
        ReferenceKind.BankHolidays => "SELECT holiday_date, title, notes, source, scope, file_path, import_id FROM ref_bank_holiday_current ORDER BY holiday_date",
        ReferenceKind.Comparators => "SELECT indicator_code, geography, period_label, period_end, value, unit, source_note, scope, file_path, import_id FROM ref_comparator_current ORDER BY indicator_code, geography, period_end",
        ReferenceKind.Targets => "SELECT la_code, indicator_code, target, tolerance, source, from_date, file_path, import_id FROM ref_target_current ORDER BY la_code, indicator_code, from_date",
        ReferenceKind.CodeMap => "SELECT la_code, dataset, column_name, source_value, code, file_path, import_id FROM ref_code_map_current ORDER BY la_code, dataset, column_name, source_value",
        _ => "SELECT la_code, role, file_path, import_id FROM ref_allocated_role_current ORDER BY la_code, role",
    };

    /// <summary>Every file in force, newest import first.</summary>
    public const string ShowFilesSql = """
        SELECT kind, scope, scope_la, file_path, row_count, sha256, source, published_on, import_id, imported_at
        FROM ref_file_current
        ORDER BY kind, scope, scope_la
        """;

    /// <summary>
    /// The files of <paramref name="request"/> that differ from those in force (by SHA-256), numbered as the next import;
    /// null when every file is already in force.
    /// </summary>
    public static async Task<NewImport?> PlanAsync(
        DbConnection connection, DbTransaction transaction, ReferenceImportRequest request, CancellationToken cancellationToken)
    {
        var current = (await CurrentFilesAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
            .Select(f => (f.Kind, f.Scope, f.ScopeLa, f.Sha256))
            .ToHashSet();
        var changed = request.Files.Where(f => !current.Contains((f.Kind.Code(), f.Scope.Code(), f.ScopeLa, f.Sha256))).ToList();
        if (changed.Count == 0)
        {
            return null;
        }

        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(NextImportSeqSql, null, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var manifest = string.Join('\n', changed.Select(f => $"{f.Kind.Code()}|{f.Scope.Code()}|{f.ScopeLa}|{f.Sha256}").Prepend(seq.ToString(CultureInfo.InvariantCulture)));
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(manifest)));
        return new NewImport(string.Create(CultureInfo.InvariantCulture, $"ref-{seq:D6}-{sha256[..12]}"), seq, request.Origin, sha256, changed);
    }

    /// <summary>
    /// The LAs with committed data whose indicator values the import changes: population or bank holidays in force
    /// differ before and after, or the import brought one of the LA's own files.
    /// </summary>
    public static IReadOnlyList<LoadedLa> Touched(
        IReadOnlyList<LoadedLa> loaded, NewImport import,
        (ILookup<string, PopulationEstimate> Population, IReadOnlyList<BankHoliday> Holidays) before,
        (ILookup<string, PopulationEstimate> Population, IReadOnlyList<BankHoliday> Holidays) after)
    {
        var holidaysChanged = !before.Holidays.Select(h => h.Date).SequenceEqual(after.Holidays.Select(h => h.Date));
        var ownFiles = import.Files.Where(f => f.Scope == ReferenceScope.La).Select(f => f.LaCode).ToHashSet(StringComparer.Ordinal);
        return [.. loaded.Where(la => holidaysChanged || ownFiles.Contains(la.LaCode)
            || !before.Population[la.LaCode].Select(p => (p.Year, p.Population)).SequenceEqual(after.Population[la.LaCode].Select(p => (p.Year, p.Population))))];
    }

    /// <summary>What a recomputation load names as its source: the import and the kinds of file it brought.</summary>
    public static string SourceSystem(NewImport import) =>
        $"reference import {import.ImportId} ({string.Join(", ", import.Files.Select(f => f.Kind.FileName()).Distinct())})";

    public static async Task<IReadOnlyList<StoredFile>> CurrentFilesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<StoredFile>(new CommandDefinition(CurrentFilesSql, null, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Writes the import, its files and their rows.</summary>
    public static async Task WriteAsync(
        DbConnection connection, DbTransaction transaction, NewImport import, object importedAt, Func<DateOnly, object> date, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var (importId, seq, origin, sha256, files) = import;
        await Execute(InsertImportSql, new { ImportId = importId, ImportSeq = seq, Origin = origin, ImportedAt = importedAt, ManifestSha256 = sha256 })
            .ConfigureAwait(false);
        foreach (var file in files)
        {
            var scope = file.Scope.Code();
            await Execute(InsertFileSql, new
            {
                ImportId = importId,
                Kind = file.Kind.Code(),
                Scope = scope,
                file.ScopeLa,
                FilePath = file.Path,
                file.Sha256,
                RowCount = file.Rows,
                file.Source,
                PublishedOn = file.PublishedOn is { } published ? date(published) : null,
            }).ConfigureAwait(false);
            switch (file.Kind)
            {
                case ReferenceKind.Population:
                    await Execute(InsertPopulationSql, file.Population.Select(p => new
                    {
                        ImportId = importId,
                        Scope = scope,
                        file.ScopeLa,
                        p.LaCode,
                        p.Year,
                        Population = p.Population0To17,
                    })).ConfigureAwait(false);
                    break;
                case ReferenceKind.BankHolidays:
                    await Execute(InsertBankHolidaySql, file.BankHolidays.Select(h => new
                    {
                        ImportId = importId,
                        Scope = scope,
                        HolidayDate = date(h.Date),
                        h.Title,
                        h.Notes,
                        h.Source,
                    })).ConfigureAwait(false);
                    break;
                case ReferenceKind.Comparators:
                    await Execute(InsertComparatorSql, file.Comparators.Select(c => new
                    {
                        ImportId = importId,
                        Scope = scope,
                        c.IndicatorCode,
                        c.Geography,
                        PeriodLabel = c.Period,
                        PeriodEnd = date(c.PeriodEnd),
                        c.Value,
                        c.Unit,
                        c.SourceNote,
                    })).ConfigureAwait(false);
                    break;
                case ReferenceKind.Targets:
                    await Execute(InsertTargetSql, file.Targets.Select(t => new
                    {
                        ImportId = importId,
                        LaCode = file.LaCode,
                        t.IndicatorCode,
                        t.Target,
                        t.Tolerance,
                        t.Source,
                        FromDate = date(t.FromDate),
                    })).ConfigureAwait(false);
                    break;
                case ReferenceKind.CodeMap:
                    await Execute(InsertCodeMapSql, file.CodeMap.Select(m => new
                    {
                        ImportId = importId,
                        LaCode = file.LaCode,
                        m.Dataset,
                        ColumnName = m.Column,
                        m.SourceValue,
                        m.Code,
                    })).ConfigureAwait(false);
                    break;
                default:
                    await Execute(InsertAllocatedRoleSql, file.AllocatedRoles.Select(r => new { ImportId = importId, LaCode = file.LaCode, Role = r }))
                        .ConfigureAwait(false);
                    break;
            }
        }

        Task<int> Execute(string sql, object parameters) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Every LA's population in force, and the bank holidays: what a recomputation compares before and after.</summary>
    public static async Task<(ILookup<string, PopulationEstimate> Population, IReadOnlyList<BankHoliday> Holidays)> InForceAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var population = await connection.QueryAsync<PopulationRecord>(new CommandDefinition(PopulationSql, null, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var holidays = await ReadHolidaysAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        return (population.ToLookup(p => p.LaCode, p => p.ToEstimate(), StringComparer.Ordinal), holidays);
    }

    public static async Task<IReadOnlyList<LoadedLa>> LoadedLasAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var rows = await connection.QueryAsync<LoadedLa>(new CommandDefinition(LoadedLasSql, null, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return rows.AsList();
    }

    public static async Task<IReadOnlyList<PopulationEstimate>> ReadPopulationAsync(
        DbConnection connection, DbTransaction? transaction, string laCode, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var rows = await connection.QueryAsync<PopulationRecord>(new CommandDefinition(
            LaPopulationSql, new { LaCode = laCode }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToEstimate())];
    }

    public static async Task<IReadOnlyList<BankHoliday>> ReadHolidaysAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var rows = await connection.QueryAsync<HolidayRecord>(new CommandDefinition(BankHolidaysSql, null, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return [.. rows.Select(h => new BankHoliday(h.HolidayDate, h.Title, h.Notes, h.Source))];
    }

    /// <summary>The reference data in force for one LA: what the dashboard, the report and the reader use.</summary>
    public static async Task<LaReference> ReadLaAsync(DbConnection connection, string laCode, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var parameters = new { LaCode = laCode };
        var population = await ReadPopulationAsync(connection, null, laCode, cancellationToken).ConfigureAwait(false);
        var holidays = await ReadHolidaysAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var comparators = await connection.QueryAsync<ComparatorRecord>(new CommandDefinition(ComparatorsSql, null, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var targets = await connection.QueryAsync<TargetRecord>(new CommandDefinition(TargetsSql, parameters, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var codeMap = await connection.QueryAsync<CodeMapRecord>(new CommandDefinition(CodeMapSql, parameters, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var roles = await connection.QueryAsync<string>(new CommandDefinition(AllocatedRolesSql, parameters, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return new LaReference
        {
            LaCode = laCode,
            Population = population,
            BankHolidays = holidays,
            Comparators = [.. comparators.Select(c => new SourcedComparator(
                new Comparator(c.IndicatorCode, c.Geography, c.PeriodLabel, c.PeriodEnd, c.Value, c.Unit, c.SourceNote),
                new ReferenceProvenance(c.ImportId, ReferenceKinds.ParseScope(c.Scope), c.FilePath, c.Source, c.PublishedOn)))],
            Targets = [.. targets.Select(t => new IndicatorTarget(t.IndicatorCode, t.Target, t.Tolerance, t.Source, t.FromDate))],
            CodeMap = [.. codeMap.Select(m => new CodeMapEntry(m.Dataset, m.ColumnName, m.SourceValue, m.Code))],
            AllocatedRoles = roles.AsList(),
        };
    }

    public static Task<string?> LatestImportAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(LatestImportSql, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<ReferenceImportRecord>> ListImportsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var rows = await connection.QueryAsync<ImportFileRecord>(new CommandDefinition(ImportsSql, null, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return [.. rows.GroupBy(r => r.ImportId, StringComparer.Ordinal).Select(g => new ReferenceImportRecord(
            g.Key,
            g.First().Origin,
            Timestamp(g.First().ImportedAt),
            [.. g.Select(f => new ReferenceFileRecord(f.Kind, f.Scope, f.ScopeLa.Length == 0 ? null : f.ScopeLa, f.FilePath, f.Sha256, checked((int)f.FileRows)))]))];
    }

    /// <summary>A generic listing: column names and each row's values as text.</summary>
    public static async Task<ReferenceListing> ListAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<IReadOnlyList<string?>>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var values = new string?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : Text(reader.GetValue(i));
                }

                rows.Add(values);
            }

            return new ReferenceListing(columns, rows);
        }
    }

    private static string Text(object value) => value switch
    {
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.############", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static DateTimeOffset Timestamp(object value) => value switch
    {
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        _ => DateTimeOffset.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
    };

    /// <summary>An import about to be written: its id and number, origin, the hash naming it, and the changed files.</summary>
    internal sealed record NewImport(string ImportId, long ImportSeq, string Origin, string Sha256, IReadOnlyList<ReferenceFile> Files);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    internal sealed record StoredFile(string Kind, string Scope, string ScopeLa, string Sha256);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    internal sealed record LoadedLa(string LaCode, DateOnly AsAt);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record PopulationRecord(
        string LaCode, long Year, long Population, string ImportId, string Scope, string FilePath, string? Source, DateOnly? PublishedOn)
    {
        public PopulationEstimate ToEstimate() => new(checked((int)Year), checked((int)Population))
        {
            Source = new ReferenceProvenance(ImportId, ReferenceKinds.ParseScope(Scope), FilePath, Source, PublishedOn),
        };
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record HolidayRecord(DateOnly HolidayDate, string Title, string Notes, string Source);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record ComparatorRecord(
        string IndicatorCode, string Geography, string PeriodLabel, DateOnly PeriodEnd, decimal Value, string Unit, string SourceNote,
        string ImportId, string Scope, string FilePath, string? Source, DateOnly? PublishedOn);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record TargetRecord(string IndicatorCode, decimal Target, decimal Tolerance, string Source, DateOnly FromDate);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record CodeMapRecord(string Dataset, string ColumnName, string SourceValue, string Code);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed class ImportFileRecord
    {
        public string ImportId { get; set; } = string.Empty;

        public long ImportSeq { get; set; }

        public string Origin { get; set; } = string.Empty;

        /// <summary>Text in SQLite, datetime2 in SQL Server.</summary>
        public object ImportedAt { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;

        public string Scope { get; set; } = string.Empty;

        public string ScopeLa { get; set; } = string.Empty;

        public string FilePath { get; set; } = string.Empty;

        public string Sha256 { get; set; } = string.Empty;

        public long FileRows { get; set; }
    }
}
