namespace PerfPipeline.Tests.Reporting;

using System.Text.Json;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

using PerfPipeline.Indicators;
using PerfPipeline.Reporting;

/// <summary>
/// <c>report</c> and <c>commentary</c> on the seeds, end to end through the command line: the Word document passes
/// the Open XML SDK validator and reads back with every item, table, section and drafted sentence; reference files
/// and commentary change the next report with no rebuild.
/// </summary>
public sealed class ReportCommandTests(ReportedSeeds seeds) : IClassFixture<ReportedSeeds>
{
    private const string Period = "2019-20 Q2";

    private static readonly string[] SectionHeadings = [.. ReportSections.All.Select(ReportSections.Heading)];

    [Fact]
    public async Task ReportDocx_Seeds_PassesTheValidatorWithEightItemsInPublishedOrderEachWithTableAndFourSections()
    {
        using var folder = new TestSupport.TempDirectory();
        var path = await ReportAsync(folder, "docx");

        using var document = WordprocessingDocument.Open(path, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        var items = Items(document);
        Assert.Equal(IndicatorCatalogue.Items.Select(i => $"{i.Number}. {i.Title}"), items.Select(i => i.Heading));
        Assert.All(items, item =>
        {
            var table = Assert.Single(item.Body.OfType<Table>());
            Assert.Equal(IndicatorCatalogue.All.Count(d => $"{d.Item.Number}. {d.Item.Title}" == item.Heading) + 1, table.Elements<TableRow>().Count());
            Assert.Equal(SectionHeadings, item.Body.OfType<Paragraph>().Where(p => Style(p) == "Heading2").Select(p => p.InnerText));
            Assert.NotEmpty(item.Body.SelectMany(e => e.Descendants<DocumentFormat.OpenXml.Drawing.Blip>()));
        });
        Assert.Equal(IndicatorCatalogue.All.Count, document.MainDocumentPart!.ImageParts.Count());
    }

    [Fact]
    public async Task ReportDocx_Seeds_EveryDraftedSentenceCarriesItsRowsFiguresAndDirection()
    {
        using var folder = new TestSupport.TempDirectory();
        using var document = WordprocessingDocument.Open(await ReportAsync(folder, "docx"), false);

        var checkedRows = 0;
        foreach (var item in Items(document))
        {
            var drafted = Section(item, ReportSections.Heading(ReportSection.WhatItShows)).Where(p => Style(p) == "Drafted").Select(p => p.InnerText).ToList();
            var rows = item.Body.OfType<Table>().Single().Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(rows.Count, drafted.Count);
            foreach (var cells in rows)
            {
                var definition = IndicatorCatalogue.All.Single(d => d.Label == cells[0]);
                var subject = MeasureWording.For(definition.Code, definition.Label, definition.Unit).Subject;
                var (previousYear, lastYear, current) = (Figure(cells[1]), Figure(cells[2]), Figure(cells[3]));
                var sentence = current == IndicatorDisplay.NotAvailable
                    ? Assert.Single(drafted, s => s.StartsWith(definition.Label + ": there is no figure", StringComparison.Ordinal))
                    : Assert.Single(drafted, s => s.Contains($"{current} {subject} ", StringComparison.Ordinal));
                Assert.Contains(current + " ", sentence, StringComparison.Ordinal);
                foreach (var earlier in new[] { lastYear, previousYear }.Where(f => f != IndicatorDisplay.NotAvailable))
                {
                    Assert.Contains(earlier + " ", sentence, StringComparison.Ordinal);
                }

                // The table's direction cell ("↑ improving") and the sentence's first word ("Improved:") say the same.
                var word = cells[4].Split(' ', 2)[^1];
                var expected = word switch
                {
                    "improving" => "Improved:",
                    "worsening" => "Worsened:",
                    "no change" => "Unchanged:",
                    "neutral" => cells[4].StartsWith('↑') ? "Rose:" : "Fell:",
                    _ => null,
                };
                if (expected is null)
                {
                    Assert.DoesNotMatch("^(Improved|Worsened|Unchanged|Rose|Fell):", sentence);
                }
                else
                {
                    Assert.StartsWith(expected, sentence, StringComparison.Ordinal);
                }

                checkedRows++;
            }
        }

        Assert.Equal(IndicatorCatalogue.All.Count, checkedRows);
    }

    [Fact]
    public async Task ReportDocx_Seeds_ShowsRagAndTheLabelledEnglandColumnAndCommentary()
    {
        using var folder = new TestSupport.TempDirectory();
        using var document = WordprocessingDocument.Open(await ReportAsync(folder, "docx"), false);

        var rows = RowsByLabel(document);
        var assessments = rows[IndicatorCatalogue.Get(IndicatorCodes.CscAssessments45WdPct).Label];
        Assert.Equal(["90.0%", "Red", "82.7% (England 2018-19)"], assessments[5..]);
        var ehcp = rows[IndicatorCatalogue.Get(IndicatorCodes.EhcpIssuedWithin20WeeksPct).Label];
        Assert.Equal(["100.0%", "Red", "60.1% (England, calendar year 2018)"], ehcp[5..]);
        var frontDoor = Items(document).Single(i => i.Heading.StartsWith("3.", StringComparison.Ordinal));
        Assert.Contains(
            Section(frontDoor, ReportSections.Heading(ReportSection.Action)).Select(p => p.InnerText),
            t => t.StartsWith("Assessment timeliness has improved since the duty teams were reorganised", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportDocx_RaisedSmallNumberThreshold_FlagsAndFootnotesTheFigure()
    {
        using var folder = new TestSupport.TempDirectory();
        using var document = WordprocessingDocument.Open(await ReportAsync(folder, "docx", "--small-number-threshold", "35"), false);

        var repeat = RowsByLabel(document)[IndicatorCatalogue.Get(IndicatorCodes.CpRepeatPlan2YPct).Label];
        Assert.Equal("23.5% †", repeat[3]);
        var body = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Small number: % of children starting a plan who had a previous one in the last 2 years, 23.5% is 8 of 34, fewer than 35 cases.", body, StringComparison.Ordinal);
        Assert.Contains("Based on 34 children from 18 families", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardTable_Seeds_ShowsTargetRagSmallNumberFlagAndTheLabelledEnglandFigure()
    {
        var (exitCode, output) = await seeds.InvokeAsync("dashboard", "--period", Period, "--small-number-threshold", "35");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"% assessments completed within 45 working days\s.*\s76\.3%\s+↑\s+90\.0%\s+Red\s+82\.7% \(England 2018-19\)", output);
        Assert.Matches(@"EHCPs issued within 20 weeks of the referral\s.*\s100\.0%\s+Red\s+60\.1% \(England, calendar year 2018\)", output);
        Assert.Matches(@"previous one in the last 2 years\s.*\s23\.5% †\d", output);
        Assert.Contains("Small number: % of children starting a plan who had a previous one in the last 2 years, 23.5% is 8 of 34, fewer than 35 cases.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardJson_Seeds_CarriesRagTargetSmallNumberFlagsFractionsAndEnglandLabel()
    {
        var (exitCode, output) = await seeds.InvokeAsync("dashboard", "--period", Period, "--format", "json", "--small-number-threshold", "35");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var measures = json.RootElement.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray())
            .ToDictionary(m => m.GetProperty("code").GetString()!);
        var assessments = measures[IndicatorCodes.CscAssessments45WdPct];
        Assert.Equal("red", assessments.GetProperty("target").GetProperty("rag").GetString());
        Assert.Equal(90m, assessments.GetProperty("target").GetProperty("value").GetDecimal());
        Assert.Equal("local", assessments.GetProperty("target").GetProperty("source").GetString());
        Assert.Equal("England 2018-19", assessments.GetProperty("national").GetProperty("label").GetString());
        Assert.Equal((290m, 380m), (assessments.GetProperty("current").GetProperty("numerator").GetDecimal(), assessments.GetProperty("current").GetProperty("denominator").GetDecimal()));
        Assert.True(measures[IndicatorCodes.CpRepeatPlan2YPct].GetProperty("current").GetProperty("small_number").GetBoolean());
        Assert.False(assessments.GetProperty("current").GetProperty("small_number").GetBoolean());
        Assert.Equal(JsonValueKind.Null, measures[IndicatorCodes.CscReferrals].GetProperty("target").ValueKind);
        var narrative = json.RootElement.GetProperty("items")[2].GetProperty("narrative");
        Assert.Equal(3, narrative.GetProperty("what_it_shows").GetArrayLength());
        Assert.Equal(2, narrative.GetProperty("written").GetArrayLength());
    }

    [Fact]
    public async Task ReportHtml_Seeds_ShowsRagFlagsFractionsEnglandLabelAndBothKindsOfText()
    {
        using var folder = new TestSupport.TempDirectory();
        var html = await File.ReadAllTextAsync(await ReportAsync(folder, "html", "--small-number-threshold", "35"), TestContext.Current.CancellationToken);

        Assert.Contains("<td data-column=\"rag\" class=\"rag-red\">Red</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-column=\"current\" data-numerator=\"8\" data-denominator=\"34\" title=\"8 of 34\" class=\"small-number\" data-footnote=\"1\">23.5%</td>", html, StringComparison.Ordinal);
        Assert.Contains("82.7% <span class=\"comparator-period\">(England 2018-19)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"drafted\" data-section=\"what_it_shows\"><li>Improved: 76.3% of assessments", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"written\" data-section=\"background\"><p>The number of referrals is close to last year&#x27;s.", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferenceImport_TargetsAndComparatorsChanged_DashboardJsonAndReportChangeWithNoRebuild()
    {
        var targets = Path.Combine(seeds.Extracts, "872", "reference", "targets.csv");
        var comparators = Path.Combine(seeds.Extracts, "reference", "comparators.csv");
        var oldTargets = await File.ReadAllTextAsync(targets, TestContext.Current.CancellationToken);
        Assert.False(File.Exists(comparators), "the seeds ship no comparators file of their own: the library's are used");
        try
        {
            await File.WriteAllTextAsync(targets, "indicator,target,tolerance,source,from_date\nCSC_ASSESSMENTS_45WD_PCT,80,5,local,2019-04-01\n", TestContext.Current.CancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(comparators)!);
            await File.WriteAllTextAsync(
                comparators,
                "indicator,geography,period,period_end,value,unit,source_note\n"
                + "CSC_ASSESSMENTS_45WD_PCT,England,2018-19,2019-03-31,82.7,percent,\"England, CIN census\"\n"
                + "CSC_ASSESSMENTS_45WD_PCT,England,2019-20 Q1,2019-06-30,84.1,percent,\"England, a newer figure\"\n"
                + "CSC_ASSESSMENTS_45WD_PCT,England,2019-20,2020-03-31,85.0,percent,\"England, published after the period\"\n",
                TestContext.Current.CancellationToken);
            using var folder = new TestSupport.TempDirectory();

            // Files written but not imported change nothing: the warehouse, not the folder, is what reports read.
            Assert.Equal(["90.0%", "Red", "82.7% (England 2018-19)"], await AssessmentsRowAsync(folder));

            var (import, imported) = await seeds.InvokeAsync("reference", "import", seeds.Extracts);
            Assert.True(import == 0, imported);

            Assert.Equal(["80.0%", "Amber", "84.1% (England 2019-20 Q1)"], await AssessmentsRowAsync(folder));
            using var document = WordprocessingDocument.Open(folder.File("report.docx"), false);
            Assert.Equal(["", ""], RowsByLabel(document)[IndicatorCatalogue.Get(IndicatorCodes.EhcpIssuedWithin20WeeksPct).Label][5..7]);
            var (_, output) = await seeds.InvokeAsync("dashboard", "--period", Period, "--format", "json");
            using var json = JsonDocument.Parse(output);
            var assessments = json.RootElement.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray())
                .Single(m => m.GetProperty("code").GetString() == IndicatorCodes.CscAssessments45WdPct);
            Assert.Equal(("amber", 80m), (assessments.GetProperty("target").GetProperty("rag").GetString(), assessments.GetProperty("target").GetProperty("value").GetDecimal()));
            Assert.Equal(("England 2019-20 Q1", 84.1m), (assessments.GetProperty("national").GetProperty("label").GetString(), assessments.GetProperty("national").GetProperty("value").GetDecimal()));
        }
        finally
        {
            // Back to the seeds' own targets and, as the national comparators, the shipped ones: the other tests' figures.
            await File.WriteAllTextAsync(targets, oldTargets, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(comparators, await File.ReadAllTextAsync(RepositoryRoot.File("seeds", "reference", "comparators.csv"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            var (restored, output) = await seeds.InvokeAsync("reference", "import", seeds.Extracts);
            Assert.True(restored == 0, output);
            File.Delete(comparators);
        }
    }

    [Fact]
    public async Task Commentary_ShowImportSet_RoundTripsAndReachesTheReport()
    {
        const string period = "2019-20 Q1";
        using var folder = new TestSupport.TempDirectory();
        var file = folder.File("q1.md");
        await File.WriteAllTextAsync(file, """
            ---
            la: 872
            period: 2019-20 Q1
            author: Round Trip
            ---
            # 4. Child Protection
            ## What is the background to this?
            A background written for the round trip.
            """, TestContext.Current.CancellationToken);

        Assert.Equal(0, (await seeds.InvokeAsync("commentary", "import", file)).ExitCode);
        var (setExit, _) = await seeds.InvokeAsync(
            "commentary", "set", "--period", period, "--item", "4", "--section", "action", "--text", "An action set on the command line.", "--author", "Setter", "--status", "approved");
        var (showExit, shown) = await seeds.InvokeAsync("commentary", "show", "--period", period);

        Assert.Equal(0, setExit);
        Assert.Equal(0, showExit);
        var parsed = CommentaryMarkdown.Parse(shown);
        Assert.Equal(
            [
                new CommentaryDraft(4, ReportSection.Background, "A background written for the round trip.", "Round Trip", CommentaryStatus.Draft),
                new CommentaryDraft(4, ReportSection.Action, "An action set on the command line.", "Setter", CommentaryStatus.Approved),
            ],
            parsed.Sections);

        // Imported again unchanged, the file is the same commentary.
        await File.WriteAllTextAsync(file, shown, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await seeds.InvokeAsync("commentary", "import", file)).ExitCode);
        Assert.Equal(parsed.Sections, CommentaryMarkdown.Parse((await seeds.InvokeAsync("commentary", "show", "--period", period)).Output).Sections);

        using var document = WordprocessingDocument.Open(await ReportAsync(folder, "docx", "--period", period), false);
        var item = Items(document).Single(i => i.Heading.StartsWith("4.", StringComparison.Ordinal));
        Assert.Contains("An action set on the command line.", Section(item, ReportSections.Heading(ReportSection.Action)).Select(p => p.InnerText));
        Assert.Contains(Section(item, ReportSections.Heading(ReportSection.WhatItShows)), p => Style(p) == "Drafted");
    }

    [Fact]
    public async Task CommentaryImport_BadFile_ExitOneAndNothingSaved()
    {
        using var folder = new TestSupport.TempDirectory();
        var file = folder.File("bad.md");
        await File.WriteAllTextAsync(file, "---\nla: 872\nperiod: 2017-18 Q3\nauthor: a\n---\n# 1. One\n## background\nkept?\n# 12. Twelve\n", TestContext.Current.CancellationToken);

        var (exitCode, _) = await seeds.InvokeAsync("commentary", "import", file);
        var (_, shown) = await seeds.InvokeAsync("commentary", "show", "--period", "2017-18 Q3");

        Assert.Equal(1, exitCode);
        Assert.Empty(CommentaryMarkdown.Parse(shown).Sections);
    }

    private async Task<string> ReportAsync(TestSupport.TempDirectory folder, string format, params string[] more)
    {
        var path = folder.File($"report.{format}");
        string[] args = ["report", "--format", format, "--out", path, .. more];
        if (!more.Contains("--period"))
        {
            args = [.. args, "--period", Period];
        }

        var (exitCode, output) = await seeds.InvokeAsync(args);
        Assert.True(exitCode == 0, output);
        return path;
    }

    private async Task<List<string>> AssessmentsRowAsync(TestSupport.TempDirectory folder)
    {
        using var document = WordprocessingDocument.Open(await ReportAsync(folder, "docx"), false);
        return RowsByLabel(document)[IndicatorCatalogue.Get(IndicatorCodes.CscAssessments45WdPct).Label][5..];
    }

    private static string Figure(string cell) => cell.TrimEnd('†', ' ');

    private static string? Style(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    private static Dictionary<string, List<string>> RowsByLabel(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Skip(0)
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList())
            .Where(cells => cells[0] != "Measure")
            .ToDictionary(cells => cells[0]);

    /// <summary>The document's items: each Heading1 and the body elements up to the next.</summary>
    private static List<(string Heading, List<OpenXmlElement> Body)> Items(WordprocessingDocument document)
    {
        var items = new List<(string, List<OpenXmlElement>)>();
        foreach (var element in document.MainDocumentPart!.Document.Body!.Elements())
        {
            if (element is Paragraph p && Style(p) == "Heading1")
            {
                items.Add((p.InnerText, []));
            }
            else if (items.Count > 0)
            {
                items[^1].Item2.Add(element);
            }
        }

        return items;
    }

    /// <summary>The paragraphs under one Heading2 of an item, up to the next heading.</summary>
    private static IEnumerable<Paragraph> Section((string Heading, List<OpenXmlElement> Body) item, string heading) =>
        item.Body.OfType<Paragraph>()
            .SkipWhile(p => !(Style(p) == "Heading2" && p.InnerText == heading)).Skip(1)
            .TakeWhile(p => Style(p) is not ("Heading1" or "Heading2"));
}
