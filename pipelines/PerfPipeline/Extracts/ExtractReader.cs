namespace PerfPipeline.Extracts;

using System.Globalization;
using System.Security.Cryptography;

using PerfPipeline.Batches;
using PerfPipeline.CaseData;
using PerfPipeline.Privacy;

/// <summary>
/// Reads one batch (manifest and dataset files), validates it against the extract contract and pseudonymises
/// person identifiers. Problems are carried as <see cref="ValidationIssue"/> values in the result; only failures of
/// the source itself (not of the LA's data) throw.
/// </summary>
public sealed class ExtractReader
{
    private const int MaxManifestBytes = 1 << 20;

    private readonly PseudonymisationKey _key;
    private readonly TimeProvider _timeProvider;
    private readonly double _maxRejectedRowShare;
    private readonly IExtractReferenceSource? _reference;
    private readonly CareLeaverCohort _careLeavers;

    /// <param name="reference">Where each LA's code map and roles come from; none: only the contract's own codes and spellings.</param>
    /// <param name="careLeavers">The care-leaver cohort's rules the indicator engine applies, for the report's count of the rows they leave out; none: the spec's.</param>
    public ExtractReader(
        PseudonymisationKey key, TimeProvider timeProvider, ExtractReaderOptions? options = null, IExtractReferenceSource? reference = null,
        CareLeaverCohort? careLeavers = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _key = key;
        _timeProvider = timeProvider;
        _reference = reference;
        _careLeavers = careLeavers ?? CareLeaverCohort.Default;
        _maxRejectedRowShare = (options ?? new ExtractReaderOptions()).MaxRejectedRowShare;
        ArgumentOutOfRangeException.ThrowIfLessThan(_maxRejectedRowShare, 0.0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_maxRejectedRowShare, 1.0, nameof(options));
    }

    /// <summary>
    /// Reads a batch from its source's extracts root. An entry of the batch folder that is not a regular file (a
    /// symbolic link, a folder), listed or not, is a file error.
    /// </summary>
    public async Task<ExtractBatch> ReadAsync(IBatchSource source, BatchLocation batch, CancellationToken cancellationToken = default)
    {
        // The same reading a load takes dataset by dataset, waited for whole.
        var reading = await StartReadingAsync(source, batch, cancellationToken).ConfigureAwait(false);
        await using (reading.ConfigureAwait(false))
        {
            return await reading.Completion.ConfigureAwait(false);
        }
    }

