namespace PerfPipeline.Tests.Functions;

using PerfPipeline.Functions;

public sealed class TelemetryAuthenticationTests
{
    [Theory]
    [InlineData("Authorization=AAD")]
    [InlineData(" authorization = aad ; ")]
    public void Parse_EntraWithoutClientId_UsesTheSystemAssignedIdentity(string setting)
    {
        var sut = TelemetryAuthentication.Parse(setting);

        Assert.NotNull(sut);
        Assert.Null(sut.ClientId);
    }

    [Fact]
    public void Parse_EntraWithClientId_UsesThatUserAssignedIdentity()
    {
        var sut = TelemetryAuthentication.Parse("Authorization=AAD;ClientId=0b6f2a1e-5c1d-4c55-9d0e-5a3b1f6c7d88");

        Assert.Equal("0b6f2a1e-5c1d-4c55-9d0e-5a3b1f6c7d88", sut?.ClientId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=0b6f2a1e-5c1d-4c55-9d0e-5a3b1f6c7d88")]
    [InlineData("Authorization=Key")]
    [InlineData("Authorization")]
    public void Parse_NoEntraAuthorization_ReturnsNull(string? setting)
    {
        Assert.Null(TelemetryAuthentication.Parse(setting));
    }
}
