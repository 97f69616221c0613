using System.Net;
using System.Security.Cryptography;
using System.Text;
using Qedu.Kernel.Localization;
using Qedu.Teachers.Features.Reports;
using Qedu.Web.Hosting;
using Qedu.Web.Tests.Infrastructure;

using static Qedu.Web.Tests.Teachers.TeacherWorld;

namespace Qedu.Web.Tests.Platform;

/// <summary>
/// An upload endpoint is held to its own size limit, not to the JSON API's 1 MB: a parent's or teacher's photo of a few
/// megabytes goes through (it was refused with 413 before the limit learned the endpoint), and a body over the
/// endpoint's own limit is refused with 413 naming that limit, before it is read.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class UploadLimitTests(WebApp app)
{
    /// <summary>A PDF of <paramref name="bytes"/> bytes, different each time.</summary>
    private static byte[] Pdf(int bytes)
    {
        var head = Encoding.ASCII.GetBytes("%PDF-1.7\n");
        var tail = Encoding.ASCII.GetBytes("\n%%EOF\n");
        return [.. head, .. RandomNumberGenerator.GetBytes(bytes - head.Length - tail.Length), .. tail];
    }

    [Fact]
    public async Task A_file_of_several_megabytes_reaches_an_upload_endpoint_with_a_larger_limit_of_its_own()
    {
        var school = await Forms.UnitAsync(app, TestWorld.AnchorSchool);
        var form = Multipart(("kind", "PaidTutoring"), ("school", school.Name), ("text", "周末在校外组织本班学生有偿补课，收据照片见附件。"));
        form.Add(new ByteArrayContent(Pdf(3 * 1024 * 1024)), "files", "收据.pdf");

        using var response = await app.Anonymous().PostAsync("/api/report", form);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_an_upload_endpoints_own_limit_is_refused_with_413_naming_that_limit()
    {
        var form = Multipart(("kind", "PaidTutoring"), ("text", "超过上限的附件"));
        form.Add(new ByteArrayContent(new byte[ReportChannel.MaxRequestBytes]), "files", "big.pdf");

        using var response = await app.Anonymous().PostAsync("/api/report", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(string.Format(app.Text<KernelText>("Request.TooLarge"), ApiBodyLimit.Describe(ReportChannel.MaxRequestBytes)),
            (await response.ProblemAsync()).Detail);
    }
}
