namespace PerfPipeline.Tests.Functions;

using System.Security.Cryptography;
using System.Text.Json;

using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Functions;
using PerfPipeline.Hosting;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Tests.TestSupport.Azurite;
using PerfPipeline.Warehouse;

/// <summary>
/// The Functions app's services as Program.cs wires them, on a real Azurite (containers of its own) and a SQLite
/// warehouse in a temp folder. Functions are created from it and invoked as the host would: blob client, timer,
/// HTTP request.
/// </summary>
internal sealed class FunctionApp : IAsyncDisposable
{
    private readonly TempDirectory temp = new();
    private readonly ServiceProvider services;

    private FunctionApp(AzuriteFixture azurite, DateTimeOffset now)
    {
        Containers = AzuriteFixture.NewContainers();
        Blobs = azurite.CreateServiceClient();
        Queue = azurite.CreateQueueServiceClient().GetQueueClient(AzuriteFixture.NewQueueName());
        Time = new FakeTimeProvider(now);
        DatabasePath = temp.File("warehouse.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineSettings.ExtractsStorage] = azurite.ConnectionString,
            [PipelineSettings.SqliteDatabasePath] = DatabasePath,
            ["PerfPipeline:PseudonymisationKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [$"{PipelineSettings.Containers}:ExtractsContainer"] = Containers.ExtractsContainer,
            [$"{PipelineSettings.Containers}:ArchiveContainer"] = Containers.ArchiveContainer,
            [$"{PipelineSettings.Containers}:QuarantineContainer"] = Containers.QuarantineContainer,
        }).Build();
        services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddFakeLogging()
            .AddPerfPipeline(configuration)
            .BuildServiceProvider();
    }

    public BlobBatchSourceOptions Containers { get; }

    public BlobServiceClient Blobs { get; }

    /// <summary>The queue Event Grid's subscription fills (in Azure, <c>manifest-events</c> on the data account).</summary>
    public QueueClient Queue { get; }

    public FakeTimeProvider Time { get; }

    public string DatabasePath { get; }

    public IWarehouse Warehouse => services.GetRequiredService<IWarehouse>();

    public FakeLogCollector Logs => services.GetFakeLogCollector();

    /// <summary>The signed-in user the HTTP requests come from unless a test says otherwise: mapped to LAs 872 and 999.</summary>
    public const string Analyst = "analyst@council.example";

    /// <summary>
    /// Starts the app as the host does, with the warehouse migrated first (by the deployment, in Azure), and
    /// <see cref="Analyst"/> mapped to LAs 872 and 999 in <c>security_la_user</c>, as the data team would.
    /// </summary>
    public static async Task<FunctionApp> StartAsync(AzuriteFixture azurite, DateTimeOffset? now = null)
    {
        var app = new FunctionApp(azurite, now ?? new DateTimeOffset(2019, 10, 2, 6, 0, 0, TimeSpan.Zero));
        await app.Warehouse.MigrateAsync(TestContext.Current.CancellationToken);
        await app.ExecuteSqlAsync($"INSERT INTO security_la_user (user_principal_name, la_code) VALUES ('{Analyst}', '872'), ('{Analyst}', '999')");
        return app;
    }

    /// <summary>
    /// The <c>X-MS-CLIENT-PRINCIPAL</c> header App Service authentication writes for an Entra sign-in: base64 of the
    /// principal with its claims (user principal name, name, app roles).
    /// </summary>
    public static string PrincipalHeader(string? userPrincipalName, params string[] roles)
    {
        var claims = new List<object> { new { typ = "http://schemas.microsoft.com/identity/claims/tenantid", val = "00000000-0000-0000-0000-000000000001" } };
        if (userPrincipalName is not null)
        {
            claims.Add(new { typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", val = userPrincipalName });
            claims.Add(new { typ = "name", val = "A. Analyst" });
        }

        claims.AddRange(roles.Select(role => new { typ = "roles", val = role }));
        var principal = new
        {
            auth_typ = "aad",
            claims,
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        };
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(principal));
    }

    /// <summary>A service of the app, as <c>AddPerfPipeline</c> registered it.</summary>
    public T Service<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A function class as the worker creates it, its dependencies from the app's services.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(services);

    /// <summary>Writes a batch with <see cref="BatchBuilder"/> and uploads it as the LA's job does, manifest last.</summary>
    public async Task<BlobClient> DropAsync(Func<BatchBuilder, BatchBuilder> build, string laCode = "872")
    {
        ArgumentNullException.ThrowIfNull(build);
        var local = temp.File("drops", Guid.NewGuid().ToString("N"));
        var builder = build(new BatchBuilder(local, laCode));
        var batch = builder.Build();
        var extracts = Blobs.GetBlobContainerClient(Containers.ExtractsContainer);
        await extracts.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        foreach (var file in Directory.EnumerateFiles(builder.Folder).OrderBy(f => Path.GetFileName(f) == BatchFileNames.Manifest))
        {
            await extracts.GetBlobClient($"{batch.Path}/{Path.GetFileName(file)}").UploadAsync(file, overwrite: true, TestContext.Current.CancellationToken);
        }

        return extracts.GetBlobClient($"{batch.Path}/{BatchFileNames.Manifest}");
    }

    /// <summary>Uploads a file to the extracts container as an LA's job or the data team would: <c>reference/…</c>, <c>{la}/reference/…</c>.</summary>
    public async Task<BlobClient> UploadAsync(string blobName, string content)
    {
        var extracts = Blobs.GetBlobContainerClient(Containers.ExtractsContainer);
        await extracts.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var blob = extracts.GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromString(content), overwrite: true, TestContext.Current.CancellationToken);
        return blob;
    }

