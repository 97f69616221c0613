using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.PersonalData;
using Qedu.Registry;
using Spectre.Console;

namespace Qedu.Cli.Registry;

/// <summary>
/// <c>qedu registry import | export | template</c>: registry files from the command line. Import checks everything
/// first and writes nothing when anything is wrong: the report (JSON on stdout, or <c>--report</c> .json / .xlsx)
/// names file, row, column, value and problem, with exit code 2. Progress goes to stderr.
/// </summary>
internal static class RegistryCommand
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Command Create()
    {
        var command = new Command("registry", "Basic education database: import, export and templates; mirror another Qedu; OneRoster");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Template());
        command.Subcommands.Add(Retention());
        RegistryExchangeCommands.AddTo(command);
        return command;
    }

    /// <summary><c>qedu registry retention</c>: background import jobs past their hour (reports name children); daily from cron.</summary>
    private static Command Retention()
    {
        var db = DbOption.Create();
        var command = new Command("retention", "Delete background import jobs and their reports started more than an hour ago") { db };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "registry-retention");
            await using var scope = services.CreateAsyncScope();
            var deleted = await scope.ServiceProvider.GetRequiredService<RegistryOperations>().ApplyRetentionAsync(ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Retention: {deleted} import job(s) deleted.");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Option<string> KindOption() => new("--kind")
    {
        Description = $"What the file holds: {string.Join(", ", RegistryOperations.KindNames)}",
        Required = true,
    };

    private static Option<string> FormatOption() => new("--format") { Description = "csv or xlsx", Required = true };

    private static Command Import()
    {
        var kinds = new Option<string[]>("--kind")
        {
            Description = $"What each file holds ({string.Join(", ", RegistryOperations.KindNames)}); give one --kind per --file, in the same order",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var files = new Option<string[]>("--file") { Description = "A .csv or .xlsx file (CSV in UTF-8 or GB18030)", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and report, but write nothing" };
        var report = new Option<string?>("--report") { Description = "Write the report to this .json or .xlsx file instead of stdout" };
        var maxMb = new Option<int?>("--max-file-mb") { Description = "Refuse files larger than this many MB (default 512)" };
        var language = LanguageOption.Create();
        var db = DbOption.Create();
        var command = new Command("import", "Import registry files: all rows are checked first, and nothing is written if any is wrong")
        {
            kinds, files, dryRun, report, maxMb, language, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            LanguageOption.Use(parse.GetValue(language));
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var kindNames = parse.GetValue(kinds) ?? [];
            var paths = parse.GetValue(files) ?? [];
            if (kindNames.Length != paths.Length)
            {
                await error.WriteLineAsync($"qedu registry import: give one --kind per --file ({kindNames.Length} kinds, {paths.Length} files).");
                return ExitCodes.BadInput;
            }
            var sources = new List<RegistryImportFile>();
            for (var i = 0; i < paths.Length; i++)
            {
                if (!RegistryOperations.TryKind(kindNames[i], out var kind))
                {
                    await error.WriteLineAsync($"qedu registry import: unknown kind '{kindNames[i]}'; choose one of {string.Join(", ", RegistryOperations.KindNames)}.");
                    return ExitCodes.BadInput;
                }
                if (!File.Exists(paths[i]))
                {
                    await error.WriteLineAsync($"qedu registry import: no file '{paths[i]}'.");
                    return ExitCodes.BadInput;
                }
                if (!RegistryOperations.TryFileFormat(paths[i], out var format))
                {
                    await error.WriteLineAsync($"qedu registry import: '{paths[i]}' is neither .csv nor .xlsx.");
                    return ExitCodes.BadInput;
                }
                sources.Add(new RegistryImportFile(kind, Path.GetFileName(paths[i]), Path.GetFullPath(paths[i]), format));
            }

            var settings = CliServices.Resolve(parse.GetValue(db));
            var limit = parse.GetValue(maxMb);
            await using var services = CliServices.Build(settings, "registry-import", configure: s =>
            {
                if (limit is int mb)
                {
                    RegistryOperations.LimitImportFiles(s, mb * 1024L * 1024);
                }
            });
            // Refuse keys other than the ones this database's resident IDs were written with, naming the file.
            await services.GetRequiredService<DatabaseMigrator>().VerifyKeysAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<RegistryOperations>();
            var result = await ImportProgressDisplay.RunAsync(error, p => importer.ImportAsync(sources, parse.GetValue(dryRun), p, ct));

            var reportPath = parse.GetValue(report);
            if (reportPath is null)
            {
                await output.WriteLineAsync(result.ToJson(Json));
            }
            else
            {
                await using var stream = File.Create(reportPath);
                if (RegistryOperations.IsXlsxFile(reportPath))
                {
                    result.WriteXlsx(stream);
                }
                else
                {
                    await result.WriteJsonAsync(stream, Json, ct);
                }
            }
            var summary = result.Ok
                ? $"{(result.DryRun ? "dry run, nothing written" : "imported")}: {string.Join(", ", result.Files.Select(f => $"{f.File} {f.Rows} rows"))}"
                : $"{result.ErrorCount} error(s), nothing written";
            foreach (var notice in result.Notices)
            {
                await error.WriteLineAsync($"qedu registry import: {notice}");
            }
            await error.WriteLineAsync($"qedu registry import: {summary}");
            return result.Ok ? ExitCodes.Done : ExitCodes.BadInput;
        });
        return command;
    }

    private static Command Export()
    {
        var kind = KindOption();
        var format = FormatOption();
        var outPath = new Option<string>("--out") { Description = "The file to write", Required = true };
        var school = new Option<string?>("--school") { Description = "Only this school (学校标识码)" };
        var purpose = new Option<string?>("--purpose") { Description = "What the copy is for (kept in the audit log); needed above PersonalData:BulkExportThreshold people" };
        var db = DbOption.Create();
        var command = new Command("export", "Export registry records with the template's columns (the file imports again unchanged)")
        {
            kind, format, outPath, school, purpose, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!RegistryOperations.TryKind(parse.GetValue(kind), out var k) || !RegistryOperations.TryFormat(parse.GetValue(format), out var f))
            {
                await error.WriteLineAsync($"qedu registry export: --kind is one of {string.Join(", ", RegistryOperations.KindNames)} and --format csv or xlsx.");
                return ExitCodes.BadInput;
            }
            var settings = CliServices.Resolve(parse.GetValue(db));
            await using var services = CliServices.Build(settings, "registry-export");
            // Refuse keys other than the ones this database's resident IDs were written with, naming the file.
            await services.GetRequiredService<DatabaseMigrator>().VerifyKeysAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var exporter = scope.ServiceProvider.GetRequiredService<RegistryOperations>();
            var schools = await exporter.SchoolsAsync(parse.GetValue(school), ct);
            if (schools is null)
            {
                await error.WriteLineAsync($"qedu registry export: no school '{parse.GetValue(school)}'.");
                return ExitCodes.BadInput;
            }
            var exports = scope.ServiceProvider.GetRequiredService<PersonalDataExports>();
            if (exports.Refusal(await exporter.PeopleAsync(k, schools, ct), parse.GetValue(purpose)) is { } refusal)
            {
                await error.WriteLineAsync($"qedu registry export: {refusal} (--purpose)");
                return ExitCodes.BadInput;
            }
            var path = Path.GetFullPath(parse.GetValue(outPath)!);
            var temporary = path + ".tmp";
            long rows;
            try
            {
                await using (var stream = File.Create(temporary))
                {
                    rows = await exporter.ExportAsync(k, f, stream, schools, parse.GetValue(purpose), ct);
                }
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"qedu registry export: cannot write {path}: {e.Message}");
                return ExitCodes.Failed;
            }
            finally
            {
                File.Delete(temporary);
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{path}: {rows} {k} rows.");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Template()
    {
        var kind = KindOption();
        var format = FormatOption();
        var outPath = new Option<string>("--out") { Description = "The file to write", Required = true };
        var language = LanguageOption.Create();
        var db = DbOption.Create();
        var command = new Command("template",
            "Write an import template: the Chinese column headers and an example row (skipped on import); an .xlsx also has the database's code lists, drop-downs and instructions")
        {
            kind, format, outPath, language, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            LanguageOption.Use(parse.GetValue(language));
            if (!RegistryOperations.TryKind(parse.GetValue(kind), out var k) || !RegistryOperations.TryFormat(parse.GetValue(format), out var f))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"qedu registry template: --kind is one of {string.Join(", ", RegistryOperations.KindNames)} and --format csv or xlsx.");
                return ExitCodes.BadInput;
            }
            // The code lists (drop-downs, the example's names) come from the database.
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "registry-template");
            await using var scope = services.CreateAsyncScope();
            await using (var stream = File.Create(parse.GetValue(outPath)!))
            {
                scope.ServiceProvider.GetRequiredService<RegistryOperations>().WriteTemplate(k, f, stream);
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{Path.GetFullPath(parse.GetValue(outPath)!)}: {k} template.");
            return ExitCodes.Done;
        });
        return command;
    }
}

