using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Data;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Growth;

/// <summary>A demo student of 市南区 as the health tests need them: number, school, class, ids.</summary>
internal sealed record HealthStudent(long StudentId, string StudentNumber, int SchoolId, string SchoolCode, string ClassName);

/// <summary>What the growth tests share: demo students by grade and sex, and health files to upload.</summary>
internal static class HealthWorld
{
    public const string FitnessHeader = "学籍号,性别,身高,体重,肺活量,50米跑,坐位体前屈,一分钟跳绳,一分钟仰卧起坐,50米×8往返跑,立定跳远,引体向上,1000米跑,800米跑,免测";

    /// <summary>The <paramref name="skip"/>-th enrolled student of 市南区 (or of <paramref name="school"/>) in a class of <paramref name="grade"/> with gender <paramref name="gender"/> (by id).</summary>
    public static Task<HealthStudent> StudentAsync(this WebApp app, string grade, string gender, int skip = 0, string? school = null) => app.AsSystemAsync(async sp =>
    {
        var kernel = sp.GetRequiredService<KernelDb>();
        var schools = await kernel.OrgUnits.Where(o => o.Parent!.Code == TestWorld.Shinan && (school == null || o.Code == school)).ToDictionaryAsync(o => o.Id, o => o.Code);
        var ids = schools.Keys.ToList();
        var registry = sp.GetRequiredService<RegistryDb>();
        var found = await (from s in registry.Students.AsNoTracking()
                           join c in registry.Classes.AsNoTracking() on s.ClassId equals c.Id
                           where c.GradeCode == grade && s.GenderCode == gender && s.StatusCode == "01" && ids.Contains(s.OrgUnitId)
                           orderby s.Id
                           select new { s.Id, s.StudentNumber, s.OrgUnitId, c.Name })
            .Skip(skip).FirstAsync();
        return new HealthStudent(found.Id, found.StudentNumber, found.OrgUnitId, schools[found.OrgUnitId], found.Name);
    });

    public static MultipartFormDataContent Upload(string csv, bool dryRun, string dayField, DateOnly? day = null, string fileName = "health.csv")
    {
        var form = new MultipartFormDataContent { { new StringContent(dryRun ? "true" : "false"), "dryRun" } };
        if (day is { } d)
        {
            form.Add(new StringContent(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), dayField);
        }
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", fileName);
        return form;
    }
}

/// <summary>Children made for the guardians' tests: a new pupil at a school with a guardian's phone (and the parent account behind it).</summary>
internal static class GuardedChildren
{
    public static Task<long> NewAsync(WebApp app, string schoolCode, string phone, string name = "实践学生") => app.AsSystemAsync(async sp =>
    {
        var school = await sp.GetRequiredService<KernelDb>().OrgUnits.SingleAsync(o => o.Code == schoolCode);
        var registry = sp.GetRequiredService<RegistryDb>();
        var classId = await registry.Classes.Where(c => c.OrgUnitId == school.Id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        await sp.GetRequiredService<Qedu.Kernel.Identity.ParentAccounts>().FindOrCreateAsync(phone, DateTimeOffset.UtcNow);
        // A resident ID like any registered child's (the teachers' tests check every listed child's is masked).
        var sequence = Random.Shared.Next(50, 499) * 2; // even: a girl, as the gender says
        var born = new DateOnly(2016, 5, 1).AddDays(Random.Shared.Next(0, 300));
        var student = new Qedu.Registry.Domain.Student
        {
            OrgUnitId = school.Id, StudentNumber = "P" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), Name = name, GenderCode = "2",
            BirthDate = born, ResidentId = Qedu.Kernel.Codes.ResidentId.Compose("370202", born, sequence), ClassId = classId, StatusCode = "01",
        };
        await new Qedu.Registry.Writes.StudentCommands(registry, sp.GetRequiredService<Qedu.Kernel.Codes.CodeBook>())
            .CreateAsync(student, [new Qedu.Registry.Domain.Guardian { Name = "王芳", RelationCode = "12", Phone = phone }], new DateOnly(2024, 9, 1));
        return student.Id;
    });
}
