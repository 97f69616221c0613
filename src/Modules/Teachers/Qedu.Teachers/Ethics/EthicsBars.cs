using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Resources;
using Qedu.Teachers.Rules;

namespace Qedu.Teachers.Ethics;

/// <summary>What a bar stops: a promotion (职称), an award (骨干, 荣誉, 工作室), a certificate's periodic registration.</summary>
internal enum BarredAction
{
    Promotion,
    Award,
    Registration,
}

/// <summary>
/// The ethics bar (一票否决), in one place: whether one is in force on a day, the refusal that says so (its reason and last
/// day), and a new one from a confirmed 不合格 review or an upheld report, lasting the rules' months. The forms that
/// promote, award and register ask here before they write.
/// </summary>
internal sealed class EthicsBars(TeachersDb db, TeacherRules rules, IStringLocalizer<TeachersText> t)
{
    public Task<EthicsBar?> InForceAsync(long staffId, DateOnly on, CancellationToken ct) =>
        db.EthicsBars.AsNoTracking().Where(b => b.StaffId == staffId && b.From <= on && b.To >= on).OrderByDescending(b => b.To).FirstOrDefaultAsync(ct);

    /// <summary>The refusal, in the caller's language: why the teacher is barred, until when, and what is refused.</summary>
    public string Refusal(EthicsBar bar, BarredAction action) =>
        t["Ethics.Barred", t[$"EthicsBarReason.{bar.Reason}"], bar.Source, bar.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t[$"Ethics.Action.{action}"]];

    /// <summary>A new bar from <paramref name="from"/>, for the months the rules give its reason (to the day before the same date that many months on).</summary>
    public EthicsBar New(long staffId, int schoolId, EthicsBarReason reason, string source, DateOnly from, DateTimeOffset at, string by) => new()
    {
        OrgUnitId = schoolId, StaffId = staffId, Reason = reason, Source = source, From = from,
        To = from.AddMonths(reason == EthicsBarReason.UnqualifiedReview ? rules.UnqualifiedReviewBarMonths : rules.UpheldReportBarMonths).AddDays(-1),
        CreatedAt = at, CreatedBy = by,
    };
}
