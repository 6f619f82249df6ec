namespace PerfPipeline.Tests.TestSupport;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using PerfPipeline.Batches;

/// <summary>
/// Writes a batch folder <c>{root}/{la}/{as_at}/</c> for tests: dataset CSVs, and a manifest listing them with their
/// data-row count and SHA-256 (each can be left out or overridden to test the manifest checks).
/// </summary>
/// <example>
/// <code>
/// var batch = new BatchBuilder(temp.Path)
///     .WithDataset("ssd_person", "pers_person_id,pers_dob\nP1,2010-01-01\n")
///     .Build();
/// </code>
/// </example>
internal sealed class BatchBuilder(string extractsRoot, string laCode = "872", string asAt = "2019-09-30")
{
    private readonly List<(string Name, string File, byte[]? Bytes, long? Rows, string? Sha256)> _datasets = [];
    private readonly List<(string File, byte[] Bytes)> _extraFiles = [];
    private string? _manifestJson;
    private bool _withoutManifest;
    private string _manifestLaCode = laCode;
    private string _manifestAsAt = asAt;
    private string? _sourceSystem = "Mosaic";
    private string? _ssdVersion;

    public string LaCode { get; } = laCode;

    public DateOnly AsAt { get; } = DateOnly.ParseExact(asAt, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The batch folder (written by <see cref="Build"/>).</summary>
    public string Folder => Path.Combine(extractsRoot, LaCode, AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Adds a dataset from CSV text (written as UTF-8 without BOM). Rows and SHA-256 are computed unless given.</summary>
    public BatchBuilder WithDataset(string name, string csv, string? file = null, long? rows = null, string? sha256 = null, bool listRows = true, bool listSha256 = true) =>
        WithDatasetBytes(name, Encoding.UTF8.GetBytes(csv), file, rows, sha256, listRows, listSha256);

    /// <summary>Adds a dataset from raw bytes (to test BOMs, encodings, line endings).</summary>
    public BatchBuilder WithDatasetBytes(string name, byte[] bytes, string? file = null, long? rows = null, string? sha256 = null, bool listRows = true, bool listSha256 = true)
    {
        _datasets.Add((name, file ?? $"{name}.csv", bytes,
            listRows ? rows ?? CountDataRows(bytes) : null,
            listSha256 ? sha256 ?? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null));
        return this;
    }

    /// <summary>Lists a dataset in the manifest without writing its file.</summary>
    public BatchBuilder WithListedButMissingFile(string name, string file)
    {
        _datasets.Add((name, file, null, null, null));
        return this;
    }

    /// <summary>Writes a file into the batch folder that the manifest does not list.</summary>
    public BatchBuilder WithFile(string file, string text)
    {
        _extraFiles.Add((file, Encoding.UTF8.GetBytes(text)));
        return this;
    }

    public BatchBuilder WithManifestLaCode(string value)
    {
        _manifestLaCode = value;
        return this;
    }

    public BatchBuilder WithManifestAsAt(string value)
    {
        _manifestAsAt = value;
        return this;
    }

    /// <summary>Writes this text as the manifest instead of the generated one.</summary>
    public BatchBuilder WithManifestJson(string json)
    {
        _manifestJson = json;
        return this;
    }

    /// <summary>The manifest's <c>source_system</c> and <c>ssd_version</c> (default: Mosaic, no version).</summary>
    public BatchBuilder WithSourceSystem(string system, string? ssdVersion = null)
    {
        _sourceSystem = system;
        _ssdVersion = ssdVersion;
        return this;
    }

    /// <summary>A manifest naming no <c>source_system</c>: a batch of the contract's own shape, not an SSD system's.</summary>
    public BatchBuilder WithoutSourceSystem()
    {
        _sourceSystem = null;
        return this;
    }

    public BatchBuilder WithoutManifest()
    {
        _withoutManifest = true;
        return this;
    }

    /// <summary>Writes the batch and returns its location.</summary>
    public BatchLocation Build()
    {
        Directory.CreateDirectory(Folder);
        foreach (var (_, file, bytes, _, _) in _datasets)
        {
            if (bytes is not null)
            {
                File.WriteAllBytes(Path.Combine(Folder, file), bytes);
            }
        }

        foreach (var (file, bytes) in _extraFiles)
        {
            File.WriteAllBytes(Path.Combine(Folder, file), bytes);
        }

        if (!_withoutManifest)
        {
            File.WriteAllText(Path.Combine(Folder, BatchFileNames.Manifest), _manifestJson ?? ManifestJson());
        }

        return new BatchLocation(LaCode, AsAt);
    }

    private string ManifestJson()
    {
        var datasets = new JsonArray();
        foreach (var dataset in _datasets)
        {
            var entry = new JsonObject { ["name"] = dataset.Name, ["file"] = dataset.File };
            if (dataset.Rows is { } rows)
            {
                entry["rows"] = rows;
            }

            if (dataset.Sha256 is { } sha256)
            {
                entry["sha256"] = sha256;
            }

            datasets.Add(entry);
        }

        var manifest = new JsonObject
        {
            ["la_code"] = _manifestLaCode,
            ["la_name"] = "Wokingham",
            ["as_at"] = _manifestAsAt,
        };
        if (_sourceSystem is not null)
        {
            manifest["source_system"] = _sourceSystem;
        }

        manifest["datasets"] = datasets;

        if (_ssdVersion is not null)
        {
            manifest["ssd_version"] = _ssdVersion;
        }

        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    // Data rows of simple CSV text: non-blank lines after the header (quoted line breaks need an explicit count).
    private static long CountDataRows(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').Count(line => !string.IsNullOrWhiteSpace(line));
        return Math.Max(0, lines - 1);
    }
}
