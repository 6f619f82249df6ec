namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.CaseData;

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

    private static LaCaseData Snapshot(params CareLeaver[] leavers) =>
        Supplying() with { CareLeaverSnapshots = [new(Day("2019-09-30"), leavers)] };

    private static CareLeaver Leaver(string person, string inTouch) => new($"L-{person}", person, null, inTouch, null, null, null, null);
}
