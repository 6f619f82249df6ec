namespace PerfPipeline.Tests.Extracts;

using PerfPipeline.Extracts;

/// <summary>RFC 4180 framing with limits: a stray quote or a huge line costs one record, never the rest of the file.</summary>
public sealed class CsvRecordReaderTests
{
    [Fact]
    public async Task MoveNextAsync_Rfc4180Records_FramesFieldsAndLines()
    {
        var records = await FrameAsync("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\rlast,");

        Assert.Equal(
            [
                (1L, CsvFraming.Record, "a|b"),
                (2L, CsvFraming.Record, "x, y|say \"hi\""),
                (3L, CsvFraming.Record, "two\nlines|z"),
                (5L, CsvFraming.Record, "last|"),
            ],
            records);
    }

    [Fact]
    public async Task MoveNextAsync_QuoteRunningPastItsFieldLimit_IsOneRunawayRecordAndTheNextLineIsReadAgain()
    {
        var records = await FrameAsync("id,team\n1,\"MASH\n2,North\n3,\"South\"\n", limits: [10, 6]);

        Assert.Equal(
            [
                (1L, CsvFraming.Record, "id|team"),
                (2L, CsvFraming.RunawayQuote, "quote on line 2, field 2"),
                (3L, CsvFraming.Record, "2|North"),
                (4L, CsvFraming.Record, "3|South"),
            ],
            records);
    }

    [Fact]
    public async Task MoveNextAsync_QuoteNeverClosed_IsARunawayAndTheLinesAfterItAreStillRead()
    {
        var records = await FrameAsync("1,\"MASH\n2,a\n3,b", limits: [1000, 1000]);

        Assert.Equal(
            [
                (1L, CsvFraming.RunawayQuote, "quote on line 1, field 2"),
                (2L, CsvFraming.Record, "2|a"),
                (3L, CsvFraming.Record, "3|b"),
            ],
            records);
    }

    [Fact]
    public async Task MoveNextAsync_TextQuoteRunningOverLinesWithCommas_IsARunaway()
    {
        var records = await FrameAsync("1,\"MASH\n2,a\n3,\"b\"\n", limits: [400, 400], breaks: [CsvLineBreaks.None, CsvLineBreaks.NoCommaAfterBreak]);

        Assert.Equal(CsvFraming.RunawayQuote, records[0].Framing);
        Assert.Equal((2L, CsvFraming.Record, "2|a"), records[1]);
    }

    [Fact]
    public async Task MoveNextAsync_LineLongerThanTheRecordLimit_IsOneRecordTooLongAndReadingGoesOn()
    {
        var records = await FrameAsync($"1,{new string('x', 5000)}\n2,ok\n", maxRecord: 64);

        Assert.Equal([(1L, CsvFraming.RecordTooLong, ""), (2L, CsvFraming.Record, "2|ok")], records);
    }

    [Fact]
    public async Task TryMoveNextBuffered_BetweenAwaitedRecords_FramesTheSameRecordsAsMoveNextAsyncAlone()
    {
        // Records of every framing, over many refills of a small buffer: quoted fields across lines, runaway quotes,
        // lines too long, blank lines, CR, LF and CRLF line ends.
        var random = new Random(13);
        var lines = Enumerable.Range(0, 400).Select(i => random.Next(8) switch
        {
            0 => $"{i},\"quoted, with comma\"",
            1 => $"{i},\"two\nlines\"",
            2 => $"{i},\"never closed",
            3 => $"{i},{new string('x', random.Next(50, 200))}",
            4 => string.Empty,
            _ => $"{i},plain,{random.Next()}",
        });
        var text = string.Concat(lines.Select((line, i) => line + (i % 3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" }));

        var awaited = await FrameAsync(text, limits: [40, 40, 40], maxRecord: 64);
        var buffered = await FrameAsync(text, limits: [40, 40, 40], maxRecord: 64, buffered: true);

        Assert.Equal(awaited, buffered);
        Assert.Contains(awaited, r => r.Framing == CsvFraming.RunawayQuote);
        Assert.Contains(awaited, r => r.Framing == CsvFraming.RecordTooLong);
    }

    private static async Task<List<(long Line, CsvFraming Framing, string Text)>> FrameAsync(
        string text, int[]? limits = null, CsvLineBreaks[]? breaks = null, int maxRecord = 1024, bool buffered = false)
    {
        using var reader = new CsvRecordReader(new StringReader(text), maxRecord);
        if (limits is not null)
        {
            reader.SetFieldLimits(limits, breaks ?? new CsvLineBreaks[limits.Length]);
        }

        var records = new List<(long, CsvFraming, string)>();
        var framedFromBuffer = 0;
        while (await reader.MoveNextAsync(TestContext.Current.CancellationToken))
        {
            records.Add(Shown(reader));
            while (buffered && reader.TryMoveNextBuffered())
            {
                records.Add(Shown(reader));
                framedFromBuffer++;
            }
        }

        Assert.True(!buffered || framedFromBuffer > 0, "no record was framed from the buffer");
        return records;
    }

    private static (long, CsvFraming, string) Shown(CsvRecordReader reader)
    {
        var shown = reader.Framing switch
        {
            CsvFraming.Record => string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString())),
            CsvFraming.RunawayQuote => $"quote on line {reader.QuoteLine}, field {reader.QuoteField + 1}",
            _ => string.Empty,
        };
        return (reader.Line, reader.Framing, shown);
    }
}
