namespace PerfPipeline.Tests.Loading;

using PerfPipeline.Batches;
using PerfPipeline.Loading;

public sealed class LateExtractsTests
{
    private static readonly DateOnly SweepDay = new(2019, 10, 2);

    [Fact]
    public void DueMonth_SecondOfOctober_IsSeptember() => Assert.Equal("2019-09", LateExtracts.DueMonth(SweepDay).Code);

    [Fact]
    public void DueMonth_January_IsDecemberOfThePreviousYear() => Assert.Equal("2018-12", LateExtracts.DueMonth(new DateOnly(2019, 1, 2)).Code);

    [Fact]
    public void Find_LasWithAndWithoutLastMonthsBatch_NamesOnlyTheLateOnes()
    {
        BatchLocation[] batches =
        [
            new("872", new DateOnly(2019, 8, 31)),
            new("872", new DateOnly(2019, 9, 30)), // on time
            new("873", new DateOnly(2019, 8, 31)), // September missing
            new("874", new DateOnly(2019, 9, 27)), // last working day counts
            new("875", new DateOnly(2019, 10, 1)), // taken the day after counts
            new("876", new DateOnly(2019, 7, 31)),
        ];

        var late = LateExtracts.Find(batches, SweepDay);

        Assert.Equal(["873", "876"], late);
    }

    [Fact]
    public void Find_NoBatches_NamesNobody() => Assert.Empty(LateExtracts.Find([], SweepDay));
}
