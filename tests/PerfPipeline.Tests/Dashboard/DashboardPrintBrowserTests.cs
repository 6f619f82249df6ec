namespace PerfPipeline.Tests.Dashboard;

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

using PerfPipeline.Indicators;
using PerfPipeline.Reporting;
using PerfPipeline.Tests.Cli;
using PerfPipeline.Tests.Cli.Serve;
using PerfPipeline.Tests.Support.Browser;
using PerfPipeline.Tests.TestSupport;

using UglyToad.PdfPig;

/// <summary>
/// The served dashboard page with its narrative, in headless Chromium, on the seeds with their 2019-20 Q2 commentary
/// imported: every item shows its four sections with the drafted sentences and the officers' text, and the page
/// printed to PDF (as a reader's "Save as PDF" does, with the print CSS) holds every item, each from a new page.
/// The screenshot and the PDF land in artifacts/screenshots.
/// </summary>
public sealed partial class DashboardPrintBrowserTests(ServedSeeds seeds) : IClassFixture<ServedSeeds>
{
    private const string Quarter = "2019-20 Q2";

    private static readonly string[] SectionHeadings = [.. ReportSections.All.Select(ReportSections.Heading)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_SeedsWithCommentaryInChromium_ShowsTheNarrativeAndItsPdfHoldsEveryItem()
    {
        var database = seeds.Served.DatabasePath;
        var (imported, output) = await CliInvocation.InvokeAsync(
            ["commentary", "import", RepositoryRoot.File("seeds", "commentary", "872-2019-20-Q2.md"), "--db", database], Path.GetDirectoryName(database)!, TimeProvider.System);
        Assert.True(imported == 0, output);
        var file = CommentaryMarkdown.Parse(await File.ReadAllTextAsync(RepositoryRoot.File("seeds", "commentary", "872-2019-20-Q2.md"), Ct));
        var pdf = Artifact("dashboard-print.pdf");
        File.Delete(pdf);

        using var sut = await HeadlessChromium.PrintDashboardAsync(
            new Uri(seeds.Served.Address, $"/?la=872&period={Uri.EscapeDataString(Quarter)}"), Artifact("dashboard-narrative.png"), pdf, Ct);

        // On the page: 8 items in published order, each with the four sections, its drafted sentences (one per
        // measure) and, where the file wrote some, the officers' paragraphs.
        Assert.Empty(sut.RootElement.GetProperty("errors").EnumerateArray());
        var items = sut.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Headings(), items.Select(i => i.GetProperty("heading").GetString()));
        foreach (var (item, number) in items.Select((item, index) => (item, IndicatorCatalogue.Items[index].Number)))
        {
            Assert.Equal(SectionHeadings, item.GetProperty("sections").EnumerateArray().Select(s => s.GetString()));
            var drafted = item.GetProperty("drafted").EnumerateArray().Single(d => d.GetProperty("section").GetString() == "what_it_shows");
            Assert.Equal(IndicatorCatalogue.All.Count(d => d.Item.Number == number), drafted.GetProperty("sentences").GetArrayLength());
            var written = item.GetProperty("written").EnumerateArray()
                .ToDictionary(w => w.GetProperty("section").GetString()!, w => string.Join("\n\n", w.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString())));
            var expected = file.Sections.Where(s => s.Item == number).ToDictionary(s => ReportSections.Code(s.Section), s => string.Join("\n\n", CommentaryMarkdown.Paragraphs(s.Text)));
            Assert.Equal(expected, written);
        }

        Assert.True(new FileInfo(Artifact("dashboard-narrative.png")).Length > 0);

        // In the PDF: every item heading, in order, each starting a page; under each, the four section headings.
        var pages = PdfPages(pdf);
        var firstPageOf = Headings().Select(h => pages.FindIndex(p => p.Contains(h, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, firstPageOf);
        Assert.Equal(firstPageOf.Order(), firstPageOf);
        Assert.Equal(firstPageOf.Count, firstPageOf.Distinct().Count());
        var text = string.Join(' ', pages);
        foreach (var heading in SectionHeadings)
        {
            Assert.Equal(IndicatorCatalogue.Items.Count, Regex.Count(text, Regex.Escape(heading)));
        }

        // Drafted and written text made it to paper: each item's first drafted sentence opens with its words, and
        // each officer's first paragraph is there.
        foreach (var item in items)
        {
            var sentence = item.GetProperty("drafted").EnumerateArray().First().GetProperty("sentences")[0].GetString()!;
            Assert.Contains(Opening(sentence), text, StringComparison.Ordinal);
        }

        Assert.All(file.Sections, s => Assert.Contains(Opening(CommentaryMarkdown.Paragraphs(s.Text)[0]), text, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Headings() => IndicatorCatalogue.Items.Select(i => $"{i.Number}. {i.Title}");

    /// <summary>The first six words: enough to identify a sentence, short enough not to cross a line-break hyphenation.</summary>
    private static string Opening(string sentence) => string.Join(' ', Words().Split(sentence.Trim()).Take(6));

    /// <summary>
    /// Each page's words in reading order, separated by single spaces; ligatures the typesetter used ("ﬁ") read as their
    /// letters (compatibility normalisation), as a reader copying the text would get them.
    /// </summary>
    private static List<string> PdfPages(string path)
    {
        using var document = PdfDocument.Open(path);
        return [.. document.GetPages().Select(page => string.Join(' ', page.GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormKC))];
    }

    private static string Artifact(string name)
    {
        var path = RepositoryRoot.File("artifacts", "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Words();
}
