using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Qedu.Architecture.Tests;

/// <summary>One read past a query filter found in the source: where it is, the place it counts for, and whether it names its filters.</summary>
public sealed record ScopeEscapeUse(string File, int Line, string Place, bool Named);

/// <summary>
/// Finds every <c>IgnoreQueryFilters</c> call in the source. A place is the enclosing type and member
/// ("OrgTree.CodesOfAsync"; nested types after their outer types), not a path, so the list survives files moving and
/// splitting (a partial class split into several files keeps its places); a
/// Razor component counts as one place ("Home.razor").
/// </summary>
public static partial class ScopeEscapeScanner
{
    public const string Method = "IgnoreQueryFilters";

    /// <summary>Every .cs and .razor file under src, without generated code, migrations and build output.</summary>
    public static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations"))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<ScopeEscapeUse> Scan(string file, string text)
    {
        if (!text.Contains(Method, StringComparison.Ordinal))
        {
            return [];
        }
        return file.EndsWith(".razor", StringComparison.Ordinal) ? ScanRazor(file, text) : ScanCSharp(file, text);
    }

    /// <summary>
    /// What is wrong with these uses against the allow-list: a bare use (no filter named), a place not on the list, a
    /// count that differs, and a listed place that no longer reads past the filter.
    /// </summary>
    public static IReadOnlyList<string> Check(IEnumerable<ScopeEscapeUse> uses, IReadOnlyDictionary<string, ScopeEscape> allowed)
    {
        var list = uses.ToList();
        var failures = list.Where(u => !u.Named)
            .Select(u => $"{u.File}:{u.Line} ({u.Place}): bare {Method}(); name the filters it ignores, e.g. {Method}([ScopeFilter.Name])")
            .ToList();
        foreach (var place in list.GroupBy(u => u.Place, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!allowed.TryGetValue(place.Key, out var escape))
            {
                failures.Add($"{place.First().File}:{place.First().Line} ({place.Key}): reads past the scope but is not on {nameof(ScopeEscapes)}; move it into OrgTree or add it with a reason");
            }
            else if (escape.Count != place.Count())
            {
                failures.Add($"{place.Key}: {place.Count()} read(s) past the scope, {nameof(ScopeEscapes)} says {escape.Count}");
            }
        }
        var found = list.Select(u => u.Place).ToHashSet(StringComparer.Ordinal);
        failures.AddRange(allowed.Keys.Where(k => !found.Contains(k)).Order(StringComparer.Ordinal)
            .Select(k => $"{k}: on {nameof(ScopeEscapes)} but no longer reads past the scope; remove it from the list"));
        return failures;
    }

    private static IEnumerable<ScopeEscapeUse> ScanCSharp(string file, string text)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = call.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            };
            if (name != Method)
            {
                continue;
            }
            // Nested types by their whole chain (OneRosterImport.Run): two importers both have a Run.
            var types = call.Ancestors().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).Reverse().ToList();
            var type = types.Count == 0 ? "(top level)" : string.Join('.', types);
            var member = call.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() switch
            {
                MethodDeclarationSyntax m => m.Identifier.ValueText,
                ConstructorDeclarationSyntax => "ctor",
                PropertyDeclarationSyntax p => p.Identifier.ValueText,
                FieldDeclarationSyntax f => f.Declaration.Variables.First().Identifier.ValueText,
                _ => "(type)",
            };
            var line = call.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            yield return new ScopeEscapeUse(file, line, $"{type}.{member}", call.ArgumentList.Arguments.Count > 0);
        }
    }

    private static IEnumerable<ScopeEscapeUse> ScanRazor(string file, string text)
    {
        var place = Path.GetFileName(file);
        foreach (Match match in RazorCall().Matches(text))
        {
            var line = text.AsSpan(0, match.Index).Count('\n') + 1;
            yield return new ScopeEscapeUse(file, line, place, match.Groups["args"].Value.Trim().Length > 0);
        }
    }

    [GeneratedRegex(@"\bIgnoreQueryFilters\s*\((?<args>[^)]*)\)")]
    private static partial Regex RazorCall();
}
