namespace PerfPipeline.Api;

/// <summary>
/// An RFC 9457 problem body (<c>application/problem+json</c>). <see cref="Type"/> is <c>about:blank</c>:
/// the status code says what kind of problem it is, <see cref="Detail"/> says what to fix.
/// </summary>
public sealed record ApiProblem(string Type, string Title, int Status, string Detail);
