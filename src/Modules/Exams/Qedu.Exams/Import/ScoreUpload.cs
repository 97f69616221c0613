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

    public Task<ScoreImportReport> ImportAsync(string? code, string? name, DateOnly? date, IFormFile? file, bool dryRun, CancellationToken ct) =>
        WithFileAsync(file, t["File.Missing"],
            (fileName, path, format) => import.ImportAsync(new ScoreImportRequest(code, name, date, fileName, path, format, dryRun), ct),
            (fileName, message) => new ScoreImportReport(false, false, fileName, code, 0, 0, 0, 0, 1, [new ScoreProblem(0, "file", null, message)]), ct);

    /// <summary>An item file (学籍号,科目,题号,得分,满分) for an exam already imported, checked and analysed as <see cref="ItemImport"/> does.</summary>
    public Task<ItemImportReport> ImportItemsAsync(string code, IFormFile? file, bool dryRun, CancellationToken ct) =>
        WithFileAsync(file, t["Items.FileMissing"],
            (fileName, path, format) => items.ImportAsync(new ItemImportRequest(code, fileName, path, format, dryRun), ct),
            (fileName, message) => new ItemImportReport(false, dryRun, fileName, code, 0, 0, 1, [new ScoreProblem(0, "file", null, message)]), ct);

    /// <summary>Refuses a missing, unknown or too large file by name; otherwise hands <paramref name="use"/> a private copy, deleted after.</summary>
    private async Task<T> WithFileAsync<T>(IFormFile? file, string missing, Func<string, string, TableFormat, Task<T>> use, Func<string, string, T> refuse,
        CancellationToken ct)
    {
        var fileName = Path.GetFileName(file?.FileName ?? "");
        if (file is null || file.Length == 0)
        {
            return refuse(fileName, missing);
        }
        if (!TableFormats.TryFromFileName(fileName, out var format))
        {
            return refuse(fileName, t["File.UnknownFormat", Path.GetExtension(fileName)]);
        }
        if (file.Length > MaxBytes)
        {
            return refuse(fileName, t["File.TooLarge", fileName, FileSize.Describe(file.Length), FileSize.Describe(MaxBytes)]);
        }
        var path = work.NewPath(TableFormats.Extension(format));
        try
        {
            await using (var target = WorkFiles.Create(path))
            {
                await file.CopyToAsync(target, ct);
            }
            return await use(fileName, path, format);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
