namespace PerfPipeline.Tests.Reporting;

using PerfPipeline.Reporting;

public sealed class CommentaryMarkdownTests
{
    private const string File = """
        ---
        la: 872
        period: 2019-20 Q2
        author: A. Analyst
        ---

        # 3. Children's Social Care Front Door

        ## What is the background to this?

        First paragraph,
        on two lines.

        Second paragraph.

        ## action
        <!-- author: B. Manager; status: approved -->
        We act.
        """;

    [Fact]
    public void Parse_SectionsByHeadingOrCode_WithFileAndSectionAuthors()
    {
        var sut = CommentaryMarkdown.Parse(File);

        Assert.Equal(("872", "2019-20 Q2"), (sut.LaCode, sut.Period));
        Assert.Equal(
            [
                new CommentaryDraft(3, ReportSection.Background, "First paragraph,\non two lines.\n\nSecond paragraph.", "A. Analyst", CommentaryStatus.Draft),
                new CommentaryDraft(3, ReportSection.Action, "We act.", "B. Manager", CommentaryStatus.Approved),
            ],
            sut.Sections);
        Assert.Equal(["First paragraph, on two lines.", "Second paragraph."], CommentaryMarkdown.Paragraphs(sut.Sections[0].Text));
    }

    [Fact]
    public void Write_ThenParse_KeepsEveryTextAuthorAndStatus()
    {
        var at = new DateTimeOffset(2019, 10, 20, 9, 30, 0, TimeSpan.Zero);
        var parsed = CommentaryMarkdown.Parse(File).Sections.Select(s => new Commentary("872", "2019-20 Q2", s.Item, s.Section, s.Text, s.Author, at, s.Status)).ToList();

        var sut = CommentaryMarkdown.Parse(CommentaryMarkdown.Write("872", "2019-20 Q2", parsed));

        Assert.Equal(CommentaryMarkdown.Parse(File).Sections, sut.Sections);
    }

    [Theory]
    [InlineData("# 3. X\n## background\ntext", "starts with a '---' block")]
    [InlineData("---\nla: 872\n---\n", "names no 'period'")]
    [InlineData("---\nla: 872\nperiod: Q2\nauthor: a\n---\n", "'Q2' is not a period code")]
    [InlineData("---\nla: 872\nperiod: 2019-20 Q2\nauthor: a\n---\n# 9. Nine\n## background\nx", "line 6: there is no item 9")]
    [InlineData("---\nla: 872\nperiod: 2019-20 Q2\nauthor: a\n---\n# 1. One\n## Summary\nx", "line 7: 'Summary' is not a section")]
    [InlineData("---\nla: 872\nperiod: 2019-20 Q2\n---\n# 1. One\n## background\nx", "no author for item 1")]
    [InlineData("---\nla: 872\nperiod: 2019-20 Q2\nauthor: a\n---\nloose text", "text outside a section")]
    public void Parse_BadFile_ClearError(string markdown, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CommentaryMarkdown.Parse(markdown, "c.md"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeedsCommentary_TwoWrittenSectionsForEveryItem()
    {
        var sut = CommentaryMarkdown.Parse(System.IO.File.ReadAllText(RepositoryRoot.File("seeds", "commentary", "872-2019-20-Q2.md")));

        Assert.Equal(Enumerable.Range(1, 8).SelectMany(i => new[] { (i, ReportSection.Background), (i, ReportSection.Action) }), sut.Sections.Select(s => (s.Item, s.Section)));
    }
}
