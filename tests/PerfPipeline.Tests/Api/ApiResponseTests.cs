namespace PerfPipeline.Tests.Api;

using System.Text.Json;

using PerfPipeline.Api;

public sealed class ApiResponseTests
{
    [Fact]
    public void Problem_StatusAndDetail_IsAnRfc9457Body()
    {
        var sut = ApiResponse.Problem(404, "Not found", "No LA 999 in the warehouse.");

        Assert.Equal(404, sut.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", sut.ContentType);
        using var body = JsonDocument.Parse(sut.Body);
        Assert.Equal("about:blank", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("Not found", body.RootElement.GetProperty("title").GetString());
        Assert.Equal(404, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("No LA 999 in the warehouse.", body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public void NotModified_Tag_HasTheTagAndNoBody()
    {
        var sut = ApiResponse.NotModified("\"a\"");

        Assert.Equal(304, sut.StatusCode);
        Assert.Equal("\"a\"", sut.ETag);
        Assert.Null(sut.ContentType);
        Assert.True(sut.Body.IsEmpty);
    }
}
