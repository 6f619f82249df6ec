namespace PerfPipeline.Tests.Extracts;

using PerfPipeline.Extracts;

public sealed class AcceptedRowsTests
{
    private static readonly DatasetContract Workers = ExtractContract.Professionals;

    private static readonly object?[] First = ["W1", true, 0.8m, true, new DateOnly(2015, 1, 5), null];
    private static readonly object?[] Second = ["W2", false, null, null, null, new DateOnly(2019, 6, 30)];

    [Fact]
    public void From_RowsOfTheContractsTypes_GivesTheSameRowsBack()
    {
        var sut = AcceptedRows.From(Workers, [new AcceptedRow(3, First), new AcceptedRow(7, Second)]);

        Assert.Equal(2, sut.Count);
        Assert.Equal([3L, 7L], sut.Select(r => r.RowNumber));
        Assert.Equal(First, sut[0].Values);
        Assert.Equal(Second, sut[1].Values);
    }

    [Fact]
    public void TypedAccessors_EachColumnKind_ReadTheCellWithoutBoxing()
    {
        var sut = AcceptedRows.From(Workers, [new AcceptedRow(1, First), new AcceptedRow(2, Second)]);

        Assert.Equal("W1", sut.Text(0, 0));
        Assert.True(sut.Flag(0, 1));
        Assert.Equal(0.8m, sut.Number(0, 2));
        Assert.Null(sut.Number(1, 2));
        Assert.Null(sut.Flag(1, 3));
        Assert.Equal(new DateOnly(2015, 1, 5), sut.Date(0, 4));
        Assert.Null(sut.Date(0, 5));
        Assert.Equal(new DateOnly(2019, 6, 30), sut.Date(1, 5));
        Assert.Equal(2L, sut.RowNumber(1));
    }

    [Fact]
    public void RowNumber_FileRowsInOrderThenAGap_KeepsEveryRowsNumber()
    {
        long[] numbers = [1, 2, 3, 5, 6, 9];

        var sut = AcceptedRows.From(Workers, numbers.Select(n => new AcceptedRow(n, First)).ToList());

        Assert.Equal(numbers, Enumerable.Range(0, sut.Count).Select(sut.RowNumber));
        Assert.Equal(numbers, sut.Select(r => r.RowNumber));
    }

    [Fact]
    public void RowNumber_MoreRowsThanTheCapacity_KeepsEveryRowsNumber()
    {
        var numbers = Enumerable.Range(1, 100).Select(n => n < 60 ? (long)n : n + 7L).ToList();

        var sut = AcceptedRows.From(Workers, numbers.Select(n => new AcceptedRow(n, First)).ToList());

        Assert.Equal(numbers, Enumerable.Range(0, sut.Count).Select(sut.RowNumber));
    }

    [Fact]
    public void Value_DateColumn_IsTheDate()
    {
        var sut = AcceptedRows.From(Workers, [new AcceptedRow(1, First), new AcceptedRow(2, ["W2", false, null, null, new DateOnly(2015, 1, 5), null])]);

        Assert.Equal(new DateOnly(2015, 1, 5), sut.Value(1, 4));
        Assert.Null(sut.Value(1, 5));
    }

    [Fact]
    public void Accessors_RowOutOfRange_Throw()
    {
        var sut = AcceptedRows.From(Workers, [new AcceptedRow(1, First)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.Text(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut[-1]);
    }

    [Fact]
    public void Accessors_ColumnOfAnotherKind_Throw()
    {
        var sut = AcceptedRows.From(Workers, [new AcceptedRow(1, First)]);

        Assert.Throws<InvalidOperationException>(() => sut.Date(0, 0));
        Assert.Throws<InvalidOperationException>(() => sut.Text(0, 4));
    }

    [Fact]
    public void From_ValueOfTheWrongType_Throws()
    {
        object?[] wrong = ["W1", "Y", null, null, null, null];

        var exception = Assert.Throws<ArgumentException>(() => AcceptedRows.From(Workers, [new AcceptedRow(1, wrong)]));

        Assert.Contains(Workers.Columns[1].Name, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_RowOfTheWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => AcceptedRows.From(Workers, [new AcceptedRow(1, ["W1"])]));
    }

    [Fact]
    public void DatasetExtract_RowsAsValues_AreStoredByColumn()
    {
        var sut = new DatasetExtract(Workers, "workers.csv", 3, 1, [new AcceptedRow(1, First), new AcceptedRow(3, Second)]);

        Assert.Equal(2, sut.RowsAccepted);
        Assert.Equal("W2", sut.Rows.Text(1, 0));
        Assert.Same(sut.Rows, new DatasetExtract(Workers, "workers.csv", 3, 1, sut.Rows).Rows);
    }

    [Fact]
    public void ResolvePeople_PersonNumbersSetWhileReading_GivesTheirPseudonymsAndNothingBefore()
    {
        // More rows than the storage starts with: the person numbers grow with the rows.
        var sut = new AcceptedRows(ExtractContract.Person, 1);
        var pseudonyms = Enumerable.Range(0, 40).Select(person => $"pseudonym {person}").ToArray();
        for (var row = 0; row < 40; row++)
        {
            sut.SetPerson(0, 39 - row);
            if (row % 4 != 1)
            {
                sut.SetPerson(4, row / 2);
            }

            sut.Accept(row + 1);
        }

        Assert.Throws<InvalidOperationException>(() => sut.Text(0, 0));
        Assert.Throws<InvalidOperationException>(() => sut[0]);

        sut.ResolvePeople(person => pseudonyms[person]);

        Assert.Equal(pseudonyms.Reverse(), Enumerable.Range(0, 40).Select(row => sut.Text(row, 0)));
        Assert.Equal(Enumerable.Range(0, 40).Select(row => row % 4 == 1 ? null : pseudonyms[row / 2]), Enumerable.Range(0, 40).Select(row => sut.Text(row, 4)));
    }
}
