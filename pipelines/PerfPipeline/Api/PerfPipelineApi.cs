namespace PerfPipeline.Api;

using System.Text;

using PerfPipeline.Batches;
using PerfPipeline.Calendar;
using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;
using PerfPipeline.Loading;
using PerfPipeline.Reporting;
using PerfPipeline.Warehouse;

/// <summary>
/// The HTTP routes of docs/spec/interfaces.md, whatever hosts them (the Functions app, the local server): each takes
/// the route's values as text, reads the warehouse and answers status, body and validator. Input problems are 400,
/// unknown things 404, both as RFC 9457 problems.
/// </summary>
public sealed class PerfPipelineApi(IWarehouse warehouse, IBatchSource source, BatchLoader loader, ICommentaryStore commentary, TimeProvider timeProvider)
{
    private static readonly ApiResponse Catalogue = ApiResponse.Json(
        new IndicatorCatalogueBody([.. IndicatorCatalogue.All.Select(Entry)]), ApiJsonContext.Default.IndicatorCatalogueBody);

    private readonly DashboardResponseCache _cache = new();

    /// <summary><c>GET /api/dashboard/{la}?period=</c>; the period defaults to the latest complete quarter of the LA's newest batch.</summary>
    public Task<ApiResponse> GetDashboardAsync(string la, string? period, string? ifNoneMatch, CancellationToken cancellationToken = default) =>
        GetDashboardAsync(la, period, team: null, ifNoneMatch, cancellationToken);

    /// <summary>
    /// <c>GET /api/dashboard/{la}?period=&amp;team=</c>: with a team, that team's dashboard (docs/teams.md). The team is a
    /// parameter of the call, not read here from the request, so a host that knows a caller's teams can fix it.
    /// </summary>
    public async Task<ApiResponse> GetDashboardAsync(string la, string? period, string? team, string? ifNoneMatch, CancellationToken cancellationToken = default)
    {
        if (!TryParsePeriod(period, out var requested))
        {
            return Period.IsOutOfRange(period) ? ApiResponse.NotFound(OutOfRange(period)) : ApiResponse.BadRequest(NotAPeriod(period));
        }

        var latest = await warehouse.FindLatestLoadAsync(la, cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            return ApiResponse.NotFound(NoData(la));
        }

        var chosen = requested ?? DashboardQuery.DefaultPeriod(latest.DataAsAt);
        var teamKey = string.IsNullOrWhiteSpace(team) ? null : TeamKeys.Of(team);
        var cacheKey = teamKey is null ? chosen.Code : $"{chosen.Code}|team:{teamKey}";

        // The officers' text is part of the LA's dashboard, so its validator: an edit (a PUT here, an import by another
        // process) changes the ETag as a load does.
        var written = teamKey is null ? await commentary.ReadAsync(la, chosen.Code, cancellationToken).ConfigureAwait(false) : [];

        // The reference data in force is shown too (targets, comparators), and new comparators change it with no load:
        // the stamp carries the newest import, read in the same query.
        var referenceImport = latest.ReferenceImport;
        var eTag = teamKey is null
            ? ETagFor(latest, chosen, written, referenceImport)
            : EntityTag.FromLoad($"{latest.LoadId}.{latest.FinishedAt.ToUnixTimeMilliseconds()}.{Convert.ToHexString(Encoding.UTF8.GetBytes(cacheKey))}{ReferencePart(referenceImport)}");
        if (EntityTag.Matches(ifNoneMatch, eTag))
        {
            return ApiResponse.NotModified(eTag);
        }

        if (_cache.Find(DashboardRepresentation.Json, la, cacheKey, eTag) is { } cached)
        {
            return cached;
        }

        var localAuthorities = await warehouse.ListLocalAuthoritiesAsync(cancellationToken).ConfigureAwait(false);
        var shown = DashboardQuery.ChooseLocalAuthority(localAuthorities, la);
        var readout = shown is null ? null : await ReadDashboardAsync(shown, chosen, teamKey, written, cancellationToken).ConfigureAwait(false);
        if (readout is null)
        {
            return ApiResponse.NotFound(teamKey is null ? NoValues(la, chosen) : NoTeam(la, teamKey, chosen));
        }

        var response = new ApiResponse(200, ApiResponse.JsonContentType, Encoding.UTF8.GetBytes(DashboardJson.Serialize(readout.Dashboard)), eTag);
        _cache.Store(DashboardRepresentation.Json, la, cacheKey, eTag, response);
        return response;
    }

