namespace PerfPipeline.Tests.Infra;

using System.Text.Json;

[Collection(SharedCompilation.Name)]
public sealed class BicepCompilationTests(CompiledTemplate compiled)
{
    private const string AdministratorLogin = "PERFPIPELINE_SQL_ADMIN_LOGIN";
    private const string AdministratorObjectId = "PERFPIPELINE_SQL_ADMIN_OBJECT_ID";
    private const string OperatorObjectId = "PERFPIPELINE_OPERATOR_OBJECT_ID";

    public static TheoryData<string> Environments => new() { "dev", "prod" };

    [Fact]
    public void Build_MainTemplate_SucceedsWithoutDiagnostics()
    {
        Assert.Equal(0, compiled.Build.ExitCode);
        Assert.Empty(SarifDiagnostics.Read(compiled.Build));
        Assert.NotEmpty(compiled.OfType("Microsoft.Web/sites"));
    }

    [Fact]
    public async Task Lint_EveryBicepAndParameterFile_ReportsNothing()
    {
        var sut = BicepCli.Locate();

        var run = await sut.RunAsync(
            ["lint", "--pattern", Path.Combine(RepositoryRoot.File("infra"), "**", "*.bicep*")],
            IdentityEnvironment(Guid.NewGuid().ToString()),
            TestContext.Current.CancellationToken);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(SarifDiagnostics.Read(run));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task BuildParams_Environment_CompilesWithIdentitiesFromTheEnvironment(string environmentName)
    {
        var sut = BicepCli.Locate();
        var administratorObjectId = Guid.NewGuid().ToString();
        var output = Directory.CreateTempSubdirectory("perfpipeline-bicepparam-");
        try
        {
            var parameters = Path.Combine(output.FullName, $"{environmentName}.parameters.json");

            var run = await sut.RunAsync(
                ["build-params", RepositoryRoot.File("infra", "parameters", $"{environmentName}.bicepparam"), "--outfile", parameters],
                IdentityEnvironment(administratorObjectId),
                TestContext.Current.CancellationToken);

            Assert.Equal(0, run.ExitCode);
            Assert.Empty(SarifDiagnostics.Read(run));
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(parameters, TestContext.Current.CancellationToken));
            var values = document.RootElement.GetProperty("parameters");
            Assert.Equal(environmentName, values.GetProperty("environmentName").GetProperty("value").GetString());
            Assert.Equal(administratorObjectId, values.GetProperty("sqlAdministratorObjectId").GetProperty("value").GetString());
            Assert.Equal("11111111-2222-3333-4444-555555555555", values.GetProperty("apiClientId").GetProperty("value").GetString());
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BuildParams_WithoutSqlAdministrator_FailsBeforeDeployment()
    {
        var sut = BicepCli.Locate();
        var output = Directory.CreateTempSubdirectory("perfpipeline-bicepparam-");
        try
        {
            var run = await sut.RunAsync(
                ["build-params", RepositoryRoot.File("infra", "parameters", "prod.bicepparam"), "--outfile", Path.Combine(output.FullName, "parameters.json")],
                new Dictionary<string, string?> { [AdministratorLogin] = null, [AdministratorObjectId] = null, [OperatorObjectId] = null },
                TestContext.Current.CancellationToken);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains(SarifDiagnostics.Read(run), diagnostic => diagnostic.Contains("BCP333", StringComparison.Ordinal));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string?> IdentityEnvironment(string administratorObjectId) =>
        EnvironmentParameters.StandInIdentities(administratorObjectId);
}
