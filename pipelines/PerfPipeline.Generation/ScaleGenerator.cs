namespace PerfPipeline.Generation;

using System.Globalization;

using PerfPipeline.Extracts;

/// <summary>
/// A large batch of realistic shape for benchmarks, streamed straight to the CSV files: referrals of families'
/// children with their assessments, some going on to child protection plans with visits or into care with
/// episodes and visits, allocated workers, missing episodes, Early Help, EHC requests to plans, the workforce
/// and the three snapshots. Nothing is held in memory beyond counters, so ten million rows take seconds.
/// Unlike the seeds no target is met: this is volume and shape only.
/// </summary>
internal sealed class ScaleGenerator : IDisposable
{
    // The seed LA's yearly volumes (scale 1): families referred (about 1,800 children), Early Help episodes, EHC plans.
    private const int FamiliesPerYear = 1290;
    private const int EarlyHelpPerYear = 840;
    private const int EhcpPlansPerYear = 170;

    /// <summary>The datasets a benchmark batch carries: every one but the department list (its teams are names, not ids).</summary>
    internal static readonly IReadOnlyList<DatasetContract> Written = [.. ExtractContract.Datasets.Where(d => d != ExtractContract.Departments)];

    private readonly Random _random;
    private readonly ScaleOptions _options;
    private readonly GenerationCalendar _calendar = GenerationCalendar.EnglandAndWales;
    private readonly Dictionary<string, CsvFileWriter> _writers = new(StringComparer.Ordinal);
    private readonly DateOnly _from;
    private readonly int _workerCount;
    private long _id = 1_000_000;

    private ScaleGenerator(ScaleOptions options, string folder)
    {
        _options = options;
        _random = new Random(options.Seed);
        _from = options.AsAt.AddYears(-options.Years).AddDays(1);
        _workerCount = 70 * options.Scale;
        foreach (var dataset in Written)
        {
            _writers[dataset.Name] = new CsvFileWriter(Path.Combine(folder, dataset.Name + ".csv"), dataset);
        }
    }

