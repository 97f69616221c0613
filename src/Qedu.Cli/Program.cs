using System.CommandLine;
using Qedu.Cli.Allocate;
using Qedu.Cli.Accounts;
using Qedu.Cli.Calendar;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.Cli.Indicators;
using Qedu.Cli.Admissions;
using Qedu.Cli.Parents;
using Qedu.Cli.Plans;
using Qedu.Cli.Services;
using Qedu.Cli.Registry;

namespace Qedu.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs one command line; tests call this in-process with their own writers.</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var parse = BuildRoot().Parse(args);
            if (parse.Errors.Count > 0)
            {
                // Bad input (a missing or unknown option) is 2, as for every command's own checks, not the library's 1.
                foreach (var problem in parse.Errors)
                {
                    await error.WriteLineAsync($"qedu: {problem.Message}");
                }
                await error.WriteLineAsync("qedu: --help lists the commands and options.");
                return ExitCodes.BadInput;
            }
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One line a person or a script can act on; the stack trace helps nobody running the tool.
            var inner = e.InnerException is null ? "" : $" ({e.InnerException.Message})";
            await error.WriteLineAsync($"qedu: {e.Message}{inner}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>The whole command tree; tests invoke it in-process.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("Qedu: regional education governance platform (command line)");
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(FilesCommand.Create());
        root.Subcommands.Add(AccountsCommand.Create());
        root.Subcommands.Add(AdmissionsCommand.Create());
        root.Subcommands.Add(ParentsCommand.Create());
        root.Subcommands.Add(AllocateCommand.Create());
        root.Subcommands.Add(RegistryCommand.Create());
        root.Subcommands.Add(PlansCommand.Create());
        root.Subcommands.Add(IndicatorsCommand.Create());
        root.Subcommands.Add(CalendarCommand.Create());
        root.Subcommands.Add(ServicesCommand.Create());
        root.Subcommands.Add(Qedu.Cli.Exams.ExamsCommand.Create());
        root.Subcommands.Add(Qedu.Cli.Growth.GrowthCommand.Create());
        return root;
    }
}
