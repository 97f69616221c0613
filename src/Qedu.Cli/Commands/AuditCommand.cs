using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.OrgUnits;
using Qedu.Cli.Hosting;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Persistence;

namespace Qedu.Cli.Commands;

/// <summary>
/// <c>qedu audit verify</c> recomputes the audit log's keyed hash chain and checks it against every signed checkpoint
/// (exit code 1 names what does not fit); <c>qedu audit checkpoint</c> anchors the head outside the database;
/// <c>qedu audit archive</c> moves lines older than the retention period into a file that verifies on its own.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check the audit log's hash chain from the archive boundary to the head, and against every checkpoint");
        var verifyDb = DbOption.Create();
        var verifyCheckpoints = CheckpointsOption();
        var archives = new Option<string[]>("--archive")
        {
            Description = "Also check archive files written by 'qedu audit archive' (each on its own and against the checkpoints)",
            AllowMultipleArgumentsPerToken = true,
        };
        verify.Options.Add(verifyDb);
        verify.Options.Add(verifyCheckpoints);
        verify.Options.Add(archives);
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = Build(parse.GetValue(verifyDb), parse.GetValue(verifyCheckpoints), null, "audit-verify");
            await using var scope = services.CreateAsyncScope();
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var failed = false;
            var keys = scope.ServiceProvider.GetRequiredService<AuditKeys>();
            var anchors = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().Read()
                .Where(l => l.Checkpoint is not null && l.Problem is null).Select(l => l.Checkpoint!).ToList();
            foreach (var file in parse.GetValue(archives) ?? [])
            {
                var check = AuditArchiver.Check(file, keys, anchors);
                if (check.IsIntact)
                {
                    await output.WriteLineAsync(Invariant($"Archive {file} intact: {check.Lines} lines of {check.Chains} chain(s), chains and signature verified."));
                }
                else
                {
                    await error.WriteLineAsync($"Archive {file} BROKEN: {check.Problem}.");
                    failed = true;
                }
            }
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
            if (!result.IsIntact)
            {
                await error.WriteLineAsync(
                    Invariant($"Audit log BROKEN: {result.Problem} ({result.Entries} entries verified before it)."));
                return ExitCodes.CheckFailed;
            }
            var anchored = result.LastCheckpoint is { } last
                ? Invariant($"checked against {result.Checkpoints} checkpoint(s) outside the database (the last at {last.At:yyyy-MM-dd HH:mm:ss}Z, {last.Lines} lines)")
                : "no checkpoints yet (the web host writes one hourly; 'qedu audit checkpoint' writes one now)";
            var archived = result.Archived > 0 ? Invariant($"; {result.Archived} older lines archived") : "";
            await output.WriteLineAsync(Invariant($"Audit log intact: {result.Entries} entries in {result.Chains} chains, verified; {anchored}{archived}."));
            return failed ? ExitCodes.CheckFailed : ExitCodes.Done;
        });

        var checkpoint = new Command("checkpoint", "Anchor the audit log's head now: append a signed checkpoint outside the database");
        var checkpointDb = DbOption.Create();
        var checkpointDirectory = CheckpointsOption();
        checkpoint.Options.Add(checkpointDb);
        checkpoint.Options.Add(checkpointDirectory);
        checkpoint.SetAction(async (parse, ct) =>
        {
            await using var services = Build(parse.GetValue(checkpointDb), parse.GetValue(checkpointDirectory), null, "audit-checkpoint");
            await using var scope = services.CreateAsyncScope();
            var checkpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();
            var written = await checkpoints.WriteAsync(scope.ServiceProvider, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                Invariant($"Checkpoint written to {checkpoints.FilePath}: {written.Chains.Count} chains, {written.Lines} lines."));
            return ExitCodes.Done;
        });

        var archive = new Command("archive", "Move audit lines older than the retention period into a file, then remove them from the database");
        var archiveDb = DbOption.Create();
        var archiveCheckpoints = CheckpointsOption();
        var before = new Option<string>("--before") { Description = "Archive the lines written before this day (YYYY-MM-DD, China Standard Time)", Required = true };
        var output = new Option<string>("--out") { Description = "The archive file to write (JSON lines, UTF-8); never overwritten", Required = true };
        var retention = new Option<int?>("--retention-months")
        {
            Description = $"How long lines stay in the database (default: QEDU_AUDIT_RETENTION_MONTHS, else {AuditOptions.DefaultRetentionMonths}; at least {AuditOptions.MinimumRetentionMonths})",
        };
        archive.Options.Add(archiveDb);
        archive.Options.Add(archiveCheckpoints);
        archive.Options.Add(before);
        archive.Options.Add(output);
        archive.Options.Add(retention);
        archive.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!DateOnly.TryParseExact(parse.GetValue(before), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                await error.WriteLineAsync($"--before {parse.GetValue(before)}: a day as YYYY-MM-DD.");
                return ExitCodes.BadInput;
            }
            var months = parse.GetValue(retention)
                ?? (int.TryParse(Environment.GetEnvironmentVariable("QEDU_AUDIT_RETENTION_MONTHS"), CultureInfo.InvariantCulture, out var m)
                    ? m
                    : AuditOptions.DefaultRetentionMonths);
            try
            {
                await using var services = Build(parse.GetValue(archiveDb), parse.GetValue(archiveCheckpoints), months, "audit-archive");
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<AuditArchiver>().ArchiveAsync(day, Path.GetFullPath(parse.GetValue(output)!), ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(result.Lines == 0
                    ? Invariant($"Nothing to archive: no line before {day:yyyy-MM-dd} is left in the database.")
                    : Invariant($"Archived {result.Lines} lines of {result.Chains} chain(s) to {result.File} and removed them from the database; a checkpoint records the boundaries."));
                return ExitCodes.Done;
            }
            catch (Exception e) when (e is AuditArchiveRefusedException or InvalidOperationException)
            {
                await error.WriteLineAsync($"Refused: {e.Message}");
                return ExitCodes.CheckFailed;
            }
        });

        return new Command("audit", "Audit log") { verify, checkpoint, archive };
    }

    private static Option<string?> CheckpointsOption() => new("--checkpoints")
    {
        Description = "The checkpoint directory (default: QEDU_AUDIT_CHECKPOINTS, then 'audit' beside the key directory, where the web host writes by default)",
    };

    private static ServiceProvider Build(string? db, string? checkpointDirectory, int? retentionMonths, string command)
    {
        var settings = CliServices.Resolve(db);
        var options = new AuditOptions
        {
            CheckpointDirectory = checkpointDirectory
                ?? (Environment.GetEnvironmentVariable("QEDU_AUDIT_CHECKPOINTS") is { Length: > 0 } env
                    ? env
                    : AuditOptions.DefaultCheckpointDirectory(CliServices.KeyDirectory(settings))),
            RetentionMonths = retentionMonths ?? AuditOptions.DefaultRetentionMonths,
        }.Validated();
        return CliServices.Build(settings, command, configure: s => s.AddSingleton(options));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
