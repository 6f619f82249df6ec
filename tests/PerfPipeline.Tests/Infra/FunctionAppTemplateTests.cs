namespace PerfPipeline.Tests.Infra;

using System.Text.RegularExpressions;

[Collection(SharedCompilation.Name)]
public sealed partial class FunctionAppTemplateTests(CompiledTemplate compiled)
{
    // The settings docs/azure-settings.md promises the Functions code.
    private static readonly string[] AgreedSettings =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "ExtractsStorage__blobServiceUri",
        "ExtractsStorage__queueServiceUri",
        "ExtractsStorage__credential",
        "PerfPipeline__SqlServer__ConnectionString",
        "PerfPipeline__PseudonymisationKey",
        "MonthlySweepSchedule",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    [Fact]
    public void Plan_Sku_IsFlexConsumption()
    {
        var sut = compiled.Resource("Microsoft.Web/serverfarms", "function-app");

        Assert.Equal("FC1", sut.Text("sku.name"));
        Assert.Equal("FlexConsumption", sut.Text("sku.tier"));
    }

    [Fact]
    public void Site_Security_IsHttpsOnlyWithSystemIdentityNoFtpsAndTls12()
    {
        var sut = compiled.Resource("Microsoft.Web/sites", "function-app");

        Assert.True(sut.At("properties.httpsOnly").GetBoolean());
        Assert.Equal("SystemAssigned", sut.Text("identity.type"));
        Assert.Equal("Disabled", sut.Text("properties.siteConfig.ftpsState"));
        Assert.Equal("1.2", sut.Text("properties.siteConfig.minTlsVersion"));
        Assert.Equal("1.2", sut.Text("properties.siteConfig.scmMinTlsVersion"));
    }

    [Fact]
    public void Site_FunctionAppConfig_RunsDotnetIsolated10FromAnIdentityReadPackage()
    {
        var sut = compiled.Resource("Microsoft.Web/sites", "function-app");

        Assert.Equal("dotnet-isolated", sut.Text("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", sut.Text("properties.functionAppConfig.runtime.version"));
        Assert.Equal("blobContainer", sut.Text("properties.functionAppConfig.deployment.storage.type"));
        Assert.Equal("SystemAssignedIdentity", sut.Text("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.True(sut.TryAt("properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount", out _));
    }

    [Fact]
    public void PublishingCredentials_FtpAndScm_AreDisabled()
    {
        var policies = compiled.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(2, policies.Count);
        Assert.All(policies, policy => Assert.False(policy.At("properties.allow").GetBoolean()));
    }

    [Fact]
    public void AppSettings_Names_AreExactlyTheAgreedOnes()
    {
        var sut = compiled.Resource("Microsoft.Web/sites/config", "app-settings");

        Assert.Equal(AgreedSettings.Order(StringComparer.Ordinal), sut.At("properties").EnumerateObject().Select(setting => setting.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppSettings_Values_HoldNoKeyOrPassword()
    {
        var sut = compiled.Resource("Microsoft.Web/sites/config", "app-settings");

        var connectionString = sut.Text("properties.PerfPipeline__SqlServer__ConnectionString");
        Assert.Contains("Authentication=Active Directory Default;Encrypt=True;", connectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", connectionString, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", sut.Text("properties.PerfPipeline__PseudonymisationKey"), StringComparison.Ordinal);
        Assert.Contains("secrets/pseudonymisation-key/", sut.Text("properties.PerfPipeline__PseudonymisationKey"), StringComparison.Ordinal);
        Assert.Equal("managedidentity", sut.Text("properties.AzureWebJobsStorage__credential"));
        Assert.Equal("Authorization=AAD", sut.Text("properties.APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
        Assert.All(sut.At("properties").EnumerateObject(), setting =>
        {
            Assert.DoesNotContain("AccountKey", setting.Value.GetString()!, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", setting.Value.GetString()!, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void MonthlySweepSchedule_Default_IsSixEveryDay()
    {
        var main = compiled.Templates.Single(template => template.Module == "main").Template;

        Assert.Equal("0 0 6 * * *", main.GetProperty("parameters").GetProperty("monthlySweepSchedule").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void RoleAssignments_FunctionIdentity_HoldsOnlyTheRolesItNeedsWhereItNeedsThem()
    {
        var assignments = compiled.OfType("Microsoft.Authorization/roleAssignments")
            .Where(assignment => assignment.Module == "role-assignments"
                && assignment.Text("properties.principalId") == "[parameters('functionPrincipalId')]")
            .Select(assignment => $"{RoleVariable().Match(assignment.Text("properties.roleDefinitionId")).Groups[1].Value} on {ScopeOf(assignment)}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "keyVaultSecretsUser on Microsoft.KeyVault/vaults",
                "monitoringMetricsPublisher on Microsoft.Insights/components",
                "storageBlobDataContributor on Microsoft.Storage/storageAccounts/blobServices/containers(dataStorageName)",
                "storageBlobDataOwner on Microsoft.Storage/storageAccounts(hostStorageName)",
                "storageQueueDataContributor on Microsoft.Storage/storageAccounts(hostStorageName)",
                "storageQueueDataContributor on Microsoft.Storage/storageAccounts/queueServices/queues(dataStorageName)",
            ],
            assignments);
    }

    [Fact]
    public void RoleAssignments_RoleIds_AreTheBuiltInDataRoles()
    {
        var roles = compiled.Templates.Single(template => template.Module == "role-assignments").Template
            .GetProperty("variables").GetProperty("roles");

        Assert.Equal("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", roles.GetProperty("storageBlobDataOwner").GetString());
        Assert.Equal("ba92f5b4-2d11-453d-a403-e96b0029c9fe", roles.GetProperty("storageBlobDataContributor").GetString());
        Assert.Equal("974c5e8b-45b9-4653-ba55-5f855dd0fb88", roles.GetProperty("storageQueueDataContributor").GetString());
        Assert.Equal("4633458b-17de-408a-b874-0445c86b69e6", roles.GetProperty("keyVaultSecretsUser").GetString());
        Assert.Equal("3913510d-42f4-4e42-8a64-420c390055eb", roles.GetProperty("monitoringMetricsPublisher").GetString());
        // Owner and Contributor (management roles) are never granted.
        Assert.DoesNotContain("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", compiled.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("b24988ac-6180-42a0-ab88-20f7382dd24c", compiled.Json, StringComparison.OrdinalIgnoreCase);
    }

    private static string ScopeOf(TemplateResource assignment)
    {
        var scope = ScopeResource().Match(assignment.Text("scope"));
        var name = ScopeNameParameter().Match(assignment.Text("scope"));
        return name.Success && scope.Groups[1].Value.StartsWith("Microsoft.Storage", StringComparison.Ordinal)
            ? $"{scope.Groups[1].Value}({name.Groups[1].Value})"
            : scope.Groups[1].Value;
    }

    [GeneratedRegex(@"variables\('roles'\)\.(\w+)")]
    private static partial Regex RoleVariable();

    [GeneratedRegex(@"resourceId\('([^']+)'")]
    private static partial Regex ScopeResource();

    [GeneratedRegex(@"resourceId\('[^']+', parameters\('(\w+)'\)")]
    private static partial Regex ScopeNameParameter();
}
