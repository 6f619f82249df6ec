namespace PerfPipeline.Tests.Warehouse.SqlServer;

using PerfPipeline.Warehouse.SqlServer;

public sealed class BulkRowReaderTests
{
    [Fact]
    public void Read_Rows_YieldsEachRowsValuesByOrdinalAndName()
    {
        int[] source = [3, 4];
        using var sut = new BulkRowReader<int>(source, ["number", "square", "note"], (n, values) =>
        {
            values[0] = n;
            values[1] = n * n;
            if (n == 4)
            {
                values[2] = "even";
            }
        });

        var rows = new List<(object, object, bool)>();
        while (sut.Read())
        {
            rows.Add((sut.GetValue(sut.GetOrdinal("number")), sut["square"], sut.IsDBNull(2)));
        }

        Assert.Equal([(3, 9, true), (4, 16, false)], rows);
        Assert.Equal(3, sut.FieldCount);
        Assert.Equal("square", sut.GetName(1));
    }

    [Fact]
    public void Read_ValueLeftUnsetAfterARowThatSetIt_IsNull()
    {
        // Each row starts from nulls, so a column one row sets does not leak into the next.
        string?[] notes = ["first", null];
        using var sut = new BulkRowReader<string?>(notes, ["note"], (note, values) =>
        {
            if (note is not null)
            {
                values[0] = note;
            }
        });

        Assert.True(sut.Read());
        Assert.Equal("first", sut.GetString(0));
        Assert.True(sut.Read());
        Assert.True(sut.IsDBNull(0));
        Assert.False(sut.Read());
    }

    [Fact]
    public void GetOrdinal_UnknownColumn_Throws()
    {
        using var sut = new BulkRowReader<int>([], ["number"], (_, _) => { });

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.GetOrdinal("missing"));
    }
}