    /// <summary>Reads a batch whose files <paramref name="openFile"/> opens: a live batch, an archived copy or a blob batch.</summary>
    public async Task<ExtractBatch> ReadAsync(BatchLocation batch, BatchFileOpener openFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var reference = await ReferenceForAsync(batch.LaCode, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(batch, openFile, [], reference, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts reading a batch from its source's extracts root on the thread pool, handing each dataset on as soon as it
    /// is final (<see cref="BatchReading"/>), so that the load can write it while the next file is read. The LA's
    /// reference data is read first, before the load takes the warehouse.
    /// </summary>
    internal async Task<BatchReading> StartReadingAsync(IBatchSource source, BatchLocation batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(batch);
        var reference = await ReferenceForAsync(batch.LaCode, cancellationToken).ConfigureAwait(false);
        return BatchReading.Start(async (reading, token) =>
        {
            var issues = await IrregularEntriesAsync(source, batch, token).ConfigureAwait(false);
            return await ReadAsync(batch, (fileName, ct) => source.OpenFileAsync(batch, fileName, ct), issues, reference, reading, token).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>An entry of the batch folder that is not a regular file (a symbolic link, a folder), listed or not, is a file error.</summary>
    private static async Task<List<ValidationIssue>> IrregularEntriesAsync(IBatchSource source, BatchLocation batch, CancellationToken cancellationToken)
    {
        var irregular = await source.FindIrregularEntriesAsync(batch, cancellationToken).ConfigureAwait(false);
        return [.. irregular.Select(entry => FileError(null, ValidationRule.NotRegularFile, entry.Name,
            $"{entry.Name} is {entry.What}: a batch holds regular files only, and this one is neither read nor copied"))];
    }

    /// <summary>The LA's code map and roles the batch is read with; none without a reference source.</summary>
    private Task<ExtractReference> ReferenceForAsync(string laCode, CancellationToken cancellationToken) =>
        _reference is null ? Task.FromResult(ExtractReference.None) : _reference.ForLaAsync(laCode, cancellationToken);

    /// <param name="reading">Told of the manifest once it is parsed and of each dataset once it is final; null when nothing waits for them.</param>
    private async Task<ExtractBatch> ReadAsync(
        BatchLocation batch, BatchFileOpener openFile, List<ValidationIssue> issues, ExtractReference reference, BatchReading.IWriter? reading,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(openFile);
        var datasets = new List<DatasetExtract>();

        var manifestBytes = await ReadManifestAsync(openFile, issues, cancellationToken).ConfigureAwait(false);
        if (manifestBytes is null)
        {
            return Complete(null, string.Empty, datasets, issues);
        }

        var manifestSha256 = Convert.ToHexStringLower(SHA256.HashData(manifestBytes));
        var manifest = ManifestParser.Parse(manifestBytes, out var manifestError);
        if (manifest is null)
        {
            issues.Add(FileError(null, ValidationRule.ManifestInvalid, null, manifestError!));
            return Complete(null, manifestSha256, datasets, issues);
        }

        reading?.ManifestRead(manifest);
        CheckManifest(batch, manifest, issues);
        using var pseudonymiser = new Pseudonymiser(_key, hashOnWorker: true);
        var context = new BatchReadContext(batch.AsAt, pseudonymiser, reference.CodeMap);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var derivations = new BatchDerivations(manifest.SourceSystem);
        var waiting = new List<DatasetExtract>();
        for (var e = 0; e < manifest.Datasets.Count; e++)
        {
            var entry = manifest.Datasets[e];
            var contract = ExtractContract.Find(entry.Name);
            if (contract is null && SsdCatalogue.OtherTable(entry.Name) is { } ssdTable)
            {
                // Addresses, names, contacts: never opened, stored or archived.
                issues.Add(new ValidationIssue(IssueSeverity.Warning, ssdTable, null, null, entry.File,
                    "an SSD table the contract does not read; ignored, never stored or archived")
                { Rule = ValidationRule.OtherSsdTable });
            }
            else if (contract is null)
            {
                issues.Add(new ValidationIssue(IssueSeverity.Warning, entry.Name, null, null, entry.File,
                    "the contract has no dataset of this name; ignored")
                { Rule = ValidationRule.UnknownDataset });
            }
            else if (!listed.Add(contract.Name))
            {
                issues.Add(FileError(contract.Name, ValidationRule.DatasetListedTwice, entry.File, "the manifest lists this dataset more than once"));
            }
            else
            {
                if (await ReadDatasetAsync(contract, entry, openFile, context, issues, cancellationToken).ConfigureAwait(false) is { } dataset)
                {
                    datasets.Add(dataset);
                    if (BatchDerivations.Prerequisite(contract) is null)
                    {
                        reading?.DatasetRead(dataset);
                    }
                    else
                    {
                        waiting.Add(dataset);
                    }
                }
            }

            DeriveReady(e + 1);
        }

        DeriveReady(manifest.Datasets.Count);
        var derived = derivations.Complete(datasets, issues);

        // A dataset whose file could not be read (missing, unreadable) takes no part: its absence already rejects the batch,
        // and a warning for every row that refers to it would bury that one error.
        var unread = issues.Where(i => i.Severity == IssueSeverity.FileError && i.Dataset is not null).Select(i => i.Dataset!).ToHashSet(StringComparer.Ordinal);
        issues.AddRange(BatchCrossChecks.Check([.. datasets.Where(d => !unread.Contains(d.Contract.Name))]));
        CheckRejectedShare(datasets, issues);
        return Complete(manifest, manifestSha256, datasets, IssueRedaction.Redact(issues, pseudonymiser)) with
        {
            Reference = reference,
            Derivations = derived,
            CohortExclusions = CohortExclusions.Of(datasets, manifest.SourceSystem, _careLeavers),
        };

        // A derived dataset is final once the dataset it derives from is read, or known not to come: none of the manifest's
        // entries from nextEntry on is it.
        void DeriveReady(int nextEntry)
        {
            var later = manifest.Datasets.Skip(nextEntry).Select(d => ExtractContract.Find(d.Name)).ToHashSet();
            foreach (var dataset in waiting.Where(d => !later.Contains(BatchDerivations.Prerequisite(d.Contract))).ToList())
            {
                waiting.Remove(dataset);
                var prerequisite = BatchDerivations.Prerequisite(dataset.Contract);
                if (derivations.Derive(dataset, datasets.FirstOrDefault(d => d.Contract == prerequisite)) is { } final)
                {
                    reading?.DatasetRead(final);
                }
            }
        }
    }

    private static async Task<byte[]?> ReadManifestAsync(BatchFileOpener openFile, List<ValidationIssue> issues, CancellationToken cancellationToken)
    {
        var missing = FileError(null, ValidationRule.ManifestMissing, null, "the batch has no manifest.json");
        var stream = await OpenAsync(openFile, ManifestParser.FileName, null, missing, issues, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxManifestBytes)
                {
                    issues.Add(FileError(null, ValidationRule.ManifestInvalid, null, $"manifest.json is larger than {MaxManifestBytes} bytes"));
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private void CheckManifest(BatchLocation batch, BatchManifest manifest, List<ValidationIssue> issues)
    {
        var laCode = manifest.LaCode;
        if (laCode.Length != 3 || laCode.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            issues.Add(FileError(null, ValidationRule.LaCodeMismatch, laCode, "la_code is not three digits"));
        }
        else if (laCode != batch.LaCode)
        {
            issues.Add(FileError(null, ValidationRule.LaCodeMismatch, laCode, $"la_code is not the batch folder's ({batch.LaCode})"));
        }

        var asAt = manifest.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (manifest.AsAt != batch.AsAt)
        {
            issues.Add(FileError(null, ValidationRule.AsAtMismatch, asAt, $"as_at is not the batch folder's ({batch.AsAt:yyyy-MM-dd})"));
        }

        if (manifest.SourceSystem is { Length: > 0 } system && SsdCatalogue.SourceSystem(system) is null)
        {
            issues.Add(new ValidationIssue(IssueSeverity.Warning, null, null, "source_system", system,
                $"not a system the SSD names ({string.Join(", ", SsdCatalogue.SourceSystems)}); read as a batch of the contract's own shape")
            { Rule = ValidationRule.UnknownSourceSystem });
        }

        if (manifest.SsdVersion is { Length: > 0 } version && !SsdCatalogue.KnownVersions.Contains(version.Trim(), StringComparer.Ordinal))
        {
            issues.Add(new ValidationIssue(IssueSeverity.Warning, null, null, "ssd_version", version,
                $"not an SSD version the contract was checked against ({string.Join(", ", SsdCatalogue.KnownVersions)}); read as documented for those")
            { Rule = ValidationRule.UnknownSsdVersion });
        }

        var today = DateOnly.FromDateTime(_timeProvider.GetLocalNow().DateTime);
        if (manifest.AsAt > today)
        {
            issues.Add(FileError(null, ValidationRule.AsAtInFuture, asAt, $"as_at is in the future (today is {today:yyyy-MM-dd})"));
        }
    }

    /// <summary>Reads one listed dataset; null when its primary key is empty in every row (the dataset is left out, with a warning).</summary>
    private static async Task<DatasetExtract?> ReadDatasetAsync(
        DatasetContract contract, ManifestDataset entry, BatchFileOpener openFile, BatchReadContext context, List<ValidationIssue> issues,
        CancellationToken cancellationToken)
    {
        var empty = new DatasetExtract(contract, entry.File, 0, 0, []);
        if (!BatchFileNames.IsPlain(entry.File))
        {
            issues.Add(FileError(contract.Name, ValidationRule.FileNameInvalid, entry.File, "the file must be named without folders, inside the batch folder"));
            return empty;
        }

        var missing = FileError(contract.Name, ValidationRule.FileMissing, entry.File, "the manifest lists a file the batch does not have");
        var stream = await OpenAsync(openFile, entry.File, contract.Name, missing, issues, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return empty;
        }

        DatasetReadResult result;
        await using (stream.ConfigureAwait(false))
        {
            var reader = new DatasetFileReader(contract, entry.File, context, entry.Rows);
            try
            {
                result = await reader.ReadAsync(stream, computeSha256: entry.Sha256 is not null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Not a problem of the LA's data the reader knows how to report: the load records it as failed, naming where.
                throw new BatchReadException(entry.File, reader.RowsRead, exception);
            }
        }

        if (result.Keyless)
        {
            // Mosaic's SSD leaves prof_professional_id NULL in every row: not the LA's rows to reject one by one, but a
            // dataset the batch does not really supply. Its measures are n/a, as for an absent dataset.
            issues.Add(new ValidationIssue(IssueSeverity.Warning, contract.Name, null, contract.PrimaryKey.Name, entry.File,
                $"the primary key is empty in every one of the {result.Extract.RowsRead} rows: the dataset is left out and its measures are n/a")
            { Rule = ValidationRule.DatasetKeyless });
        }
        else
        {
            issues.AddRange(result.Issues);
        }

        if (result.Unreadable)
        {
            return result.Extract;
        }

        if (entry.Rows is { } rows && rows != result.Extract.RowsRead)
        {
            issues.Add(FileError(contract.Name, ValidationRule.RowCountMismatch, entry.File,
                $"the manifest says {rows} rows, the file has {result.Extract.RowsRead}"));
        }

        if (entry.Sha256 is { } expected && !string.Equals(expected.Trim(), result.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(FileError(contract.Name, ValidationRule.ChecksumMismatch, entry.File,
                $"the file's sha256 is {result.Sha256}, not the manifest's {expected}"));
        }

        return result.Keyless ? null : result.Extract;
    }

    /// <summary>Opens a file, or adds the issue <paramref name="missing"/> (or "unreadable" when opening fails) and returns null.</summary>
    private static async Task<Stream?> OpenAsync(
        BatchFileOpener openFile, string fileName, string? dataset, ValidationIssue missing, List<ValidationIssue> issues, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await openFile(fileName, cancellationToken).ConfigureAwait(false);
            if (stream is null)
            {
                issues.Add(missing);
            }

            return stream;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            issues.Add(FileError(dataset, ValidationRule.FileUnreadable, fileName, $"the file cannot be opened: {exception.Message}"));
            return null;
        }
    }

    private void CheckRejectedShare(List<DatasetExtract> datasets, List<ValidationIssue> issues)
    {
        foreach (var dataset in datasets)
        {
            if (dataset.RowsRead > 0 && dataset.RowsRejected > _maxRejectedRowShare * dataset.RowsRead)
            {
                var share = (double)dataset.RowsRejected / dataset.RowsRead;
                issues.Add(FileError(dataset.Contract.Name, ValidationRule.TooManyRowsRejected, dataset.File, string.Create(CultureInfo.InvariantCulture,
                    $"{dataset.RowsRejected} of {dataset.RowsRead} rows rejected ({share * 100:0.0}%), more than the {_maxRejectedRowShare * 100:0.##}% allowed")));
            }
        }
    }

    private static ExtractBatch Complete(BatchManifest? manifest, string manifestSha256, List<DatasetExtract> datasets, List<ValidationIssue> issues)
    {
        ValidationIssue? first = null;
        var fileErrors = 0;
        foreach (var issue in issues)
        {
            if (issue.Severity == IssueSeverity.FileError)
            {
                first ??= issue;
                fileErrors++;
            }
        }

        string? reason = null;
        if (first is not null)
        {
            var where = first.Column is null ? first.Dataset ?? ManifestParser.FileName : $"{first.Dataset}.{first.Column}";
            reason = fileErrors == 1 ? $"{where}: {first.Reason}" : $"{where}: {first.Reason} (and {fileErrors - 1} more file errors)";
        }

        return new ExtractBatch(manifest, manifestSha256, datasets, issues, first is not null, reason);
    }

    private static ValidationIssue FileError(string? dataset, ValidationRule rule, string? value, string reason) =>
        new(IssueSeverity.FileError, dataset, null, null, value, reason) { Rule = rule };
}
