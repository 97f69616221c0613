using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace Qedu.Cli.Allocate;

/// <summary>
/// One UTF-8 CSV input file read with Sylvan.Data.Csv: its header mapped to the expected columns, and the current
/// row as spans (no string per field, which matters for a million-row priorities file). Every problem becomes an
/// <see cref="InputException"/> naming the file, the line and the field.
/// </summary>
internal sealed class CsvFile : IDisposable
{
    private const NumberStyles IntegerStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    // Plain decimals only ("12", "-3.5"): no thousands separators, no exponents, so "1,5" or "1e3" is a typo
    // reported to the user rather than a silently different number.
    private const NumberStyles DecimalStyle = IntegerStyle | NumberStyles.AllowDecimalPoint;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _path;
    private readonly string[] _columns;
    private readonly int[] _index; // expected column -> field position in the file
    private readonly CsvDataReader _reader;

    public CsvFile(string path, params string[] columns)
    {
        _path = path;
        _columns = columns;
        StreamReader text;
        try
        {
            text = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true,
                new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, 0, null, $"cannot be read: {e.Message}");
        }

        string expected = string.Join(',', columns);
        try
        {
            _reader = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = true,
                Delimiter = ',', // never auto-detect: a file with semicolons must fail, not be guessed
                MaxBufferSize = 1 << 24,
            });
        }
        catch (CsvMissingHeadersException)
        {
            text.Dispose();
            throw new InputException(path, 1, columns[0], $"missing column '{columns[0]}' (the file is empty; expected header {expected})");
        }
        catch (Exception e) when (e is CsvFormatException or DecoderFallbackException)
        {
            text.Dispose();
            throw new InputException(path, 1, null, Describe(e));
        }

        _index = new int[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            _index[c] = -1;
            for (int f = 0; f < _reader.FieldCount; f++)
            {
                if (string.Equals(_reader.GetName(f).Trim(), columns[c], StringComparison.Ordinal))
                {
                    if (_index[c] >= 0)
                    {
                        Dispose();
                        throw new InputException(path, 1, columns[c], $"column '{columns[c]}' appears twice in the header");
                    }

                    _index[c] = f;
                }
            }

            if (_index[c] < 0)
            {
                Dispose();
                throw new InputException(path, 1, columns[c], $"missing column '{columns[c]}' (expected header {expected})");
            }
        }
    }

    /// <summary>The field of expected column <paramref name="column"/> in the current row.</summary>
    public ReadOnlySpan<char> this[int column] => _reader.GetFieldSpan(_index[column]);

    /// <summary>Moves to the next row that is not blank; false at the end of the file.</summary>
    public bool Next()
    {
        while (true)
        {
            try
            {
                if (!_reader.Read())
                {
                    return false;
                }
            }
            catch (Exception e) when (e is CsvFormatException or DecoderFallbackException)
            {
                int row = e is CsvFormatException f ? f.RowNumber : _reader.RowNumber + 1;
                string? field = e is CsvFormatException { FieldOrdinal: int ordinal } ? ColumnName(ordinal) : null;
                throw new InputException(_path, LineOf(row), field, Describe(e));
            }

            int fields = _reader.RowFieldCount;
            if (fields == 1 && _reader.GetFieldSpan(0).IsEmpty)
            {
                continue; // a blank line, e.g. at the end of a hand-edited file
            }

            if (fields < _reader.FieldCount)
            {
                throw new InputException(_path, Line, ColumnName(fields),
                    $"missing field: the row has {fields} fields, the header {_reader.FieldCount}");
            }

            if (fields > _reader.FieldCount)
            {
                throw new InputException(_path, Line, $"#{_reader.FieldCount + 1}",
                    $"unexpected field: the row has {fields} fields, the header {_reader.FieldCount}");
            }

            return true;
        }
    }

    /// <summary>The line of the current row (the header is line 1).</summary>
    public int Line => LineOf(_reader.RowNumber);

    public string Id(int column) => this[column].IsEmpty ? throw Error(column, "id is empty") : this[column].ToString();

    public int Integer(int column)
    {
        ReadOnlySpan<char> value = this[column];
        return int.TryParse(value, IntegerStyle, CultureInfo.InvariantCulture, out int result)
            ? result
            : throw Error(column, value.IsEmpty ? "an integer is required" : $"malformed integer '{value}'");
    }

    /// <summary>Parses <paramref name="value"/> (the whole field or one '|'-separated part of it).</summary>
    public decimal Decimal(int column, ReadOnlySpan<char> value) =>
        decimal.TryParse(value, DecimalStyle, CultureInfo.InvariantCulture, out decimal result)
            ? result
            : throw Error(column, $"malformed number '{value}'");

    public InputException Error(int column, string problem) => new(_path, Line, _columns[column], problem);

    /// <summary>The data row number of the current row (1 = the first row after the header), to report a problem
    /// with it later through <see cref="ErrorAt"/>.</summary>
    public int RowNumber => _reader.RowNumber;

    public InputException ErrorAt(int rowNumber, int column, string problem) => new(_path, LineOf(rowNumber), _columns[column], problem);

    public void Dispose() => _reader.Dispose();

    private string ColumnName(int ordinal)
    {
        int column = Array.IndexOf(_index, ordinal);
        return column >= 0 ? _columns[column] : $"#{ordinal + 1}";
    }

    /// <summary>
    /// The physical line of data row <paramref name="row"/> (1-based, as Sylvan counts rows after the header).
    /// Normally row + 1; a quoted field that spans lines pushes later rows down, so on this error-only path the
    /// file is read again up to the row and the line breaks inside earlier fields are added.
    /// </summary>
    private int LineOf(int row)
    {
        int line = row + 1;
        try
        {
            using var text = new StreamReader(_path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            using var again = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = false, Delimiter = ',', MaxBufferSize = 1 << 24,
            });
            for (int r = 0; r < row && again.Read(); r++)
            {
                for (int f = 0; f < again.RowFieldCount; f++)
                {
                    line += again.GetFieldSpan(f).Count('\n');
                }
            }
        }
        catch (Exception e) when (e is IOException or CsvFormatException or DecoderFallbackException)
        {
            // The row itself is unreadable (the error being reported): the lines counted so far are right.
        }

        return line;
    }

    private static string Describe(Exception e) => e is DecoderFallbackException
        ? "the file is not valid UTF-8"
        : $"malformed CSV: {e.Message}";
}
