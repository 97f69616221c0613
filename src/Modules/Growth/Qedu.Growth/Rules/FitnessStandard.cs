using System.Text.Json;

namespace Qedu.Growth.Rules;

/// <summary>An item of the standard: its name, the unit results are given in, and whether a higher result is better.</summary>
internal sealed record FitnessItem(string Zh, string En, string Unit, bool HigherIsBetter, IReadOnlyDictionary<string, double?[]> Tables);

/// <summary>One item's part of a student's score.</summary>
internal sealed record ItemScore(string Item, double? Result, double Score, double Weight, double Bonus);

/// <summary>A student's scores: the items, 标准分 (weighted, 0–100), 附加分 (0–20), the total and its level.</summary>
internal sealed record FitnessScore(IReadOnlyList<ItemScore> Items, double Score, double Bonus, double Total, Domain.FitnessLevel Level);

/// <summary>
/// The national standard for students' physical fitness as data (Rules/fitness-standard.json, with its edition and
/// source): the items each grade is tested on and their weights, the score of a result from the twenty-level tables of
/// each grade and sex, BMI bands, the bonus for results beyond the top, and the levels of the total. Nothing of the
/// standard is in code: a new edition is a new file.
/// </summary>
internal sealed class FitnessStandard
{
    public const string Bmi = "bmi";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Level(string Name, double Min);

    private sealed record BmiRule(double Low, double Normal, double Overweight, double Obese, Dictionary<string, double[]> Tables);

    private sealed record File(
        string Edition, string Source, Level[] Levels, double[] Scores, WeightFile[] Weights, BmiRule Bmi,
        Dictionary<string, ItemFile> Items, Dictionary<string, BonusFile> Bonus, double MaxBonus);

    private sealed record WeightFile(string[] Grades, Dictionary<string, Dictionary<string, double>> Weights);

    private sealed record ItemFile(string Zh, string En, string Unit, string Better, Dictionary<string, double?[]> Tables);

    /// <summary>A bonus (附加分) item in some grades: points for a result beyond the table's top by at least so much (pairs of points and margin, largest first).</summary>
    private sealed record BonusFile(string[] Grades, double[][] Points);

    private readonly File file;

    private FitnessStandard(File file)
    {
        this.file = file;
        Items = file.Items.ToDictionary(i => i.Key, i => new FitnessItem(i.Value.Zh, i.Value.En, i.Value.Unit, i.Value.Better == "higher", i.Value.Tables), StringComparer.Ordinal);
    }

    public string Edition => file.Edition;
    public string Source => file.Source;
    public IReadOnlyDictionary<string, FitnessItem> Items { get; }

    /// <summary>The grades the standard scores (every grade with weights).</summary>
    public IEnumerable<string> Grades => file.Weights.SelectMany(w => w.Grades);

    public static FitnessStandard Load()
    {
        using var stream = typeof(FitnessStandard).Assembly.GetManifestResourceStream("Qedu.Growth.fitness-standard.json")
            ?? throw new InvalidOperationException("fitness-standard.json is not embedded.");
        var file = JsonSerializer.Deserialize<File>(stream, Json) ?? throw new InvalidOperationException("fitness-standard.json is empty.");
        var standard = new FitnessStandard(file);
        return standard.Check() is { } problem ? throw new InvalidOperationException("fitness-standard.json: " + problem) : standard;
    }

    /// <summary>The items (with their weights, summing to 100) a student of this grade and sex is scored on; empty for a grade the standard does not cover.</summary>
    public IReadOnlyDictionary<string, double> WeightsFor(string gradeCode, string genderCode) =>
        file.Weights.FirstOrDefault(w => w.Grades.Contains(gradeCode))?.Weights.GetValueOrDefault(genderCode) is { } weights
            ? weights
            : new Dictionary<string, double>();

