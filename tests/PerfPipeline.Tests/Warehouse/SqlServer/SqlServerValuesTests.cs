namespace PerfPipeline.Tests.Warehouse.SqlServer;

using System.Globalization;

using PerfPipeline.Extracts;
using PerfPipeline.Warehouse.SqlServer;

public sealed class SqlServerValuesTests
{
    private static ColumnSpec Column(DatasetContract dataset, string name) => dataset.Columns[dataset.IndexOf(name)];

    [Fact]
    public void Stored_DateOfBirth_KeepsTheFirstOfTheBirthMonth()
    {
        var stored = SqlServerValues.Stored(Column(ExtractContract.Person, "pers_dob"), new DateOnly(2007, 3, 19));

        Assert.Equal(new DateTime(2007, 3, 1), stored);
    }

    [Fact]
    public void Stored_OtherDate_IsTheDateAtMidnight()
    {
        var stored = SqlServerValues.Stored(Column(ExtractContract.CinEpisodes, "cine_referral_date"), new DateOnly(2019, 9, 2));

        Assert.Equal(new DateTime(2019, 9, 2), stored);
    }

    [Theory]
    [InlineData("0.1234565", "0.123457")]
    [InlineData("-0.1234565", "-0.123457")]
    [InlineData("1", "1")]
    public void Stored_Number_IsRoundedToTheColumnScaleAwayFromZero(string value, string expected)
    {
        var stored = SqlServerValues.Stored(Column(ExtractContract.Professionals, "prof_full_time_equivalency"), decimal.Parse(value, CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), stored);
    }

    [Fact]
    public void Stored_NullFlagAndText_AreDbNullTheFlagAndTheText()
    {
        var team = Column(ExtractContract.CinEpisodes, "cine_referral_team");

        Assert.Equal(DBNull.Value, SqlServerValues.Stored(team, null));
        Assert.Equal("Front Door", SqlServerValues.Stored(team, "Front Door"));
        Assert.Equal(true, SqlServerValues.Stored(Column(ExtractContract.CinEpisodes, "cine_referral_nfa"), true));
    }

    [Fact]
    public void Measure_UnroundedValue_KeepsTwelvePlacesAndNullIsDbNull()
    {
        Assert.Equal(66.666666666667m, SqlServerValues.Measure(200m / 3m));
        Assert.Equal(DBNull.Value, SqlServerValues.Measure(null));
    }
}
