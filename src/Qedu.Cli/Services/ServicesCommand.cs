using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.StudentServices;

namespace Qedu.Cli.Services;

/// <summary>
/// <c>qedu services remind [--json]</c>: the status changes (学籍异动) each unit must act on now, due within one working
/// day or overdue on the promised or the legal limit. For a daily job that messages the units; the same list their queue
/// page shows first.
/// </summary>
internal static class ServicesCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create() => new("services", "Student services (学籍异动)") { Remind() };

    private static Command Remind()
    {
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a list per unit" };
        var db = DbOption.Create();
        var command = new Command("remind", "List the status changes due within a working day or overdue, per unit") { json, db };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "services-remind");
            await using var scope = services.CreateAsyncScope();
            var reminders = await scope.ServiceProvider.GetRequiredService<StudentServicesOperations>().RemindersAsync(ct);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(reminders, Json));
                return ExitCodes.Done;
            }
            foreach (var unit in reminders.GroupBy(r => (r.UnitCode, r.Unit)))
            {
                await output.WriteLineAsync($"{unit.Key.Unit} {unit.Key.UnitCode}");
                foreach (var r in unit)
                {
                    var state = r.Overdue ? "逾期 / overdue" : "即将到期 / due soon";
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {r.Number} [{r.Kind}] {state}: 承诺 / promised {r.PromisedDue:yyyy-MM-dd} ({r.PromisedLeft}), 法定 / legal {r.LegalDue:yyyy-MM-dd} ({r.LegalLeft}){(r.Provisional ? " *" : "")}"));
                }
            }
            await output.WriteLineAsync($"{reminders.Count} 项提醒 / reminders, {reminders.Select(r => r.UnitCode).Distinct().Count()} 个单位 / units");
            return ExitCodes.Done;
        });
        return command;
    }
}
