namespace PerfPipeline.Tests.Indicators;

using System.Text;

using PerfPipeline.CaseData;

public sealed class PopulationReferenceTests
{
    [Fact]
    public void Parse_GroupsEstimatesByLaOldestFirst()
    {
        const string csv = "la_code,year,population_0_17\n872,2019,39000\n872,2018,38500\n873,2018,50000\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));

        var sut = PopulationReference.Parse(stream);

        Assert.Equal([new PopulationEstimate(2018, 38500), new PopulationEstimate(2019, 39000)], sut["872"]);
        Assert.Equal([new PopulationEstimate(2018, 50000)], sut["873"]);
    }

    [Fact]
    public void ForLa_WithAnLaNotInTheFile_IsEmpty()
    {
        Assert.Empty(PopulationReference.ForLa("000"));
    }
}
