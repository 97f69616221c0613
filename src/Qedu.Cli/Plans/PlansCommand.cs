using System.CommandLine;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.PlanDocuments;
using Qedu.Plans;

namespace Qedu.Cli.Plans;

/// <summary>
/// <c>qedu plans import --file DOC.txt [--out plan.json]</c>: a plan document (text in UTF-8 or GB18030, or .docx) to
/// the import JSON contract. No database. Exit 2 for a file that cannot be read or is not a plan, 3 when the output
/// cannot be written.
/// </summary>
internal static class PlansCommand
{
    /// <summary>The contract's JSON style, with kinds written by name.</summary>
    private static readonly JsonSerializerOptions ReminderJson = new(PlanJson.Options) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    internal static Command Create()
    {
        var file = new Option<string>("--file")
        {
            Description = "Plan document: .txt (UTF-8 or GB18030) or .docx",
            Required = true,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Write the JSON here instead of standard output",
        };
        var import = new Command("import", "Import a plan document into sections, tasks, units, deadlines, milestones and targets (JSON)")
        {
            file, output,
        };
        import.SetAction(parse => Import(
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            parse.GetRequiredValue(file),
            parse.GetValue(output)));
        return new Command("plans", "Policy plans") { import, Remind() };
    }

    /// <summary>
    /// <c>qedu plans remind [--days N] [--json]</c>: what every unit has due within N days or overdue, across the published
    /// plans: task deadlines, milestones, notices awaiting a reply, rectifications. For a daily job that mails or messages
    /// the units; the same list the units see on their "my tasks" page.
    /// </summary>
    private static Command Remind()
    {
        var days = new Option<int>("--days") { Description = "Due within this many days (overdue items always count)", DefaultValueFactory = _ => PlansOperations.DefaultReminderDays };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table per unit" };
        var db = DbOption.Create();
        var command = new Command("remind", "List what each unit has due soon or overdue in the published plans") { days, json, db };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var window = parse.GetValue(days);
            if (window is < 0 or > 366)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("qedu plans remind: --days 必须在 0 到 366 之间 / must be between 0 and 366.");
                return ExitCodes.BadInput;
            }
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "plans-remind");
            await using var scope = services.CreateAsyncScope();
            var reminders = await scope.ServiceProvider.GetRequiredService<PlansOperations>().RemindersAsync(window, ct);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(reminders, ReminderJson));
                return ExitCodes.Done;
            }
            foreach (var unit in reminders.GroupBy(r => (r.UnitCode, r.Unit)).OrderBy(g => g.Key.UnitCode, StringComparer.Ordinal))
            {
                await output.WriteLineAsync($"{unit.Key.Unit} {unit.Key.UnitCode}");
                foreach (var r in unit.OrderBy(r => r.DueOn))
                {
                    var when = r.DaysLeft < 0 ? $"逾期 {-r.DaysLeft} 天 / {-r.DaysLeft} days overdue" : $"{r.DaysLeft} 天后到期 / due in {r.DaysLeft} days";
                    await output.WriteLineAsync($"  {r.DueOn:yyyy-MM-dd}  {when}  [{r.Kind}] {r.TaskNumber}. {r.TaskTitle}: {r.Text}");
                }
            }
            await output.WriteLineAsync($"{reminders.Count} 项提醒 / reminders, {reminders.Select(r => r.UnitId).Distinct().Count()} 个单位 / units");
            return ExitCodes.Done;
        });
        return command;
    }

    internal static int Import(TextWriter output, TextWriter error, string path, string? outPath)
    {
        PlanDocument document;
        try
        {
            document = Read(path);
        }
        catch (PlanInputException e)
        {
            error.WriteLine($"qedu plans import: {e.Message}");
            return ExitCodes.BadInput;
        }

        var json = PlanJson.Serialize(document);
        if (outPath is null)
        {
            output.WriteLine(json);
            return ExitCodes.Done;
        }
        try
        {
            File.WriteAllText(outPath, json + "\n", new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"qedu plans import: 无法写入输出文件 {outPath} / cannot write output {outPath}: {e.Message}");
            return ExitCodes.Failed;
        }
        var tasks = document.AllTasks().ToList();
        error.WriteLine($"qedu plans import: {path}: {tasks.Count} 项任务 / tasks, {document.UnmatchedUnits.Count} 个未匹配单位 / unmatched units → {outPath}");
        return ExitCodes.Done;
    }

    private static PlanDocument Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "文件不存在 / file not found" : $"无法读取 / cannot be read ({e.Message})";
            throw new PlanInputException($"{path}: {reason}");
        }
        if (bytes.Length == 0)
        {
            throw new PlanInputException($"{path}: 文件为空 / the file is empty");
        }

        string text;
        try
        {
            text = PlanFile.Read(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FormatException)
        {
            throw new PlanInputException($"{path}: 不是可读取的文本或 .docx 文件 / not a readable text or .docx file ({e.Message})");
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new PlanInputException($"{path}: 不是文本文件 / not a text file");
        }

        var document = new PlanDocumentParser().Parse(text);
        if (!document.AllTasks().Any())
        {
            throw new PlanInputException($"{path}: 未找到编号的任务，不像是规划文件 / no numbered tasks found, this does not look like a plan");
        }
        return document;
    }

    private sealed class PlanInputException(string message) : Exception(message);
}
