namespace PerfPipeline.Dashboard;

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using PerfPipeline.Indicators;

/// <summary>
/// The dashboard as one self-contained HTML page: each item's table as published (previous financial year, same
/// period last year, current, the arrow and the England figure), each change marked improving or worsening from
/// the measure's polarity, and a trend chart per measure over every quarter. Styles, data and the chart library
/// are inlined, so the page works offline and as a saved file.
/// </summary>
public static class DashboardPage
{
    private static readonly Lazy<string> ChartLibrary = new(() => Asset("chart.umd.min.js"));

    public static string Render(DashboardDocument dashboard, IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>> trends)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(trends);
        var la = dashboard.LaName is null ? dashboard.LaCode : $"{dashboard.LaName} ({dashboard.LaCode})";
        var page = new StringBuilder(ChartLibrary.Value.Length + 64 * 1024);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Text($"{la} children's services dashboard, {dashboard.Period}")).Append("</title>\n")
            .Append("<style>").Append(Styles).Append("</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>").Append(Text($"{la}: children's services performance")).Append("</h1>\n")
            .Append("<p>Period <strong id=\"period\">").Append(Text(dashboard.Period)).Append("</strong>");
        if (dashboard.DataAsAt is { } asAt)
        {
            page.Append(", data as at ").Append(asAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        page.Append(". Arrows compare with the same period last year (or the previous year when that is not available).</p>\n</header>\n<main>\n");
        foreach (var item in dashboard.Items)
        {
            AppendItem(page, item, dashboard, trends);
        }

        page.Append("</main>\n<script id=\"trend-data\" type=\"application/json\">")
            .Append(JsonSerializer.Serialize(trends, DashboardPageJsonContext.Default.IReadOnlyDictionaryStringIReadOnlyListDashboardTrendPoint))
            .Append("</script>\n<script>").Append(ChartLibrary.Value).Append("</script>\n<script>").Append(ChartScript).Append("</script>\n</body>\n</html>\n");
        return page.ToString();
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
            .Append("<th scope=\"col\">Direction</th><th scope=\"col\">England</th></tr></thead>\n<tbody>\n");
        foreach (var measure in item.Measures)
        {
            var (arrow, change) = Change(measure);
            page.Append("<tr data-code=\"").Append(Text(measure.Code)).Append("\"><th scope=\"row\">").Append(Text(measure.Label)).Append("</th>")
                .Append("<td data-column=\"previous_year\">").Append(Text(measure.PreviousYear.Display)).Append("</td>")
                .Append("<td data-column=\"same_period_last_year\">").Append(Text(measure.SamePeriodLastYear.Display)).Append("</td>")
                .Append("<td data-column=\"current\">").Append(Text(measure.Current.Display)).Append("</td>")
                .Append("<td data-column=\"direction\" class=\"").Append(change.Replace(' ', '-')).Append("\"><span aria-hidden=\"true\">").Append(arrow).Append("</span> ")
                .Append(change).Append("</td>")
                .Append("<td data-column=\"national\">").Append(Text(measure.National.Display ?? "n/a")).Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n<div class=\"charts\">\n");
        foreach (var measure in item.Measures)
        {
            var points = trends.GetValueOrDefault(measure.Code) ?? [];
            var described = points.Count == 0
                ? "no quarters available"
                : string.Join(", ", points.Select(p => $"{p.Period}: {IndicatorDisplay.Format(p.Value, measure.DisplayPrecision)}"));
            page.Append("<figure><canvas width=\"320\" height=\"160\" role=\"img\" data-code=\"").Append(Text(measure.Code))
                .Append("\" data-label=\"").Append(Text(measure.Label)).Append("\" aria-label=\"")
                .Append(Text($"Quarterly trend of {measure.Label}: {described}")).Append("\"><p>")
                .Append(Text(described)).Append("</p></canvas><figcaption>").Append(Text(measure.Label)).Append("</figcaption></figure>\n");
        }

        page.Append("</div>\n</section>\n");
    }

    /// <summary>The arrow and whether the change is an improvement: up is better when higher is better, and so on.</summary>
    private static (string Arrow, string Change) Change(DashboardMeasure measure) => (measure.Direction, measure.Polarity) switch
    {
        (null, _) => (string.Empty, "not compared"),
        (TravelDirection.Level, _) => ("↔", "no change"),
        (_, IndicatorPolarity.Neutral) => (measure.Direction == TravelDirection.Up ? "↑" : "↓", "neutral"),
        (TravelDirection.Up, IndicatorPolarity.HigherIsBetter) or (TravelDirection.Down, IndicatorPolarity.LowerIsBetter) =>
            (measure.Direction == TravelDirection.Up ? "↑" : "↓", "improving"),
        _ => (measure.Direction == TravelDirection.Up ? "↑" : "↓", "worsening"),
    };

    private static string Text(string value) => HtmlEncoder.Default.Encode(value);

    private static string Asset(string name)
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream($"PerfPipeline.Dashboard.Assets.{name}")
            ?? throw new InvalidOperationException($"The library is built without its dashboard asset '{name}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private const string Styles = """
        body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#0b0c0c}
        h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}
        table{border-collapse:collapse;margin:.5rem 0}
        th,td{border:1px solid #b1b4b6;padding:.3rem .6rem;text-align:right}
        th[scope=row]{text-align:left;font-weight:normal;max-width:28rem}
        thead th{background:#f3f2f1}
        td.improving{color:#00703c}td.worsening{color:#d4351c}td.neutral,td.no-change{color:#505a5f}
        .charts{display:flex;flex-wrap:wrap;gap:1rem}
        figure{margin:0;width:320px}figcaption{font-size:.8rem}
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
}
