namespace PerfPipeline.Reporting;

using System.Globalization;

/// <summary>A <c>report_commentary</c> row as both dialects store it, and its conversion to and from <see cref="Commentary"/>.</summary>
internal sealed record CommentaryRow(string LaCode, string PeriodCode, long Item, string Section, string Body, string Author, DateTime UpdatedAt, string Status)
{
    public const string Columns = "la_code AS LaCode, period_code AS PeriodCode, item AS Item, section AS Section, body AS Body, author AS Author, updated_at AS UpdatedAt, status AS Status";

    public static object Parameters(Commentary c) => new
    {
        c.LaCode,
        PeriodCode = c.Period,
        c.Item,
        Section = ReportSections.Code(c.Section),
        Body = c.Text,
        c.Author,
        UpdatedAt = c.UpdatedAt.UtcDateTime,
        Status = c.Status == CommentaryStatus.Approved ? "approved" : "draft",
    };

    public Commentary ToCommentary() => new(
        LaCode,
        PeriodCode,
        (int)Item,
        ReportSections.TryParse(Section, out var section) ? section : throw new InvalidDataException($"report_commentary holds an unknown section '{Section}'."),
        Body,
        Author,
        new DateTimeOffset(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)),
        CommentaryMarkdown.ParseStatus(Status, "report_commentary", 0));

    internal static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