/// <summary>Import progress on stderr: a Spectre.Console bar on a terminal, plain lines otherwise (logs, tests, pipes).</summary>
internal static class ImportProgressDisplay
{
    public static async Task<RegistryImportReport> RunAsync(TextWriter error, Func<IProgress<RegistryImportProgress>, Task<RegistryImportReport>> run)
    {
        if (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            RegistryImportReport? report = null;
            await console.Progress().AutoClear(false).StartAsync(async context =>
            {
                var task = context.AddTask("validate", maxValue: 1.0);
                report = await run(new Progress(p =>
                {
                    task.Description = $"{p.Phase} {Markup.Escape(p.File)} {p.Rows:N0}{(p.TotalRows is long t ? $"/{t:N0}" : "")}";
                    task.Value = p.Fraction;
                }));
                task.Value = 1;
            });
            return report!;
        }
        var last = (Phase: (string?)null, Tenth: -1);
        return await run(new Progress(p =>
        {
            // A line per phase change and per tenth of the way, so a log shows movement without flooding.
            var tenth = (int)(p.Fraction * 10);
            if (p.Phase != last.Phase || tenth != last.Tenth)
            {
                last = (p.Phase, tenth);
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {p.Phase} {p.File} {p.Rows}{(p.TotalRows is long t ? $"/{t}" : "")} rows ({p.Fraction:P0})"));
            }
        }));
    }

    /// <summary>Reports on the importer's thread (<see cref="Progress{T}"/> would post to the thread pool and lines could come out late).</summary>
    private sealed class Progress(Action<RegistryImportProgress> report) : IProgress<RegistryImportProgress>
    {
        public void Report(RegistryImportProgress value) => report(value);
    }
}
