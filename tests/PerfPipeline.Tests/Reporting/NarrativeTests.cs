namespace PerfPipeline.Tests.Reporting;

using PerfPipeline.Calendar;
using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;
using PerfPipeline.Reporting;

using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class NarrativeTests
{
    private static readonly Period Q2 = Period.Parse("2019-20 Q2");
    private static readonly Period LastQ2 = Period.Parse("2018-19 Q2");
    private static readonly Period LastYear = Period.Parse("2018-19");

    /// <summary>One measure's dashboard from (numerator, denominator, value) per period; a missing period has no value.</summary>
    private static (DashboardMeasure Measure, DashboardDocument Dashboard) One(
        string code, (decimal? N, decimal? D, decimal? V)? now, (decimal? N, decimal? D, decimal? V)? lastQ2 = null, (decimal? N, decimal? D, decimal? V)? lastYear = null,
        int threshold = SmallNumbers.DefaultThreshold)
    {
        var definition = IndicatorCatalogue.Get(code);
        var dashboard = DashboardBuilder.Build(
            [definition], "872", "Wokingham", Q2, null,
            (_, p) => (p == Q2 ? now : p == LastQ2 ? lastQ2 : p == LastYear ? lastYear : null) is { } v ? new IndicatorValue("872", code, p, v.N, v.D, v.V) : null,
            ReportingReference.Shipped with { SmallNumberThreshold = threshold });
        return (dashboard.Items[0].Measures[0], dashboard);
    }

    [Fact]
    public void Draft_Percentage_CarriesFiguresFractionAndPointsInPolarityWords()
    {
        var (measure, dashboard) = One(CscAssessments45WdPct, (290, 380, 76.315m), (206, 360, 57.222m), (1011, 1500, 67.4m));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.Equal(
            "Improved: 76.3% of assessments were completed within 45 working days in 2019-20 Q2 (290 of 380), against 57.2% in 2018-19 Q2 and 67.4% in 2018-19; up sharply, by 19.1 percentage points, on 2018-19 Q2.",
            sut.Text);
        Assert.Equal(19.1m, sut.Movement);
    }

    [Fact]
    public void Draft_LowerIsBetterPercentageRising_Worsened()
    {
        var (measure, dashboard) = One(CscRereferrals12MPct, (105, 419, 25.06m), (95, 412, 23.06m));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.StartsWith("Worsened: 25.1% of referrals", sut.Text, StringComparison.Ordinal);
        Assert.Contains("up 2.0 percentage points on 2018-19 Q2", sut.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_NeutralCount_RoseWithPerCent()
    {
        var (measure, dashboard) = One(CscReferrals, (419, null, 419), (412, null, 412), (1787, null, 1787));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.Equal("Rose: 419 referrals to children's social care in 2019-20 Q2, against 412 in 2018-19 Q2 and 1,787 in 2018-19; up 1.7% on 2018-19 Q2.", sut.Text);
        Assert.Equal(1.7m, sut.Movement);
    }

    [Fact]
    public void Draft_SnapshotRate_FellAtTheEndOfThePeriod()
    {
        var (measure, dashboard) = One(CpRatePer10K, (129, 36300, 35.54m), (159, 36000, 44.17m));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.StartsWith("Fell: 35.5 children subject to a child protection plan per 10,000 children aged 0-17 at the end of 2019-20 Q2", sut.Text, StringComparison.Ordinal);
        Assert.Contains("against 44.2 at the end of 2018-19 Q2", sut.Text, StringComparison.Ordinal);
        Assert.Contains("; down 19.7% on 2018-19 Q2.", sut.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_AverageDays_LowerIsBetterFalling_Improved()
    {
        var (measure, dashboard) = One(EhAvgDaysReferralToAssessment, (4400, 176, 25m), (4636, 122, 38m));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.StartsWith("Improved: 25.0 days on average from an Early Help referral to the assessment's completion in 2019-20 Q2 (over 176 assessments)", sut.Text, StringComparison.Ordinal);
        Assert.Contains("down sharply, by 34.2%,", sut.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_NotAvailable_SaysSoWithoutDirection()
    {
        var (measure, dashboard) = One(CmeCurrent, null, (5, null, 5));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.Null(sut.Direction);
        Assert.Equal("Children missing from education (snapshot at end of period): there is no figure at the end of 2019-20 Q2 (n/a).", sut.Text);
    }

    [Fact]
    public void Draft_ZeroDenominator_NamesTheEmptyCohort()
    {
        var (measure, dashboard) = One(MissingRhiOnTimePct, (0, 0, null), (10, 30, 33.3m));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.Contains("there were no return home interviews to measure (a denominator of zero)", sut.Text, StringComparison.Ordinal);
        Assert.Null(sut.Movement);
    }

    [Fact]
    public void Draft_FirstPeriodWithData_NothingToCompare()
    {
        var (measure, dashboard) = One(EhcpCurrentInBorough, (581, null, 581));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.Null(sut.Direction);
        Assert.Contains("This is the first period with data, so there is nothing to compare it with.", sut.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_LastYearQuarterMissing_ComparesWithTheYearAndSaysSo()
    {
        var (measure, dashboard) = One(EhcpCurrentInBorough, (581, null, 581), null, (560, null, 560));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.Equal("Rose: 581 children and young people with an EHC plan in borough at the end of 2019-20 Q2, against 560 at the end of 2018-19 (no figure at the end of 2018-19 Q2); up 3.8% on 2018-19.", sut.Text);
    }

    [Fact]
    public void Draft_NoChangeAsDisplayed_Unchanged()
    {
        var (measure, dashboard) = One(SwAgencyPct, (17, 50, 34m), (17.01m, 50, 34.02m), (17, 50, 34m));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.Equal(TravelDirection.Level, measure.Direction);
        Assert.StartsWith("Unchanged: 34.0% of the qualified social work workforce", sut.Text, StringComparison.Ordinal);
        Assert.Contains("; no change on 2018-19 Q2.", sut.Text, StringComparison.Ordinal);
        Assert.Equal(0m, sut.Movement);
    }

    [Fact]
    public void Draft_RiseFromZero_SaysFromWhatToWhat()
    {
        var (measure, dashboard) = One(MissingChildren, (5, null, 5), (0, null, 0));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.Contains("; up from 0 to 5 on 2018-19 Q2.", sut.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_SmallNumber_SaysHowManyAndUsesNoStrongWord()
    {
        var (measure, dashboard) = One(CpRepeatPlan2YPct, (8, 20, 40m), (2, 49, 4.08m));

        var sut = Narrative.Draft(measure, dashboard);

        Assert.True(sut.SmallNumber);
        Assert.True(measure.Current.SmallNumber);
        Assert.False(measure.SamePeriodLastYear.SmallNumber);
        Assert.Contains("Based on 20 children", sut.Text, StringComparison.Ordinal);
        Assert.All(SmallNumbers.StrongWords, word => Assert.DoesNotContain(word, sut.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Draft_SameChangeOverALargeCohort_MayBeSharp()
    {
        var (measure, dashboard) = One(CpRepeatPlan2YPct, (80, 200, 40m), (2, 49, 4.08m));

        Assert.Contains("sharply", Narrative.Draft(measure, dashboard).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_SmallNumberWithFamilies_SaysHowManyFamilies()
    {
        var (measure, dashboard) = One(CpRepeatPlan2YPct, (7, 8, 87.5m), (2, 49, 4.08m));

        var sut = Narrative.Draft(measure, dashboard, families: 2);

        Assert.Contains("Based on 8 children from 2 families", sut.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_ThresholdIsConfigurable()
    {
        var (atDefault, d1) = One(CpRepeatPlan2YPct, (8, 34, 23.5m), (2, 49, 4.08m));
        var (raised, d2) = One(CpRepeatPlan2YPct, (8, 34, 23.5m), (2, 49, 4.08m), threshold: 35);

        Assert.False(Narrative.Draft(atDefault, d1).SmallNumber);
        Assert.True(Narrative.Draft(raised, d2, d2.SmallNumberThreshold).SmallNumber);
    }

    [Fact]
    public void WhatItShows_SeedItems_LargestMovementFirst()
    {
        var frontDoor = SeedDashboardFor(3);

        var sut = Narrative.WhatItShows(frontDoor, Dashboard.SeedDashboard.Document);

        Assert.Equal([CscAssessments45WdPct, CscRereferrals12MPct, CscReferrals], sut.Select(s => s.Code));
    }

    [Theory]
    [InlineData(TravelDirection.Up, IndicatorPolarity.HigherIsBetter, "improving", "improved")]
    [InlineData(TravelDirection.Down, IndicatorPolarity.HigherIsBetter, "worsening", "worsened")]
    [InlineData(TravelDirection.Up, IndicatorPolarity.LowerIsBetter, "worsening", "worsened")]
    [InlineData(TravelDirection.Down, IndicatorPolarity.LowerIsBetter, "improving", "improved")]
    [InlineData(TravelDirection.Up, IndicatorPolarity.Neutral, "neutral", "rose")]
    [InlineData(TravelDirection.Down, IndicatorPolarity.Neutral, "neutral", "fell")]
    [InlineData(TravelDirection.Level, IndicatorPolarity.HigherIsBetter, "no change", "unchanged")]
    [InlineData(TravelDirection.Level, IndicatorPolarity.Neutral, "no change", "unchanged")]
    public void DirectionWords_TableAndSentence_AgreeForEveryDirectionAndPolarity(TravelDirection direction, IndicatorPolarity polarity, string table, string sentence)
    {
        Assert.Equal(table, DirectionWords.Change(direction, polarity));
        Assert.Equal(sentence, DirectionWords.Verb(direction, polarity));
    }

    [Fact]
    public void Draft_EverySeedMeasure_QuotesTheTablesFiguresAndDirection()
    {
        var dashboard = Dashboard.SeedDashboard.Document;
        foreach (var measure in dashboard.Items.SelectMany(i => i.Measures))
        {
            var sut = Narrative.Draft(measure, dashboard);
            Assert.Equal(DirectionWords.Verb(measure.Direction, measure.Polarity), sut.Direction);
            foreach (var value in new[] { measure.Current, measure.SamePeriodLastYear, measure.PreviousYear }.Where(v => v.Value is not null))
            {
                Assert.Contains(IndicatorDisplay.WithUnit(value.Display, measure.Unit) + " ", sut.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void NationalContext_FrontDoor_ComparesWithTheLabelledEnglandFigure()
    {
        var sut = Narrative.NationalContext(SeedDashboardFor(3), Dashboard.SeedDashboard.Document);

        Assert.Contains(
            "England 2018-19: 82.7% of assessments were completed within 45 working days; Wokingham's 76.3% in 2019-20 Q2 is 6.4 percentage points below it, worse than England (source: England, assessments completed within 45 working days (CIN census)).",
            sut);
    }

    [Fact]
    public void NationalContext_ItemWithoutComparators_SaysNoneIsPublished() =>
        Assert.Equal(["No national figure is published for this item's measures."], Narrative.NationalContext(SeedDashboardFor(2), Dashboard.SeedDashboard.Document));

    private static DashboardSection SeedDashboardFor(int item) => Dashboard.SeedDashboard.Document.Items.Single(i => i.Item == item);
}
