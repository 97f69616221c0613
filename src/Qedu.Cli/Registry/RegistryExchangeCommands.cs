using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Features.OneRoster;
using Qedu.Registry;
using Qedu.Registry.Mirror;

namespace Qedu.Cli.Registry;

/// <summary>
/// The exchange side of <c>qedu registry</c>: <c>mirror</c> copies another Qedu's registry into this database through
/// its change feed; <c>oneroster export</c> writes a OneRoster v1.2 bundle.
/// </summary>
internal static class RegistryExchangeCommands
{
    public static void AddTo(Command registry)
    {
        registry.Subcommands.Add(Mirror());
        var oneRoster = new Command("oneroster", "OneRoster v1.2 CSV bundles");
        oneRoster.Subcommands.Add(OneRosterExportCommand());
        oneRoster.Subcommands.Add(OneRosterImportCommand());
        registry.Subcommands.Add(oneRoster);
    }

    private static Command OneRosterExportCommand()
    {
        var output = new Option<string>("--out") { Description = "The zip file to write (replaced if it exists)", Required = true };
        var school = new Option<string?>("--school") { Description = "Only this school (or the subtree of this unit), by code" };
        var purpose = new Option<string?>("--purpose") { Description = "What the copy is for (kept in the audit log); needed above PersonalData:BulkExportThreshold people" };
        var db = DbOption.Create();
        var export = new Command("export", "Write the registry as a OneRoster v1.2 CSV bundle (bulk)") { output, school, purpose, db };
        export.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var code = parse.GetValue(school);
            if (code is not null && !OrgUnitRules.IsWellFormedCode(code))
            {
                await error.WriteLineAsync($"qedu: {OneRosterText.Both("OneRoster.BadCode", code)}");
                return ExitCodes.BadInput;
            }
            var settings = CliServices.Resolve(parse.GetValue(db));
            await using var services = CliServices.Build(settings, "registry-oneroster-export");
            // Refuse keys other than the ones this database's resident IDs were written with, naming the file.
            await services.GetRequiredService<DatabaseMigrator>().VerifyKeysAsync(ct);
            await using var scope = services.CreateAsyncScope();
            // Written beside the target and moved into place at the end, so a failure never leaves half a bundle.
            var temporary = path + ".part";
            OneRosterCounts? counts;
            try
            {
                await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    counts = await scope.ServiceProvider.GetRequiredService<OneRosterExport>().WriteAsync(stream, code, parse.GetValue(purpose), ct);
                }
                if (counts is null)
                {
                    File.Delete(temporary);
                    await error.WriteLineAsync($"qedu: {OneRosterText.Both("OneRoster.UnknownUnit", code!)}");
                    return ExitCodes.BadInput;
                }
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDelete(temporary);
                await error.WriteLineAsync($"qedu: {OneRosterText.Both("OneRoster.CannotWrite", path, e.Message)}");
                return ExitCodes.Failed;
            }
            catch (ExportRefusedException refused)
            {
                TryDelete(temporary);
                await error.WriteLineAsync($"qedu registry oneroster export: {refused.Message} (--purpose)");
                return ExitCodes.BadInput;
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                OneRosterText.Both("OneRoster.Written", path, counts.Orgs, counts.Classes, counts.Users, counts.Enrollments));
            return ExitCodes.Done;
        });
        return export;
    }

    /// <summary>
    /// <c>qedu registry oneroster import --file bundle.zip [--dry-run]</c>: the report as JSON on stdout; exit 0 when
    /// imported (or, with --dry-run, when the bundle is clean), 2 when the bundle has problems (nothing written), 3 when
    /// the file cannot be read or the write failed (nothing written).
    /// </summary>
    private static Command OneRosterImportCommand()
    {
        var file = new Option<string>("--file") { Description = "The OneRoster v1.2 CSV bundle (.zip)", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and report, but write nothing" };
        var maxMb = new Option<int?>("--max-bundle-mb") { Description = "Refuse bundles larger than this many MB, packed or unpacked (default 100)" };
        var language = new Option<string>("--lang") { Description = "Language of messages: zh (default) or en", DefaultValueFactory = _ => "zh" };
        var db = DbOption.Create();
        var import = new Command("import", "Import a OneRoster v1.2 CSV bundle: every row is checked first, and nothing is written if any is wrong")
        {
            file, dryRun, maxMb, language, db,
        };
        import.SetAction(async (parse, ct) =>
        {
            CultureInfo.CurrentUICulture = string.Equals(parse.GetValue(language), "en", StringComparison.OrdinalIgnoreCase)
                ? new CultureInfo("en") : new CultureInfo("zh-CN");
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"qedu: {OneRosterText.Both("Cli.NoFile", path)}");
                return ExitCodes.BadInput;
            }
            var settings = CliServices.Resolve(parse.GetValue(db));
            var limit = parse.GetValue(maxMb);
            await using var services = CliServices.Build(settings, "registry-oneroster-import", configure: s =>
            {
                if (limit is int mb)
                {
                    RegistryOperations.LimitOneRosterBundles(s, mb * 1024L * 1024);
                }
            });
            // Refuse keys other than the ones this database's resident IDs were written with, naming the file.
            await services.GetRequiredService<DatabaseMigrator>().VerifyKeysAsync(ct);
            await using var scope = services.CreateAsyncScope();
            OneRosterImportRun result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<RegistryOperations>().ImportOneRosterAsync(path, Path.GetFileName(path), parse.GetValue(dryRun), ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"qedu: {OneRosterText.Both("Cli.CannotRead", path, e.Message)}");
                return ExitCodes.Failed;
            }
            var report = result.Report;
            await output.WriteLineAsync(report.ToJson(RegistryCommand.Json));
            var name = Path.GetFileName(path);
            var summary = result.Failed ? OneRosterText.Both("Cli.Failed", name)
                : !report.Ok ? OneRosterText.Both("Cli.Refused", name, report.ErrorCount)
                : report.DryRun ? OneRosterText.Both("Cli.Checked", name)
                : OneRosterText.Both("Cli.Imported", name, string.Join(", ", report.Written.Select(w => $"{w.Key}={w.Value}")));
            await error.WriteLineAsync($"qedu: {summary}");
            return result.Failed ? ExitCodes.Failed : report.Ok ? ExitCodes.Done : ExitCodes.BadInput;
        });
        return import;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Nothing more to do: the message already says the bundle was not written.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private static Command Mirror()
    {
        var source = new Option<string>("--source") { Description = "The source Qedu's base address, e.g. https://qedu.example.org/", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "OAuth client of this mirror at the source (needs registry.read and pii.view)", Required = true };
        var clientSecret = new Option<string>("--client-secret") { Description = "The client's secret", Required = true };
        var db = DbOption.Create();
        var mirror = new Command("mirror", "Apply the source's registry change feed to this database until caught up; resumes from the last applied version")
        {
            source, clientId, clientSecret, db,
        };
        mirror.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var address = parse.GetValue(source)!;
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
            {
                await error.WriteLineAsync($"qedu: {MirrorText.Both("Mirror.BadSource", address)}");
                return ExitCodes.BadInput;
            }
            var id = parse.GetValue(clientId)!;
            var secret = parse.GetValue(clientSecret)!;
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrEmpty(secret))
            {
                await error.WriteLineAsync($"qedu: {MirrorText.Both("Mirror.BadClient")}");
                return ExitCodes.BadInput;
            }
            // Relative paths resolve under the base address, so it must end with '/'.
            var target = new MirrorSource(uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/"), id, secret);

            var settings = CliServices.Resolve(parse.GetValue(db));
            await using var services = CliServices.Build(settings, "registry-mirror");
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var progress = new LineProgress(output);
            try
            {
                var result = await scope.ServiceProvider.GetRequiredService<RegistryMirror>().RunAsync(target, progress, ct);
                await output.WriteLineAsync(MirrorText.Both("Mirror.Done", target.Key, result.FromVersion, result.LastVersion, result.Pages,
                    result.Lines, result.Written, result.Removed));
                return ExitCodes.Done;
            }
            catch (MirrorFailedException e)
            {
                await error.WriteLineAsync($"qedu: {e.Message}");
                await error.WriteLineAsync(MirrorText.Both("Mirror.Failed"));
                return ExitCodes.Failed;
            }
        });
        return mirror;
    }

    /// <summary>One line per applied page, written at once (see SeedCommand's LineProgress).</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<MirrorProgress>
    {
        public void Report(MirrorProgress value) =>
            output.WriteLine($"  {MirrorText.Format(System.Globalization.CultureInfo.InvariantCulture, "Mirror.Progress", value.LastVersion, value.PageLines, value.TotalLines)}");
    }
}
