namespace PerfPipeline.Reference;

using System.Globalization;

using nietras.SeparatedValues;

using PerfPipeline.Batches;
using PerfPipeline.Calendar;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;

/// <summary>
/// Reads one reference CSV into its rows, checking every value: a file with any problem is refused whole, with each
/// problem named (file, row, column, value). An LA's own file may only speak of that LA.
/// </summary>
internal static class ReferenceCsv
{
    private const string IsoDate = "yyyy-MM-dd";

    public static ReferenceFile Parse(ReferenceFile file, ReadOnlyMemory<byte> content, List<ReferenceIssue> issues)
    {
        var before = issues.Count;
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        SepReader reader;
        try
        {
            reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All }).From(stream);
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentException or FormatException)
        {
            issues.Add(new ReferenceIssue(file.Path, null, null, null, $"not a readable CSV file: {exception.Message}"));
            return file;
        }

        using (reader)
        {
            var header = reader.Header.ColNames;
            var optional = file.Kind == ReferenceKind.Comparators ? new[] { "geography" } : [];
            var missing = file.Kind.Columns().Where(c => !header.Contains(c, StringComparer.Ordinal) && !optional.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                issues.Add(new ReferenceIssue(
                    file.Path, null, null, null,
                    $"the header lacks {string.Join(", ", missing)} (a {file.Kind.FileName()} has {string.Join(",", file.Kind.Columns())})"));
                return file;
            }

            var rows = new Rows(file, issues, header.ToHashSet(StringComparer.Ordinal));
            var number = 0;
            foreach (var row in reader)
            {
                number++;
                rows.Add(row, number);
            }

            return issues.Count > before ? file : rows.Complete();
        }
    }

    private sealed class Rows(ReferenceFile file, List<ReferenceIssue> issues, HashSet<string> header)
    {
        private readonly List<PopulationRow> _population = [];
        private readonly List<BankHoliday> _holidays = [];
        private readonly List<Comparator> _comparators = [];
        private readonly List<IndicatorTarget> _targets = [];
        private readonly List<CodeMapEntry> _codeMap = [];
        private readonly List<string> _roles = [];
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

        public void Add(SepReader.Row row, int number)
        {
            var cells = new Cells(file.Path, row, number, issues, header);
            switch (file.Kind)
            {
                case ReferenceKind.Population:
                    AddPopulation(cells);
                    break;
                case ReferenceKind.BankHolidays:
                    if (cells.Date("date") is { } date && cells.Text("title") is { } title && Unique(cells, "date", date.ToString(IsoDate, CultureInfo.InvariantCulture)))
                    {
                        _holidays.Add(new BankHoliday(date, title, cells.Optional("notes"), cells.Optional("source")));
                    }

                    break;
                case ReferenceKind.Comparators:
                    AddComparator(cells);
                    break;
                case ReferenceKind.Targets:
                    AddTarget(cells);
                    break;
                case ReferenceKind.CodeMap:
                    AddCodeMap(cells);
                    break;
                default:
                    if (cells.Text("role") is { } role && Unique(cells, "role", role))
                    {
                        _roles.Add(role);
                    }

                    break;
            }
        }

        public ReferenceFile Complete() => file with
        {
            Population = _population,
            BankHolidays = [.. _holidays.OrderBy(h => h.Date)],
            Comparators = _comparators,
            Targets = _targets,
            CodeMap = _codeMap,
            AllocatedRoles = _roles,
        };

        private void AddPopulation(Cells cells)
        {
            var la = cells.Text("la_code");
            if (la is not null && !BatchFileNames.IsLaCode(la))
            {
                cells.Problem("la_code", la, "an LA code is three digits");
                la = null;
            }
            else if (la is not null && file.Scope == ReferenceScope.La && la != file.LaCode)
            {
                cells.Problem("la_code", la, $"a file in LA {file.LaCode}'s folder may only hold LA {file.LaCode}'s rows");
                la = null;
            }

            var year = cells.Integer("year", 1900, 2200);
            var population = cells.Integer("population_0_17", 1, 100_000_000);
            if (la is not null && year is { } y && population is { } p && Unique(cells, "year", $"{la}|{y}"))
            {
                _population.Add(new PopulationRow(la, y, p));
            }
        }

        private void AddComparator(Cells cells)
        {
            var indicator = cells.Indicator("indicator");
            var geography = header.Contains("geography") ? cells.Text("geography") : Comparator.England;
            if (geography is not null && !IsGeography(geography))
            {
                cells.Problem("geography", geography, "a geography is England, region:<name> or statistical-neighbours");
                geography = null;
            }

            var period = cells.Text("period");
            var periodEnd = cells.Date("period_end");
            var value = cells.Decimal("value");
            var unit = cells.Optional("unit");
            if (indicator is not null && geography is not null && period is not null && periodEnd is { } end && value is { } v
                && Unique(cells, "period_end", $"{indicator}|{geography}|{end:yyyy-MM-dd}"))
            {
                _comparators.Add(new Comparator(indicator, geography, period, end, v, unit, cells.Optional("source_note")));
            }
        }

        private void AddTarget(Cells cells)
        {
            var indicator = cells.Indicator("indicator");
            var target = cells.Decimal("target");
            var tolerance = cells.Decimal("tolerance");
            if (tolerance < 0)
            {
                cells.Problem("tolerance", cells.Raw("tolerance"), "the amber band's width cannot be negative");
                tolerance = null;
            }

            var source = cells.Text("source");
            if (source is not null and not ("statutory" or "local"))
            {
                cells.Problem("source", source, "a target's source is statutory or local");
                source = null;
            }

            var from = cells.Date("from_date");
            if (indicator is not null && target is { } t && tolerance is { } band && source is not null && from is { } f
                && Unique(cells, "from_date", $"{indicator}|{f:yyyy-MM-dd}"))
            {
                _targets.Add(new IndicatorTarget(indicator, t, band, source, f));
            }
        }

        private void AddCodeMap(Cells cells)
        {
            var datasetName = cells.Text("dataset");
            var dataset = datasetName is null ? null : ExtractContract.Find(datasetName);
            if (datasetName is not null && dataset is null)
            {
                cells.Problem("dataset", datasetName, "not a dataset of the contract");
            }

            var column = cells.Text("column");
            if (dataset is not null && column is not null && dataset.IndexOf(column) < 0)
            {
                cells.Problem("column", column, $"not a column of {dataset.Name}");
                column = null;
            }

            var sourceValue = cells.Text("source_value");
            var code = cells.Text("code");
            if (dataset is not null && column is not null && sourceValue is not null && code is not null
                && Unique(cells, "source_value", $"{dataset.Name}|{column}|{sourceValue}"))
            {
                _codeMap.Add(new CodeMapEntry(dataset.Name, column, sourceValue, code));
            }
        }

        private bool Unique(Cells cells, string column, string key)
        {
            if (_keys.Add(key))
            {
                return true;
            }

            cells.Problem(column, cells.Raw(column), "repeats an earlier row");
            return false;
        }

        private static bool IsGeography(string geography) =>
            geography == Comparator.England || geography == "statistical-neighbours"
            || (geography.StartsWith("region:", StringComparison.Ordinal) && geography.Length > "region:".Length);
    }

    private readonly ref struct Cells(string path, SepReader.Row row, int number, List<ReferenceIssue> issues, HashSet<string> header)
    {
        private readonly SepReader.Row _row = row;

        public string Raw(string column) => _row[column].ToString();

        public string Optional(string column) => header.Contains(column) ? Raw(column) : string.Empty;

        public string? Text(string column)
        {
            var text = Raw(column);
            if (text.Length == 0)
            {
                Problem(column, text, "is empty");
                return null;
            }

            return text;
        }

        public DateOnly? Date(string column)
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Problem(column, text, "not a date (yyyy-MM-dd)");
            return null;
        }

        public int? Integer(string column, int min, int max)
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            Problem(column, text, $"not a whole number from {min} to {max}");
            return null;
        }

        public decimal? Decimal(string column)
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }

            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Problem(column, text, "not a number");
            return null;
        }

        public string? Indicator(string column)
        {
            var code = Text(column);
            if (code is not null && IndicatorCatalogue.Find(code) is null)
            {
                Problem(column, code, "not an indicator of the catalogue");
                return null;
            }

            return code;
        }

        public void Problem(string column, string? value, string reason) =>
            issues.Add(new ReferenceIssue(path, number, column, value, reason));
    }
}
