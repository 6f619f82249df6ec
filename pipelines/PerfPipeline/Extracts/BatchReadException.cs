namespace PerfPipeline.Extracts;

/// <summary>Reading a dataset file failed in a way that is no validation issue: names the file and the row reached.</summary>
public sealed class BatchReadException : Exception
{
    public BatchReadException()
    {
    }

    public BatchReadException(string message)
        : base(message)
    {
    }

    public BatchReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal BatchReadException(string file, long rowsRead, Exception innerException)
        : base($"{file}, row {rowsRead + 1}: reading failed: {innerException.GetType().Name}: {innerException.Message}", innerException)
    {
        File = file;
        Row = rowsRead + 1;
    }

    /// <summary>The dataset file being read.</summary>
    public string? File { get; }

    /// <summary>The data row being read (1 = first) when it failed.</summary>
    public long? Row { get; }
}
