using Qedu.Indicators.Contracts;

namespace Qedu.Indicators.Domain;

/// <summary>A plan target beside the value: met or not, and by how much (value − target, in the indicator's unit).</summary>
internal sealed record TargetStatus(BoundTarget Target, decimal Gap, bool Met)
{
    public static TargetStatus? Of(BoundTarget? target, decimal? value)
    {
        if (target is null || value is not { } v)
        {
            return null;
        }
        var met = target.Comparator switch
        {
            "<=" => v <= target.Value,
            "=" => v == target.Value,
            _ => v >= target.Value,
        };
        return new TargetStatus(target, v - target.Value, met);
    }

    /// <summary>How a comparator is printed beside a target: ≥ 80, ≤ 0, = 100.</summary>
    public static string Symbol(string comparator) => comparator switch { "<=" => "≤", "=" => "=", _ => "≥" };
}