    /// <summary>
    /// The <c>BlobCreated</c> event Event Grid writes for a blob, in the Event Grid schema, from the blob's real
    /// properties. Event Grid cannot run here: this is the one stand-in on the path (docs/functions.md).
    /// </summary>
    public static async Task<string> BlobCreatedEventAsync(BlobClient blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var properties = (await blob.GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;
        return JsonSerializer.Serialize(new
        {
            topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
            subject = $"/blobServices/default/containers/{blob.BlobContainerName}/blobs/{blob.Name}",
            eventType = "Microsoft.Storage.BlobCreated",
            id = Guid.NewGuid().ToString(),
            data = new
            {
                api = "PutBlob",
                contentType = properties.ContentType,
                contentLength = properties.ContentLength,
                blobType = "BlockBlob",
                eTag = properties.ETag.ToString(),
                url = blob.Uri.ToString(),
            },
            dataVersion = "",
            metadataVersion = "1",
            eventTime = properties.LastModified.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Puts the blob's <c>BlobCreated</c> event on <see cref="Queue"/>, as the Event Grid subscription does (base64).</summary>
    public async Task PublishBlobCreatedAsync(BlobClient blob)
    {
        await Queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await Queue.SendMessageAsync(await BlobCreatedEventAsync(blob), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// What the queue trigger does with the next message: receives it (hidden for a minute), runs the function with its
    /// text, and deletes it when the function succeeds; when it throws, the message stays for the next attempt.
    /// </summary>
    public async Task ProcessNextMessageAsync()
    {
        var message = (await Queue.ReceiveMessageAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken)).Value
            ?? throw new InvalidOperationException("The queue holds no message.");
        await Function<LoadBatchOnManifest>().Run(message.MessageText, TestContext.Current.CancellationToken);
        await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, TestContext.Current.CancellationToken);
    }

    /// <summary>The names under <c>{la}/{as_at}/</c> of a container: <c>{load_id}/{file}</c>.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string container, BatchLocation batch)
    {
        var names = new List<string>();
        var client = Blobs.GetBlobContainerClient(container);
        if (!await client.ExistsAsync(TestContext.Current.CancellationToken))
        {
            return names;
        }

        await foreach (var blob in client.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{batch.Path}/", TestContext.Current.CancellationToken))
        {
            names.Add(blob.Name[(batch.Path.Length + 1)..]);
        }

        return names;
    }

    public async Task<string> ReadAsync(string container, string name)
    {
        var content = await Blobs.GetBlobContainerClient(container).GetBlobClient(name).DownloadContentAsync(TestContext.Current.CancellationToken);
        return content.Value.Content.ToString();
    }

    /// <summary>Rows in a warehouse table, read with a connection of the test's own.</summary>
    public async Task<long> CountRowsAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Runs SQL on the warehouse file: the tests break and mend the database with it.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Queue.DeleteIfExistsAsync();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }

    /// <summary>
    /// A GET or POST as the HTTP trigger hands it over, signed in as <see cref="Analyst"/> with the replay role unless
    /// <paramref name="principal"/> says otherwise (<see cref="Anonymous"/> for no header).
    /// </summary>
    public static HttpRequest Request(string method, string path, string? query = null, string? ifNoneMatch = null, string? principal = null)
    {
        var context = new DefaultHttpContext();
        principal ??= PrincipalHeader(Analyst, "PerfPipeline.Replay");
        if (principal != Anonymous)
        {
            context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = principal;
        }

        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = query is null ? QueryString.Empty : new QueryString(query);
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Pass as the principal for a request without the header (authentication off or bypassed).</summary>
    public const string Anonymous = "";

    /// <summary>Executes the function's result on its request's response, as the host does, and reads it back.</summary>
    public static async Task<HttpAnswer> ExecuteAsync(HttpRequest request, IActionResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        var body = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        return new HttpAnswer(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.ETag.ToString(), body);
    }
}
