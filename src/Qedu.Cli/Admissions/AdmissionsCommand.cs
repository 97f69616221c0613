using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.Kernel.Web;

namespace Qedu.Cli.Admissions;

/// <summary>
/// <c>qedu admissions retention</c>: deletes the proof files and the unsuccessful applications of seasons closed longer
/// ago than their retention (docs/admissions.md). Safe to run daily from cron; a run with nothing to delete changes nothing.
/// <c>qedu admissions enrol --season CODE [--from yyyy-MM-dd]</c>: makes a published season's accepted children registry
/// students (once; a second run enrols nobody twice).
/// </summary>
internal static class AdmissionsCommand
{
    public static Command Create() => new("admissions", "Online admissions (招生入学)") { Retention(), Enrol() };

    private static Command Retention()
    {
        var db = DbOption.Create();
        var command = new Command("retention", "Delete proof files and unsuccessful applications of seasons past their retention") { db };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "admissions-retention");
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AdmissionsOperations>().ApplyRetentionAsync(ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Retention: {result.Applications} applications and {result.Materials} proof files deleted from {result.Seasons} seasons; {result.IdempotencyKeys} submission keys older than 48 hours forgotten.");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Enrol()
    {
        var db = DbOption.Create();
        var season = new Option<string>("--season") { Description = "The season's code, e.g. 2026-370202-P1", Required = true };
        var from = new Option<string?>("--from") { Description = "The enrolment date (yyyy-MM-dd); 1 September of the season's year by default" };
        var command = new Command("enrol", "Make a published season's accepted children registry students (转入学籍)") { db, season, from };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            DateOnly? date = null;
            if (parse.GetValue(from) is { Length: > 0 } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"--from: '{text}' is not a date written yyyy-MM-dd.");
                    return ExitCodes.BadInput;
                }
                date = parsed;
            }
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "admissions-enrol");
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<AdmissionsOperations>().EnrolAcceptedAsync(parse.GetValue(season)!, date, ct);
            if (!outcome.IsOk)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--season: {outcome.Message}");
                return outcome.Kind == OutcomeKind.NotFound ? ExitCodes.BadInput : ExitCodes.Failed;
            }
            await output.WriteLineAsync(
                $"Intake: {outcome.Value!.Enrolled} children enrolled; {outcome.Value.AlreadyInRegistry} already in the registry (not created again).");
            return ExitCodes.Done;
        });
        return command;
    }
}
