using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Teachers;

/// <summary>What the teachers' tests share: today and its form, a new teacher, a report filed through the public API.</summary>
internal static class TeacherWorld
{
    /// <summary>A PNG's first bytes: enough for the file check, which reads the signature.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    public static DateOnly Today => CityDate.Today(TimeProvider.System);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A school of 市南区 other than the anchor, whose staff count other tests rely on.</summary>
    public static Task<string> OtherShinanSchoolAsync(this WebApp app) => app.KernelAsync(db => db.OrgUnits
        .Where(o => o.Parent!.Code == TestWorld.Shinan && o.Kind == OrgUnitKind.School && o.Code != TestWorld.AnchorSchool)
        .OrderBy(o => o.Code).Select(o => o.Code).FirstAsync());

    /// <summary>A new full-time teacher (no demo records) at <see cref="OtherShinanSchoolAsync"/>.</summary>
    public static async Task<(string School, long StaffId)> NewTeacherAsync(this WebApp app, string name)
    {
        var schoolCode = await app.OtherShinanSchoolAsync();
        return (schoolCode, await Records.CreateAsync(app, Records.Staff, schoolCode, Records.New(Records.Staff, schoolCode, name)));
    }

    public static MultipartFormDataContent Multipart(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return form;
    }

    /// <summary>A paid-tutoring report on <paramref name="school"/> filed without signing in (201 asserted): its number and secret.</summary>
    public static async Task<JsonElement> FileReportAsync(this WebApp app, string school, string? contact = null, bool withPicture = false)
    {
        var form = Multipart(("kind", "PaidTutoring"), ("school", school), ("teacher", "王老师"), ("text", "周末在校外租房组织本班学生有偿补课，每次收费200元。"));
        if (contact is not null)
        {
            form.Add(new StringContent(contact), "contact");
        }
        if (withPicture)
        {
            form.Add(new ByteArrayContent(Png), "files", "receipt.png");
        }
        using var response = await app.Anonymous().PostAsync("/api/report", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}
