namespace PerfPipeline.Extracts;

using System.Globalization;
using System.Text.Json;

/// <summary>Writes a batch's <c>manifest.json</c> in the shape <see cref="ManifestParser"/> reads (snake_case, LF line ends, two-space indent).</summary>
public static class ManifestWriter
{
    /// <summary>
    /// Writes <c>manifest.json</c> into the batch folder. It is written under another name and renamed into place, because
    /// its arrival says the batch is complete: a run never sees half a manifest.
    /// </summary>
    public static async Task WriteFileAsync(string folder, BatchManifest manifest, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(folder, ManifestParser.FileName);
        var partial = Path.Combine(folder, "." + ManifestParser.FileName + ".partial");
        var stream = new FileStream(partial, FileMode.Create, FileAccess.Write);
        await using (stream.ConfigureAwait(false))
        {
            await WriteAsync(stream, manifest, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, path, overwrite: true);
    }

    public static async Task WriteAsync(Stream stream, BatchManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(manifest);
        var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("la_code", manifest.LaCode);
            json.WriteString("la_name", manifest.LaName);
            json.WriteString("as_at", manifest.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (manifest.SourceSystem is { Length: > 0 } system)
            {
                json.WriteString("source_system", system);
            }

            if (manifest.SsdVersion is { } version)
            {
                json.WriteString("ssd_version", version);
            }

            json.WriteStartArray("datasets");
            foreach (var dataset in manifest.Datasets)
            {
                json.WriteStartObject();
                json.WriteString("name", dataset.Name);
                json.WriteString("file", dataset.File);
                if (dataset.Rows is { } rows)
                {
                    json.WriteNumber("rows", rows);
                }

                if (dataset.Sha256 is { } sha256)
                {
                    json.WriteString("sha256", sha256);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
