using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Exams.Analysis;
using Qedu.Exams.Data;
using Qedu.Exams.Domain;
using Qedu.Exams.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;

namespace Qedu.Exams.Import;

/// <summary>What an import is asked to do: the exam's code, name and day, the file (its name to report by, its path and format) and whether only to check.</summary>
public sealed record ScoreImportRequest(string? Code, string? Name, DateOnly? Date, string FileName, string Path, TableFormat Format, bool DryRun);

/// <summary>
/// The outcome of an import. <see cref="Ok"/> false: nothing was written, and <see cref="Problems"/> name each row and
/// column (the first 1,000; <see cref="ProblemCount"/> counts them all).
/// </summary>
public sealed record ScoreImportReport(
    bool Ok, bool DryRun, string File, string? ExamCode, int Rows, int Students, int Subjects, int Absent, int ProblemCount,
    IReadOnlyList<ScoreProblem> Problems);

/// <summary>
/// The score intake, the same for the command line, the API and the page: check the exam's code, name and day; read and
/// check every row of the file; match every 学籍号 in the registry (within the caller's scope, at the enrolment of the
/// exam day); then write everything in one transaction and compute the figures. Any problem: nothing written.
/// </summary>
internal sealed partial class ScoreImport(
    ExamsDb db, IStudentRoster roster, ScoreWriter writer, ExamAnalyser analyser, OrgTree tree, ICurrentAccess access, AuditTrail audit,
    IStringLocalizer<ExamsText> t, TimeProvider clock)
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,30}$")]
    private static partial Regex CodePattern();

    public async Task<ScoreImportReport> ImportAsync(ScoreImportRequest request, CancellationToken ct)
    {
        var sheet = new ScoreSheet();
        var code = request.Code?.Trim() ?? "";
        var name = request.Name?.Trim() ?? "";
        if (!CodePattern().IsMatch(code))
        {
            sheet.Problem(0, "code", request.Code, t["Exam.Code"]);
        }
        else if (await db.Exams.AnyAsync(e => e.Code == code, ct))
        {
            // Codes are unique across the city (exams are not scoped rows): a district's code may not shadow the city's exam.
            sheet.Problem(0, "code", code, t["Exam.Exists", code]);
        }
        if (name.Length is 0 or > 100)
        {
            sheet.Problem(0, "name", request.Name, t["Exam.Name"]);
        }
        if (request.Date is null)
        {
            sheet.Problem(0, "date", null, t["Exam.Date"]);
        }
        var owner = await OwnerAsync(ct);
        if (owner is null)
        {
            sheet.Problem(0, null, null, t["Exam.NoUnit"]);
        }
        if (sheet.ProblemCount > 0)
        {
            return Report(request, sheet, code);
        }

        var file = ScoreFile.Read(request.Path, request.Format, request.FileName, t);
        if (file.Students.Count == 0)
        {
            return Report(request, file, code);
        }
        // The registry is asked even when rows are wrong, so one report names every problem of the file.
        var found = await roster.EnrolledOnAsync(file.Students, request.Date!.Value, ct);
        for (var i = 0; i < file.Students.Count; i++)
        {
            if (!found.ContainsKey(file.Students[i]))
            {
                file.Problem(file.StudentRows[i], ScoreFile.NumberColumn, file.Students[i], t["Row.Unknown", file.Students[i]]);
            }
        }
        if (file.ProblemCount > 0 || request.DryRun)
        {
            return Report(request, file, code);
        }

        var candidates = Candidates(file, found);
        var caller = access.Current;
        var exam = new Exam
        {
            Code = code,
            Name = name,
            Date = request.Date.Value,
            OwnerUnitId = owner!.Value,
            Candidates = candidates.Count,
            ImportedAt = clock.GetUtcNow(),
            ImportedBy = caller.ActorName ?? "system",
        };
        var subjects = file.Subjects.Select(s => new ExamSubject { Number = s.Number, Name = s.Name, FullMarks = s.FullMarks }).ToList();
        await writer.WriteAsync(exam, subjects, candidates, file.Rows, ct);
        await audit.RecordAsync("exams.import", "Exam", exam.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            $"{code}: {file.Rows.Count} scores of {candidates.Count} students from {request.FileName}", ct: ct);
        await analyser.AnalyseAsync(exam.Id, ct);
        return Report(request, file, code);
    }

    /// <summary>The unit the exam belongs to: the city for the system (the command line), else the caller's highest unit with exams.manage.</summary>
    private Task<int?> OwnerAsync(CancellationToken ct) => tree.HighestGrantAsync(access.Current, Permissions.ExamsManage, ct);

    private static List<NewCandidate> Candidates(ScoreSheet file, IReadOnlyDictionary<string, RosterStudent> found)
    {
        // A total only for a student who sat every subject: a missed paper is not a zero.
        var totals = new double[file.Students.Count];
        var sat = new int[file.Students.Count];
        foreach (var row in file.Rows)
        {
            if (row.Score is { } score)
            {
                totals[row.Student] += score;
                sat[row.Student]++;
            }
        }
        var list = new List<NewCandidate>(file.Students.Count);
        for (var i = 0; i < file.Students.Count; i++)
        {
            var s = found[file.Students[i]];
            list.Add(new NewCandidate(s.StudentId, s.StudentNumber, s.SchoolId, s.ClassId, s.ClassName, s.GradeCode, s.Migrant, s.FinancialHardship,
                s.Disability, sat[i] == file.Subjects.Count ? Math.Round(totals[i], 2) : null));
        }
        return list;
    }

    private static int CountAbsent(List<ScoreRow> rows)
    {
        var absent = 0;
        foreach (var row in rows)
        {
            absent += row.Score is null ? 1 : 0;
        }
        return absent;
    }

    private static ScoreImportReport Report(ScoreImportRequest request, ScoreSheet sheet, string code) => new(
        sheet.ProblemCount == 0, request.DryRun, request.FileName, code.Length > 0 ? code : null, sheet.Rows.Count, sheet.Students.Count,
        sheet.Subjects.Count, CountAbsent(sheet.Rows), sheet.ProblemCount, sheet.Problems);
}
