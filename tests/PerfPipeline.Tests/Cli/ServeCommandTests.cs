namespace PerfPipeline.Tests.Cli;

using System.Net;
using System.Text.RegularExpressions;

using Microsoft.Extensions.Configuration;

using PerfPipeline.Cli;
using PerfPipeline.Tests.TestSupport;

/// <summary>The <c>serve</c> command line: it serves the warehouse it is given where it is told, until cancelled.</summary>
public sealed partial class ServeCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Serve_FreePortOnLoopback_PrintsWhereItListensServesAndStopsWhenCancelled()
    {
        using var output = new StringWriter();
        var writer = TextWriter.Synchronized(output);
        var context = new CliContext(new ConfigurationBuilder().Build(), TimeProvider.System, CliInvocation.PlainConsole(writer), _temp.File("data"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var sut = CommandLineApp.InvokeAsync(["serve", "--urls", "http://127.0.0.1:0", "--db", _temp.File("data", "perfpipeline.db")], context, stop.Token);
        var address = await ListeningAddressAsync(output, writer, sut);
        using var client = new HttpClient();
        using var catalogue = await client.GetAsync(new Uri(address, "api/indicators"), TestContext.Current.CancellationToken);
        using var noData = await client.GetAsync(new Uri(address, "api/dashboard/872"), TestContext.Current.CancellationToken);
        await stop.CancelAsync();

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.Equal(HttpStatusCode.OK, catalogue.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noData.StatusCode);
        Assert.Equal(0, await sut);
    }

    [Fact]
    public async Task Serve_DbAndSqlServerBoth_IsAUsageError()
    {
        var (exitCode, _) = await CliInvocation.InvokeAsync(
            ["serve", "--db", _temp.File("x.db"), "--sqlserver", "Server=tcp:example.invalid;Database=x"], _temp.File("data"), TimeProvider.System);

        Assert.Equal(2, exitCode);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>The dashboard address the command prints once it listens (it fails the test if the command ends first).</summary>
    private static async Task<Uri> ListeningAddressAsync(StringWriter output, TextWriter writer, Task<int> command)
    {
        while (!command.IsCompleted)
        {
            string printed;
            lock (writer)
            {
                printed = output.ToString();
            }

            if (DashboardLine().Match(printed) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException($"serve ended with {await command} before listening: {output}");
    }

    [GeneratedRegex(@"dashboard (http://\S+/)")]
    private static partial Regex DashboardLine();
}
