namespace PerfPipeline.Tests.Reliability;

using Microsoft.Data.Sqlite;

using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// Looks for a batch's person identifiers in clear wherever the pipeline writes: every table of the warehouse, every
/// report (errors.json, summary.txt and the validate reports) and the log and outcome texts. Matches whole tokens (runs
/// of letters and digits), so a hex pseudonym that happens to contain an identifier's digits is no false alarm.
/// </summary>
internal static class RawIdentifierScan
{
    private static readonly string[] ReportNames = ["errors.json", "summary.txt"];

    public static List<string> Find(IReadOnlySet<string> rawIds, string? databasePath, IEnumerable<string> reportFolders, IEnumerable<string?> texts)
    {
        var found = new List<string>();
        if (databasePath is not null && File.Exists(databasePath))
        {
            using var connection = new SqliteConnection(SqliteConnections.ConnectionString(databasePath));
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\"";
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        Check(rawIds, reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture), $"{table}.{reader.GetName(i)}", found);
                    }
                }
            }
        }

        foreach (var folder in reportFolders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(file);
                if (ReportNames.Contains(name) || (name.EndsWith(".json", StringComparison.Ordinal) && name != "manifest.json"))
                {
                    Check(rawIds, File.ReadAllText(file), file, found);
                }
            }
        }

        foreach (var text in texts)
        {
            Check(rawIds, text, "log or outcome", found);
        }

        return found;
    }

    private static void Check(IReadOnlySet<string> rawIds, string? text, string where, List<string> found)
    {
        if (text is null)
        {
            return;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isToken = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isToken && start < 0)
            {
                start = i;
            }
            else if (!isToken && start >= 0)
            {
                var token = text[start..i];
                if (rawIds.Contains(token))
                {
                    found.Add($"{token} in {where}");
                }

                start = -1;
            }
        }
    }
}
