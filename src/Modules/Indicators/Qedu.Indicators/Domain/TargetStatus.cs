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

/// <summary>
/// Beside a form's figure: of the units the form was sent to for the period, how many answered (have an approved
/// return). A rate over the units asked with few answers is a low figure because of the silence, and says so.
/// </summary>
internal sealed record ResponseRate(int Answered, int Asked)
{
    /// <summary>Answered ÷ asked × 100, one decimal.</summary>
    public decimal Percent => Asked == 0 ? 0 : Math.Round(Answered * 100m / Asked, 1, MidpointRounding.AwayFromZero);

    public static ResponseRate? Of(int? answered, int? asked) => asked is { } a && answered is { } n ? new ResponseRate(n, a) : null;

    public override string ToString() => $"{Answered}/{Asked} ({Percent.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}%)";
}
