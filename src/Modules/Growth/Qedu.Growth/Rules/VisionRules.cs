using System.Text.Json;

namespace Qedu.Growth.Rules;

/// <summary>
/// How a vision screening is read, as data (Rules/vision-screening.json, with its source): 视力不良 is uncorrected acuity
/// under <see cref="NormalAcuity"/> in either eye; 筛查性近视 is poor acuity in an eye whose spherical equivalent is under
/// <see cref="MyopicSphericalEquivalent"/> (or, with no refraction taken and <see cref="CountPoorVisionWithoutRefraction"/>,
/// poor acuity alone), or glasses worn.
/// </summary>
internal sealed record VisionRules(
    string Edition, string Source, double NormalAcuity, double MyopicSphericalEquivalent, bool CountPoorVisionWithoutRefraction,
    double[] AcuityRange, double[] SphericalEquivalentRange)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static VisionRules Load()
    {
        using var stream = typeof(VisionRules).Assembly.GetManifestResourceStream("Qedu.Growth.vision-screening.json")
            ?? throw new InvalidOperationException("vision-screening.json is not embedded.");
        var rules = JsonSerializer.Deserialize<VisionRules>(stream, Json) ?? throw new InvalidOperationException("vision-screening.json is empty.");
        return rules.AcuityRange is [var low, var high] && low < rules.NormalAcuity && rules.NormalAcuity <= high
            && rules.SphericalEquivalentRange is [var min, var max] && min < rules.MyopicSphericalEquivalent && rules.MyopicSphericalEquivalent < max
            && !string.IsNullOrWhiteSpace(rules.Edition)
            ? rules
            : throw new InvalidOperationException("vision-screening.json: normalAcuity must lie in acuityRange, myopicSphericalEquivalent in sphericalEquivalentRange, and an edition given.");
    }

    /// <summary>视力不良: either eye's uncorrected acuity under normal.</summary>
    public bool PoorVision(double left, double right) => left < NormalAcuity || right < NormalAcuity;

    /// <summary>筛查性近视 by the rule: glasses worn, or an eye with poor acuity and a myopic refraction (or none taken, if the rules count that).</summary>
    public bool Myopic(double left, double right, double? leftSe, double? rightSe, bool glasses) =>
        glasses || EyeMyopic(left, leftSe) || EyeMyopic(right, rightSe);

    private bool EyeMyopic(double acuity, double? sphericalEquivalent) =>
        acuity < NormalAcuity && (sphericalEquivalent is { } se ? se < MyopicSphericalEquivalent : CountPoorVisionWithoutRefraction);
}