    /// <summary>
    /// <c>GET /?la=&amp;period=</c> on a server: the dashboard page (<see cref="DashboardPage"/>) with its LA and period
    /// pickers; the LA defaults to the one with the newest batch, the period as for the JSON. The page loads the
    /// chart library from <paramref name="chartLibraryUrl"/>. Problems are short HTML pages (400, 404).
    /// </summary>
    public Task<ApiResponse> GetDashboardPageAsync(string? la, string? period, string chartLibraryUrl, CancellationToken cancellationToken = default) =>
        GetDashboardPageAsync(la, period, team: null, chartLibraryUrl, cancellationToken);

    /// <summary>
    /// <c>GET /?la=&amp;period=&amp;team=</c>: as above with a team picker and the work list (docs/teams.md); with a team, that
    /// team's dashboard and work list.
    /// </summary>
    public async Task<ApiResponse> GetDashboardPageAsync(string? la, string? period, string? team, string chartLibraryUrl, CancellationToken cancellationToken = default)
    {
        if (!TryParsePeriod(period, out var requested))
        {
            return Period.IsOutOfRange(period)
                ? ApiResponse.Html(404, DashboardPage.RenderMessage("No figures for that period", OutOfRange(period)))
                : ApiResponse.Html(400, DashboardPage.RenderMessage("Not a period", NotAPeriod(period)));
        }

        var localAuthorities = await warehouse.ListLocalAuthoritiesAsync(cancellationToken).ConfigureAwait(false);
        var shown = DashboardQuery.ChooseLocalAuthority(localAuthorities, la);
        var latest = shown is null ? null : await warehouse.FindLatestLoadAsync(shown.LaCode, cancellationToken).ConfigureAwait(false);
        if (shown is null || latest is null)
        {
            return ApiResponse.Html(404, localAuthorities.Count == 0
                ? DashboardPage.RenderMessage("No data yet", "The warehouse has no loads yet: run perfpipeline run first.")
                : DashboardPage.RenderMessage("Unknown local authority", NoData(la!)));
        }

        var chosen = requested ?? DashboardQuery.DefaultPeriod(latest.DataAsAt);

        var teamKey = string.IsNullOrWhiteSpace(team) ? null : TeamKeys.Of(team);
        var cacheKey = teamKey is null ? chosen.Code : $"{chosen.Code}|team:{teamKey}";

        // The pickers list every LA, so the page also changes when another LA is loaded or renamed; the officers' text
        // is on the page, so it changes with every edit too.
        var written = teamKey is null ? await commentary.ReadAsync(shown.LaCode, chosen.Code, cancellationToken).ConfigureAwait(false) : [];
        var referenceImport = latest.ReferenceImport;
        var version = $"{ETagFor(latest, chosen, written, referenceImport)}|{chartLibraryUrl}|{teamKey}|{string.Join('|', localAuthorities.Select(a => $"{a.LaCode}:{a.LaName}:{a.DataAsAt:yyyyMMdd}"))}";
        if (_cache.Find(DashboardRepresentation.Page, shown.LaCode, cacheKey, version) is { } cached)
        {
            return cached;
        }

        var readout = await ReadDashboardAsync(shown, chosen, teamKey, written, cancellationToken).ConfigureAwait(false);
        if (readout is null)
        {
            return ApiResponse.Html(404, teamKey is null
                ? DashboardPage.RenderMessage("No figures for that period", NoValues(shown.LaCode, chosen))
                : DashboardPage.RenderMessage("No figures for that team", NoTeam(shown.LaCode, teamKey, chosen)));
        }

        var names = await warehouse.ReadTeamNamesAsync(shown.LaCode, cancellationToken).ConfigureAwait(false);
        var pickers = DashboardPickers.For(localAuthorities, readout.Values, shown.LaCode, chosen) with
        {
            Teams = TeamDashboard.Choices(await warehouse.ReadCurrentTeamValuesAsync(shown.LaCode, cancellationToken).ConfigureAwait(false), names),
            SelectedTeam = teamKey ?? string.Empty,
        };
        var workList = (await warehouse.ReadCurrentWorkListAsync(shown.LaCode, cancellationToken).ConfigureAwait(false))?.ForTeam(teamKey);
        var page = DashboardPage.Render(
            readout.Dashboard, DashboardTrends.Quarterly(readout.Values), new DashboardPageOptions(chartLibraryUrl, pickers) { WorkList = workList, TeamNames = names });
        var response = ApiResponse.Html(200, page);
        _cache.Store(DashboardRepresentation.Page, shown.LaCode, cacheKey, version, response);
        return response;
    }

