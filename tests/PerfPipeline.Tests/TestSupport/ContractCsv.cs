namespace PerfPipeline.Tests.TestSupport;

using PerfPipeline.Extracts;

/// <summary>Valid CSV text for any dataset of the contract, built from the catalogue, for tests that cover every dataset.</summary>
internal static class ContractCsv
{
    /// <summary>The header naming every contract column of <paramref name="dataset"/>, except <paramref name="without"/>.</summary>
    public static string Header(DatasetContract dataset, string? without = null) =>
        string.Join(",", dataset.Columns.Where(c => c.Name != without).Select(c => c.Name));

    /// <summary>A valid value for every contract column, row <paramref name="n"/> getting its own identifiers.</summary>
    public static string[] ValidValues(DatasetContract dataset, int n) =>
        [.. dataset.Columns.Select(column => ValidValue(column, n))];

    public static string ValidValue(ColumnSpec column, int n) => column.Kind switch
    {
        ColumnKind.RecordId => $"{column.Name[..4].ToUpperInvariant()}{n:D4}",
        ColumnKind.PersonId => $"P{n:D4}",
        ColumnKind.Date => "2019-01-01",
        ColumnKind.Flag => "Y",
        ColumnKind.Code => column.Codes[0],
        ColumnKind.Number => "1.0",
        _ => "text",
    };

    /// <summary>A CSV of <paramref name="rows"/> valid rows (header first, LF line ends).</summary>
    public static string Valid(DatasetContract dataset, int rows)
    {
        var lines = new List<string> { Header(dataset) };
        for (var n = 1; n <= rows; n++)
        {
            lines.Add(string.Join(",", ValidValues(dataset, n)));
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>Every (dataset, column) pair where the column is required.</summary>
    public static TheoryData<string, string> RequiredColumns()
    {
        var data = new TheoryData<string, string>();
        foreach (var dataset in ExtractContract.Datasets)
        {
            // A derivable column (cppv_person_id, …) may be left out of the header: derived, or the dataset left out.
            foreach (var column in dataset.Columns.Where(c => c is { Required: true, DerivedFrom: null }))
            {
                data.Add(dataset.Name, column.Name);
            }
        }

        return data;
    }
}
