using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Hosting;
using Qedu.Kernel.Persistence;
using Qedu.Registry.Features.Mirror;

namespace Qedu.Cli.Commands;

/// <summary><c>qedu registry mirror</c>: copies another Qedu's registry into this database through its change feed.</summary>
internal static class RegistryCommand
{
    public static Command Create()
    {
        var command = new Command("registry", "Basic education database: mirror another Qedu");
        command.Subcommands.Add(Mirror());
        return command;
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
                return Program.BadInput;
            }
            var id = parse.GetValue(clientId)!;
            var secret = parse.GetValue(clientSecret)!;
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrEmpty(secret))
            {
                await error.WriteLineAsync($"qedu: {MirrorText.Both("Mirror.BadClient")}");
                return Program.BadInput;
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
                return 0;
            }
            catch (MirrorFailedException e)
            {
                await error.WriteLineAsync($"qedu: {e.Message}");
                await error.WriteLineAsync(MirrorText.Both("Mirror.Failed"));
                return Program.Failed;
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
