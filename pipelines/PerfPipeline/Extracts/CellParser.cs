namespace PerfPipeline.Extracts;

using System.Globalization;
using System.Runtime.CompilerServices;

/// <summary>Parses one trimmed, non-empty cell by the contract's rules (<c>docs/spec/extract-spec.md</c>).</summary>
internal static class CellParser
{
    /// <summary>Some CMS exports write this date for "no date": read as null with a warning.</summary>
    public static readonly DateOnly PlaceholderDate = new(1900, 1, 1);

    /// <summary>
    /// <c>yyyy-MM-dd</c>, <c>yyyy-MM-dd</c> then a space or <c>T</c> and <c>HH:mm</c>, <c>HH:mm:ss</c> or
    /// <c>HH:mm:ss.f…</c> (time ignored), or <c>dd/MM/yyyy</c> with the same optional time. Any other shape is unparseable.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        int year, month, day;
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-')
        {
            if (!TryDigits(text[..4], out year) || !TryDigits(text.Slice(5, 2), out month) || !TryDigits(text.Slice(8, 2), out day))
            {
                return false;
            }

            if (text.Length > 10 && !IsTimeSuffix(text[10..]))
            {
                return false;
            }
        }
        else if (text.Length >= 10 && text[2] == '/' && text[5] == '/')
        {
            if (!TryDigits(text[..2], out day) || !TryDigits(text.Slice(3, 2), out month) || !TryDigits(text.Slice(6, 4), out year))
            {
                return false;
            }

            // dd/MM/yyyy HH:mm:ss: a DATETIME exported with the UK date format.
            if (text.Length > 10 && !IsTimeSuffix(text[10..]))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Y/N, Yes/No, 1/0, True/False in any case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseFlag(ReadOnlySpan<char> text, out bool flag)
    {
        if (text.Equals("Y", StringComparison.OrdinalIgnoreCase) || text.Equals("Yes", StringComparison.OrdinalIgnoreCase)
            || text.Equals("1", StringComparison.Ordinal) || text.Equals("True", StringComparison.OrdinalIgnoreCase))
        {
            flag = true;
            return true;
        }

        flag = false;
        return text.Equals("N", StringComparison.OrdinalIgnoreCase) || text.Equals("No", StringComparison.OrdinalIgnoreCase)
            || text.Equals("0", StringComparison.Ordinal) || text.Equals("False", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A decimal with <c>.</c> as separator and an optional leading sign; no thousands separators or exponent.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    // " HH:mm", "THH:mm:ss", " HH:mm:ss.fff…": SQL Server exports add a time the contract ignores.
    private static bool IsTimeSuffix(ReadOnlySpan<char> suffix)
    {
        if (suffix.Length < 6 || (suffix[0] != ' ' && suffix[0] != 'T'))
        {
            return false;
        }

        var time = suffix[1..];
        if (time[2] != ':' || !TryDigits(time[..2], out var hours) || hours > 23 || !TryDigits(time.Slice(3, 2), out var minutes) || minutes > 59)
        {
            return false;
        }

        if (time.Length == 5)
        {
            return true;
        }

        if (time.Length < 8 || time[5] != ':' || !TryDigits(time.Slice(6, 2), out var seconds) || seconds > 59)
        {
            return false;
        }

        if (time.Length == 8)
        {
            return true;
        }

        return time.Length > 9 && time[8] == '.' && TryDigits(time[9..], out _);
    }

    // Inlined: called several times a date, it should not wait for its own tier-up.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length > 9)
        {
            // Fractional seconds may be long; only their digits matter, not their value.
            return !text.ContainsAnyExceptInRange('0', '9');
        }

        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