    /// <summary>
    /// <c>GET /api/worklist/{la}?team=</c>: the work due and overdue as at the LA's newest batch (docs/teams.md), only the
    /// team's items when one is named. Pseudonyms only. As for the dashboard, a host can fix the team for a caller.
    /// </summary>
    public async Task<ApiResponse> GetWorkListAsync(string la, string? team, string? ifNoneMatch, CancellationToken cancellationToken = default)
    {
        var latest = await warehouse.FindLatestLoadAsync(la, cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            return ApiResponse.NotFound(NoData(la));
        }

        var teamKey = string.IsNullOrWhiteSpace(team) ? null : TeamKeys.Of(team);
        var eTag = EntityTag.FromLoad($"{latest.LoadId}.{latest.FinishedAt.ToUnixTimeMilliseconds()}.worklist.{Convert.ToHexString(Encoding.UTF8.GetBytes(teamKey ?? string.Empty))}");
        if (EntityTag.Matches(ifNoneMatch, eTag))
        {
            return ApiResponse.NotModified(eTag);
        }

        var list = await warehouse.ReadCurrentWorkListAsync(la, cancellationToken).ConfigureAwait(false);
        if (list is null)
        {
            return ApiResponse.NotFound(NoData(la));
        }

        list = list.ForTeam(teamKey);
        var names = await warehouse.ReadTeamNamesAsync(la, cancellationToken).ConfigureAwait(false);
        var body = new WorkListBody(list.LaCode, list.AsAt, teamKey, [.. list.Items.Select(i => Entry(i, names))])
        {
            TeamLabel = teamKey is null ? null : names.Label(teamKey),
        };
        return ApiResponse.Json(body, ApiJsonContext.Default.WorkListBody, eTag);
    }

    /// <summary><c>GET /api/indicators</c>: the catalogue, the same for every request.</summary>
    public static ApiResponse GetIndicators() => Catalogue;

    /// <summary><c>GET /api/indicators/{code}/series?la=&amp;type=</c>: every period's value, oldest first; every period type when <paramref name="type"/> is left out.</summary>
    public async Task<ApiResponse> GetIndicatorSeriesAsync(string code, string? la, string? type, string? ifNoneMatch, CancellationToken cancellationToken = default)
    {
        var definition = IndicatorCatalogue.All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
        if (definition is null)
        {
            return ApiResponse.NotFound($"No indicator '{code}': GET /api/indicators lists them.");
        }

        if (string.IsNullOrWhiteSpace(la))
        {
            return ApiResponse.BadRequest("Name the LA: ?la=872.");
        }

        PeriodType? periodType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (!TryParsePeriodType(type, out var parsed))
            {
                return ApiResponse.BadRequest($"'{type}' is not a period type: use month, quarter or year.");
            }

            periodType = parsed;
        }

        var latest = await warehouse.FindLatestLoadAsync(la, cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            return ApiResponse.NotFound(NoData(la));
        }

        var eTag = ETagFor(latest, null);
        if (EntityTag.Matches(ifNoneMatch, eTag))
        {
            return ApiResponse.NotModified(eTag);
        }

