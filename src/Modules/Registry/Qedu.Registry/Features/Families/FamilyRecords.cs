using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Registry.Contracts;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Features.Families;

/// <summary>The enrolled children of a guardian's phone (see <see cref="IFamilyRecords"/>), audited as a personal-data read.</summary>
internal sealed class FamilyRecords(RegistryDb db, AuditTrail audit) : IFamilyRecords
{
    public async Task<IReadOnlyList<RegisteredChild>> ChildrenOfGuardianAsync(string verifiedPhone, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(verifiedPhone))
        {
            return [];
        }
        var children = await (
                from g in db.Guardians.IgnoreQueryFilters([ScopeFilter.Name])
                join s in db.Students.IgnoreQueryFilters([ScopeFilter.Name]) on g.StudentId equals s.Id
                where g.Phone == verifiedPhone && s.StatusCode == StudentStatuses.Enrolled
                orderby s.BirthDate
                select new RegisteredChild(s.Name, s.OrgUnitId, g.Name, s.Address))
            .AsNoTracking().Take(10).ToListAsync(ct);
        if (children.Count > 0)
        {
            await audit.RecordAsync("pii.read", "Student", null, null, $"family records of a guardian's phone: {children.Count} children", ct: ct);
        }
        return children;
    }
}
