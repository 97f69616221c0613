using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Qedu.Exams.Resources;
using Qedu.Kernel.Files;

namespace Qedu.Exams.Import;

/// <summary>
/// A score file sent over HTTP (the API or the page): kept in the private work directory while it is checked and
/// imported, then deleted; a missing file, an unknown format or one over <see cref="MaxBytes"/> refused by name.
/// </summary>
internal sealed class ScoreUpload(ScoreImport import, ItemImport items, WorkFiles work, IStringLocalizer<ExamsText> t)
{
    /// <summary>A city's exam (150,000 students × 9 subjects) is about 30 MB of CSV.</summary>
    public const long MaxBytes = 128L * 1024 * 1024;

    public async Task<ScoreImportReport> ImportAsync(string? code, string? name, DateOnly? date, IFormFile? file, bool dryRun, CancellationToken ct)
    {
        var fileName = Path.GetFileName(file?.FileName ?? "");
        if (file is null || file.Length == 0)
        {
            return Refused(fileName, code, t["File.Missing"]);
        }
        if (!TableFormats.TryFromFileName(fileName, out var format))
        {
            return Refused(fileName, code, t["File.UnknownFormat", Path.GetExtension(fileName)]);
        }
        if (file.Length > MaxBytes)
        {
            return Refused(fileName, code, t["File.TooLarge", fileName, FileSize.Describe(file.Length), FileSize.Describe(MaxBytes)]);
        }
        var path = work.NewPath(TableFormats.Extension(format));
        try
        {
            await using (var target = WorkFiles.Create(path))
            {
                await file.CopyToAsync(target, ct);
            }
            return await import.ImportAsync(new ScoreImportRequest(code, name, date, fileName, path, format, dryRun), ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>An item file (学籍号,科目,题号,得分,满分) for an exam already imported, checked and analysed as <see cref="ItemImport"/> does.</summary>
    public async Task<ItemImportReport> ImportItemsAsync(string code, IFormFile? file, bool dryRun, CancellationToken ct)
    {
        var fileName = Path.GetFileName(file?.FileName ?? "");
        string? refusal = file is null || file.Length == 0 ? t["Items.FileMissing"].Value
            : !TableFormats.TryFromFileName(fileName, out _) ? t["File.UnknownFormat", Path.GetExtension(fileName)].Value
            : file.Length > MaxBytes ? t["File.TooLarge", fileName, FileSize.Describe(file.Length), FileSize.Describe(MaxBytes)].Value
            : null;
        if (refusal is not null)
        {
            return new ItemImportReport(false, dryRun, fileName, code, 0, 0, 1, [new ScoreProblem(0, "file", null, refusal)]);
        }
        TableFormats.TryFromFileName(fileName, out var format);
        var path = work.NewPath(TableFormats.Extension(format));
        try
        {
            await using (var target = WorkFiles.Create(path))
            {
                await file!.CopyToAsync(target, ct);
            }
            return await items.ImportAsync(new ItemImportRequest(code, fileName, path, format, dryRun), ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ScoreImportReport Refused(string fileName, string? code, string message) =>
        new(false, false, fileName, code, 0, 0, 0, 0, 1, [new ScoreProblem(0, "file", null, message)]);
}
