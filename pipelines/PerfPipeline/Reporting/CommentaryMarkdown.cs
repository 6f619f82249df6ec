namespace PerfPipeline.Reporting;

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;

/// <summary>One section's text as read from a commentary file, before it is stamped with a time.</summary>
public sealed record CommentaryDraft(int Item, ReportSection Section, string Text, string Author, CommentaryStatus Status);

/// <summary>A commentary file: the LA and period it is for, and its sections' texts.</summary>
public sealed record CommentaryFile(string LaCode, string Period, IReadOnlyList<CommentaryDraft> Sections);

/// <summary>
/// The Markdown file an analyst writes a report's commentary in, one file per report:
/// <code>
/// ---
/// la: 872
/// period: 2019-20 Q2
/// author: A. Analyst
/// status: draft
/// ---
/// # 3. Children's Social Care Front Door
/// ## What is the background to this?
/// Paragraphs of text...
/// </code>
/// Items are headed <c># N. Title</c> (the number decides, the title is for the reader); sections <c>## heading</c> as
/// published or by code (<c>## background</c>). A comment line under a section heading,
/// <c>&lt;!-- author: ...; status: approved --&gt;</c>, overrides the file's author and status for that section;
/// <see cref="Write"/> writes one per section, so a file shown and imported again keeps who wrote what.
/// </summary>
public static partial class CommentaryMarkdown
{
    public static CommentaryFile Parse(string markdown, string source = "commentary file")
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        while (index < lines.Length && lines[index].Trim().Length == 0)
        {
            index++;
        }

        if (index >= lines.Length || lines[index].Trim() != "---")
        {
            throw new FormatException($"{source}: starts with a '---' block naming la, period and author.");
        }

        for (index++; index < lines.Length && lines[index].Trim() != "---"; index++)
        {
            var line = lines[index];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"{source} line {index + 1}: expected 'name: value' in the header, found '{line}'.");
            }

            header[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        if (index >= lines.Length)
        {
            throw new FormatException($"{source}: the header's closing '---' is missing.");
        }

        var la = Header(header, "la", source);
        var period = Header(header, "period", source);
        if (!Period.TryParse(period, out _))
        {
            throw new FormatException($"{source}: period '{period}' is not a period code (2019-20 Q2, 2019-20 or 2019-09).");
        }

        var fileAuthor = header.GetValueOrDefault("author");
        var fileStatus = ParseStatus(header.GetValueOrDefault("status"), source, index);
        var sections = new List<CommentaryDraft>();
        int? item = null;
        ReportSection? section = null;
        string? author = fileAuthor;
        var status = fileStatus;
        var body = new StringBuilder();

        void Flush(int line)
        {
            if (item is { } i && section is { } s && body.ToString().Trim() is { Length: > 0 } text)
            {
                if (string.IsNullOrWhiteSpace(author))
                {
                    throw new FormatException($"{source} line {line}: no author for item {i} '{ReportSections.Heading(s)}': name one in the header or the section's comment.");
                }

                if (sections.Any(d => d.Item == i && d.Section == s))
                {
                    throw new FormatException($"{source} line {line}: item {i} '{ReportSections.Heading(s)}' is written twice.");
                }

                sections.Add(new CommentaryDraft(i, s, text, author, status));
            }

            body.Clear();
        }

        for (index++; index < lines.Length; index++)
        {
            var line = lines[index];
            if (ItemHeading().Match(line) is { Success: true } itemMatch)
            {
                Flush(index + 1);
                var number = int.Parse(itemMatch.Groups[1].Value, CultureInfo.InvariantCulture);
                if (IndicatorCatalogue.Items.All(x => x.Number != number))
                {
                    throw new FormatException($"{source} line {index + 1}: there is no item {number}; items are 1 to {IndicatorCatalogue.Items.Count}.");
                }

                (item, section) = (number, null);
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush(index + 1);
                if (item is null)
                {
                    throw new FormatException($"{source} line {index + 1}: a section comes under an item heading ('# 3. ...').");
                }

                if (!ReportSections.TryParse(line[3..], out var parsed))
                {
                    throw new FormatException($"{source} line {index + 1}: '{line[3..].Trim()}' is not a section; use one of: {string.Join("; ", ReportSections.All.Select(ReportSections.Heading))}.");
                }

                (section, author, status) = (parsed, fileAuthor, fileStatus);
            }
            else if (SectionComment().Match(line) is { Success: true } comment && section is not null && body.Length == 0)
            {
                foreach (var part in comment.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var colon = part.IndexOf(':', StringComparison.Ordinal);
                    var (name, value) = colon < 0 ? (part, string.Empty) : (part[..colon].Trim(), part[(colon + 1)..].Trim());
                    if (name.Equals("author", StringComparison.OrdinalIgnoreCase))
                    {
                        author = value;
                    }
                    else if (name.Equals("status", StringComparison.OrdinalIgnoreCase))
                    {
                        status = ParseStatus(value, source, index + 1);
                    }
                }
            }
            else if (line.Trim().Length > 0 && section is null)
            {
                throw new FormatException($"{source} line {index + 1}: text outside a section; put it under a '## ' section heading.");
            }
            else
            {
                body.Append(line).Append('\n');
            }
        }

        Flush(lines.Length);
        return new CommentaryFile(la, period, sections);
    }

    /// <summary>The file for <paramref name="commentary"/> of one LA and period, in item and section order.</summary>
    public static string Write(string laCode, string period, IEnumerable<Commentary> commentary)
    {
        ArgumentNullException.ThrowIfNull(commentary);
        var text = new StringBuilder();
        text.Append("---\nla: ").Append(laCode).Append("\nperiod: ").Append(period).Append("\n---\n");
        foreach (var group in commentary.OrderBy(c => c.Item).ThenBy(c => c.Section).GroupBy(c => c.Item))
        {
            var title = IndicatorCatalogue.Items.FirstOrDefault(i => i.Number == group.Key)?.Title ?? string.Empty;
            text.Append("\n# ").Append(group.Key.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(title).Append('\n');
            foreach (var c in group)
            {
                text.Append("\n## ").Append(ReportSections.Heading(c.Section)).Append('\n')
                    .Append("<!-- author: ").Append(c.Author).Append("; status: ").Append(c.Status == CommentaryStatus.Approved ? "approved" : "draft")
                    .Append("; updated: ").Append(c.UpdatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(" -->\n")
                    .Append(c.Text.Trim()).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The paragraphs of a section's text: blank lines separate them, line breaks inside one are spaces.</summary>
    public static IReadOnlyList<string> Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. BlankLines().Split(text.ReplaceLineEndings("\n").Trim())
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0)];
    }

    public static CommentaryStatus ParseStatus(string? value, string source, int line) => (value ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "" or "draft" => CommentaryStatus.Draft,
        "approved" => CommentaryStatus.Approved,
        _ => throw new FormatException($"{source} line {line}: status '{value}' is draft or approved."),
    };

    private static string Header(Dictionary<string, string> header, string name, string source) =>
        header.GetValueOrDefault(name) is { Length: > 0 } value ? value : throw new FormatException($"{source}: the header names no '{name}'.");

    [GeneratedRegex(@"^#\s+(\d+)\b\.?")]
    private static partial Regex ItemHeading();

    [GeneratedRegex(@"^\s*<!--(.*)-->\s*$")]
    private static partial Regex SectionComment();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();
}
