using Microsoft.EntityFrameworkCore;
using Qedu.Exams.Analysis;
using Qedu.Exams.Data;
using Qedu.Exams.Import;
using Qedu.Kernel.Web;

namespace Qedu.Exams;

/// <summary>The exams' work for the command line (<c>qedu exams …</c>): the same use cases as the API and the pages.</summary>
public sealed class ExamsOperations
{
    private readonly ScoreImport _import;
    private readonly ExamAnalyser _analyser;
    private readonly ValueAddedRunner _valueAdded;
    private readonly ExamsDb _db;

    internal ExamsOperations(ScoreImport import, ExamAnalyser analyser, ValueAddedRunner valueAdded, ExamsDb db) =>
        (_import, _analyser, _valueAdded, _db) = (import, analyser, valueAdded, db);

    public Task<ScoreImportReport> ImportAsync(ScoreImportRequest request, CancellationToken ct) => _import.ImportAsync(request, ct);

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
