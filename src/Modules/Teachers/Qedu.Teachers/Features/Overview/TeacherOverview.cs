using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Rules;

namespace Qedu.Teachers.Features.Overview;

/// <summary>A certificate whose registration is due within the rules' window, or past due, with its teacher.</summary>
internal sealed record RegistrationDue(long StaffId, string StaffNumber, string Name, string SchoolCode, string SchoolName, string CertificateNumber,
    DateOnly Due, string State);

/// <summary>
/// The teachers of the caller's scope at a glance: full-time teachers, how many hold a certificate, registrations due and
/// past due (the first of them listed, soonest first), current backbone teachers by level, studios.
/// </summary>
internal sealed record TeachersOverview(
    int Schools, int Teachers, int Certified, double? CertifiedShare, int RegistrationsDueSoon, int RegistrationsOverdue,
    IReadOnlyList<RegistrationDue> Due, IReadOnlyDictionary<string, int> BackboneByLevel, int Studios);

internal sealed class TeacherOverview(TeachersDb db, TeacherAccess access, IStaffDirectory directory, TeacherRules rules, TimeProvider clock)
{
    public const int DueListed = 50;

    public async Task<TeachersOverview> ForScopeAsync(CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var schools = await access.SchoolsAsync(Permissions.TeachersRead, ct);
        var schoolById = schools.ToDictionary(s => s.Id);
        var ids = schools.Select(s => s.Id).ToList();
        var staff = (await directory.AtSchoolsAsync(ids, ct)).ToDictionary(s => s.StaffId);
        var teachers = staff.Values.Where(s => s.PostCode == StaffCodes.FullTimeTeacher).Select(s => s.StaffId).ToHashSet();

        // Certificates and their latest registration, in scope by the kernel's filter and narrowed to these schools.
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.OrgUnitId))
            .Select(c => new { c.StaffId, c.Number, c.IssuedOn, Last = db.Registrations.Where(r => r.CertificateId == c.Id).Max(r => (DateOnly?)r.RegisteredOn) })
            .ToListAsync(ct);
        var certified = certificates.Select(c => c.StaffId).Where(teachers.Contains).Distinct().Count();
        var due = certificates
            .Select(c => (c.StaffId, c.Number, Due: rules.NextRegistrationDue(c.IssuedOn, c.Last)))
            .Select(c => (c.StaffId, c.Number, c.Due, State: rules.StateOn(c.Due, today)))
            .Where(c => c.State != RegistrationState.Current && staff.ContainsKey(c.StaffId))
            .OrderBy(c => c.Due).ToList();
        var listed = due.Take(DueListed).Select(c =>
        {
            var member = staff[c.StaffId];
            var school = schoolById[member.SchoolId];
            return new RegistrationDue(member.StaffId, member.StaffNumber, member.Name, school.Code, school.DisplayName(CodeBook.IsEnglish), c.Number, c.Due,
                c.State.ToString());
        }).ToList();

        var backbone = (await db.Backbone.AsNoTracking().Where(b => ids.Contains(b.OrgUnitId) && b.From <= today && (b.To == null || b.To >= today))
                .Select(b => new { b.StaffId, b.Level }).ToListAsync(ct))
            .GroupBy(b => b.StaffId).Select(g => g.Max(b => b.Level))
            .GroupBy(level => level).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count());
        var studios = await db.Studios.AsNoTracking().CountAsync(s => ids.Contains(s.OrgUnitId) && (s.To == null || s.To >= today), ct);
        return new TeachersOverview(schools.Count, teachers.Count, certified, teachers.Count == 0 ? null : (double)certified / teachers.Count,
            due.Count(d => d.State == RegistrationState.DueSoon), due.Count(d => d.State == RegistrationState.Overdue), listed, backbone, studios);
    }
}
