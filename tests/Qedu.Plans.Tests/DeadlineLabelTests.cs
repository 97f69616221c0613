using Qedu.Plans.Tasks;

namespace Qedu.Plans.Tests;

/// <summary>Deadlines as printed for Chinese readers; the date they were read as (and "Ongoing" for 长期) for English ones.</summary>
public sealed class DeadlineLabelTests
{
    [Theory]
    [InlineData("2022年12月", "2022-12-31", false, "2022年12月")]
    [InlineData("长期", null, false, "长期")]
    [InlineData("2022年12月", "2022-12-31", true, "2022-12-31")]
    [InlineData("长期", null, true, "Ongoing")]
    [InlineData("长期（2019年12月完成初步工作）", "2019-12-31", true, "Ongoing (first step by 2019-12-31)")]
    [InlineData("视情况而定", null, true, "视情况而定")]
    [InlineData(null, "2025-06-30", true, "2025-06-30")]
    [InlineData(null, null, false, "—")]
    public void A_deadline_reads_in_the_reader_s_language(string? printed, string? dueOn, bool english, string expected) =>
        Assert.Equal(expected, DeadlineLabel.Of(printed, dueOn is null ? null : DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture), english));
}
