namespace PerfPipeline.Tests.Infra;

/// <summary>
/// Private by default for prod, public (and saying so) for dev: each environment's parameter file evaluated against the
/// compiled template's conditions. Proven offline only: nothing here was deployed.
/// </summary>
[Collection(SharedCompilation.Name)]
public sealed class NetworkTemplateTests(CompiledTemplate compiled)
{
    [Fact]
    public async Task Prod_Defaults_RefusePublicTrafficAndTurnOnDefender()
    {
        var prod = await EnvironmentParameters.BuildAsync("prod", EnvironmentParameters.StandInIdentities());

        Assert.True(prod.Flag("denyPublicTraffic"));
        Assert.True(prod.Flag("enableDefender"));
        Assert.Equal("Deny", prod.Evaluate(compiled.Resource("Microsoft.Storage/storageAccounts", "data-storage").Text("properties.networkAcls.defaultAction")));
        Assert.Equal("Disabled", prod.Evaluate(compiled.Resource("Microsoft.Storage/storageAccounts", "host-storage").Text("properties.publicNetworkAccess")));
        Assert.Equal("Disabled", prod.Evaluate(compiled.Resource("Microsoft.KeyVault/vaults", "key-vault").Text("properties.publicNetworkAccess")));
        Assert.Equal("Deny", prod.Evaluate(compiled.Resource("Microsoft.KeyVault/vaults", "key-vault").Text("properties.networkAcls.defaultAction")));
        Assert.Equal("Disabled", prod.Evaluate(compiled.Resource("Microsoft.Sql/servers", "sql").Text("properties.publicNetworkAccess")));
        Assert.True(prod.Deploys(compiled.Resource("Microsoft.Security/defenderForStorageSettings", "data-storage")));
        Assert.True(prod.Deploys(compiled.Resource("Microsoft.Sql/servers/advancedThreatProtectionSettings", "sql")));
    }

    [Fact]
    public async Task Dev_Defaults_StayPublicWithEntraOnlyAndSayWhy()
    {
        var dev = await EnvironmentParameters.BuildAsync("dev", EnvironmentParameters.StandInIdentities());

        Assert.False(dev.Flag("denyPublicTraffic"));
        Assert.False(dev.Flag("enableDefender"));
        Assert.Equal("Allow", dev.Evaluate(compiled.Resource("Microsoft.Storage/storageAccounts", "data-storage").Text("properties.networkAcls.defaultAction")));
        Assert.Equal("Enabled", dev.Evaluate(compiled.Resource("Microsoft.Sql/servers", "sql").Text("properties.publicNetworkAccess")));
        Assert.False(dev.Deploys(compiled.Resource("Microsoft.Security/defenderForStorageSettings", "data-storage")));
        Assert.Contains("reachable from the internet", File.ReadAllText(RepositoryRoot.File("infra", "parameters", "dev.bicepparam")), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_Everywhere_HasNoAllowAllAzureServicesRule()
    {
        Assert.DoesNotContain("AllowAllWindowsAzureIps", compiled.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0.0.0'", compiled.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"0.0.0.0\"", compiled.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlFirewall_OperatorAddresses_OnlyWhilePublic()
    {
        var rule = compiled.Resource("Microsoft.Sql/servers/firewallRules", "sql");

        // No rule at all once the public endpoint is off; otherwise one per named operator address.
        Assert.Equal("[length(if(parameters('denyPublicTraffic'), createArray(), parameters('allowedIpAddresses')))]", rule.Text("copy.count"));
    }

    [Fact]
    public async Task UploadAllowedIpRanges_Prod_BecomeTheDataAccountsOnlyFirewallExceptions()
    {
        var variables = EnvironmentParameters.StandInIdentities();
        variables["PERFPIPELINE_UPLOAD_ALLOWED_IPS"] = "203.0.113.10,198.51.100.0/28";

        var prod = await EnvironmentParameters.BuildAsync("prod", variables);

        Assert.Equal(["203.0.113.10", "198.51.100.0/28"], prod.Value("uploadAllowedIpRanges")!.Value.EnumerateArray().Select(v => v.GetString()));
        var account = compiled.Resource("Microsoft.Storage/storageAccounts", "data-storage");
        var rules = account.At("properties.networkAcls.copy").EnumerateArray().Single();
        Assert.Equal("ipRules", rules.GetProperty("name").GetString());
        Assert.Equal("[length(if(parameters('denyPublicTraffic'), parameters('allowedIpRanges'), createArray()))]", rules.GetProperty("count").GetString());
        // The only bypass is trusted Azure services: Event Grid delivers events and dead letters with its identity.
        Assert.Equal("AzureServices", account.Text("properties.networkAcls.bypass"));
        var main = compiled.Templates.Single(t => t.Module == "main").Template;
        Assert.Equal("[parameters('uploadAllowedIpRanges')]", main.GetProperty("resources").GetProperty("dataStorage").GetProperty("properties").GetProperty("parameters").GetProperty("allowedIpRanges").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Dev_UploadAllowedIpRanges_NotSet()
    {
        var dev = await EnvironmentParameters.BuildAsync("dev", EnvironmentParameters.StandInIdentities());

        Assert.Null(dev.Value("uploadAllowedIpRanges"));
    }

    [Fact]
    public void PrivateEndpoints_Prod_CoverStorageAndKeyVault_AndSqlAlways()
    {
        var main = compiled.Templates.Single(t => t.Module == "main").Template;
        var endpoints = main.GetProperty("variables").GetProperty("privateEndpoints").GetString()!;

        foreach (var groupId in new[] { "'blob'", "'queue'", "'table'", "'vault'" })
        {
            Assert.Contains(groupId, endpoints, StringComparison.Ordinal);
        }

        Assert.StartsWith("[if(parameters('denyPublicTraffic')", endpoints, StringComparison.Ordinal);
        var sqlEndpoint = compiled.Resource("Microsoft.Network/privateEndpoints", "sql");
        Assert.False(sqlEndpoint.Element.TryGetProperty("condition", out _), "SQL's private endpoint is there in every environment.");
        Assert.Equal("sqlServer", sqlEndpoint.At("properties.privateLinkServiceConnections").EnumerateArray().Single().GetProperty("properties").GetProperty("groupIds")[0].GetString());
    }

    [Fact]
    public void Network_AppSubnet_LeavesThroughTheNatGatewayAndTheRangeIsAParameter()
    {
        var vnet = compiled.Resource("Microsoft.Network/virtualNetworks", "network");
        var app = vnet.At("properties.subnets").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "app");

        Assert.Contains("natGateways", app.GetProperty("properties").GetProperty("natGateway").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("[parameters('addressPrefix')]", vnet.At("properties.addressSpace.addressPrefixes")[0].GetString());
        Assert.Equal("Standard", compiled.Resource("Microsoft.Network/natGateways", "network").Text("sku.name"));
        var site = compiled.Resource("Microsoft.Web/sites", "function-app");
        Assert.Equal("[parameters('virtualNetworkSubnetId')]", site.Text("properties.virtualNetworkSubnetId"));
    }
}
