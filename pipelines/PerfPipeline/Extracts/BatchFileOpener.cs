namespace PerfPipeline.Extracts;

/// <summary>
/// Opens one file of a batch by its name (e.g. <c>manifest.json</c>), or returns null when it does not exist.
/// The same reader reads a live batch, an archived copy (replay) or a blob batch through this delegate.
/// </summary>
public delegate Task<Stream?> BatchFileOpener(string fileName, CancellationToken cancellationToken);
