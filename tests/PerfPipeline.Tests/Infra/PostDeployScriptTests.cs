namespace PerfPipeline.Tests.Infra;

using System.Security.Cryptography;

public sealed class PostDeployScriptTests : IDisposable
{
    private readonly FakeAzureTools _azure = new();

    public void Dispose()
    {
        _azure.Dispose();
    }

    [Fact]
    public async Task Run_SecretAbsent_StoresA32ByteKey()
    {
        var result = await RunAsync(_azure.Environment("absent"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(32, Convert.FromBase64String(_azure.StoredSecret()!).Length);
        Assert.Contains(_azure.AzCalls(), call => call.StartsWith($"az keyvault secret set --vault-name {FakeAzureTools.KeyVault} --name pseudonymisation-key ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SecretAbsentAndKeyGiven_StoresTheGivenKey()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var environment = _azure.Environment("absent");
        environment["PERFPIPELINE_PSEUDONYMISATION_KEY"] = key;

        var result = await RunAsync(environment);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(key, _azure.StoredSecret());
    }

    [Fact]
    public async Task Run_GivenKeyTooShort_FailsWithoutStoringIt()
    {
        var environment = _azure.Environment("absent");
        environment["PERFPIPELINE_PSEUDONYMISATION_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(8));

        var result = await RunAsync(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Null(_azure.StoredSecret());
        Assert.Empty(_azure.SqlcmdArguments());
    }

    [Fact]
    public async Task Run_SecretPresent_LeavesTheKeyAlone()
    {
        var result = await RunAsync(_azure.Environment("present"));

        Assert.Equal(0, result.ExitCode);
        Assert.Null(_azure.StoredSecret());
        Assert.DoesNotContain(_azure.AzCalls(), call => call.StartsWith("az keyvault secret set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SecretDeleted_StopsWithoutCreatingANewKey()
    {
        var result = await RunAsync(_azure.Environment("deleted"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("az keyvault secret recover", result.StandardError, StringComparison.Ordinal);
        Assert.Null(_azure.StoredSecret());
        Assert.Empty(_azure.SqlcmdArguments());
        Assert.Empty(_azure.PerfpipelineArguments());
    }

    [Fact]
    public async Task Run_Default_CreatesTheAppUserFromEntraWithReadWriteAndExecute()
    {
        var result = await RunAsync(_azure.Environment("present"));

        Assert.Equal(0, result.ExitCode);
        var arguments = _azure.SqlcmdArguments();
        Assert.Equal($"tcp:{FakeAzureTools.SqlServer},1433", ArgumentAfter(arguments, "--server"));
        Assert.Equal(FakeAzureTools.Database, ArgumentAfter(arguments, "--database-name"));
        Assert.Equal("ActiveDirectoryDefault", ArgumentAfter(arguments, "--authentication-method"));
        var query = string.Join('\n', arguments);
        Assert.Contains($"CREATE USER [{FakeAzureTools.FunctionApp}] FROM EXTERNAL PROVIDER;", query, StringComparison.Ordinal);
        Assert.Contains($"ALTER ROLE db_datareader ADD MEMBER [{FakeAzureTools.FunctionApp}];", query, StringComparison.Ordinal);
        Assert.Contains($"ALTER ROLE db_datawriter ADD MEMBER [{FakeAzureTools.FunctionApp}];", query, StringComparison.Ordinal);
        Assert.Contains($"GRANT EXECUTE TO [{FakeAzureTools.FunctionApp}];", query, StringComparison.Ordinal);
        Assert.DoesNotContain("db_owner", query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_RefreshIdentity_MaySelectFromSchemaPbiOnly()
    {
        var result = await RunAsync(_azure.Environment("present"), "--refresh-identity", "PerfPipeline Power BI refresh");

        Assert.Equal(0, result.ExitCode);
        var query = string.Join('\n', _azure.SqlcmdArguments());
        Assert.Contains("CREATE USER [PerfPipeline Power BI refresh] FROM EXTERNAL PROVIDER;", query, StringComparison.Ordinal);
        Assert.Contains("GRANT SELECT ON SCHEMA::pbi TO [PerfPipeline Power BI refresh];", query, StringComparison.Ordinal);
        Assert.DoesNotContain("ADD MEMBER [PerfPipeline Power BI refresh]", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RefreshIdentityWithABracket_FailsBeforeTouchingSql()
    {
        var result = await RunAsync(_azure.Environment("present"), "--refresh-identity", "x]; DROP USER [y");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(_azure.SqlcmdArguments());
    }

    [Fact]
    public async Task Run_BySid_CreatesTheAppUserFromItsApplicationId()
    {
        var result = await RunAsync(_azure.Environment("present"), "--by-sid");

        Assert.Equal(0, result.ExitCode);
        // SQL keeps a GUID in the same byte order as .NET's Guid.ToByteArray.
        var sid = "0x" + Convert.ToHexString(Guid.Parse(_azure.ApplicationId).ToByteArray());
        Assert.Contains(
            $"CREATE USER [{FakeAzureTools.FunctionApp}] WITH SID = {sid}, TYPE = E;",
            string.Join('\n', _azure.SqlcmdArguments()),
            StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"az ad sp show --id {_azure.PrincipalId} --query appId --output tsv", _azure.AzCalls());
    }

    [Fact]
    public async Task Run_Default_MigratesWithAnEntraConnectionString()
    {
        var result = await RunAsync(_azure.Environment("present"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["migrate", "--sqlserver", $"Server=tcp:{FakeAzureTools.SqlServer},1433;Database={FakeAzureTools.Database};Authentication=Active Directory Default;Encrypt=True;"],
            _azure.PerfpipelineArguments());
    }

    [Fact]
    public async Task Run_WithoutResourceGroup_IsAUsageError()
    {
        var result = await ExternalCommand.RunAsync("bash", [RepositoryRoot.File("infra", "post-deploy.sh")], _azure.Environment("present"), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(_azure.AzCalls());
    }

    private static string ArgumentAfter(IReadOnlyList<string> arguments, string flag)
    {
        var index = arguments.ToList().IndexOf(flag);
        Assert.True(index >= 0 && index + 1 < arguments.Count, $"sqlcmd was not given {flag}.");
        return arguments[index + 1];
    }

    private static Task<CommandResult> RunAsync(Dictionary<string, string?> environment, params string[] options)
    {
        return ExternalCommand.RunAsync(
            "bash",
            [RepositoryRoot.File("infra", "post-deploy.sh"), "--resource-group", "rg-perfpipeline-dev", .. options],
            environment,
            TestContext.Current.CancellationToken);
    }
}
