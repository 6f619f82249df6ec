namespace PerfPipeline.Tests.Extracts;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Privacy;
using PerfPipeline.Tests.TestSupport;

/// <summary>A temp extracts root, a batch builder for 872/2019-09-30, and a reader whose clock says 2019-10-15.</summary>
public abstract class ExtractReaderTestBase : IDisposable
{
    protected ExtractReaderTestBase()
    {
        Source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = Temp.File("extracts"),
            ArchiveRoot = Temp.File("archive"),
            QuarantineRoot = Temp.File("quarantine"),
        });
        Batch = new BatchBuilder(Temp.File("extracts"));
    }

    /// <summary>Options that never reject a batch for its share of rejected rows, for tests of single row rules.</summary>
    protected static ExtractReaderOptions Lenient { get; } = new() { MaxRejectedRowShare = 1.0 };

    private protected TempDirectory Temp { get; } = new();

    protected PseudonymisationKey Key { get; } = TestKeys.NewKey();

    protected FakeTimeProvider Clock { get; set; } = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));

    private protected LocalFolderBatchSource Source { get; }

    private protected BatchBuilder Batch { get; }

    protected ExtractReader CreateReader(ExtractReaderOptions? options = null) => new(Key, Clock, options);

    protected Task<ExtractBatch> ReadAsync(ExtractReaderOptions? options = null) =>
        CreateReader(options).ReadAsync(Source, Batch.Build(), TestContext.Current.CancellationToken);

    protected string Pseudonym(string personId)
    {
        using var pseudonymiser = new Pseudonymiser(Key);
        return pseudonymiser.Pseudonymise(personId);
    }

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