    /// <summary>
    /// Scores one student: each item of the grade from its table (a result missing scores 0), BMI from height and weight,
    /// bonus points for the bonus items beyond the table's top (capped), and the level of the total.
    /// </summary>
    public FitnessScore Score(string gradeCode, string genderCode, double? heightCm, double? weightKg, IReadOnlyDictionary<string, double> results)
    {
        var key = gradeCode + "." + genderCode;
        var items = new List<ItemScore>();
        double score = 0, bonus = 0;
        foreach (var (item, weight) in WeightsFor(gradeCode, genderCode))
        {
            double? result;
            double points;
            double extra = 0;
            if (item == Bmi)
            {
                result = BodyMassIndex(heightCm, weightKg);
                points = result is { } bmi ? BmiScore(key, bmi) : 0;
            }
            else
            {
                result = results.TryGetValue(item, out var r) ? r : null;
                var definition = Items[item];
                var table = definition.Tables[key];
                points = result is { } value ? TableScore(table, value, definition.HigherIsBetter) : 0;
                if (result is { } beyond && file.Bonus.TryGetValue(item, out var rule) && rule.Grades.Contains(gradeCode) && table[0] is { } top)
                {
                    var margin = definition.HigherIsBetter ? beyond - top : top - beyond;
                    extra = rule.Points.FirstOrDefault(p => margin >= p[1] - 1e-9)?[0] ?? 0;
                }
            }
            score += points * weight / 100;
            bonus += extra;
            items.Add(new ItemScore(item, result, points, weight, extra));
        }
        score = Math.Round(score, 1, MidpointRounding.AwayFromZero);
        bonus = Math.Min(bonus, file.MaxBonus);
        var total = Math.Round(score + bonus, 1, MidpointRounding.AwayFromZero);
        return new FitnessScore(items, score, bonus, total, LevelOf(total));
    }

    /// <summary>
    /// The level of a year's total (学年总分 = 标准分 + 附加分: "根据学生学年总分评定等级"). The rules list the levels from the
    /// top; below the last is 不及格.
    /// </summary>
    public Domain.FitnessLevel LevelOf(double score) =>
        file.Levels.FirstOrDefault(l => score >= l.Min - 1e-9) is { } level ? Enum.Parse<Domain.FitnessLevel>(level.Name, ignoreCase: true) : Domain.FitnessLevel.Fail;

    /// <summary>BMI = weight (kg) ÷ height (m)², to one decimal as the standard reads it.</summary>
    public static double? BodyMassIndex(double? heightCm, double? weightKg) =>
        heightCm is { } h and > 0 && weightKg is { } w and > 0 ? Math.Round(w / Math.Pow(h / 100, 2), 1, MidpointRounding.AwayFromZero) : null;

    private double BmiScore(string key, double bmi)
    {
        var bands = file.Bmi.Tables[key];
        return bmi < bands[0] - 1e-9 ? file.Bmi.Low
            : bmi <= bands[1] + 1e-9 ? file.Bmi.Normal
            : bmi <= bands[2] + 1e-9 ? file.Bmi.Overweight
            : file.Bmi.Obese;
    }

    /// <summary>The score of the first (highest) level whose threshold the result reaches (levels the table leaves empty skipped); 0 below the last.</summary>
    private double TableScore(double?[] table, double result, bool higherIsBetter)
    {
        for (var i = 0; i < table.Length; i++)
        {
            if (table[i] is { } threshold && (higherIsBetter ? result >= threshold - 1e-9 : result <= threshold + 1e-9))
            {
                return file.Scores[i];
            }
        }
        return 0;
    }

    /// <summary>What is wrong with the file, or null: every grade's weights sum to 100, every table has a threshold per level in order.</summary>
    private string? Check()
    {
        if (string.IsNullOrWhiteSpace(file.Edition) || file.Scores.Length == 0 || !file.Scores.SequenceEqual(file.Scores.OrderDescending()))
        {
            return "an edition and the score levels (from the top) are required.";
        }
        foreach (var band in file.Weights)
        {
            foreach (var (sex, weights) in band.Weights)
            {
                if (Math.Abs(weights.Values.Sum() - 100) > 1e-9)
                {
                    return $"the weights of {string.Join(",", band.Grades)} ({sex}) sum to {weights.Values.Sum()}, not 100.";
                }
                foreach (var grade in band.Grades)
                {
                    var key = grade + "." + sex;
                    foreach (var item in weights.Keys)
                    {
                        if (item == Bmi)
                        {
                            if (!file.Bmi.Tables.TryGetValue(key, out var b) || b.Length != 3 || !(b[0] < b[1] && b[1] < b[2]))
                            {
                                return $"bmi {key}: three bands in order are required.";
                            }
                            continue;
                        }
                        if (!file.Items.TryGetValue(item, out var definition) || !definition.Tables.TryGetValue(key, out var table))
                        {
                            return $"{item} {key}: no table.";
                        }
                        var higher = definition.Better == "higher";
                        var given = table.OfType<double>().ToList();
                        if (table.Length != file.Scores.Length || table[0] is null || !given.Zip(given.Skip(1)).All(p => higher ? p.First > p.Second : p.First < p.Second))
                        {
                            return $"{item} {key}: {file.Scores.Length} thresholds (null where the table has none) strictly in order from the top are required.";
                        }
                    }
                }
            }
        }
        return file.Bonus.Keys.FirstOrDefault(k => !file.Items.ContainsKey(k)) is { } unknown ? $"bonus for an unknown item {unknown}." : null;
    }
}
