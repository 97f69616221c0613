using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Qedu.Kernel.Access;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Import;
using Qedu.Registry.Records;

namespace Qedu.Registry.Features.Import;

/// <summary>
/// Runs uploaded imports in the background so the page can show a progress bar: the request that uploads the file gets
/// a job id at once, and the page polls the job. Each job runs in a scope of its own acting as the uploader (same scope
/// rules, same audit name) and in the uploader's language, on the node that took the upload (the file is on its disk).
/// Where it is lives in the database (<see cref="ImportJobRow"/>): the node writes its progress every second, so a poll
/// answered by another node behind the load balancer sees it, and a job whose node went away shows as stopped once it
/// has not been heard of for <see cref="LostAfter"/>. An import is all or nothing, so nothing is left half-done. Rows go
/// an hour after the start; when a job ends, a line of <see cref="ImportHistoryEntry"/> keeps its outcome (the home
/// page's recent imports reach back a week).
/// </summary>
internal sealed class ImportJobs(IServiceScopeFactory scopes, FieldEncryption encryption, TimeProvider clock, ILogger<ImportJobs> log)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    /// <summary>How often the running node writes progress (and, unchanged, at least every <see cref="Heartbeat"/>).</summary>
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>A running job not heard of for this long was lost with its node (a restart, a crash).</summary>
    public static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(2);

    private static readonly JsonSerializerOptions ReportJson = JsonSerializerOptions.Web;

    /// <summary>
    /// Starts importing <paramref name="source"/> (its file is the job's now, and deleted when it ends): the job's row is
    /// written (through the uploading request's <paramref name="db"/>) before this returns, so any node finds it.
    /// </summary>
    public async Task<ImportJobRow> StartAsync(RegistryDb db, ImportSource source, bool dryRun, AccessContext who, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var row = new ImportJobRow
        {
            Id = Guid.NewGuid(), OwnerKey = Owner(who), Kind = RecordKinds.Name(source.Kind), FileName = Cut(source.FileName, 300),
            StartedAt = now, UpdatedAt = now, Phase = Phase(ImportPhase.Validate),
        };
        // Past the hour a job's report (children's data) goes: here, and daily by `qedu registry retention` when no
        // import follows.
        await PurgeAsync(db, ct);
        db.ImportJobs.Add(row);
        await db.SaveChangesAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        // The job outlives the request that started it.
        _ = Task.Run(() => RunAsync(row, source, dryRun, who, culture), CancellationToken.None);
        return row;
    }

    private async Task RunAsync(ImportJobRow row, ImportSource source, bool dryRun, AccessContext who, CultureInfo culture)
    {
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        var progress = new LatestProgress();
        using var stop = new CancellationTokenSource();
        var flushing = FlushAsync(row.Id, progress, who, stop.Token);
        ImportReport? report = null;
        string? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(who);
            var importer = scope.ServiceProvider.GetRequiredService<RegistryImporter>();
            report = await importer.ImportAsync([source], dryRun, progress, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogError(e, "Import job {Job} of {File} failed", row.Id, row.FileName);
            failure = Cut(e.Message, 2000);
        }
        finally
        {
            File.Delete(source.Path);
        }
        await stop.CancelAsync();
        await flushing;
        // Done only once the uploaded file (children's data) is gone; the history line and the end in one write.
        await FinishAsync(row, who, dryRun, report, failure);
    }

    /// <summary>Writes the importer's latest progress while it runs; a failed write is tried again at the next tick.</summary>
    private async Task FlushAsync(Guid id, LatestProgress progress, AccessContext who, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(FlushEvery, clock);
        ImportProgress? written = null;
        var writtenAt = clock.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var latest = progress.Latest;
                var now = clock.GetUtcNow();
                if (latest == written && now - writtenAt < Heartbeat)
                {
                    continue;
                }
                try
                {
                    await InScopeAsync(who, db => db.ImportJobs.Where(j => j.Id == id && !j.Done).ExecuteUpdateAsync(u => u
                        .SetProperty(j => j.UpdatedAt, now)
                        .SetProperty(j => j.Phase, Phase(latest?.Phase ?? ImportPhase.Validate))
                        .SetProperty(j => j.Rows, latest == null ? 0 : latest.Rows)
                        .SetProperty(j => j.TotalRows, latest == null ? null : latest.TotalRows)
                        .SetProperty(j => j.Fraction, latest == null ? 0 : latest.Fraction), CancellationToken.None));
                    (written, writtenAt) = (latest, now);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Import job {Job}: progress not written", id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The import ended.
        }
    }

    /// <summary>Ends the job and writes its line of history; a failure to do so is logged, never the import's failure.</summary>
    private async Task FinishAsync(ImportJobRow row, AccessContext who, bool dryRun, ImportReport? report, string? failure)
    {
        try
        {
            await InScopeAsync(who, async db =>
            {
                var now = clock.GetUtcNow();
                var written = report is { Ok: true, DryRun: false };
                db.ImportHistory.Add(new ImportHistoryEntry
                {
                    Id = row.Id,
                    OwnerKey = row.OwnerKey,
                    OwnerName = Cut(who.ActorName, 200),
                    Kind = row.Kind,
                    FileName = row.FileName,
                    StartedAt = row.StartedAt,
                    FinishedAt = now,
                    Outcome = failure is not null || report is null ? ImportOutcomes.Failed
                        : !report.Ok ? ImportOutcomes.Refused
                        : dryRun ? ImportOutcomes.Checked
                        : ImportOutcomes.Written,
                    RowsWritten = written ? report!.Files.Sum(f => f.Rows) : 0,
                    DryRun = dryRun,
                });
                var job = await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == row.Id);
                if (job is not null)
                {
                    job.Done = true;
                    job.UpdatedAt = now;
                    job.Phase = Phase(ImportPhase.Done);
                    job.Fraction = 1;
                    job.Failure = failure;
                    job.Report = report is null ? null : encryption.Encrypt(JsonSerializer.Serialize(report, ReportJson));
                }
                await db.SaveChangesAsync();
            });
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Import job {Job}: its end and history line were not written", row.Id);
        }
    }

    /// <summary>The job, if it is the caller's and still kept: nobody else may watch an import or read its report.</summary>
    /// <summary>Deletes the jobs started more than <see cref="KeepFor"/> ago (their reports name children); how many.</summary>
    public Task<int> PurgeAsync(RegistryDb db, CancellationToken ct = default)
    {
        var expired = clock.GetUtcNow() - KeepFor;
        return db.ImportJobs.Where(j => j.StartedAt < expired).ExecuteDeleteAsync(ct);
    }

    public Task<ImportJobRow?> FindAsync(RegistryDb db, Guid id, AccessContext who, CancellationToken ct = default)
    {
        var owner = Owner(who);
        var kept = clock.GetUtcNow() - KeepFor;
        return db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.OwnerKey == owner && j.StartedAt >= kept, ct);
    }

    /// <summary>The caller's jobs still running (not lost), newest first.</summary>
    public async Task<IReadOnlyList<ImportJobRow>> RunningOfAsync(RegistryDb db, AccessContext who, CancellationToken ct = default)
    {
        var owner = Owner(who);
        var heard = clock.GetUtcNow() - LostAfter;
        return await db.ImportJobs.AsNoTracking()
            .Where(j => j.OwnerKey == owner && !j.Done && j.UpdatedAt >= heard).OrderByDescending(j => j.StartedAt).ToListAsync(ct);
    }

    /// <summary>The job as the API shows it, its report decrypted; a running job not heard of for a while as stopped.</summary>
    public ImportJobView View(ImportJobRow row, IStringLocalizer text)
    {
        var lost = !row.Done && clock.GetUtcNow() - row.UpdatedAt > LostAfter;
        var report = row.Report is null ? null : JsonSerializer.Deserialize<ImportReport>(encryption.Decrypt(row.Report), ReportJson);
        return new ImportJobView(row.Id, row.Kind, row.FileName, lost ? Phase(ImportPhase.Done) : row.Phase, row.Rows, row.TotalRows,
            row.Done || lost ? 1 : row.Fraction, row.Done || lost, report?.Ok, lost ? text["Import.JobLost"] : row.Failure, report);
    }

    /// <summary>The key of the caller as the owner of jobs and history lines.</summary>
    public static string Owner(AccessContext who) => $"{who.Kind}:{who.ActorId ?? who.ActorName}";

    private static string Phase(ImportPhase phase) => phase.ToString().ToLowerInvariant();

    private static string Cut(string? text, int length) => text is null ? "" : text.Length <= length ? text : text[..length];

    /// <summary>The background job's writes: a scope of their own, acting as the uploader, after the request has ended.</summary>
    private async Task InScopeAsync(AccessContext who, Func<RegistryDb, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(who);
        await work(scope.ServiceProvider.GetRequiredService<RegistryDb>());
    }

    /// <summary>Keeps the latest report only (the importer's thread writes it, the flushing loop reads it).</summary>
    private sealed class LatestProgress : IProgress<ImportProgress>
    {
        private ImportProgress? _latest;

        public ImportProgress? Latest => Volatile.Read(ref _latest);

        public void Report(ImportProgress value) => Volatile.Write(ref _latest, value);
    }
}

/// <summary>A job as the API shows it.</summary>
internal sealed record ImportJobView(
    Guid Id, string Kind, string FileName, string Phase, long Rows, long? TotalRows, double Fraction, bool Done, bool? Ok, string? Failure, ImportReport? Report);
