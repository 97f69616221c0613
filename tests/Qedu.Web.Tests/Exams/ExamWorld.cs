using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Writes;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Exams;

/// <summary>
/// Students of its own for each test: a new class at two 市南区 schools (A and B) and at a school of another district
/// (C), each with students enrolled since 1 September 2025 under fresh 学籍号; and score files of the contract made from
/// rows given by hand.
/// </summary>
internal sealed class ExamWorld(WebApp app)
{
    public const string ExamDay = "2026-11-10";

    public OrgUnit SchoolA { get; private set; } = null!;
    public OrgUnit SchoolB { get; private set; } = null!;
    public OrgUnit SchoolC { get; private set; } = null!;
    public OrgUnit DistrictAB { get; private set; } = null!;
    public OrgUnit DistrictC { get; private set; } = null!;
    public long ClassA { get; private set; }
    public long ClassB { get; private set; }
    public long ClassC { get; private set; }

    public async Task<ExamWorld> CreateAsync()
    {
        await app.AsSystemAsync(async sp =>
        {
            var tree = sp.GetRequiredService<OrgTree>();
            DistrictAB = (await tree.FindAsync("370202"))!;
            var schools = (await tree.OfKindAsync([OrgUnitKind.School], DistrictAB.Id)).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
            (SchoolA, SchoolB) = (schools[0], schools[1]);
            var city = (await tree.FindAsync("370200"))!;
            foreach (var district in (await tree.OfKindAsync([OrgUnitKind.District], city.Id)).Where(d => d.Id != DistrictAB.Id).OrderBy(d => d.Code))
            {
                if ((await tree.OfKindAsync([OrgUnitKind.School], district.Id)).OrderBy(s => s.Code, StringComparer.Ordinal).FirstOrDefault() is { } school)
                {
                    (DistrictC, SchoolC) = (district, school);
                    break;
                }
            }
            ClassA = await AddClassAsync(sp, SchoolA.Id);
            ClassB = await AddClassAsync(sp, SchoolB.Id);
            ClassC = await AddClassAsync(sp, SchoolC.Id);
            return 0;
        });
        return this;
    }

    private static async Task<long> AddClassAsync(IServiceProvider sp, int schoolId)
    {
        var db = sp.GetRequiredService<RegistryDb>();
        var code = "E" + Guid.NewGuid().ToString("N")[..10];
        var c = new SchoolClass { OrgUnitId = schoolId, Code = code, Name = "考试班 " + code[..5], GradeCode = "J3", EntryYear = 2024 };
        db.Classes.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>
    /// <paramref name="count"/> students enrolled in the class since 1 September 2025: their 学籍号. Named 考生 unless
    /// <paramref name="names"/> gives each a name; the first one's guardian has <paramref name="guardianPhone"/> when given.
    /// </summary>
    public Task<List<string>> StudentsAsync(int schoolId, long classId, int count, string? guardianPhone = null, IReadOnlyList<string>? names = null) =>
        app.AsSystemAsync(async sp =>
    {
        var numbers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var student = new Student
            {
                OrgUnitId = schoolId, StudentNumber = "K" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), Name = names?[i] ?? "考生",
                GenderCode = i % 2 == 0 ? "1" : "2", BirthDate = new DateOnly(2011, 5, 1), ClassId = classId, StatusCode = "01",
            };
            await new StudentCommands(sp.GetRequiredService<RegistryDb>(), sp.GetRequiredService<CodeBook>())
                .CreateAsync(student, [new Guardian { Name = "家长", RelationCode = "11", Phone = i == 0 && guardianPhone is not null ? guardianPhone : "13900002222" }], new DateOnly(2025, 9, 1));
            numbers.Add(student.StudentNumber);
        }
        return numbers;
    });

    /// <summary>A fresh exam code.</summary>
    public static string Code(string hint) => $"{hint}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A score file: header and one line per (学籍号, 科目, 分数, 满分), in <paramref name="encoding"/> (UTF-8 by default).</summary>
    public static byte[] File(IEnumerable<(string Number, string Subject, string Score, string Full)> rows, Encoding? encoding = null)
    {
        var text = new StringBuilder("学籍号,科目,分数,满分\n");
        foreach (var (number, subject, score, full) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{number},{subject},{score},{full}\n");
        }
        return (encoding ?? new UTF8Encoding(false)).GetBytes(text.ToString());
    }

    /// <summary>The multipart body of POST /api/exams/import.</summary>
    public static MultipartFormDataContent Upload(string code, string name, byte[] file, string fileName = "scores.csv", bool dryRun = false, string date = ExamDay)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(code), "code" },
            { new StringContent(name), "name" },
            { new StringContent(date), "date" },
            { new StringContent(dryRun ? "true" : "false"), "dryRun" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", fileName);
        return form;
    }
}
