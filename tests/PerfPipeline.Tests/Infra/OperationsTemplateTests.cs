namespace PerfPipeline.Tests.Infra;

/// <summary>
/// Operations and least privilege in the compiled template: the alerts docs/operations.md explains, storage logs in Log
/// Analytics, the write-only uploader and App Service authentication in front of the API.
/// </summary>
[Collection(SharedCompilation.Name)]
public sealed class OperationsTemplateTests(CompiledTemplate compiled)
{
    [Fact]
    public void Alerts_EveryOperatorAlert_IsARuleThatMailsTheActionGroup()
    {
        var alerts = compiled.Templates.Single(t => t.Module == "alerts").Template;
        var names = alerts.GetProperty("variables").GetProperty("logAlerts").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();

        Assert.Equal(["poison-message", "dead-lettered-event", "load-failed", "late-extract", "function-errors"], names);
        var group = compiled.Resource("Microsoft.Insights/actionGroups", "alerts");
        Assert.Equal("[parameters('alertEmail')]", group.At("properties.emailReceivers")[0].GetProperty("emailAddress").GetString());
        var rules = compiled.Resource("Microsoft.Insights/scheduledQueryRules", "alerts");
        Assert.Contains("actionGroups", rules.At("properties.actions.actionGroups")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("DeadLetteredCount", compiled.Resource("Microsoft.Insights/metricAlerts", "alerts").At("properties.criteria.allOf")[0].GetProperty("metricName").GetString());
    }

    [Theory]
    [InlineData("poison-message", "manifest-events-poison")]
    [InlineData("load-failed", "1004")]
    [InlineData("load-failed", "1007")]
    [InlineData("late-extract", "1201")]
    public void Alerts_Query_LooksForWhatTheAppAndHostWrite(string alert, string expected)
    {
        var alerts = compiled.Templates.Single(t => t.Module == "alerts").Template;
        var main = compiled.Templates.Single(t => t.Module == "main").Template;
        var query = alerts.GetProperty("variables").GetProperty("logAlerts").EnumerateArray().Single(a => a.GetProperty("name").GetString() == alert).GetProperty("query").GetString()!;
        var poison = main.GetProperty("variables").GetProperty("queueNames").EnumerateArray().Select(q => q.GetString()).ToList();

        Assert.Contains(expected == "manifest-events-poison" ? "parameters('poisonQueueName')" : expected, query, StringComparison.Ordinal);
        Assert.Contains("[format('{0}-poison', variables('eventQueueName'))]", poison);
    }

    [Fact]
    public void Alerts_EventIds_AreTheOnesTheLoaderAndSweepLog()
    {
        var loader = File.ReadAllText(RepositoryRoot.File("pipelines", "PerfPipeline", "Loading", "ExactlyOnceLoader.cs"));
        var sweep = File.ReadAllText(RepositoryRoot.File("pipelines", "PerfPipeline", "Loading", "MonthlyBatchSweep.cs"));

        Assert.Matches(@"EventId = 1004, Level = LogLevel.Error, Message = ""Load \{LoadId\} of batch \{LaCode\}/\{AsAt\} failed", loader);
        Assert.Matches(@"EventId = 1007, Level = LogLevel.Error, Message = ""Load \{LoadId\} of batch \{LaCode\}/\{AsAt\} failed", loader);
        Assert.Matches(@"EventId = 1201, Level = LogLevel.Warning, Message = ""No batch from LA", sweep);
    }

    [Fact]
    public void StorageLogs_BlobsAndQueues_GoToLogAnalytics()
    {
        var settings = compiled.OfType("Microsoft.Insights/diagnosticSettings").Where(d => d.Module == "data-storage").ToList();

        Assert.Equal(2, settings.Count);
        Assert.All(settings, s => Assert.Equal("allLogs", s.At("properties.logs")[0].GetProperty("categoryGroup").GetString()));
        Assert.Contains(settings, s => s.Text("scope").Contains("queueServices", StringComparison.Ordinal));
        Assert.Contains(settings, s => s.Text("scope").Contains("blobServices", StringComparison.Ordinal));
    }

    [Fact]
    public void Uploader_Role_MayOnlyWriteBlobsInExtracts()
    {
        var role = compiled.Resource("Microsoft.Authorization/roleDefinitions", "role-assignments");
        var permissions = role.At("properties.permissions")[0];

        Assert.Empty(permissions.GetProperty("actions").EnumerateArray());
        Assert.Equal(
            ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action", "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write"],
            permissions.GetProperty("dataActions").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal));
        var assignment = Assert.Single(compiled.OfType("Microsoft.Authorization/roleAssignments"), a => a.Text("properties.principalId") == "[parameters('uploaderPrincipalId')]");
        Assert.Contains("dataContainerNames')[0]", assignment.Text("scope"), StringComparison.Ordinal);
        var containers = compiled.Templates.Single(t => t.Module == "role-assignments").Template.GetProperty("variables").GetProperty("dataContainerNames");
        Assert.Equal("extracts", containers[0].GetString());
    }

    [Fact]
    public void Authentication_HttpApi_RequiresAnEntraTokenForTheApisRegistration()
    {
        var sut = compiled.Resource("Microsoft.Web/sites/config", "function-app");

        Assert.EndsWith("'authsettingsV2')]", sut.Name, StringComparison.Ordinal);
        Assert.True(sut.At("properties.platform.enabled").GetBoolean());
        Assert.True(sut.At("properties.globalValidation.requireAuthentication").GetBoolean());
        Assert.Equal("Return401", sut.Text("properties.globalValidation.unauthenticatedClientAction"));
        Assert.Equal("[parameters('apiClientId')]", sut.Text("properties.identityProviders.azureActiveDirectory.registration.clientId"));
        Assert.True(sut.At("properties.identityProviders.azureActiveDirectory.enabled").GetBoolean());
    }
}
