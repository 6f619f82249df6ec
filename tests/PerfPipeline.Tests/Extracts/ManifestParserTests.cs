namespace PerfPipeline.Tests.Extracts;

using System.Text;

using PerfPipeline.Extracts;

/// <summary>What reading <c>manifest.json</c> gives for each shape, field by field (the serializer is source-generated).</summary>
public sealed class ManifestParserTests
{
    [Fact]
    public void Parse_FullManifest_ReadsEveryField()
    {
        var manifest = ManifestParser.Parse(Utf8("""
            {"la_code":"872","la_name":"Wokingham","as_at":"2019-09-30","source_system":"SystemC","ssd_version":"1.4.5",
             "datasets":[{"name":"ssd_person","file":"ssd_person.csv","rows":12,"sha256":"ab"},{"name":"ssd_cin_episodes","file":"c.csv"}]}
            """), out var error);

        Assert.Null(error);
        Assert.Equal(
            new BatchManifest("872", "Wokingham", new DateOnly(2019, 9, 30), "SystemC", manifest!.Datasets, "1.4.5"),
            manifest);
        Assert.Equal([new ManifestDataset("ssd_person", "ssd_person.csv", 12, "ab"), new ManifestDataset("ssd_cin_episodes", "c.csv", null, null)], manifest.Datasets);
    }

    [Theory]
    [InlineData("null", "manifest.json is null")]
    [InlineData("{}", "manifest.json has no la_code")]
    [InlineData("""{"la_code":"872"}""", "manifest.json has no as_at")]
    [InlineData("""{"la_code":"872","as_at":"2019-09-30"}""", "manifest.json has no datasets list")]
    [InlineData("""{"la_code":"872","as_at":"2019-09-30","datasets":[{"name":"ssd_person"}]}""", "every dataset in manifest.json needs a name and a file")]
    [InlineData("""{"la_code":"872","as_at":"2019-09-30","datasets":[null]}""", "every dataset in manifest.json needs a name and a file")]
    [InlineData("""{"la_code":null,"as_at":"2019-09-30","datasets":[]}""", "manifest.json is not valid JSON (line 1)")]
    [InlineData("""{"la_code":"872","as_at":"30/09/2019","datasets":[]}""", "manifest.json: as_at must be a date written yyyy-MM-dd (line 1)")]
    [InlineData("""{"la_code":"872","as_at":"2019-09-30","datasets":{}}""", "manifest.json: datasets must be a list of datasets, each with a name and a file (line 1)")]
    [InlineData("""{"la_code":"872","as_at":"2019-09-30","datasets":[5]}""", "manifest.json: datasets[0] must be an object with a name and a file (line 1)")]
    [InlineData("""{"la_code":"872","as_at":"2019-09-30","datasets":[{"name":"a","file":"b","rows":1.5}]}""", "manifest.json: datasets[0].rows must be a whole number (line 1)")]
    [InlineData("[1, 2]", "manifest.json is not valid JSON (line 1)")]
    public void Parse_ManifestOfAnotherShape_SaysWhatIsWrong(string json, string expected)
    {
        var manifest = ManifestParser.Parse(Utf8(json), out var error);

        Assert.Null(manifest);
        Assert.Equal(expected, error);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