    public static async Task<ScaleResult> WriteAsync(ScaleOptions options, string root, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(root, options.LaCode, options.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var manifest = new List<ManifestDataset>();
        using (var generator = new ScaleGenerator(options, folder))
        {
            generator.Generate(cancellationToken);
            foreach (var dataset in Written)
            {
                var writer = generator._writers[dataset.Name];
                manifest.Add(new ManifestDataset(dataset.Name, dataset.Name + ".csv", writer.Rows, writer.Complete()));
            }
        }

        // No source_system: a benchmark batch is of the contract's own shape, not an SSD system's export (a made-up name
        // drew an unknown_source_system warning on every batch; an SSD name would turn on the SSD systems' rules).
        await ManifestWriter.WriteFileAsync(
            folder, new BatchManifest(options.LaCode, options.LaName, options.AsAt, null, manifest), cancellationToken).ConfigureAwait(false);
        return new ScaleResult(folder, manifest.Sum(d => d.Rows ?? 0));
    }

    public void Dispose()
    {
        foreach (var writer in _writers.Values)
        {
            writer.Dispose();
        }
    }

    private void Generate(CancellationToken cancellationToken)
    {
        Workforce();
        var days = _options.AsAt.DayNumber - _from.DayNumber + 1;
        var families = (long)FamiliesPerYear * _options.Scale * _options.Years;
        for (long i = 0; i < families; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Family(_from.AddDays((int)(i * days / families)));
        }

        for (long i = 0, n = (long)EarlyHelpPerYear * _options.Scale * _options.Years; i < n; i++)
        {
            EarlyHelp(_from.AddDays((int)(i * days / n)));
        }

        for (long i = 0, n = (long)EhcpPlansPerYear * _options.Scale * _options.Years; i < n; i++)
        {
            Ehcp(_from.AddDays((int)(i * days / n)));
        }

        Snapshots();
    }

    private long NextId() => ++_id;

    private DateOnly? Known(DateOnly date) => date <= _options.AsAt ? date : null;

    private long Worker() => 1 + _random.Next(_workerCount);

    private void Workforce()
    {
        var w = _writers[ExtractContract.Professionals.Name];
        for (long i = 1; i <= _workerCount; i++)
        {
            var start = _options.AsAt.AddDays(-_random.Next(30, 4000));
            var agency = _random.Chance(0.25);
            w.Field("prof_professional_id", i);
            w.Field("prof_agency_worker_flag", agency);
            w.Field("prof_full_time_equivalency", _random.Chance(0.8) ? 1.0m : 0.6m);
            w.Field("prof_qualified_social_worker", i % 7 != 0);
            w.Field("prof_employment_start_date", start);
            w.Field("prof_employment_end_date", _random.Chance(0.2) ? Known(start.AddDays(_random.Next(30, 2000))) : null);
            w.EndRow();
        }
    }

    // A family's referral: each child gets a person row, a referral, usually an assessment, sometimes more.
    private void Family(DateOnly date)
    {
        var size = _random.Weighted([(1, 70), (2, 20), (3, 10)]);
        for (var c = 0; c < size; c++)
        {
            var person = NextId();
            var dateOfBirth = date.AddDays(-_random.Next(0, 17 * 365));
            Person(person, dateOfBirth);

            var referral = NextId();
            var assessed = _random.Chance(0.85);
            var r = _writers[ExtractContract.CinEpisodes.Name];
            r.Field("cine_referral_id", referral);
            r.Field("cine_person_id", person);
            r.Field("cine_referral_date", date);
            r.Field("cine_referral_source_code", _random.Pick(Sources));
            r.Field("cine_referral_nfa", !assessed);
            r.Field("cine_close_date", Known(date.AddDays(_random.Next(1, 300))));
            r.Field("cine_referral_team", "MASH");
            r.EndRow();
            if (!assessed)
            {
                continue;
            }

            var start = _calendar.OnOrAfter(date.AddDays(_random.Next(0, 5)));
            var authorised = _calendar.AddWorkingDays(start, _random.Next(10, 70));
            if (start > _options.AsAt)
            {
                continue;
            }

            var a = _writers[ExtractContract.CinAssessments.Name];
            a.Field("cina_assessment_id", NextId());
            a.Field("cina_person_id", person);
            a.Field("cina_referral_id", referral);
            a.Field("cina_assessment_start_date", start);
            a.Field("cina_assessment_auth_date", Known(authorised));
            a.Field("cina_assessment_team", "Assessment Team");
            a.EndRow();
            Involvement(person, start, authorised.AddDays(30));

            var draw = _random.NextDouble();
            if (draw < 0.10)
            {
                ProtectionPlan(person, authorised.AddDays(_random.Next(5, 20)));
            }
            else if (draw < 0.14)
            {
                Care(person, authorised.AddDays(_random.Next(1, 60)));
            }

            if (_random.Chance(0.06))
            {
                Missing(person, date.AddDays(_random.Next(0, 365)));
            }
        }
    }

    private void Person(long person, DateOnly dateOfBirth)
    {
        var w = _writers[ExtractContract.Person.Name];
        w.Field("pers_person_id", person);
        w.Field("pers_sex", _random.Chance(0.51) ? "M" : "F");
        w.Field("pers_ethnicity", _random.Pick(Ethnicities));
        w.Field("pers_dob", dateOfBirth);
        w.EndRow();
    }

    private void Involvement(long person, DateOnly start, DateOnly end)
    {
        if (start > _options.AsAt)
        {
            return;
        }

        var w = _writers[ExtractContract.Involvements.Name];
        w.Field("invo_involvements_id", NextId());
        w.Field("invo_person_id", person);
        w.Field("invo_professional_id", Worker());
        w.Field("invo_professional_role_id", "Social Worker");
        w.Field("invo_professional_team", "Children's Social Care");
        w.Field("invo_involvement_start_date", start);
        w.Field("invo_involvement_end_date", Known(end));
        w.EndRow();
    }

    private void ProtectionPlan(long person, DateOnly start)
    {
        if (start > _options.AsAt)
        {
            return;
        }

        var plan = NextId();
        var end = start.AddDays(_random.Next(90, 540));
        var p = _writers[ExtractContract.CpPlans.Name];
        p.Field("cppl_cp_plan_id", plan);
        p.Field("cppl_person_id", person);
        p.Field("cppl_cp_plan_start_date", start);
        p.Field("cppl_cp_plan_end_date", Known(end));
        p.Field("cppl_cp_plan_initial_category", _random.Pick(Categories));
        p.EndRow();
        Involvement(person, start, end);
        var v = _writers[ExtractContract.CpVisits.Name];
        for (var visit = _calendar.AddWorkingDays(_calendar.OnOrAfter(start), _random.Next(1, 10)); visit <= end && visit <= _options.AsAt;
             visit = _calendar.AddWorkingDays(visit, _random.Next(5, 14)))
        {
            v.Field("cppv_cp_visit_id", NextId());
            v.Field("cppv_person_id", person);
            v.Field("cppv_cp_plan_id", plan);
            v.Field("cppv_cp_visit_date", visit);
            v.Field("cppv_cp_visit_seen", true);
            v.EndRow();
        }
    }

    private void Care(long person, DateOnly start)
    {
        if (start > _options.AsAt)
        {
            return;
        }

        var period = NextId();
        var end = start.AddDays(_random.Next(30, 1500));
        var move = start.AddDays(_random.Next(10, Math.Max(11, end.DayNumber - start.DayNumber)));
        var e = _writers[ExtractContract.ClaEpisodes.Name];
        foreach (var (from, to) in new[] { (start, move), (move, end) })
        {
            if (from > _options.AsAt)
            {
                break;
            }

            e.Field("clae_cla_episode_id", NextId());
            e.Field("clae_person_id", person);
            e.Field("clae_cla_id", period);
            e.Field("clae_cla_episode_start_date", from);
            e.Field("clae_cla_episode_ceased_date", Known(to));
            e.EndRow();
        }

        Involvement(person, start, end);
        var v = _writers[ExtractContract.ClaVisits.Name];
        for (var visit = start.AddDays(_random.Next(1, 10)); visit <= end && visit <= _options.AsAt; visit = visit.AddDays(_random.Next(20, 60)))
        {
            v.Field("clav_cla_visit_id", NextId());
            v.Field("clav_person_id", person);
            v.Field("clav_cla_id", period);
            v.Field("clav_cla_visit_date", visit);
            v.Field("clav_cla_visit_seen", true);
            v.EndRow();
        }
    }

    private void Missing(long person, DateOnly start)
    {
        var w = _writers[ExtractContract.Missing.Name];
        for (var i = _random.Next(1, 4); i > 0 && start <= _options.AsAt; i--, start = start.AddDays(_random.Next(5, 60)))
        {
            var end = start.AddDays(_random.Next(0, 3));
            w.Field("miss_table_id", NextId());
            w.Field("miss_person_id", person);
            w.Field("miss_missing_episode_start_date", start);
            w.Field("miss_missing_episode_type", _random.Chance(0.9) ? "Missing" : "Absent");
            w.Field("miss_missing_episode_end_date", Known(end));
            w.Field("miss_missing_rhi_offered", true);
            w.Field("miss_missing_rhi_accepted", true);
            w.Field("miss_missing_rhi_date", Known(end.AddDays(_random.Next(0, 10))));
            w.EndRow();
        }
    }

    private void EarlyHelp(DateOnly start)
    {
        var person = NextId();
        Person(person, start.AddDays(-_random.Next(0, 17 * 365)));
        var w = _writers[ExtractContract.EarlyHelpEpisodes.Name];
        w.Field("earl_episode_id", NextId());
        w.Field("earl_person_id", person);
        w.Field("earl_episode_start_date", start);
        w.Field("earl_episode_end_date", Known(start.AddDays(_random.Next(60, 300))));
        w.Field("earl_assessment_completed_date", _random.Chance(0.75) ? Known(start.AddDays(_random.Next(5, 90))) : null);
        w.EndRow();
    }

    private void Ehcp(DateOnly issued)
    {
        var request = NextId();
        var assessment = NextId();
        var requested = issued.AddDays(-_random.Next(90, 300));
        var r = _writers[ExtractContract.EhcpRequests.Name];
        r.Field("ehcr_ehcp_request_id", request);
        r.Field("ehcr_ehcp_req_date", requested);
        r.Field("ehcr_ehcp_req_outcome_date", requested.AddDays(35));
        r.Field("ehcr_ehcp_req_outcome", "Assessment agreed");
        r.EndRow();
        var a = _writers[ExtractContract.EhcpAssessments.Name];
        a.Field("ehca_ehcp_assessment_id", assessment);
        a.Field("ehca_ehcp_request_id", request);
        a.Field("ehca_ehcp_assessment_outcome_date", issued.AddDays(-7));
        a.Field("ehca_ehcp_assessment_outcome", "Plan to be issued");
        a.Field("ehca_ehcp_assessment_exceptions", _random.Chance(0.04));
        a.EndRow();
        var p = _writers[ExtractContract.EhcpNamedPlans.Name];
        p.Field("ehcn_named_plan_id", NextId());
        p.Field("ehcn_ehcp_asmt_id", assessment);
        p.Field("ehcn_named_plan_start_date", issued);
        p.EndRow();
    }

    private void Snapshots()
    {
        var asAt = _options.AsAt;
        var leavers = _writers[ExtractContract.CareLeavers.Name];
        for (var i = 0; i < 80 * _options.Scale; i++)
        {
            var person = NextId();
            Person(person, asAt.AddDays(-_random.Next(16 * 365, 21 * 365)));
            leavers.Field("clea_table_id", NextId());
            leavers.Field("clea_person_id", person);
            leavers.Field("clea_care_leaver_eligibility", "Former relevant");
            leavers.Field("clea_care_leaver_in_touch", _random.Chance(0.9) ? "YES" : "NO");
            leavers.Field("clea_care_leaver_latest_contact", asAt.AddDays(-_random.Next(1, 60)));
            leavers.Field("clea_care_leaver_accommodation", _random.Chance(0.85) ? "U1" : "S2");
            leavers.Field("clea_care_leaver_activity", _random.Chance(0.4) ? "G5" : "F2");
            leavers.EndRow();
        }

        var plans = _writers[ExtractContract.EhcpActivePlans.Name];
        for (var i = 0; i < 900 * _options.Scale; i++)
        {
            plans.Field("ehcp_active_ehcp_id", NextId());
            plans.Field("ehcp_educated_in_borough", _random.Chance(0.6));
            plans.EndRow();
        }

        var missing = _writers[ExtractContract.ChildrenMissingEducation.Name];
        for (var i = 0; i < 10 * _options.Scale; i++)
        {
            var person = NextId();
            Person(person, asAt.AddDays(-_random.Next(5 * 365, 15 * 365)));
            missing.Field("cme_person_id", person);
            missing.Field("cme_start_date", asAt.AddDays(-_random.Next(1, 200)));
            missing.EndRow();
        }
    }

    private static readonly string[] Sources = ["1A", "2A", "3A", "3E", "5A", "5D", "6", "8"];
    private static readonly string[] Ethnicities = ["WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "AIND", "APKN", "BAFR", "CHNE", "OOTH"];
    private static readonly string[] Categories = ["Neglect", "Emotional abuse", "Physical abuse", "Sexual abuse", "Multiple"];
}
