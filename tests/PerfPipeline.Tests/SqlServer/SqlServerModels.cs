namespace PerfPipeline.Tests.SqlServer;

using System.Text.RegularExpressions;

using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;

using PerfPipeline.Warehouse.SqlServer;

/// <summary>DacFx models of the Azure SQL warehouse, built offline from the embedded migrations.</summary>
internal static class SqlServerModels
{
    /// <summary>
    /// A new Azure SQL model holding every migration script, as a database they had been applied to. A model holds
    /// objects, not changes: a later script's <c>ALTER TABLE … ALTER COLUMN c type [NOT] NULL</c> is folded into the
    /// table's <c>CREATE TABLE</c> (the column given that type and nullability there), a later <c>ALTER VIEW</c> replaces
    /// the view's <c>CREATE VIEW</c>, and its view refreshes dropped, before the scripts are added.
    /// </summary>
    public static TSqlModel FromMigrations()
    {
        var model = new TSqlModel(SqlServerVersion.SqlAzure, new TSqlModelOptions());
        foreach (var text in FoldColumnAlterations([.. SqlServerMigrations.Scripts().Select(s => s.Text)]))
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                model.AddObjects(text);
            }
        }

        return model;
    }

    /// <summary>
    /// The scripts with every <c>ALTER COLUMN</c> removed and applied to its table's <c>CREATE TABLE</c>, every
    /// <c>ADD column … NULL</c> appended to it, last, as SQL Server adds it (the model takes columns from CREATE TABLE
    /// only), and every <c>sp_refreshview</c> (which changes no object) removed.
    /// </summary>
    public static List<string> FoldColumnAlterations(IReadOnlyList<string> scripts)
    {
        var alteration = new Regex(
            @"^ALTER TABLE (?<table>[\w.]+) ALTER COLUMN (?<column>\w+) (?<type>[^;]+?) (?<nullability>NOT NULL|NULL);\r?\n",
            RegexOptions.Multiline);
        var addition = new Regex(@"^ALTER TABLE (?<table>[\w.]+) ADD (?<definition>\w+ [^;]+? NULL);\r?\n", RegexOptions.Multiline);
        var refresh = new Regex(@"^EXEC sys\.sp_refreshview N'[\w.]+';\r?\n", RegexOptions.Multiline);
        var viewAlteration = new Regex(@"^ALTER VIEW (?<view>[\w.]+) AS\r?\n(?<body>.*?)^GO\r?\n", RegexOptions.Multiline | RegexOptions.Singleline);
        var folded = scripts.ToList();
        for (var i = 0; i < folded.Count; i++)
        {
            foreach (Match match in viewAlteration.Matches(folded[i]))
            {
                var view = match.Groups["view"].Value;
                var created = folded.FindIndex(s => s.Contains($"CREATE VIEW {view} AS", StringComparison.Ordinal));
                Assert.True(created >= 0 && created < i, $"{view} is altered before it is created");
                var start = folded[created].IndexOf($"CREATE VIEW {view} AS", StringComparison.Ordinal);
                var end = Regex.Match(folded[created][start..], @"^GO\r?$", RegexOptions.Multiline);
                Assert.True(end.Success, $"{view}: no GO after its CREATE VIEW");
                folded[created] = folded[created][..start] + $"CREATE VIEW {view} AS\n{match.Groups["body"].Value}" + folded[created][(start + end.Index)..];
            }

            folded[i] = viewAlteration.Replace(folded[i], string.Empty);
            foreach (Match match in addition.Matches(folded[i]))
            {
                var (created, start) = CreateTable(folded, match.Groups["table"].Value, i);
                var end = folded[created].IndexOf("\n);", start, StringComparison.Ordinal);
                folded[created] = folded[created][..end] + $",\n    {match.Groups["definition"].Value}" + folded[created][end..];
            }

            folded[i] = addition.Replace(folded[i], string.Empty);
            foreach (Match match in alteration.Matches(folded[i]))
            {
                var column = match.Groups["column"].Value;
                var (created, start) = CreateTable(folded, match.Groups["table"].Value, i);
                var end = folded[created].IndexOf(");", start, StringComparison.Ordinal);
                var definition = folded[created][start..end];
                var line = new Regex($@"^(?<head>\s+{column}\s+)\S.*?(?<tail>\s+)(NOT NULL|NULL)", RegexOptions.Multiline);
                Assert.Matches(line, definition);
                var altered = line.Replace(definition, $"${{head}}{match.Groups["type"].Value}${{tail}}{match.Groups["nullability"].Value}", 1);
                folded[created] = folded[created][..start] + altered + folded[created][end..];
            }

            folded[i] = Regex.Replace(
                refresh.Replace(alteration.Replace(folded[i], string.Empty), string.Empty), @"^GO\r?\n(\s*GO\r?\n)+", "GO\n", RegexOptions.Multiline);
            if (folded[i].Split('\n').All(l => string.IsNullOrWhiteSpace(l) || l.StartsWith("--", StringComparison.Ordinal) || l.Trim() == "GO"))
            {
                folded[i] = string.Empty;
            }
        }

        return folded;
    }

    /// <summary>Which earlier script creates <paramref name="table"/>, and where its <c>CREATE TABLE</c> starts.</summary>
    private static (int Script, int Start) CreateTable(List<string> scripts, string table, int alteredIn)
    {
        var created = scripts.FindIndex(s => s.Contains($"CREATE TABLE {table} (", StringComparison.Ordinal));
        Assert.True(created >= 0 && created < alteredIn, $"{table} is altered before it is created");
        return (created, scripts[created].IndexOf($"CREATE TABLE {table} (", StringComparison.Ordinal));
    }

    /// <summary>The model's errors and warnings, one line each (<c>SQL71502: …</c>).</summary>
    public static List<string> Problems(TSqlModel model) =>
        [.. model.Validate()
            .Where(m => m.MessageType is DacMessageType.Error or DacMessageType.Warning)
            .Select(m => $"{m.Prefix}{m.Number}: {m.Message}")];

    /// <summary>User tables or views, by name without brackets (<c>dbo.audit_load</c>, <c>pbi.load</c>), with their columns in order.</summary>
    public static Dictionary<string, List<TSqlObject>> Columns(TSqlModel model, ModelTypeClass type, ModelRelationshipClass columns) =>
        model.GetObjects(DacQueryScopes.UserDefined, type)
            .ToDictionary(o => string.Join('.', o.Name.Parts), o => o.GetReferenced(columns).ToList(), StringComparer.Ordinal);

    public static string ColumnName(TSqlObject column) => column.Name.Parts[^1];
}
