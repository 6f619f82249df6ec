namespace PerfPipeline.Tests.TestSupport.Azurite;

using System.Diagnostics;
using System.Text.RegularExpressions;

using Azure.Storage.Blobs;
using Azure.Storage.Queues;

using PerfPipeline.Batches;

/// <summary>
/// A real Azurite, blob and queue services (npm package pinned in the repository's package-lock.json, installed by the
/// test project's build) on 127.0.0.1 and free ports, in memory. It ends with the fixture, and with the test host
/// even when the host is killed (see run-azurite.js).
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    // Azurite's published development account: a well-known emulator key, not a secret.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly TaskCompletionSource<int> blobPort = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> queuePort = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> output = [];
    private Process? process;

    /// <summary>The connection string of the emulator's account.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A client with the pipeline's own options (pinned service version, retries).</summary>
    public BlobServiceClient CreateServiceClient() => new(ConnectionString, BlobStorage.CreateClientOptions());

    /// <summary>A queue client that encodes messages in base64, as Event Grid writes them and the queue trigger reads them; pinned to a service version Azurite serves.</summary>
    public QueueServiceClient CreateQueueServiceClient() =>
        new(ConnectionString, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05) { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>A queue name unique to one test.</summary>
    public static string NewQueueName() => $"manifest-events-{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>Container names unique to one test, so tests sharing the emulator never see each other's blobs.</summary>
    public static BlobBatchSourceOptions NewContainers()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new() { ExtractsContainer = $"extracts-{id}", ArchiveContainer = $"archive-{id}", QuarantineContainer = $"quarantine-{id}" };
    }

    public async ValueTask InitializeAsync()
    {
        var azurite = RepositoryRoot.File("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed ({azurite}): run 'npm ci' at the repository root (the test project's build does it).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "TestSupport", "Azurite", "run-azurite.js"), azurite,
            "--blobHost", "127.0.0.1", "--blobPort", "0", "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0", "--inMemoryPersistence", "--extentMemoryLimit", "256",
            "--disableTelemetry", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        process.Exited += (_, _) =>
        {
            blobPort.TrySetException(new InvalidOperationException($"Azurite exited early:{Environment.NewLine}{Output()}"));
            queuePort.TrySetException(new InvalidOperationException($"Azurite exited early:{Environment.NewLine}{Output()}"));
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var blob = await blobPort.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
        var queue = await queuePort.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/{AccountName};QueueEndpoint=http://127.0.0.1:{queue}/{AccountName};";
    }

    public async ValueTask DisposeAsync()
    {
        if (process is null)
        {
            return;
        }

        using (process)
        {
            process.StandardInput.Close(); // the watchdog in run-azurite.js ends Azurite
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            var listening = int.Parse(match.Groups[2].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            (match.Groups[1].Value == "Blob" ? blobPort : queuePort).TrySetResult(listening);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return string.Join(Environment.NewLine, output);
        }
    }

    [GeneratedRegex(@"Azurite (Blob|Queue) service is successfully listening at http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}
