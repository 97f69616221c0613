using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.StudentServices;

namespace Qedu.Cli.Services;

/// <summary>
/// <c>qedu services remind [--json]</c>: what each unit must act on now, due within one working day or overdue: status
/// changes (学籍异动) on their promised or legal limit, poor ratings to answer (差评), dropout cases to follow up
/// (控辍保学). For a daily job that messages the units; the same lists their pages show first.
/// </summary>
internal static class ServicesCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create() => new("services", "Student services (学籍异动)") { Remind() };

    private static Command Remind()
    {
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a list per unit" };
        var db = DbOption.Create();
        var command = new Command("remind", "List the status changes, poor ratings and dropout follow-ups due within a working day or overdue, per unit") { json, db };
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
                    await output.WriteLineAsync(r.Subject switch
                    {
                        "statusChange" => string.Create(CultureInfo.InvariantCulture,
                            $"  {r.Number} [{r.Kind}] {state}: 承诺 / promised {r.Due:yyyy-MM-dd} ({r.Left}), 法定 / legal {r.LegalDue:yyyy-MM-dd} ({r.LegalLeft}){(r.Provisional ? " *" : "")}"),
                        "poorRating" => string.Create(CultureInfo.InvariantCulture, $"  {r.Number} 差评回复 / poor rating ({r.Kind}★) {state}: {r.Due:yyyy-MM-dd} ({r.Left})"),
                        _ => string.Create(CultureInfo.InvariantCulture, $"  {r.Number} 控辍保学跟进 / dropout follow-up [{r.Kind}] {state}: {r.Due:yyyy-MM-dd} ({r.Left})"),
                    });
                }
            }
            await output.WriteLineAsync($"{reminders.Count} 项提醒 / reminders, {reminders.Select(r => r.UnitCode).Distinct().Count()} 个单位 / units");
            return ExitCodes.Done;
        });
        return command;
    }
}
