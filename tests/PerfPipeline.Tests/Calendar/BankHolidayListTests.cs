namespace PerfPipeline.Tests.Calendar;

using PerfPipeline.Calendar;

public sealed class BankHolidayListTests
{
    public static readonly TheoryData<string> OneOffDays = new()
    {
        "2011-04-29", "2012-06-04", "2012-06-05", "2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08",
    };

    public static readonly TheoryData<string> SubstituteDays = new()
    {
        "2010-12-27", "2010-12-28", "2011-01-03", "2016-12-27", "2020-12-28", "2021-12-27", "2021-12-28", "2022-01-03", "2023-01-02",
        "2027-12-27", "2027-12-28",
    };

    [Fact]
    public void EnglandAndWales_CoversAtLeast2010To2030WithEightOrMoreDaysAYear()
    {
        var sut = BankHolidayList.EnglandAndWales;

        var years = sut.GroupBy(h => h.Date.Year).ToDictionary(g => g.Key, g => g.Count());
        for (var year = 2010; year <= 2030; year++)
        {
            Assert.True(years.GetValueOrDefault(year) >= 8, $"{year} has {years.GetValueOrDefault(year)} days");
        }

        Assert.Equal((2010, 2030), BankHolidayList.CoveredYears);
    }

    [Theory]
    [MemberData(nameof(OneOffDays))]
    [MemberData(nameof(SubstituteDays))]
    public void EnglandAndWales_HoldsOneOffAndSubstituteDays(string date)
    {
        Assert.Contains(BankHolidayList.EnglandAndWales, h => h.Date == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2012-05-28")] // spring bank holiday moved to 4 June for the Diamond Jubilee
    [InlineData("2020-05-04")] // early May bank holiday moved to 8 May (VE day)
    [InlineData("2022-05-30")] // spring bank holiday moved to 2 June for the Platinum Jubilee
    public void EnglandAndWales_LeavesOutMovedDays(string date)
    {
        Assert.DoesNotContain(BankHolidayList.EnglandAndWales, h => h.Date == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EnglandAndWales_YearsWithoutOneOffsFollowTheStatutoryRules()
    {
        int[] yearsWithOneOffs = [2011, 2012, 2020, 2022, 2023];
        foreach (var year in Enumerable.Range(2010, 21).Except(yearsWithOneOffs))
        {
            var published = BankHolidayList.EnglandAndWales.Where(h => h.Date.Year == year).Select(h => h.Date);
            Assert.Equal(StatutoryBankHolidays.For(year), published);
        }
    }

    [Fact]
    public void EnglandAndWales_MarksComputedYearsAsStatutoryRules()
    {
        var sources = BankHolidayList.EnglandAndWales.GroupBy(h => h.Date.Year).ToDictionary(g => g.Key, g => g.Select(h => h.Source).Distinct().Single());

        Assert.All(sources.Where(s => s.Key <= 2027), s => Assert.Equal("gov.uk", s.Value));
        Assert.All(sources.Where(s => s.Key >= 2028), s => Assert.Equal("statutory-rules", s.Value));
    }

    [Fact]
    public void Parse_ReadsQuotedTitlesAndSortsByDate()
    {
        var csv = "date,title,notes,source\n2031-12-25,\"Christmas Day, observed\",,statutory-rules\n2031-01-01,New Year’s Day,,statutory-rules\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));

        var sut = BankHolidayList.Parse(stream);

        Assert.Equal([new DateOnly(2031, 1, 1), new DateOnly(2031, 12, 25)], sut.Select(h => h.Date));
        Assert.Equal("Christmas Day, observed", sut[1].Title);
    }

    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2038, "2038-04-25")]
    public void EasterSunday_IsTheGregorianEaster(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), StatutoryBankHolidays.EasterSunday(year));
    }
}
