namespace PerfPipeline.Tests.Batches;

using PerfPipeline.Batches;
using PerfPipeline.Tests.TestSupport;

public sealed class LocalFolderBatchSourceContractTests : BatchSourceContractTests, IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly LocalFolderBatchSourceOptions folders;

    public LocalFolderBatchSourceContractTests()
    {
        folders = new() { ExtractsRoot = temp.File("extracts"), ArchiveRoot = temp.File("archive"), QuarantineRoot = temp.File("quarantine") };
        Sut = new LocalFolderBatchSource(folders);
    }

    protected override IBatchSource Sut { get; }

    public void Dispose() => temp.Dispose();

    protected override async Task DropAsync(string path, string content)
    {
        var file = Path.Combine(folders.ExtractsRoot, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content, TestContext.Current.CancellationToken);
    }

    protected override async Task<string?> ReadCopyAsync(CopyKind kind, BatchLocation batch, string loadId, string fileName)
    {
        var root = kind == CopyKind.Archive ? folders.ArchiveRoot : folders.QuarantineRoot;
        var file = Path.Combine(root, batch.LaCode, $"{batch.AsAt:yyyy-MM-dd}", loadId, fileName);
        return File.Exists(file) ? await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken) : null;
    }
}
