using System.Globalization;
using System.Resources;
using Qedu.Plans.Domain;
using Qedu.Plans.Features.Export;
using Qedu.Plans.Resources;

namespace Qedu.Plans.Tests;

/// <summary>A status has one name everywhere: the pages (both languages) and the exported documents say the same.</summary>
public sealed class StatusNamesTests
{
    private static readonly ResourceManager Text = new(typeof(PlansText).FullName!, typeof(PlansText).Assembly);

    [Theory]
    [InlineData(SupervisionStatus.Done, "已完成", "Done")]
    [InlineData(SupervisionStatus.OnTrack, "正常推进", "On track")]
    [InlineData(SupervisionStatus.NotStarted, "未开始", "Not started")]
    [InlineData(SupervisionStatus.AtRisk, "临期预警", "At risk")]
    [InlineData(SupervisionStatus.Overdue, "已逾期", "Overdue")]
    public void Pages_and_documents_name_a_status_alike(SupervisionStatus status, string chinese, string english)
    {
        Assert.Equal(chinese, Text.GetString($"Status.{status}", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal(english, Text.GetString($"Status.{status}", CultureInfo.GetCultureInfo("en")));
        Assert.Equal(chinese, ExportWording.Status(status));
    }
}
