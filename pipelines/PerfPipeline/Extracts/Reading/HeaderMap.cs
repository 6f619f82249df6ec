namespace PerfPipeline.Extracts;

/// <summary>
/// Where each contract column is in a file: maps the header's names (trimmed, any case) to the contract's columns.
/// Columns outside the contract are left unmapped and never read. A contract column named twice, or a required
/// column (one not derived after reading) missing, rejects the header.
/// </summary>
internal sealed class HeaderMap
{
    private readonly IReadOnlyList<ColumnSpec> _columns;
    private readonly int[] _fieldOfColumn;

    private HeaderMap(IReadOnlyList<ColumnSpec> columns, int[] fieldOfColumn, int fieldCount, bool rejected)
    {
        _columns = columns;
        _fieldOfColumn = fieldOfColumn;
        FieldCount = fieldCount;
        Rejected = rejected;
    }

    /// <summary>The header's field count: every record must have as many.</summary>
    public int FieldCount { get; }

    /// <summary>The header cannot be read by the contract: every data row is rejected.</summary>
    public bool Rejected { get; }

    /// <summary>No header read (or one that cannot be read): no column is mapped.</summary>
    public static HeaderMap Unmapped(DatasetContract contract, bool rejected = false) =>
        new(contract.Columns, NoFields(contract.Columns.Count), 0, rejected);

    /// <summary>
    /// Maps a header record, reporting what rejects it, and sets the CSV reader's per-field limits: a quoted value
    /// may run no longer than its column's limit, and only text may hold line breaks.
    /// </summary>
    public static HeaderMap Map(DatasetContract contract, CsvRecordReader header, FileIssues issues)
    {
        var columns = contract.Columns;
        var fieldOfColumn = NoFields(columns.Count);
        var rejected = false;
        for (var field = 0; field < header.FieldCount; field++)
        {
            var column = ColumnNamed(columns, header[field].Trim());
            if (column < 0)
            {
                continue;
            }

            if (fieldOfColumn[column] >= 0)
            {
                issues.FileError(ValidationRule.ColumnNamedTwice, columns[column].Name, "the header names this contract column more than once");
                rejected = true;
                continue;
            }

            fieldOfColumn[column] = field;
        }

        for (var column = 0; column < columns.Count; column++)
        {
            if (columns[column] is { Required: true, DerivedFrom: null } && fieldOfColumn[column] < 0)
            {
                issues.FileError(ValidationRule.RequiredColumnMissing, columns[column].Name, "a required column is missing from the header");
                rejected = true;
            }
        }

        var limits = new int[header.FieldCount];
        var lineBreaks = new CsvLineBreaks[header.FieldCount];
        Array.Fill(limits, ExtractContract.MaxRecordLength);
        for (var column = 0; column < columns.Count; column++)
        {
            if (fieldOfColumn[column] >= 0)
            {
                limits[fieldOfColumn[column]] = columns[column].MaxLength;
                lineBreaks[fieldOfColumn[column]] = columns[column].AllowsLineBreaks ? CsvLineBreaks.NoCommaAfterBreak : CsvLineBreaks.None;
            }
        }

        header.SetFieldLimits(limits, lineBreaks);
        return new HeaderMap(columns, fieldOfColumn, header.FieldCount, rejected);
    }

    /// <summary>The record field holding a contract column; -1 when the header does not name it.</summary>
    public int FieldOf(int column) => _fieldOfColumn[column];

    /// <summary>
    /// Why a record the CSV reader could not frame is rejected: too long, or a quote that does not close within its
    /// column's limit.
    /// </summary>
    public string Unframed(CsvRecordReader row)
    {
        if (row.Framing == CsvFraming.RecordTooLong)
        {
            return $"the record starting on line {row.Line} is longer than {ExtractContract.MaxRecordLength} characters; reading resumes on the next line";
        }

        var column = Array.IndexOf(_fieldOfColumn, row.QuoteField);
        var limit = column >= 0 ? Math.Min(_columns[column].MaxLength, ExtractContract.MaxRecordLength) : ExtractContract.MaxRecordLength;
        var where = column < 0 ? $"within {limit} characters"
            : _columns[column].AllowsLineBreaks ? $"within {limit} characters, or runs on over lines that hold commas"
            : $"on that line within {limit} characters";
        return $"the quote opened on line {row.QuoteLine} in {FieldName(row.QuoteField)} does not close {where}; " +
            $"the record is rejected and reading resumes on line {row.QuoteLine + 1}";
    }

    private string FieldName(int field)
    {
        var column = Array.IndexOf(_fieldOfColumn, field);
        return column >= 0 ? _columns[column].Name : $"field {field + 1}";
    }

    private static int[] NoFields(int columns)
    {
        var fields = new int[columns];
        Array.Fill(fields, -1);
        return fields;
    }

    private static int ColumnNamed(IReadOnlyList<ColumnSpec> columns, ReadOnlySpan<char> name)
    {
        for (var column = 0; column < columns.Count; column++)
        {
            if (name.Equals(columns[column].Name, StringComparison.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        return -1;
    }
}
