using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qedu.Kernel.Access;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Import;
using Qedu.Registry.Records;

namespace Qedu.Registry.Features.Import;

/// <summary>Where a background import is: its progress as the importer last reported it, and its report once done.</summary>
internal sealed class ImportJob(Guid id, string owner, string kind, string fileName)
{
    public Guid Id { get; } = id;
    public string Owner { get; } = owner;
    public string Kind { get; } = kind;
    public string FileName { get; } = fileName;
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public ImportProgress? Progress { get; set; }
    public ImportReport? Report { get; set; }

    /// <summary>Set when the import itself failed (not when the file was refused: that is a report).</summary>
    public string? Failure { get; set; }
    public bool Done => Report is not null || Failure is not null;
}

/// <summary>
/// Runs uploaded imports in the background so the page can show a progress bar: the request that uploads the file gets
/// a job id at once, and the page polls the job. Each job runs in a scope of its own acting as the uploader (same scope
/// rules, same audit name) and in the uploader's language. Jobs live in memory for an hour: a restart forgets them,
/// and an import is all or nothing, so nothing is left half-done. When a job ends, a line of
/// <see cref="ImportHistoryEntry"/> keeps its outcome (the home page's recent imports reach back a week).
/// </summary>
internal sealed class ImportJobs(IServiceScopeFactory scopes, ILogger<ImportJobs> log)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    /// <summary>Starts importing <paramref name="source"/> (its file is the job's now, and deleted when it ends).</summary>
    public ImportJob Start(ImportSource source, bool dryRun, AccessContext who)
    {
        foreach (var old in _jobs.Values.Where(j => j.StartedAt < DateTimeOffset.UtcNow - KeepFor))
        {
            _jobs.TryRemove(old.Id, out _);
        }
        var job = new ImportJob(Guid.NewGuid(), Owner(who), RecordKinds.Name(source.Kind), source.FileName);
        _jobs[job.Id] = job;
        var culture = CultureInfo.CurrentUICulture;
        _ = Task.Run(async () =>
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            ImportReport? report = null;
            string? failure = null;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(who);
                var importer = scope.ServiceProvider.GetRequiredService<RegistryImporter>();
                report = await importer.ImportAsync([source], dryRun, new Progress(job), CancellationToken.None);
            }
            catch (Exception e)
            {
                log.LogError(e, "Import job {Job} of {File} failed", job.Id, job.FileName);
                failure = e.Message;
            }
            finally
            {
                File.Delete(source.Path);
            }
            await RecordAsync(job, who, dryRun, report, failure);
            // Done only once the uploaded file (children's data) is gone and the history has the job.
            job.Failure = failure;
            job.Report = report;
        });
        return job;
    }

    /// <summary>Writes the ended job's line of history; a failure to do so is logged, never the import's failure.</summary>
    private async Task RecordAsync(ImportJob job, AccessContext who, bool dryRun, ImportReport? report, string? failure)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(who);
            var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
            var written = report is { Ok: true, DryRun: false };
            db.ImportHistory.Add(new ImportHistoryEntry
            {
                Id = job.Id,
                OwnerKey = job.Owner,
                OwnerName = Cut(who.ActorName, 200),
                Kind = job.Kind,
                FileName = Cut(job.FileName, 300),
                StartedAt = job.StartedAt,
                FinishedAt = DateTimeOffset.UtcNow,
                Outcome = failure is not null || report is null ? ImportOutcomes.Failed
                    : !report.Ok ? ImportOutcomes.Refused
                    : dryRun ? ImportOutcomes.Checked
                    : ImportOutcomes.Written,
                RowsWritten = written ? report!.Files.Sum(f => f.Rows) : 0,
                DryRun = dryRun,
            });
            await db.SaveChangesAsync();
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Import job {Job}: its history line was not written", job.Id);
        }
    }

    private static string Cut(string? text, int length) => text is null ? "" : text.Length <= length ? text : text[..length];

    /// <summary>The job, if it is the caller's: nobody else may watch an import or read its report.</summary>
    public ImportJob? Find(Guid id, AccessContext who) =>
        _jobs.TryGetValue(id, out var job) && job.Owner == Owner(who) ? job : null;

    /// <summary>The caller's jobs still kept (the last hour's), newest first.</summary>
    public IReadOnlyList<ImportJob> RecentOf(AccessContext who) =>
        [.. _jobs.Values.Where(j => j.Owner == Owner(who) && j.StartedAt >= DateTimeOffset.UtcNow - KeepFor).OrderByDescending(j => j.StartedAt)];

    /// <summary>The key of the caller as the owner of jobs and history lines.</summary>
    public static string Owner(AccessContext who) => $"{who.Kind}:{who.ActorId ?? who.ActorName}";

    /// <summary>Keeps the latest report only (reported synchronously: the importer's thread writes, the page's poll reads).</summary>
    private sealed class Progress(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => job.Progress = value;
    }
}

/// <summary>A job as the API shows it.</summary>
internal sealed record ImportJobView(
    Guid Id, string Kind, string FileName, string Phase, long Rows, long? TotalRows, double Fraction, bool Done, bool? Ok, string? Failure, ImportReport? Report)
{
    public static ImportJobView Of(ImportJob job) => new(
        job.Id, job.Kind, job.FileName, (job.Progress?.Phase ?? ImportPhase.Validate).ToString().ToLowerInvariant(), job.Progress?.Rows ?? 0,
        job.Progress?.TotalRows, job.Done ? 1 : job.Progress?.Fraction ?? 0, job.Done, job.Report?.Ok, job.Failure, job.Report);
}
