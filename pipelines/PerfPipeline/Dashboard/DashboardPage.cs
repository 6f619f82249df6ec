namespace PerfPipeline.Dashboard;

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using PerfPipeline.Indicators;
using PerfPipeline.Reporting;

/// <summary>
/// The dashboard as one self-contained HTML page: each item's table as published (previous financial year, same
/// period last year, current, the arrow and the England figure), each change marked improving or worsening from
/// the measure's polarity, and a trend chart per measure over every quarter. Styles, data and the chart library
/// are inlined, so the page works offline and as a saved file.
/// </summary>
public static class DashboardPage
{
    /// <summary>The vendored Chart.js release (Dashboard/Assets/README.md); a server names its copy with it so the copy can be cached for good.</summary>
    public const string ChartLibraryVersion = "4.6.1";

    /// <summary>The file name a server gives its copy of the chart library: versioned, so a new release is a new name.</summary>
    public const string ChartLibraryFileName = $"chart-{ChartLibraryVersion}.umd.min.js";

    private static readonly Lazy<string> ChartLibrary = new(() => Asset("chart.umd.min.js"));

    private static readonly Lazy<byte[]> ChartLibraryBytes = new(() => Encoding.UTF8.GetBytes(ChartLibrary.Value));

    /// <summary>The chart library's script as UTF-8, for a server to serve beside the page.</summary>
    public static ReadOnlyMemory<byte> ChartLibraryUtf8 => ChartLibraryBytes.Value;

