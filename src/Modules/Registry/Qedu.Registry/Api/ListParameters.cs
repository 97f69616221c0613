using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Registry.Api;

/// <summary>The query parameters the registry's lists share (a school filter, a page size), checked the same way everywhere.</summary>
internal static class ListParameters
{
    /// <summary>The largest page a record list gives (students and the other kinds alike).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// The id of the school named by <paramref name="school"/>, or the problem: 400 when the code is malformed, 404 when
    /// no unit the caller may see has it (one outside the scope reads as unknown). Null id and no problem without a filter.
    /// </summary>
    public static async Task<(int? SchoolId, ProblemHttpResult? Problem)> SchoolAsync(string? school, OrgTree tree, IStringLocalizer<KernelText> text, CancellationToken ct)
    {
        if (school is null)
        {
            return (null, null);
        }
        if (!OrgUnitRules.IsWellFormedCode(school))
        {
            return (null, TypedResults.Problem(string.Format(text["OrgUnit.CodeMalformed"], school), statusCode: StatusCodes.Status400BadRequest));
        }
        var unit = await tree.FindAsync(school, ct);
        return unit is null
            ? (null, TypedResults.Problem(string.Format(text["OrgUnit.NotFound"], school), statusCode: StatusCodes.Status404NotFound))
            : (unit.Id, null);
    }

    /// <summary>The page size asked for (or <paramref name="fallback"/>), or a 400 naming <c>limit</c> when it is outside 1…<paramref name="max"/>.</summary>
    public static ValidationProblem? PageSize(int? limit, int fallback, int max, IStringLocalizer<KernelText> text, out int size)
    {
        size = limit ?? fallback;
        return size is >= 1 && size <= max
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [string.Format(text["Paging.LimitRange"], 1, max)] });
    }
}

/// <summary>A page of a keyset-paged list: pass <see cref="Next"/> as <c>after</c> for the following page.</summary>
internal sealed record KeysetPage<T>(IReadOnlyList<T> Items, long? Next);
