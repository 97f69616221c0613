using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Qedu.Architecture.Tests;

/// <summary>
/// Slices apart from machinery (docs/ARCHITECTURE.md): inside a module, <c>Features/X</c> is one slice (an endpoint or
/// a page with what only it needs), and one slice never uses another. What several slices share lives beside
/// <c>Features/</c> at module level (<c>Domain/</c>, <c>Tasks/</c>…), where every slice may use it. Checked over every
/// module <see cref="Solution"/> discovers.
/// </summary>
public sealed class SliceRulesTests
{
    private static IEnumerable<Module> Checked => Solution.Modules;

    public static TheoryData<string> CheckedModules() => [.. Checked.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(CheckedModules))]
    public void A_feature_slice_uses_no_other_slice(string moduleName)
    {
        var module = Solution.Find(moduleName);

        var failures = CrossSliceUses(module.Implementation, module.Namespace);

        Assert.True(failures.Count == 0,
            $"In module {module}, a Features.X type uses a Features.Y type; move what both need beside Features/ (Domain/, Tasks/…):\n  {string.Join("\n  ", failures)}");
    }

    [Fact]
    public void The_slice_rule_finds_a_slice_that_uses_another()
    {
        // Two slices in this test assembly, one using the other: the rule above, run on them, must say so; a rule that
        // could not would pass for any module.
        var failures = CrossSliceUses(typeof(SliceRulesTests).Assembly, "Qedu.Architecture.Tests.SliceFixture");

        Assert.Equal([$"{typeof(SliceFixture.Features.Orders.OrderPage).FullName} uses slice Invoices"], failures);
    }

    [Fact]
    public void Every_checked_module_has_slices_to_check()
    {
        // A module whose slices the namespace pattern missed would pass the rule with nothing checked.
        var missing = Checked.Where(m => SlicesOf(m.Implementation, m.Namespace).Count < 2).Select(m => m.Name).ToList();

        Assert.True(missing.Count == 0, $"Modules with fewer than two Features slices found: {string.Join(", ", missing)}.");
    }

    /// <summary>Every type of one slice that uses a type of another slice of the same root namespace, with that slice's name.</summary>
    private static List<string> CrossSliceUses(Assembly assembly, string rootNamespace)
    {
        var slices = SlicesOf(assembly, rootNamespace);
        var failures = new List<string>();
        foreach (var (slice, _) in slices)
        {
            foreach (var (other, otherTypes) in slices.Where(s => s.Key != slice))
            {
                var result = Types.InAssembly(assembly)
                    .That().ResideInNamespaceMatching(SlicePattern(rootNamespace, slice))
                    .ShouldNot().HaveDependencyOnAny([.. otherTypes])
                    .GetResult();
                if (!result.IsSuccessful)
                {
                    failures.AddRange((result.FailingTypeNames ?? []).Select(name => $"{name} uses slice {other}"));
                }
            }
        }
        return failures.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The slices of an assembly: the first namespace segment below {root}.Features, with the full names of its
    /// top-level types (nested types are covered, as a name matches every name it prefixes; full type names, not
    /// namespaces, so slice "Plans" never matches a slice "PlansX").
    /// </summary>
    private static Dictionary<string, List<string>> SlicesOf(Assembly assembly, string rootNamespace)
    {
        var slice = new Regex($"^{Regex.Escape(rootNamespace)}\\.Features\\.(?<slice>[^.]+)(\\.|$)");
        return assembly.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is not null && slice.IsMatch(t.Namespace))
            .GroupBy(t => slice.Match(t.Namespace!).Groups["slice"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.FullName!).ToList(), StringComparer.Ordinal);
    }

    private static string SlicePattern(string rootNamespace, string slice) =>
        $"^{Regex.Escape(rootNamespace)}\\.Features\\.{Regex.Escape(slice)}(\\.|$)";
}
