namespace PerfPipeline.Tests.Extracts;

using PerfPipeline.Extracts;

/// <summary>Batches as an LA's SSD scripts write them: SSD's codes, each system's spellings, NULL literals, other SSD tables.</summary>
public sealed class SsdNativeReadTests : ExtractReaderTestBase
{
    [Fact]
    public async Task ReadAsync_MissingEpisodesInSsdSpellings_ReadAsTheContractsCodes()
    {
        Batch.WithDataset("ssd_missing", """
            miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_type,miss_missing_episode_end_date,miss_missing_rhi_offered,miss_missing_rhi_accepted
            M1,P1,2019-07-01 00:00:00.000,M,2019-07-02 00:00:00.000,Y,N
            M2,P2,01/08/2019 10:30:00,A,NULL,NA,NA
            M3,P3,2019-08-03,Away,,NULL,Y
            M4,P4,2019-08-04,missing,,N,NULL
            """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.DoesNotContain(sut.Issues, i => i.Severity != IssueSeverity.Warning);
        var rows = Assert.Single(sut.Datasets).Rows;
        Assert.Equal(["Missing", "Absent", "Absent", "Missing"], Enumerable.Range(0, 4).Select(r => rows[r].Values[3]));
        Assert.Equal([true, null, null, false], Enumerable.Range(0, 4).Select(r => rows[r].Values[5]));
        Assert.Equal([false, null, true, null], Enumerable.Range(0, 4).Select(r => rows[r].Values[6]));
        Assert.Equal(new DateOnly(2019, 8, 1), rows[1].Values[2]);
        Assert.Null(rows[1].Values[4]);
    }

    [Fact]
    public async Task ReadAsync_MissingTypeOutsideCodesAndSpellings_StaysARowError()
    {
        Batch.WithDataset("ssd_missing", """
            miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_type
            M1,P1,2019-07-01,Runaway
            """);

        var sut = await ReadAsync(Lenient);

        var issue = Assert.Single(sut.Issues, i => i.Severity == IssueSeverity.RowError);
        Assert.Equal(ValidationRule.CodeNotInList, issue.Rule);
        Assert.Equal("Runaway", issue.Value);
    }

    [Fact]
    public async Task ReadAsync_CareLeaversAsSystemCAndEclipseWriteThem_ReadAsSsda903Codes()
    {
        Batch.WithDataset("ssd_care_leavers", """
            clea_table_id,clea_person_id,clea_care_leaver_eligibility,clea_care_leaver_in_touch,clea_care_leaver_latest_contact,clea_care_leaver_accommodation,clea_care_leaver_accom_suitable,clea_care_leaver_activity
            C1,P1,Relevant,YES,2019-09-01 00:00:00.000,Independent living,Accommodation considered suitable,Full time in higher education
            C2,P2,Former relevant,NO,NULL,U,2,G6
            C3,P3,NULL,YES,,With former foster carers,NULL,"Not in education, training or employment, owing to other reasons"
            C4,P4,,REFU,,U1,,F1
            """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var rows = Assert.Single(sut.Datasets).Rows;
        Assert.Equal(["U", "U", "Z", "U1"], Enumerable.Range(0, 4).Select(r => rows[r].Values[5]));
        Assert.Equal(["Suitable", "2", null, null], Enumerable.Range(0, 4).Select(r => rows[r].Values[6]));
        Assert.Equal(["F1", "G6", "G5", "F1"], Enumerable.Range(0, 4).Select(r => rows[r].Values[7]));
        Assert.Null(rows[2].Values[2]);
    }

    private const string CareLeaverHeader =
        "clea_table_id,clea_person_id,clea_care_leaver_eligibility,clea_care_leaver_in_touch,clea_care_leaver_latest_contact,clea_care_leaver_accommodation,clea_care_leaver_accom_suitable,clea_care_leaver_activity";

    /// <summary>SystemC's cohort: several rows a person, one with no care-leaver record (in_touch NULL), and "No Current Eligibility".</summary>
    private const string SystemCCareLeavers = CareLeaverHeader + """

        G1,P1,Former relevant,NO,2019-03-01 10:00:00.000,U,2,G6
        G2,P1,Former relevant,YES,2019-08-01 09:00:00.000,U,1,F1
        G3,P1,No Current Eligibility,NULL,NULL,NULL,NULL,NULL
        G4,P2,No Current Eligibility,NULL,NULL,NULL,NULL,NULL
        G5,P3,No Current Eligibility,YES,2019-09-01,U,1,F1
        G6,P4,,,,,,
        """;

    [Fact]
    public async Task ReadAsync_InTouchEmptyOrNull_LoadsTheRowAndCountsItLeftOutOfTheCohort()
    {
        Batch.WithoutSourceSystem().WithDataset("ssd_care_leavers", SystemCCareLeavers);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.DoesNotContain(sut.Issues, i => i.Dataset == "ssd_care_leavers");
        var leavers = Assert.Single(sut.Datasets);
        Assert.Equal((6L, 6L, 0L), (leavers.RowsRead, leavers.RowsAccepted, leavers.RowsRejected));
        Assert.Equal([null, null, null], new[] { 2, 3, 5 }.Select(r => leavers.Rows[r].Values[3]));

        // No source_system: every row of P1 is its own; only the three without in_touch are left out.
        Assert.Equal([new CohortExclusion("ssd_care_leavers", "clea_care_leaver_in_touch", "in touch not recorded", 3)], sut.CohortExclusions);
    }

    [Fact]
    public async Task ReadAsync_SsdSystemsBatch_CountsEachRowLeftOutUnderOneRuleOnly()
    {
        Batch.WithSourceSystem("SystemC", "1.4.5").WithDataset("ssd_care_leavers", SystemCCareLeavers);
        var cohort = new PerfPipeline.CaseData.CareLeaverCohort { Eligibility = ["Former relevant", "Relevant"] };

        var sut = await new ExtractReader(Key, Clock, careLeavers: cohort).ReadAsync(Source, Batch.Build(), TestContext.Current.CancellationToken);
        var report = ValidationReport.Create(new PerfPipeline.Batches.BatchLocation("872", new DateOnly(2019, 9, 30)), sut);

        // P1's two older rows (the NULL row has no contact at all), then P2's and P4's NULL in_touch, then P3's eligibility.
        Assert.Equal(
            [
                new CohortExclusion("ssd_care_leavers", "clea_care_leaver_latest_contact", "superseded by the person's row with a later contact", 2),
                new CohortExclusion("ssd_care_leavers", "clea_care_leaver_in_touch", "in touch not recorded", 2),
                new CohortExclusion("ssd_care_leavers", "clea_care_leaver_eligibility", "an eligibility the LA's settings do not keep", 1),
            ],
            sut.CohortExclusions);
        Assert.Equal(6L, Assert.Single(sut.Datasets).RowsAccepted);
        Assert.Contains("ssd_care_leavers.clea_care_leaver_latest_contact, superseded by the person's row with a later contact: 2 rows", report.Summary, StringComparison.Ordinal);
        Assert.Contains("\"left_out_of_cohort\"", report.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NullLiteralInARequiredColumn_IsAMissingRequiredValue()
    {
        Batch.WithDataset("ssd_person", """
            pers_person_id,pers_sex,pers_dob
            P1,NULL,2010-01-01
            NULL,F,2011-01-01
            """);

        var sut = await ReadAsync(Lenient);

        var person = Assert.Single(sut.Datasets);
        Assert.Equal(1, person.RowsAccepted);
        Assert.Null(person.Rows[0].Values[1]);
        var issue = Assert.Single(sut.Issues, i => i.Severity == IssueSeverity.RowError);
        Assert.Equal((2L, "pers_person_id", ValidationRule.RequiredValueMissing), (issue.Row!.Value, issue.Column!, issue.Rule!.Value));
    }

    [Fact]
    public async Task ReadAsync_OtherSsdTablesListedInTheManifest_AreIgnoredWithOneNoteEachAndNeverArchived()
    {
        Batch.WithDataset("ssd_person", "pers_person_id,pers_dob\nP1,2010-01-01\n")
            .WithDataset("ssd_address", "addr_table_id,addr_person_id,addr_address_json,addr_address_postcode\nA1,P1,\"{\"\"line1\"\":\"\"1 High St\"\"}\",RG40 1AA\nA2,P1,x,RG40 1AB\n")
            .WithDataset("ssd_contacts", "cont_contact_id,cont_person_id\nK1,P1\n");
        var location = Batch.Build();

        var sut = await CreateReader().ReadAsync(Source, location, TestContext.Current.CancellationToken);
        await Source.ArchiveAsync(location, "load-1", TestContext.Current.CancellationToken);

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Equal(["ssd_person"], sut.Datasets.Select(d => d.Contract.Name));
        var notes = sut.Issues.Where(i => i.Rule == ValidationRule.OtherSsdTable).ToList();
        Assert.Equal(["ssd_address", "ssd_contacts"], notes.Select(n => n.Dataset));
        Assert.All(notes, n => Assert.Equal(IssueSeverity.Warning, n.Severity));
        Assert.DoesNotContain(sut.Issues, i => i.Rule == ValidationRule.UnknownDataset);
        var archived = Directory.EnumerateFiles(Temp.File("archive"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["manifest.json", "ssd_person.csv"], archived);
    }

    [Fact]
    public async Task ReadAsync_PrimaryKeyNullInEveryRow_LeavesTheDatasetOutWithANoteNotARejection()
    {
        Batch.WithDataset("ssd_person", "pers_person_id,pers_dob\nP1,2010-01-01\n")
            .WithDataset("ssd_professionals", """
                prof_professional_id,prof_agency_worker_flag,prof_full_time_equivalency,prof_qualified_social_worker,prof_employment_start_date
                NULL,N,1,Y,2015-01-01
                ,N,1,Y,2015-01-01
                NULL,N,1,Y,2015-01-01
                """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Equal(["ssd_person"], sut.Datasets.Select(d => d.Contract.Name));
        var note = Assert.Single(sut.Issues);
        Assert.Equal((IssueSeverity.Warning, ValidationRule.DatasetKeyless, "ssd_professionals", "prof_professional_id"),
            (note.Severity, note.Rule!.Value, note.Dataset, note.Column));
        Assert.Contains("every one of the 3 rows", note.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PrimaryKeyNullInSomeRows_RejectsThoseRowsAsBefore()
    {
        Batch.WithDataset("ssd_person", "pers_person_id,pers_dob\nP1,2010-01-01\nNULL,2010-01-01\n");

        var sut = await ReadAsync(Lenient);

        var person = Assert.Single(sut.Datasets);
        Assert.Equal((2L, 1L, 1L), (person.RowsRead, person.RowsAccepted, person.RowsRejected));
    }

    [Theory]
    [InlineData("SystemC", "1.4.5", 0, 0)]
    [InlineData("mosaic", null, 0, 0)]
    [InlineData("Liquidlogic", "1.4.5", 1, 0)]
    [InlineData("Eclipse", "2.0", 0, 1)]
    public async Task ReadAsync_ManifestSourceSystemAndSsdVersion_UnknownValuesAreWarnings(string system, string? version, int systemWarnings, int versionWarnings)
    {
        var versionField = version is null ? string.Empty : $", \"ssd_version\": \"{version}\"";
        Batch.WithManifestJson($$"""
            { "la_code": "872", "as_at": "2019-09-30", "source_system": "{{system}}"{{versionField}}, "datasets": [] }
            """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Equal(version, sut.Manifest!.SsdVersion);
        Assert.Equal(systemWarnings, sut.Issues.Count(i => i.Rule == ValidationRule.UnknownSourceSystem));
        Assert.Equal(versionWarnings, sut.Issues.Count(i => i.Rule == ValidationRule.UnknownSsdVersion));
        Assert.All(sut.Issues, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
    }

    [Fact]
    public async Task ReadAsync_SsdProfessionalsAndActivePlansWithoutExtensionColumns_LoadTheirRows()
    {
        Batch.WithDataset("ssd_professionals", """
                prof_professional_id,prof_staff_id,prof_professional_name,prof_social_worker_registration_no,prof_agency_worker_flag,prof_professional_job_title,prof_professional_caseload,prof_professional_department,prof_full_time_equivalency
                W1,S1,A Worker,SW1,NULL,Social Worker,12,40,NULL
                W2,S2,B Worker,,NULL,Team Manager,0,40,0.5
                """)
            .WithDataset("ssd_ehcp_active_plans", """
                ehcp_active_ehcp_id,ehcp_ehcp_request_id,ehcp_active_ehcp_last_review_date
                A1,R1,2019-01-01 00:00:00.000
                """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Empty(sut.Issues);
        var professionals = sut.Datasets.Single(d => d.Contract == ExtractContract.Professionals);
        Assert.Equal([Pseudonym("W1"), null, null, null, null, null], professionals.Rows[0].Values);
        Assert.Equal(0.5m, professionals.Rows[1].Values[2]);
        Assert.Equal(["A1", "R1", null, null], sut.Datasets.Single(d => d.Contract == ExtractContract.EhcpActivePlans).Rows[0].Values);
    }

    [Fact]
    public async Task ReadAsync_CpVisitsWithoutPersonOrPlan_DerivedFromThePlansAndCountedInTheReport()
    {
        Batch.WithDataset("ssd_cp_plans", """
                cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date
                CP1,P1,2019-01-01,2019-05-31
                CP2,P1,2019-06-01,
                """)
            .WithDataset("ssd_cp_visits", """
                cppv_cp_visit_id,cppv_cp_plan_id,cppv_cp_visit_date,cppv_cp_visit_seen
                V1,CP1,2019-02-01,Y
                V2,CP2,2019-07-01,N
                """);
        var location = Batch.Build();
        var sut = await CreateReader().ReadAsync(Source, location, TestContext.Current.CancellationToken);

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var visits = sut.Datasets.Single(d => d.Contract == ExtractContract.CpVisits);
        Assert.Equal([Pseudonym("P1"), Pseudonym("P1")], [visits.Rows[0].Values[1], visits.Rows[1].Values[1]]);
        var derivation = Assert.Single(sut.Derivations);
        Assert.Equal(("ssd_cp_visits", "cppv_person_id", 2L), (derivation.Dataset, derivation.Column, derivation.Rows));
        var report = ValidationReport.Create(location, sut);
        Assert.Contains("ssd_cp_visits.cppv_person_id from person of the visit's plan (cppv_cp_plan_id → cppl_person_id): 2 rows", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CpVisitWithNoPlan_TakesThePersonsPlanCoveringTheDateOrIsRejected()
    {
        Batch.WithDataset("ssd_cp_plans", """
                cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date
                CP1,P1,2019-01-01,2019-05-31
                CP2,P1,2019-06-01,
                """)
            .WithDataset("ssd_cp_visits", """
                cppv_cp_visit_id,cppv_person_id,cppv_cp_plan_id,cppv_cp_visit_date
                V1,P1,NULL,2019-07-01
                V2,P1,,2019-03-01
                V3,P2,,2019-03-01
                """);

        var sut = await ReadAsync(Lenient);

        var visits = sut.Datasets.Single(d => d.Contract == ExtractContract.CpVisits);
        Assert.Equal(["CP2", "CP1"], [visits.Rows[0].Values[2], visits.Rows[1].Values[2]]);
        Assert.Equal(1, visits.RowsRejected);
        var error = Assert.Single(sut.Issues, i => i.Severity == IssueSeverity.RowError);
        Assert.Equal((3L, "cppv_cp_plan_id"), (error.Row!.Value, error.Column!));
        Assert.Equal(2, Assert.Single(sut.Derivations).Rows);
    }

    [Fact]
    public async Task ReadAsync_MosaicInvolvementsWithoutPerson_DerivedThroughTheReferralOrRejectedNamingWhy()
    {
        Batch.WithDataset("ssd_cin_episodes", """
                cine_referral_id,cine_person_id,cine_referral_date
                R1,P1,2019-01-01
                R2,P2,2019-01-15
                """)
            .WithDataset("ssd_involvements", """
                invo_involvements_id,invo_professional_id,invo_professional_role_id,invo_professional_team,invo_involvement_start_date,invo_involvement_end_date,invo_worker_change_reason,invo_referral_id
                I1,W1,Allocated Worker,40,2019-01-01 00:00:00.000,NULL,NULL,R1
                I2,W2,Allocated Worker,40,2019-02-01 00:00:00.000,NULL,NULL,R2
                I3,W3,Allocated Worker,40,2019-02-01 00:00:00.000,NULL,NULL,R9
                I4,W3,Allocated Worker,40,2019-02-01 00:00:00.000,NULL,NULL,NULL
                """);
        var location = Batch.Build();

        var sut = await CreateReader(Lenient).ReadAsync(Source, location, TestContext.Current.CancellationToken);

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var involvements = sut.Datasets.Single(d => d.Contract == ExtractContract.Involvements);
        Assert.Equal((4L, 2L), (involvements.RowsRead, involvements.RowsRejected));
        Assert.Equal([Pseudonym("P1"), Pseudonym("P2")], involvements.Rows.Select(r => r.Values[1]));
        Assert.Equal(["R1", "R2"], involvements.Rows.Select(r => r.Values[7]));
        var errors = sut.Issues.Where(i => i.Severity == IssueSeverity.RowError).OrderBy(i => i.Row).ToList();
        Assert.Equal([(3L, "invo_person_id"), (4L, "invo_person_id")], errors.Select(e => (e.Row!.Value, e.Column!)));
        Assert.Contains("names no referral of the batch", errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("so is invo_referral_id", errors[1].Reason, StringComparison.Ordinal);
        var derivation = Assert.Single(sut.Derivations);
        Assert.Equal(("ssd_involvements", "invo_person_id", 2L), (derivation.Dataset, derivation.Column, derivation.Rows));
        var report = ValidationReport.Create(location, sut);
        Assert.Contains("ssd_involvements.invo_person_id from person of the involvement's referral (invo_referral_id → cine_person_id): 2 rows", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_InvolvementsWithoutPersonAndNoReferralInTheBatch_LeftOutWithANoteNotARejection()
    {
        Batch.WithDataset("ssd_involvements", """
            invo_involvements_id,invo_professional_id,invo_professional_role_id,invo_professional_team,invo_involvement_start_date,invo_involvement_end_date,invo_worker_change_reason,invo_referral_id
            I1,W1,Allocated Worker,40,2019-01-01 00:00:00.000,NULL,NULL,R1
            I2,W2,Allocated Worker,40,2019-02-01 00:00:00.000,NULL,NULL,R2
            """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Empty(sut.Datasets);
        var note = Assert.Single(sut.Issues);
        Assert.Equal((ValidationRule.DatasetKeyless, "invo_person_id"), (note.Rule!.Value, note.Column!));
        Assert.Empty(sut.Derivations);
    }

    [Fact]
    public async Task ReadAsync_InvolvementWithoutItsWorker_LoadsWithAWarningNotARowError()
    {
        Batch.WithDataset("ssd_involvements", """
            invo_involvements_id,invo_person_id,invo_professional_id,invo_professional_role_id,invo_involvement_start_date
            I1,P1,W1,CW,2019-01-01 00:00:00.000
            I2,P1,NULL,CW,2019-02-01 00:00:00.000
            I3,P2,,CW,2019-02-01 00:00:00.000
            """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var involvements = Assert.Single(sut.Datasets);
        Assert.Equal((3L, 0L), (involvements.RowsRead, involvements.RowsRejected));
        Assert.Equal([Pseudonym("W1"), null, null], involvements.Rows.Select(r => r.Values[2]));
        Assert.DoesNotContain(sut.Issues, i => i.Severity != IssueSeverity.Warning);
        var warnings = sut.Issues.Where(i => i.Rule == ValidationRule.WorkerNotRecorded).ToList();
        Assert.Equal([(2L, "invo_professional_id"), (3L, "invo_professional_id")], warnings.Select(w => (w.Row!.Value, w.Column!)));
    }

    [Theory]
    [InlineData("Eclipse", "CP2", 1)]
    [InlineData(null, "ECL-77", 0)]
    public async Task ReadAsync_CpVisitNamingNoPlanOfTheBatch_TakesThePersonsPlanCoveringTheDateInAnSsdBatchOnly(
        string? sourceSystem, string expectedPlan, int derived)
    {
        _ = sourceSystem is null ? Batch.WithoutSourceSystem() : Batch.WithSourceSystem(sourceSystem, "1.4.5");

        Batch.WithDataset("ssd_cp_plans", """
                cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date
                CP1,P1,2019-01-01,2019-05-31
                CP2,P1,2019-06-01,
                """)
            .WithDataset("ssd_cp_visits", """
                cppv_cp_visit_id,cppv_person_id,cppv_cp_plan_id,cppv_cp_visit_date
                V1,P1,ECL-77,2019-07-01 00:00:00
                V2,P1,CP1,2019-03-01 00:00:00
                V3,P2,ECL-78,2019-03-01 00:00:00
                """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var visits = sut.Datasets.Single(d => d.Contract == ExtractContract.CpVisits);
        Assert.Equal((3L, 0L), (visits.RowsRead, visits.RowsRejected));
        Assert.Equal([expectedPlan, "CP1", "ECL-78"], visits.Rows.Select(r => r.Values[2]));
        Assert.Equal(derived, sut.Derivations.Sum(d => d.Rows));
        Assert.Equal(derived == 1 ? ["ssd_cp_visits.cppv_cp_plan_id"] : [], sut.Derivations.Select(d => $"{d.Dataset}.{d.Column}"));
        var outside = sut.Issues.Where(i => i.Rule == ValidationRule.VisitOutsidePlan).Select(i => i.Row!.Value).Order().ToList();
        Assert.Equal(derived == 1 ? [3L] : [1L, 3L], outside);
    }

    [Fact]
    public void Report_InvolvementsOfOtherRoles_AreCountedAsNotAllocated()
    {
        var rows = new[] { "CW", "CW", "IRO", null }
            .Select((role, i) => new AcceptedRow(i + 1, [$"I{i}", "p", $"w{i}", role, null, new DateOnly(2019, 1, 1), null, null]))
            .ToList();
        var extract = new ExtractBatch(null, "x", [new DatasetExtract(ExtractContract.Involvements, "ssd_involvements.csv", 4, 0, rows)], [], false, null);

        var roles = InvolvementRoles.Of(extract);
        var report = ValidationReport.Create(new PerfPipeline.Batches.BatchLocation("872", new DateOnly(2019, 9, 30)), extract);

        Assert.Equal([("CW", 2, true), ("IRO", 1, false), (null, 1, true)], roles.Select(r => (r.Role, r.Rows, r.Allocated)));
        Assert.Contains("  IRO: 1 rows, not counted", report.Summary, StringComparison.Ordinal);
    }
}
