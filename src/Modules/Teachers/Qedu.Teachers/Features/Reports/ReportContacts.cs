using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Audit;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;
using Qedu.Teachers.Data;
using Qedu.Teachers.Resources;

namespace Qedu.Teachers.Features.Reports;

/// <summary>
/// The reporter's contact, opened by the channel's own officer alone (<c>teachers.reports.contact</c>, a role of its own),
/// for a case of their bureau, with a reason; the opening and its reason go to the audit log before the contact is shown.
/// </summary>
internal sealed class ReportContacts(TeachersDb db, FieldEncryption encryption, AuditTrail audit, IStringLocalizer<TeachersText> t)
{
    public const int MinReason = 4;

    public async Task<Outcome<string>> OpenAsync(string? number, string? reason, CancellationToken ct)
    {
        var wanted = ReportNumbers.Normalise(number);
        // The case through the scope filter: an officer of another bureau finds nothing.
        var report = wanted is null ? null : await db.Reports.AsNoTracking().Where(r => r.Number == wanted).Select(r => new { r.Id, r.OrgUnitId }).SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return Outcome<string>.NotFound(t["Report.NotFound"]);
        }
        var why = reason?.Trim() ?? "";
        if (why.Length is < MinReason or > 200)
        {
            return Outcome<string>.Invalid(new InputErrors().Add("reason", t["Report.Reason", MinReason]));
        }
        var stored = await db.ReportContacts.AsNoTracking().Where(c => c.CaseId == report.Id).Select(c => c.Encrypted).SingleOrDefaultAsync(ct);
        if (stored is null)
        {
            return Outcome<string>.NotFound(t["Report.NoContact"]);
        }
        await audit.RecordAsync("teachers.report-contact.read", "ReportContact", wanted, report.OrgUnitId, $"reason={why}", ct: ct);
        return Outcome<string>.Ok(encryption.Decrypt(stored));
    }
}
