using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Exams.Analysis;
using Qedu.Exams.Data;
using Qedu.Exams.Resources;
using Qedu.Kernel.Web;

namespace Qedu.Exams.Features.Exams;

/// <summary>An exam's thresholds as the bureau sets them: percentages of full marks.</summary>
internal sealed record ThresholdsView(string Exam, double PassPercent, double ExcellentPercent);

/// <summary>
/// Changes an exam's pass and excellent thresholds (percent of full marks, as data per exam) and recomputes every figure
/// with them, in the same request: the pages, the reports and the indicators then agree. The exam's bureau only.
/// </summary>
internal sealed class ExamThresholds(ExamsDb db, ExamAccess exams, ExamAnalyser analyser, IStringLocalizer<ExamsText> t)
{
    public async Task<Outcome<ThresholdsView>> ChangeAsync(string code, double? passPercent, double? excellentPercent, CancellationToken ct)
    {
        if (await exams.Visible().FirstOrDefaultAsync(e => e.Code == code, ct) is not { } exam)
        {
            return Outcome<ThresholdsView>.NotFound(t["Exam.NotFound"]);
        }
        if (!await exams.MayManageAsync(exam, ct))
        {
            return Outcome<ThresholdsView>.Forbidden(t["Thresholds.Forbidden"]);
        }
        var errors = new InputErrors();
        if (passPercent is not (> 0 and <= 100))
        {
            errors.Add("pass", t["Thresholds.Range"]);
        }
        if (excellentPercent is not (> 0 and <= 100))
        {
            errors.Add("excellent", t["Thresholds.Range"]);
        }
        else if (passPercent is { } p && excellentPercent < p)
        {
            errors.Add("excellent", t["Thresholds.Order"]);
        }
        if (errors.Any)
        {
            return Outcome<ThresholdsView>.Invalid(errors);
        }
        exam.PassShare = Math.Round(passPercent!.Value, 1) / 100;
        exam.ExcellentShare = Math.Round(excellentPercent!.Value, 1) / 100;
        exam.Revision++;
        await db.SaveChangesAsync(ct);
        await analyser.AnalyseAsync(exam.Id, ct);
        return Outcome<ThresholdsView>.Ok(new ThresholdsView(exam.Code, exam.PassShare * 100, exam.ExcellentShare * 100));
    }
}
