namespace PerfPipeline.Tests.Cli;

using System.Text.Json;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

using nietras.SeparatedValues;

using PerfPipeline.Privacy;
using PerfPipeline.Tests.TestSupport;

/// <summary><c>worklist</c>, <c>reidentify</c> and <c>dashboard --team</c> on the committed seeds, through the command line.</summary>
public sealed class WorkListCommandTests : IDisposable
{
    private static readonly string Seeds = RepositoryRoot.File("seeds", "extracts");
    private static readonly string NewestBatch = RepositoryRoot.File("seeds", "extracts", "872", "2019-09-30");

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));

    private string Database => _temp.File("data", "perfpipeline.db");

    [Fact]
    public async Task Reidentify_TheLasOwnIdentifiers_MapsTheWorkListsPseudonymsBackToThem()
    {
        await InvokeAsync("run", "--extracts", Seeds, "--db", Database);

        // The LA's list: the children on CP plans and every worker; children in care are left off.
        var personOfPlan = Rows("ssd_cp_plans.csv").ToDictionary(r => r["cppl_cp_plan_id"], r => r["cppl_person_id"]);
        var workers = Rows("ssd_involvements.csv").Select(r => r["invo_professional_id"]).Distinct().ToList();
        var ids = _temp.File("ids.txt");
        await File.WriteAllLinesAsync(ids, ["# children and workers", .. personOfPlan.Values.Distinct(), .. workers], TestContext.Current.CancellationToken);

        var (exitCode, output) = await InvokeAsync("reidentify", "--ids", ids, "--db", Database);

        Assert.Equal(0, exitCode);
        var rows = Parse(output);
        var planRows = rows.Where(r => r["kind"] is "cp_visit" or "cp_plan_18_months").ToList();
        Assert.NotEmpty(planRows);
        Assert.All(planRows, r => Assert.Equal(personOfPlan[r["item_id"]], r["child_id"]));
        Assert.All(rows.Where(r => r["kind"] == "cic_visit"), r => Assert.Equal(string.Empty, r["child_id"]));

        // Each identifier given back is the one whose keyed pseudonym the list carries, by the LA's key.
        using var pseudonymiser = new Pseudonymiser(PseudonymisationKey.LoadOrCreate(_temp.File("data", PseudonymisationKey.KeyFileName)));
        var workerRows = rows.Where(r => r["worker_id"].Length > 0).ToList();
        Assert.NotEmpty(workerRows);
        Assert.All(workerRows, r => Assert.Equal(r["worker_pseudonym"], pseudonymiser.Pseudonymise(r["worker_id"])));

        // The warehouse holds pseudonyms only: no listed identifier is stored as a key of the work list.
        await using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT person_key, worker_key FROM fact_work_item_current";
        using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var listed = personOfPlan.Values.Concat(workers).ToHashSet(StringComparer.Ordinal);
        var stored = 0;
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            stored++;
            Assert.DoesNotContain(reader.GetString(0), listed);
            Assert.Matches("^[0-9a-f]{32}$", reader.GetString(0));
        }

        Assert.Equal(rows.Count, stored);
    }

    [Fact]
    public async Task Reidentify_WithNoKey_RefusesRatherThanMakeOne()
    {
        var ids = _temp.File("ids.txt");
        await File.WriteAllTextAsync(ids, "100001\n", TestContext.Current.CancellationToken);

        var (exitCode, _) = await InvokeAsync("reidentify", "--ids", ids, "--db", Database);

        Assert.Equal(2, exitCode);
        Assert.False(File.Exists(_temp.File("data", PseudonymisationKey.KeyFileName)));
    }

    [Fact]
    public async Task WorkList_TeamAsCsv_ListsOnlyThatTeamsItemsAsAtTheNewestBatch()
    {
        await InvokeAsync("run", "--extracts", Seeds, "--db", Database);

        var (exitCode, output) = await InvokeAsync("worklist", "--team", "Child Protection", "--format", "csv", "--db", Database);
        var all = Parse((await InvokeAsync("worklist", "--format", "csv", "--db", Database)).Output);

        Assert.Equal(0, exitCode);
        var rows = Parse(output);
        Assert.NotEmpty(rows);
        Assert.True(rows.Count < all.Count);
        Assert.All(rows, r => Assert.Equal(("2019-09-30", "Child Protection"), (r["as_at"], r["team"])));
        Assert.Equal(all.Count(r => r["team"] == "Child Protection"), rows.Count);
        Assert.DoesNotContain("worker_id", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Team_ShowsTheTeamsFiguresTheLaOnlyMeasuresAndHowTheSumsHold()
    {
        await InvokeAsync("run", "--extracts", Seeds, "--db", Database);

        var (exitCode, output) = await InvokeAsync("dashboard", "--team", "Child Protection", "--format", "json", "--db", Database);
        using var la = JsonDocument.Parse((await InvokeAsync("dashboard", "--format", "json", "--db", Database)).Output);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var team = json.RootElement.GetProperty("team");
        Assert.Equal("Child Protection", team.GetProperty("key").GetString());
        Assert.Contains(team.GetProperty("la_only").EnumerateArray(), m => m.GetProperty("code").GetString() == "EH_REFERRALS");
        Assert.All(team.GetProperty("sums").EnumerateArray(), s => Assert.Equal(0m, s.GetProperty("numerator_difference").GetDecimal()));
        Assert.Equal("n/a", Measure(json.RootElement, "EH_REFERRALS").GetProperty("current").GetProperty("display").GetString());
        var teamPlans = Measure(json.RootElement, "CP_PLANS_CURRENT").GetProperty("current").GetProperty("value").GetDecimal();
        var laPlans = Measure(la.RootElement, "CP_PLANS_CURRENT").GetProperty("current").GetProperty("value").GetDecimal();
        Assert.InRange(teamPlans, 1, laPlans);
        Assert.False(la.RootElement.TryGetProperty("team", out _));
    }

    public void Dispose() => _temp.Dispose();

    private static JsonElement Measure(JsonElement root, string code) =>
        root.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray()).Single(m => m.GetProperty("code").GetString() == code);

    private static List<Dictionary<string, string>> Rows(string file)
    {
        using var reader = Sep.Reader().FromFile(Path.Combine(NewestBatch, file));
        return Read(reader);
    }

    private static List<Dictionary<string, string>> Parse(string csv)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(csv);
        return Read(reader);
    }

    private static List<Dictionary<string, string>> Read(SepReader reader)
    {
        var names = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                values[name] = row[name].ToString();
            }

            rows.Add(values);
        }

        return rows;
    }

    private Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        CliInvocation.InvokeAsync(args, _temp.File("data"), _clock, width: 250);
}
