using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Qedu.Exams.Analysis;
using Qedu.Exams.Data;
using Qedu.Exams.Import;
using Qedu.Kernel.Files;
using Qedu.Kernel.Web;

namespace Qedu.Exams;

/// <summary>The exams' work for the command line (<c>qedu exams …</c>): the same use cases as the API and the pages.</summary>
public sealed class ExamsOperations
{
    private readonly ScoreImport _import;
    private readonly ExamAnalyser _analyser;
    private readonly ValueAddedRunner _valueAdded;
    private readonly ExamsDb _db;
    private readonly ItemImport _items;

    internal ExamsOperations(ScoreImport import, ExamAnalyser analyser, ValueAddedRunner valueAdded, ExamsDb db, ItemImport items) =>
        (_import, _analyser, _valueAdded, _db, _items) = (import, analyser, valueAdded, db, items);

    public Task<ScoreImportReport> ImportAsync(ScoreImportRequest request, CancellationToken ct) => _import.ImportAsync(request, ct);

    /// <summary>Imports an item file (学籍号,科目,题号,得分,满分) for an exam already imported.</summary>
    public Task<ItemImportReport> ImportItemsAsync(string code, string fileName, string path, TableFormat format, bool dryRun, CancellationToken ct) =>
        _items.ImportAsync(new ItemImportRequest(code, fileName, path, format, dryRun), ct);

    /// <summary>Recomputes every figure of the exam; null when there is no such exam.</summary>
    public async Task<AnalysisReport?> AnalyseAsync(string code, CancellationToken ct)
    {
        // Tracked: the analyser finds it by its key without a second query.
        var exam = await _db.Exams.SingleOrDefaultAsync(e => e.Code == code, ct);
        if (exam is null)
        {
            return null;
        }
        var started = Stopwatch.GetTimestamp();
        var figures = await _analyser.AnalyseAsync(exam.Id, ct);
        return new AnalysisReport(figures, Stopwatch.GetElapsedTime(started));
    }

    public Task<Outcome<ValueAddedReport>> ValueAddedAsync(ValueAddedRequest request, CancellationToken ct) => _valueAdded.RunAsync(request, ct);
}

/// <summary>What an analysis wrote, and how long it took from reading the scores to the commit.</summary>
public sealed record AnalysisReport(int Figures, TimeSpan Elapsed);
