namespace PerfPipeline.Tests.Api;

using System.Text;

using PerfPipeline.Api;
using PerfPipeline.Tests.Functions;

/// <summary>Reading the caller from App Service authentication's X-MS-CLIENT-PRINCIPAL header.</summary>
public sealed class ApiCallerTests
{
    [Fact]
    public void FromClientPrincipal_EntraUserWithARole_ReadsTheUpnAndRoles()
    {
        var sut = ApiCaller.FromClientPrincipal(FunctionApp.PrincipalHeader("analyst@council.example", "PerfPipeline.Replay"));

        Assert.NotNull(sut);
        Assert.Equal("analyst@council.example", sut.UserPrincipalName);
        Assert.True(sut.HasRole(ApiCaller.ReplayRole));
    }

    [Fact]
    public void FromClientPrincipal_V2TokenWithPreferredUsername_ReadsItAsTheUpn()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"preferred_username","val":"lead@council.example"},{"typ":"roles","val":"Other"}],"name_typ":"name","role_typ":"roles"}"""));

        var sut = ApiCaller.FromClientPrincipal(header);

        Assert.Equal("lead@council.example", sut!.UserPrincipalName);
        Assert.False(sut.HasRole(ApiCaller.ReplayRole));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("e30=")] // {} : no claims
    [InlineData("WzFd")] // [1]
    public void FromClientPrincipal_MissingOrUnreadable_IsNoCaller(string? header)
    {
        Assert.Null(ApiCaller.FromClientPrincipal(header));
    }
}
