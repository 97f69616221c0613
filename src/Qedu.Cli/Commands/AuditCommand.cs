using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Hosting;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;

namespace Qedu.Cli.Commands;

/// <summary><c>qedu audit verify</c>: recomputes the audit log's hash chain; exit code 1 names the first broken line.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var db = DbOption.Create();
        var verify = new Command("verify", "Check the audit log's hash chain from the first line to the head") { db };
        verify.SetAction(async (parse, ct) =>
        {
            var settings = CliServices.Resolve(parse.GetValue(db));
            await using var services = CliServices.Build(settings, "audit-verify");
            await using var scope = services.CreateAsyncScope();
            var result = await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<KernelDb>(), ct);
            if (result.IsIntact)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Audit log intact: {result.Entries} entries, chain verified.");
                return 0;
            }
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"Audit log BROKEN at entry {result.BrokenAt}: {result.Problem} ({result.Entries} entries verified before it).");
            return 1;
        });
        var command = new Command("audit", "Audit log") { verify };
        return command;
    }
}
