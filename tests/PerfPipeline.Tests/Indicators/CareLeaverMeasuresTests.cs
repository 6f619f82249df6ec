namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.CaseData;
using PerfPipeline.Indicators;

using static Cases;
using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class CareLeaverMeasuresTests
{
    [Fact]
    public void InTouch_IsTheShareSayingYesExcludingThoseWhoDiedOrReturnedHome()
    {
        var data = Snapshot(Leaver("a", "YES"), Leaver("b", "yes"), Leaver("c", "NO"), Leaver("d", "DIED"), Leaver("e", "RHOM"), Leaver("f", "REFU"));

        AssertValue(Measure(data, ClInTouchPct, "2019-20 Q2"), 2, 4, 50);
    }

    [Fact]
    public void Neet_CountsOnlyCareLeaversAged18To24AtThePeriodEnd()
    {
        var data = Snapshot(
                Leaver("a", "YES") with { Activity = "G4" }, // 18 on D
                Leaver("b", "YES") with { Activity = "G5" }, // 25 on D: out of the cohort
                Leaver("c", "NO") with { Activity = "F1" }, // 24
                Leaver("d", "YES") with { Activity = "G6" }, // no date of birth: out of this cohort only
                Leaver("e", "DIED") with { Activity = "G6" }, // 20
                Leaver("f", "YES") with { Activity = "G6" }) // 17
            with
        {
            People =
                [
                    new("a", null, null, Day("2001-09-30")),
                    new("b", null, null, Day("1994-09-30")),
                    new("c", null, null, Day("1994-10-01")),
                    new("d", null, null, null),
                    new("e", null, null, Day("1999-01-01")),
                    new("f", null, null, Day("2001-10-01")),
                ],
        };

        AssertValue(Measure(data, ClNeet18To24Pct, "2019-20 Q2"), 1, 2, 50);
        AssertValue(Measure(data, ClInTouchPct, "2019-20 Q2"), 4, 5, 80);
    }

    [Fact]
    public void SuitableAccommodation_IsSaidByTheSuitabilityColumnOrTheAccommodationCode()
    {
        var data = Snapshot(
            Leaver("a", "YES") with { AccommodationSuitable = "Suitable" },
            Leaver("b", "YES") with { AccommodationSuitable = "1" },
            Leaver("c", "NO") with { Accommodation = "U1", AccommodationSuitable = "Unsuitable" },
            Leaver("d", "YES") with { Accommodation = "B2" },
            Leaver("e", "YES") with { Accommodation = "U2", AccommodationSuitable = "2" },
            Leaver("f", "DIED") with { AccommodationSuitable = "Suitable" });

        AssertValue(Measure(data, ClSuitableAccommodationPct, "2019-20 Q2"), 3, 5, 60);
    }

    [Fact]
    public void Measures_WithoutASnapshotServingThePeriodEnd_AreNotAvailable()
    {
        var data = Snapshot(Leaver("a", "YES")) with { CareLeaverSnapshots = [new(Day("2019-10-08"), [Leaver("a", "YES")])] };

        AssertValue(Measure(data, ClInTouchPct, "2019-20 Q2"), null, null, null);
        AssertValue(Measure(data, ClSuitableAccommodationPct, "2019-20 Q2"), null, null, null);
    }

    [Fact]
    public void InTouchNotRecorded_TakesTheRowOutOfAllThreeCohorts()
    {
        var data = Snapshot(
                Leaver("a", "YES") with { Activity = "G4", AccommodationSuitable = "Suitable" },
                Leaver("b", "NO") with { Activity = "F1", AccommodationSuitable = "Unsuitable" },
                Leaver("c", null) with { Activity = "F1", AccommodationSuitable = "Unsuitable" }) // SSD found no care-leaver record
            with
        {
            People = [new("a", null, null, Day("2000-01-01")), new("b", null, null, Day("2000-01-01")), new("c", null, null, Day("2000-01-01"))],
        };

        // Counted, c would make these 1 of 3, 1 of 3 and 1 of 3.
        AssertValue(Measure(data, ClInTouchPct, "2019-20 Q2"), 1, 2, 50);
        AssertValue(Measure(data, ClNeet18To24Pct, "2019-20 Q2"), 1, 2, 50);
        AssertValue(Measure(data, ClSuitableAccommodationPct, "2019-20 Q2"), 1, 2, 50);
    }

    [Fact]
    public void InTouchInNoRow_IsNotAvailableNamingTheColumn()
    {
        var data = Snapshot(Leaver("a", null), Leaver("b", null));

        foreach (var code in new[] { ClInTouchPct, ClNeet18To24Pct, ClSuitableAccommodationPct })
        {
            var value = Measure(data, code, "2019-20 Q2");
            Assert.Null(value.Value);
            Assert.Equal("ssd_care_leavers.clea_care_leaver_in_touch not supplied", value.Reason);
        }
    }

    public static TheoryData<string?, string, decimal, decimal> LatestContactBySystem => new()
    {
        // No source_system (the contract's own shape): every row counts, as before: a twice, b once.
        { null, "Auto", 2, 3 },
        { "Unknown CMS", "Auto", 2, 3 },
        { "SystemC", "Auto", 1, 2 },
        { " systemc ", "Auto", 1, 2 },
        { "Mosaic", "Auto", 1, 2 },
        { "SystemC", "Never", 2, 3 },
        { null, "Always", 1, 2 },
    };

    [Theory]
    [MemberData(nameof(LatestContactBySystem))]
    public void SeveralRowsOfAPerson_KeepTheLatestContactWhenTheBatchIsAnSsdSystemsOrTheSettingSaysSo(
        string? sourceSystem, string rule, decimal inTouch, decimal cohort)
    {
        // a: an older contact in touch, the latest not; b in touch.
        var rows = new[]
        {
            Leaver("a", "YES") with { CareLeaverId = "L-a1", LatestContactDate = Day("2019-03-01") },
            Leaver("a", "NO") with { CareLeaverId = "L-a2", LatestContactDate = Day("2019-08-01") },
            Leaver("b", "YES") with { LatestContactDate = Day("2019-09-01") },
        };
        var data = Supplying() with { CareLeaverSnapshots = [new(Day("2019-09-30"), rows) { SourceSystem = sourceSystem }] };
        var settings = new IndicatorSettings { CareLeavers = new CareLeaverCohort { LatestContactPerPerson = Enum.Parse<LatestContactPerPerson>(rule) } };

        var value = Measure(data, ClInTouchPct, "2019-20 Q2", settings);

        Assert.Equal((inTouch, cohort), (value.Numerator, value.Denominator));
    }

    [Theory]
    [InlineData("L-a1", "L-a2")]
    [InlineData("L-a2", "L-a1")]
    public void LatestContact_DateBeforeNoDateThenTheGreatestIdOnEqualDates_WhateverTheRowOrder(string firstId, string secondId)
    {
        // L-a1 and L-a2 share the latest date: the greater id (not in touch) wins; L-a0 has no date and loses to any date.
        var byId = new Dictionary<string, CareLeaver>
        {
            ["L-a0"] = Leaver("a", "YES") with { CareLeaverId = "L-a0" },
            ["L-a1"] = Leaver("a", "YES") with { CareLeaverId = "L-a1", LatestContactDate = Day("2019-09-01") },
            ["L-a2"] = Leaver("a", "NO") with { CareLeaverId = "L-a2", LatestContactDate = Day("2019-09-01") },
        };
        var data = Supplying() with
        {
            CareLeaverSnapshots = [new(Day("2019-09-30"), [byId[firstId], byId["L-a0"], byId[secondId]]) { SourceSystem = "SystemC" }],
        };

        AssertValue(Measure(data, ClInTouchPct, "2019-20 Q2"), 0, 1, 0);
    }

    [Fact]
    public void EligibilitySetting_KeepsOnlyTheNamedCategoriesTrimmedInAnyCase_AndRowsWithNone()
    {
        var data = Snapshot(
            Leaver("a", "YES") with { Eligibility = "Former relevant" },
            Leaver("b", "NO") with { Eligibility = "No Current Eligibility" },
            Leaver("c", "NO") with { Eligibility = "Relevant" },
            Leaver("d", "YES") with { Eligibility = null });
        var settings = new IndicatorSettings { CareLeavers = new CareLeaverCohort { Eligibility = [" former RELEVANT ", "Relevant"] } };

        AssertValue(Measure(data, ClInTouchPct, "2019-20 Q2"), 2, 4, 50);
        var kept = Measure(data, ClInTouchPct, "2019-20 Q2", settings);
        Assert.Equal((2m, 3m), (kept.Numerator, kept.Denominator));
    }

    [Fact]
    public void Cohort_EqualSettings_AreEqual()
    {
        var settings = new CareLeaverCohort { LatestContactPerPerson = LatestContactPerPerson.Always, Eligibility = ["Relevant"] };

        Assert.Equal(settings, new CareLeaverCohort { LatestContactPerPerson = LatestContactPerPerson.Always, Eligibility = ["Relevant"] });
        Assert.NotEqual(settings, settings with { Eligibility = ["Former relevant"] });
        Assert.NotEqual(settings, settings with { LatestContactPerPerson = LatestContactPerPerson.Never });
    }

    private static LaCaseData Snapshot(params CareLeaver[] leavers) =>
        Supplying() with { CareLeaverSnapshots = [new(Day("2019-09-30"), leavers)] };

    private static CareLeaver Leaver(string person, string? inTouch) => new($"L-{person}", person, null, inTouch, null, null, null, null);
}
