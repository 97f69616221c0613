using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Codes;

/// <summary>
/// Loads the code lists shipped with Qedu into the database. A list is replaced when the shipped version differs from the
/// stored one; a list the bureau added itself (not shipped) is left alone.
/// </summary>
public sealed class CodeListSync(KernelDb db)
{
    public async Task<int> SyncAsync(CancellationToken ct = default)
    {
        var stored = await db.CodeLists.ToDictionaryAsync(l => l.Key, ct);
        var changed = 0;
        foreach (var (list, values) in EmbeddedCodeLists.Load())
        {
            if (stored.TryGetValue(list.Key, out var existing) && existing.Version == list.Version)
            {
                continue;
            }
            if (existing is not null)
            {
                await db.CodeValues.Where(v => v.ListKey == list.Key).ExecuteDeleteAsync(ct);
                existing.NameZh = list.NameZh;
                existing.NameEn = list.NameEn;
                existing.Source = list.Source;
                existing.Version = list.Version;
            }
            else
            {
                db.CodeLists.Add(list);
            }
            db.CodeValues.AddRange(values);
            changed++;
        }
        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return changed;
    }
}
