namespace PerfPipeline.Tests.Cli.Serve;

using System.Net;
using System.Text;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Cli.Serve;
using PerfPipeline.Tests.TestSupport;

/// <summary>The local server against hostile requests: rebinding hosts, cross-site POSTs, odd periods, HEAD, headers.</summary>
public sealed class ServeHardeningTests(ServedSeeds seeds) : IClassFixture<ServedSeeds>
{
    private ServedWarehouse Served => seeds.Served;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("api/dashboard/872?period=9999-00", 404)]
    [InlineData("api/dashboard/872?period=0001-02", 404)]
    [InlineData("api/dashboard/872?period=2101-02%20Q1", 404)]
    [InlineData("?period=9999-00", 404)]
    [InlineData("api/dashboard/872?period=9999-99", 400)]
    public async Task Get_PeriodOutsideTheYearsOrMalformed_Is404Or400NeverA500(string route, int status)
    {
        using var sut = await Served.Client.GetAsync(route, Ct);

        Assert.Equal(status, (int)sut.StatusCode);
    }

    [Fact]
    public async Task Post_CrossOriginPlainText_IsRefusedAndReplaysNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/loads/872-20190930-0000000000000000/replay")
        {
            Content = new StringContent("x", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var sut = await Served.Client.SendAsync(request, Ct);

        Assert.Equal(415, (int)sut.StatusCode);
    }

    [Fact]
    public async Task Post_JsonFromAnotherOrigin_Is403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/loads/872-20190930-0000000000000000/replay")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var sut = await Served.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, sut.StatusCode);
    }

    [Fact]
    public async Task Get_HostThatIsNotLoopback_Is400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/indicators");
        request.Headers.Host = "attacker.example";

        using var sut = await Served.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, sut.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("api/dashboard/872")]
    [InlineData("api/indicators")]
    public async Task Head_WhereGetWorks_Answers200WithTheHeadersAndNoBody(string route)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, route);

        using var sut = await Served.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        Assert.Empty(await sut.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Get_Page_CarriesTheSecurityHeaders()
    {
        using var sut = await Served.Client.GetAsync("/", Ct);

        Assert.Equal("nosniff", sut.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", sut.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", sut.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void ServerErrorLog_SameFaultAgainAndAgain_LogsOncePerMinute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var logger = new ListLogger();
        var sut = new ServerErrorLog(new TypedLogger(logger), clock);

        var logged = Enumerable.Range(0, 1000).Count(_ => sut.Record(Fault()));
        clock.Advance(ServerErrorLog.Interval);
        var afterAMinute = sut.Record(Fault());

        Assert.Equal(1, logged);
        Assert.True(afterAMinute);
        Assert.Contains("999 more like it", logger.Entries[^1].Message, StringComparison.Ordinal);
    }

    private static InvalidOperationException Fault()
    {
        try
        {
            throw new InvalidOperationException("the warehouse file is gone");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    private sealed class TypedLogger(ListLogger inner) : ILogger<ServerErrorLog>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
