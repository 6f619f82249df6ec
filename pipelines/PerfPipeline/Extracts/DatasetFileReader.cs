namespace PerfPipeline.Extracts;

using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Reads and validates one dataset file of a batch, coordinating the parts in <c>Reading/</c>: the
/// <see cref="HeaderMap"/> maps the header to the contract, the <see cref="RowValidator"/> turns each record's cells
/// into typed values or row errors, and the <see cref="PrimaryKeyTracker"/> rejects every copy of a duplicated
/// primary key once the file is read. Columns outside the contract are never read beyond the CSV parser's own buffer.
/// The methods run per row (here, in the key tracker, <see cref="CellParser"/>, <see cref="CodeList"/>,
/// <see cref="StringPool"/>) are compiled optimised from their first call: a process often reads a single batch, and
/// tiered compilation would promote them only after much of it was read unoptimised.
/// </summary>
internal sealed class DatasetFileReader
{
    private const int BufferSize = 1 << 16;

    // A manifest's row count only sizes collections up to this, so a wrong one cannot claim much memory.
    private const int MaxPresizedRows = 4_000_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    private readonly DatasetContract _contract;
    private readonly string _file;
    private readonly BatchReadContext _context;
    private readonly FileIssues _issues;
    private readonly AcceptedRows _rows;
    private readonly PrimaryKeyTracker _keys;
    private readonly bool _keyIsPerson;
    private HeaderMap? _header;
    private RowValidator? _validator;
    private long _rowsRead;
    private long _rowsRejected;

    /// <param name="expectedRows">The manifest's row count, when given: sizes the row list and key set up front (capped).</param>
    public DatasetFileReader(DatasetContract contract, string file, BatchReadContext context, long? expectedRows = null)
    {
        var capacity = (int)Math.Clamp(expectedRows ?? 0, 0, MaxPresizedRows);
        _contract = contract;
        _file = file;
        _context = context;
        _issues = new FileIssues(contract.Name, file);
        _rows = new AcceptedRows(contract, capacity);
        _keys = new PrimaryKeyTracker(_rows, capacity);
        _keyIsPerson = contract.PrimaryKey.Kind == ColumnKind.PersonId;
        if (_keyIsPerson)
        {
            // A file keyed by person (ssd_person) names about as many people as it has rows.
            context.Pseudonymiser.EnsureCapacity(capacity);
        }
    }

    /// <summary>The data rows read so far.</summary>
    public long RowsRead => _rowsRead;

    public async Task<DatasetReadResult> ReadAsync(Stream stream, bool computeSha256, CancellationToken cancellationToken)
    {
        using var sha256 = computeSha256 ? SHA256.Create() : null;
        var source = sha256 is null ? stream : new CryptoStream(stream, sha256, CryptoStreamMode.Read, leaveOpen: true);
        var unreadable = false;
        try
        {
            using (var text = new StreamReader(source, StrictUtf8, detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen: true))
            using (var csv = new CsvRecordReader(text, ExtractContract.MaxRecordLength))
            {
                while (await csv.MoveNextAsync(cancellationToken).ConfigureAwait(false))
                {
                    Read(csv);
                    ReadBuffered(csv);
                }
            }

            if (sha256 is not null)
            {
                // The checksum covers every byte, including any the text reader did not need.
                await source.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or DecoderFallbackException or InvalidDataException)
        {
            unreadable = true;
            _issues.FileError(ValidationRule.FileUnreadable, null, $"the file cannot be read as UTF-8 CSV: {exception.Message}");
            _rowsRejected += _rows.Count;
            _rows.Clear();
        }
        finally
        {
            if (!ReferenceEquals(source, stream))
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (_header is null && !unreadable)
        {
            _issues.FileError(ValidationRule.HeaderMissing, null, "the file has no header row");
        }

        // Person cells and keys were kept by person number while the worker hashed: one wait for the file's pseudonyms, then
        // the cells hold them and the duplicates are reported by them.
        await _context.Pseudonymiser.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        _rows.ResolvePeople(_context.Pseudonymiser.Pseudonym);
        _keys.ResolvePeople(_context.Pseudonymiser.Pseudonym);
        _rowsRejected += _keys.RejectDuplicates(_issues);

        var extract = new DatasetExtract(_contract, _file, _rowsRead, _rowsRejected, _rows);
        var hash = sha256 is not null && !unreadable ? Convert.ToHexStringLower(sha256.Hash!) : null;
        var headerRejected = _header?.Rejected ?? false;
        return new DatasetReadResult(extract, _issues.All, hash, unreadable) { Keyless = !unreadable && !headerRejected && _rowsRead > 0 && _keys.RowsWithKey == 0 };
    }

    /// <summary>Reads the records the CSV reader holds without reading more text (about a megabyte of them at a time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadBuffered(CsvRecordReader csv)
    {
        while (csv.TryMoveNextBuffered())
        {
            Read(csv);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Read(CsvRecordReader row)
    {
        // Entirely blank lines are not records.
        if (row.IsBlank)
        {
            return;
        }

        if (_header is null)
        {
            if (row.Framing != CsvFraming.Record)
            {
                _header = HeaderMap.Unmapped(_contract, rejected: true);
                _issues.FileError(ValidationRule.HeaderMissing, null, $"the header row (line {row.Line}) cannot be read: {_header.Unframed(row)}");
                return;
            }

            _header = HeaderMap.Map(_contract, row, _issues);
            _validator = new RowValidator(_contract, _header, _context, _issues);
            return;
        }

        _rowsRead++;
        if (_header.Rejected)
        {
            _rowsRejected++;
            return;
        }

        if (row.Framing != CsvFraming.Record)
        {
            // Nothing of the record is kept, not even its key: what it holds is not known to be one row's values.
            _issues.RowError(_rowsRead, null, null, row.Framing == CsvFraming.RunawayQuote ? ValidationRule.QuoteNotClosed : ValidationRule.RecordTooLong,
                _header.Unframed(row));
            _rowsRejected++;
            return;
        }

        ReadRecord(row, _rowsRead, _header, _validator!);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadRecord(CsvRecordReader row, long rowNumber, HeaderMap header, RowValidator validator)
    {
        string? key = null;
        int? person = null;
        bool rejected;
        if (row.FieldCount != header.FieldCount)
        {
            _issues.RowError(rowNumber, null, null, ValidationRule.WrongFieldCount,
                $"the record starting on line {row.Line} has {row.FieldCount} fields, the header has {header.FieldCount}");
            rejected = true;
            validator.ReadKeyOnly(row, out key, out person);
        }
        else
        {
            rejected = !validator.Read(row, rowNumber, _rows);
            if (_keyIsPerson)
            {
                person = validator.KeyPerson;
            }
            else
            {
                key = _rows.PendingText(0);
            }
        }

        _keys.Track(rowNumber, key, person, rejected);
        if (rejected)
        {
            _rowsRejected++;
            _rows.DiscardPending();
        }
        else
        {
            _rows.Accept(rowNumber);
        }
    }
}
