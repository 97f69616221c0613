using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Qedu.Architecture.Tests;

/// <summary>A module: its implementation assembly (e.g. Qedu.Registry) and, if it has one, its Contracts assembly.</summary>
public sealed record Module(string Name, Assembly Implementation, Assembly? Contracts)
{
    /// <summary>The implementation's root namespace, which is also its assembly name (e.g. Qedu.Registry).</summary>
    public string Namespace => Implementation.GetName().Name!;

    public string? ContractsNamespace => Contracts?.GetName().Name;

    public IEnumerable<Assembly> Assemblies => Contracts is null ? [Implementation] : [Implementation, Contracts];

    public override string ToString() => Name;
}

/// <summary>
/// What the rules are checked on, discovered rather than listed, so a new module is covered the day it is added:
/// every Qedu.* project this test references (through the two hosts) is a module assembly unless it is one of the
/// few shared ones below; "Qedu.X.Contracts" belongs to module X.
/// </summary>
public static class Solution
{
    public const string Prefix = "Qedu.";
    public const string ContractsSuffix = ".Contracts";
    public const string Kernel = "Qedu.Kernel";

    /// <summary>
    /// The assemblies that are not modules: the kernel, the shared UI kit, the allocation library, the plan document
    /// parser, the document printer, the list of modules the hosts compose, the two hosts and the test kit.
    /// </summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string>(StringComparer.Ordinal)
    {
        Kernel, "Qedu.Ui", "Qedu.Modules", "Qedu.Web", "Qedu.Cli", "Qedu.Testing",
        // The pure admission algorithms: a library the Admissions module will use, not a module (its own tests keep it
        // free of I/O, EF Core and ASP.NET).
        "Qedu.Allocation",
        // The plan document parser: a pure library the Plans module uses, not a module (its purity test is in
        // Qedu.Plans.Tests).
        "Qedu.PlanDocuments",
        // Documents every module prints (PDF with Chinese text): a shared library, not a module and not pure (it reads
        // its font file); SharedLibraryTests keeps it free of the kernel, modules, EF Core and ASP.NET.
        "Qedu.Documents",
        // The exam statistics and the value-added model: a pure library the Exams module uses (its purity test is in
        // Qedu.ExamAnalysis.Tests).
        "Qedu.ExamAnalysis",
        // The seat forecast (学位预警): a pure library a module will use, not a module (its purity test is in
        // Qedu.SeatForecast.Tests).
        "Qedu.SeatForecast",
    };

    private static readonly Lazy<IReadOnlyList<string>> ProjectNames = new(ReadProjectNames);
    private static readonly Lazy<IReadOnlyList<Module>> DiscoveredModules = new(Discover);

    /// <summary>Every Qedu.* project assembly this test was built with, this test itself excluded.</summary>
    public static IReadOnlyList<string> ProjectAssemblies => ProjectNames.Value;

    public static IReadOnlyList<Module> Modules => DiscoveredModules.Value;

    public static Module Find(string name) => Modules.Single(m => m.Name == name);

    public static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    /// <summary>Module names for xunit theories: one test case per module, named in the test report.</summary>
    public static TheoryData<string> ModuleNames() => [.. Modules.Select(m => m.Name)];

    public static TheoryData<string> ModulesWithContracts() => [.. Modules.Where(m => m.Contracts is not null).Select(m => m.Name)];

    /// <summary>
    /// An assembly of the base class library: one that ships in the Microsoft.NETCore.App shared framework (so not
    /// ASP.NET Core, EF Core or any package).
    /// </summary>
    public static bool IsBaseLibrary(AssemblyName name) =>
        File.Exists(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), name.Name + ".dll"));

    /// <summary>The module projects as the source tree has them: src/Modules/{Module}/{Assembly}/{Assembly}.csproj.</summary>
    public static IReadOnlyList<string> ModuleProjectsInSource() =>
        Directory.GetFiles(Path.Combine(SourceRoot(), "src", "Modules"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The repository's root: the folder above this test's output that holds Qedu.slnx.</summary>
    public static string SourceRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Qedu.slnx")))
        {
            root = root.Parent;
        }
        return root?.FullName ?? throw new InvalidOperationException($"No Qedu.slnx above {AppContext.BaseDirectory}.");
    }

    // The deps file lists the projects this test was built against, whether or not code in it names their types
    // (Assembly.GetReferencedAssemblies would miss a project that is referenced but not yet used).
    private static List<string> ReadProjectNames()
    {
        var self = typeof(Solution).Assembly.GetName().Name!;
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, self + ".deps.json")));
        return deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "project")
            .Select(library => library.Name.Split('/')[0])
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name != self)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<Module> Discover()
    {
        var moduleAssemblies = ProjectAssemblies.Where(name => !Shared.Contains(name)).ToList();
        var contracts = moduleAssemblies.Where(name => name.EndsWith(ContractsSuffix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var orphans = contracts.Where(c => !moduleAssemblies.Contains(c[..^ContractsSuffix.Length])).ToList();
        if (orphans.Count > 0)
        {
            throw new InvalidOperationException($"Contracts without a module implementation: {string.Join(", ", orphans)}.");
        }
        return moduleAssemblies
            .Where(name => !contracts.Contains(name))
            .Select(name => new Module(
                name[Prefix.Length..],
                Load(name),
                contracts.Contains(name + ContractsSuffix) ? Load(name + ContractsSuffix) : null))
            .ToList();
    }
}
