using System.Collections.Frozen;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Codes;

/// <summary>
/// The code lists as the database holds them, cached in memory (they are small and read on every validation).
/// Call <see cref="Invalidate"/> after changing a list.
/// </summary>
public sealed class CodeBook(IServiceScopeFactory scopes, TimeProvider clock)
{
    private volatile Snapshot? _snapshot;
    private readonly Lock _gate = new();

    private sealed record Snapshot(FrozenDictionary<string, CodeValue[]> ByList);

    public void Invalidate() => _snapshot = null;

    /// <summary>Today in China Standard Time: code validity is judged by the local calendar date.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));

    /// <summary>All values of a list valid on a date (today when omitted), in list order.</summary>
    public IReadOnlyList<CodeValue> Values(string list, DateOnly? asOf = null)
    {
        var date = asOf ?? Today;
        return Load().ByList.TryGetValue(list, out var values) ? values.Where(v => v.IsValidOn(date)).ToArray() : [];
    }

    /// <summary>The value valid on the date, or null. With <paramref name="anyDate"/> a retired value is found too.</summary>
    public CodeValue? Find(string list, string? code, DateOnly? asOf = null, bool anyDate = false)
    {
        if (string.IsNullOrEmpty(code) || !Load().ByList.TryGetValue(list, out var values))
        {
            return null;
        }
        var date = asOf ?? Today;
        CodeValue? retired = null;
        foreach (var v in values)
        {
            if (v.Code == code)
            {
                if (v.IsValidOn(date))
                {
                    return v;
                }
                retired ??= v;
            }
        }
        return anyDate ? retired : null;
    }

    public bool IsValid(string list, string? code, DateOnly? asOf = null) => Find(list, code, asOf) is not null;

    /// <summary>The name of a code in the current UI language, or the code itself when unknown.</summary>
    public string NameOf(string list, string? code)
    {
        var value = Find(list, code, anyDate: true);
        return value is null ? code ?? "" : value.Name(IsEnglish);
    }

    /// <summary>The stages a school of this 办学类型 teaches (a 九年一贯制 school teaches two).</summary>
    public IReadOnlyList<Stage> StagesOf(string? schoolTypeCode)
    {
        var stages = Find(CodeLists.SchoolType, schoolTypeCode, anyDate: true)?.Attribute("stages");
        return stages is null ? [] : stages.Split('|').Select(Enum.Parse<Stage>).ToArray();
    }

    /// <summary>Whether a school of this 城乡分类 code is urban (the code list's <c>urban</c> attribute); null for an unknown code.</summary>
    public bool? IsUrban(string? urbanRuralCode) =>
        Find(CodeLists.UrbanRural, urbanRuralCode, anyDate: true)?.Attribute("urban") is { } urban ? urban == "true" : null;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private Snapshot Load()
    {
        var snapshot = _snapshot;
        if (snapshot is not null)
        {
            return snapshot;
        }
        lock (_gate)
        {
            if (_snapshot is not null)
            {
                return _snapshot;
            }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            var all = db.CodeValues.AsNoTracking().OrderBy(v => v.ListKey).ThenBy(v => v.SortOrder).ToList();
            _snapshot = new Snapshot(all.GroupBy(v => v.ListKey).ToFrozenDictionary(g => g.Key, g => g.ToArray()));
            return _snapshot;
        }
    }
}
