using Microsoft.EntityFrameworkCore;

namespace Qedu.Kernel.Persistence;

/// <summary>Keyset paging: read one row more than the page holds, so "is there more?" costs no second query.</summary>
public static class KeysetPaging
{
    /// <summary>Up to <paramref name="limit"/> rows of an already ordered and filtered query, and whether more follow.</summary>
    public static async Task<(List<T> Rows, bool HasMore)> TakePageAsync<T>(this IQueryable<T> ordered, int limit, CancellationToken ct = default)
    {
        var rows = await ordered.Take(limit + 1).ToListAsync(ct);
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        return (rows, more);
    }
}
