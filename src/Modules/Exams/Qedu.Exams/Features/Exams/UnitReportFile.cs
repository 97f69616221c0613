using Microsoft.Extensions.Localization;
using Qedu.Exams.Analysis;
using Qedu.Exams.Domain;
using Qedu.Exams.Resources;
using Qedu.Kernel.Files;

namespace Qedu.Exams.Features.Exams;

/// <summary>
/// A unit's report of an exam as an .xlsx (the kernel's <see cref="ReportWorkbook"/>: numbers stay numbers): every
/// subject's figures, the units one level down in the chosen subject, and the score bands; the same figures as the page.
/// </summary>
internal static class UnitReportFile
{
    public static void Write(Stream stream, UnitReport report, IStringLocalizer<ExamsText> t)
    {
        string[] headings = [t["Fig.Unit"], t["Exam.Subject"], t["Fig.Sat"], t["Fig.Absent"], t["Fig.Mean"], t["Fig.Sd"], t["Fig.Min"], "Q1", t["Fig.Median"],
            "Q3", t["Fig.Max"], t["Report.PassPercent"], t["Report.ExcellentPercent"], t["Fig.Gap"], t["Report.Bottom30Percent"]];
        string Subject(short number) => number == ExamFigure.Total ? t["Exam.Total"] : report.Subjects.FirstOrDefault(s => s.Number == number)?.Name ?? "";
        static object? Score(double? v) => v is { } x ? Math.Round(x, 2) : null;
        static object? Percent(double? v) => v is { } x ? Math.Round(x * 100, 1) : null;
        IReadOnlyList<object?> Row(FigureView f) =>
        [
            f.Unit, Subject(f.Subject), f.Sat, f.Absent, Score(f.Mean), Score(f.StandardDeviation), Score(f.Min), Score(f.Q1), Score(f.Median),
            Score(f.Q3), Score(f.Max), Percent(f.PassRate), Percent(f.ExcellentRate), Score(f.Gap), Percent(f.Bottom30Share),
        ];
        var title = $"{report.Exam.Name} · {report.Unit.Unit}";
        var bands = report.Unit.Bands;
        ReportWorkbook.Write(stream,
        [
            new WorkbookSheet(t["Exam.BySubject"], title, headings, report.BySubject.Select(Row).ToList()),
            new WorkbookSheet(t["Report.Below"], $"{title} · {Subject(report.Subject)}", headings, report.Below.Select(Row).ToList()),
            new WorkbookSheet(t["Report.Bands"], $"{title} · {Subject(report.Subject)}", [t["Report.Band"], t["Fig.Students"]],
                bands.Select((count, i) => (IReadOnlyList<object?>)[$"{i * 100 / bands.Count}–{(i + 1) * 100 / bands.Count}%", count]).ToList()),
        ]);
    }
}
