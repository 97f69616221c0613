using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.Exams;
using Qedu.Exams.Import;
using Qedu.Exams.Analysis;
using Qedu.Kernel.Files;

namespace Qedu.Cli.Exams;

/// <summary>
/// <c>qedu exams import | items | analyse | value-added</c>: the exam contracts of docs/exams.md. Import checks every row and
/// writes nothing when any is wrong (exit 2, the problems by row and column); value-added writes
/// <c>学校标识码,学生数,增值,下限,上限</c>.
/// </summary>
internal static class ExamsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The value-added file's header: a contract other tools read.</summary>
    public static readonly string[] ValueAddedColumns = ["学校标识码", "学生数", "增值", "下限", "上限"];

    public static Command Create() => new("exams", "Exams (考试): score intake, analysis, value-added") { Import(), Items(), Analyse(), ValueAdded() };

    private static Command Items()
    {
        var exam = new Option<string>("--exam") { Description = "The code of an exam already imported", Required = true };
        var file = new Option<string>("--file") { Description = "items.csv (UTF-8 or GB18030) or .xlsx, header 学籍号,科目,题号,得分,满分", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and report, but write nothing" };
        var language = LanguageOption.Create();
        var db = DbOption.Create();
        var command = new Command("items", "Import an exam's item-level scores and analyse each question: every row is checked first, and nothing is written if any is wrong")
        {
            exam, file, dryRun, language, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            LanguageOption.Use(parse.GetValue(language));
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!;
            if (!File.Exists(path) || !TableFormats.TryFromFileName(path, out var format))
            {
                await error.WriteLineAsync($"qedu exams items: no .csv or .xlsx file '{path}'.");
                return ExitCodes.BadInput;
            }
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "exams-items");
            await using var scope = services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<ExamsOperations>().ImportItemsAsync(parse.GetValue(exam)!, Path.GetFileName(path),
                Path.GetFullPath(path), format, parse.GetValue(dryRun), ct);
            await output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            foreach (var p in report.Problems)
            {
                await error.WriteLineAsync(p.Row > 0 ? $"qedu exams items: {report.File} row {p.Row}, {p.Column}: {p.Message}" : $"qedu exams items: {p.Message}");
            }
            await error.WriteLineAsync(report.Ok
                ? string.Create(CultureInfo.InvariantCulture, $"qedu exams items: {(report.DryRun ? "dry run, nothing written" : "analysed")}: {report.Rows} rows, {report.Items} items")
                : $"qedu exams items: {report.ProblemCount} problem(s), nothing written");
            return report.Ok ? ExitCodes.Done : ExitCodes.BadInput;
        });
        return command;
    }

    private static Command Import()
    {
        var exam = new Option<string>("--exam") { Description = "The exam's code (1–30 letters, digits, - or _), unique", Required = true };
        var name = new Option<string>("--name") { Description = "The exam's name", Required = true };
        var date = new Option<string>("--date") { Description = "The exam's day, YYYY-MM-DD: students are placed at their enrolment of that day", Required = true };
        var file = new Option<string>("--file") { Description = "scores.csv (UTF-8 or GB18030) or .xlsx, header 学籍号,科目,分数,满分", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and report, but write nothing" };
        var language = LanguageOption.Create();
        var db = DbOption.Create();
        var command = new Command("import", "Import an exam's scores: every row is checked first, and nothing is written if any is wrong")
        {
            exam, name, date, file, dryRun, language, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            LanguageOption.Use(parse.GetValue(language));
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"qedu exams import: no file '{path}'.");
                return ExitCodes.BadInput;
            }
            if (!TableFormats.TryFromFileName(path, out var format))
            {
                await error.WriteLineAsync($"qedu exams import: '{path}' is neither .csv nor .xlsx.");
                return ExitCodes.BadInput;
            }
            DateOnly? day = DateOnly.TryParseExact(parse.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "exams-import");
            await using var scope = services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var report = await scope.ServiceProvider.GetRequiredService<ExamsOperations>().ImportAsync(
                new ScoreImportRequest(parse.GetValue(exam), parse.GetValue(name), day, Path.GetFileName(path), Path.GetFullPath(path), format,
                    parse.GetValue(dryRun)), ct);
            await output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            foreach (var p in report.Problems)
            {
                await error.WriteLineAsync(p.Row > 0
                    ? $"qedu exams import: {report.File} row {p.Row}, {p.Column}: {p.Message}"
                    : $"qedu exams import: {(p.Column is null ? "" : $"--{p.Column}: ")}{p.Message}");
            }
            await error.WriteLineAsync(report.Ok
                ? string.Create(CultureInfo.InvariantCulture,
                    $"qedu exams import: {(report.DryRun ? "dry run, nothing written" : "imported")}: {report.Rows} scores, {report.Students} students, {report.Subjects} subjects, {report.Absent} absent ({clock.Elapsed.TotalSeconds:0.0} s)")
                : $"qedu exams import: {report.ProblemCount} problem(s), nothing written");
            return report.Ok ? ExitCodes.Done : ExitCodes.BadInput;
        });
        return command;
    }

    private static Command Analyse()
    {
        var exam = new Option<string>("--exam") { Description = "The exam's code", Required = true };
        var db = DbOption.Create();
        var command = new Command("analyse", "Recompute every figure of an exam (every class, school, district and the city; every subject and the total)") { exam, db };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "exams-analyse");
            await using var scope = services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            if (await scope.ServiceProvider.GetRequiredService<ExamsOperations>().AnalyseAsync(parse.GetValue(exam)!, ct) is not { } report)
            {
                await error.WriteLineAsync($"qedu exams analyse: no exam '{parse.GetValue(exam)}'.");
                return ExitCodes.BadInput;
            }
            // The analysis's own time apart: the command's also holds the process's first query (EF Core building its model).
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"qedu exams analyse: {report.Figures} figures, analysed in {report.Elapsed.TotalSeconds:0.00} s; done ({clock.Elapsed.TotalSeconds:0.00} s)"));
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command ValueAdded()
    {
        var exam = new Option<string>("--exam") { Description = "The exam's code", Required = true };
        var prior = new Option<string>("--prior") { Description = "The code of the same students' earlier exam", Required = true };
        var subject = new Option<string>("--subject") { Description = "A subject's name, or total (default)", DefaultValueFactory = _ => ValueAddedRequest.Total };
        var adjust = new Option<string[]>("--adjust") { Description = "Adjust for registry flags: migrant (随迁), hardship (家庭经济困难), disability (残疾)" };
        var min = new Option<int>("--min-students") { Description = "Schools with fewer matched students are marked too few", DefaultValueFactory = _ => ValueAddedRequest.DefaultMinStudents };
        var outFile = new Option<string>("--out") { Description = "The CSV to write: 学校标识码,学生数,增值,下限,上限", Required = true };
        var language = LanguageOption.Create();
        var db = DbOption.Create();
        var command = new Command("value-added", "Estimate each school's value-added (score points with a 95 % interval) against a prior exam")
        {
            exam, prior, subject, adjust, min, outFile, language, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            LanguageOption.Use(parse.GetValue(language));
            var error = parse.InvocationConfiguration.Error;
            var flags = (parse.GetValue(adjust) ?? []).SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var unknown = flags.Except(["migrant", "hardship", "disability"], StringComparer.OrdinalIgnoreCase).ToList();
            if (unknown.Count > 0)
            {
                await error.WriteLineAsync($"qedu exams value-added: --adjust takes migrant, hardship or disability, not '{string.Join(",", unknown)}'.");
                return ExitCodes.BadInput;
            }
            bool Has(string flag) => flags.Contains(flag, StringComparer.OrdinalIgnoreCase);
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "exams-value-added");
            await using var scope = services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var outcome = await scope.ServiceProvider.GetRequiredService<ExamsOperations>().ValueAddedAsync(new ValueAddedRequest(
                parse.GetValue(exam), parse.GetValue(prior), parse.GetValue(subject), Has("migrant"), Has("hardship"), Has("disability"), parse.GetValue(min)), ct);
            if (!outcome.IsOk)
            {
                var problems = outcome.Errors?.ByField.Select(e => $"--{e.Key}: {string.Join(" ", e.Value)}") ?? [outcome.Message ?? ""];
                foreach (var p in problems)
                {
                    await error.WriteLineAsync($"qedu exams value-added: {p}");
                }
                return ExitCodes.BadInput;
            }
            var report = outcome.Value!;
            await using (var stream = File.Create(parse.GetValue(outFile)!))
            using (var writer = TableWriter.Create(stream, TableFormat.Csv, "value-added"))
            {
                writer.WriteHeader(ValueAddedColumns);
                foreach (var s in report.Schools)
                {
                    writer.WriteRow([s.SchoolCode, s.Students.ToString(CultureInfo.InvariantCulture), Number(s.Effect), Number(s.Lower), Number(s.Upper)]);
                }
                writer.Complete();
            }
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"qedu exams value-added: {report.Schools.Count} schools, {report.Students} students matched, {report.LeftOut} left out (no score in both exams); slope {report.Slope:0.000}, school SD {report.BetweenSd:0.00} ({clock.Elapsed.TotalSeconds:0.00} s)"));
            return ExitCodes.Done;
        });
        return command;
    }

    private static string Number(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
}
