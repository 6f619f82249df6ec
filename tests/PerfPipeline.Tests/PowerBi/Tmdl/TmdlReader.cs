namespace PerfPipeline.Tests.PowerBi.Tmdl;

using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// A small reader for the TMDL the project writes: tab indentation, <c>///</c> descriptions, quoted names,
/// <c>key: value</c> properties, inline and multi-line expressions (indented deeper than the declaring line,
/// or fenced with <c>```</c>). Enough to check the model's structure offline; it does not validate DAX or M.
/// </summary>
internal static partial class TmdlReader
{
    /// <summary>Declarations whose own properties sit one level in, so their expressions sit two levels in.</summary>
    private static readonly HashSet<string> ObjectKeywords = new(StringComparer.Ordinal)
    {
        "table", "column", "measure", "partition", "expression", "tablePermission", "calculationItem",
    };

    public static IReadOnlyList<TmdlNode> ReadFile(string path) => Read(File.ReadAllText(path), path);

    public static IReadOnlyList<TmdlNode> Read(string text, string file = "")
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var position = 0;
        return ReadBlock(lines, ref position, 0, file).Children;
    }

    private static (List<TmdlNode> Children, Dictionary<string, string> Properties) ReadBlock(
        string[] lines, ref int position, int indent, string file)
    {
        var children = new List<TmdlNode>();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var description = new StringBuilder();
        while (position < lines.Length)
        {
            var line = lines[position];
            if (string.IsNullOrWhiteSpace(line))
            {
                position++;
                continue;
            }

            var depth = Indentation(line);
            if (depth < indent)
            {
                break;
            }

            if (depth > indent)
            {
                throw new FormatException($"{file}:{position + 1}: unexpected indentation.");
            }

            var content = line[depth..];
            var lineNumber = position + 1;
            position++;
            if (content.StartsWith("///", StringComparison.Ordinal))
            {
                description.AppendLine(content[3..].Trim());
                continue;
            }

            var property = PropertyLine().Match(content);
            if (property.Success)
            {
                properties[property.Groups[1].Value] = property.Groups[2].Value.Trim();
                continue;
            }

            var (keyword, name, value) = Declaration(content, file, lineNumber);
            if (value is "")
            {
                value = Expression(lines, ref position, ObjectKeywords.Contains(keyword) ? indent + 2 : indent + 1, file, lineNumber);
            }
            else if (value is "```")
            {
                value = FencedExpression(lines, ref position, file, lineNumber);
            }

            var (grandChildren, ownProperties) = ReadBlock(lines, ref position, indent + 1, file);
            children.Add(new TmdlNode(
                keyword, name, value, ownProperties, grandChildren,
                description.Length == 0 ? null : description.ToString().TrimEnd(), file, lineNumber));
            description.Clear();
        }

        return (children, properties);
    }

    private static (string Keyword, string? Name, string? Value) Declaration(string content, string file, int lineNumber)
    {
        var rest = content;
        var keyword = TakeWord(ref rest);
        if (keyword == "ref")
        {
            keyword = "ref " + TakeWord(ref rest);
        }

        string? name = null;
        if (rest.StartsWith('\''))
        {
            name = TakeQuoted(ref rest, file, lineNumber);
        }
        else if (rest.Length > 0 && !rest.StartsWith('='))
        {
            var end = rest.IndexOf(" =", StringComparison.Ordinal);
            name = (end < 0 ? rest : rest[..end]).Trim();
            rest = end < 0 ? string.Empty : rest[end..];
        }

        rest = rest.TrimStart();
        if (rest.Length == 0)
        {
            return (keyword, name, null);
        }

        if (!rest.StartsWith('='))
        {
            throw new FormatException($"{file}:{lineNumber}: expected '=' in '{content}'.");
        }

        return (keyword, name, rest[1..].Trim());
    }

    private static string Expression(string[] lines, ref int position, int indent, string file, int lineNumber)
    {
        var text = new StringBuilder();
        while (position < lines.Length
            && (string.IsNullOrWhiteSpace(lines[position]) || Indentation(lines[position]) >= indent))
        {
            text.AppendLine(string.IsNullOrWhiteSpace(lines[position]) ? string.Empty : lines[position][indent..]);
            position++;
        }

        var expression = text.ToString().Trim();
        return expression.Length > 0
            ? expression
            : throw new FormatException($"{file}:{lineNumber}: an expression must follow '=', indented to level {indent}.");
    }

    private static string FencedExpression(string[] lines, ref int position, string file, int lineNumber)
    {
        var text = new StringBuilder();
        while (position < lines.Length)
        {
            var line = lines[position++];
            if (line.Trim() == "```")
            {
                return text.ToString().Trim();
            }

            text.AppendLine(line.Trim());
        }

        throw new FormatException($"{file}:{lineNumber}: the ``` block is not closed.");
    }

    private static int Indentation(string line)
    {
        var depth = 0;
        while (depth < line.Length && line[depth] == '\t')
        {
            depth++;
        }

        return depth;
    }

    private static string TakeWord(ref string rest)
    {
        var end = rest.IndexOf(' ', StringComparison.Ordinal);
        var word = end < 0 ? rest : rest[..end];
        rest = end < 0 ? string.Empty : rest[(end + 1)..];
        return word;
    }

    /// <summary>Reads <c>'name'</c> where a quote inside the name is doubled.</summary>
    internal static string TakeQuoted(ref string rest, string file, int lineNumber)
    {
        var name = new StringBuilder();
        for (var i = 1; i < rest.Length; i++)
        {
            if (rest[i] != '\'')
            {
                name.Append(rest[i]);
            }
            else if (i + 1 < rest.Length && rest[i + 1] == '\'')
            {
                name.Append('\'');
                i++;
            }
            else
            {
                rest = rest[(i + 1)..];
                return name.ToString();
            }
        }

        throw new FormatException($"{file}:{lineNumber}: unclosed quoted name.");
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9]*):(?:\s(.*))?$")]
    private static partial Regex PropertyLine();
}
