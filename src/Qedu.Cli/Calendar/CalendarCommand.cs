using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.Kernel.Calendar;

namespace Qedu.Cli.Calendar;

/// <summary>
/// <c>qedu calendar import --file F [--dry-run]</c>: loads a year's holiday notice (放假 and 调休上班 days) from a file,
/// e.g. when the State Council publishes the next year's; <c>qedu calendar show [--year Y]</c> prints the calendar as
/// loaded. The file format is in docs/working-days.md. A refused file exits 2 naming each row and column, writing nothing.
/// </summary>
internal static class CalendarCommand
{
    public static Command Create() => new("calendar", "The working-day calendar (holidays and adjusted working days) time limits are counted in") { Import(), Show() };

    private static Command Import()
    {
        var file = new Option<FileInfo>("--file") { Description = "The calendar file (.csv in UTF-8 or GB18030, or .xlsx): 日期,类别,节日,依据", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what it would load; write nothing" };
        var language = LanguageOption.Create();
        var db = DbOption.Create();
        var command = new Command("import", "Load the years a file lists, replacing those years whole") { file, dryRun, language, db };
        command.SetAction(async (parse, ct) =>
        {
            LanguageOption.Use(parse.GetValue(language));
            var path = parse.GetValue(file)!;
            var error = parse.InvocationConfiguration.Error;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"qedu: --file: {path.FullName} does not exist");
                return ExitCodes.BadInput;
            }
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "calendar-import");
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CalendarImport>()
                .ImportAsync(path.FullName, path.Name, parse.GetValue(dryRun), ct);
            if (result.FileProblem is not null)
            {
                await error.WriteLineAsync(result.FileProblem);
                return ExitCodes.BadInput;
            }
            foreach (var e in result.Errors)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path.Name}, row {e.Row}, {e.Column}: {e.Message}"));
            }
            if (!result.Ok)
            {
                await error.WriteLineAsync($"{result.Errors.Count} error(s); nothing was written.");
                return ExitCodes.BadInput;
            }
            var years = string.Join(", ", result.Years.Select(y => $"{y.Year} ({y.Source})"));
            await parse.InvocationConfiguration.Output.WriteLineAsync(parse.GetValue(dryRun)
                ? $"dry run, nothing written: {result.Days} days of {years}"
                : $"loaded {result.Days} days of {years}");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Show()
    {
        var year = new Option<int?>("--year") { Description = "Only this year" };
        var db = DbOption.Create();
        var command = new Command("show", "Print the years loaded, their sources, and each listed day") { year, db };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "calendar-show");
            var listing = await services.GetRequiredService<CalendarListing>().ListAsync(parse.GetValue(year), ct);
            var output = parse.InvocationConfiguration.Output;
            foreach (var y in listing.Years)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{y.Year}: {y.Source} [{y.Origin}, loaded {y.LoadedAt:yyyy-MM-dd HH:mm}Z]"));
            }
            foreach (var d in listing.Days)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{d.Date:yyyy-MM-dd} {d.Date.DayOfWeek,-9} {(d.Working ? "上班" : "放假")} {d.Holiday}"));
            }
            if (listing.Years.Count == 0)
            {
                await output.WriteLineAsync("No year loaded: time limits count Monday to Friday only.");
            }
            return ExitCodes.Done;
        });
        return command;
    }
}
