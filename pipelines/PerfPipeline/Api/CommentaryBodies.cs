namespace PerfPipeline.Api;

/// <summary><c>GET /api/commentary/{la}?period=</c>: the officers' text of one report, in item and section order.</summary>
public sealed record CommentaryBody(string LaCode, string Period, IReadOnlyList<CommentaryEntry> Sections);

/// <summary>One section's text; <see cref="Section"/> is its code (<c>background</c>), <see cref="Heading"/> as published.</summary>
public sealed record CommentaryEntry(
    int Item, string Section, string Heading, string Text, string Author, DateTimeOffset UpdatedAt, string Status);

/// <summary>
/// The body of <c>PUT /api/commentary/{la}/{item}/{section}?period=</c>. <see cref="Author"/> is required on the local
/// server and ignored by the cloud API, which records the signed-in user; <see cref="Status"/> is <c>draft</c> (the
/// default) or <c>approved</c>.
/// </summary>
public sealed record CommentaryInput(string? Text, string? Author, string? Status);
