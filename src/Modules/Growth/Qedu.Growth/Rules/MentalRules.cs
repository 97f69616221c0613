using System.Text.Json;
using Qedu.Growth.Domain;

namespace Qedu.Growth.Rules;

/// <summary>A screening instrument (量表): its score range, the grades it is given in, its bands, and whether it has a risk item.</summary>
internal sealed record MentalInstrument(string Code, string Zh, string En, string Source, double Min, double Max, string[] Grades, bool RiskItem, MentalBand[] Bands);

/// <summary>From this score up (to the next band), this level.</summary>
internal sealed record MentalBand(double From, MentalLevel Level);

/// <summary>
/// How a mental-health screening is read, as data (Rules/mental-screening.json, with each instrument's source): the
/// level a score reaches, a positive risk item making it a crisis, the level from which a follow-up case opens, and the
/// working days within which a case is next followed up.
/// </summary>
internal sealed record MentalRules(MentalInstrument[] Instruments, MentalLevel CaseFrom, Dictionary<MentalLevel, int> FollowUpWorkingDays)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static MentalRules Load()
    {
        using var stream = typeof(MentalRules).Assembly.GetManifestResourceStream("Qedu.Growth.mental-screening.json")
            ?? throw new InvalidOperationException("mental-screening.json is not embedded.");
        var rules = JsonSerializer.Deserialize<MentalRules>(stream, Json) ?? throw new InvalidOperationException("mental-screening.json is empty.");
        var ok = rules.Instruments.Length > 0 && rules.Instruments.All(i => i.Bands.Length > 0 && i.Bands[0].From <= i.Min && i.Min < i.Max
                && i.Bands.Zip(i.Bands.Skip(1)).All(p => p.First.From < p.Second.From && p.First.Level < p.Second.Level))
            && Enum.GetValues<MentalLevel>().Where(l => l >= rules.CaseFrom).All(l => rules.FollowUpWorkingDays.GetValueOrDefault(l) is > 0 and <= 60)
            && rules.CaseFrom > MentalLevel.None;
        return ok ? rules : throw new InvalidOperationException(
            "mental-screening.json: every instrument needs bands from its minimum upwards, in order of score and level; every level from caseFrom needs 1–60 follow-up working days.");
    }

    public MentalInstrument? Find(string? code) => Instruments.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The level of a score on an instrument: the highest band it reaches; a positive risk item is a crisis.</summary>
    public static MentalLevel LevelOf(MentalInstrument instrument, double score, bool riskItem) =>
        riskItem && instrument.RiskItem ? MentalLevel.Crisis : instrument.Bands.Last(b => score >= b.From).Level;
}
