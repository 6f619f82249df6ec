namespace PerfPipeline.Tests.PowerBi.Tmdl;

/// <summary>
/// One TMDL declaration: <c>keyword name = value</c> (e.g. <c>measure 'Current value' = …</c>,
/// <c>partition X = m</c>, <c>source = …</c>), its <c>key: value</c> properties and its child declarations.
/// A bare word (<c>isHidden</c>) is a child with only a keyword.
/// </summary>
internal sealed record TmdlNode(
    string Keyword,
    string? Name,
    string? Value,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyList<TmdlNode> Children,
    string? Description,
    string File,
    int Line)
{
    public IEnumerable<TmdlNode> ChildrenOf(string keyword) =>
        Children.Where(c => string.Equals(c.Keyword, keyword, StringComparison.Ordinal));

    public bool HasFlag(string keyword) => ChildrenOf(keyword).Any(c => c.Name is null && c.Value is null);

    public string? Property(string key) => Properties.GetValueOrDefault(key);

    public override string ToString() => $"{Keyword} {Name} ({System.IO.Path.GetFileName(File)}:{Line})";
}
