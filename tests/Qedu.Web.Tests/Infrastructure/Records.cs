using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;
using Qedu.Registry.Writes;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>
/// Bodies for the write API of classes, staff and assets, in the import template's keys (what the API reads them
/// with), and records made through the system for tests that then change or delete them.
/// </summary>
public static class Records
{
    public const string Classes = "classes";
    public const string Staff = "staff";
    public const string Assets = "assets";

    public static readonly IReadOnlyList<string> Kinds = [Classes, Staff, Assets];

    /// <summary>The body field a bulk upsert matches records of the kind by (with the school for classes and assets).</summary>
    public static string KeyField(string kind) => kind switch { Classes => "code", Staff => "staffNumber", _ => "assetNumber" };

    private static int _sequence = Random.Shared.Next(100_000);

    private static int Next() => Interlocked.Increment(ref _sequence);

    /// <summary>A new record of the kind at the school, under numbers no one has.</summary>
    public static Dictionary<string, string?> New(string kind, string schoolCode, string name = "测试")
    {
        var n = Next();
        var number = n.ToString("000000", CultureInfo.InvariantCulture);
        return kind switch
        {
            Classes => new()
            {
                ["schoolCode"] = schoolCode, ["code"] = $"T-{number}", ["name"] = $"{name}班", ["grade"] = "P1", ["entryYear"] = "2024",
            },
            Staff => new()
            {
                // A Beijing resident ID: the demo city's staff are all born in Qingdao's districts, so it clashes with none of them.
                ["schoolCode"] = schoolCode, ["staffNumber"] = $"TS{number}", ["name"] = $"{name}老师", ["gender"] = n % 2 == 1 ? "1" : "2",
                ["residentId"] = ResidentId.Compose("110101", new DateOnly(1980, 1, 1).AddDays(n % 7000), n % 1000),
                ["post"] = "1", ["employmentType"] = "1", ["subjects"] = "数学", ["phone"] = "13800001111",
            },
            Assets => new()
            {
                ["schoolCode"] = schoolCode, ["assetNumber"] = $"TA-{number}", ["name"] = $"{name}投影仪", ["category"] = "02",
                ["quantity"] = "3", ["value"] = "4500.00", ["acquiredOn"] = "2024-09-01",
            },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The record's stored fields as the API takes them (what a client that read it would send back).</summary>
    public static Task<Dictionary<string, string?>> CurrentAsync(WebApp app, string kind, long id) => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<RegistryDb>();
        var kernel = sp.GetRequiredService<KernelDb>();
        Task<string> SchoolAsync(int orgUnitId) => kernel.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == orgUnitId).Select(o => o.Code).SingleAsync();
        IRecordDefinition definition = RecordDefinitions.For(kind switch { Classes => RecordKind.Classes, Staff => RecordKind.Staff, _ => RecordKind.Assets });
        var cells = new string?[definition.Fields.Count];
        switch (kind)
        {
            case Classes:
                var c = await db.Classes.AsNoTracking().SingleAsync(x => x.Id == id);
                var teacher = c.HeadTeacherId is { } t ? await db.Staff.Where(s => s.Id == t).Select(s => s.StaffNumber).SingleAsync() : null;
                RecordDefinitions.Classes.Write(ClassKind.ToRecord(c, await SchoolAsync(c.OrgUnitId), teacher), cells);
                break;
            case Staff:
                var s = await db.Staff.AsNoTracking().SingleAsync(x => x.Id == id);
                RecordDefinitions.Staff.Write(StaffKind.ToRecord(s, await SchoolAsync(s.OrgUnitId)), cells);
                break;
            default:
                var a = await db.Assets.AsNoTracking().SingleAsync(x => x.Id == id);
                RecordDefinitions.Assets.Write(AssetKind.ToRecord(a, await SchoolAsync(a.OrgUnitId)), cells);
                break;
        }
        return definition.Fields.Where(f => !f.Informational).ToDictionary(f => f.Key, f => cells[f.Index]);
    });

    public static Task<long> RevisionAsync(WebApp app, string kind, long id) => app.AsSystemAsync(sp =>
    {
        var db = sp.GetRequiredService<RegistryDb>();
        return kind switch
        {
            Classes => db.Classes.Where(x => x.Id == id).Select(x => x.Revision).SingleAsync(),
            Staff => db.Staff.Where(x => x.Id == id).Select(x => x.Revision).SingleAsync(),
            _ => db.Assets.Where(x => x.Id == id).Select(x => x.Revision).SingleAsync(),
        };
    });

    public static async Task<string> ETagAsync(WebApp app, string kind, long id) => RecordWriteApi.ETag(await RevisionAsync(app, kind, id));

    /// <summary>Adds a record of the kind at the school through the system (checked by the same code as the API).</summary>
    public static Task<long> CreateAsync(WebApp app, string kind, string schoolCode, Dictionary<string, string?>? body = null) =>
        app.AsSystemAsync(async sp =>
        {
            var json = JsonSerializer.SerializeToElement(body ?? New(kind, schoolCode, "待改"));
            var errors = new InputErrors();
            IRegistryRecord? created = kind switch
            {
                Classes => await CreateAsync(sp.GetRequiredService<ClassWrites>(), json, errors),
                Staff => await CreateAsync(sp.GetRequiredService<StaffWrites>(), json, errors),
                _ => await CreateAsync(sp.GetRequiredService<AssetWrites>(), json, errors),
            };
            return created?.Id ?? throw new InvalidOperationException(string.Join("; ", errors.ByField.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
        });

    private static async Task<IRegistryRecord?> CreateAsync<T>(SimpleRecordWrites<T> writes, JsonElement json, InputErrors errors)
        where T : class, IRegistryRecord =>
        await writes.ReadAsync(json, null, errors) is { } input ? await writes.CreateAsync(input) : null;

    /// <summary>
    /// A member of staff already at the school (the first by id), for reads that should add nothing there: a school's
    /// staff count is what other tests (a small export) rely on. One is added only when the school has none.
    /// </summary>
    public static async Task<long> StaffAtAsync(WebApp app, string schoolCode) =>
        await app.AsSystemAsync(async sp =>
        {
            var unit = await sp.GetRequiredService<Qedu.Kernel.OrgUnits.OrgTree>().FindPastScopeAsync(schoolCode);
            return unit is null ? null
                : await sp.GetRequiredService<RegistryDb>().Staff.Where(s => s.OrgUnitId == unit.Id).OrderBy(s => s.Id).Select(s => (long?)s.Id).FirstOrDefaultAsync();
        }) ?? await CreateAsync(app, Staff, schoolCode);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static long Id(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
