namespace PerfPipeline.Reporting;

using System.Globalization;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;

using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

/// <summary>
/// The quarterly report as a Word document, in the published order: title, period and data as-at, then per item a
/// heading, the table (three periods, direction, target and RAG, the England figure labelled with its period),
/// small-number footnotes, the trend charts as images, and the four sections with the drafted sentences and the
/// officers' text. A4 portrait print layout; real Word headings and tables (styles Heading1-3, not direct formatting).
/// </summary>
public static class ReportDocx
{
    /// <summary>Text width of an A4 page with 2 cm margins, in twentieths of a point.</summary>
    private const int TextWidth = 11906 - (2 * 1134);

    private static readonly int[] ColumnWidths = [2600, 900, 900, 900, 1100, 800, 700, 1738];

    public static void Write(Stream stream, DashboardDocument dashboard, IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>> trends)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(trends);
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body());
        AddStyles(main);
        var body = main.Document.Body!;
        var la = dashboard.LaName is null ? dashboard.LaCode : $"{dashboard.LaName} ({dashboard.LaCode})";
        body.Append(Paragraph("Title", $"{la}: children's services performance"));
        body.Append(Paragraph(null, $"Period {dashboard.Period}"));
        body.Append(Paragraph(null, dashboard.DataAsAt is { } asAt ? $"Data as at {asAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "Data as at: not known"));
        body.Append(Paragraph(null, $"Directions compare with {dashboard.ComparedWith.SamePeriodLastYear} (or {dashboard.ComparedWith.PreviousYear} where that is not available). † marks a figure based on fewer than {dashboard.SmallNumberThreshold} cases."));
        uint imageId = 1;
        foreach (var item in dashboard.Items)
        {
            body.Append(Paragraph("Heading1", $"{item.Item}. {item.Title}"));
            var footnotes = new List<string>();
            body.Append(Table(item, dashboard, footnotes));
            foreach (var note in footnotes)
            {
                body.Append(Paragraph("Footnote", $"† {note}"));
            }

            body.Append(Paragraph("Heading3", "Trends by quarter"));
            foreach (var measure in item.Measures)
            {
                var points = trends.GetValueOrDefault(measure.Code) ?? [];
                body.Append(new Paragraph(new Run(Picture(main, TrendChartPng.Render(points), imageId++, $"Quarterly trend of {measure.Label}"))));
                var range = points.Count == 0 ? "no quarters available" : $"{points[0].Period} to {points[^1].Period}";
                body.Append(Paragraph("Caption", $"{measure.Label}: quarterly, {range}."));
            }

            foreach (var section in ReportSections.All)
            {
                body.Append(Paragraph("Heading2", ReportSections.Heading(section)));
                var drafted = item.Narrative?.Drafted(section) ?? [];
                foreach (var sentence in drafted)
                {
                    body.Append(Paragraph("Drafted", sentence));
                }

                if (item.Narrative?.WrittenFor(section) is { } written)
                {
                    foreach (var paragraph in CommentaryMarkdown.Paragraphs(written.Text))
                    {
                        body.Append(Paragraph(null, paragraph));
                    }

                    body.Append(Paragraph("Byline", ReportFigures.Byline(written)));
                }
                else if (drafted.Count == 0)
                {
                    body.Append(Paragraph("Byline", "No commentary yet."));
                }
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U, Header = 709U, Footer = 709U, Gutter = 0U }));
        main.Document.Save();
    }

    private static Table Table(DashboardSection item, DashboardDocument dashboard, List<string> footnotes)
    {
        var b = new { Val = BorderValues.Single, Size = 4U, Color = "B1B4B6" };
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = b.Val, Size = b.Size, Color = b.Color },
                    new LeftBorder { Val = b.Val, Size = b.Size, Color = b.Color },
                    new BottomBorder { Val = b.Val, Size = b.Size, Color = b.Color },
                    new RightBorder { Val = b.Val, Size = b.Size, Color = b.Color },
                    new InsideHorizontalBorder { Val = b.Val, Size = b.Size, Color = b.Color },
                    new InsideVerticalBorder { Val = b.Val, Size = b.Size, Color = b.Color }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid([.. ColumnWidths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })]));
        string[] headings =
        [
            "Measure", dashboard.ComparedWith.PreviousYear, dashboard.ComparedWith.SamePeriodLastYear, dashboard.Period,
            "Direction", "Target", "RAG", "England (period)",
        ];
        table.Append(new TableRow(
        [
            new TableRowProperties(new TableHeader(), new CantSplit()),
            .. headings.Select((h, i) => Cell(h, ColumnWidths[i], shade: "F3F2F1", bold: true)),
        ]));
        foreach (var measure in item.Measures)
        {
            var target = measure.Target;
            var rag = target?.Rag is { } status ? ReportFigures.Rag(status) : target is null ? string.Empty : IndicatorDisplay.NotAvailable;
            var national = IndicatorDisplay.WithUnit(measure.National.Display ?? IndicatorDisplay.NotAvailable, measure.Unit);
            table.Append(new TableRow(
                new TableRowProperties(new CantSplit()),
                Cell(measure.Label, ColumnWidths[0], left: true),
                ValueCell(measure.PreviousYear, measure, dashboard, footnotes, ColumnWidths[1]),
                ValueCell(measure.SamePeriodLastYear, measure, dashboard, footnotes, ColumnWidths[2]),
                ValueCell(measure.Current, measure, dashboard, footnotes, ColumnWidths[3]),
                Cell($"{IndicatorDisplay.Arrow(measure.Direction)} {DirectionWords.Change(measure.Direction, measure.Polarity)}".Trim(), ColumnWidths[4]),
                Cell(target is null ? string.Empty : IndicatorDisplay.WithUnit(IndicatorDisplay.Format(target.Value, measure.DisplayPrecision), measure.Unit), ColumnWidths[5]),
                Cell(rag, ColumnWidths[6], shade: target?.Rag switch
                {
                    RagStatus.Green => "CCE2D8",
                    RagStatus.Amber => "FFF2CC",
                    RagStatus.Red => "F6D7D2",
                    _ => null,
                }),
                Cell(measure.National.Label is { } label ? $"{national} ({label})" : national, ColumnWidths[7])));
        }

        return table;
    }

    private static TableCell ValueCell(DashboardValue value, DashboardMeasure measure, DashboardDocument dashboard, List<string> footnotes, int width)
    {
        var shown = IndicatorDisplay.WithUnit(value.Display, measure.Unit);
        if (value.SmallNumber)
        {
            footnotes.Add(ReportFigures.SmallNumberNote(measure, value, dashboard.SmallNumberThreshold));
            shown += " †";
        }

        return Cell(shown, width);
    }

    private static TableCell Cell(string text, int width, bool left = false, string? shade = null, bool bold = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shade is not null)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = shade });
        }

        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new TableCell(
            properties,
            new Paragraph(
                new ParagraphProperties(
                    new ParagraphStyleId { Val = "TableText" },
                    new Justification { Val = left ? JustificationValues.Left : JustificationValues.Right }),
                run));
    }

    private static Paragraph Paragraph(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>An inline PNG, 8 cm wide, with its description as alternative text.</summary>
    private static Drawing Picture(MainDocumentPart main, byte[] png, uint id, string description)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
        {
            part.FeedData(data);
        }

        const long cx = 2880000L;
        const long cy = cx * TrendChartPng.Height / TrendChartPng.Width;
        return new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = $"Chart {id}", Description = description },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(
                    new A.GraphicData(
                        new PIC.Picture(
                            new PIC.NonVisualPictureProperties(
                                new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"chart-{id}.png" },
                                new PIC.NonVisualPictureDrawingProperties()),
                            new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                            new PIC.ShapeProperties(
                                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            });
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" },
                    new FontSize { Val = "20" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
            Style("Normal", "Normal", null, isDefault: true),
            Style("Title", "Title", "Normal", size: 40, bold: true, keepNext: true),
            Style("Heading1", "heading 1", "Normal", size: 32, bold: true, keepNext: true, outline: 0, pageBreakBefore: true),
            Style("Heading2", "heading 2", "Normal", size: 26, bold: true, keepNext: true, outline: 1),
            Style("Heading3", "heading 3", "Normal", size: 22, bold: true, keepNext: true, outline: 2),
            Style("TableText", "Table Text", "Normal", size: 18, spaceAfter: 0),
            Style("Footnote", "Small Number Note", "Normal", size: 16, colour: "505A5F"),
            Style("Caption", "caption", "Normal", size: 16, colour: "505A5F"),
            Style("Drafted", "Drafted Sentence", "Normal"),
            Style("Byline", "Byline", "Normal", size: 16, colour: "505A5F", italic: true));
    }

    private static Style Style(
        string id, string name, string? basedOn, bool isDefault = false, int? size = null, bool bold = false, bool italic = false,
        bool keepNext = false, int? outline = null, bool pageBreakBefore = false, string? colour = null, int? spaceAfter = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (keepNext)
        {
            paragraph.Append(new KeepNext());
        }

        if (pageBreakBefore)
        {
            paragraph.Append(new PageBreakBefore());
        }

        if (spaceAfter is { } after)
        {
            paragraph.Append(new SpacingBetweenLines { After = after.ToString(CultureInfo.InvariantCulture) });
        }

        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }

        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        if (colour is not null)
        {
            run.Append(new Color { Val = colour });
        }

        if (size is { } halfPoints)
        {
            run.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        }

        if (run.HasChildren)
        {
            style.Append(run);
        }

        return style;
    }
}
