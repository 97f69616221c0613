using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;

namespace Qedu.Registry.Writes;

/// <summary>
/// Staff through the write API, matched by 教职工号 (unique in the city). Besides an import row's checks (the resident ID
/// by GB 11643, against birth date and gender): the 教职工号 and the resident ID belong to no other staff member, and a
/// head teacher neither moves to another school nor is deleted while their class still names them.
/// </summary>
internal sealed class StaffWrites(RegistryDb db, RecordBodyReader bodies, ExchangeData shaper, IStringLocalizer<RecordWriteText> text)
    : SimpleRecordWrites<Staff>(db, bodies, shaper)
{
    private static StaffDefinition Definition => RecordDefinitions.Staff;

    public override string Name => "staff";
    protected override RecordKind Kind => RecordKind.Staff;
    public override RecordField KeyField => Definition.StaffNumber;
    protected override string KeyProperty => nameof(Staff.StaffNumber);
    protected override bool KeyPerSchool => false;

    public override (int School, string Value) KeyOf(Staff input) => (0, input.StaffNumber);

    public override async Task<Staff?> ReadAsync(JsonElement body, long? self, InputErrors errors, CancellationToken ct = default)
    {
        if (await Bodies.ReadAsync(Definition, body, errors, ct, BodyAliases) is not { } read)
        {
            return null;
        }
        var (record, school) = read;
        var context = Bodies.Context;
        // Unique across the city, whoever's scope the other person is in: read past the scope filter, name nothing else.
        // The resident ID is encrypted at rest; its blind index finds the same ID (ADR 11).
        var residentIdIndex = Db.FieldEncryption.Index(record.ResidentId);
        var clashes = await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name])
            .Where(s => s.Id != (self ?? 0) && (s.StaffNumber == record.StaffNumber || (residentIdIndex != null && s.ResidentIdIndex == residentIdIndex)))
            .Select(s => new { s.StaffNumber, s.ResidentIdIndex })
            .Take(2)
            .ToListAsync(ct);
        if (clashes.Any(c => c.StaffNumber == record.StaffNumber))
        {
            errors.Add(Definition.StaffNumber.Key, context.Message("Record.DuplicateInDatabase", Definition.StaffNumber.Header(context.English), record.StaffNumber));
        }
        if (residentIdIndex is not null && clashes.Any(c => c.ResidentIdIndex == residentIdIndex))
        {
            errors.Add(Definition.ResidentId.Key, context.Message("Record.DuplicateInDatabase", Definition.ResidentId.Header(context.English), record.ResidentId));
        }
        if (self is { } id && await Db.Staff.Where(s => s.Id == id).Select(s => (int?)s.OrgUnitId).FirstOrDefaultAsync(ct) is { } was
            && was != school.Id && await HeadOfAsync(id, ct) is { Length: > 0 } classes)
        {
            errors.Add(Definition.School.Key, string.Format(text["Write.StaffMoveIsHeadTeacher"], record.StaffNumber, classes));
        }
        return errors.Any ? null : StaffKind.ToEntity(record, school.Id);
    }

    protected override void Copy(Staff from, Staff to) => StaffKind.CopyValues(from, to);

    protected override async Task<string?> RefuseDeleteAsync(Staff stored, CancellationToken ct) =>
        await HeadOfAsync(stored.Id, ct) is { Length: > 0 } classes ? string.Format(text["Write.StaffIsHeadTeacher"], stored.StaffNumber, classes) : null;

    /// <summary>The codes of the classes this person heads ("2026-P1-01、2026-P1-02"), or "" when none.</summary>
    private async Task<string> HeadOfAsync(long staffId, CancellationToken ct) =>
        string.Join("、", await Db.Classes.IgnoreQueryFilters([ScopeFilter.Name]).Where(c => c.HeadTeacherId == staffId).OrderBy(c => c.Code).Select(c => c.Code).Take(5).ToListAsync(ct));
}
