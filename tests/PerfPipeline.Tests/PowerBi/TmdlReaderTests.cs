namespace PerfPipeline.Tests.PowerBi;

using PerfPipeline.Tests.PowerBi.Tmdl;

public sealed class TmdlReaderTests
{
    private const string Sample =
        "/// Sales by day.\n" +
        "table 'Sales ''fact'''\n" +
        "\tisHidden\n" +
        "\n" +
        "\tmeasure Total =\n" +
        "\t\t\tVAR x = 1\n" +
        "\n" +
        "\t\t\tRETURN x\n" +
        "\t\tformatString: 0\n" +
        "\n" +
        "\tcolumn 'Order date'\n" +
        "\t\tdataType: dateTime\n" +
        "\t\tsourceColumn: order_date\n" +
        "\n" +
        "\tpartition Sales = m\n" +
        "\t\tmode: import\n" +
        "\t\tsource =\n" +
        "\t\t\tlet\n" +
        "\t\t\t    Source = 1\n" +
        "\t\t\tin\n" +
        "\t\t\t    Source\n";

    [Fact]
    public void Read_TableWithMultiLineExpressions_SeparatesExpressionsFromProperties()
    {
        var sut = TmdlReader.Read(Sample).Single();

        Assert.Equal(("table", "Sales 'fact'", "Sales by day."), (sut.Keyword, sut.Name, sut.Description));
        Assert.True(sut.HasFlag("isHidden"));
        var measure = sut.ChildrenOf("measure").Single();
        Assert.Equal("VAR x = 1\n\nRETURN x", measure.Value!.ReplaceLineEndings("\n"));
        Assert.Equal("0", measure.Property("formatString"));
        var column = sut.ChildrenOf("column").Single();
        Assert.Equal(("Order date", "dateTime", "order_date"), (column.Name, column.Property("dataType"), column.Property("sourceColumn")));
        var partition = sut.ChildrenOf("partition").Single();
        Assert.Equal(("m", "import"), (partition.Value, partition.Property("mode")));
        Assert.Equal("let\n    Source = 1\nin\n    Source", partition.ChildrenOf("source").Single().Value!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_ExpressionNotIndentedBelowItsProperties_IsRejected()
    {
        const string measureWithShallowExpression = "table T\n\tmeasure M =\n\t\tSUM ( T[x] )\n";

        Assert.Throws<FormatException>(() => TmdlReader.Read(measureWithShallowExpression));
    }

    [Fact]
    public void Parse_QuotedTableAndColumn_ReadsBothNames()
    {
        var sut = ColumnReference.Parse("'Indicator value'.'LA code'");

        Assert.Equal(new ColumnReference("Indicator value", "LA code"), sut);
        Assert.Equal(new ColumnReference("Date", "Date"), ColumnReference.Parse("Date.Date"));
    }

    [Fact]
    public void In_DaxWithStringsAndReferences_FindsOnlyTheReferences()
    {
        var sut = DaxReferences.In("IF ( Period[Period code] = \"[not one]\", [Current value], 'Local authority'[LA name] )");

        Assert.Equal([("Period", "Period code"), (null, "Current value"), ("Local authority", "LA name")], sut);
    }
}
