using NetArchTest.Rules;

namespace Qedu.Architecture.Tests;

/// <summary>
/// The kernel's data surface: only the kernel and the Organisation module (the kernel's own UI) touch the kernel's
/// DbContext; everyone else asks OrgTree or another kernel service. Every read past the scope filter names the
/// filters it ignores and sits on <see cref="ScopeEscapes"/>.
/// </summary>
public sealed class KernelSurfaceTests
{
    private const string KernelDb = "Qedu.Kernel.Data.KernelDb";

    /// <summary>The assemblies that may use KernelDb, with the reason.</summary>
    private static readonly IReadOnlyDictionary<string, string> MayUseKernelDb = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Solution.Kernel] = "it owns the DbContext",
        ["Qedu.Organisation"] = "the kernel's own UI: org units, accounts, roles and the audit log are its records",
    };

    [Fact]
    public void Only_the_kernel_and_Organisation_use_KernelDb()
    {
        var others = Solution.ProjectAssemblies.Where(name => !MayUseKernelDb.ContainsKey(name)).ToList();
        Assert.Contains("Qedu.Web", others);
        Assert.Contains("Qedu.Registry", others);

        var failures = others
            .SelectMany(name => Offenders(Types.InAssembly(Solution.Load(name)).ShouldNot().HaveDependencyOn(KernelDb).GetResult()))
            .ToList();

        Assert.True(failures.Count == 0,
            $"Only {string.Join(" and ", MayUseKernelDb.Keys)} may use {KernelDb}; ask OrgTree (or another kernel service) instead:\n  {string.Join("\n  ", failures)}");
    }

    [Fact]
    public void The_KernelDb_rule_sees_a_use_that_exists()
    {
        // Organisation does use KernelDb: the same rule run on it must fail, or the rule above checks nothing.
        var result = Types.InAssembly(Solution.Load("Qedu.Organisation")).ShouldNot().HaveDependencyOn(KernelDb).GetResult();

        Assert.False(result.IsSuccessful, "The rule finds no use of KernelDb in Qedu.Organisation: the dependency matching is broken.");
    }

    [Fact]
    public void Every_read_past_the_scope_is_named_and_on_the_list()
    {
        var root = Solution.SourceRoot();
        var uses = ScopeEscapeScanner.SourceFiles(root)
            .SelectMany(file => ScopeEscapeScanner.Scan(Path.GetRelativePath(root, file), File.ReadAllText(file)))
            .ToList();
        Assert.NotEmpty(uses);

        var failures = ScopeEscapeScanner.Check(uses, ScopeEscapes.Allowed);

        Assert.True(failures.Count == 0, $"Reads past the scope filter must be named and on {nameof(ScopeEscapes)}:\n  {string.Join("\n  ", failures)}");
    }

    [Fact]
    public void Every_listed_escape_gives_a_reason()
    {
        var missing = ScopeEscapes.Allowed.Where(e => string.IsNullOrWhiteSpace(e.Value.Reason) || e.Value.Count < 1).Select(e => e.Key).ToList();

        Assert.True(missing.Count == 0, $"Listed without a reason or count: {string.Join(", ", missing)}");
    }

    private const string Sample = """
        namespace Sample;
        internal sealed class Listed(Db db)
        {
            public Task<int> CountAsync() => db.Units.IgnoreQueryFilters([ScopeFilter.Name]).CountAsync();
            private Task<bool> AnyAsync() => db.Units.IgnoreQueryFilters().AnyAsync();
            private sealed class Nested
            {
                private Task<bool> Unlisted(Db db) => db.Units.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync();
            }
        }
        """;

    [Fact]
    public void The_scanner_finds_bare_unlisted_and_stale_escapes()
    {
        var uses = ScopeEscapeScanner.Scan("Sample.cs", Sample).ToList();
        Assert.Equal(["Listed.CountAsync", "Listed.AnyAsync", "Listed.Nested.Unlisted"], uses.Select(u => u.Place));
        Assert.Equal([true, false, true], uses.Select(u => u.Named));

        var allowed = new Dictionary<string, ScopeEscape>(StringComparer.Ordinal)
        {
            ["Listed.CountAsync"] = new(1, "sample"),
            ["Listed.AnyAsync"] = new(2, "sample"),
            ["Gone.ReadAsync"] = new(1, "sample"),
        };
        var failures = ScopeEscapeScanner.Check(uses, allowed);

        Assert.Contains(failures, f => f.Contains("Listed.AnyAsync", StringComparison.Ordinal) && f.Contains("bare", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Listed.AnyAsync", StringComparison.Ordinal) && f.Contains("says 2", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Listed.Nested.Unlisted", StringComparison.Ordinal) && f.Contains("not on", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Gone.ReadAsync", StringComparison.Ordinal) && f.Contains("no longer", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("Listed.CountAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scanner_reads_Razor_components()
    {
        const string page = "@code {\n  var n = await Db.Units.IgnoreQueryFilters( ).CountAsync();\n  var m = await Db.Units.IgnoreQueryFilters([ScopeFilter.Name]).CountAsync();\n}";

        var uses = ScopeEscapeScanner.Scan("src/Page.razor", page).ToList();

        Assert.Equal([(2, false), (3, true)], uses.Select(u => (u.Line, u.Named)));
        Assert.All(uses, u => Assert.Equal("Page.razor", u.Place));
    }

    private static IEnumerable<string> Offenders(TestResult result) =>
        result.IsSuccessful ? [] : (result.FailingTypeNames ?? []).Select(name => $"{name} uses KernelDb");
}
