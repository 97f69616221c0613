using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qedu.Architecture.Tests;

/// <summary>
/// Visibility, written down: a module's implementation is internal except its entry points (the XModule class and
/// what hosts must call), its Razor components (routable pages must be public) and their parameter types; its
/// internals are visible to test assemblies only. Exceptions are listed here, each with a reason.
/// </summary>
public sealed class VisibilityTests
{
    /// <summary>Non-test assemblies a module still lets see its internals, with the reason (each one is work left).</summary>
    public static readonly IReadOnlyDictionary<(string Module, string VisibleTo), string> VisibleToExceptions =
        new Dictionary<(string, string), string>
        {
        };

    /// <summary>
    /// Public types of module implementations beyond entry points, components and component parameters: what hosts
    /// use (each with the reason). A host-facing service is public with an internal constructor, built by its module.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PublicExceptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Qedu.Indicators.IndicatorsOperations"] = "what the command line may ask of the module",
        ["Qedu.Indicators.IndicatorRun"] = "returned by IndicatorsOperations",
        ["Qedu.Indicators.IndicatorRunValue"] = "returned by IndicatorsOperations",
        ["Qedu.Plans.PlansOperations"] = "what the command line may ask of the module",
        ["Qedu.StudentServices.StudentServicesOperations"] = "what the command line may ask of the module (qedu services remind)",
        ["Qedu.StudentServices.ServiceReminder"] = "returned by StudentServicesOperations",
        ["Qedu.Growth.GrowthOperations"] = "what the command line may ask of the module (qedu growth retention)",
        ["Qedu.Growth.Retention.GrowthRetentionResult"] = "returned by GrowthOperations",
        ["Qedu.Safety.Features.Overview.SchoolSafetyLine"] = "a parameter of the hazard map component (a component's parameters must be public)",
        ["Qedu.Exams.ExamsOperations"] = "what the command line may ask of the module (qedu exams import, analyse, value-added)",
        ["Qedu.Exams.Import.ScoreImportRequest"] = "ExamsOperations' input",
        ["Qedu.Exams.Import.ScoreImportReport"] = "returned by ExamsOperations (the import contract's report)",
        ["Qedu.Exams.Import.ScoreProblem"] = "part of ScoreImportReport",
        ["Qedu.Exams.Import.ItemImportReport"] = "returned by ExamsOperations (the item file's report)",
        ["Qedu.Exams.AnalysisReport"] = "returned by ExamsOperations (what an analysis wrote and how long it took)",
        ["Qedu.Exams.Analysis.ValueAddedRequest"] = "ExamsOperations' input",
        ["Qedu.Exams.Analysis.ValueAddedReport"] = "returned by ExamsOperations (the value-added contract's rows)",
        ["Qedu.Admissions.AdmissionsOperations"] = "what the command line may ask of the module (retention)",
        ["Qedu.Admissions.RetentionResult"] = "returned by AdmissionsOperations",
        ["Qedu.Admissions.IntakeResult"] = "returned by AdmissionsOperations (qedu admissions enrol)",
        ["Qedu.Registry.RegistryOperations"] = "what the command line may ask of the module's files and OneRoster import",
        ["Qedu.Registry.RegistryImportFile"] = "RegistryOperations' input",
        ["Qedu.Registry.RegistryImportProgress"] = "RegistryOperations' progress reports",
        ["Qedu.Registry.RegistryImportReport"] = "returned by RegistryOperations",
        ["Qedu.Registry.OneRosterImportRun"] = "returned by RegistryOperations",
        ["Qedu.Organisation.Features.Accounts.AccountCommands"] = "`qedu accounts` creates and resets accounts through it",
        ["Qedu.Organisation.Features.Accounts.AccountInput"] = "AccountCommands' input",
        ["Qedu.Organisation.Features.Accounts.AccountDirectory"] = "a parameter of AccountCommands' public constructor",
        ["Qedu.Organisation.Features.Accounts.AccountSignInState"] = "returned by AccountDirectory",
        ["Qedu.Registry.Mirror.RegistryMirror"] = "`qedu registry mirror` runs it (built by RegistryModule, internal constructor)",
        ["Qedu.Registry.Mirror.MirrorSource"] = "RegistryMirror's input",
        ["Qedu.Registry.Mirror.MirrorProgress"] = "RegistryMirror's progress reports",
        ["Qedu.Registry.Mirror.MirrorResult"] = "returned by RegistryMirror",
        ["Qedu.Registry.Mirror.MirrorFailedException"] = "thrown by RegistryMirror to the command line",
        ["Qedu.Registry.Features.OneRoster.OneRosterExport"] = "`qedu registry oneroster export` runs it (built by RegistryModule, internal constructor)",
        ["Qedu.Registry.Features.OneRoster.OneRosterCounts"] = "returned by OneRosterExport",
        ["Qedu.Registry.Exchange.Bilingual"] = "base of the public resource classes MirrorText and OneRosterText",
    };

    /// <summary>
    /// Namespaces whose public types are not yet sorted into "internal" and "host-facing", with the reason: work left,
    /// listed so that the rule holds everywhere else and nothing new is added unseen.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DebtNamespaces = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void A_module_shows_its_internals_only_to_tests(string moduleName)
    {
        var module = Solution.Find(moduleName);
        var tests = TestProjectsInSource();

        var failures = module.Assemblies
            .SelectMany(a => VisibilityFailures(a.GetName().Name!, VisibleTo(a), tests, VisibleToExceptions))
            .ToList();

        Assert.True(failures.Count == 0, $"Module {module} may show its internals only to test assemblies:\n  {string.Join("\n  ", failures)}");
    }

    [Fact]
    public void Every_visibility_exception_is_still_needed()
    {
        var stale = VisibleToExceptions.Keys
            .Where(e => !VisibleTo(Solution.Load(e.Module)).Contains(e.VisibleTo, StringComparer.Ordinal))
            .Select(e => $"{e.Module} → {e.VisibleTo}")
            .ToList();

        Assert.True(stale.Count == 0, $"Listed in {nameof(VisibleToExceptions)} but no longer declared (remove from the list): {string.Join(", ", stale)}");
    }

    [Fact]
    public void The_visibility_check_finds_a_host_a_dead_entry_and_passes_a_test()
    {
        // Reading the attribute works: every module shows its internals to at least its own tests.
        Assert.All(Solution.Modules, m => Assert.NotEmpty(VisibleTo(m.Implementation)));

        var failures = VisibilityFailures("Qedu.Sample", ["Qedu.Sample.Tests", "qedu", "Qedu.Gone.Tests"], ["Qedu.Sample.Tests"], VisibleToExceptions);

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains("qedu", StringComparison.Ordinal) && f.Contains("not a test", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Qedu.Gone.Tests", StringComparison.Ordinal) && f.Contains("no such test project", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void A_module_implementation_is_public_only_where_it_must_be(string moduleName)
    {
        var module = Solution.Find(moduleName);

        var failures = PublicFailures(module.Implementation, module.Name, PublicExceptions);

        Assert.True(failures.Count == 0,
            $"Module {module}: public only for its entry point, Razor components and their parameter types (or list it in {nameof(PublicExceptions)} with a reason):\n  {string.Join("\n  ", failures)}");
    }

    [Fact]
    public void The_public_type_check_finds_a_stray_public_type()
    {
        // This test assembly is full of public classes that are neither entry points nor components.
        var failures = PublicFailures(typeof(VisibilityTests).Assembly, "Architecture", new Dictionary<string, string>());

        Assert.Contains(failures, f => f.Contains(nameof(VisibilityTests), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_public_exception_is_still_public()
    {
        Assert.All(DebtNamespaces.Keys, ns => Assert.Contains(Solution.Modules.SelectMany(m => m.Implementation.GetExportedTypes()), t => t.Namespace == ns));

        var exported = Solution.Modules.SelectMany(m => m.Implementation.GetExportedTypes()).Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);

        var stale = PublicExceptions.Keys.Where(name => !exported.Contains(name)).ToList();

        Assert.True(stale.Count == 0, $"Listed in {nameof(PublicExceptions)} but not public (remove from the list): {string.Join(", ", stale)}");
    }

    private static List<string> VisibleTo(Assembly assembly) =>
        assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName.Split(',')[0].Trim()).ToList();

    private static List<string> VisibilityFailures(
        string assembly, IEnumerable<string> visibleTo, IReadOnlyCollection<string> testProjects, IReadOnlyDictionary<(string, string), string> exceptions) =>
        visibleTo
            .Where(name => !exceptions.ContainsKey((assembly, name)))
            .Select(name => !name.EndsWith(".Tests", StringComparison.Ordinal)
                ? $"{assembly} is visible to {name}, which is not a test assembly: give it a public surface instead"
                : !testProjects.Contains(name) ? $"{assembly} is visible to {name}: no such test project (a dead entry)" : null)
            .OfType<string>()
            .ToList();

    private static List<string> PublicFailures(Assembly assembly, string moduleName, IReadOnlyDictionary<string, string> exceptions)
    {
        var exported = assembly.GetExportedTypes();
        var components = exported.Where(t => typeof(ComponentBase).IsAssignableFrom(t)).ToHashSet();
        var parameterTypes = ParameterTypes(assembly, components);
        var resources = assembly.GetManifestResourceNames().ToHashSet(StringComparer.Ordinal);
        var entryPoint = $"{assembly.GetName().Name}.{moduleName}Module";
        return exported
            .Where(t => !components.Contains(t) && !parameterTypes.Contains(t))
            .Where(t => t.FullName != entryPoint && !exceptions.ContainsKey(t.FullName!))
            // A public type nested in a component belongs to it (its parameter records, its own view rows).
            .Where(t => t.DeclaringType is null || !components.Contains(t.DeclaringType))
            // Generated: migrations and the model snapshot (EF Core's tools write them public), Razor's _Imports.
            .Where(t => !typeof(Migration).IsAssignableFrom(t) && !typeof(ModelSnapshot).IsAssignableFrom(t) && t.Name != "_Imports")
            // A resource class (a .resx beside it): IStringLocalizer<T> in a public component names it.
            .Where(t => !resources.Contains(t.FullName + ".resources"))
            .Where(t => !DebtNamespaces.Keys.Any(ns => t.Namespace == ns || t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) == true))
            .Select(t => $"{t.FullName} is public")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The types a component's parameters are made of, and what those expose in turn (a row's status enum): all must
    /// be public for the component to be.
    /// </summary>
    private static HashSet<Type> ParameterTypes(Assembly assembly, IEnumerable<Type> components)
    {
        var found = new HashSet<Type>();
        var queue = new Queue<Type>(components
            .SelectMany(c => c.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null)
            .SelectMany(p => Unwrap(p.PropertyType)));
        while (queue.TryDequeue(out var type))
        {
            if (type.Assembly != assembly || !found.Add(type))
            {
                continue;
            }
            foreach (var member in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).SelectMany(p => Unwrap(p.PropertyType)))
            {
                queue.Enqueue(member);
            }
        }
        return found;
    }

    /// <summary>The type and the types it is made of (a list's element, an event callback's argument, a nullable's value).</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.IsArray)
        {
            foreach (var t in Unwrap(type.GetElementType()!))
            {
                yield return t;
            }
        }
        foreach (var t in type.GetGenericArguments().SelectMany(Unwrap))
        {
            yield return t;
        }
    }

    private static HashSet<string> TestProjectsInSource() =>
        Directory.GetFiles(Path.Combine(Solution.SourceRoot(), "tests"), "*.csproj", SearchOption.AllDirectories)
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .ToHashSet(StringComparer.Ordinal);
}
