using System.CommandLine;
using Qedu.Cli.Allocate;
using Qedu.Cli.Commands;

namespace Qedu.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => BuildRoot().Parse(args).InvokeAsync();

    /// <summary>The whole command tree; tests invoke it in-process.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("Qedu: regional education governance platform (command line)");
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(AllocateCommand.Create());
        return root;
    }
}
