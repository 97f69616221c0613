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

    /// <summary>Recomputes every figure of the exam; false when there is no such exam.</summary>
    public async Task<bool> AnalyseAsync(string code, CancellationToken ct)
    {
        var id = await _db.Exams.Where(e => e.Code == code).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return false;
        }
        await _analyser.AnalyseAsync(id.Value, ct);
        return true;
    }

    public Task<Outcome<ValueAddedReport>> ValueAddedAsync(ValueAddedRequest request, CancellationToken ct) => _valueAdded.RunAsync(request, ct);
}
