using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace Qedu.Architecture.Tests;

/// <summary>
/// The boundaries of the modular monolith: modules talk to each other only through Contracts assemblies, Contracts
/// carry nothing but the kernel and the base library, the kernel knows no module and no host, and each module keeps
/// its own DbContext in its own namespace. Every rule runs over the modules <see cref="Solution"/> discovers.
/// </summary>
public sealed class ModuleRulesTests
{
    [Fact]
    public void Discovery_finds_every_module_in_the_source_tree()
    {
        // Fewer than two modules would make every "between modules" rule below pass without checking anything.
        Assert.True(Solution.Modules.Count >= 2, $"Found only {Solution.Modules.Count} module(s): {string.Join(", ", Solution.Modules)}.");
        Assert.Contains(Solution.Kernel, Solution.ProjectAssemblies);

        // A module project that the hosts do not reference would escape every rule; so would a shared assembly
        // mistaken for a module. The source tree is the other witness.
        var discovered = Solution.Modules.SelectMany(m => m.Assemblies).Select(a => a.GetName().Name!).ToList();
        var inSource = Solution.ModuleProjectsInSource();
        var uncovered = inSource.Except(discovered).ToList();
        var notModules = discovered.Except(inSource).ToList();
        Assert.True(uncovered.Count == 0, $"Module projects no host references, so no rule checks them: {string.Join(", ", uncovered)}.");
        Assert.True(notModules.Count == 0, $"Taken for modules but not under src/Modules (add them to Solution.Shared?): {string.Join(", ", notModules)}.");
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void A_module_reaches_another_module_only_through_its_contracts(string moduleName)
    {
        var module = Solution.Find(moduleName);
        var others = Solution.Modules.Where(m => m != module).ToList();

        var failures = new List<string>();
        var forbiddenAssemblies = others.Select(m => m.Namespace).ToHashSet(StringComparer.Ordinal);
        failures.AddRange(module.Assemblies
            .SelectMany(a => a.GetReferencedAssemblies().Where(r => forbiddenAssemblies.Contains(r.Name!)).Select(r => $"{a.GetName().Name} references {r.Name}")));

        // Type by type as well: the implementations' own type names, so a dependency on Qedu.X.Contracts never
        // matches Qedu.X (NetArchTest matches names by namespace prefix).
        var forbiddenTypes = others.SelectMany(m => TypesOf(m.Implementation, m.Namespace, m.ContractsNamespace)).ToArray();
        Assert.NotEmpty(forbiddenTypes);
        failures.AddRange(Offenders(Types.InAssemblies(module.Assemblies).ShouldNot().HaveDependencyOnAny(forbiddenTypes).GetResult(), "uses another module's implementation"));

        Assert.True(failures.Count == 0, $"Module {module} must reach other modules only through their Contracts:\n  {string.Join("\n  ", failures)}");
    }

    [Theory]
    [MemberData(nameof(Solution.ModulesWithContracts), MemberType = typeof(Solution))]
    public void Contracts_depend_only_on_the_kernel_and_the_base_library(string moduleName)
    {
        var module = Solution.Find(moduleName);
        var contracts = module.Contracts!;

        var failures = contracts.GetReferencedAssemblies()
            .Where(r => r.Name != Solution.Kernel && !Solution.IsBaseLibrary(r))
            .Select(r => $"references {r.Name}")
            .ToList();

        // Its own implementation included: contracts are what the implementation offers, never a way into it.
        var ownImplementation = TypesOf(module.Implementation, module.Namespace, module.ContractsNamespace).ToArray();
        failures.AddRange(Offenders(Types.InAssembly(contracts).ShouldNot().HaveDependencyOnAny(ownImplementation).GetResult(), $"uses {module.Namespace}"));

        Assert.True(failures.Count == 0, $"{contracts.GetName().Name} may use only {Solution.Kernel} and the base library:\n  {string.Join("\n  ", failures)}");
    }

    [Fact]
    public void The_kernel_depends_on_no_module_and_no_host()
    {
        var kernel = Solution.Load(Solution.Kernel);

        var failures = kernel.GetReferencedAssemblies()
            .Where(r => r.Name!.StartsWith(Solution.Prefix, StringComparison.Ordinal))
            .Select(r => $"references {r.Name}")
            .ToList();

        // Namespaces here: Qedu.Registry also covers Qedu.Registry.Contracts, and the kernel may use neither.
        var forbidden = Solution.Modules.Select(m => m.Namespace)
            .Concat(Solution.Shared.Where(name => name != Solution.Kernel))
            .ToArray();
        Assert.Contains("Qedu.Web", forbidden);
        failures.AddRange(Offenders(Types.InAssembly(kernel).ShouldNot().HaveDependencyOnAny(forbidden).GetResult(), "uses a module or host type"));

        Assert.True(failures.Count == 0, $"{Solution.Kernel} must depend on no module and no host:\n  {string.Join("\n  ", failures)}");
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void A_module_DbContext_lives_in_its_module_namespace(string moduleName)
    {
        var module = Solution.Find(moduleName);

        var failures = module.Assemblies.SelectMany(assembly => Offenders(
                Types.InAssembly(assembly)
                    .That().Inherit(typeof(DbContext))
                    .Should().ResideInNamespaceMatching(NamespacePattern(module.Namespace))
                    .And().NotResideInNamespaceMatching(module.ContractsNamespace is null ? "^$" : NamespacePattern(module.ContractsNamespace))
                    .GetResult(),
                $"in {assembly.GetName().Name}"))
            .ToList();

        Assert.True(failures.Count == 0, $"Module {module}'s DbContexts must live in namespace {module.Namespace} (not in its Contracts):\n  {string.Join("\n  ", failures)}");
    }

    [Fact]
    public void The_DbContext_rule_sees_every_DbContext()
    {
        // NetArchTest follows base types through other assemblies (EF Core) and through abstract bases of our own;
        // if it silently stopped doing so, the rule above would check nothing. Reflection is the witness.
        var viaReflection = Solution.Modules.SelectMany(m => m.Assemblies)
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(DbContext).IsAssignableFrom(t))
            .Select(t => t.FullName!.Replace('+', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var viaRule = Solution.Modules.SelectMany(m => m.Assemblies)
            .SelectMany(a => Types.InAssembly(a).That().Inherit(typeof(DbContext)).GetTypes())
            .Select(t => t.FullName!.Replace('+', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(viaReflection);
        Assert.Equal(viaReflection, viaRule);
    }

    [Theory]
    [MemberData(nameof(Solution.ModuleNames), MemberType = typeof(Solution))]
    public void The_dependency_rule_sees_a_dependency_that_exists(string moduleName)
    {
        // Every module builds on the kernel, so the same matching the rules above rely on must find that; a rule
        // that cannot see dependencies would pass for any code.
        var module = Solution.Find(moduleName);
        var kernelTypes = TypesOf(Solution.Load(Solution.Kernel), Solution.Kernel, null).ToArray();

        var result = Types.InAssembly(module.Implementation).ShouldNot().HaveDependencyOnAny(kernelTypes).GetResult();

        Assert.False(result.IsSuccessful, $"No type of {module.Namespace} seems to use {Solution.Kernel}: the dependency matching is broken.");
    }

    /// <summary>
    /// The full names of an assembly's own top-level types: those in its namespace (compiler-emitted helpers such as
    /// System.Runtime.CompilerServices.NullableAttribute exist in every assembly and are nobody's API), and not in
    /// <paramref name="excludedNamespace"/>. Nested types are covered: a name matches every name it prefixes.
    /// </summary>
    private static IEnumerable<string> TypesOf(Assembly assembly, string rootNamespace, string? excludedNamespace)
    {
        var own = new Regex(NamespacePattern(rootNamespace));
        var excluded = excludedNamespace is null ? null : new Regex(NamespacePattern(excludedNamespace));
        return assembly.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is not null && own.IsMatch(t.Namespace) && excluded?.IsMatch(t.Namespace) != true)
            .Select(t => t.FullName!);
    }

    /// <summary>The namespace itself or any below it, but not a sibling that merely starts alike (Qedu.RegistryX).</summary>
    private static string NamespacePattern(string ns) => $"^{Regex.Escape(ns)}(\\.|$)";

    private static IEnumerable<string> Offenders(TestResult result, string what) =>
        result.IsSuccessful ? [] : (result.FailingTypeNames ?? []).Select(name => $"{name} {what}");
}