        var points = (await warehouse.ReadCurrentIndicatorValuesAsync(la, cancellationToken).ConfigureAwait(false))
            .Where(v => v.IndicatorCode == definition.Code && (periodType is null || v.Period.Type == periodType))
            .OrderBy(v => v.Period.Start).ThenBy(v => v.Period.End)
            .Select(v => new SeriesPoint(v.Period.Code, TypeName(v.Period.Type), v.Period.Start, v.Period.End, v.Value, v.Numerator, v.Denominator, IndicatorDisplay.Format(v.Value, definition.Precision)))
            .ToList();
        var body = new IndicatorSeriesBody(definition.Code, definition.Label, la, periodType is { } t ? TypeName(t) : null, points);
        return ApiResponse.Json(body, ApiJsonContext.Default.IndicatorSeriesBody, eTag);
    }

    /// <summary>
    /// <c>GET /api/loads?status=</c>: loads and quarantined batches newest first, only those with the status when given
    /// (<c>loaded</c>, <c>failed</c>, <c>rejected</c>, <c>needs_confirmation</c>), and only of the LAs in
    /// <paramref name="laCodes"/> when given (the caller's, in the cloud API).
    /// </summary>
    public async Task<ApiResponse> GetLoadsAsync(string? status, CancellationToken cancellationToken = default) =>
        await GetLoadsAsync(status, null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="GetLoadsAsync(string?, CancellationToken)"/>
    public async Task<ApiResponse> GetLoadsAsync(string? status, IReadOnlySet<string>? laCodes, CancellationToken cancellationToken = default)
    {
        LoadStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!LoadHistory.TryParseStatus(status, out var parsed))
            {
                return ApiResponse.BadRequest($"'{status}' is not a load status: use {string.Join(", ", LoadHistory.StatusCodes)}.");
            }

            wanted = parsed;
        }

        var loads = await new LoadHistory(warehouse, source).ListAsync(wanted, cancellationToken).ConfigureAwait(false);
        var visible = laCodes is null ? loads : [.. loads.Where(load => laCodes.Contains(load.Key.LaCode))];
        return ApiResponse.Json(new LoadsBody([.. visible.Select(Entry)]), ApiJsonContext.Default.LoadsBody);
    }

    /// <summary>
    /// <c>POST /api/loads/{loadId}/replay</c>: reruns the load from its archived (or quarantined) copy. 200 when it
    /// loaded, 422 when the copy is rejected, 503 when loading failed again (still recorded as failed).
    /// </summary>
    public Task<ApiResponse> ReplayLoadAsync(string loadId, CancellationToken cancellationToken = default) =>
        ReplayLoadAsync(loadId, asCurrent: null, cancellationToken);

    /// <summary>
    /// <c>POST /api/loads/{loadId}/replay[?as_current=true]</c>: reruns a load from its copy; <c>as_current=true</c>
    /// makes its event datasets current again over a later batch's (as <c>replay --as-current</c>). 404 when there is no
    /// copy, 410 when the copy was purged after the retention period.
    /// </summary>
    public async Task<ApiResponse> ReplayLoadAsync(string loadId, string? asCurrent, CancellationToken cancellationToken)
    {
        if (!LoadKey.TryParseBatch(loadId, out var batch))
        {
            return ApiResponse.BadRequest($"'{loadId}' is not a load id ({{la}}-{{yyyyMMdd}}-{{hash}}, as GET /api/loads lists them).");
        }

        if (!TryParseFlag(asCurrent, out var restoreAsCurrent))
        {
            return ApiResponse.BadRequest($"as_current must be true or false, not '{asCurrent}'.");
        }

        var manifest = await source.OpenArchivedFileAsync(batch, loadId, BatchFileNames.Manifest, cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            var purges = await warehouse.ListPurgesAsync(loadId, cancellationToken).ConfigureAwait(false);
            return purges.Count > 0
                ? ApiResponse.Problem(410, "Copy purged", PurgeRecord.CannotReplay(loadId, purges))
                : ApiResponse.NotFound($"No archived or quarantined copy of load '{loadId}'.");
        }

        await manifest.DisposeAsync().ConfigureAwait(false);
        var outcome = await loader.ReplayAsync(loadId, force: false, restoreAsCurrent, cancellationToken).ConfigureAwait(false);
        var body = new ReplayBody(outcome.LoadId, outcome.Batch.LaCode, outcome.Batch.AsAt, outcome.Kind.ToString().ToLowerInvariant(), outcome.Error, [.. outcome.Datasets.Select(Entry)]);
        return outcome.Kind switch
        {
            LoadOutcomeKind.Loaded or LoadOutcomeKind.AlreadyLoaded => ApiResponse.Json(body, ApiJsonContext.Default.ReplayBody),
            LoadOutcomeKind.Rejected => ApiResponse.Problem(422, "Replayed batch rejected", $"Load '{loadId}': {outcome.Error}"),
            LoadOutcomeKind.NeedsConfirmation => ApiResponse.Problem(409, "Needs confirmation", $"Load '{loadId}': {outcome.Error}"),
            LoadOutcomeKind.CopyPurged => ApiResponse.Problem(410, "Copy purged", outcome.Error!),
            _ => ApiResponse.Problem(503, "Replay failed", $"Load '{loadId}' failed again and stays recorded as failed: {outcome.Error}"),
        };
    }

    /// <summary>
    /// <c>GET /api/commentary/{la}?period=</c>: the officers' text of the LA's report for the period, every section
    /// written so far (the drafted sentences are the dashboard's: they are computed, never stored).
    /// </summary>
    public async Task<ApiResponse> GetCommentaryAsync(string la, string? period, CancellationToken cancellationToken = default)
    {
        if (!CommentaryRequest.TryPeriod(period, out var parsed, out var problem))
        {
            return problem!;
        }

        if (await warehouse.FindLatestLoadAsync(la, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiResponse.NotFound(NoData(la));
        }

        var written = await commentary.ReadAsync(la, parsed.Code, cancellationToken).ConfigureAwait(false);
        return ApiResponse.Json(new CommentaryBody(la, parsed.Code, [.. written.Select(CommentaryRequest.Entry)]), ApiJsonContext.Default.CommentaryBody);
    }

    /// <summary>
    /// <c>PUT /api/commentary/{la}/{item}/{section}?period=</c> with <c>{"text", "author", "status"}</c>: sets the
    /// officers' text of one section, replacing only that section's earlier text. The drafted sentences are never
    /// stored, so no edit can overwrite them: the text sits beside them (a text under "What does this show us?"
    /// included). <paramref name="signedInAuthor"/>, when the host knows the caller, is recorded as the author whatever
    /// the body says. Answers 200 with the section as stored; 400 for a bad period, item, section or body, 413 for a body
    /// over 64 KB, 404 for an LA the warehouse has no data for.
    /// </summary>
    public async Task<ApiResponse> PutCommentaryAsync(
        string la, string? period, string item, string section, Stream body, string? signedInAuthor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = await CommentaryRequest.ReadBodyAsync(body, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return ApiResponse.Problem(413, "Content too large", $"A commentary body takes at most {CommentaryRequest.MaxBodyBytes} bytes.");
        }

        if (!CommentaryRequest.TryRead(la, period, item, section, bytes, signedInAuthor, timeProvider.GetUtcNow(), out var text, out var problem))
        {
            return problem!;
        }

        if (await warehouse.FindLatestLoadAsync(la, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiResponse.NotFound(NoData(la));
        }

        await commentary.SaveAsync([text], cancellationToken).ConfigureAwait(false);
        var stored = (await commentary.ReadAsync(la, text.Period, cancellationToken).ConfigureAwait(false))
            .Single(c => c.Item == text.Item && c.Section == text.Section);
        return ApiResponse.Json(CommentaryRequest.Entry(stored), ApiJsonContext.Default.CommentaryEntry);
    }

    /// <summary>The LA's dashboard, or with a team that team's; null when the period (or the team) has no values.</summary>
    private async Task<DashboardReadout?> ReadDashboardAsync(
        LocalAuthorityRecord la, Period period, string? teamKey, IReadOnlyList<Commentary> written, CancellationToken cancellationToken)
    {
        var values = await warehouse.ReadCurrentIndicatorValuesAsync(la.LaCode, cancellationToken).ConfigureAwait(false);
        if (!values.Any(v => v.Period == period))
        {
            return null;
        }

        var reference = await DashboardQuery.ReadReferenceAsync(warehouse, la.LaCode, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (teamKey is null)
        {
            return DashboardReadout.Of(la, period, values, reference, written);
        }

        var teamValues = await warehouse.ReadCurrentTeamValuesAsync(la.LaCode, cancellationToken).ConfigureAwait(false);
        var names = await warehouse.ReadTeamNamesAsync(la.LaCode, cancellationToken).ConfigureAwait(false);
        return TeamDashboard.Of(la, period, values, teamValues, teamKey, reference, names);
    }

    /// <summary>A query flag: absent or empty is false; otherwise <c>true</c> or <c>false</c>.</summary>
    private static bool TryParseFlag(string? text, out bool flag)
    {
        flag = false;
        return string.IsNullOrEmpty(text) || bool.TryParse(text, out flag);
    }

    private static bool TryParsePeriod(string? period, out Period? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(period))
        {
            return true;
        }

        if (!Period.TryParse(period, out var value))
        {
            return false;
        }

        parsed = value;
        return true;
    }

    private static string NotAPeriod(string? period) =>
        $"'{period}' is not a period: use a month (2019-09), a quarter (2019-20 Q2) or a financial year (2019-20).";

    private static string OutOfRange(string? period) =>
        $"'{period}' is outside the years {Period.MinYear} to {Period.MaxYear}: there are no figures for it.";

    private static string NoData(string la) => $"No data for LA '{la}' in the warehouse.";

    private static string NoTeam(string la, string team, Period period) =>
        $"No figures for team '{team}' of LA '{la}' in period {period.Code}: the team key is the extract's team value ({TeamKeys.NoTeamRecorded} for no team recorded).";

    private static string NoValues(string la, Period period) => $"No indicator values for LA '{la}' in period {period.Code}.";

    /// <summary>
    /// As below, with the officers' text of the period (a digest of every section's text, author, time and status) and
    /// the newest reference import (the targets and comparators shown change with no load).
    /// </summary>
    private static string ETagFor(LoadStamp latest, Period period, IReadOnlyList<Commentary> written, string? referenceImport)
    {
        if (written.Count == 0)
        {
            return ETagFor(latest, period, referenceImport);
        }

        var digest = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
            written.Select(c => $"{c.Item}\u001e{c.Section}\u001e{c.Text}\u001e{c.Author}\u001e{c.UpdatedAt.ToUnixTimeMilliseconds()}\u001e{c.Status}"))));
        return EntityTag.FromLoad(
            $"{latest.LoadId}.{latest.FinishedAt.ToUnixTimeMilliseconds()}.{period.Code.Replace(' ', '_')}.c{Convert.ToHexString(digest, 0, 8)}{ReferencePart(referenceImport)}");
    }

    /// <summary>
    /// The latest load and when it committed (a replay recommits an older id), the period when it picks the body, and
    /// the newest reference import when the body shows reference data.
    /// </summary>
    private static string ETagFor(LoadStamp latest, Period? period, string? referenceImport = null) =>
        EntityTag.FromLoad(period is { } p
            ? $"{latest.LoadId}.{latest.FinishedAt.ToUnixTimeMilliseconds()}.{p.Code.Replace(' ', '_')}{ReferencePart(referenceImport)}"
            : $"{latest.LoadId}.{latest.FinishedAt.ToUnixTimeMilliseconds()}");

    private static string ReferencePart(string? referenceImport) => referenceImport is null ? string.Empty : $".{referenceImport}";

    private static bool TryParsePeriodType(string type, out PeriodType periodType)
    {
        (var known, periodType) = type.Trim().ToLowerInvariant() switch
        {
            "month" => (true, PeriodType.Month),
            "quarter" => (true, PeriodType.Quarter),
            "year" or "financial_year" => (true, PeriodType.FinancialYear),
            _ => (false, default),
        };
        return known;
    }

    private static string TypeName(PeriodType type) => type switch
    {
        PeriodType.Month => "month",
        PeriodType.Quarter => "quarter",
        _ => "year",
    };

    private static IndicatorEntry Entry(IndicatorDefinition d) => new(
        d.Code, d.Label, d.Item.Number, d.Item.Title, d.Unit, d.Polarity, d.Precision,
        d.National is { } n ? new NationalEntry(n.Value, n.Period, IndicatorDisplay.Format(n.Value, d.Precision)) : null);

    private static LoadEntry Entry(LoadRecord l) => new(
        l.LoadId, l.Key.LaCode, l.Key.AsAt, LoadHistory.StatusCode(l.Status), l.Attempts, l.StartedAt, l.FinishedAt, l.Error,
        [.. l.Datasets.Select(d => Entry(d.Counts))]);

    private static WorkListEntry Entry(WorkItem i, TeamNames names) => new(
        WorkItemKinds.Code(i.Kind), WorkItemKinds.Label(i.Kind), i.ItemId, i.TeamKey, names.Label(i.TeamKey), i.WorkerKey, i.PersonKey,
        i.CountedFrom, i.DueDate, i.DaysOverdue);

    private static DatasetEntry Entry(DatasetCounts c) => new(c.Dataset, c.RowsRead, c.RowsLoaded, c.RowsRejected, c.RowsWarnings);
}
