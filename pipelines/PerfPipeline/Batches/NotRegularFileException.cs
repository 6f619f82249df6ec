namespace PerfPipeline.Batches;

/// <summary>
/// A batch entry that is not a regular file (a symbolic link, a folder): never read or copied, reported as a file error.
/// An <see cref="IOException"/> so that readers that report unreadable files report it too; never transient.
/// </summary>
public sealed class NotRegularFileException : IOException
{
    public NotRegularFileException()
    {
    }

    public NotRegularFileException(string message)
        : base(message)
    {
    }

    public NotRegularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
