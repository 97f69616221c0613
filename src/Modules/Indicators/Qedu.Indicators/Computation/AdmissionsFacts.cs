using System.Globalization;
using Qedu.Admissions.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The admissions module's facts per school and bureau: applications, approved, offered, accepted, unplaced (待统筹),
/// verified and seats of the seasons that closed in the period's year (a month's period takes its year's seasons:
/// admissions happen once a year). Named "admissions.*", apart from the registry's facts (its "seats" are the school
/// profile's 学位数, these the seasons' 招生计划).
/// </summary>
internal sealed class AdmissionsFacts(IAdmissionsStatistics admissions) : IFactSource
{
    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        var year = int.Parse(context.Period[..4], CultureInfo.InvariantCulture);
        var facts = context.Facts;
        foreach (var f in await admissions.FiguresAsync(year, ct))
        {
            if (!context.Units.ContainsKey(f.OrgUnitId))
            {
                continue;
            }
            facts.Add(f.OrgUnitId, "admissions.applications", f.Applications);
            facts.Add(f.OrgUnitId, "admissions.approved", f.Approved);
            facts.Add(f.OrgUnitId, "admissions.offered", f.Offered);
            facts.Add(f.OrgUnitId, "admissions.accepted", f.Accepted);
            facts.Add(f.OrgUnitId, "admissions.unplaced", f.Unplaced);
            facts.Add(f.OrgUnitId, "admissions.verified", f.Verified);
            facts.Add(f.OrgUnitId, "admissions.seats", f.Seats);
        }
    }
}
