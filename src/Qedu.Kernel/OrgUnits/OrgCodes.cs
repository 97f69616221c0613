using System.Collections.Concurrent;

namespace Qedu.Kernel.OrgUnits;

/// <summary>
/// Org unit ids and codes as this process has read them, so that labelling a row with its unit's code and binding a
/// client to its unit cost no query per request. Safe to keep for the life of the process: a unit's code never changes
/// (identity fields are refused by the org unit edit, 学校(机构)代码管理办法) and units are never deleted, so an id
/// and its code belong together for good. Only units that exist are remembered (an unknown code is asked again).
/// Bounded by the number of org units (a city has a few thousand).
/// </summary>
public sealed class OrgCodes
{
    private readonly ConcurrentDictionary<int, string> _codeOf = new();
    private readonly ConcurrentDictionary<string, int> _idOf = new(StringComparer.Ordinal);

    public bool TryGetCode(int id, out string code) => _codeOf.TryGetValue(id, out code!);

    public bool TryGetId(string code, out int id) => _idOf.TryGetValue(code, out id);

    /// <summary>Remembers a unit read from the database.</summary>
    public void Add(int id, string code)
    {
        _codeOf[id] = code;
        _idOf[code] = id;
    }
}
