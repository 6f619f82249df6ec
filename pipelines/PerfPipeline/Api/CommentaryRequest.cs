namespace PerfPipeline.Api;

using System.Text.Json;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Reporting;

/// <summary>
/// Reads and checks a commentary <c>PUT</c>: the period, item and section from the route, the text, author and status
/// from the JSON body. Each problem is a 400 naming the field and what it may hold.
/// </summary>
internal static class CommentaryRequest
{
    /// <summary>Longest text one section takes: several pages of prose, far below anything that would strain the warehouse.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>Largest body read: the longest text, JSON-escaped, with room for the other fields.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The body's bytes, or null when it is longer than <see cref="MaxBodyBytes"/> (read no further).</summary>
    public static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static bool TryRead(
        string laCode, string? period, string item, string section, ReadOnlySpan<byte> body, string? signedInAuthor, DateTimeOffset now,
        out Commentary commentary, out ApiResponse? problem)
    {
        commentary = null!;
        problem = Check(period, item, section, out var parsedPeriod, out var parsedItem, out var parsedSection);
        if (problem is not null)
        {
            return false;
        }

        CommentaryInput? input;
        try
        {
            input = JsonSerializer.Deserialize(body, ApiJsonContext.Default.CommentaryInput);
        }
        catch (JsonException e)
        {
            problem = ApiResponse.BadRequest($"The body is not JSON of the shape {{\"text\": \"...\", \"author\": \"...\", \"status\": \"draft\"}}: {e.Message}");
            return false;
        }

        if (input?.Text is not { } text || text.Trim().Length == 0)
        {
            problem = ApiResponse.BadRequest("The body's 'text' is missing or empty: send the section's text (Markdown paragraphs).");
            return false;
        }

        if (text.Length > MaxTextLength)
        {
            problem = ApiResponse.BadRequest($"The body's 'text' is {text.Length} characters: a section takes at most {MaxTextLength}.");
            return false;
        }

        var author = signedInAuthor ?? input.Author?.Trim();
        if (string.IsNullOrEmpty(author))
        {
            problem = ApiResponse.BadRequest("The body's 'author' is missing: say who wrote the text.");
            return false;
        }

        CommentaryStatus status;
        try
        {
            status = CommentaryMarkdown.ParseStatus(input.Status, "status", 0);
        }
        catch (FormatException)
        {
            problem = ApiResponse.BadRequest($"The body's 'status' is '{input.Status}': use draft or approved.");
            return false;
        }

        commentary = new Commentary(laCode, parsedPeriod.Code, parsedItem, parsedSection, text.Trim(), author, now, status);
        return true;
    }

    /// <summary>Null when the period, item and section name a section of a report; else the 400 to answer.</summary>
    public static ApiResponse? Check(string? period, string item, string section, out Period parsedPeriod, out int parsedItem, out ReportSection parsedSection)
    {
        parsedItem = 0;
        parsedSection = default;
        if (!TryPeriod(period, out parsedPeriod, out var problem))
        {
            return problem;
        }

        if (!int.TryParse(item, out var number) || IndicatorCatalogue.Items.All(i => i.Number != number))
        {
            return ApiResponse.BadRequest($"'{item}' is not an item of the dashboard: use 1 to {IndicatorCatalogue.Items.Count}.");
        }

        parsedItem = number;
        return ReportSections.TryParse(section, out parsedSection)
            ? null
            : ApiResponse.BadRequest($"'{section}' is not a section: use {string.Join(", ", ReportSections.All.Select(ReportSections.Code))}.");
    }

    /// <summary>The report's period, which commentary always names (no default: text written for one quarter must not land on another).</summary>
    public static bool TryPeriod(string? period, out Period parsed, out ApiResponse? problem)
    {
        parsed = default;
        problem = null;
        if (string.IsNullOrWhiteSpace(period))
        {
            problem = ApiResponse.BadRequest("Name the report's period: ?period=2019-20%20Q2.");
            return false;
        }

        if (!Period.TryParse(period, out parsed))
        {
            problem = ApiResponse.BadRequest($"'{period}' is not a period: use a quarter (2019-20 Q2), a financial year (2019-20) or a month (2019-09).");
            return false;
        }

        return true;
    }

    public static CommentaryEntry Entry(Commentary c) => new(
        c.Item, ReportSections.Code(c.Section), ReportSections.Heading(c.Section), c.Text, c.Author, c.UpdatedAt,
        c.Status == CommentaryStatus.Approved ? "approved" : "draft");
}
