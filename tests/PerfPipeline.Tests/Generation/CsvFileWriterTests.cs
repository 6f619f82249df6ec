namespace PerfPipeline.Tests.Generation;

using PerfPipeline.Extracts;
using PerfPipeline.Generation;
using PerfPipeline.Tests.TestSupport;

/// <summary>The generator writes fields by the contract's column names; the catalogue alone decides the file's layout.</summary>
public sealed class CsvFileWriterTests
{
    [Fact]
    public void Field_SetOutOfOrder_IsWrittenInTheContractsColumnOrder()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "ssd_person.csv");

        using (var csv = new CsvFileWriter(path, ExtractContract.Person))
        {
            csv.Field("pers_dob", new DateOnly(2010, 4, 1));
            csv.Field("pers_ethnicity", "WBRI");
            csv.Field("pers_person_id", 42);
            csv.EndRow();
            csv.Field("pers_sex", "Not, known");
            csv.Field("pers_person_id", 43);
            csv.EndRow();
            csv.Complete();
        }

        Assert.Equal(
            "pers_person_id,pers_sex,pers_ethnicity,pers_dob,pers_family_id\n42,,WBRI,2010-04-01,\n43,\"Not, known\",,,\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void Field_ColumnNotInTheContract_FailsNamingIt()
    {
        using var temp = new TempDirectory();
        using var csv = new CsvFileWriter(Path.Combine(temp.Path, "ssd_person.csv"), ExtractContract.Person);

        var error = Assert.Throws<ArgumentException>(() => csv.Field("pers_postcode", "RG40 1AA"));

        Assert.Contains("ssd_person has no column 'pers_postcode'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Field_SameColumnTwiceInARow_Fails()
    {
        using var temp = new TempDirectory();
        using var csv = new CsvFileWriter(Path.Combine(temp.Path, "ssd_person.csv"), ExtractContract.Person);
        csv.Field("pers_sex", "F");

        Assert.Throws<InvalidOperationException>(() => csv.Field("pers_sex", "M"));
    }
}
