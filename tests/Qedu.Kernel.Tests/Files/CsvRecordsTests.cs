using Qedu.Kernel.Files;

namespace Qedu.Kernel.Tests.Files;

/// <summary>The one CSV writer every Qedu file goes through: RFC 4180 quoting after the formula escape.</summary>
public sealed class CsvRecordsTests
{
    private static string Record(params string?[] fields)
    {
        using var writer = new StringWriter();
        CsvRecords.WriteRecord(writer, fields);
        return writer.ToString();
    }

    [Fact]
    public void Fields_are_quoted_only_when_they_must_be() =>
        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded \",,-3\r\n", Record("plain", "a,b", "say \"hi\"", "two\nlines", " padded ", null, "-3"));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    public void A_cell_a_spreadsheet_would_run_is_written_as_text(string value, string written) =>
        Assert.Equal(written + "\r\n", Record(value));

    [Fact]
    public void The_line_end_can_be_a_bare_newline_for_tools_that_write_one() =>
        Assert.Equal("a,b\n", Writer(w => CsvRecords.WriteRecord(w, ["a", "b"], "\n")));

    private static string Writer(Action<StringWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }
}
