namespace PerfPipeline.Tests.Infra;

[Collection(SharedCompilation.Name)]
public sealed class SqlTemplateTests(CompiledTemplate compiled)
{
    [Fact]
    public void Server_Authentication_IsEntraOnlyWithNoSqlLoginOrPassword()
    {
        var sut = compiled.Resource("Microsoft.Sql/servers", "sql");

        Assert.True(sut.At("properties.administrators.azureADOnlyAuthentication").GetBoolean());
        Assert.Equal("ActiveDirectory", sut.Text("properties.administrators.administratorType"));
        Assert.False(sut.TryAt("properties.administratorLogin", out _));
        Assert.False(sut.TryAt("properties.administratorLoginPassword", out _));
        Assert.DoesNotContain("administratorLoginPassword", compiled.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Server_Tls_IsAtLeast12()
    {
        var sut = compiled.Resource("Microsoft.Sql/servers", "sql");

        Assert.Equal("1.2", sut.Text("properties.minimalTlsVersion"));
    }

    [Fact]
    public void Database_Sku_IsGeneralPurposeServerlessThatPauses()
    {
        var sut = compiled.Resource("Microsoft.Sql/servers/databases", "sql");

        Assert.Equal("GP_S_Gen5", sut.Text("sku.name"));
        Assert.Equal("GeneralPurpose", sut.Text("sku.tier"));
        Assert.True(sut.TryAt("properties.autoPauseDelay", out _));
        Assert.True(sut.TryAt("properties.minCapacity", out _));
    }
}