    /// <summary>
    /// The page of <paramref name="dashboard"/> with a chart per measure from <paramref name="trends"/>; self-contained
    /// unless <paramref name="options"/> say where the chart library is served and which pickers to show.
    /// </summary>
    public static string Render(
        DashboardDocument dashboard, IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>> trends, DashboardPageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(trends);
        options ??= DashboardPageOptions.SelfContained;
        var la = dashboard.LaName is null ? dashboard.LaCode : $"{dashboard.LaName} ({dashboard.LaCode})";
        var page = new StringBuilder((options.ChartLibraryUrl is null ? ChartLibrary.Value.Length : 0) + 64 * 1024);
        AppendHead(page, $"{la} children's services dashboard, {dashboard.Period}");
        page.Append("<header>\n<h1>").Append(Text($"{la}: children's services performance")).Append("</h1>\n");
        if (dashboard.Team is { } team)
        {
            page.Append("<p>Team <strong id=\"team\">").Append(Text(team.Label)).Append("</strong>");
            if (team.ParentLabel is { } parent)
            {
                page.Append(", part of <span id=\"team-parent\">").Append(Text(parent)).Append("</span>");
            }

            page.Append(". Measures the extract gives no team for show n/a: ")
                .Append(Text(string.Join(", ", team.LaOnly.Select(m => m.Code)))).Append(".</p>\n");
        }

        page
            .Append("<p>Period <strong id=\"period\">").Append(Text(dashboard.Period)).Append("</strong>");
        if (dashboard.DataAsAt is { } asAt)
        {
            page.Append(", data as at ").Append(asAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        page.Append(". Arrows compare with the same period last year (or the previous year when that is not available).</p>\n");
        if (options.Pickers is { } pickers)
        {
            AppendPickers(page, pickers);
        }

        page.Append("</header>\n<main>\n");
        foreach (var item in dashboard.Items)
        {
            AppendItem(page, item, dashboard, trends);
        }

        if (options.WorkList is { } workList)
        {
            AppendWorkList(page, workList, options.TeamNames);
        }

        page.Append("</main>\n<script id=\"trend-data\" type=\"application/json\">")
            .Append(JsonSerializer.Serialize(trends, DashboardPageJsonContext.Default.IReadOnlyDictionaryStringIReadOnlyListDashboardTrendPoint))
            .Append("</script>\n");
        if (options.ChartLibraryUrl is { } url)
        {
            page.Append("<script src=\"").Append(Text(url)).Append("\"></script>\n");
        }
        else
        {
            page.Append("<script>").Append(ChartLibrary.Value).Append("</script>\n");
        }

        page.Append("<script>").Append(ChartScript).Append("</script>\n");
        if (options.Pickers is not null)
        {
            page.Append("<script>").Append(PickerScript).Append("</script>\n");
        }

        if (options.WorkList is not null)
        {
            page.Append("<script>").Append(WorkListScript).Append("</script>\n");
        }

        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>A short page saying what went wrong (an unknown LA or period) and linking back to the latest dashboard.</summary>
    public static string RenderMessage(string title, string detail)
    {
        var page = new StringBuilder(2048);
        AppendHead(page, title);
        page.Append("<main>\n<h1>").Append(Text(title)).Append("</h1>\n<p>").Append(Text(detail))
            .Append("</p>\n<p><a href=\"/\">Show the latest dashboard</a></p>\n</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static void AppendHead(StringBuilder page, string title) =>
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Text(title)).Append("</title>\n")
            .Append("<style>").Append(Styles).Append("</style>\n</head>\n<body>\n");

    /// <summary>A GET form: works without script (the button), and submits on change with it.</summary>
    private static void AppendPickers(StringBuilder page, DashboardPickers pickers)
    {
        page.Append("<form class=\"pickers\" method=\"get\" action=\"/\">\n")
            .Append("<label for=\"pick-la\">Local authority</label>\n<select id=\"pick-la\" name=\"la\">");
        AppendOptions(page, pickers.LocalAuthorities, pickers.SelectedLa);
        page.Append("</select>\n<label for=\"pick-period\">Period</label>\n<select id=\"pick-period\" name=\"period\">");
        foreach (var (label, choices) in new[] { ("Quarters", pickers.Quarters), ("Financial years", pickers.FinancialYears) })
        {
            if (choices.Count > 0)
            {
                page.Append("<optgroup label=\"").Append(label).Append("\">");
                AppendOptions(page, choices, pickers.SelectedPeriod);
                page.Append("</optgroup>");
            }
        }

        page.Append("</select>\n");
        if (pickers.Teams.Count > 0)
        {
            page.Append("<label for=\"pick-team\">Team</label>\n<select id=\"pick-team\" name=\"team\">");
            AppendOptions(page, [new DashboardChoice(string.Empty, "Whole LA"), .. pickers.Teams], pickers.SelectedTeam);
            page.Append("</select>\n");
        }

        page.Append("<button type=\"submit\">Show</button>\n</form>\n");
    }

    /// <summary>The work list as a table, most overdue first; the days-overdue header sorts it either way (with script).</summary>
    private static void AppendWorkList(StringBuilder page, Indicators.WorkDue.WorkList list, Indicators.Teams.TeamNames names)
    {
        page.Append("<section class=\"worklist\" aria-labelledby=\"worklist-title\">\n<h2 id=\"worklist-title\">Work due and overdue as at <span id=\"worklist-as-at\">")
            .Append(list.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</span></h2>\n")
            .Append("<p>Visits overdue or due within 7 days, assessments past working day 35, CP plans at or near 18 months, return home interviews due. ")
            .Append("Workers and children are shown by pseudonym: the LA maps them back with <code>perfpipeline reidentify</code>.</p>\n")
            .Append("<table id=\"worklist\">\n<thead><tr><th scope=\"col\" aria-sort=\"descending\"><button type=\"button\" id=\"sort-overdue\">Days overdue</button></th>")
            .Append("<th scope=\"col\">Due</th><th scope=\"col\">Work</th><th scope=\"col\">Team</th><th scope=\"col\">Worker</th><th scope=\"col\">Child</th><th scope=\"col\">Item</th></tr></thead>\n<tbody>\n");
        foreach (var item in list.Items)
        {
            var days = item.DaysOverdue.ToString(CultureInfo.InvariantCulture);
            page.Append("<tr data-days=\"").Append(days).Append("\" data-kind=\"").Append(Indicators.WorkDue.WorkItemKinds.Code(item.Kind)).Append("\"><td>").Append(days)
                .Append("</td><td>").Append(item.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(Text(Indicators.WorkDue.WorkItemKinds.Label(item.Kind)))
                .Append("</td><td>").Append(Text(names.Label(item.TeamKey)))
                .Append("</td><td>").Append(Text(item.WorkerKey ?? "-"))
                .Append("</td><td>").Append(Text(item.PersonKey))
                .Append("</td><td>").Append(Text(item.ItemId)).Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendOptions(StringBuilder page, IEnumerable<DashboardChoice> choices, string selected)
    {
        foreach (var choice in choices)
        {
            page.Append("<option value=\"").Append(Text(choice.Value)).Append('"')
                .Append(choice.Value == selected ? " selected>" : ">").Append(Text(choice.Label)).Append("</option>");
        }
    }

    private static void AppendItem(
        StringBuilder page, DashboardSection item, DashboardDocument dashboard, IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>> trends)
    {
        var number = item.Item.ToString(CultureInfo.InvariantCulture);
        page.Append("<section class=\"item\" aria-labelledby=\"item-").Append(number).Append("\">\n<h2 id=\"item-").Append(number).Append("\">")
            .Append(number).Append(". ").Append(Text(item.Title)).Append("</h2>\n<table>\n<thead><tr><th scope=\"col\">Measure</th>")
            .Append("<th scope=\"col\">").Append(Text(dashboard.ComparedWith.PreviousYear)).Append("</th>")
            .Append("<th scope=\"col\">").Append(Text(dashboard.ComparedWith.SamePeriodLastYear)).Append("</th>")
            .Append("<th scope=\"col\">").Append(Text(dashboard.Period)).Append("</th>")
            .Append("<th scope=\"col\">Direction</th><th scope=\"col\">Target</th><th scope=\"col\">RAG</th><th scope=\"col\">England (period)</th></tr></thead>\n<tbody>\n");
        var footnotes = new List<string>();
        foreach (var measure in item.Measures)
        {
            var change = DirectionWords.Change(measure.Direction, measure.Polarity);
            page.Append("<tr data-code=\"").Append(Text(measure.Code)).Append("\"><th scope=\"row\">").Append(Text(measure.Label)).Append("</th>");
            AppendValue(page, "previous_year", measure.PreviousYear, measure, dashboard, footnotes);
            AppendValue(page, "same_period_last_year", measure.SamePeriodLastYear, measure, dashboard, footnotes);
            AppendValue(page, "current", measure.Current, measure, dashboard, footnotes);
            page.Append("<td data-column=\"direction\" class=\"").Append(change.Replace(' ', '-')).Append("\"><span aria-hidden=\"true\">")
                .Append(IndicatorDisplay.Arrow(measure.Direction)).Append("</span> ").Append(change).Append("</td>");
            if (measure.Target is { } target)
            {
                var rag = target.Rag is { } status ? RagText(status) : IndicatorDisplay.NotAvailable;
                page.Append("<td data-column=\"target\" title=\"").Append(Text(TargetNote(target, measure))).Append("\">")
                    .Append(Shown(IndicatorDisplay.Format(target.Value, measure.DisplayPrecision), measure)).Append("</td>")
                    .Append("<td data-column=\"rag\" class=\"rag-").Append(rag.ToLowerInvariant().Replace('/', '-')).Append("\">").Append(rag).Append("</td>");
            }
            else
            {
                page.Append("<td data-column=\"target\"></td><td data-column=\"rag\"></td>");
            }

            page.Append("<td data-column=\"national\"");
            if (measure.National.SourceNote is { } note)
            {
                page.Append(" title=\"").Append(Text(note)).Append('"');
            }

            page.Append('>').Append(Shown(measure.National.Display ?? IndicatorDisplay.NotAvailable, measure));
            if (measure.National.Label is { } label)
            {
                page.Append(" <span class=\"comparator-period\">(").Append(Text(label)).Append(")</span>");
            }

            page.Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
        if (footnotes.Count > 0)
        {
            page.Append("<ol class=\"footnotes\">");
            foreach (var note in footnotes)
            {
                page.Append("<li>").Append(Text(note)).Append("</li>");
            }

            page.Append("</ol>\n");
        }

        page.Append("<div class=\"charts\">\n");
        foreach (var measure in item.Measures)
        {
            var points = trends.GetValueOrDefault(measure.Code) ?? [];
            var described = points.Count == 0
                ? "no quarters available"
                : string.Join(", ", points.Select(p => $"{p.Period}: {IndicatorDisplay.WithUnit(IndicatorDisplay.Format(p.Value, measure.DisplayPrecision), measure.Unit)}"));
            page.Append("<figure><canvas width=\"320\" height=\"160\" role=\"img\" data-code=\"").Append(Text(measure.Code))
                .Append("\" data-label=\"").Append(Text(measure.Label)).Append("\" aria-label=\"")
                .Append(Text($"Quarterly trend of {measure.Label}: {described}")).Append("\"><p>")
                .Append(Text(described)).Append("</p></canvas><figcaption>").Append(Text(measure.Label)).Append("</figcaption></figure>\n");
        }

        page.Append("</div>\n");
        if (item.Narrative is { } narrative)
        {
            AppendNarrative(page, narrative);
        }

        page.Append("</section>\n");
    }

    /// <summary>
    /// A value cell: a percentage or average carries its numerator and denominator on hover, and a small number is
    /// also footnoted under the table (a printed page shows no hover).
    /// </summary>
    private static void AppendValue(StringBuilder page, string column, DashboardValue value, DashboardMeasure measure, DashboardDocument dashboard, List<string> footnotes)
    {
        page.Append("<td data-column=\"").Append(column).Append('"');
        var fraction = ReportFigures.Fraction(value, measure.Unit);
        if (fraction is not null)
        {
            page.Append(" data-numerator=\"").Append(ReportFigures.Quantity(value.Numerator ?? 0)).Append("\" data-denominator=\"")
                .Append(ReportFigures.Quantity(value.Denominator ?? 0)).Append("\" title=\"").Append(Text(fraction)).Append('"');
        }

        if (value.SmallNumber)
        {
            footnotes.Add(ReportFigures.SmallNumberNote(measure, value, dashboard.SmallNumberThreshold));
            page.Append(" class=\"small-number\" data-footnote=\"").Append(footnotes.Count.ToString(CultureInfo.InvariantCulture)).Append('"');
        }
        else if (value.Reason is { } reason)
        {
            // n/a with its reason (e.g. no population estimate for the LA and year), kept as a footnote like small numbers.
            footnotes.Add($"{measure.Label}: n/a, {reason}.");
            page.Append(" class=\"not-available\" data-reason=\"").Append(Text(reason)).Append("\" data-footnote=\"")
                .Append(footnotes.Count.ToString(CultureInfo.InvariantCulture)).Append('"');
        }
        else if (fraction is null && value.Basis is { } basis)
        {
            page.Append(" title=\"").Append(Text(basis)).Append('"');
        }

        page.Append('>').Append(Shown(value.Display, measure)).Append("</td>");
    }

    private static void AppendNarrative(StringBuilder page, ItemNarrative narrative)
    {
        page.Append("<div class=\"narrative\">\n");
        foreach (var section in ReportSections.All)
        {
            page.Append("<h3>").Append(Text(ReportSections.Heading(section))).Append("</h3>\n");
            var drafted = narrative.Drafted(section);
            if (drafted.Count > 0)
            {
                page.Append("<ul class=\"drafted\" data-section=\"").Append(ReportSections.Code(section)).Append("\">");
                foreach (var sentence in drafted)
                {
                    page.Append("<li>").Append(Text(sentence)).Append("</li>");
                }

                page.Append("</ul>\n");
            }

            if (narrative.WrittenFor(section) is { } written)
            {
                page.Append("<div class=\"written\" data-section=\"").Append(ReportSections.Code(section)).Append("\">");
                foreach (var paragraph in CommentaryMarkdown.Paragraphs(written.Text))
                {
                    page.Append("<p>").Append(Text(paragraph)).Append("</p>");
                }

                page.Append("<p class=\"byline\">").Append(Text(ReportFigures.Byline(written))).Append("</p></div>\n");
            }
            else if (drafted.Count == 0)
            {
                page.Append("<p class=\"awaiting\">No commentary yet.</p>\n");
            }
        }

        page.Append("</div>\n");
    }

    private static string TargetNote(DashboardTarget target, DashboardMeasure measure) =>
        $"{(target.Source == "statutory" ? "Statutory" : "Local")} target from {target.FromDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, amber within {IndicatorDisplay.Format(target.Tolerance, measure.DisplayPrecision)}";

    private static string RagText(RagStatus status) => ReportFigures.Rag(status);

    private static string Text(string value) => HtmlEncoder.Default.Encode(value);

    private static string Shown(string display, DashboardMeasure measure) => Text(IndicatorDisplay.WithUnit(display, measure.Unit));


    private static string Asset(string name)
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream($"PerfPipeline.Dashboard.Assets.{name}")
            ?? throw new InvalidOperationException($"The library is built without its dashboard asset '{name}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The page's inline scripts, for a server's Content-Security-Policy to allow by hash (and nothing else inline).</summary>
    public static IReadOnlyList<string> InlineScripts => [ChartScript, PickerScript, WorkListScript];

    private const string Styles = """
        body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#0b0c0c}
        h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}
        table{border-collapse:collapse;margin:.5rem 0}
        th,td{border:1px solid #b1b4b6;padding:.3rem .6rem;text-align:right}
        th[scope=row]{text-align:left;font-weight:normal;max-width:28rem}
        thead th{background:#f3f2f1}
        td.improving{color:#00703c}td.worsening{color:#d4351c}td.neutral,td.no-change{color:#505a5f}
        .charts{display:flex;flex-wrap:wrap;gap:1rem}
        form.pickers{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:.5rem 0}
        select,button{font:inherit;padding:.2rem .4rem}
        figure{margin:0;width:320px}figcaption{font-size:.8rem}
        td.small-number::after{content:" \2020";color:#505a5f}
        td.rag-green{background:#cce2d8}td.rag-amber{background:#fff2cc}td.rag-red{background:#f6d7d2}
        .comparator-period{font-size:.75rem;color:#505a5f}
        #worklist td{text-align:left}#worklist td:first-child{text-align:right}#worklist button{font-weight:bold}
        ol.footnotes{font-size:.85rem;color:#505a5f}
        .narrative h3{font-size:1rem;margin:1rem 0 .25rem}.narrative .byline{font-size:.8rem;color:#505a5f}
        .narrative .awaiting{color:#505a5f;font-style:italic}
        @media print{
          body{margin:0;font-size:10pt}form.pickers{display:none}
          section.item{break-before:page}section.item:first-of-type{break-before:auto}
          table,figure{break-inside:avoid}h2,h3{break-after:avoid}
          td.rag-green,td.rag-amber,td.rag-red{print-color-adjust:exact;-webkit-print-color-adjust:exact}
        }
        """;


    /// <summary>One line chart per canvas; instances are kept on <c>window.dashboardCharts</c> by measure code.</summary>
    private const string ChartScript = """
        (function () {
          const trends = JSON.parse(document.getElementById('trend-data').textContent);
          const charts = {};
          for (const canvas of document.querySelectorAll('canvas[data-code]')) {
            const points = trends[canvas.dataset.code] || [];
            charts[canvas.dataset.code] = new Chart(canvas, {
              type: 'line',
              data: {
                labels: points.map(p => p.period),
                datasets: [{ label: canvas.dataset.label, data: points.map(p => p.value), borderColor: '#1d70b8', pointRadius: 2 }]
              },
              options: { animation: false, responsive: false, plugins: { legend: { display: false } } }
            });
          }
          window.dashboardCharts = charts;
        })();
        """;

    /// <summary>
    /// Submits the pickers on change. A new LA is shown at its default period (the period picked for the old LA
    /// may have no figures for the new one), so the period is left out then.
    /// </summary>
    private const string PickerScript = """
        (function () {
          const form = document.querySelector('form.pickers');
          const team = form.elements.team;
          form.elements.la.addEventListener('change', () => {
            form.elements.period.disabled = true;
            if (team) team.disabled = true;
            form.submit();
          });
          form.elements.period.addEventListener('change', () => form.submit());
          if (team) {
            team.addEventListener('change', () => { if (!team.value) team.disabled = true; form.submit(); });
          }
        })();
        """;

    /// <summary>Sorts the work list by days overdue, most overdue first or last, each click the other way.</summary>
    private const string WorkListScript = """
        (function () {
          const table = document.getElementById('worklist');
          const button = document.getElementById('sort-overdue');
          button.addEventListener('click', () => {
            const header = button.parentElement;
            const ascending = header.getAttribute('aria-sort') !== 'ascending';
            const body = table.tBodies[0];
            const rows = [...body.rows].sort((a, b) => (Number(a.dataset.days) - Number(b.dataset.days)) * (ascending ? 1 : -1));
            rows.forEach(r => body.appendChild(r));
            header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          });
        })();
        """;
}
