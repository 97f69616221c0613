using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Features.Students;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;
using Qedu.Registry.Writes;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>Student bodies for the write API, built from the shared record definition the API reads them with.</summary>
public static class Students
{
    private static int _sequence = 100 + Random.Shared.Next(500);

    /// <summary>A new student at the school, in its first class, with numbers no one has (a fresh resident ID each call).</summary>
    public static async Task<Dictionary<string, string?>> NewAsync(WebApp app, string schoolCode, string name = "测试学生")
    {
        var classCode = await app.AsSystemAsync(async sp =>
        {
            var school = await sp.GetRequiredService<KernelDb>().OrgUnits.SingleAsync(o => o.Code == schoolCode);
            return await sp.GetRequiredService<RegistryDb>().Classes.Where(c => c.OrgUnitId == school.Id).OrderBy(c => c.Id).Select(c => c.Code).FirstOrDefaultAsync();
        });
        var sequence = Interlocked.Increment(ref _sequence) % 1000;
        var id = ResidentId.Compose("370202", new DateOnly(2017, 3, 1).AddDays(sequence / 2), sequence);
        return new Dictionary<string, string?>
        {
            ["schoolCode"] = schoolCode,
            ["studentNumber"] = "G" + id,
            ["name"] = name,
            ["gender"] = sequence % 2 == 1 ? "1" : "2",
            ["residentId"] = id,
            ["classCode"] = classCode,
            ["status"] = "01",
            ["guardian1Name"] = "测试家长",
            ["guardian1Relation"] = "11",
            ["guardian1Phone"] = "13900001111",
        };
    }

    /// <summary>The student's stored fields as the API takes them (what a client that read the record would send back).</summary>
    public static Task<Dictionary<string, string?>> CurrentAsync(WebApp app, long id) => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<RegistryDb>();
        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == id);
        var school = await sp.GetRequiredService<KernelDb>().OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Id == student.OrgUnitId);
        var classCode = student.ClassId is { } c ? await db.Classes.Where(x => x.Id == c).Select(x => x.Code).SingleAsync() : null;
        var guardians = await db.Guardians.AsNoTracking().Where(g => g.StudentId == id).OrderBy(g => g.Id).ToListAsync();
        var open = await db.Enrolments.AsNoTracking().Where(e => e.StudentId == id && e.To == null).FirstOrDefaultAsync();
        var definition = RecordDefinitions.Students;
        var cells = new string?[definition.Fields.Count];
        definition.Write(StudentKind.ToRecord(student, school.Code, classCode, open, guardians), cells);
        return definition.Fields.Where(f => !f.Informational).ToDictionary(f => f.Key, f => cells[f.Index]);
    });

    public static Task<string> ETagAsync(WebApp app, long id) => app.AsSystemAsync(async sp =>
        RecordWriteApi.ETag(await sp.GetRequiredService<RegistryDb>().Students.Where(s => s.Id == id).Select(s => s.Revision).SingleAsync()));

    /// <summary>Adds a student through the system (for tests that then delete it).</summary>
    public static async Task<long> CreateAsync(WebApp app, string schoolCode)
    {
        var body = await NewAsync(app, schoolCode, "待删除学生");
        return await app.AsSystemAsync(async sp =>
        {
            var errors = new InputErrors();
            var json = System.Text.Json.JsonSerializer.SerializeToElement(body);
            var input = await sp.GetRequiredService<StudentWrites>().ReadAsync(json, null, errors)
                ?? throw new InvalidOperationException(string.Join("; ", errors.ByField.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
            return (await sp.GetRequiredService<StudentCommands>().CreateAsync(input.Student, input.Guardians ?? [])).Id;
        });
    }

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
