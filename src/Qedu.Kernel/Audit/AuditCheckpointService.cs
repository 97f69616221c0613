using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Audit;

/// <summary>
/// The web host's anchoring: a signed checkpoint of the audit chain's head at start and then every
/// <see cref="AuditOptions.CheckpointInterval"/> (at most an hour), on the host's <see cref="TimeProvider"/>. Each is
/// also logged (category <c>Qedu.Audit.Checkpoints</c>), so a host whose logs go to syslog or journald has a second
/// copy outside the database. A failed checkpoint is logged as an error and tried again at the next tick.
/// </summary>
public sealed class AuditCheckpointService(IServiceScopeFactory scopes, AuditOptions options, TimeProvider clock, ILoggerFactory loggers)
    : BackgroundService
{
    private readonly ILogger _log = loggers.CreateLogger("Qedu.Audit.Checkpoints");

    /// <summary>The web host's audit settings (section <c>Audit</c>), refused at start when they break the rules.</summary>
    public static AuditOptions FromConfiguration(IConfiguration configuration, string keyDirectory) => new AuditOptions
    {
        CheckpointDirectory = configuration["Audit:CheckpointDirectory"] is { Length: > 0 } directory
            ? directory
            : AuditOptions.DefaultCheckpointDirectory(keyDirectory),
        CheckpointInterval = TimeSpan.FromMinutes(configuration.GetValue("Audit:CheckpointMinutes", 60.0)),
        RetentionMonths = configuration.GetValue("Audit:RetentionMonths", AuditOptions.DefaultRetentionMonths),
    }.Validated();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WriteAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.CheckpointInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("audit-checkpoint"));
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            var checkpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();
            var written = await checkpoints.WriteAsync(db, ct: ct);
            var heads = await db.AuditChainHead.AsNoTracking().ToListAsync(ct);
            foreach (var head in heads)
            {
                if (written.Of(head.Id) is { } mark && (head.ArchivedThrough != mark.ArchivedThrough || head.ArchivedHash != mark.ArchivedHash))
                {
                    _log.LogError("The audit chain {Chain} head says lines up to {DatabaseBoundary} were archived; the checkpoints say {CheckpointBoundary}. Run 'qedu audit verify'.",
                        head.Id, head.ArchivedThrough, mark.ArchivedThrough);
                }
            }
            _log.LogInformation("audit checkpoint lines={Lines} {Checkpoint}", written.Lines, AuditCheckpoints.ToJson(written));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _log.LogError(e, "The audit checkpoint could not be written to {Directory}", options.CheckpointDirectory);
        }
    }
}
