using Qedu.Kernel.Files;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Audit;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;

namespace Qedu.Registry.Export;

/// <summary>What an export wrote: rows, and how many of them showed personal data unmasked (audited before writing).</summary>
internal sealed record ExportResult(long Rows, long UnmaskedRows);

/// <summary>
/// Writes a record kind to .xlsx or CSV with the template's columns, so an export can be imported again unchanged.
/// Only rows in the caller's scope (the kernel's filter applies to every query); one school at a time, ordered by
/// school code and then the record's own key, so memory stays flat and two exports of the same data are identical.
/// Resident IDs, 学籍号 and phone numbers are masked unless the caller holds pii.view over the row's school; an export
/// that shows them is written to the audit log before any row is written.
/// </summary>
internal sealed class RegistryExporter(
    RegistryDb db, OrgTree tree, PersonalDataAccess personalData, PersonalDataExports exports, AuditTrail audit, RecordContextFactory contexts)
{
    public static string SheetName(RecordKind kind) => kind switch
    {
        RecordKind.Schools => "学校",
        RecordKind.Staff => "教职工",
        RecordKind.Classes => "班级",
        RecordKind.Assets => "装备",
        RecordKind.Teaching => "任课",
        _ => "学生",
    };

    /// <summary>The file name a download suggests, e.g. registry-students.xlsx.</summary>
    public static string FileName(RecordKind kind, TableFormat format, string? suffix = null) =>
        $"registry-{RecordKinds.Name(kind)}{suffix}{TableFormats.Extension(format)}";

    /// <summary>The schools the caller may read, optionally one by code; null when that code is unknown or out of scope.</summary>
    public async Task<IReadOnlyList<OrgUnit>?> SchoolsAsync(string? schoolCode, CancellationToken ct = default)
    {
        var schools = schoolCode is null
            ? await tree.OfKindAsync([OrgUnitKind.School], ct: ct)
            : await tree.FindAsync(schoolCode, ct) is { Kind: OrgUnitKind.School } school ? [school] : [];
        return schoolCode is not null && schools.Count == 0 ? null : schools;
    }

    /// <summary>How many people an export of <paramref name="kind"/> over these schools would hold (0 for kinds without people).</summary>
    public async Task<long> PeopleAsync(RecordKind kind, IReadOnlyList<OrgUnit> schools, CancellationToken ct = default)
    {
        var ids = schools.Select(s => s.Id).ToList();
        return kind switch
        {
            RecordKind.Students => await db.Students.LongCountAsync(s => ids.Contains(s.OrgUnitId), ct),
            RecordKind.Staff => await db.Staff.LongCountAsync(s => ids.Contains(s.OrgUnitId), ct),
            _ => 0,
        };
    }

    /// <summary>
    /// Writes the export. An export of people is one audit line with its purpose (see <see cref="PersonalDataExports"/>),
    /// written before any row; the caller has checked the purpose against the number of people.
    /// </summary>
    public async Task<ExportResult> ExportAsync(RecordKind kind, TableFormat format, Stream output, IReadOnlyList<OrgUnit> schools,
        string? purpose = null, CancellationToken ct = default)
    {
        var definition = RecordDefinitions.For(kind);
        var personal = definition.Fields.Any(f => f.Personal != PersonalKind.None);
        var ids = schools.Select(s => s.Id).ToList();
        var unmasked = personal ? await personalData.UnmaskedOrgsAsync(ids, ct) : new HashSet<int>();
        long unmaskedRows = 0;
        if (unmasked.Count > 0)
        {
            var open = unmasked.ToList();
            unmaskedRows = kind == RecordKind.Students
                ? await db.Students.CountAsync(s => open.Contains(s.OrgUnitId), ct)
                : await db.Staff.CountAsync(s => open.Contains(s.OrgUnitId), ct);
            if (unmaskedRows > 0)
            {
                await audit.RecordAsync("pii.read", kind == RecordKind.Students ? nameof(Student) : nameof(Staff),
                    details: $"export {RecordKinds.Name(kind)}: {unmaskedRows} rows unmasked in {open.Count} school(s)", ct: ct);
            }
        }

        if (personal)
        {
            await exports.RecordAsync(kind == RecordKind.Students ? nameof(Student) : nameof(Staff), $"{RecordKinds.Name(kind)}{TableFormats.Extension(format)}",
                await PeopleAsync(kind, schools, ct), unmaskedRows, purpose, ct);
        }

        var context = contexts.Create();
        using var writer = TableWriter.Create(output, format, SheetName(kind));
        writer.WriteHeader(definition.Fields.Select(f => f.HeaderZh).ToList());
        var cells = new string?[definition.Fields.Count];
        long rows = 0;
        void Emit(Action<string?[]> write, bool open)
        {
            write(cells);
            foreach (var field in definition.Fields)
            {
                var value = cells[field.Index];
                if (value is null)
                {
                    continue;
                }
                cells[field.Index] = field.Type == FieldType.Code ? context.List(field.CodeList!).NameOf(value)
                    : PersonalDataAccess.Mask(field.Personal, value, open);
            }
            writer.WriteRow(cells);
            rows++;
        }

        foreach (var school in schools)
        {
            ct.ThrowIfCancellationRequested();
            var open = unmasked.Contains(school.Id);
            switch (kind)
            {
                case RecordKind.Schools:
                    var profile = await db.SchoolProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.OrgUnitId == school.Id, ct);
                    if (profile is not null)
                    {
                        Emit(c => RecordDefinitions.Schools.Write(SchoolProfileKind.ToRecord(profile, school.Code, school.Name), c), open);
                    }
                    break;

                case RecordKind.Staff:
                    foreach (var s in await db.Staff.AsNoTracking().Where(s => s.OrgUnitId == school.Id).OrderBy(s => s.StaffNumber).ToListAsync(ct))
                    {
                        Emit(c => RecordDefinitions.Staff.Write(StaffKind.ToRecord(s, school.Code), c), open);
                    }
                    break;

                case RecordKind.Classes:
                {
                    var teachers = await db.Staff.AsNoTracking().Where(s => s.OrgUnitId == school.Id).ToDictionaryAsync(s => s.Id, s => s.StaffNumber, ct);
                    foreach (var c in await db.Classes.AsNoTracking().Where(c => c.OrgUnitId == school.Id).OrderBy(c => c.Code).ToListAsync(ct))
                    {
                        var teacher = c.HeadTeacherId is long id ? teachers.GetValueOrDefault(id) : null;
                        Emit(cells => RecordDefinitions.Classes.Write(ClassKind.ToRecord(c, school.Code, teacher), cells), open);
                    }
                    break;
                }

                case RecordKind.Teaching:
                {
                    var classes = await db.Classes.AsNoTracking().Where(c => c.OrgUnitId == school.Id).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
                    var teachers = await db.Staff.AsNoTracking().Where(s => s.OrgUnitId == school.Id).ToDictionaryAsync(s => s.Id, s => s.StaffNumber, ct);
                    var assignments = (await db.TeachingAssignments.AsNoTracking().Where(a => a.OrgUnitId == school.Id).ToListAsync(ct))
                        .Where(a => classes.ContainsKey(a.ClassId) && teachers.ContainsKey(a.StaffId))
                        .Select(a => new TeachingRecord { SchoolCode = school.Code, ClassCode = classes[a.ClassId], StaffNumber = teachers[a.StaffId], Subject = a.Subject })
                        .OrderBy(r => r.ClassCode, StringComparer.Ordinal).ThenBy(r => r.StaffNumber, StringComparer.Ordinal).ThenBy(r => r.Subject, StringComparer.Ordinal);
                    foreach (var r in assignments)
                    {
                        Emit(cells => RecordDefinitions.Teaching.Write(r, cells), open);
                    }
                    break;
                }

                case RecordKind.Assets:
                    foreach (var a in await db.Assets.AsNoTracking().Where(a => a.OrgUnitId == school.Id).OrderBy(a => a.AssetNumber).ToListAsync(ct))
                    {
                        Emit(c => RecordDefinitions.Assets.Write(AssetKind.ToRecord(a, school.Code), c), open);
                    }
                    break;

                case RecordKind.Students:
                {
                    var classes = await db.Classes.AsNoTracking().Where(c => c.OrgUnitId == school.Id).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
                    var enrolments = (await db.Enrolments.AsNoTracking().Where(e => e.OrgUnitId == school.Id && e.To == null).ToListAsync(ct))
                        .GroupBy(e => e.StudentId).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.From).First());
                    var guardians = (await db.Guardians.AsNoTracking().Where(g => g.OrgUnitId == school.Id).OrderBy(g => g.Id).ToListAsync(ct))
                        .ToLookup(g => g.StudentId);
                    foreach (var s in await db.Students.AsNoTracking().Where(s => s.OrgUnitId == school.Id).OrderBy(s => s.StudentNumber).ToListAsync(ct))
                    {
                        var classCode = s.ClassId is long id ? classes.GetValueOrDefault(id) : null;
                        var record = StudentKind.ToRecord(s, school.Code, classCode, enrolments.GetValueOrDefault(s.Id),
                            guardians[s.Id].Take(StudentDefinition.MaxGuardians));
                        Emit(c => RecordDefinitions.Students.Write(record, c), open);
                    }
                    break;
                }
            }
        }
        writer.Complete();
        return new ExportResult(rows, unmaskedRows);
    }
}
