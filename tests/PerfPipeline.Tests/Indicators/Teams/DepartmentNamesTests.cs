namespace PerfPipeline.Tests.Indicators.Teams;

using System.Text;
using System.Text.Json;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

using nietras.SeparatedValues;

using PerfPipeline.Api;
using PerfPipeline.Batches;
using PerfPipeline.Dashboard;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Loading;
using PerfPipeline.Reporting;
using PerfPipeline.Tests.Cli;
using PerfPipeline.Tests.Ssd;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// Teams keyed by the department id, the name an attribute (<c>ssd_department</c>, docs/teams.md): a batch with team ids
/// and no department list shows the ids; a later batch with the list shows the names on the same series with the same
/// figures; a rename shows the new name and splits nothing. Real SQLite, through the command line.
/// </summary>
public sealed class DepartmentNamesTests : IDisposable
{
    private const string La = "997";
    private const string Header = "dept_team_id,dept_team_name,dept_team_parent_id";

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 12, 15, 12, 0, 0, TimeSpan.Zero));

    private string Extracts => _temp.File("extracts");

    private string Database => _temp.File("data", "perfpipeline.db");

    [Fact]
    public async Task DepartmentList_ArrivingThenRenamingATeam_NamesTheSameSeriesAndMovesNoFigure()
    {
        // 1. Team ids and no department list: the ids are shown, as before.
        SsdWorld.WriteCurrentShape(Extracts, La, "2019-09-30", withoutDepartments: true);
        await RunAsync();
        var figures = await CompleteTeamFiguresAsync();
        Assert.Equal(["(none)", "40", "41"], figures.Select(f => f.TeamKey).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(0, (await Warehouse().ReadTeamNamesAsync(La, TestContext.Current.CancellationToken)).Count);
        await AssertTeamAsync("40", label: "40", name: null, parent: null);
        await AssertWorkListAsync(("40", "40"), ("41", "41"));
        Assert.Equal([("40", "40"), ("41", "41")], PbiLabels("pbi_team_indicator_value"));

        // 2. A later batch carrying the department list: the names on the same keys, every figure unchanged.
        SsdWorld.WriteCurrentShape(Extracts, La, "2019-10-31");
        await RunAsync();
        Assert.Equal(figures, await CompleteTeamFiguresAsync());
        await AssertTeamAsync("40", label: "Assessment Team North", name: "Assessment Team North", parent: ("10", "Children's Social Care"));
        await AssertWorkListAsync(("40", "Assessment Team North"), ("41", "Children in Care"));
        Assert.Equal([("40", "Assessment Team North"), ("41", "Children in Care")], PbiLabels("pbi_team_indicator_value"));
        Assert.Contains(("40", "Assessment Team North"), PbiLabels("pbi_work_item"));
        Assert.Equal("Children's Social Care", PbiTeamParent("40"));

        // 3. A rename, and a list that leaves team 41 out: the new name, 41 keeps its last one, nothing splits. Two
        //    departments sharing a name are told apart by their ids; one with no name is shown by its id.
        SsdWorld.WriteCurrentShape(Extracts, La, "2019-11-30", departments: $"""
            {Header}
            10,Children's Social Care,
            40,Front Door,10
            50,Duty,10
            51,Duty,10
            52,,10
            """);
        await RunAsync();
        Assert.Equal(figures, await CompleteTeamFiguresAsync());
        await AssertTeamAsync("40", label: "Front Door", name: "Front Door", parent: ("10", "Children's Social Care"));
        await AssertTeamAsync("41", label: "Children in Care", name: "Children in Care", parent: ("10", "Children's Social Care"));
        await AssertWorkListAsync(("40", "Front Door"), ("41", "Children in Care"));
        Assert.Equal([("40", "Front Door"), ("41", "Children in Care")], PbiLabels("pbi_team_indicator_value"));
        var names = await Warehouse().ReadTeamNamesAsync(La, TestContext.Current.CancellationToken);
        Assert.Equal(["Duty (50)", "Duty (51)", "52"], new[] { "50", "51", "52" }.Select(names.Label));

        // The served page and the work list JSON: the picker offers the names with the keys as values, the team's
        // title its parent, the work list its name; the key still chooses the team.
        var api = Api();
        var page = Encoding.UTF8.GetString((await api.GetDashboardPageAsync(La, null, "40", "chart.js", TestContext.Current.CancellationToken)).Body.Span);
        Assert.Contains("<option value=\"40\" selected>Front Door</option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"41\">Children in Care</option>", page, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"team\">Front Door</strong>, part of <span id=\"team-parent\">Children&#x27;s Social Care</span>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Front Door</td>", page, StringComparison.Ordinal);
        using var list = JsonDocument.Parse((await api.GetWorkListAsync(La, "40", null, TestContext.Current.CancellationToken)).Body.ToArray());
        Assert.Equal(("40", "Front Door"), (list.RootElement.GetProperty("team").GetString(), list.RootElement.GetProperty("team_label").GetString()));
        var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(("40", "Front Door"), (i.GetProperty("team").GetString(), i.GetProperty("team_label").GetString())));
    }

    [Fact]
    public void Choices_WithNames_AreLabelledAndOrderedByNameWithNoTeamRecordedLast()
    {
        var period = PerfPipeline.Calendar.Period.Quarter(2019, 2);
        var values = new[] { "41", "(none)", "40", "7" }
            .Select(t => new TeamIndicatorValue(La, t, PerfPipeline.Indicators.IndicatorCodes.CscReferrals, period, 1, null, 1))
            .ToList();
        var names = new TeamNames([new("40", "Front Door", "10", "Front Door"), new("41", "Children in Care", "10", "Children in Care")]);

        var sut = TeamDashboard.Choices(values, names);

        DashboardChoice[] expected = [new("7", "7"), new("41", "Children in Care"), new("40", "Front Door"), new("(none)", "No team recorded")];
        Assert.Equal(expected, sut);
        Assert.Equal(["40", "41", "7", "No team recorded"], TeamDashboard.Choices(values, TeamNames.None).Select(c => c.Label));
    }

    public void Dispose() => _temp.Dispose();

    private async Task RunAsync()
    {
        var (exitCode, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        Assert.True(exitCode == 0, output);
    }

    /// <summary>Every figure by team of the periods complete in all three batches, in one order.</summary>
    private async Task<List<(string TeamKey, string Code, string Period, decimal? Numerator, decimal? Denominator, decimal? Value)>> CompleteTeamFiguresAsync()
    {
        var values = await Warehouse().ReadCurrentTeamValuesAsync(La, TestContext.Current.CancellationToken);
        Assert.NotEmpty(values);
        return [.. values.Where(v => v.Period.End <= new DateOnly(2019, 9, 30))
            .Select(v => (v.TeamKey, v.IndicatorCode, $"{v.Period.Type}:{v.Period.Code}", v.Numerator, v.Denominator, v.Value))
            .Order()];
    }

    private async Task AssertTeamAsync(string key, string label, string? name, (string Key, string Label)? parent)
    {
        var (exitCode, output) = await InvokeAsync("dashboard", "--team", key, "--format", "json", "--db", Database);
        Assert.True(exitCode == 0, output);
        using var json = JsonDocument.Parse(output);
        var team = json.RootElement.GetProperty("team");
        Assert.Equal((key, label), (team.GetProperty("key").GetString(), team.GetProperty("label").GetString()));
        Assert.Equal(name, team.GetProperty("name").GetString());
        Assert.Equal(parent?.Key, team.GetProperty("parent_key").GetString());
        Assert.Equal(parent?.Label, team.GetProperty("parent_label").GetString());
    }

    /// <summary>The work list CSV shows each team by its label and keeps its key.</summary>
    private async Task AssertWorkListAsync(params (string Key, string Label)[] teams)
    {
        var (exitCode, output) = await InvokeAsync("worklist", "--format", "csv", "--db", Database);
        Assert.True(exitCode == 0, output);
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(output);
        var rows = reader.Enumerate(r => (Key: r["team_key"].ToString(), Label: r["team"].ToString())).ToList();
        foreach (var team in teams)
        {
            Assert.Contains(team, rows);
            Assert.All(rows.Where(r => r.Key == team.Key), r => Assert.Equal(team.Label, r.Label));
        }
    }

    private List<(string Key, string Label)> PbiLabels(string view) =>
        Query($"SELECT DISTINCT team_key, team_label FROM {view} WHERE la_code = '{La}' AND team_key <> '(none)' ORDER BY team_key",
            r => (r.GetString(0), r.GetString(1)));

    private string? PbiTeamParent(string key) =>
        Query($"SELECT parent_team_label FROM pbi_team WHERE la_code = '{La}' AND team_key = '{key}'", r => r.IsDBNull(0) ? null : r.GetString(0)).Single();

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection(SqliteConnections.ConnectionString(Database));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private SqliteWarehouse Warehouse() => new(Database, _ => [], _clock);

    private PerfPipelineApi Api()
    {
        var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = Extracts,
            ArchiveRoot = _temp.File("data", "archive"),
            QuarantineRoot = _temp.File("data", "quarantine"),
        });
        var warehouse = Warehouse();
        return new PerfPipelineApi(warehouse, source, new BatchLoader(source, warehouse, new ExtractReader(TestKeys.NewKey(), _clock), _clock), CommentaryStores.Sqlite(Database), _clock);
    }

    private Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        CliInvocation.InvokeAsync(args, _temp.File("data"), _clock, width: 250);
}
