namespace PerfPipeline.Batches;

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

/// <summary>
/// A <c>Microsoft.Storage.BlobCreated</c> event as Event Grid writes it to a storage queue (Event Grid schema, one event
/// per message): the subject <c>/blobServices/default/containers/{container}/blobs/{blob name}</c> names the blob.
/// The cloud host reads these from the queue its subscription fills (docs/functions.md).
/// </summary>
public sealed record BlobCreatedEvent(string Container, string BlobName)
{
    public const string EventType = "Microsoft.Storage.BlobCreated";

    private const string SubjectPrefix = "/blobServices/default/containers/";
    private const string BlobsSegment = "/blobs/";

    /// <summary>Reads one event (an object, or an array of exactly one, as Event Grid may batch); anything else is a <see cref="FormatException"/>.</summary>
    public static BlobCreatedEvent Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The queue message is not an Event Grid event (not JSON).", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 1)
            {
                root = root[0];
            }

            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("eventType", out var eventType) || eventType.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("subject", out var subject) || subject.ValueKind != JsonValueKind.String)
            {
                throw new FormatException("The queue message is not an Event Grid event (no eventType and subject).");
            }

            if (eventType.GetString() != EventType)
            {
                throw new FormatException($"The queue message is a {eventType.GetString()} event, not {EventType}.");
            }

            var text = subject.GetString()!;
            var blobs = text.IndexOf(BlobsSegment, StringComparison.Ordinal);
            if (!text.StartsWith(SubjectPrefix, StringComparison.Ordinal) || blobs <= SubjectPrefix.Length || blobs + BlobsSegment.Length == text.Length)
            {
                throw new FormatException($"The event's subject '{text}' does not name a blob.");
            }

            return new BlobCreatedEvent(text[SubjectPrefix.Length..blobs], text[(blobs + BlobsSegment.Length)..]);
        }
    }

    /// <summary>The batch whose manifest this is, when the blob is <c>{la}/{yyyy-MM-dd}/manifest.json</c> in the extracts container.</summary>
    public bool TryGetBatch(string extractsContainer, [NotNullWhen(true)] out BatchLocation? batch)
    {
        batch = null;
        return string.Equals(Container, extractsContainer, StringComparison.Ordinal) && BlobBatchSource.TryParseManifestName(BlobName, out batch);
    }
}
